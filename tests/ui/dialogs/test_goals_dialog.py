"""My goals: named, rated, saved; offered weekly after the morning check, never twice a day after "Not now"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from stretch_gui.core.content import goals as words
from stretch_gui.core.record.goals import Goals
from stretch_gui.core.record.store import HistoryWriteError
from stretch_gui.core.session.clock import FakeClock, local_now
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.goals import GoalsDialog
from stretch_gui.ui.window import MainWindow
from tests.support.history import FakeWallClock, open_history
from tests.ui.test_morning_check import record_session

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

GOALS_ROUTINE = """\
format: 1
title: With goals
patient_goals:
  activities: [Walk to the shops, Sit through a film]
steps:
  - breathe: 30
"""


def saving(into: list[tuple[list[str], dict[str, int]]]) -> Callable[[list[str], dict[str, int]], Goals]:
    def save(names: list[str], scores: dict[str, int]) -> Goals:
        into.append((names, scores))
        return Goals()

    return save


def test_named_activities_are_rated_and_saved_in_order(qtbot: QtBot) -> None:
    saved: list[tuple[list[str], dict[str, int]]] = []
    dialog = GoalsDialog(["Walk to the shops", "Sit through a film"], saving(saved))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QPushButton, "goal1Pain3").click()
    dialog.findChild(QPushButton, "goal2Pain7").click()
    dialog.findChild(QLineEdit, "goalName3").setText("  Tie my   shoes ")
    dialog.findChild(QPushButton, "goalsSaveButton").click()
    names = ["Walk to the shops", "Sit through a film", "Tie my shoes"]
    assert saved == [(names, {"Walk to the shops": 3, "Sit through a film": 7})]
    assert dialog.findChild(QPushButton, "goalsCloseButton").isVisible()
    assert not dialog.findChild(QPushButton, "goalsSaveButton").isVisible()


def test_an_unnamed_row_cannot_be_rated_and_clearing_a_name_clears_its_score(qtbot: QtBot) -> None:
    dialog = GoalsDialog(["Walk"], saving([]))
    qtbot.addWidget(dialog)
    first, fourth = dialog.rows[0], dialog.rows[3]
    assert not fourth.scale.isEnabled()
    first.scale.set_value(4)
    first.name.clear()
    assert first.scale.value() is None and not first.scale.isEnabled()


def test_each_scale_says_which_activity_it_rates_and_what_its_ends_mean(qtbot: QtBot) -> None:
    dialog = GoalsDialog(["Walk to the shops"], saving([]))
    qtbot.addWidget(dialog)
    scale = dialog.rows[0].scale
    assert scale.accessibleName().startswith("Walk to the shops: ")
    assert scale.buttons[0].accessibleName() == f"{words.SCORE_WORD} 0, {words.SCALE_ENDS[0]} out of 10"
    assert dialog.findChild(QLabel, "goal1Low").text() == f"0 = {words.SCALE_ENDS[0]}"
    assert dialog.findChild(QLineEdit, "goalName1").accessibleName() == "Activity 1"


def test_a_failed_save_says_why_and_keeps_the_answers(qtbot: QtBot, tmp_path: Path) -> None:
    def fail(_names: list[str], _scores: dict[str, int]) -> Goals:
        raise HistoryWriteError("The disk is full.", path=tmp_path)

    dialog = GoalsDialog(["Walk"], fail)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.rows[0].scale.set_value(5)
    dialog.findChild(QPushButton, "goalsSaveButton").click()
    status = dialog.findChild(QLabel, "goalsStatus")
    assert status.isVisible() and "The disk is full." in status.text()
    assert dialog.rows[0].scale.value() == 5 and dialog.findChild(QPushButton, "goalsSaveButton").isVisible()


def test_digits_rate_the_row_with_the_focus(qtbot: QtBot) -> None:
    dialog = GoalsDialog(["Walk", "Sit"], saving([]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    second = dialog.rows[1].scale.buttons[0]
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(second, Qt.Key.Key_6)
    assert dialog.rows[1].scale.value() == 6 and dialog.rows[0].scale.value() is None


# -- in the window -------------------------------------------------------------------------


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path, no_dangling_timers) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make(routine: Path | None = None) -> MainWindow:
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        if routine is not None:
            settings.remember(routine)  # the routine last opened: its file switches the goals on
        window = create_window(None, settings=settings, clock=FakeClock(), history_file=tmp_path / "history.sqlite3")
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: hasattr(window, "morning_check"))  # the goals are offered right after it
        return window

    yield make
    for window in windows:
        for dialog in (getattr(window, "goals_dialog", None), getattr(window, "morning_check", None)):
            if dialog is not None:
                dialog.close()
        window.close()


@pytest.fixture
def goals_file(tmp_path: Path) -> Path:
    path = tmp_path / "goals.yaml"
    path.write_text(GOALS_ROUTINE, encoding="utf-8")
    return path


def test_without_goals_in_the_file_nothing_is_offered(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert window.goals_dialog is None


def test_the_file_switches_the_weekly_rating_on_and_prefills_it(open_window, goals_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(goals_file)
    dialog = window.goals_dialog
    assert dialog is not None and dialog.isVisible()
    assert [row.name.text() for row in dialog.rows] == ["Walk to the shops", "Sit through a film", "", "", ""]
    assert dialog.intro.text().startswith(words.DUE_FIRST)
    assert dialog.focusWidget() is dialog.rows[0].name  # the first activity to rate, not the scroll area
    dialog.rows[0].scale.set_value(2)
    dialog.findChild(QPushButton, "goalsSaveButton").click()
    history = window.history_store()
    assert history is not None
    assert [r.score for r in history.goals().ratings] == [2]
    assert "2 out of 10" in dialog.findChild(QLabel, "goalsStatus").text()


def test_not_now_is_remembered_for_the_day(open_window, goals_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(goals_file)
    window.goals_dialog.findChild(QPushButton, "goalsLaterButton").click()
    window.close()
    again = open_window(goals_file)
    assert again.goals_dialog is None


def test_rated_this_week_is_not_asked_again_but_a_week_later_it_is(open_window, goals_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with open_history(tmp_path / "history.sqlite3", FakeWallClock(local_now() - timedelta(days=6))) as history:
        history.save_goals(["Walk to the shops"], {"Walk to the shops": 4})
    assert open_window(goals_file).goals_dialog is None
    with open_history(tmp_path / "history.sqlite3", FakeWallClock(local_now() - timedelta(days=7))) as history:
        history._conn.execute("UPDATE goal_ratings SET day = ?", ((local_now() - timedelta(days=7)).date().isoformat(),))
    window = open_window(goals_file)
    assert window.goals_dialog is not None and window.goals_dialog.intro.text().startswith(words.DUE_AGAIN)


def test_the_menu_opens_the_goals_any_time_without_not_now(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    action = window.findChild(QAction, "goalsAction")
    assert action is not None
    action.trigger()
    dialog = window.goals_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.findChild(QPushButton, "goalsLaterButton").isVisible()
    assert dialog.findChild(QPushButton, "goalsCloseButton").isVisible()


def test_after_the_morning_check_never_on_top_of_it(open_window, goals_file: Path, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    if local_now().hour == 0 and local_now().minute < 5:
        pytest.skip("too close to midnight for 'yesterday' to be stable")
    record_session(tmp_path / "history.sqlite3", tmp_path, days_ago=1)
    window = open_window(goals_file)
    assert window.morning_check is not None and window.morning_check.isVisible()
    assert window.goals_dialog is None  # not yet: one question at a time
    window.morning_check.findChild(QPushButton, "morningLaterButton").click()
    qtbot.waitUntil(lambda: window.goals_dialog is not None and window.goals_dialog.isVisible())


def test_once_the_named_ones_are_rated_the_focus_starts_on_the_first_empty_name(qtbot: QtBot) -> None:
    dialog = GoalsDialog(["Walk", "Sit"], lambda _names, _scores: Goals(), prompt="", later=None)
    qtbot.addWidget(dialog)
    dialog.rows[0].scale.set_value(3)
    dialog.show()
    dialog.focus_first_unanswered()
    assert dialog.focusWidget() is dialog.rows[1].name
    dialog.rows[1].scale.set_value(5)
    dialog.focus_first_unanswered()
    assert dialog.focusWidget() is dialog.rows[2].name


def test_opened_again_the_same_day_it_shows_todays_scores_to_change(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    history = window.history_store()
    assert history is not None
    history.save_goals(["Walk", "Sit"], {"Walk": 4})
    window.show_goals()
    dialog = window.goals_dialog
    assert [row.scale.value() for row in dialog.rows[:2]] == [4, None]


def test_escape_on_the_weekly_offer_counts_as_not_now_but_not_after_saving(qtbot: QtBot) -> None:
    postponed: list[bool] = []
    dialog = GoalsDialog(["Walk"], saving([]), later=lambda: postponed.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert postponed == [True] and not dialog.isVisible()
    rated = GoalsDialog(["Walk"], saving([]), later=lambda: postponed.append(True))
    qtbot.addWidget(rated)
    rated.show()
    rated.findChild(QPushButton, "goalsSaveButton").click()
    rated.findChild(QPushButton, "goalsCloseButton").click()
    assert postponed == [True]
