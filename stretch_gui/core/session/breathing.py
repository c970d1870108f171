"""Where in the breath we are, computed from elapsed time alone.

The pacer never counts frames: every call derives the phase from the time since
the pattern started, so a late or missed repaint cannot shift the schedule.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from stretch_gui.core.routine.model import Breathing


class BreathPhase(enum.Enum):
    INHALE = "in"
    PAUSE = "pause"  # the short stop at the top of the breath
    EXHALE = "out"
    PAUSE_AFTER_EXHALE = "rest"

    @property
    def word(self) -> str:
        """What the player says for this phase. Not "Pause": that is the button that stops the clock."""
        return PHASE_WORDS[self]


PHASE_WORDS = {
    BreathPhase.INHALE: "Breathe in",
    BreathPhase.PAUSE: "Stay",
    BreathPhase.EXHALE: "Breathe out",
    BreathPhase.PAUSE_AFTER_EXHALE: "Rest",
}


@dataclass(frozen=True)
class BreathState:
    """Where the breath is at one moment: its phase, the time in it, and how full the pacer is."""

    phase: BreathPhase
    phase_elapsed: float
    phase_duration: float
    breath_number: int  # 1 for the first breath
    fill: float  # how full the lungs are, 0..1, eased: what the pacer draws

    @property
    def count(self) -> int:
        """The count a teacher would say: 1, 2, 3 ... through the phase."""
        return min(int(self.phase_elapsed) + 1, max(1, math.ceil(self.phase_duration)))

    @property
    def phase_progress(self) -> float:
        return self.phase_elapsed / self.phase_duration if self.phase_duration else 1.0

    def label(self) -> str:
        return f"{self.phase.word} · {self.count}"


def _ease(t: float) -> float:
    # Slow at both ends, like a real breath turning around.
    return (1 - math.cos(math.pi * min(max(t, 0.0), 1.0))) / 2


def breath_at(pattern: Breathing, elapsed: float) -> BreathState:
    elapsed = max(0.0, elapsed)
    cycle = pattern.cycle
    number, into = divmod(elapsed, cycle)
    phases = (
        (BreathPhase.INHALE, pattern.inhale),
        (BreathPhase.PAUSE, pattern.pause),
        (BreathPhase.EXHALE, pattern.exhale),
        (BreathPhase.PAUSE_AFTER_EXHALE, pattern.pause_after_exhale),
    )
    for phase, duration in phases:  # noqa: B007 - the phase found is used after the loop
        if duration > 0 and into < duration:
            break
        into -= duration
    else:  # floating-point edge at the very end of a cycle
        phase, duration, into = BreathPhase.PAUSE_AFTER_EXHALE, pattern.pause_after_exhale, pattern.pause_after_exhale
    t = into / duration if duration else 1.0
    fill = {
        BreathPhase.INHALE: _ease(t),
        BreathPhase.PAUSE: 1.0,
        BreathPhase.EXHALE: 1.0 - _ease(t),
        BreathPhase.PAUSE_AFTER_EXHALE: 0.0,
    }[phase]
    return BreathState(phase, into, duration, int(number) + 1, fill)
