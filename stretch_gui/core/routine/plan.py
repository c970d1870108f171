"""A routine expanded into the exact timeline the player walks through."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass

from stretch_gui.core.routine.model import (
    BreatheStep,
    Breathing,
    ExerciseStep,
    Routine,
    Side,
    Step,
)
from stretch_gui.core.routine.stages import day_of, for_day
from stretch_gui.core.wording import count, format_clock, format_duration, full_date


class SegmentKind(enum.Enum):
    PREPARE = "prepare"
    HOLD = "hold"
    REPS = "reps"
    SWITCH = "switch"
    REST = "rest"
    BREATHE = "breathe"

    @property
    def is_work(self) -> bool:
        """Segments that are the exercise itself, as opposed to getting ready for it."""
        return self in (SegmentKind.HOLD, SegmentKind.REPS, SegmentKind.BREATHE)


@dataclass(frozen=True)
class Segment:
    """A stretch of the timeline: one part of one step (getting ready, a hold, reps, a side switch, a rest, breathing)."""

    kind: SegmentKind
    duration: float
    step_index: int
    step: Step
    start: float  # seconds from the start of the routine
    side: Side | None = None
    set_number: int = 1
    set_count: int = 1
    reps: int | None = None
    breathing: Breathing | None = None  # the pacer runs when this is set
    cue: str = ""  # what to do now, for rests and side changes

    @property
    def title(self) -> str:
        return self.step.title

    @property
    def end(self) -> float:
        return self.start + self.duration

    def describe(self) -> str:
        """One line for `stretch-gui show` and for the completion summary."""
        side = f", {self.side.label.lower()}" if self.side else ""
        sets = f", set {self.set_number} of {self.set_count}" if self.set_count > 1 else ""
        if self.kind is SegmentKind.PREPARE:
            return f"Get into position: {self.title}{side}"
        if self.kind is SegmentKind.HOLD:
            return f"{self.title}: hold{side}{sets}"
        if self.kind is SegmentKind.REPS:
            return f"{self.title}: {self.reps} reps, one per breath{side}{sets}"
        if self.kind is SegmentKind.SWITCH:
            return f"Switch sides: {self.cue}"
        if self.kind is SegmentKind.REST:
            return f"Rest: {self.cue}" if self.cue else "Rest"
        assert self.breathing is not None
        return f"Slow breathing ({self.breathing.describe()})"


@dataclass(frozen=True)
class Plan:
    """A routine laid out as segments, one after the other."""

    routine: Routine
    segments: tuple[Segment, ...]

    @property
    def total(self) -> float:
        return self.segments[-1].end if self.segments else 0.0

    def first_segment_of_step(self, step_index: int) -> int:
        return next(i for i, s in enumerate(self.segments) if s.step_index == step_index)

    def next_step_title(self, segment_index: int) -> str | None:
        """Title of the step after the one this segment belongs to, if any."""
        current = self.segments[segment_index].step_index
        if current + 1 < len(self.routine.steps):
            return self.routine.steps[current + 1].title
        return None

    def describe(self) -> str:
        lines = [f"{self.routine.title}: {format_duration(self.total)}, {count(len(self.routine.steps), 'step')}"]
        day = day_of(self.routine)
        if day is not None and day.line:
            lines.append(f"On {full_date(day.on)}: {day.line}")
        if day is not None and day.notice:
            lines.append(day.notice)
        for segment in self.segments:
            lines.append(f"{format_clock(segment.start):>7}  {format_duration(segment.duration):>7}  {segment.describe()}")
        lines.append(f"Total: {format_duration(self.total)}")
        return "\n".join(lines)


def build_plan(routine: Routine, on: datetime.date | None = None) -> Plan:
    """The timeline of ``routine``; with ``on``, with the doses its stages give for that day.

    Without ``on`` the steps are played as they stand: as written, or as ``for_day`` set them.
    """
    if on is not None:
        routine = for_day(routine, on)
    segments: list[Segment] = []
    clock = 0.0

    def add(kind: SegmentKind, duration: float, index: int, step: Step, **extra: object) -> None:
        nonlocal clock
        if duration <= 0:
            return
        segments.append(Segment(kind, float(duration), index, step, clock, **extra))  # type: ignore[arg-type]
        clock += duration

    for index, step in enumerate(routine.steps):
        if isinstance(step, BreatheStep):
            add(SegmentKind.PREPARE, step.prepare, index, step)
            add(SegmentKind.BREATHE, step.seconds, index, step, breathing=step.breathing)
            continue
        _expand_exercise(step, index, add)
    return Plan(routine, tuple(segments))


def _expand_exercise(step: ExerciseStep, index: int, add) -> None:  # type: ignore[no-untyped-def]
    sides: tuple[Side | None, ...] = step.sides or (None,)
    add(SegmentKind.PREPARE, step.prepare, index, step, side=sides[0])
    for set_number in range(1, step.sets + 1):
        counts = {"set_number": set_number, "set_count": step.sets}
        for position, side in enumerate(sides):
            if step.reps is not None:
                assert step.breathing is not None
                add(
                    SegmentKind.REPS,
                    step.reps * step.breathing.cycle,
                    index,
                    step,
                    side=side,
                    reps=step.reps,
                    breathing=step.breathing,
                    **counts,
                )
            else:
                assert step.hold is not None
                add(SegmentKind.HOLD, step.hold, index, step, side=side, breathing=step.breathing, **counts)
            if position + 1 < len(sides):
                following = sides[position + 1]
                assert following is not None
                add(
                    SegmentKind.SWITCH,
                    step.switch,
                    index,
                    step,
                    side=following,
                    cue=f"get ready for the {following.value} side",
                    **counts,
                )
        if set_number < step.sets:
            add(
                SegmentKind.REST,
                step.rest,
                index,
                step,
                side=sides[0],
                cue=step.between,
                set_number=set_number + 1,
                set_count=step.sets,
            )
