"""The one way the app opens a message box: window-modal, named for tests, gone when closed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from stretch_gui.core.content.messages import Message


@dataclass(frozen=True)
class Choice:
    """A button of a question: what it says, its role, its object name, and the answer it gives."""

    text: str
    role: QMessageBox.ButtonRole
    name: str
    answer: str


def _box(parent: QWidget, name: str, message: Message, icon: QMessageBox.Icon) -> QMessageBox:
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
) -> QMessageBox:
    """A question; ``answered`` gets the chosen answer (``escape``'s when the box is closed otherwise)."""
    box = _box(parent, name, message, QMessageBox.Icon.NoIcon)
    buttons: dict[str, QPushButton] = {}
    for choice in choices:
        button = box.addButton(choice.text, choice.role)
        button.setObjectName(choice.name)
        buttons[choice.answer] = button
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    answers = {id(button): answer for answer, button in buttons.items()}
    box.finished.connect(lambda _result: answered(answers.get(id(box.clickedButton()), escape)))
    box.open()
    return box
