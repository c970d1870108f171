"""The first-session day of each routine file, learned from sessions and merged into what is kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from stretch_gui.core.record.first_sessions import first_days, with_learned
from stretch_gui.core.record.store import RoutineInfo, SessionRecord, SessionStatus

CET = timezone(timedelta(hours=1))


def session(id: int, day: date, file: str = "/desk.yaml", *, done: int = 2) -> SessionRecord:
    return SessionRecord(
        id=id, routine=RoutineInfo("Desk break", file), segment_count=7,
        started_at=datetime(day.year, day.month, day.day, 9, tzinfo=CET), ended_at=None,
        status=SessionStatus.FINISHED if done else SessionStatus.STOPPED, stop_reason="", resume_index=0,
        active_seconds=60.0, exercises_completed=done, exercises_skipped=0,
    )


def test_the_first_session_that_did_some_work_for_each_file() -> None:
    records = [
        session(3, date(2026, 12, 5)),
        session(2, date(2026, 12, 2)),
        session(1, date(2026, 11, 30), done=0),  # nothing done: not when the programme began
        session(4, date(2026, 12, 3), "/other.yaml"),
        session(5, date(2026, 12, 1), ""),  # no file: nothing to key it by
    ]
    assert first_days(records) == {"/desk.yaml": date(2026, 12, 2), "/other.yaml": date(2026, 12, 3)}


def test_learning_keeps_the_earliest_day_and_says_when_nothing_changed() -> None:
    known = {"/desk.yaml": date(2026, 12, 2)}
    assert with_learned(known, {"/desk.yaml": date(2026, 12, 9)}) is None  # a later session changes nothing
    assert with_learned(known, {}) is None
    assert with_learned(known, {"/desk.yaml": date(2026, 11, 28)}) == {"/desk.yaml": date(2026, 11, 28)}
    merged = with_learned(known, {"/new.yaml": date(2026, 12, 9)})
    assert merged is not None and list(merged) == ["/desk.yaml", "/new.yaml"]  # the newest last: kept longest
