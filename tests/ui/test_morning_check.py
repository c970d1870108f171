"""The next-morning pain check in the window: asked the day after a session, answered, advice shown, kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from stretch_gui.core.content.morning import ADVICE
from stretch_gui.core.record.morning import Advice, Compared, load_checks
from stretch_gui.core.record.recorder import routine_info
from stretch_gui.core.record.store import SessionStatus
from stretch_gui.core.session.clock import FakeClock, local_now
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.window import MainWindow
from tests.support.history import ROUTINE, FakeWallClock, open_history, write_routine_file

# The offscreen platform says so whenever a dialog's size hints change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def record_session(history_file: Path, folder: Path, days_ago: int, text: str = ROUTINE) -> None:
    routine = write_routine_file(folder, text)
    wall = FakeWallClock(local_now() - timedelta(days=days_ago))
    with open_history(history_file, wall) as history:
        session_id = history.start_session(routine_info(routine), segment_count=7)
        history.save_progress(
            session_id, outcomes=[], current_index=6, active_seconds=120.0, exercises_completed=2,
            exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=wall.now,
        )


def played_yesterday(folder: Path) -> None:
    """A session in the history of ``folder``, yesterday: the morning check is due."""
    if local_now().hour == 0 and local_now().minute < 5:
        pytest.skip("too close to midnight for 'yesterday' to be stable")
    record_session(folder / "history.sqlite3", folder, days_ago=1)


def settings_in(folder: Path) -> AppSettings:
    return AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path, no_dangling_timers) -> Iterator[Callable[[], MainWindow]]:  # type: ignore[no-untyped-def]
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = settings_in(tmp_path)
        window = create_window(None, settings=settings, clock=FakeClock(), history_file=tmp_path / "history.sqlite3")
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: hasattr(window, "morning_check"))
        return window

    yield make
    for window in windows:
        if getattr(window, "morning_check", None) is not None:
            window.morning_check.close()
        window.close()


def test_the_day_after_a_session_the_check_is_asked_answered_and_kept(open_window, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    window = open_window()
    dialog = window.morning_check
    assert dialog is not None and dialog.isVisible()
    save = dialog.findChild(QPushButton, "morningSaveButton")
    assert not save.isEnabled()  # both answers are needed
    assert not dialog.findChild(QLineEdit, "morningPainNote").isVisible()  # no note is kept, so none is asked for
    dialog.findChild(QRadioButton, "morningWorse").setChecked(True)
    dialog.findChild(QPushButton, "morningPainPain3").click()
    assert save.isEnabled()
    save.click()
    advice = dialog.findChild(QLabel, "morningAdvice")
    assert advice.isVisible() and advice.text().startswith(ADVICE[Advice.EASE_BACK])
    assert dialog.findChild(QPushButton, "morningCloseButton").isVisible()
    history = window.history_store()
    assert history is not None
    ((check),) = load_checks(history)
    assert (check.rating, check.compared, check.advice) == (3, Compared.WORSE, Advice.EASE_BACK)


@pytest.mark.parametrize("days_ago", [0, 2])
def test_not_asked_on_the_day_of_a_session_nor_two_days_later(open_window, tmp_path: Path, days_ago: int) -> None:  # type: ignore[no-untyped-def]
    record_session(tmp_path / "history.sqlite3", tmp_path, days_ago=days_ago)
    window = open_window()
    assert window.morning_check is None


def test_not_now_is_remembered_and_not_asked_again_that_day(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    window = open_window()
    dialog = window.morning_check
    assert dialog is not None
    dialog.findChild(QPushButton, "morningLaterButton").click()
    assert settings_in(tmp_path).morning_check_put_off == local_now().date()
    window.close()
    assert open_window().morning_check is None  # the next start that day does not ask


def test_a_not_now_of_an_earlier_day_does_not_stop_todays_question(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    settings_in(tmp_path).morning_check_put_off = local_now().date() - timedelta(days=1)
    assert open_window().morning_check is not None


def test_put_off_and_the_physios_thresholds_on_fake_dates(qtbot: QtBot, tmp_path: Path) -> None:
    """offer_morning_check on a history whose clock says 14 March: the day kept is that day, the advice the file's."""
    from datetime import datetime

    from stretch_gui.ui.dialogs.morning import offer_morning_check

    strict = ROUTINE.replace("frequency:", "pain_monitoring: {acceptable_pain: 2}\nfrequency:")
    routine = write_routine_file(tmp_path, strict)
    wall = FakeWallClock(datetime(2026, 3, 13, 18, 0).astimezone())
    kept: list[object] = []
    with open_history(tmp_path / "h.sqlite3", wall) as history:
        session_id = history.start_session(routine_info(routine), segment_count=7)
        history.save_progress(
            session_id, outcomes=[], current_index=6, active_seconds=120.0, exercises_completed=2,
            exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=wall.now,
        )
        wall.advance(days=1)
        parent = QWidget()
        qtbot.addWidget(parent)
        from stretch_gui.core.routine.loader import load_routine_file

        dialog = offer_morning_check(parent, history, load=load_routine_file, put_off_on=None, put_off=kept.append)
        assert dialog is not None
        dialog.reject()
        assert kept == [date(2026, 3, 14)]
        assert offer_morning_check(parent, history, load=load_routine_file, put_off_on=date(2026, 3, 14)) is None
        dialog = offer_morning_check(parent, history, load=load_routine_file, put_off=kept.append)
        assert dialog is not None
        dialog.findChild(QRadioButton, "morningBetter").setChecked(True)
        dialog.findChild(QPushButton, "morningPainPain3").click()
        dialog.findChild(QPushButton, "morningSaveButton").click()
        advice = dialog.findChild(QLabel, "morningAdvice").text()
        assert advice.startswith("Your pain is above 2 out of 10 this morning.")  # 3 is fine by the model, not by her
        dialog.close()
        assert kept == [date(2026, 3, 14)]  # a saved answer is not a "Not now"
        assert load_checks(history)[0].advice is Advice.CONTACT_PHYSIO_PAIN


