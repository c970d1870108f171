"""An easier session for today, when the next-morning check says to ease back.

The pain-monitoring model asks the patient to ease back after a worse morning; the issue
asks the app to offer it rather than leave the patient to work out how. What "easier" is,
in order of preference:

1. the doses of the stage before today's, for a staged programme past its first stage (the
   physio already wrote what the patient managed before);
2. one set fewer of every exercise done in more than one set;
3. holds and repetitions cut to about two thirds, for a routine of single sets.

The exercises, their order and the breathing never change: easing back is less of the same,
not something new. Nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from stretch_gui.core.routine.model import ExerciseStep, Routine, Step
from stretch_gui.core.routine.stages import day_of, doses_in_week, stages_of, step_for_week
from stretch_gui.core.wording import count, easier_line, spoken_duration

SHORTEST_EASED_HOLD = 10  # seconds: below this a stretch barely starts
HOLD_STEP = 5  # eased holds are whole multiples of this, as a physio would write them


@dataclass(frozen=True)
class Easier:
    routine: Routine  # what to play today instead
    how: str  # what changed, in a few words: "one set fewer of each exercise"

    @property
    def line(self) -> str:
        return easier_line(self.how)


def easier_session(routine: Routine) -> Easier | None:
    """The easier version of ``routine`` as it stands today (after ``stages.for_day``), or None when nothing can be eased."""
    for ease in (_earlier_stage, _fewer_sets, _shorter):
        found = ease(routine)
        if found is not None:
            steps, how = found
            return Easier(replace(routine, steps=steps, easier=how), how)
    return None


def _exercise_steps(steps: tuple[Step, ...]) -> list[ExerciseStep]:
    return [step for step in steps if isinstance(step, ExerciseStep)]


def _earlier_stage(routine: Routine) -> tuple[tuple[Step, ...], str] | None:
    day = day_of(routine)
    if day is None or not day.staged or day.week <= 1:
        return None
    written = routine.written_steps or routine.steps
    for week in range(day.week - 1, 0, -1):
        steps = tuple(
            step_for_week(step, stages_of(step, routine), week) if isinstance(step, ExerciseStep) else step for step in written
        )
        if steps != routine.steps:
            doses = doses_in_week(routine, week)
            return steps, f"week {week}'s doses ({doses})" if doses else f"week {week}'s doses"
    return None


def _fewer_sets(routine: Routine) -> tuple[tuple[Step, ...], str] | None:
    if not any(step.sets > 1 for step in _exercise_steps(routine.steps)):
        return None
    steps = tuple(
        replace(step, sets=step.sets - 1, rest=step.rest if step.sets > 2 else 0)
        if isinstance(step, ExerciseStep) and step.sets > 1
        else step
        for step in routine.steps
    )
    return steps, "one set fewer of each exercise"


def eased_hold(seconds: int) -> int:
    """About two thirds, in whole ``HOLD_STEP``s, never below ``SHORTEST_EASED_HOLD`` nor above the hold itself."""
    two_thirds = (seconds * 2 // 3) // HOLD_STEP * HOLD_STEP
    return min(seconds, max(two_thirds, SHORTEST_EASED_HOLD))


def eased_reps(reps: int) -> int:
    return max(1, round(reps * 2 / 3))


def _shorter(routine: Routine) -> tuple[tuple[Step, ...], str] | None:
    steps = tuple(
        replace(
            step,
            hold=eased_hold(step.hold) if step.hold is not None else None,
            reps=eased_reps(step.reps) if step.reps is not None else None,
        )
        if isinstance(step, ExerciseStep)
        else step
        for step in routine.steps
    )
    if steps == routine.steps:
        return None
    pairs = zip(_exercise_steps(routine.steps), _exercise_steps(steps), strict=True)  # the same exercises, eased
    changed = [(before, after) for before, after in pairs if before != after]
    holds = {(b.hold, a.hold) for b, a in changed if b.hold is not None and a.hold is not None and b.hold != a.hold}
    reps = {(b.reps, a.reps) for b, a in changed if b.reps is not None and a.reps is not None and b.reps != a.reps}
    parts = []
    if holds:
        held = _one_change(holds, lambda b, a: f"holds of {spoken_duration(a)} instead of {spoken_duration(b)}", "shorter holds")
        parts.append(held)
    if reps:
        parts.append(_one_change(reps, lambda b, a: f"{count(a, 'rep')} instead of {b}", "fewer reps"))
    return steps, " and ".join(parts)


def _one_change(changes: set[tuple[int, int]], say: Callable[[int, int], str], varied: str) -> str:
    """The change in numbers when every exercise changed alike, else ``varied``."""
    if len(changes) == 1:
        ((before, after),) = changes
        return say(before, after)
    return varied
