"""A screen-reader user hears each moment once: a new part, a pause, the end, a hurt noted, a stop."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretch_gui.core.content import safety
from stretch_gui.core.session import guidance
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt import announcer
from tests.support.window import Key, MakeWindow, press, step

Heard = list[tuple[str, bool]]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    said: Heard = []
    monkeypatch.setattr(announcer, "announce", lambda _source, text, assertive=False: said.append((text, assertive)))
    return said


def test_each_part_is_announced_once_and_never_every_second(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path, heard: Heard
) -> None:
    window = make_window(back_spasm)
    assert heard == []  # opening the routine says nothing yet
    press(qtbot, Key.Key_Space)
    session = window.player.driver.session
    for _ in range(100 * 5):  # 100 s of play, ticking five times a second
        step(clock, window, 0.2)
    texts = [text for text, _ in heard]
    parts = sum(1 for s in session.plan.segments if s.start < 100)
    assert len(texts) == parts  # one for each part begun, nothing in between
    assert 3 <= len(texts) <= 100 / 2  # on average at most one every 2 s
    assert texts[0] == guidance.announcement(session, 0)
    assert any(text.startswith("Hold: Tennis-ball release") for text in texts)
    assert any(text.startswith("Get into position") for text in texts)


def test_pause_going_on_and_a_noted_hurt_are_said(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path, heard: Heard
) -> None:
    make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    heard.clear()
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_H)
    assert [text for text, _ in heard] == [guidance.PAUSED, guidance.GOING_ON, guidance.HURT_NOTED]


def test_stopping_because_it_hurts_says_what_to_do_at_once(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path, heard: Heard
) -> None:
    window = make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    heard.clear()
    window.player.stop_for_pain()
    assert heard == [(safety.STOP_SCREEN_ANNOUNCEMENT, True)]  # assertive: it does not wait its turn


def test_the_end_is_announced(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path, heard: Heard
) -> None:
    window = make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    step(clock, window, window.player.driver.session.plan.total)
    assert heard[-1] == (guidance.FINISHED, False)


def test_the_progress_bar_moves_in_whole_steps_not_every_second(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    from stretch_gui.ui.screens.player import PROGRESS_STEPS

    window = make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    values = set()
    for _ in range(120):  # two minutes of play
        step(clock, window, 1)
        values.add(window.player.progress_bar.value())
    assert all(value % (1000 // PROGRESS_STEPS) == 0 for value in values)
    assert 2 <= len(values) <= 120 / 15  # a screen reader hears it move now and then, not 120 times
