"""The session's timer: it wakes for the next change on screen, never faster than 25 a second, and not while paused."""

from __future__ import annotations

import math

import pytest
from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.frames import PAST_THE_STEP
from stretch_gui.core.session.session import SessionState
from stretch_gui.qt.driver import ANIMATION_INTERVAL_MS, LABEL_INTERVAL_MS, LONGEST_WAIT_MS, SessionDriver

HOLD = """\
format: 1
title: One hold
breathing: {inhale: 5, pause: 1, exhale: 3}
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 30s
    prepare: 0s
"""


def started(qtbot: QtBot) -> tuple[SessionDriver, FakeClock]:
    clock = FakeClock()
    driver = SessionDriver(build_plan(load_routine_text(HOLD)), clock=clock)
    driver.toggle()
    return driver, clock


@pytest.mark.parametrize(("smooth", "breath_shape"), [(True, True), (False, True), (True, False)])
def test_woken_by_its_own_timer_the_digits_turn_just_past_each_second(
    qtbot: QtBot, smooth: bool, breath_shape: bool
) -> None:
    driver, clock = started(qtbot)
    driver.set_motion(smooth=smooth, breath_shape=breath_shape, blending=False)
    shown = math.ceil(driver.session.remaining())
    turns = 0
    while driver.session.state is SessionState.RUNNING:
        interval = driver.timer.interval()
        assert ANIMATION_INTERVAL_MS <= interval <= LONGEST_WAIT_MS
        clock.advance(interval / 1000)  # the timer fires when it was set to
        driver.tick()
        remaining = driver.session.remaining()
        if driver.session.state is SessionState.RUNNING and math.ceil(remaining) != shown:
            turns += 1
            # Just past the second, never on it nor a frame after it.
            assert 0 < math.ceil(remaining) - remaining <= 2 * PAST_THE_STEP, remaining
            shown = math.ceil(remaining)
    assert turns == 29  # 0:30 to 0:01, each on time
    driver.shutdown()


def test_in_the_pause_only_the_seconds_wake_it(qtbot: QtBot) -> None:
    driver, clock = started(qtbot)
    clock.advance(5.2)  # the pause at the top of the breath: the shape holds still
    driver.tick()
    # 24.8 s left of 30: the digits and the ring turn to 0:24 in 0.8 s, and the out-breath begins.
    assert 800 <= driver.timer.interval() <= 802
    clock.advance(0.9)  # the out-breath under way: its steps wake it again
    driver.tick()
    assert driver.timer.interval() < 200
    driver.set_motion(smooth=False, breath_shape=True, blending=False)  # reduced motion: whole seconds only
    assert 900 <= driver.timer.interval() <= 902
    driver.shutdown()


def test_a_blending_picture_is_woken_every_frame_and_paused_not_at_all(qtbot: QtBot) -> None:
    driver, clock = started(qtbot)
    driver.set_motion(smooth=True, breath_shape=True, blending=True)
    assert driver.timer.interval() == ANIMATION_INTERVAL_MS
    driver.set_motion(smooth=False, breath_shape=True, blending=True)  # reduced motion: stepped
    assert driver.timer.interval() == LABEL_INTERVAL_MS
    clock.advance(0.9)
    driver.tick()  # the next second comes before the next step: it is on time
    assert 100 <= driver.timer.interval() <= 102
    driver.pause()
    assert not driver.timer.isActive()
    driver.toggle()
    assert driver.timer.isActive()
    driver.shutdown()
