"""The blend of a two-picture movement, read from the breath (no Qt)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.model import Breathing
from stretch_gui.core.routine.plan import SegmentKind, build_plan
from stretch_gui.core.session.blend import inhale_weight, moves_with_the_breath, nearest_frame, smoothstep
from stretch_gui.core.session.breathing import BreathPhase, breath_at

DEFAULT = Breathing(inhale=5, pause=1, exhale=3, pause_after_exhale=0)
BOX = Breathing(inhale=4, pause=2, exhale=4, pause_after_exhale=2)


@pytest.mark.parametrize(
    ("pattern", "elapsed", "expected"),
    [
        (DEFAULT, 0.0, 0.0),  # a rep starts breathed out: the out-breath picture
        (DEFAULT, 2.5, 0.5),  # half way through the in-breath: half of each, as the pacer is half full
        (DEFAULT, 5.0, 1.0),  # breathed in
        (DEFAULT, 5.5, 1.0),  # the pause holds the in-breath picture
        (DEFAULT, 7.5, 0.5),  # half way out
        (BOX, 17.0, 1.0),  # the second breath's pause
        (BOX, 11.0, 0.0),  # the rest after breathing out holds the out-breath picture
    ],
)
def test_weight_meets_the_pacer_at_the_ends_and_the_middle(pattern: Breathing, elapsed: float, expected: float) -> None:
    assert inhale_weight(breath_at(pattern, elapsed)) == pytest.approx(expected, abs=1e-9)


def test_weight_rises_through_the_in_breath_and_falls_through_the_out_breath() -> None:
    inhale = [inhale_weight(breath_at(DEFAULT, t / 10)) for t in range(51)]
    exhale = [inhale_weight(breath_at(DEFAULT, 6 + t / 10)) for t in range(30)]
    assert all(a < b for a, b in pairwise(inhale))
    assert all(a > b for a, b in pairwise(exhale))
    assert breath_at(DEFAULT, 1.0).phase is BreathPhase.INHALE


def test_the_cross_over_is_quicker_than_the_pacer_fill() -> None:
    """Both pictures half there is a double image: the weight spends less time near 0.5 than the fill does."""
    moments = [t / 100 for t in range(501)]
    fills = [breath_at(DEFAULT, t).fill for t in moments]
    weights = [inhale_weight(breath_at(DEFAULT, t)) for t in moments]
    ghosted_fill = sum(0.25 < f < 0.75 for f in fills)
    ghosted_weight = sum(0.25 < w < 0.75 for w in weights)
    assert ghosted_weight < 0.75 * ghosted_fill
    # ...but it still moves with the breath, not as a switch: the middle third of the in-breath blends.
    assert ghosted_weight > 0.15 * len(moments)


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_weight_is_always_a_share(elapsed: float) -> None:
    weight = inhale_weight(breath_at(DEFAULT, elapsed))
    assert 0.0 <= weight <= 1.0
    assert nearest_frame(weight) in (0.0, 1.0)


@given(st.floats(min_value=0, max_value=1, allow_nan=False))
def test_smoothstep_is_symmetric(x: float) -> None:
    assert smoothstep(x) + smoothstep(1 - x) == pytest.approx(1.0)


def test_nearest_frame_snaps() -> None:
    assert [nearest_frame(w) for w in (0.0, 0.3, 0.49, 0.5, 0.8, 1.0)] == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]


def test_only_the_repetitions_of_a_moving_picture_wake_the_app_every_frame() -> None:
    back = next(file for file in builtin_routine_files() if file.name == "back-spasm-relief.yaml")
    segments = build_plan(load_routine_file(back)).segments
    moving = {(segment.title, segment.kind) for segment in segments if moves_with_the_breath(segment)}
    assert moving == {("Cat-cow", SegmentKind.REPS)}  # its frames follow the breath; its prepare part holds still
