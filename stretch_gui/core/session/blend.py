"""How far a moving exercise (cat-cow) has got, read from the breath.

An exercise with ``frames`` shows the frame nearest the breath: fully in shows the
first, fully out the last. One with only ``image`` and ``image_exhale`` blends the
two instead. The weight follows the pacer's fill, so picture and circle move
together and ease the same way at the turns.
"""

from __future__ import annotations

from stretch_gui.core.routine.model import ExerciseStep
from stretch_gui.core.routine.plan import Segment, SegmentKind
from stretch_gui.core.session.breathing import BreathState


def moves_with_the_breath(segment: Segment) -> bool:
    """The repetitions of an exercise whose picture changes with every moment of the breath (frames, or two
    pictures to blend): the app then wakes at the frame rate, not only for the steps of the breath shape."""
    step = segment.step
    return (
        segment.kind is SegmentKind.REPS
        and isinstance(step, ExerciseStep)
        and bool(step.exercise.image_exhale or step.exercise.frames)
    )


def smoothstep(x: float) -> float:
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def inhale_weight(breath: BreathState) -> float:
    """How much of the in-breath picture shows, 0..1 (0: fully out, 1: fully in).

    A smoothstep on top of the pacer's already eased fill keeps each pose whole for
    longer and crosses over faster in the middle: a cross-fade of two poses is a
    double image while both are half there, so that moment should be short. The
    ends and the midpoint still match the pacer (0, 0.5 and 1 fall on the same moments).
    """
    return smoothstep(breath.fill)


def nearest_frame(weight: float) -> float:
    """The whole picture closest to ``weight``: for reduced motion, which never blends."""
    return 1.0 if weight >= 0.5 else 0.0


def frame_for(weight: float, count: int, *, reduced: bool = False) -> int:
    """Which of ``count`` frames (breathed in first, breathed out last) shows at this in-breath weight.

    Reduced motion shows only the two end poses, switching at the middle of the breath.
    """
    if count < 1:
        raise ValueError("no frames")
    if reduced:
        weight = nearest_frame(weight)
    weight = min(max(weight, 0.0), 1.0)
    return round((1.0 - weight) * (count - 1))
