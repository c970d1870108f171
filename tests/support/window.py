"""Driving the main window as a person would: keys to the focused widget, dialogs found by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import SessionState
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.window import MainWindow

W = TypeVar("W", bound=QWidget)
Key = Qt.Key
MakeWindow = Callable[..., MainWindow]
WriteRoutine = Callable[..., Path]

# One 60 s hold without breathing guide, then a 20 s hold with it: the stall case and the pacer.
TWO_HOLDS = """\
format: 1
title: Two holds
steps:
  - exercise:
      title: Long hold
      instructions: Lean on the wall and hold.
    hold: 60s
    prepare: 0s
    breathing: off
  - exercise:
      title: Short hold
      instructions: Hold again, breathing slowly.
    hold: 20s
    prepare: 0s
"""


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window, as clicking on it would.

    The offscreen platform has no window manager, so closing a dialog does not give
    the activation back to the main window by itself.
    """
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where a person's key press would go: to the widget with the focus."""
    qtbot.keyClick(focused(), key, modifier)


def child(window: QWidget, kind: type[W], name: str) -> W:
    widget = window.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name!r}"
    return widget


def text_of(window: QWidget, name: str) -> str:
    widget = window.findChild(QWidget, name)
    assert widget is not None, f"no widget named {name!r}"
    return widget.text()


def open_dialog(window: QWidget, kind: type[W], name: str) -> W:
    """The one visible dialog of that name (closed ones may linger as hidden children)."""
    shown = [d for d in window.findChildren(kind, name) if d.isVisible()]
    assert len(shown) == 1, f"expected one open {name}, found {len(shown)}"
    return shown[0]


def wait_for_dialog(qtbot: QtBot, window: QWidget, kind: type[W], name: str) -> W:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind, name)), timeout=2000)
    dialog = open_dialog(window, kind, name)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def step(clock: FakeClock, window: MainWindow, seconds: float) -> None:
    """Let ``seconds`` pass, then let the driver notice, as its timer would."""
    clock.advance(seconds)
    assert window.player.driver is not None
    window.player.driver.tick()


def state_of(window: MainWindow) -> SessionState:
    assert window.player.driver is not None
    return window.player.driver.session.state


def index_of(window: MainWindow) -> int:
    assert window.player.driver is not None
    return window.player.driver.session.index


def settings_over(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


FIVE_GOALS = (
    "Walk to the shops and back without stopping",
    "Sit through a whole film at the cinema",
    "Lift my daughter into her car seat",
    "Put on my socks and shoes standing up",
    "Sleep through the night without waking",
)


def open_goals_dialog(window: MainWindow) -> QWidget:
    """The goals dialog as the weekly offer opens it, with five long activities: the most it ever shows."""
    from stretch_gui.core.content.goals import DUE_AGAIN
    from stretch_gui.core.record.goals import Goals
    from stretch_gui.ui.dialogs.goals import GoalsDialog

    dialog = GoalsDialog(FIVE_GOALS, lambda _names, _scores: Goals(), prompt=DUE_AGAIN, later=lambda: None, parent=window)
    dialog.rows[0].scale.set_value(4)
    dialog.open()
    return dialog


def open_morning_dialog(window: MainWindow, *, answered: bool = False) -> QWidget:
    """The next-morning check as it opens, or (``answered``) showing its longest advice and the easier-session offer."""
    from stretch_gui.core.record.morning import Advice
    from stretch_gui.ui.dialogs.morning import EaseOffer, MorningCheckDialog

    offer = EaseOffer("Back spasm relief", "one set fewer of each exercise", lambda: None)
    dialog = MorningCheckDialog(lambda _rating, _compared: Advice.EASE_BACK, window, ease=offer)
    dialog.open()
    if answered:
        dialog.compared.buttons()[2].setChecked(True)
        dialog.pain.set_value(4)
        dialog.save_button.click()
    return dialog
