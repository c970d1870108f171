"""View › History…: what the patient and the physio see, read from a real history file.

The sessions are played by the real recorder on a FakeClock into a History under tmp_path,
each on its own day by a fake wall clock. The window opens that file itself and reads the
day from the real clock, so the sessions are dated relative to today.
"""


from __future__ import annotations

import csv
import subprocess
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import History, Moment
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.wording import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN, short_date
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.history import EMPTY, NO_HISTORY, HistoryDialog
from stretch_gui.ui.parts.history_charts import PainChart, SessionsChart
from stretch_gui.ui.window import MainWindow
from tests.support.history import (
    FakeWallClock,
    finish_segment,
    new_session,
    write_routine_file,
)
from tests.support.window import TWO_HOLDS, activate, focused, press, wait_for_dialog

# Dialogs fix their size hints and raise themselves; the offscreen platform warns about both.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
OpenWindow = Callable[..., MainWindow]
TODAY = date.today()


def at(days_ago: int, hour: int, minute: int = 0) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def play(
    history: History, routine: Routine, how: str, *, pain: tuple[int | None, int | None] = (None, None), note: str = ""
) -> int:
    """One session of the test routine (knee hug in two sets, cat-cow, breathing) through the recorder."""
    _plan, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    if pain[0] is not None:
        recorder.check_in_before(rating=pain[0])
    session.start()
    if how == "finished":
        while not session.state.is_over:
            finish_segment(session, clock)
    elif how == "hurt":  # the knee hug done, then it hurt in cat-cow
        for _ in range(5):
            finish_segment(session, clock)
        recorder.mark_hurt()
        session.stop(STOPPED_FOR_PAIN)
    elif how == "stopped":  # stopped in the first preparation: nothing done
        clock.advance(2)
        session.update()
        session.stop(STOPPED_BY_CHOICE)
    elif how == "cut short":  # the knee hug done, then a crash; the patient chose not to resume
        for _ in range(4):
            finish_segment(session, clock)
    assert recorder.session_id is not None
    if how == "cut short":
        history.mark_abandoned(recorder.session_id)
    if pain[1] is not None:
        history.add_check_in(recorder.session_id, Moment.AFTER, rating=pain[1], note=note)
    return recorder.session_id


@pytest.fixture
def routine(tmp_path: Path) -> Routine:
    return write_routine_file(tmp_path)  # "Short test routine", planned once a day


@pytest.fixture
def history_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def recorded(history_file: Path, routine: Routine) -> Path:
    """Six sessions over three weeks, written as the window would have written them."""
    wall = FakeWallClock()
    with History(history_file, wall_clock=wall) as history:
        for days_ago, hour, how, pain in (
            (20, 9, "finished", (7, 6)),
            (5, 9, "finished", (6, 4)),
            (3, 8, "finished", (5, 4)),
            (3, 19, "hurt", (5, 6)),
            (1, 10, "stopped", (None, None)),
            (0, 7, "cut short", (None, None)),
        ):
            wall.now = at(days_ago, hour)
            play(history, routine, how, pain=pain, note="sharp in the left hip" if how == "hurt" else "")
    return history_file


@pytest.fixture
def open_window(
    qtbot: QtBot, settings: AppSettings, clock: FakeClock, no_dangling_timers: list[MainWindow]
) -> OpenWindow:
    """``open_window(history_file)``: a shown, active main window keeping its history there."""

    def make(history_file: Path | None, *, active: bool = True) -> MainWindow:
        window = create_window(settings=settings, clock=clock, history_file=history_file)
        qtbot.addWidget(window)
        no_dangling_timers.append(window)
        window.show()
        qtbot.waitExposed(window)
        if active:
            activate(qtbot, window)
        return window

    return make


def action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def open_history_view(qtbot: QtBot, window: MainWindow) -> HistoryDialog:
    action(window, "historyAction").trigger()
    dialog = wait_for_dialog(qtbot, window, HistoryDialog, "historyDialog")
    return dialog


