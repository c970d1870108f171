"""A staged routine and four weeks of sessions in a real history, for the progress report's tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from stretch_gui.core.record.recorder import routine_info
from stretch_gui.core.record.store import Moment, SessionStatus
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.wording import STOPPED_FOR_PAIN
from tests.support.history import CET, FakeWallClock, open_history, write_routine_file

STAGED_ROUTINE = """\
format: 1
title: Back spasm relief
patient: Alex Example
author: Jo Physio, MCSP
revision: "2"
prescribed: 2026-03-02
start_date: 2026-03-02
review_by: 2026-04-13
frequency: {per_day: 1}
stages:
  - from_week: 1
    hold: 20s
    sets: 2
  - from_week: 3
    hold: 30s
    sets: 3
steps:
  - exercise: {title: Knee to chest, instructions: Draw one knee to the chest.}
    hold: 20s
  - exercise: {title: Cat-cow, instructions: Round then arch with each breath.}
    reps: 6
  - exercise: {title: Lying twist, instructions: Let both knees fall to one side.}
    hold: 20s
"""


@dataclass(frozen=True)
class Done:
    day: date
    before: int | None = None
    after: int | None = None
    stopped: bool = False
    completed: int = 3
    hurts: tuple[str, ...] = field(default=())


FOUR_WEEKS = (
    Done(date(2026, 3, 2), 6, 4),
    Done(date(2026, 3, 3), 6, 5),
    Done(date(2026, 3, 4), 5, 4, hurts=("Lying twist",)),
    Done(date(2026, 3, 6), 5, 3),
    Done(date(2026, 3, 7), 5, 3),
    Done(date(2026, 3, 9), 4, 3),
    Done(date(2026, 3, 10), 4, 2),
    Done(date(2026, 3, 11), 4, 6, stopped=True, completed=2, hurts=("Lying twist", "Lying twist")),
    Done(date(2026, 3, 13), 3, 2),
    Done(date(2026, 3, 14), 3, 2),
    Done(date(2026, 3, 15), 3, 2),
    Done(date(2026, 3, 16), 4, 3),
    Done(date(2026, 3, 17), 4, 3, hurts=("Cat-cow",)),
    Done(date(2026, 3, 19), 3, 2),
    Done(date(2026, 3, 21), 3, 2),
    Done(date(2026, 3, 24), 2, 1),
    Done(date(2026, 3, 25), 2, 1),
    Done(date(2026, 3, 27), 2, 1),
)


def record_sessions(folder: Path, database: Path, sessions: tuple[Done, ...] = FOUR_WEEKS) -> Routine:
    """Write the routine file in ``folder`` and record ``sessions`` of it in ``database``, each at 18:05."""
    routine = write_routine_file(folder, STAGED_ROUTINE, name="back.yaml")
    wall = FakeWallClock()
    with open_history(database, wall) as history:
        for done in sessions:
            wall.now = datetime(done.day.year, done.day.month, done.day.day, 18, 5, tzinfo=CET)
            session_id = history.start_session(routine_info(routine), segment_count=9)
            if done.before is not None:
                history.add_check_in(session_id, Moment.BEFORE, rating=done.before)
            for title in done.hurts:
                history.add_hurt_mark(session_id, segment_index=1, exercise_title=title, seconds_into_segment=4.0)
            wall.advance(minutes=6)
            if done.after is not None:
                history.add_check_in(session_id, Moment.AFTER, rating=done.after)
            history.save_progress(
                session_id,
                outcomes=[],
                current_index=8,
                active_seconds=330.0,
                exercises_completed=done.completed,
                exercises_skipped=0,
                status=SessionStatus.STOPPED if done.stopped else SessionStatus.FINISHED,
                stop_reason=STOPPED_FOR_PAIN if done.stopped else "",
            )
    return routine
