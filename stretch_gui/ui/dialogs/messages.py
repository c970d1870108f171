"""The one way the app opens a message box: window-modal, named for tests, gone when closed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from stretch_gui.core.content.messages import Message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

# QMessageBox is imported when a box opens: the windows that import this module paint first
# without it, and its Python enums (~2 ms, 0.1 MiB) wait until a box is needed.
Role = Literal["accept", "reject", "destructive"]


@dataclass(frozen=True)
class Choice:
    """A button of a question: what it says, what it does (its role), its object name, and the answer it gives."""

    text: str
    role: Role
    name: str
    answer: str


class _NoSpace(QObject):
    """Space does nothing on the buttons it watches: a question answered only by Enter or a click."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Space:
                event.accept()
                return True
        return False


def _box(parent: QWidget, name: str, message: Message, icon: QMessageBox.Icon) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(message.title)
    box.setText(message.text)
    if message.details:
        box.setInformativeText(message.details)
    return box


def tell(parent: QWidget, name: str, message: Message) -> QMessageBox:
    """A warning with an OK button; returns at once (the box is window-modal)."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, name, message, QMessageBox.Icon.Warning)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def ask(
    parent: QWidget,
    name: str,
    message: Message,
    choices: Sequence[Choice],
    *,
    default: str,
    escape: str,
    answered: Callable[[str], None],
    enter_only: bool = False,
) -> QMessageBox:
    """A question; ``answered`` gets the chosen answer (``escape``'s when the box is closed otherwise).

    ``enter_only``: Space answers nothing, for a question asked while Space means something else
    (the player's start and pause): a Space pressed a moment too late must not stop the routine.
    """
    from PySide6.QtWidgets import QMessageBox

    roles = {
        "accept": QMessageBox.ButtonRole.AcceptRole,
        "reject": QMessageBox.ButtonRole.RejectRole,
        "destructive": QMessageBox.ButtonRole.DestructiveRole,
    }
    box = _box(parent, name, message, QMessageBox.Icon.NoIcon)
    buttons: dict[str, QPushButton] = {}
    for choice in choices:
        button = box.addButton(choice.text, roles[choice.role])
        button.setObjectName(choice.name)
        buttons[choice.answer] = button
    if enter_only:
        no_space = _NoSpace(box)
        for button in buttons.values():
            button.installEventFilter(no_space)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    answers = {id(button): answer for answer, button in buttons.items()}
    box.finished.connect(lambda _result: answered(answers.get(id(box.clickedButton()), escape)))
    box.open()
    return box
