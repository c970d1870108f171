"""The goals in the CSV: per session, the latest rating on or before its day, and each activity's latest score."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from stretch_gui.core.record.csv_export import GOALS_HEADERS, HEADERS, csv_bytes
from stretch_gui.core.record.recorder import routine_info
from stretch_gui.core.record.store import History, SessionStatus
from tests.support.history import FakeWallClock, open_history, write_routine_file


def session_on(history: History, wall: FakeWallClock, routine) -> None:  # type: ignore[no-untyped-def]
    session = history.start_session(routine_info(routine), segment_count=7)
    history.save_progress(session, outcomes=[], current_index=6, active_seconds=60.0, exercises_completed=2,
                          exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=wall.now)


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_each_session_carries_the_goals_as_they_stood_that_day(tmp_path: Path) -> None:
    wall = FakeWallClock()  # 14 March 2026
    routine = write_routine_file(tmp_path)
    with open_history(tmp_path / "history.sqlite3", wall) as history:
        wall.advance(days=-1)
        session_on(history, wall, routine)  # the day before the first rating
        wall.advance(days=1)
        history.save_goals(["Walk", "=Sit"], {"Walk": 3, "=Sit": 6})
        session_on(history, wall, routine)  # the day of the rating
        wall.advance(days=7)
        history.save_goals(["Walk", "=Sit"], {"Walk": 6})  # only one rated this week
        wall.advance(days=1)
        session_on(history, wall, routine)
        header, before, same_day, week_later = rows(csv_bytes(history.sessions(), history.hurt_marks, history.goals()))
    goals = len(HEADERS)
    assert header[goals:] == [*GOALS_HEADERS, "Goal: Walk (0-10)", "Goal: =Sit (0-10)"]  # never a formula
    assert before[goals:] == ["", "", "", "", ""]
    assert same_day[goals:] == ["2026-03-14", "9", "2", "3", "6"]  # average 4.5 = 9 / 2
    assert week_later[goals:] == ["2026-03-21", "6", "1", "6", "6"]  # Sit's score is still last week's


def test_without_goals_the_file_is_as_before(tmp_path: Path) -> None:
    wall = FakeWallClock()
    routine = write_routine_file(tmp_path)
    with open_history(tmp_path / "history.sqlite3", wall) as history:
        session_on(history, wall, routine)
        header, row = rows(csv_bytes(history.sessions(), history.hurt_marks, history.goals()))
    assert tuple(header) == HEADERS and len(row) == len(HEADERS)
