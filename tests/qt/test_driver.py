"""The session's timer: it wakes for the next change on screen, never faster than 25 a second, and not while paused."""

from __future__ import annotations

import math

from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.frames import PAST_THE_STEP, next_change
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


def test_the_timer_waits_for_the_next_change_and_not_a_frame_longer(qtbot: QtBot) -> None:
    driver, clock = started(qtbot)
    assert driver.timer.isActive() and driver.timer.isSingleShot()
    for seconds in (0.3, 2.4, 5.5, 6.2, 8.9):  # in, middle of the in-breath, the pause, out, the turn
        clock.advance(seconds - (clock.now() - 1000.0))
        driver.tick()
        wait = next_change(driver.session, smooth=True, breath_shape=True)
        assert wait is not None
        assert driver.timer.interval() == min(LONGEST_WAIT_MS, max(ANIMATION_INTERVAL_MS, math.ceil(wait * 1000)))
    driver.shutdown()


def test_in_the_pause_only_the_seconds_wake_it(qtbot: QtBot) -> None:
    driver, clock = started(qtbot)
    clock.advance(5.2)  # the pause at the top of the breath: the shape holds still
    driver.tick()
    # 24.8 s left of 30: the digits and the ring turn to 0:24 in 0.8 s, and the out-breath begins.
    assert driver.timer.interval() == round((0.8 + PAST_THE_STEP) * 1000)
    clock.advance(0.9)  # the out-breath under way: its steps wake it again
    driver.tick()
    assert driver.timer.interval() < 200
    driver.set_motion(smooth=False, breath_shape=True, blending=False)  # reduced motion: whole seconds only
    assert driver.timer.interval() == round((0.9 + PAST_THE_STEP) * 1000)
    driver.shutdown()


def test_a_blending_picture_is_woken_every_frame_and_paused_not_at_all(qtbot: QtBot) -> None:
    driver, _clock = started(qtbot)
    driver.set_motion(smooth=True, breath_shape=True, blending=True)
    assert driver.timer.interval() == ANIMATION_INTERVAL_MS
    driver.set_motion(smooth=False, breath_shape=True, blending=True)  # reduced motion: stepped
    assert driver.timer.interval() == LABEL_INTERVAL_MS
    driver.pause()
    assert not driver.timer.isActive()
    driver.toggle()
    assert driver.timer.isActive()
    driver.shutdown()
