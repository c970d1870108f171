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
class ExerciseStep:
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

    @property
    def title(self) -> str:
        return self.exercise.title

    @property
    def all_cautions(self) -> tuple[str, ...]:
        return self.exercise.cautions + self.cautions


@dataclass(frozen=True)
class BreatheStep:
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
    per_day: int | None = None
    per_week: int | None = None

    def describe(self) -> str:
        """E.g. "twice a day"; "" when the routine does not say."""
        return wording.frequency(self.per_day, self.per_week)

    @property
    def sessions_per_week(self) -> float:
        return (self.per_day or 0) * 7 + (self.per_week or 0)


@dataclass(frozen=True)
class Routine:
    title: str
    steps: tuple[Step, ...]
    format: int = 1
    description: str = ""
    author: str = ""
    patient: str = ""
    prescribed: str = ""  # ISO date, kept as text: no time zone games
    revision: str = ""
    frequency: Frequency | None = None
    cautions: tuple[str, ...] = ()
    breathing: Breathing = DEFAULT_BREATHING
    source: Path | None = None
    content_hash: str = field(default="", compare=False)
    # Problems that do not stop the routine (a missing picture), for `validate`.
    warnings: tuple[Any, ...] = field(default=(), compare=False)

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
