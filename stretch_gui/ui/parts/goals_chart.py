"""The History view's goals chart: each activity's score and their average, rating by rating.

One column per day the goals were rated (about a week apart), a thin line per activity and a
thick one for the average, on the 0–10 scale. A tab stop whose accessible description gives
every score in words (``stretch_gui.core.content.goals.chart_description``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from stretch_gui.core.content import goals as words
from stretch_gui.core.record.goals import SCORE_MAX, Goals, Occasion
from stretch_gui.ui import theme
from stretch_gui.ui.parts.labels import label

MAX_COLUMNS = 12  # the latest twelve ratings: about three months
# An activity's line is told apart by its dashes as well as its place in the legend, not by colour alone.
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine, Qt.PenStyle.DashDotDotLine)


class GoalsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalsChart")
        self.setAccessibleName(words.CHART_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a tab stop, so a screen reader reaches the description
        self.goals = Goals()
        self.occasions: list[Occasion] = []

    def set_goals(self, goals: Goals) -> None:
        self.goals = goals
        self.occasions = goals.occasions()[-MAX_COLUMNS:]
        self.setAccessibleDescription(words.chart_description(goals))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(theme.px(720), theme.px(200))

    def minimumSizeHint(self) -> QSize:
        return QSize(theme.px(340), theme.px(120))

    def _font(self, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(theme.px(14))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        t = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font())
        metrics = QFontMetricsF(self._font())
        line = metrics.height()
        activities = self.goals.rated()
        legend_width = min(self.width() * 0.35, max((metrics.horizontalAdvance(a.name) for a in activities), default=0) + 40)
        plot = QRectF(metrics.horizontalAdvance("10") + 10, line * 0.8, 0, 0)
        plot.setRight(self.width() - legend_width - 16)
        plot.setBottom(self.height() - line * 1.8)
        for value in (0, 5, 10):
            y = plot.bottom() - plot.height() * value / SCORE_MAX
            painter.setPen(QPen(t.color("track"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(t.color("muted"))
            painter.drawText(QRectF(0, y - line / 2, plot.left() - 8, line), Qt.AlignmentFlag.AlignRight, str(value))
        if not self.occasions:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, words.CHART_EMPTY)
        else:
            slot = plot.width() / len(self.occasions)

            def x_of(index: int) -> float:
                return plot.left() + slot * (index + 0.5)

            def y_of(value: float) -> float:
                return plot.bottom() - plot.height() * value / SCORE_MAX

            for index, occasion in enumerate(self.occasions):
                painter.setPen(t.color("muted"))
                box = QRectF(x_of(index) - slot / 2, plot.bottom() + 4, slot, line)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words.chart_day(occasion.day))
            for number, activity in enumerate(activities):
                rated = [(i, o.scores[activity.id]) for i, o in enumerate(self.occasions) if activity.id in o.scores]
                points = [QPointF(x_of(i), y_of(score)) for i, score in rated]
                self._series(painter, points, QPen(t.color("text"), 1.5, DASHES[number % len(DASHES)]), theme.px(3))
            average = [QPointF(x_of(i), y_of(o.average)) for i, o in enumerate(self.occasions)]
            self._series(painter, average, QPen(t.color("accent"), 4), theme.px(5))
            self._legend(painter, plot.right() + 16, [(a.name, QPen(t.color("text"), 1.5, DASHES[n % len(DASHES)]))
                                                     for n, a in enumerate(activities)], legend_width)
        if self.hasFocus():
            painter.setPen(QPen(t.color("accent"), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)
        painter.end()

    @staticmethod
    def _series(painter: QPainter, points: list[QPointF], pen: QPen, radius: float) -> None:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            painter.drawPolyline(points)
        solid = QPen(pen)
        solid.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(solid)
        painter.setBrush(pen.color())
        for point in points:
            painter.drawEllipse(point, radius, radius)

    def _legend(self, painter: QPainter, left: float, entries: list[tuple[str, QPen]], width: float) -> None:
        t = theme.current()
        metrics = QFontMetricsF(self._font())
        line = metrics.height() * 1.3
        everything = [(words.AVERAGE, QPen(t.color("accent"), 4)), *entries]
        for row, (name, pen) in enumerate(everything):
            y = line * (row + 0.8)
            painter.setPen(pen)
            painter.drawLine(QPointF(left, y), QPointF(left + 26, y))
            painter.setPen(t.color("text"))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - 34)
            painter.setFont(self._font(bold=row == 0))
            painter.drawText(QPointF(left + 32, y + metrics.ascent() / 2 - 1), text)
            painter.setFont(self._font())


def goals_card() -> tuple[QFrame, GoalsChart]:
    """The chart under its title, in a card like the History view's other charts; hidden until there are scores."""
    title: QLabel = label("goalsChartTitle", "Chart title", role="muted")
    title.setText(words.CHART_TITLE)
    chart = GoalsChart()
    frame = QFrame()
    frame.setObjectName("goalsCard")
    frame.setProperty("role", "card")
    column = QVBoxLayout(frame)
    column.setContentsMargins(16, 12, 16, 10)
    column.addWidget(title)
    column.addWidget(chart)
    frame.hide()
    return frame, chart


def show_goals(frame: QFrame, chart: GoalsChart, goals: Goals) -> None:
    """Fill the chart, and show its card only when some score was ever given."""
    chart.set_goals(goals)
    frame.setVisible(bool(goals.ratings))
