"""View › History…: the last two weeks at a glance, every session by day, and a CSV export.

For the patient at home and the physio at a visit: how often the routine was done against
how often it was planned, pain before and after, and each session's result. A non-modal
dialog that reads the history again each time it is opened (``show_history``). Everything
it says comes from ``stretch_gui.core.record.summary``; this module only lays it out.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.record.summary import (
    HistorySummary,
    RoutineLoader,
    exercises_text,
    notes_text,
    pain_text,
    result_words,
    session_sentence,
    summarize,
)
from stretch_gui.core.wording import STATUS_HURT, count, rough_duration
from stretch_gui.ui import theme
from stretch_gui.ui.parts.goals_chart import goals_card, show_goals
from stretch_gui.ui.parts.history_charts import PainChart, SessionsChart
from stretch_gui.ui.parts.labels import label

if TYPE_CHECKING:
    from stretch_gui.core.record.store import History, SessionRecord
    from stretch_gui.core.routine.model import Routine

COLUMNS = ("Time", "Routine", "Result", "Exercises", "Time spent", "Pain before → after", "Hurt marks")
NO_HISTORY = "This window keeps no history, so there is nothing to show."
EMPTY = "Each routine you play is kept here: the day, how far you got, and how it felt."


def default_export_path(history: History) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(folder) / f"stretch-gui-history-{history.today():%Y-%m-%d}.csv"


def export_history(parent: QWidget, history: History) -> tuple[Path, int] | None:
    """Ask for a file name and write every session to it as CSV.

    Returns where and how many sessions, or None when the patient cancelled or it failed;
    a failure is shown in a warning box and leaves any file already there as it was.
    """
    from stretch_gui.core.record.store import HistoryError
    from stretch_gui.qt.atomic import SaveError
    from stretch_gui.qt.paths import export_history_csv

    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export history as CSV", str(default_export_path(history)), "CSV files (*.csv);;All files (*)"
    )
    if not chosen:
        return None
    try:
        count = export_history_csv(history, chosen)
    except (HistoryError, SaveError) as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Could not export your history", str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("exportErrorDialog")
        box.setInformativeText("Your history is unchanged, and so is any file that was already there.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    return Path(chosen), count


def saved_message(path: Path, count: int) -> str:
    sessions = "1 session" if count == 1 else f"{count} sessions"
    return f"Saved {sessions} to {path}"


def _card(*widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    column = QVBoxLayout(frame)
    column.setContentsMargins(16, 12, 16, 10)
    for widget in widgets:
        column.addWidget(widget)
    return frame


class HistoryDialog(QDialog):
    """"Your history": opened from View › History…; ``show_history`` re-reads and shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("Your history")
        self.setAccessibleName("Your history")
        self.history: History | None = None
        self.summary: HistorySummary | None = None

        self.heading = label("adherenceLine", "How often the routine was done", role="heading", wrap=True)
        self.plan_line = label("planLine", "What was planned", role="muted", wrap=True)
        self.message = label("historyMessage", "History", role="body", wrap=True)

        sessions_title = label("sessionsChartTitle", "Chart title", role="muted")
        sessions_title.setText("Sessions each day, last 14 days")
        self.sessions_chart = SessionsChart()
        pain_title = label("painChartTitle", "Chart title", role="muted")
        pain_title.setText("Pain before and after (0 none, 10 worst)")
        self.pain_chart = PainChart()
        charts = QHBoxLayout()
        charts.setSpacing(16)
        charts.addWidget(_card(sessions_title, self.sessions_chart), 1)
        charts.addWidget(_card(pain_title, self.pain_chart), 1)

        self.list = QTreeWidget()
        self.list.setObjectName("sessionList")
        self.list.setAccessibleName("Sessions by day, newest first")
        self.list.setColumnCount(len(COLUMNS))
        self.list.setHeaderLabels(COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setItemsExpandable(False)
        self.list.setUniformRowHeights(True)
        self.list.setIndentation(theme.px(20))
        self.list.header().setStretchLastSection(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMinimumHeight(theme.px(200))  # the charts give up height first: the list is the record

        self.content = QWidget()
        self.content.setObjectName("historyContent")
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(charts)
        # The patient's own goals (PSFS): one card, shown once there are scores (ui.parts.goals_chart).
        self.goals_card, self.goals_chart = goals_card()
        column.addWidget(self.goals_card)
        column.addWidget(self.list, 1)

        self.export_status = label("exportStatus", "Export", role="muted", wrap=True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setAccessibleName("Export the history as a CSV file")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("historyCloseButton")
        self.close_button.setAccessibleName("Close the history")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.plan_line)
        # The message sits under the heading, the space below it left empty.
        self.message_page = QWidget()
        self.message_page.setObjectName("historyMessagePage")
        message_column = QVBoxLayout(self.message_page)
        message_column.setContentsMargins(0, 12, 0, 0)
        message_column.addWidget(self.message)
        message_column.addStretch(1)
        self.message_page.hide()
        layout.addWidget(self.message_page, 1)
        layout.addWidget(self.content, 1)
        layout.addLayout(buttons)
        for first, second in (
            (self.sessions_chart, self.pain_chart),
            (self.pain_chart, self.goals_chart),
            (self.goals_chart, self.list),
            (self.list, self.export_button),
            (self.export_button, self.close_button),
        ):
            QWidget.setTabOrder(first, second)
        self._fit_to_screen(parent)

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1160, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))

    # -- filling -----------------------------------------------------------------------

    def show_history(
        self, history: History | None, *, routine: Routine | None = None, load: RoutineLoader | None = None,
        problem: str = "",
    ) -> None:
        """Read the history again and show it; ``problem`` says why there is none."""
        from stretch_gui.core.record.store import HistoryError

        self.history = history
        self.summary = None
        self.export_status.clear()
        if history is None:
            self._show_message("Your history cannot be shown", problem or NO_HISTORY)
        else:
            try:
                self.summary = summarize(history, routine=routine, load=load)
            except HistoryError as exc:
                self._show_message("Your history cannot be read just now", str(exc))
            else:
                self._show_summary(self.summary)
        self.export_button.setVisible(self.summary is not None and not self.summary.is_empty)
        self.show()
        self.raise_()
        self.activateWindow()
        (self.list if self.list.isVisible() and self.list.topLevelItemCount() else self.close_button).setFocus()

    def _show_message(self, heading: str, text: str) -> None:
        self.heading.setText(heading)
        self.plan_line.hide()
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message_page.show()
        self.content.hide()

    def _show_summary(self, summary: HistorySummary) -> None:
        self.heading.setText(summary.heading())
        self.heading.setAccessibleName(summary.heading())
        if summary.is_empty:
            self.plan_line.hide()
            self.message.setText(EMPTY)
            self.message.setAccessibleName(EMPTY)
            self.message_page.show()
            self.content.hide()
            self.list.clear()
            return
        self.message_page.hide()
        self.plan_line.setText(summary.plan_line())
        self.plan_line.setVisible(bool(summary.plan_line()))
        self.content.show()
        assert summary.adherence is not None
        self.sessions_chart.set_tally(summary.adherence, summary.today)
        first = summary.today - timedelta(days=len(summary.adherence.days) - 1)
        self.pain_chart.set_points(summary.pain, first_day=first, day_count=len(summary.adherence.days), today=summary.today)
        if self.history is not None:
            from stretch_gui.core.record.store import HistoryError

            with contextlib.suppress(HistoryError):  # the goals are extra: a failed read leaves their card hidden
                show_goals(self.goals_card, self.goals_chart, self.history.goals())
        self._fill_list(summary)

    def _fill_list(self, summary: HistorySummary) -> None:
        t = theme.current()
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setBold(True)
        for group in summary.days:
            sessions = count(len(group.records), "session")
            day = QTreeWidgetItem([f"{group.heading}  ·  {sessions}"])
            day.setFont(0, bold)
            day.setBackground(0, QBrush(t.color("track")))
            day.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{group.heading}, {sessions}")
            day.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.list.addTopLevelItem(day)
            day.setFirstColumnSpanned(True)
            for record in group.records:
                day.addChild(self._session_item(record, t))
            day.setExpanded(True)
        newest = self.list.topLevelItem(0)
        if newest is not None:  # with no days the list was just cleared and has no current item
            self.list.setCurrentItem(newest)

    @staticmethod
    def _session_item(record: SessionRecord, t: theme.Theme) -> QTreeWidgetItem:
        item = QTreeWidgetItem([
            record.started_at.strftime("%H:%M"),
            record.routine.title,
            result_words(record),
            exercises_text(record),
            rough_duration(record.active_seconds),
            pain_text(record),
            str(record.hurt_marks) if record.hurt_marks else "",
        ])
        item.setData(0, Qt.ItemDataRole.UserRole, record.id)
        sentence = session_sentence(record)
        notes = notes_text(record)
        # The whole session in one sentence on its first cell; the other cells read as what they show,
        # so a screen reader moving along the row does not hear the sentence seven times.
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, sentence)
        if notes:
            for column in range(len(COLUMNS)):
                item.setToolTip(column, notes)
        if result_words(record) == STATUS_HURT:
            item.setForeground(2, QBrush(t.color("danger")))
        if record.hurt_marks:
            item.setForeground(6, QBrush(t.color("danger")))
        return item

    # -- acting ------------------------------------------------------------------------

    def export_csv(self) -> None:
        if self.history is None:
            return
        self.export_status.clear()  # an earlier "Saved" line must not seem to answer this export
        saved = export_history(self, self.history)
        if saved is not None:
            self.export_status.setText(saved_message(*saved))
            self.export_status.setAccessibleName(self.export_status.text())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A theme chosen while the view is open: the rows' own colours are redone in the new one.
        if event.type() == QEvent.Type.PaletteChange and self.summary is not None and not self.summary.is_empty:
            self._fill_list(self.summary)