def rows(dialog: HistoryDialog) -> list[list[str]]:
    """Day headings as one-cell rows, sessions as their seven cells, top to bottom."""
    tree = dialog.findChild(QTreeWidget, "sessionList")
    assert tree is not None
    shown: list[list[str]] = []
    for i in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(i)
        shown.append([day.text(0)])
        shown += [[day.child(j).text(c) for c in range(tree.columnCount())] for j in range(day.childCount())]
    return shown


def text(dialog: QWidget, name: str) -> str:
    widget = dialog.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text() if widget.isVisible() else ""


def long_day(days_ago: int) -> str:
    day = TODAY - timedelta(days=days_ago)
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    text = f"{names[day.weekday()]} {day.day} {months[day.month - 1]}"
    return text if day.year == TODAY.year else f"{text} {day.year}"


# -- what it shows ----------------------------------------------------------------------


def test_the_view_shows_two_weeks_against_the_plan(qtbot: QtBot, open_window: OpenWindow, recorded: Path) -> None:
    window = open_window(recorded)
    dialog = open_history_view(qtbot, window)

    assert dialog.windowTitle() == "Your history"
    # No routine played in this window: the latest session's routine, its file read for "once a day".
    # Done: the finished ones, the stop for pain (the knee hug was done) and the one cut short
    # after the knee hug; not the stop before any exercise.
    assert text(dialog, "adherenceLine") == "Short test routine: 4 of 14 sessions in the last 14 days (on 3 days)"
    assert text(dialog, "planLine").startswith("Planned: once a day.")
    chart = dialog.findChild(SessionsChart, "sessionsChart")
    assert chart is not None and chart.isVisible()
    expected = [0] * 14
    expected[13 - 5], expected[13 - 3], expected[13 - 0] = 1, 2, 1
    assert chart.counts == expected
    assert chart.per_day == 1
    description = chart.accessibleDescription()
    assert description.startswith("Sessions each day, oldest first.")
    assert f"; {short_date(TODAY - timedelta(days=3))}: 2; " in description
    assert description.endswith(f"; {short_date(TODAY)}: 1. Planned: once a day.")


def test_pain_before_and_after_for_the_last_two_weeks(qtbot: QtBot, open_window: OpenWindow, recorded: Path) -> None:
    dialog = open_history_view(qtbot, open_window(recorded))
    chart = dialog.findChild(PainChart, "painChart")
    assert chart is not None
    # Oldest first; the session 20 days ago is outside the chart, the ones without ratings are left out.
    assert [(p.before, p.after) for p in chart.points] == [(6, 4), (5, 4), (5, 6)]
    assert [p.started_at.hour for p in chart.points] == [9, 8, 19]
    description = chart.accessibleDescription()
    assert "08:00: pain 5 before and 4 after; " in description
    assert description.endswith("19:00: pain 5 before and 6 after.")


def test_sessions_listed_by_day_newest_first(qtbot: QtBot, open_window: OpenWindow, recorded: Path) -> None:
    dialog = open_history_view(qtbot, open_window(recorded))
    title = "Short test routine"
    assert rows(dialog) == [
        [f"Today, {long_day(0)}  ·  1 session"],
        ["07:00", title, "not finished", "1 done", "55 s", "", ""],
        [f"Yesterday, {long_day(1)}  ·  1 session"],
        ["10:00", title, "stopped · not counted", "0 done", "2 s", "", ""],  # nothing done: listed, not counted
        [f"{long_day(3)}  ·  2 sessions"],
        ["19:00", title, "stopped: it hurt", "1 done", "1 min", "5 → 6", "1"],
        ["08:00", title, "finished", "2 done", "2 min", "5 → 4", ""],  # one note: see the next test
        [f"{long_day(5)}  ·  1 session"],
        ["09:00", title, "finished", "2 done", "2 min", "6 → 4", ""],
        [f"{long_day(20)}  ·  1 session"],
        ["09:00", title, "finished", "2 done", "2 min", "7 → 6", ""],
    ]


