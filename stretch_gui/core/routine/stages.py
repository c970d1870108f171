"""Which doses apply on a given day: the programme's stages, counted in weeks from its start.

A routine may give stages for the whole routine (every exercise step without stages of its
own) or per step. Week 1 starts on ``start_date`` (or, without one, the ``prescribed`` date;
with neither, on the day of the patient's first session of it, which the caller passes as
``began``: the built-in routines have no dates; before that first session it is week 1).
A stage applies from its ``from_week`` until the next one starts; before the first stage the
step's own dose applies. ``add_hold``/``add_reps`` grow the dose each week after the stage
starts, up to ``max_hold``/``max_reps``.
Once the ``review_by`` date has passed, the doses stay those of the review date and the
patient is asked to see their physio.

Nothing here reads the clock: the day always comes from the caller (``date.today()`` at the edge).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from stretch_gui.core.routine.model import (
    DEFAULT_REST_BETWEEN_SETS,
    ExerciseStep,
    Routine,
    Stage,
    Step,
)
from stretch_gui.core.wording import review_due, stage_doses, week_line, weeks_span


@dataclass(frozen=True)
class Day:
    """The day a routine was set for, and what that means for the patient."""

    on: datetime.date
    week: int  # the programme week whose doses apply (1 before the start, frozen after review)
    starts: datetime.date | None  # the start date when it is still to come
    review_passed: datetime.date | None  # the review date, once it has passed
    doses: str  # what the stages set this week, in words ("" before the first stage)
    dated: bool = True  # False: neither the file nor a first session gives a day to count weeks from
    staged: bool = True  # False: nothing changes with the weeks (only a review date to watch)
    began: datetime.date | None = None  # the first session's day, when the weeks count from it

    @property
    def line(self) -> str:
        """E.g. "Week 3: holds 30 s, 3 sets", for the start screen, the player and ``show``; "" without stages."""
        if not self.staged:
            return ""
        return week_line(self.week, self.doses, starts=self.starts, dated=self.dated, began=self.began)

    @property
    def summary(self) -> str:
        """The line and the review notice together, as the start screen and the player say them."""
        return ". ".join(part for part in (self.line, self.notice) if part)

    @property
    def notice(self) -> str:
        """"Ask your physio to review this programme: ..." once the review date has passed, else ""."""
        return review_due(self.review_passed) if self.review_passed else ""


def _date(iso: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None  # the loader reports it; a routine built by hand is taken as undated


def first_day(routine: Routine) -> datetime.date | None:
    """Week 1's first day: the start date, else the prescription date, else none."""
    return _date(routine.start_date) or _date(routine.prescribed)


def week_of(start: datetime.date | None, on: datetime.date) -> int:
    """The programme week ``on`` falls in, counting ``start`` as the first day of week 1."""
    if start is None or on <= start:
        return 1
    return (on - start).days // 7 + 1


def stage_for(stages: tuple[Stage, ...], week: int) -> Stage | None:
    """The stage in force in ``week``, with the doses it leaves out carried on from the stages
    before it (None before the first stage). Its weekly growth is its own, not carried on."""
    current: Stage | None = None
    for stage in stages:
        if stage.from_week > week:
            break
        if current is None:
            current = stage
            continue
        current = replace(
            stage,
            hold=stage.hold if stage.hold is not None else _grown_to_end(current, "hold", stage.from_week),
            reps=stage.reps if stage.reps is not None else _grown_to_end(current, "reps", stage.from_week),
            sets=stage.sets if stage.sets is not None else current.sets,
            rest=stage.rest if stage.rest is not None else current.rest,
        )
    return current


def _grown_to_end(stage: Stage, kind: str, next_week: int) -> int | None:
    """The hold (or reps) a stage had reached in its last week, before the next stage began."""
    if kind == "hold":
        return None if stage.hold is None else grown(stage.hold, stage.add_hold, stage.max_hold, next_week - 1 - stage.from_week)
    return None if stage.reps is None else grown(stage.reps, stage.add_reps, stage.max_reps, next_week - 1 - stage.from_week)


def grown(base: int, add: int | None, most: int | None, weeks_in: int) -> int:
    """A dose grown by ``add`` for each week since its stage began, never past ``most``."""
    if not add or most is None:
        return base
    return max(base, min(base + add * weeks_in, most)) if base < most else base


