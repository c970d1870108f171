"""Shared pieces for the tests/test_history*.py files: a small routine, fake clocks, a history."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from stretch_gui.core.record.store import History
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.plan import Plan, build_plan
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import Session

ROUTINE = """\
format: 1
title: Short test routine
prescribed: 2026-03-01
frequency: {per_day: 1}
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 20s
    prepare: 5s
    sets: 2
    rest: 10s
  - exercise: {title: Cat cow, instructions: Round then sag.}
    reps: 3
    prepare: 5s
  - breathe: {breaths: 2}
"""
# Segments: 0 prepare, 1 hold, 2 rest, 3 hold | 4 prepare, 5 reps | 6 breathe
KNEE_HUG_WORK = (1, 3)
SEGMENT_COUNT = 7

CET = timezone(timedelta(hours=1))


class FakeWallClock:
    """Time of day that moves only when a test says so (aware, UTC+1 unless told)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 14, 9, 0, 0, tzinfo=CET)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def write_routine_file(folder: Path, text: str = ROUTINE, name: str = "routine.yaml") -> Routine:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return load_routine_file(path)


def new_session(routine: Routine, clock: FakeClock | None = None, **kwargs: Any) -> tuple[Plan, FakeClock, Session]:
    plan = build_plan(routine)
    clock = clock or FakeClock()
    return plan, clock, Session(plan, clock, **kwargs)


def finish_segment(session: Session, clock: FakeClock) -> None:
    """Let the segment on now run out."""
    clock.advance(session.remaining())
    session.update()


def open_history(path: Path, wall: FakeWallClock | None = None, **kwargs: float) -> History:
    return History(path, wall_clock=wall or FakeWallClock(), **kwargs)


def drop_privileges_if_asked() -> None:
    """In a test subprocess started as root: become the user named by STRETCH_GUI_TEST_UID.

    Root ignores permission bits, so a read-only test must run as someone else. The switch
    happens after the imports because the interpreter itself may live where only root can read.
    """
    import os

    uid = os.environ.get("STRETCH_GUI_TEST_UID")
    if uid:
        os.setgroups([])
        os.setgid(int(uid))
        os.setuid(int(uid))
        assert os.geteuid() == int(uid)


OTHER_ROUTINE = ROUTINE.replace("title: Short test routine", "title: Evening stretches for a long day at the desk")


def two_routines_history(history_file: Path, folder: Path, today: datetime) -> None:
    """What History shows at its fullest: two routines over the last days, pain ratings, a session
    with nothing done, and next-morning checks (one calm, one asking to ease back)."""
    from stretch_gui.core.record.recorder import routine_info
    from stretch_gui.core.record.store import Moment, SessionStatus

    short = write_routine_file(folder, ROUTINE, "short.yaml")
    other = write_routine_file(folder, OTHER_ROUTINE, "evening.yaml")
    wall = FakeWallClock(today)
    with History(history_file, wall_clock=wall) as history:
        for days_ago, routine, done, morning in (
            (4, short, 2, ("better", "keep going")),
            (3, other, 2, None),
            (2, short, 2, ("worse", "ease back")),
            (1, short, 0, None),  # stopped before any exercise: listed, not counted
            (1, other, 2, None),
        ):
            wall.now = today - timedelta(days=days_ago)
            session_id = history.start_session(routine_info(routine), segment_count=SEGMENT_COUNT)
            history.add_check_in(session_id, Moment.BEFORE, rating=5)
            history.save_progress(
                session_id, outcomes=[], current_index=6 if done else 0, active_seconds=120.0 if done else 2.0,
                exercises_completed=done, exercises_skipped=0,
                status=SessionStatus.FINISHED if done else SessionStatus.STOPPED, ended_at=wall.now,
            )
            history.add_check_in(session_id, Moment.AFTER, rating=4)
            if morning is not None:
                wall.now += timedelta(hours=14)
                history.add_morning_check(session_id, rating=3, compared=morning[0], advice=morning[1])
