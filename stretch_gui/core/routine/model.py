"""The routine as the app understands it: plain, frozen, already checked."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretch_gui.core import wording


class Side(enum.Enum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def label(self) -> str:
        return "Left side" if self is Side.LEFT else "Right side"


SIDES_BY_NAME: dict[str, tuple[Side, ...]] = {
    "left": (Side.LEFT,),
    "right": (Side.RIGHT,),
    "both": (Side.LEFT, Side.RIGHT),
}


@dataclass(frozen=True)
class Breathing:
    """One breath: in, pause, out, optional pause after the out-breath (seconds)."""

    inhale: float = 5
    pause: float = 1
    exhale: float = 3
    pause_after_exhale: float = 0

    @property
    def cycle(self) -> float:
        return self.inhale + self.pause + self.exhale + self.pause_after_exhale

    def describe(self) -> str:
        """E.g. "breathe in 5 s, pause 1 s, breathe out 3 s"."""
        return wording.breathing_pattern(self)


DEFAULT_BREATHING = Breathing()
DEFAULT_REST_BETWEEN_SETS = 10  # seconds, when a step (or a stage) has sets but says no rest


@dataclass(frozen=True)
class Exercise:
    """What an exercise is and how to do it; the dose lives on the Step."""

    id: str
    title: str
    instructions: str
    summary: str = ""
    cues: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    # Built-ins name a file in assets/illustrations; custom exercises carry a path
    # already resolved and checked against the routine's folder.
    image: Path | None = None
    image_exhale: Path | None = None
    # A moving exercise's positions in order, breathed in first and breathed out last:
    # the player shows the one nearest the breath instead of blending two pictures.
    frames: tuple[Path, ...] = ()
    on_inhale: str = ""
    on_exhale: str = ""
    builtin: bool = False


@dataclass(frozen=True)
class Stage:
    """From ``from_week`` on, these doses replace the step's own (None: unchanged).

    ``add_hold`` / ``add_reps`` grow the dose each week after the stage starts, never past
    ``max_hold`` / ``max_reps``. The rule that picks a stage lives in stages.py.
    """

    from_week: int
    hold: int | None = None
    reps: int | None = None
    sets: int | None = None
    rest: int | None = None
    add_hold: int | None = None
    max_hold: int | None = None
    add_reps: int | None = None
    max_reps: int | None = None
    line: int = 0


@dataclass(frozen=True)
class ExerciseStep:
    """One exercise as the routine doses it: hold or reps, sets, rest, sides and stages."""

    exercise: Exercise
    hold: int | None  # seconds; None for a moving exercise counted in reps
    reps: int | None
    sets: int = 1
    rest: int = 0
    sides: tuple[Side, ...] = ()  # empty: done in the middle, no sides
    switch: int = 5
    prepare: int = 5
    between: str = ""
    breathing: Breathing | None = DEFAULT_BREATHING
    note: str = ""
    cautions: tuple[str, ...] = ()
    line: int = 0  # where the step starts in its file, for messages
    position: str = ""  # the starting position, in the physio's words
    equipment: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()  # this step's own; empty: the routine's stages apply

    @property
    def title(self) -> str:
        return self.exercise.title

    @property
    def all_cautions(self) -> tuple[str, ...]:
        return self.exercise.cautions + self.cautions


@dataclass(frozen=True)
class BreatheStep:
    """A spell of paced breathing, for a time or a number of breaths."""

    breathing: Breathing
    duration: int | None = None  # seconds, or
    breaths: int | None = None
    prepare: int = 0
    note: str = ""
    line: int = 0

    title = "Slow breathing"

    @property
    def seconds(self) -> float:
        if self.breaths is not None:
            return self.breaths * self.breathing.cycle
        assert self.duration is not None
        return float(self.duration)


Step = ExerciseStep | BreatheStep


@dataclass(frozen=True)
class Frequency:
    """How often the routine is meant to be done: per day, per week, or unsaid."""

    per_day: int | None = None
    per_week: int | None = None

    def describe(self) -> str:
        """E.g. "twice a day"; "" when the routine does not say."""
        return wording.frequency(self.per_day, self.per_week)

    @property
    def sessions_per_week(self) -> float:
        return (self.per_day or 0) * 7 + (self.per_week or 0)


@dataclass(frozen=True)
class PatientGoals:
    """The file switches on the patient's own goals (PSFS); ``activities`` are the physio's pre-filled ones."""

    activities: tuple[str, ...] = ()


@dataclass(frozen=True)
class PainMonitoring:
    """The physio's thresholds for the next-morning check; the defaults are the pain-monitoring model's.

    ``acceptable_pain``: pain up to this (0-10) the morning after is acceptable; above it, contact the physio.
    ``worse_mornings``: this many worse mornings in a row, contact the physio (fewer: ease back).
    """

    acceptable_pain: int = 5
    worse_mornings: int = 2


DEFAULT_PAIN_MONITORING = PainMonitoring()


@dataclass(frozen=True)
class Routine:
    """A whole routine file as it was read: its steps and the physio's prescription around them."""

    title: str
    steps: tuple[Step, ...]
    format: int = 1
    description: str = ""
    author: str = ""
    patient: str = ""
    prescribed: str = ""  # ISO date, kept as text: no time zone games
    revision: str = ""
    profession: str = ""
    registration: str = ""
    start_date: str = ""  # ISO date: week 1 of the stages starts here
    review_by: str = ""  # ISO date
    weeks: int | None = None  # programme length
    goal: str = ""
    flare_up: str = ""  # what to do if the pain flares
    equipment: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()  # for every exercise step without its own
    frequency: Frequency | None = None
    cautions: tuple[str, ...] = ()
    breathing: Breathing = DEFAULT_BREATHING
    patient_goals: PatientGoals | None = None  # None: the file does not ask for the weekly goals rating
    pain_monitoring: PainMonitoring = DEFAULT_PAIN_MONITORING
    source: Path | None = None
    content_hash: str = field(default="", compare=False)
    # Problems that do not stop the routine (a missing picture), for `validate`.
    warnings: tuple[Any, ...] = field(default=(), compare=False)
    # Set by stages.for_day: the day whose doses the steps carry, and the steps as written.
    day: Any = field(default=None, compare=False)
    written_steps: tuple[Step, ...] = field(default=(), compare=False)
    easier: str = field(default="", compare=False)  # set by easier.easier_session: how today's doses were eased

    @property
    def staged(self) -> bool:
        """Whether any dose changes with the weeks."""
        return bool(self.stages) or any(isinstance(s, ExerciseStep) and s.stages for s in self.written_steps or self.steps)

    @property
    def all_equipment(self) -> tuple[str, ...]:
        """Everything the routine needs, the routine's list first, each thing once."""
        items = list(self.equipment)
        for step in self.steps:
            if isinstance(step, ExerciseStep):
                items.extend(step.equipment)
        return tuple(dict.fromkeys(items))

    @property
    def exercise_count(self) -> int:
        return sum(1 for step in self.steps if isinstance(step, ExerciseStep))

    @property
    def byline(self) -> str:
        parts = []
        if self.author:
            parts.append(f"By {self.author}")

        if self.patient:
            parts.append(f"for {self.patient}" if parts else f"For {self.patient}")
        if self.prescribed:
            parts.append(f"({self.prescribed})")
        return " ".join(parts)
