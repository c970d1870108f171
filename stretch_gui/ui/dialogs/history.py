"""View › History…: the last two weeks of one routine at a glance, its sessions by day, and a CSV export.

For the patient at home and the physio at a visit: how often the chosen routine was done against
how often it was planned, pain before and after (and the next mornings), and each session's
result. A non-modal dialog that reads the history again each time it is opened (``show_history``)
or another routine is chosen. Everything it says comes from ``stretch_gui.core.record.summary``;
this module only lays it out.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QBrush, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.record.adherence import counts_as_done
from stretch_gui.core.record.summary import (
    HistorySummary,
    RoutineLoader,
    exercises_text,
    morning_line,
    morning_needs_care,
    morning_sentence,
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
    from stretch_gui.core.record.morning import MorningCheck
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
        self._routine: Routine | None = None
        self._load: RoutineLoader | None = None

        self.chooser_label = label("routineChooserLabel", "Routine", role="muted")
        self.chooser_label.setText("Routine:")
        self.chooser = QComboBox()
        self.chooser.setObjectName("routineChooser")
        self.chooser.setAccessibleDescription("The routine the charts, the line above them and the list are about")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.chooser_label.setBuddy(self.chooser)
        self.chooser.activated.connect(self._chosen)
        self.chooser_row = QWidget()
        self.chooser_row.setObjectName("routineChooserRow")
        chooser_line = QHBoxLayout(self.chooser_row)
        chooser_line.setContentsMargins(0, 0, 0, 0)
        chooser_line.addWidget(self.chooser_label)
        chooser_line.addWidget(self.chooser, 1)
        chooser_line.addStretch(0)

        self.heading = label("adherenceLine", "How often the routine was done", role="heading", wrap=True)
        self.plan_line = label("planLine", "What was planned", role="muted", wrap=True)
        self.message = label("historyMessage", "History", role="body", wrap=True)

        sessions_title = label("sessionsChartTitle", "Chart title", role="muted", wrap=True)
        sessions_title.setText("Sessions each day, last 14 days")
        self.sessions_chart = SessionsChart()
        pain_title = label("painChartTitle", "Chart title", role="muted", wrap=True)
        pain_title.setText("Pain before and after (0 none, 10 worst)")
        self.pain_chart = PainChart()
        # Side by side, or one above the other when a large text size leaves no room for both.
        self.charts = charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
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
        # At a large text size the charts and the list need more height than a laptop screen has:
        # they scroll together under the heading, which stays in view.
        # Never a Tab stop (unlike ui.parts.scrolling's): every part of it is one, and it scrolls
        # to the part the focus moves to.
        self.content_area = QScrollArea()
        self.content_area.setObjectName("historyScroll")
        self.content_area.setAccessibleName("Charts and sessions")
        self.content_area.setWidgetResizable(True)
        self.content_area.setFrameShape(QFrame.Shape.NoFrame)
        self.content_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the charts stack instead
        self.content_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.content_area.setWidget(self.content)

        self.export_status = label("exportStatus", "Export", role="muted", wrap=True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setObjectName("exportCsvButton")
        # Its own words are its name; what it writes is said after them.
        self.export_button.setAccessibleDescription("Every session of every routine as a CSV file, one row each")
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
        layout.addWidget(self.chooser_row)
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
        layout.addWidget(self.content_area, 1)
        layout.addLayout(buttons)
        for first, second in (
            (self.chooser, self.sessions_chart),
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

    def _arrange_charts(self) -> None:
        card = 2 * 16 + 2  # a card's side margins and frame
        both = 2 * (self.pain_chart.minimumSizeHint().width() + card) + self.charts.spacing()
        wide = self.content_area.viewport().width() >= both
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.charts.direction() != direction:
            self.charts.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_charts()

    # -- filling -----------------------------------------------------------------------

    def show_history(
        self, history: History | None, *, routine: Routine | None = None, load: RoutineLoader | None = None,
        problem: str = "",
    ) -> None:
        """Read the history again and show it, about ``routine`` (the one in use) by default;
        ``problem`` says why there is none."""
        self.history = history
        self._routine, self._load = routine, load
        if history is None:
            self.summary = None
            self.export_status.clear()
            self.chooser_row.hide()
            self._show_message("Your history cannot be shown", problem or NO_HISTORY)
            self.export_button.hide()
        else:
            self._read("")
        self.show()
        self.raise_()
        self.activateWindow()
        (self.list if self.list.isVisible() and self.list.topLevelItemCount() else self.close_button).setFocus()

    def _read(self, chosen: str) -> None:
        """Summarize the history about the ``chosen`` routine (a choice's key; "" for the default)."""
        from stretch_gui.core.record.store import HistoryError

        assert self.history is not None
        self.summary = None
        self.export_status.clear()
        try:
            self.summary = summarize(self.history, routine=self._routine, load=self._load, chosen=chosen)
        except HistoryError as exc:
            self.chooser_row.hide()
            self._show_message("Your history cannot be read just now", str(exc))
        else:
            self._fill_chooser(self.summary)
            self._show_summary(self.summary)
        self.export_button.setVisible(self.summary is not None and not self.summary.is_empty)

    def _fill_chooser(self, summary: HistorySummary) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for choice in summary.choices:
            self.chooser.addItem(choice.label, choice.key)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(summary.chosen)))
        self.chooser.blockSignals(False)
        self.chooser_row.setVisible(len(summary.choices) > 1)  # one routine: nothing to choose

    def _chosen(self, index: int) -> None:
        if self.history is not None and index >= 0:
            self._read(str(self.chooser.itemData(index)))

    def _show_message(self, heading: str, text: str) -> None:
        self.heading.setText(heading)
        self.plan_line.hide()
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message_page.show()
        self.content_area.hide()

    def _show_summary(self, summary: HistorySummary) -> None:
        self.heading.setText(summary.heading())
        self.heading.setAccessibleName(summary.heading())
        if summary.is_empty:
            self.plan_line.hide()
            self.message.setText(EMPTY)
            self.message.setAccessibleName(EMPTY)
            self.message_page.show()
            self.content_area.hide()
            self.list.clear()
            return
        self.message_page.hide()
        self.plan_line.setText(summary.plan_line())
        self.plan_line.setVisible(bool(summary.plan_line()))
        self.content_area.show()
        assert summary.adherence is not None
        self.sessions_chart.set_tally(summary.adherence, summary.today)
        first = summary.today - timedelta(days=len(summary.adherence.days) - 1)
        self.pain_chart.set_points(
            summary.pain, first_day=first, day_count=len(summary.adherence.days), today=summary.today,
            mornings=summary.morning_points(),
        )
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
                check = summary.morning_after(record.id)
                if check is not None:
                    morning = self._morning_item(check, t)
                    day.addChild(morning)
                    morning.setFirstColumnSpanned(True)  # once in the tree: spanning needs the parent
            day.setExpanded(True)
        if summary.empty_list_line():
            empty = QTreeWidgetItem([summary.empty_list_line()])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.list.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
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
        if not counts_as_done(record):
            for column in (0, 1, 3, 4, 5):
                item.setForeground(column, QBrush(t.color("muted")))
        return item

    @staticmethod
    def _morning_item(check: MorningCheck, t: theme.Theme) -> QTreeWidgetItem:
        """The next-morning check, on its own row under the session it is about."""
        item = QTreeWidgetItem([morning_line(check)])
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, morning_sentence(check))
        if morning_needs_care(check):
            item.setForeground(0, QBrush(t.color("danger")))
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
