"""An exercise's picture: built-in SVG or the physio's own file, mirrored for the right side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_gui.ui import theme

MAX_IMAGE_PIXELS = 4096 * 4096
# QImageReader refuses to allocate more than this, so a 60000 x 60000 PNG is a placeholder, not a crash.
QImageReader.setAllocationLimit(128)


class _Picture:
    """A loaded image, SVG or raster, or nothing with the reason."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.svg: QSvgRenderer | None = None
        self.image: QImage | None = None
        if path is None:
            return
        if path.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(path)) if path.is_file() else None
            if renderer is not None and renderer.isValid():
                self.svg = renderer
            return
        reader = QImageReader(str(path))
        size = reader.size()
        if not reader.canRead() or size.width() * size.height() > MAX_IMAGE_PIXELS:
            return
        image = reader.read()
        if not image.isNull():
            self.image = image

    @property
    def ok(self) -> bool:
        return self.svg is not None or self.image is not None

    def natural_size(self) -> QSizeF:
        if self.svg is not None:
            return QSizeF(self.svg.defaultSize())
        assert self.image is not None
        return QSizeF(self.image.size())

    def paint(self, painter: QPainter, target: QRectF) -> None:
        if self.svg is not None:
            self.svg.render(painter, target)
        elif self.image is not None:
            painter.drawImage(target, self.image)


class Illustration(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self._cache: dict[Path, _Picture] = {}
        self._picture: _Picture | None = None
        self._mirrored = False
        self.setAccessibleName("Illustration")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 360)

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    @property
    def current_path(self) -> Path | None:
        return self._picture.path if self._picture else None

    def show_picture(self, path: Path | None, *, mirrored: bool, description: str) -> None:
        picture = None
        if path is not None:
            picture = self._cache.get(path)
            if picture is None:
                picture = self._cache[path] = _Picture(path)
        if picture is self._picture and mirrored == self._mirrored:
            return
        self._picture, self._mirrored = picture, mirrored
        self.setAccessibleDescription(description)
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        picture = self._picture
        if picture is None:
            return
        if not picture.ok:
            self._paint_placeholder(painter, area, picture.path)
            return
        natural = picture.natural_size()
        natural.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, natural.width(), natural.height())
        target.moveCenter(area.center())
        if self._mirrored:
            # Drawn once, shown for both sides: flip around the picture's centre.
            painter.translate(target.center().x() * 2, 0)
            painter.scale(-1, 1)
        picture.paint(painter, target)

    def _paint_placeholder(self, painter: QPainter, area: QRectF, path: Path | None) -> None:
        t = theme.current()
        painter.setPen(QPen(t.color("border"), 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(area, 14, 14)
        painter.setPen(t.color("muted"))
        name = path.name if path else ""
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, f"Picture not available\n{name}")
