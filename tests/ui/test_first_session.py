"""A staged routine with no date (the built-in desk break) counts its weeks from the first session:
kept in settings when a session ends with work done, learned from the history after the first paint,
and said on the start screen."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_gui.core.record.recorder import routine_info
from stretch_gui.core.record.store import History, SessionStatus
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.window import MainWindow
from tests.support.history import FakeWallClock
from tests.support.window import MakeWindow, step

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")
DESK = next(path for path in builtin_routine_files() if path.name == "desk-break.yaml").resolve()


def stage_line(window: MainWindow) -> str:
    screen = window.start_screen
    row = next(i for i, entry in enumerate(screen.entries) if entry.path == DESK)
    screen.list.setCurrentRow(row)
    return screen.detail_stage.text()


def test_the_start_screen_counts_from_the_first_session_kept(make_window: MakeWindow, settings: AppSettings) -> None:
    settings.first_sessions = {str(DESK): date.today() - timedelta(days=8)}
    line = stage_line(make_window())
    assert line.startswith("Week 2")
    assert line.endswith(f"(counted from your first session on {(date.today() - timedelta(days=8)):%-d %B %Y})")


def test_before_any_session_it_is_week_one_and_says_how_it_counts(make_window: MakeWindow) -> None:
    line = stage_line(make_window())
    assert line.startswith("Week 1") and line.endswith("so the weeks count from your first session)")


def test_a_session_with_work_done_keeps_its_day(make_window: MakeWindow, settings: AppSettings, clock: FakeClock) -> None:
    window = make_window(DESK)
    window.today = lambda: date(2026, 12, 1)  # the window's calendar, fixed
    session = window.player.driver.session  # type: ignore[union-attr]
    session.start()
    step(clock, window, session.plan.total)
    assert settings.first_sessions == {str(DESK): date(2026, 12, 1)}
    window.today = lambda: date(2026, 12, 9)
    window.show_start()
    assert stage_line(window).startswith("Week 2")


def test_a_session_stopped_before_any_exercise_keeps_nothing(
    make_window: MakeWindow, settings: AppSettings, clock: FakeClock
) -> None:
    window = make_window(DESK)
    session = window.player.driver.session  # type: ignore[union-attr]
    session.start()
    step(clock, window, 1)
    window.player.stop_for_pain()
    assert settings.first_sessions == {}


def test_sessions_already_in_the_history_are_learned_after_the_first_paint(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, no_dangling_timers: list[MainWindow]
) -> None:
    from stretch_gui.ui.app import create_window

    history_file = tmp_path / "history.sqlite3"
    first = datetime.now().astimezone() - timedelta(days=9)
    wall = FakeWallClock(first)
    with History(history_file, wall_clock=wall) as history:
        session_id = history.start_session(routine_info(load_routine_file(DESK)), segment_count=9)
        history.save_progress(
            session_id, outcomes=[], current_index=8, active_seconds=300.0, exercises_completed=3,
            exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=first,
        )
    window = create_window(settings=settings, history_file=history_file)
    qtbot.addWidget(window)
    no_dangling_timers.append(window)
    window.show()
    qtbot.waitUntil(lambda: str(DESK) in settings.first_sessions)
    assert settings.first_sessions[str(DESK)] == first.date()
    assert stage_line(window).startswith("Week 2")
    window.close()