def test_a_note_is_in_the_rows_tooltip_and_what_a_screen_reader_hears(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path
) -> None:
    dialog = open_history_view(qtbot, open_window(recorded))
    tree = dialog.findChild(QTreeWidget, "sessionList")
    assert tree is not None
    hurt = tree.topLevelItem(2).child(0)
    assert hurt.text(2) == "stopped: it hurt"
    assert hurt.toolTip(1) == "Note after: sharp in the left hip"
    assert hurt.data(0, Qt.ItemDataRole.AccessibleTextRole) == (
        "19:00, Short test routine, stopped: it hurt, exercises 1 done, 1 minute, pain 5 before and 6 after, "
        "1 hurt mark. Note after: sharp in the left hip"
    )
    # Read once, on the first cell: the others read as what they show.
    assert [hurt.data(column, Qt.ItemDataRole.AccessibleTextRole) for column in range(1, 7)] == [None] * 6
    assert tree.topLevelItem(2).child(1).toolTip(1) == ""


def test_the_routine_being_played_is_the_one_counted(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, write_routine: Callable[..., Path]
) -> None:
    window = open_window(recorded)
    assert window.open_file(write_routine(TWO_HOLDS, "two-holds.yaml"))  # plays it, not started yet
    dialog = open_history_view(qtbot, window)
    assert text(dialog, "adherenceLine") == "Two holds: 0 sessions in the last 14 days (on 0 days)"
    assert text(dialog, "planLine") == "This routine does not say how often to do it, so this is just what was done."
    chart = dialog.findChild(SessionsChart, "sessionsChart")
    assert chart is not None and chart.counts == [0] * 14 and chart.per_day is None
    assert rows(dialog) == [["No sessions of Two holds yet. Choose another routine above to see its sessions."]]
    chooser = dialog.findChild(QComboBox, "routineChooser")
    assert chooser is not None and chooser.isVisible()
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["Two holds", "Short test routine", "All routines"]
    chooser.setCurrentIndex(2)
    chooser.activated.emit(2)
    assert len(rows(dialog)) == 11  # every session of every routine
    assert text(dialog, "adherenceLine") == "All routines: 4 sessions in the last 14 days (on 3 days)"
    assert text(dialog, "planLine").startswith("Every routine together, so there is no plan to count against.")


def test_an_empty_history_says_so(qtbot: QtBot, open_window: OpenWindow, history_file: Path) -> None:
    dialog = open_history_view(qtbot, open_window(history_file))
    assert text(dialog, "historyMessage") == EMPTY
    assert not dialog.findChild(SessionsChart, "sessionsChart").isVisible()  # type: ignore[union-attr]
    assert not dialog.findChild(QTreeWidget, "sessionList").isVisible()  # type: ignore[union-attr]
    assert not dialog.findChild(QPushButton, "exportCsvButton").isVisible()  # type: ignore[union-attr]
    assert focused() is dialog.findChild(QPushButton, "historyCloseButton")


def test_no_history_kept_says_so(qtbot: QtBot, open_window: OpenWindow) -> None:
    dialog = open_history_view(qtbot, open_window(None))
    assert text(dialog, "historyMessage") == NO_HISTORY
    assert text(dialog, "adherenceLine") == "Your history cannot be shown"


