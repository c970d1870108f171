"""Keys that were meant for the screen before: swallowed for a moment after a screen changes.

A patient pressing Space or the arrows to move through the last part of a routine
must not, a split second later, restart it or pick a pain score on the screen that
replaced the player.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

GUARD_SECONDS = 1.0


class KeyGuard(QObject):
    """Swallows key presses aimed at ``screen`` (or its children) for a moment after ``arm()``."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        self._screen = screen
        self.clock: Callable[[], float] = time.monotonic  # tests give it their fake clock
        self._since = 0.0
        self._armed = False

    def arm(self) -> None:
        self._since = self.clock()
        if not self._armed:
            self._armed = True
            app = QApplication.instance()
            if app is not None:  # there is one while a screen exists
                app.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._armed and self.clock() - self._since < GUARD_SECONDS

    def _disarm(self) -> None:
        self._armed = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            return False
        if not self.active:
            self._disarm()  # checked on the next key, so no timer is left behind
            return False
        aimed_here = isinstance(watched, QWidget) and (watched is self._screen or self._screen.isAncestorOf(watched))
        if aimed_here or (isinstance(watched, QWidget) and watched.window() is self._screen.window()):
            event.accept()
            return True
        return False
