"""An exercise's picture on screen: mirrored for the right side, blended with the breath.

Two pictures of one movement (cat-cow) cross-fade with the breath. Each picture is
drawn once into a pixmap at the widget's size and pixel ratio; a tick that moves
the blend only mixes the two pixmaps, it never renders an SVG again.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_gui.core.session.blend import nearest_frame
from stretch_gui.qt.pictures import Picture
from stretch_gui.ui import theme

BLEND_STEPS = 64  # a blend that moves less than 1/64 is not repainted
PICTURES_KEPT = 16  # loaded pictures kept: all of a moving exercise's frames, and a step or two either side
MARGIN = 8


class Illustration(QWidget):
    """Shows one picture, or two blended by a weight (``weight`` of the first, the rest of the second)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Opaque: a blend step repaints only this widget, not the screen behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, 180)
        self._pictures: OrderedDict[Path, Picture] = OrderedDict()
        self._rendered: dict[tuple[Path, int, int, float], QPixmap] = {}
        self._picture: Picture | None = None
        self._other: Picture | None = None
        self._weight = 1.0
        self._mirrored = False
        self._reduced_motion = False
        self.setAccessibleName("Illustration")

    def sizeHint(self) -> QSize:
        # Small on purpose: the picture takes whatever room the words leave, and a large hint
        # would make a scrolling column scroll before it shrinks the picture.
        return self.minimumSize().expandedTo(QSize(240, 180))

    # -- state, read-only -----------------------------------------------------

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    @property
    def current_path(self) -> Path | None:
        """The picture that shows most: the first one at weight 0.5 and above."""
        shown = self._dominant()
        return shown.path if shown else None

    @property
    def blend_weight(self) -> float:
        """How much of the first picture shows: steps of 1/BLEND_STEPS, or 0.0 / 1.0 when not blending."""
        return self._weight

    @property
    def showing_placeholder(self) -> bool:
        shown = self._dominant()
        return shown is not None and not shown.ok

    @property
    def placeholder_name(self) -> str:
        """The file name the placeholder shows, or "" when a picture shows."""
        shown = self._dominant()
        return shown.path.name if shown is not None and not shown.ok else ""

    # -- commands -------------------------------------------------------------

    def set_reduced_motion(self, reduced: bool) -> None:
        """Reduced motion shows whichever picture is nearer, never a blend."""
        if reduced != self._reduced_motion:
            self._reduced_motion = reduced
            if reduced:
                self._weight = nearest_frame(self._weight)
            self.update()

    def show_picture(
        self,
        path: Path | None,
        *,
        mirrored: bool,
        description: str,
        other: Path | None = None,
        weight: float = 1.0,
    ) -> None:
        """Show ``path``; with ``other``, ``weight`` of ``path`` over ``1 - weight`` of ``other``."""
        picture = self._load(path)
        second = self._load(other) if picture is not None else None
        weight = min(max(weight, 0.0), 1.0)
        if picture is None or second is None:  # no second without a first
            weight = 1.0
        elif self._reduced_motion or not (picture.ok and second.ok):
            weight = nearest_frame(weight)  # one whole picture, repainted only when it changes
        else:
            weight = round(weight * BLEND_STEPS) / BLEND_STEPS
        if (picture, second, weight, mirrored) == (self._picture, self._other, self._weight, self._mirrored):
            return
        self._picture, self._other, self._weight, self._mirrored = picture, second, weight, mirrored
        shown = self._dominant()
        if shown is not None and not shown.ok:
            description = shown.placeholder_text.replace("\n", ": ", 1)
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)
        self.update()

    # -- loading and drawing --------------------------------------------------

    def _load(self, path: Path | None) -> Picture | None:
        if path is None:
            return None
        picture = self._pictures.get(path)
        if picture is None:
            picture = self._pictures[path] = Picture(path)
            while len(self._pictures) > PICTURES_KEPT:
                dropped, _ = self._pictures.popitem(last=False)
                self._rendered = {key: pixmap for key, pixmap in self._rendered.items() if key[0] != dropped}
        else:
            self._pictures.move_to_end(path)
        return picture

    def _blending(self) -> bool:
        return (
            self._picture is not None and self._other is not None and self._picture.ok and self._other.ok
            and not self._reduced_motion
        )

    def _dominant(self) -> Picture | None:
        if self._other is None:
            return self._picture
        return self._picture if self._weight >= 0.5 else self._other

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def _pixmap(self, picture: Picture) -> QPixmap:
        area = self._area().size().toSize()
        ratio = self.devicePixelRatioF()
        key = (picture.path, area.width(), area.height(), ratio)
        pixmap = self._rendered.get(key)
        if pixmap is None:
            pixmap = self._rendered[key] = picture.render(area, ratio)
        return pixmap

    def _blend(self, first: QPixmap, second: QPixmap, weight: float) -> QPixmap:
        """A true cross-dissolve: weight × first + (1 − weight) × second, pixel by pixel.

        Drawn straight onto the window with two opacities, the parts both pictures
        share (the floor, the hands) would fade mid-way; Source mode with an opacity
        interpolates instead, so what both pictures share stays solid and only what
        moves dissolves. (Plus mode would do too, but Qt's raster engine applies its
        opacity wrongly.)
        """
        canvas = QPixmap(first.size())
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawPixmap(0, 0, first)
        painter.setOpacity(1 - weight)
        painter.drawPixmap(0, 0, second)
        painter.end()
        canvas.setDevicePixelRatio(first.devicePixelRatio())
        return canvas

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._rendered.clear()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._rendered.clear()
        super().changeEvent(event)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.current().color("window"))
        shown = self._dominant()
        if shown is None:
            return
        if not shown.ok:
            self._paint_placeholder(painter, self._area(), shown.placeholder_text)
            return
        if self._mirrored:
            # Drawn once, shown for both sides: flip around the widget's centre.
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        if self._blending():
            assert self._picture is not None and self._other is not None
            weight = self._weight
            if weight in (0.0, 1.0):
                pixmap = self._pixmap(self._picture if weight else self._other)
            else:
                pixmap = self._blend(self._pixmap(self._picture), self._pixmap(self._other), weight)
        else:
            pixmap = self._pixmap(shown)
        painter.drawPixmap(self._area().topLeft(), pixmap)

    def _paint_placeholder(self, painter: QPainter, area: QRectF, text: str) -> None:
        t = theme.current()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(t.color("border"), 2, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(area, 14, 14)
        painter.setPen(t.color("muted"))
        painter.drawText(area.adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