def test_a_history_that_cannot_be_opened_says_why(qtbot: QtBot, open_window: OpenWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window = open_window(blocker / "history.sqlite3", active=False)
    told = wait_for_dialog(qtbot, window, QMessageBox, "historyProblemDialog")  # said once, when the window opened
    told.close()
    dialog = open_history_view(qtbot, window)
    assert text(dialog, "adherenceLine") == "Your history cannot be shown"
    assert str(blocker) in text(dialog, "historyMessage")
    assert not dialog.findChild(QPushButton, "exportCsvButton").isVisible()  # type: ignore[union-attr]


def test_opening_it_again_reads_the_history_again(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, routine: Routine
) -> None:
    window = open_window(recorded)
    dialog = open_history_view(qtbot, window)
    assert len(rows(dialog)) == 11
    dialog.close()
    wall = FakeWallClock(at(0, 12))
    with History(recorded, wall_clock=wall) as history:
        play(history, routine, "finished", pain=(3, 1))
    activate(qtbot, window)
    assert open_history_view(qtbot, window) is dialog  # one view, filled afresh
    assert rows(dialog)[:3] == [
        [f"Today, {long_day(0)}  ·  2 sessions"],
        ["12:00", "Short test routine", "finished", "2 done", "2 min", "3 → 1", ""],
        ["07:00", "Short test routine", "not finished", "1 done", "55 s", "", ""],
    ]
    assert text(dialog, "adherenceLine") == "Short test routine: 5 of 14 sessions in the last 14 days (on 3 days)"


# -- exporting --------------------------------------------------------------------------


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Answer the file dialog with whatever the test puts in ``answers``; records what it was asked."""
    answers: list[object] = []
    asked: list[tuple[str, str]] = []

    def get_save_file_name(parent: QWidget, caption: str, directory: str, filter: str) -> tuple[str, str]:
        asked.append((caption, directory))
        return str(answers.pop(0)), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    answers.append(asked)  # the test pops this first to see what was asked
    yield answers


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_csv_from_the_view(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, tmp_path: Path, save_as: list[object]
) -> None:
    asked = save_as.pop(0)
    target = tmp_path / "out" / "history.csv"
    target.parent.mkdir()
    save_as.append(target)
    dialog = open_history_view(qtbot, open_window(recorded))
    button = dialog.findChild(QPushButton, "exportCsvButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert asked == [("Export history as CSV", asked[0][1])]  # type: ignore[index]
    assert Path(asked[0][1]).name == f"stretch-gui-history-{TODAY:%Y-%m-%d}.csv"  # type: ignore[index]
    table = read_csv(target)
    assert len(table) == 1 + 6 and table[0][0] == "Date"
    assert text(dialog, "exportStatus") == f"Saved 6 sessions to {target}"


def test_export_from_the_file_menu_says_how_many(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, tmp_path: Path, save_as: list[object]
) -> None:
    save_as.pop(0)
    target = tmp_path / "menu.csv"
    save_as.append(target)
    window = open_window(recorded)
    action(window, "exportHistoryAction").trigger()
    assert len(read_csv(target)) == 7
    assert window.statusBar().currentMessage() == f"Saved 6 sessions to {target}"
    window.statusBar().clearMessage()  # its 8 s timer would outlive the test


def test_a_failed_export_says_why_and_keeps_the_file_there(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, tmp_path: Path, save_as: list[object]
) -> None:
    save_as.pop(0)
    good = tmp_path / "history.csv"
    save_as += [good, good / "under-a-file.csv"]  # the second: a "folder" that is a regular file
    dialog = open_history_view(qtbot, open_window(recorded))
    button = dialog.findChild(QPushButton, "exportCsvButton")
    assert button is not None
    button.click()
    before = good.read_bytes()
    button.click()

    error = wait_for_dialog(qtbot, dialog, QMessageBox, "exportErrorDialog")
    assert error.windowTitle() == "Could not export your history"
    assert str(good / "under-a-file.csv") in error.text()
    assert "unchanged" in error.informativeText()
    assert good.read_bytes() == before
    assert text(dialog, "exportStatus") == ""  # the earlier "Saved" line does not stand for this one
    error.close()


def test_cancelling_the_file_dialog_writes_nothing(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, tmp_path: Path, save_as: list[object]
) -> None:
    save_as.pop(0)
    save_as.append("")
    dialog = open_history_view(qtbot, open_window(recorded))
    dialog.findChild(QPushButton, "exportCsvButton").click()  # type: ignore[union-attr]
    assert text(dialog, "exportStatus") == ""
    assert not [d for d in dialog.findChildren(QMessageBox) if d.isVisible()]


# -- keyboard ---------------------------------------------------------------------------


def looks(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def test_the_list_and_buttons_are_reached_by_tab_with_visible_focus(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path
) -> None:
    window = open_window(recorded)
    dialog = open_history_view(qtbot, window)
    tree = dialog.findChild(QTreeWidget, "sessionList")
    export = dialog.findChild(QPushButton, "exportCsvButton")
    close = dialog.findChild(QPushButton, "historyCloseButton")
    sessions = dialog.findChild(SessionsChart, "sessionsChart")
    pain = dialog.findChild(PainChart, "painChart")
    assert focused() is tree  # the list first: it is what the view is for
    assert tree.currentItem().text(0).startswith("Today")  # type: ignore[union-attr]

    # Down goes from the day to its session; a screen reader hears the whole row.
    press(qtbot, Qt.Key.Key_Down)
    current = tree.currentItem()  # type: ignore[union-attr]
    assert current.text(2) == "not finished"
    assert current.data(0, Qt.ItemDataRole.AccessibleTextRole) == (
        "07:00, Short test routine, not finished, exercises 1 done, 55 seconds"
    )

    with_focus: dict[str, QImage] = {}
    order = []
    for _ in range(5):
        with_focus[focused().objectName()] = looks(focused())
        press(qtbot, Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [export, close, sessions, pain, tree]  # round and back to the list
    for widget in (tree, export, close, sessions, pain):
        assert QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
        (close if widget is not close else tree).setFocus()
        assert looks(widget) != with_focus[widget.objectName()], f"no visible focus on {widget.objectName()}"


def test_escape_closes_the_view_and_the_window_goes_on(qtbot: QtBot, open_window: OpenWindow, recorded: Path) -> None:
    window = open_window(recorded)
    dialog = open_history_view(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.isVisible()


def test_the_history_view_is_not_loaded_at_start_up(python: str, subprocess_env: dict[str, str], tmp_path: Path) -> None:
    code = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from stretch_gui.ui.app import create_window
window = create_window()
window.show()
app.processEvents()
print(" ".join(m for m in ("stretch_gui.ui.dialogs.history", "stretch_gui.ui.parts.history_charts", "sqlite3", "csv")
               if m in sys.modules))
"""
    env = dict(subprocess_env, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run([python, "-c", code], check=False, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_exporting_over_a_fifo_is_refused_and_said(
    qtbot: QtBot, open_window: OpenWindow, recorded: Path, tmp_path: Path, save_as: list[object]
) -> None:
    import os
    import stat

    save_as.pop(0)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    save_as.append(fifo)
    dialog = open_history_view(qtbot, open_window(recorded))
    button = dialog.findChild(QPushButton, "exportCsvButton")
    assert button is not None
    button.click()
    error = wait_for_dialog(qtbot, dialog, QMessageBox, "exportErrorDialog")
    assert error.text() == f"Will not write to {fifo}: it is a named pipe, not a regular file. Choose a file name instead."
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    error.close()


def test_a_routine_is_chosen_and_its_next_mornings_show_under_its_sessions(
    qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, settings: AppSettings
) -> None:
    from stretch_gui.core.session.clock import local_now
    from tests.support.history import two_routines_history

    history_file = tmp_path / "two.sqlite3"
    two_routines_history(history_file, tmp_path, local_now())
    settings.morning_check_put_off = local_now().date()  # this morning's question was put off: not asked now
    dialog = open_history_view(qtbot, open_window(history_file))
    chooser = dialog.findChild(QComboBox, "routineChooser")
    assert chooser is not None and chooser.currentText() == "Evening stretches for a long day at the desk"
    assert text(dialog, "adherenceLine").startswith("Evening stretches for a long day at the desk: 2 of ")
    assert {row[1] for row in rows(dialog) if len(row) > 1} == {"Evening stretches for a long day at the desk"}

    # The keyboard reaches the chooser first after the buttons, and the arrows change the routine.
    chooser.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert chooser.currentText() == "Short test routine"
    assert text(dialog, "adherenceLine").startswith("Short test routine: 2 of ")  # the stopped one is not counted
    shown = rows(dialog)
    firsts = [row[0] for row in shown]
    assert "Next morning: 3/10, worse — ease back" in firsts and "Next morning: 3/10, better — keep going" in firsts
    assert any(row[2:3] == ["stopped · not counted"] for row in shown)
    morning = firsts.index("Next morning: 3/10, worse — ease back")
    assert shown[morning - 1][1] == "Short test routine"  # right under the session it is about
    pain = dialog.findChild(PainChart, "painChart")
    assert pain is not None and [rating for _day, rating in pain.mornings] == [3, 3]
    assert "The next mornings: " in pain.accessibleDescription()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.findChild(SessionsChart, "sessionsChart")
