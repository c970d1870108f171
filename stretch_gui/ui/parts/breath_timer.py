"""One place to look: the time left as a ring, the breath as the shape inside it, the digits on top.

The ring empties as the deadline nears; inside it a soft disc grows with the in-breath
and shrinks with the out-breath. The digits sit in the middle, over both, so the eye
never has to move between two circles. The ring moves with the digits, once a second;
with reduced motion the disc steps once a second too, instead of moving.

Painting is the only work here: every number comes from the session, every word from
core guidance. A tick that changes nothing visible repaints nothing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QWidget

from stretch_gui.core.session import guidance
from stretch_gui.core.session.breathing import BreathPhase, BreathState
from stretch_gui.core.session.frames import arc_fraction, drawn_fill
from stretch_gui.core.wording import format_clock
from stretch_gui.ui import theme

MIN_DISC = 0.42  # of the ring's inner radius: an empty breath still shows a shape
TIMER_NAME = "Time left"
DIGIT_SHARE = 0.26  # the digits' cap height, as a share of the ring's diameter
DIGIT_WIDTH = 0.8  # the digits' widest width, as a share of the ring's diameter (its inside is about 0.9)


def digit_font(base: QFont, ring: float, text: str = "0:00") -> QFont:
    """The countdown's font for a ring of that diameter: as tall as fits, never wider than the inside of the ring.

    Sized for the widest text of the same length, so the digits keep one size through a countdown.
    """
    font = QFont(base)
    font.setWeight(QFont.Weight.Bold)
    font.setPixelSize(max(12, int(ring * DIGIT_SHARE / 0.73)))  # 0.73: cap height of a digit, per pixel of size
    widest = QFontMetricsF(font).horizontalAdvance("0" * (len(text) - 1) + ":")
    if widest > ring * DIGIT_WIDTH:
        font.setPixelSize(max(12, int(font.pixelSize() * ring * DIGIT_WIDTH / widest)))
    return font


class BreathTimer(QWidget):
    """The hold countdown and the breathing guide in one round visual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holdCountdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 160)
        self._text = ""
        self._caption = ""
        self._fraction = 0.0
        self._fill = 0.0
        self._breathing = False
        self._reduced_motion = False
        self.caption_size = 16  # the smallest the caption gets: the player sets it from the text size
        self._seconds_left = 0
        self._phase: BreathPhase | None = None
        self._overlay_key: tuple[object, ...] | None = None
        self._overlay_pixmap: QPixmap | None = None

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- what it shows ----------------------------------------------------------------

    def text(self) -> str:
        return self._text

    @property
    def fill(self) -> float:
        """How full the breath shape is, 0..1, as painted (stepped with reduced motion)."""
        return self._fill

    @property
    def arc(self) -> float:
        """How much of the ring's arc is drawn, 0..1: it moves with the digits."""
        return self._fraction

    @property
    def breathing(self) -> bool:
        return self._breathing

    def ring_diameter(self) -> float:
        return max(0.0, min(self.width(), self.height()) - 8.0)

    def digit_pixel_height(self) -> float:
        """How tall the digits are on screen: the figure to check for reading from the mat."""
        return QFontMetricsF(digit_font(self.font(), self.ring_diameter(), self._text or "0:00")).capHeight()

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced != self._reduced_motion:
            self._reduced_motion = reduced
            self.update()

    def set_time(self, remaining: float, duration: float, caption: str = "") -> None:
        # Show the second we are in (ceil), so "0:01" is on screen until the end.
        whole = math.ceil(remaining) if remaining > 0 else 0
        text = format_clock(whole)
        fraction = arc_fraction(remaining, duration)  # in whole seconds, with the digits
        self._seconds_left = whole
        if (text, caption, fraction) != (self._text, self._caption, self._fraction):
            self._text, self._caption, self._fraction = text, caption, fraction
            self.update()

    def show_breath(self, breath: BreathState | None) -> None:
        """The breath to draw, or None for a segment (or a setting) without the breathing guide."""
        breathing = breath is not None
        self._phase = breath.phase if breath is not None else None
        fill = drawn_fill(breath, reduced_motion=self._reduced_motion) if breath is not None else 0.0
        if (breathing, fill) != (self._breathing, self._fill):
            # Only the square around the larger of the two discs needs painting again.
            before = self._disc_radius() if self._breathing else 0.0
            self._breathing, self._fill = breathing, fill
            after = self._disc_radius() if breathing else 0.0
            _diameter, centre, *_ = self._geometry()
            reach = max(before, after) + max(4.0, self.ring_diameter() * 0.01)
            self.update(QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach).toAlignedRect())

    def spoken(self) -> str:
        return guidance.timer_words(self._seconds_left, self._caption, self._phase)

    # -- painting -----------------------------------------------------------------------

    def _geometry(self) -> tuple[float, QPointF, float, float, float]:
        """(diameter, centre, ring thickness, ring radius, the radius inside the ring)."""
        diameter = self.ring_diameter()
        centre = QPointF(self.width() / 2, self.height() / 2)
        thick = max(8.0, diameter * 0.045)
        radius = diameter / 2 - thick / 2
        inner = radius - thick / 2 - max(4.0, diameter * 0.02)
        return diameter, centre, thick, radius, inner

    def _disc_radius(self) -> float:
        inner = self._geometry()[4]
        return inner * (MIN_DISC + (1 - MIN_DISC) * self._fill)

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        painter = QPainter(self)
        # Opaque: each frame repaints only this widget, not the screen behind it.
        painter.fillRect(event.rect(), t.color("window"))
        diameter, centre, *_ = self._geometry()
        if diameter <= 0:
            return
        if self._breathing:
            # The only part that moves with the breath: drawn each frame, all else comes from the overlay.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            disc = self._disc_radius()
            # The outline as a filled disc under the inside one: the same shape as a pen of that width
            # on the disc's edge, at two thirds of the cost of stroking a pen round it every frame.
            half_edge = max(2.0, diameter * 0.006) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(t.color("breath_edge"))
            painter.drawEllipse(centre, disc + half_edge, disc + half_edge)
            painter.setBrush(t.color("breath"))
            painter.drawEllipse(centre, disc - half_edge, disc - half_edge)
        painter.drawPixmap(event.rect(), self._overlay(t), self._device_rect(event.rect()))

    def _device_rect(self, rect: QRect) -> QRect:
        ratio = self.devicePixelRatioF()
        return QRectF(rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio).toAlignedRect()

    def _overlay(self, t: theme.Theme) -> QPixmap:
        """The ring with its arc, the digits and the caption: drawn when a second turns, reused every frame."""
        key = (self.width(), self.height(), self.devicePixelRatioF(), t.name, self._text, self._caption,
               self.caption_size, self._fraction)
        if self._overlay_key == key and self._overlay_pixmap is not None:
            return self._overlay_pixmap
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        diameter, centre, thick, radius, inner = self._geometry()
        ring = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.setPen(QPen(t.color("line"), max(2.0, thick * 0.25)))
        painter.drawEllipse(ring)
        digits = digit_font(self.font(), diameter, self._text or "0:00")
        metrics = QFontMetricsF(digits)
        painter.setFont(digits)
        painter.setPen(t.color("text"))
        baseline = centre.y() + metrics.capHeight() / 2
        width = metrics.horizontalAdvance(self._text)
        painter.drawText(QPointF(centre.x() - width / 2, baseline), self._text)
        if self._caption:
            small = QFont(self.font())
            # As large as the text size asks, but never larger than the room under the digits.
            small.setPixelSize(max(10, min(max(self.caption_size, int(diameter * 0.055)), int(diameter * 0.075))))
            painter.setFont(small)
            painter.setPen(t.color("muted"))
            below = QRectF(centre.x() - inner, baseline + diameter * 0.03, 2 * inner, diameter * 0.09)
            painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._caption)
        if self._fraction > 0:
            # The time already gone is a thin line, the time left a thick arc: told apart by shape, not colour alone.
            painter.setPen(QPen(t.color("accent"), thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, round(self._fraction * 360 * 16))
        painter.end()
        self._overlay_key, self._overlay_pixmap = key, pixmap
        return pixmap


class _TimerAccessible(QAccessibleWidget):
    """The timer read out on demand: the time left and the breath as they are at that moment.

    Asked for, not pushed: a description set every second would be an event every second.
    """

    def __init__(self, timer: BreathTimer) -> None:
        super().__init__(timer, QAccessible.Role.Clock, TIMER_NAME)
        self._timer = timer

    def text(self, kind: QAccessible.Text) -> str:
        if kind in (QAccessible.Text.Description, QAccessible.Text.Value):
            return self._timer.spoken()
        return str(super().text(kind))


def _accessible_for(_class_name: str, thing: QObject) -> QAccessibleInterface | None:
    return _TimerAccessible(thing) if isinstance(thing, BreathTimer) else None


QAccessible.installFactory(_accessible_for)
