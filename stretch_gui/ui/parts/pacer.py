"""The breathing pacer: a shape that fills with the in-breath and empties with the out-breath."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_gui.core.session.breathing import BreathPhase, BreathState
from stretch_gui.ui import theme

MIN_RADIUS = 0.32  # of the largest radius: the shape never vanishes, an empty breath is still visible


class BreathPacer(QWidget):
    """Draws a BreathState. In reduced-motion mode a flat bar steps once a second instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breathPacer")
        self.setAccessibleName("Breathing guide")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 120)
        self._fill = 0.0
        self._phase: BreathPhase | None = None
        self._reduced_motion = False

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 260)

    @property
    def fill(self) -> float:
        return self._fill

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self.update()

    def show_breath(self, breath: BreathState | None) -> None:
        if breath is None:
            fill, phase = 0.0, None
        elif self._reduced_motion:
            # Whole seconds only: a still bar that steps, no continuous movement.
            steps = max(1, round(breath.phase_duration))
            done = min(steps, int(breath.phase_elapsed) + 1)
            fill = {BreathPhase.INHALE: done / steps, BreathPhase.PAUSE: 1.0,
                    BreathPhase.EXHALE: 1 - done / steps, BreathPhase.PAUSE_AFTER_EXHALE: 0.0}[breath.phase]
            phase = breath.phase
        else:
            # Whole pixels of radius only, so frames that would look the same are not painted.
            steps = max(1, round((min(self.width(), self.height()) / 2 - 6) * (1 - MIN_RADIUS)))
            fill, phase = round(breath.fill * steps) / steps, breath.phase
        if fill != self._fill or phase != self._phase:
            self._fill, self._phase = fill, phase
            self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802
        t = theme.current()
        painter = QPainter(self)
        # Opaque: each frame repaints only this widget, not the screen behind it.
        painter.fillRect(self.rect(), t.color("window"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._reduced_motion:
            self._paint_bar(painter, t)
        else:
            self._paint_circle(painter, t)

    def _paint_circle(self, painter: QPainter, t: theme.Theme) -> None:
        largest = min(self.width(), self.height()) / 2 - 6
        center = QPointF(self.width() / 2, self.height() / 2)
        painter.setPen(QPen(t.color("track"), 2))  # solid: half the cost of a dashed ring per frame
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, largest, largest)
        radius = largest * (MIN_RADIUS + (1 - MIN_RADIUS) * self._fill)
        # A flat fill: a gradient costs more to paint every frame than it adds to a calm shape.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.color("breath"))
        painter.drawEllipse(center, radius, radius)

    def _paint_bar(self, painter: QPainter, t: theme.Theme) -> None:
        height = max(18.0, self.height() * 0.16)
        rect = QRectF(12, (self.height() - height) / 2, self.width() - 24, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(t.color("track"))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        if self._fill > 0:
            filled = QRectF(rect.left(), rect.top(), max(height, rect.width() * self._fill), height)
            painter.setBrush(t.color("breath"))
            painter.drawRoundedRect(filled, height / 2, height / 2)