def answer(dialog: QWidget, compared: str, pain: int) -> None:
    dialog.findChild(QRadioButton, f"morning{compared}").setChecked(True)
    dialog.findChild(QPushButton, f"morningPainPain{pain}").click()
    dialog.findChild(QPushButton, "morningSaveButton").click()


def test_after_a_worse_morning_todays_sessions_can_be_made_easier(open_window, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    settings_in(tmp_path).recent_files = [(tmp_path / "routine.yaml").resolve()]  # played yesterday
    window = open_window()
    dialog = window.morning_check
    answer(dialog, "Worse", 3)
    ease = dialog.findChild(QPushButton, "morningEaseButton")
    detail = dialog.findChild(QLabel, "morningEaseDetail")
    assert ease.isVisible()
    assert detail.text() == "Short test routine today: one set fewer of each exercise."
    ease.click()
    assert not ease.isVisible()
    assert "easier today" in detail.text()
    file = str((tmp_path / "routine.yaml").resolve())
    assert window.settings.easier_days == {file: window.today()}
    # The start screen shows the routine eased, and that is what plays.
    entry = next(e for e in window.start_screen.entries if str(e.path) == file)
    assert "Easier today: one set fewer of each exercise" in entry.stage_line()
    knee_hug = entry.routine.steps[0]
    assert knee_hug.sets == 1
    window.morning_check.close()
    # Tomorrow the file plays as written again.
    window.today = lambda: date.today() + timedelta(days=1)
    assert window.catalogue.load(Path(file)).steps[0].sets == 2


def test_an_easier_session_can_be_taken_back_on_the_start_screen(open_window, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    file = write_routine_file(tmp_path, ROUTINE).source
    assert file is not None
    settings = settings_in(tmp_path)
    settings.recent_files = [file]
    settings.easier_days = {str(file): date.today()}  # eased this morning
    window = open_window()
    screen = window.start_screen
    full = screen.findChild(QPushButton, "fullRoutineButton")
    assert screen.current_entry().path == file
    assert full.isVisible() and full.text() == "Full routine today"
    assert "Easier today" in screen.findChild(QLabel, "detailStage").text()
    assert screen.current_entry().routine.steps[0].sets == 1
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_Tab)  # in reading order: the button on the left comes first
    assert window.focusWidget() is full
    qtbot.keyClick(full, Qt.Key.Key_Return)  # Enter on the focused button, as from the keyboard
    assert window.settings.easier_days == {}
    assert not full.isVisible()
    assert "Easier today" not in screen.findChild(QLabel, "detailStage").text()
    assert screen.current_entry().path == file and screen.current_entry().routine.steps[0].sets == 2
    assert window.focusWidget() is screen.findChild(QPushButton, "startRoutineButton")  # not lost with the button


def test_the_full_routine_button_shows_only_for_an_eased_routine(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = write_routine_file(tmp_path, ROUTINE).source
    settings_in(tmp_path).recent_files = [file]
    window = open_window()
    assert window.start_screen.current_entry().path == file
    assert not window.start_screen.findChild(QPushButton, "fullRoutineButton").isVisible()


def test_no_easier_offer_when_the_advice_is_to_keep_going(open_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    window = open_window()
    answer(window.morning_check, "Better", 2)
    assert not window.morning_check.findChild(QPushButton, "morningEaseButton").isVisible()
    assert window.settings.easier_days == {}


def test_f1_in_the_morning_check_opens_when_to_get_help_over_it(open_window, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    played_yesterday(tmp_path)
    window = open_window()
    dialog = window.morning_check
    dialog.activateWindow()
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    help_page = dialog.findChild(QDialog, "helpDialog")
    assert help_page is not None and help_page.isVisible()
    help_page.close()
    assert dialog.findChild(QPushButton, "morningHelpButton").text() == "When to get help (F1)"
