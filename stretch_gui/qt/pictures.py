"""A picture file made ready to draw: a built-in SVG or the physio's own PNG, JPEG or SVG.

No widgets here: the player's illustration and the PDF handout both draw through
:class:`Picture`. A stranger's file is refused from its header or its cleaned SVG
before Qt decodes it, and the reason is kept for the placeholder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from stretch_gui.core.routine.picturecheck import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, picture_problem
from stretch_gui.core.routine.svgsafe import MAX_SVG_BYTES, UnsafeSvgError, sanitise_svg

if TYPE_CHECKING:
    from PySide6.QtSvg import QtSvg

__all__ = ["MAX_IMAGE_PIXELS", "MAX_IMAGE_SIDE", "Picture"]  # the limits are core's: validate checks the same ones
# Backstop under MAX_IMAGE_PIXELS (pictures embedded in an SVG are decoded by QtSvg):
# QImageReader refuses to allocate more than this many megabytes for one image.
QImageReader.setAllocationLimit(128)


@contextmanager
def _qt_messages_kept(into: list[str]) -> Iterator[None]:
    """Collect what Qt's decoders say while loading a stranger's file, instead of logging it.

    A truncated JPEG decodes to a half-grey picture and says so only as a warning,
    so the messages are the evidence that a picture is damaged.
    """

    def keep(_kind: object, _context: object, message: str) -> None:
        into.append(message)

    previous: Callable[..., None] | None = qInstallMessageHandler(keep)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _svg_options() -> QtSvg.Option | None:
    # QtSvg.Option arrived in 6.7 and DisableAnimations in 6.9; pyproject allows 6.6.
    try:
        from PySide6.QtSvg import QtSvg
    except ImportError:
        return None
    option = QtSvg.Option
    # Not AssumeTrustedSource: QtSvg's own limits on untrusted files stay on.
    return getattr(option, "DisableAnimations", option.NoOption)


class Picture:
    """A loaded image, SVG or raster, or nothing with the reason."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.svg: QSvgRenderer | None = None
        self.image: QImage | None = None
        self.problem = ""
        self.complaints: list[str] = []  # what Qt said while loading or drawing
        try:
            if not path.is_file():  # missing, a folder, or a pipe that would never end
                self.problem = "not found"
            elif path.suffix.lower() == ".svg":
                self._load_svg()
            else:
                self._load_raster()
        except OSError as exc:
            self.problem = exc.strerror or str(exc)

    def _load_svg(self) -> None:
        with self.path.open("rb") as handle:
            raw = handle.read(MAX_SVG_BYTES + 1)
        try:
            clean = sanitise_svg(raw, folder=self.path.parent)
        except UnsafeSvgError as exc:
            self.problem = str(exc)
            return
        renderer = QSvgRenderer()
        options = _svg_options()
        if options is not None:
            renderer.setOptions(options)
        with _qt_messages_kept(self.complaints):
            loaded = renderer.load(QByteArray(clean))
        if loaded and renderer.isValid() and not renderer.defaultSize().isEmpty():
            self.svg = renderer
        else:
            self.problem = "the SVG file could not be read"

    def _load_raster(self) -> None:
        reason = picture_problem(self.path)  # the header check validate makes, in the same words
        if reason:
            self.problem = reason
            return
        with _qt_messages_kept(self.complaints):
            reader = QImageReader(str(self.path))
            reader.setDecideFormatFromContent(True)  # a text file named .png is refused, not guessed at
            size = reader.size()  # from the header alone
            if not reader.canRead() or size.isEmpty():
                self.problem = "not a PNG or JPEG picture"
                return
            if size.width() * size.height() > MAX_IMAGE_PIXELS:
                self.problem = f"the picture is too large ({size.width()} × {size.height()})"
                return
            if max(size.width(), size.height()) > MAX_IMAGE_SIDE:
                reader.setScaledSize(size.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
        if image.isNull() or self.complaints:
            self.problem = "the picture is damaged"
            return
        self.image = image

    @property
    def placeholder_text(self) -> str:
        """What a placeholder says in place of this picture: that it is missing, and why."""
        reason = self.problem or "it could not be drawn"
        if reason.startswith(self.path.name):
            return f"Picture not available\n{reason}"
        return f"Picture not available\n{self.path.name}: {reason}"

    @property
    def ok(self) -> bool:
        return self.svg is not None or self.image is not None

    def natural_size(self) -> QSizeF:
        if self.svg is not None:
            return QSizeF(self.svg.defaultSize())
        assert self.image is not None
        return QSizeF(self.image.size())

    def paint(self, painter: QPainter, target: QRectF) -> None:
        """Draw straight onto ``painter`` (vectors stay vectors, as in a PDF)."""
        if self.svg is not None:
            with _qt_messages_kept(self.complaints):
                self.svg.render(painter, target)
        elif self.image is not None:
            painter.drawImage(target, self.image)

    def render(self, size: QSize, ratio: float) -> QPixmap:
        """A transparent pixmap of ``size`` (logical pixels, sharp at ``ratio``), the picture fitted in its middle.

        Every picture fills the same whole area, so two of them blend pixel for pixel.
        """
        canvas = QSize(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        fitted = self.natural_size().scaled(QSizeF(canvas), Qt.AspectRatioMode.KeepAspectRatio).toSize()
        fitted = fitted.expandedTo(QSize(1, 1))
        # Whole device pixels, so the picture is not smeared across a pixel boundary.
        corner = QPoint((canvas.width() - fitted.width()) // 2, (canvas.height() - fitted.height()) // 2)
        pixmap = QPixmap(canvas)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        if self.image is not None:
            scaled = self.image.scaled(fitted, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(corner, scaled)
        else:
            assert self.svg is not None
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            with _qt_messages_kept(self.complaints):
                self.svg.render(painter, QRectF(QPointF(corner), QSizeF(fitted)))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        return pixmap
