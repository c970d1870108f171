"""Keys that never record what nobody chose, and never do something other than what is shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from stretch_gui.core.session import guidance
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import SessionState
from stretch_gui.core.wording import STOPPED_FOR_PAIN
from tests.support.window import Key, MakeWindow, child, focused, press, state_of, step, text_of, wait_for_dialog

DIALOG_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@DIALOG_NOISE
def test_space_in_the_stop_question_answers_nothing_and_enter_stops(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    step(clock, window, 5)
    press(qtbot, Key.Key_Escape)
    box = wait_for_dialog(qtbot, window, QMessageBox, "stopDialog")
    assert focused() is child(box, QPushButton, "confirmStopButton")
    press(qtbot, Key.Key_Space)  # a Space meant as "pause" a moment too late
    assert box.isVisible() and state_of(window) is SessionState.PAUSED
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert state_of(window) is SessionState.STOPPED


def test_space_on_a_focused_button_does_what_the_button_says(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    ended: list[str] = []
    window.player.sessionEnded.connect(lambda summary: ended.append(summary.stop_reason))
    press(qtbot, Key.Key_Space)
    step(clock, window, 5)
    hurt = child(window, QPushButton, "hurtStopButton")
    hurt.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Key.Key_Space)  # stops for pain: it does not pause
    assert ended == [STOPPED_FOR_PAIN]
    assert window.stack.currentWidget() is window.safety_screen


def test_space_on_the_start_button_still_starts_and_pauses(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    assert focused() is window.player.start_pause_button
    press(qtbot, Key.Key_Space)
    assert state_of(window) is SessionState.RUNNING
    press(qtbot, Key.Key_Space)
    assert state_of(window) is SessionState.PAUSED


def test_the_hint_never_names_a_key_that_types_into_the_note(
    make_window: MakeWindow, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    assert text_of(window, "stateHint") == guidance.PRESS_SPACE_TO_START
    note = window.player.before_check_in.note
    note.setFocus(Qt.FocusReason.TabFocusReason)
    assert text_of(window, "stateHint") == guidance.TYPING_HINT
    qtbot.keyClicks(note, "left hip h ")
    assert note.text() == "left hip h " and state_of(window) is SessionState.READY  # Space and H typed, nothing else
    press(qtbot, Key.Key_Return)  # done with the note
    assert focused() is window.player.start_pause_button
    assert text_of(window, "stateHint") == guidance.PRESS_SPACE_TO_START
    press(qtbot, Key.Key_Space)
    assert state_of(window) is SessionState.RUNNING


def test_arrows_reach_the_pain_row_only_after_tab_or_a_click(
    make_window: MakeWindow, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    row = window.player.before_check_in
    row.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)  # put there by the program, not by the patient
    press(qtbot, Key.Key_Right)
    assert row.value() is None  # the arrow went to the player: the next part
    assert window.player.driver.session.index == 1


def test_the_hurt_note_fades_and_the_usual_hint_comes_back(
    make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    window = make_window(back_spasm)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Space)  # paused: the hint says how to go on
    assert text_of(window, "stateHint") == guidance.PAUSED_HINT
    press(qtbot, Key.Key_H)
    assert text_of(window, "stateHint") == guidance.HURT_NOTED
    fade = window.player._hint_timer
    assert fade.isActive() and fade.interval() == guidance.NOTE_SECONDS * 1000
    fade.timeout.emit()
    assert text_of(window, "stateHint") == guidance.PAUSED_HINT
