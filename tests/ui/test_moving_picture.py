"""A moving exercise moves the body: mid-breath the player shows an in-between frame, never a blend."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.plan import SegmentKind
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.ui.window import MainWindow
from tests.support.window import Key, MakeWindow, WriteRoutine, press, settings_over, step

CAT_COW = """\
format: 1
title: Cat-cow only
steps:
  - exercise: cat-cow
    reps: 3
    prepare: 0s
"""
FRAME = re.compile(r"cat-cow-(\d\d)\.svg")


def frame_shown(window: MainWindow) -> int:
    illustration = window.player.illustration
    # One whole picture: a frame of the posed body, not a cross-fade of two.
    assert illustration.blend_weight == 1.0 and illustration._other is None
    match = FRAME.fullmatch(illustration.current_path.name)
    assert match, illustration.current_path.name
    return int(match.group(1))


def start_reps(make_window: MakeWindow, write_routine: WriteRoutine, qtbot: QtBot) -> MainWindow:
    window = make_window(write_routine(CAT_COW))
    press(qtbot, Key.Key_Space)
    assert window.player.driver is not None
    assert window.player.driver.session.segment.kind is SegmentKind.REPS
    return window


def test_mid_breath_shows_an_in_between_frame(
    make_window: MakeWindow, write_routine: WriteRoutine, clock: FakeClock, qtbot: QtBot
) -> None:
    window = start_reps(make_window, write_routine, qtbot)
    frames = []
    # The default breath: in 5 s, pause 1 s, out 3 s. Sample a whole breath.
    for _ in range(18):
        step(clock, window, 0.5)
        frames.append(frame_shown(window))
    assert 0 in frames and 8 in frames, frames  # both end poses: cow breathed in, cat breathed out
    assert set(frames) & set(range(1, 8)), frames  # and the body on its way between them
    # Half-way through the in-breath of the second rep (one 9 s breath has passed) the body is between the poses.
    step(clock, window, 2.5)
    assert 1 <= frame_shown(window) <= 7


def test_reduced_motion_shows_the_end_poses_only(
    make_window: MakeWindow, write_routine: WriteRoutine, clock: FakeClock, qtbot: QtBot, settings_file: Path
) -> None:
    settings_over(settings_file).reduced_motion = True
    window = start_reps(make_window, write_routine, qtbot)
    frames = set()
    for _ in range(36):
        step(clock, window, 0.25)
        frames.add(frame_shown(window))
    assert frames == {0, 8}
