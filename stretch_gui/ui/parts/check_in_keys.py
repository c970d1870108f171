"""Keys on a screen that asks how the back feels: digits answer, stray arrows and Space do not."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from stretch_gui.ui.parts.key_guard import KeyGuard
from stretch_gui.ui.parts.pain_scale import PainCheckIn

ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


class _ArrowsStay(QObject):
    """Arrows on a button do not carry the focus off into the pain scale, where they would choose."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in ARROWS:
                event.accept()
                return True
        return False


def check_in_keys(screen: QWidget, check_in: PainCheckIn, buttons: list[QPushButton]) -> KeyGuard:
    """Digits 0–9 answer ``check_in`` wherever the focus is (the note keeps its digits); the guard
    returned swallows keys for a moment once armed, as the screen appears."""
    for digit in range(10):
        shortcut = QShortcut(QKeySequence(Qt.Key(Qt.Key.Key_0 + digit)), screen)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda digit=digit: check_in.choose_digit(digit))
    stay = _ArrowsStay(screen)
    for button in buttons:
        button.installEventFilter(stay)
    return KeyGuard(screen)