def step_for_week(step: ExerciseStep, stages: tuple[Stage, ...], week: int) -> ExerciseStep:
    """The step with the doses its stage gives for ``week``."""
    stage = stage_for(stages, week)
    if stage is None:
        return step
    weeks_in = week - stage.from_week
    hold, reps = step.hold, step.reps
    if hold is not None:
        hold = grown(stage.hold if stage.hold is not None else hold, stage.add_hold, stage.max_hold, weeks_in)
    if reps is not None:
        reps = grown(stage.reps if stage.reps is not None else reps, stage.add_reps, stage.max_reps, weeks_in)
    sets = stage.sets if stage.sets is not None else step.sets
    rest = stage.rest if stage.rest is not None else (step.rest if step.sets > 1 else DEFAULT_REST_BETWEEN_SETS)
    return replace(step, hold=hold, reps=reps, sets=sets, rest=rest if sets > 1 else 0)


def stages_of(step: Step, routine: Routine) -> tuple[Stage, ...]:
    """The stages that apply to a step: its own, else the routine's (a breathing step has none)."""
    if not isinstance(step, ExerciseStep):
        return ()
    return step.stages or routine.stages


def counts_from_first_session(routine: Routine) -> bool:
    """Whether the weeks of ``routine`` count from the patient's first session: stages, and no date in the file."""
    return routine.staged and first_day(routine) is None


def for_day(routine: Routine, on: datetime.date, *, began: datetime.date | None = None) -> Routine:
    """The routine with the doses for ``on``; the steps as written are kept for the next day.

    ``began``: the day of the patient's first session of it, counted from when the file gives no date.
    """
    written = routine.written_steps or routine.steps
    if not routine.staged and not routine.review_by:
        return routine
    start = first_day(routine)
    began = began if start is None else None
    start = start or began
    review = _date(routine.review_by)
    counted = min(on, review) if review else on
    week = week_of(start, counted)
    steps = tuple(
        step_for_week(step, stages_of(step, routine), week) if isinstance(step, ExerciseStep) else step for step in written
    )
    day = Day(
        on=on,
        week=week,
        starts=start if start is not None and on < start else None,
        review_passed=review if review is not None and on > review else None,
        doses=_doses_in_words(routine, written, week),
        dated=start is not None,
        staged=routine.staged,
        began=began,
    )
    return replace(routine, steps=steps, day=day, written_steps=written)


def day_of(routine: Routine) -> Day | None:
    """The day a routine was set for by ``for_day``, if it was."""
    day = routine.day
    return day if isinstance(day, Day) else None


def _stage_words(stage: Stage, week: int, *, rule: bool = False) -> str:
    """A stage's doses in ``week``; with ``rule``, as written (the weekly growth said as a rule)."""
    weeks_in = week - stage.from_week
    hold = grown(stage.hold, stage.add_hold, stage.max_hold, 0 if rule else weeks_in) if stage.hold is not None else None
    reps = grown(stage.reps, stage.add_reps, stage.max_reps, 0 if rule else weeks_in) if stage.reps is not None else None
    return stage_doses(
        hold=hold,
        reps=reps,
        sets=stage.sets,
        rest=stage.rest,
        # Growth from a dose the stage gives is worked out above; growth of the step's own dose is said as a rule.
        add_hold=stage.add_hold if rule or stage.hold is None else None,
        max_hold=stage.max_hold if rule or stage.hold is None else None,
        add_reps=stage.add_reps if rule or stage.reps is None else None,
        max_reps=stage.max_reps if rule or stage.reps is None else None,
    )


def _doses_in_words(routine: Routine, written: tuple[Step, ...], week: int) -> str:
    parts = []
    routine_stage = stage_for(routine.stages, week)
    if routine_stage is not None:
        parts.append(_stage_words(routine_stage, week))
    for step in written:
        if isinstance(step, ExerciseStep) and step.stages:
            stage = stage_for(step.stages, week)
            if stage is not None:
                # A step's own stage is said with the dose it has reached, even when it grows the step's own.
                now = step_for_week(step, step.stages, week)
                words = stage_doses(
                    hold=now.hold if stage.hold is not None or stage.add_hold else None,
                    reps=now.reps if stage.reps is not None or stage.add_reps else None,
                    sets=stage.sets,
                    rest=stage.rest,
                )
                parts.append(f"{step.title} {words}")
    return "; ".join(parts)


def stage_list(stages: tuple[Stage, ...]) -> tuple[str, ...]:
    """Every stage in words, for the handout: "Weeks 1–2: holds 20 s, 2 sets", "From week 3: ..."."""
    lines = []
    for index, stage in enumerate(stages):
        last = stages[index + 1].from_week - 1 if index + 1 < len(stages) else None
        lines.append(f"{weeks_span(stage.from_week, last)}: {_stage_words(stage, stage.from_week, rule=True)}")
    return tuple(lines)


def doses_in_week(routine: Routine, week: int) -> str:
    """What the stages set in ``week``, in words ("" before the first stage)."""
    return _doses_in_words(routine, routine.written_steps or routine.steps, week)
