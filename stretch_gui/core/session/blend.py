"""How far a two-picture movement (cat-cow) has got, read from the breath.

An exercise with ``image`` and ``image_exhale`` moves between the two with the
breath: fully in shows ``image``, fully out shows ``image_exhale``. The weight
follows the pacer's fill, so picture and circle move together and ease the same
way at the turns.
"""

from __future__ import annotations

from stretch_gui.core.session.breathing import BreathState


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
