"""The History view's two small charts, painted in the theme's colours over the same 14 days.

Sessions each day as bars (with the planned number a day as a dashed line), and pain before
and after each session as two joined series on a 0–10 scale, with the next-morning checks as
diamonds at the start of their day. Both share the day axis, so a
physio can read a day's sessions and its pain one above the other. Each chart is a tab stop
whose accessible description says in words what it draws.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from stretch_gui.core.record.adherence import Adherence, PainPoint
from stretch_gui.core.record.summary import (
    pain_chart_description,
    sessions_chart_description,
)
from stretch_gui.core.wording import frequency, weekday_letter
from stretch_gui.ui import theme

PAIN_MAX = 10


class DayAxisChart(QWidget):
    """A plot area above one column per day, labelled with the weekday's letter and the date."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tab stop, so a screen reader reaches the description
        self.first_day = date.today()
        self.day_count = 14
        self.today = self.first_day

    def set_days(self, first_day: date, day_count: int, today: date) -> None:
        self.first_day, self.day_count, self.today = first_day, day_count, today

    def sizeHint(self) -> QSize:
        return QSize(theme.px(520), theme.px(210))

    def minimumSizeHint(self) -> QSize:
        return QSize(theme.px(340), theme.px(130))

    def label_font(self, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(theme.px(14))
        font.setBold(bold)
        return font

    def plot_area(self, y_label_width: float) -> QRectF:
        line = QFontMetricsF(self.label_font()).height()
        return QRectF(y_label_width + 10, line * 1.3, self.width() - y_label_width - 18, self.height() - line * 3.6)

    def slot(self, plot: QRectF) -> float:
        return plot.width() / max(1, self.day_count)

    def day_x(self, plot: QRectF, index: int) -> float:
        return plot.left() + self.slot(plot) * (index + 0.5)

    def day_index(self, day: date) -> int | None:
        index = (day - self.first_day).days
        return index if 0 <= index < self.day_count else None

    def paint_day_labels(self, painter: QPainter, plot: QRectF) -> None:
        t = theme.current()
        line = QFontMetricsF(self.label_font()).height()
        for index in range(self.day_count):
            day = self.first_day + timedelta(days=index)
            is_today = day == self.today
            painter.setFont(self.label_font(bold=is_today))
            painter.setPen(t.color("accent" if is_today else "muted"))
            x = self.day_x(plot, index)
            box = QRectF(x - self.slot(plot) / 2, plot.bottom() + 4, self.slot(plot), line)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, weekday_letter(day))
            painter.drawText(box.translated(0, line), Qt.AlignmentFlag.AlignCenter, str(day.day))

    def paint_y_grid(self, painter: QPainter, plot: QRectF, values: Sequence[int], top: float) -> None:
        t = theme.current()
        painter.setFont(self.label_font())
        for value in values:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(t.color("track"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(t.color("muted"))
            painter.drawText(
                QRectF(0, y - 12, plot.left() - 8, 24), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )

    def paint_focus(self, painter: QPainter) -> None:
        if self.hasFocus():
            painter.setPen(QPen(theme.current().color("accent"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)

    def y_label_width(self, widest: str) -> float:
        return QFontMetricsF(self.label_font()).horizontalAdvance(widest)


class SessionsChart(DayAxisChart):
    """One bar per day: the sessions done that day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("sessionsChart", "Sessions each day", parent)
        self.counts: list[int] = []
        self.per_day: int | None = None

    def set_tally(self, tally: Adherence, today: date) -> None:
        self.set_days(tally.first_day, len(tally.days), today)
        self.counts = [t.sessions for t in tally.days]
        self.per_day = tally.frequency.per_day if tally.frequency is not None and tally.frequency.per_day else None
        self.setAccessibleDescription(sessions_chart_description(tally))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max([*self.counts, self.per_day or 0, 1])
        plot = self.plot_area(self.y_label_width(str(top)))
        step = 1 if top <= 5 else 2
        self.paint_y_grid(painter, plot, range(0, top + 1, step), top)
        slot = self.slot(plot)
        bar_width = min(slot * 0.62, theme.px(34))
        painter.setFont(self.label_font(bold=True))
        for index, count in enumerate(self.counts):
            x = self.day_x(plot, index)
            if count == 0:
                continue  # the gridline at 0 is the empty day; no stub to mistake for a session
            height = plot.height() * count / top
            bar = QRectF(x - bar_width / 2, plot.bottom() - height, bar_width, height)
            path = QPainterPath()
            path.addRoundedRect(bar.adjusted(0, 0, 0, 4), 4, 4)  # round the top corners only
            painter.save()
            painter.setClipRect(QRectF(bar.left() - 1, bar.top() - 1, bar.width() + 2, bar.height() + 1))
            painter.fillPath(path, t.color("accent"))
            painter.restore()
        if self.per_day:
            y = plot.bottom() - plot.height() * self.per_day / top
            pen = QPen(t.color("text"), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setFont(self.label_font())
            line = QFontMetricsF(self.label_font()).height()
            painter.drawText(
                QRectF(plot.left(), y - line - 2, plot.width(), line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                f"planned: {frequency(self.per_day, None)}",
            )
        self.paint_day_labels(painter, plot)
        self.paint_focus(painter)
        painter.end()


class PainChart(DayAxisChart):
    """Pain before (hollow rings, dashed line) and after (filled dots, solid line) each session, 0–10,
    and the next mornings (diamonds, not joined: a different question, asked the day after)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("painChart", "Pain before and after", parent)
        self.points: list[PainPoint] = []
        self.mornings: list[tuple[date, int]] = []

    def set_points(
        self, points: Sequence[PainPoint], *, first_day: date, day_count: int, today: date,
        mornings: Sequence[tuple[date, int]] = (),
    ) -> None:
        self.set_days(first_day, day_count, today)
        self.points = [p for p in points if self.day_index(p.started_at.date()) is not None]
        self.mornings = [(day, rating) for day, rating in mornings if self.day_index(day) is not None]
        self.setAccessibleDescription(pain_chart_description(self.points, self.mornings))
        self.update()

    def positions(self, plot: QRectF) -> tuple[list[float], list[float]]:
        """Each session point's x, then each morning's: spread evenly across the day's column when a day
        has several, the morning first (it comes before that day's sessions)."""
        per_day: dict[int, list[tuple[str, int]]] = {}
        for n, (day, _rating) in enumerate(self.mornings):
            index = self.day_index(day)
            assert index is not None
            per_day.setdefault(index, []).append(("morning", n))
        for n, point in enumerate(self.points):
            index = self.day_index(point.started_at.date())
            assert index is not None
            per_day.setdefault(index, []).append(("session", n))
        xs = [0.0] * len(self.points)
        morning_xs = [0.0] * len(self.mornings)
        slot = self.slot(plot)
        for index, members in per_day.items():
            left = plot.left() + slot * index
            for k, (kind, n) in enumerate(members):
                (morning_xs if kind == "morning" else xs)[n] = left + slot * (k + 1) / (len(members) + 1)
        return xs, morning_xs

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self.plot_area(self.y_label_width("10"))
        self.paint_y_grid(painter, plot, (0, 5, 10), PAIN_MAX)
        self.paint_day_labels(painter, plot)
        if not self.points and not self.mornings:
            painter.setFont(self.label_font())
            painter.setPen(t.color("muted"))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No pain ratings yet")
        else:
            xs, morning_xs = self.positions(plot)

            def y_of(value: int) -> float:
                return plot.bottom() - plot.height() * value / PAIN_MAX

            for x, (_day, rating) in zip(morning_xs, self.mornings, strict=True):
                self._diamond(painter, QPointF(x, y_of(rating)), theme.px(6), t.color("text"))

            before = [QPointF(x, y_of(p.before)) for x, p in zip(xs, self.points, strict=True) if p.before is not None]
            after = [QPointF(x, y_of(p.after)) for x, p in zip(xs, self.points, strict=True) if p.after is not None]
            radius = theme.px(5)
            muted, accent = t.color("muted"), t.color("accent")
            self._series(painter, before, QPen(muted, 2, Qt.PenStyle.DashLine), QPen(muted, 2.5), t.color("surface"), radius)
            self._series(painter, after, QPen(accent, 2.5), QPen(accent, 2.5), accent, radius)
        self._legend(painter, plot)
        self.paint_focus(painter)
        painter.end()

    @staticmethod
    def _series(painter: QPainter, points: list[QPointF], line: QPen, ring: QPen, fill: QColor, radius: float) -> None:
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setPen(ring)
        painter.setBrush(fill)
        for point in points:
            painter.drawEllipse(point, radius, radius)

    @staticmethod
    def _diamond(painter: QPainter, at: QPointF, size: float, color: QColor) -> None:
        path = QPainterPath()
        path.moveTo(at.x(), at.y() - size)
        path.lineTo(at.x() + size, at.y())
        path.lineTo(at.x(), at.y() + size)
        path.lineTo(at.x() - size, at.y())
        path.closeSubpath()
        painter.fillPath(path, color)

    def _legend(self, painter: QPainter, plot: QRectF) -> None:
        t = theme.current()
        font = self.label_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        radius = theme.px(5)
        y = metrics.height() * 0.6
        x = plot.right()
        keys: list[tuple[str, QColor | None, QColor]] = [
            ("after", t.color("accent"), t.color("accent")),
            ("before", t.color("muted"), t.color("surface")),
        ]
        if self.mornings:
            keys.insert(0, ("next morning", None, t.color("text")))
        for text, ring, fill in keys:
            x -= metrics.horizontalAdvance(text)
            painter.setPen(t.color("text"))
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), text)
            x -= radius + 6
            if ring is None:
                self._diamond(painter, QPointF(x, y), theme.px(6), fill)
            else:
                painter.setPen(QPen(ring, 2.5))
                painter.setBrush(fill)
                painter.drawEllipse(QPointF(x, y), radius, radius)
            x -= radius + 18
