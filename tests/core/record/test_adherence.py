"""Sessions done against the prescribed frequency over two weeks, and pain before and after."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stretch_gui.core.record.adherence import (
    adherence,
    counts_as_done,
    expected_sessions,
    pain_points,
    routine_adherence,
)
from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import RoutineInfo, SessionRecord, SessionStatus
from stretch_gui.core.routine.model import Frequency
from tests.support.history import (
    FakeWallClock,
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)

TODAY = date(2026, 3, 14)


def record(
    started: datetime, *, status: SessionStatus = SessionStatus.FINISHED, completed: int = 2, id: int = 1, **kw: object
) -> SessionRecord:
    return SessionRecord(
        id=id,
        routine=RoutineInfo("R", "/r.yaml"),
        segment_count=7,
        started_at=started,
        ended_at=None,
        status=status,
        stop_reason="",
        resume_index=0,
        active_seconds=60.0,
        exercises_completed=completed,
        exercises_skipped=0,
        **kw,  # type: ignore[arg-type]
    )


def at(day: date, hour: int = 9, offset_hours: int = 1) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone(timedelta(hours=offset_hours)))


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        (Frequency(per_day=1), 14),
        (Frequency(per_day=3), 42),
        (Frequency(per_week=3), 6),
        (Frequency(per_week=1), 2),
        (None, None),
    ],
)
def test_expected_sessions_over_two_weeks(frequency: Frequency | None, expected: int | None) -> None:
    assert expected_sessions(frequency) == expected


def test_the_window_is_fourteen_days_ending_today_oldest_first() -> None:
    result = adherence([], Frequency(per_day=1), today=TODAY)
    assert [t.day for t in result.days] == [date(2026, 3, 1) + timedelta(days=n) for n in range(14)]
    assert result.first_day == date(2026, 3, 1) and result.last_day == TODAY
    assert result.sessions_done == 0 and result.days_with_session == 0 and result.sessions_expected == 14


def test_sessions_are_counted_per_local_day_inside_the_window() -> None:
    records = [
        record(at(TODAY, 8)),
        record(at(TODAY, 19)),  # twice today
        record(at(date(2026, 3, 10))),
        record(at(date(2026, 3, 1), 0)),  # first day of the window, just after midnight
        record(at(date(2026, 2, 28), 23)),  # the day before: outside
        record(at(date(2026, 3, 15))),  # tomorrow (clock trouble): outside
    ]
    result = adherence(records, Frequency(per_day=1), today=TODAY)
    per_day = {t.day: t.sessions for t in result.days}
    assert per_day[TODAY] == 2 and per_day[date(2026, 3, 10)] == 1 and per_day[date(2026, 3, 1)] == 1
    assert sum(per_day.values()) == result.sessions_done == 4
    assert result.days_with_session == 3
    assert result.describe() == "4 of 14 sessions in the last 14 days (on 3 days)"


def test_the_day_is_the_local_day_where_the_session_was_done() -> None:
    # 23:30 at UTC-5 is already the next day in UTC; the patient did it on the 13th.
    late = record(at(date(2026, 3, 13), 23, offset_hours=-5).replace(minute=30))
    result = adherence([late], None, today=TODAY)
    assert {t.day: t.sessions for t in result.days}[date(2026, 3, 13)] == 1
    assert result.sessions_expected is None
    assert result.describe() == "1 session in the last 14 days (on 1 day)"


def test_what_counts_as_a_session_done() -> None:
    assert counts_as_done(record(at(TODAY), completed=0))  # finished (a breathing-only routine)
    assert counts_as_done(record(at(TODAY), status=SessionStatus.STOPPED, completed=1))
    assert not counts_as_done(record(at(TODAY), status=SessionStatus.STOPPED, completed=0))
    assert not counts_as_done(record(at(TODAY), status=SessionStatus.ABANDONED, completed=0))


def test_pain_points_oldest_first_only_where_rated() -> None:
    records = [
        record(at(TODAY), id=3, pain_before=5, pain_after=3),
        record(at(TODAY), id=1, pain_before=7),
        record(at(TODAY), id=2),
    ]
    points = pain_points(records)
    assert [(p.session_id, p.before, p.after) for p in points] == [(1, 7, None), (3, 5, 3)]


def test_routine_adherence_from_the_history(tmp_path: Path) -> None:
    routine = write_routine_file(tmp_path)
    other = write_routine_file(tmp_path, name="other.yaml")
    wall = FakeWallClock(at(date(2026, 2, 20)))
    with open_history(tmp_path / "history.sqlite3", wall) as history:
        for day_offset, which in [(0, routine), (12, routine), (16, routine), (21, routine), (21, other), (22, routine)]:
            wall.now = at(date(2026, 2, 20) + timedelta(days=day_offset))
            _, clock, session = new_session(which)
            SessionRecorder(history, session)
            session.start()
            while not session.state.is_over:
                finish_segment(session, clock)
        wall.now = at(TODAY, 20)
        result = routine_adherence(history, routine)
        edited = replace(routine, content_hash="edited by the physio")  # same file, new version
        assert routine_adherence(history, edited) == result
    # 2026-02-20 is outside the window; 03-04, 03-08, 03-13, 03-14 are in; other.yaml is not counted.
    done = [t.day for t in result.days if t.sessions]
    assert done == [date(2026, 3, 4), date(2026, 3, 8), date(2026, 3, 13), date(2026, 3, 14)]
    assert (result.sessions_done, result.sessions_expected, result.days_with_session) == (4, 14, 4)
    assert result.frequency == Frequency(per_day=1)
