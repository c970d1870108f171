"""When the player next changes: no change on screen is missed, and few wake-ups find nothing new."""

from __future__ import annotations

import math

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import Breathing
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.session import guidance
from stretch_gui.core.session.breathing import breath_at
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.frames import (
    FILL_STEPS,
    PAST_THE_STEP,
    SHORTEST_FRAME,
    arc_fraction,
    drawn_fill,
    next_change,
    stepped_fill,
)
from stretch_gui.core.session.session import Session
from stretch_gui.core.wording import format_clock

ROUTINE = """\
format: 1
title: Frames
breathing: {inhale: 5, pause: 1, exhale: 3}
steps:
  - exercise:
      title: Knee hug
      instructions: Hug your knees.
      cues: [Breathe slowly., Let your shoulders drop.]
    hold: 20s
    prepare: 3s
  - exercise:
      title: Cat cow
      instructions: Round your back, then let it sag.
    reps: 2
  - breathe: {breaths: 2}
    breathing: {inhale: 4, exhale: 6}
"""


def shown(session: Session, *, smooth: bool, breath_shape: bool) -> tuple[object, ...]:
    """Everything the player draws or says from the session at this moment, through the player's own functions."""
    breath = session.breath()
    live = guidance.live_words(session, breath)
    remaining, duration = session.remaining(), session.segment.duration
    seen: tuple[object, ...] = (
        session.index,
        session.state,
        live,
        format_clock(math.ceil(remaining) if remaining > 0 else 0),
        arc_fraction(remaining, duration),
        breath.phase if breath else None,  # a breath cue sounds when it changes
    )
    if breath is not None and breath_shape:
        seen += (drawn_fill(breath, reduced_motion=not smooth),)
    return seen


@pytest.mark.parametrize(("smooth", "breath_shape"), [(True, True), (True, False), (False, True)])
def test_every_wake_up_is_at_or_just_after_a_change_and_none_is_missed(smooth: bool, breath_shape: bool) -> None:
    """The counts, the ring, the words and the phase (its sound) change only at a wake-up. The shape is
    drawn at most 25 times a second, and a step of it may wait for a second due soon after: it is at
    most two frames late, never more."""
    clock = FakeClock()
    session = Session(build_plan(load_routine_text(ROUTINE)), clock)
    session.start()
    wakes = found_new = 0
    while (wait := next_change(session, smooth=smooth, breath_shape=breath_shape)) is not None:
        before = shown(session, smooth=smooth, breath_shape=breath_shape)
        late = 2 * SHORTEST_FRAME + 2 * PAST_THE_STEP
        if wait > late + PAST_THE_STEP:  # two frames before the wake-up: the same picture, shape and all
            clock.advance(wait - late)
            session.update()
            assert shown(session, smooth=smooth, breath_shape=breath_shape) == before, f"missed a change at {clock.now()}"
            wait = late
        if wait > 3 * PAST_THE_STEP:  # just before it: all but the shape the same
            clock.advance(wait - 2 * PAST_THE_STEP)
            session.update()
            now = shown(session, smooth=smooth, breath_shape=breath_shape)
            assert now[:6] == before[:6], f"missed a change at {clock.now()}"
            clock.advance(2 * PAST_THE_STEP)
        else:
            clock.advance(wait)
        session.update()
        wakes += 1
        found_new += shown(session, smooth=smooth, breath_shape=breath_shape) != before
    assert session.state.is_over
    # A wake-up that finds nothing new is one for a whole second of time on screen that no label shows.
    assert found_new >= 0.95 * wakes, f"{wakes - found_new} of {wakes} wake-ups found nothing new"


def test_the_breath_shape_wakes_the_app_once_a_step_instead_of_25_times_a_second() -> None:
    clock = FakeClock()
    session = Session(build_plan(load_routine_text(ROUTINE)), clock)
    session.start()
    clock.advance(3)  # the hold and its breathing begin
    session.update()
    wakes = 0
    while session.elapsed() < 9:  # one whole breath of 5 + 1 + 3 s
        wait = next_change(session, smooth=True, breath_shape=True)
        assert wait is not None
        clock.advance(max(wait, 0.04))  # at most 25 a second, as the driver wakes
        session.update()
        wakes += 1
    # 80 steps up, 80 down (the quick out-breath's 25 a second at most) and the whole seconds: under 9 s x 25.
    assert 2 * FILL_STEPS * 0.8 <= wakes <= 2 * FILL_STEPS + 9


def test_nothing_wakes_a_session_that_is_not_running() -> None:
    clock = FakeClock()
    session = Session(build_plan(load_routine_text(ROUTINE)), clock)
    assert next_change(session, smooth=True, breath_shape=True) is None  # ready, not started
    session.start()
    assert next_change(session, smooth=True, breath_shape=True) is not None
    session.pause()
    assert next_change(session, smooth=True, breath_shape=True) is None


@pytest.mark.parametrize(
    ("elapsed", "drawn"),
    [(0.0, 1 / 5), (1.3, 2 / 5), (2.5, 3 / 5), (4.99, 1.0), (5.2, 1.0), (6.4, 2 / 3), (7.5, 1 / 3), (8.7, 0.0)],
)
def test_reduced_motion_steps_the_shape_with_the_count(elapsed: float, drawn: float) -> None:
    breath = breath_at(Breathing(inhale=5, pause=1, exhale=3), elapsed)
    assert drawn_fill(breath, reduced_motion=True) == pytest.approx(drawn)
    assert drawn_fill(breath, reduced_motion=False) == stepped_fill(breath.fill)


def test_the_ring_moves_with_the_digits_once_a_second() -> None:
    assert arc_fraction(30, 30) == 1.0
    assert arc_fraction(29.01, 30) == 1.0  # "0:30" still shows
    assert arc_fraction(28.99, 30) == pytest.approx(29 / 30)  # "0:29", and the ring with it
    assert arc_fraction(0.2, 30) == pytest.approx(1 / 30)  # "0:01": a sliver left
    assert arc_fraction(0, 30) == 0.0
    assert arc_fraction(3, 0) == 0.0


def test_a_part_whose_time_is_up_wakes_the_app_at_once() -> None:
    clock = FakeClock()
    session = Session(build_plan(load_routine_text(ROUTINE)), clock)
    session.start()
    clock.advance(3)  # the prepare part is over, and no update has told the session yet
    assert next_change(session, smooth=True, breath_shape=True) == PAST_THE_STEP
