"""The hold countdown: a ring that empties and the seconds left, large."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from stretch_gui.core.wording import format_clock, spoken_duration
from stretch_gui.ui import theme


class CountdownRing(QWidget):
    """Shows a deadline's remaining time; repaints only when what it shows changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdCountdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(180, 180)
        self._text = ""
        self._fraction = 0.0
        self._caption = ""
        self._set_accessible("")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(300, 300)

    def text(self) -> str:
        return self._text

    def set_time(self, remaining: float, duration: float, caption: str = "") -> None:
        # Show the second we are in (ceil), so "0:01" is on screen until the end.
        whole = int(-(-remaining // 1)) if remaining > 0 else 0
        text = format_clock(whole)
        # A 300 px ring moves visibly in steps of about 1/400 of a turn.
        fraction = round((remaining / duration if duration else 0.0) * 400) / 400
        if text != self._text or caption != self._caption:
            self._text, self._caption = text, caption
            self._set_accessible(f"{spoken_duration(whole, spelled=True)} left" + (f", {caption}" if caption else ""))
            self.update()
        if fraction != self._fraction:
            self._fraction = fraction
            self.update()

    def _set_accessible(self, description: str) -> None:
        self.setAccessibleName("Time left")
        self.setAccessibleDescription(description)

    def paintEvent(self, event: object) -> None:  # noqa: N802
        t = theme.current()
        side = min(self.width(), self.height()) - 16
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        width = max(8.0, side * 0.06)
        inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter = QPainter(self)
        # Opaque: each frame repaints only this widget, not the screen behind it.
        painter.fillRect(self.rect(), t.color("window"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(t.color("track"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(inner)
        if self._fraction > 0:
            painter.setPen(QPen(t.color("accent"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(inner, 90 * 16, int(self._fraction * 360 * 16))
        font = QFont(self.font())
        font.setPixelSize(max(24, int(side * 0.26)))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(t.color("text"))
        painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(14, int(side * 0.075)))
            painter.setFont(small)
            painter.setPen(t.color("muted"))
            caption_rect = QRectF(inner.left(), inner.center().y() + side * 0.14, inner.width(), side * 0.12)
            painter.drawText(caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption)
