"""The next-morning pain check: a short question the day after a session, then the advice.

When to ask and what to advise are decided in ``stretch_gui.core.record.morning``; the words
come from ``stretch_gui.core.content.morning``. The dialog is window-modal and opens without
blocking, like the window's other messages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content import morning as words
from stretch_gui.core.record.morning import Advice, Compared
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.ui.parts.pain_scale import PainCheckIn

Save = Callable[[int, Compared], Advice]


class MorningCheckDialog(QDialog):
    """The question, the 0–10 scale and better / same / worse; after saving, the advice."""

    def __init__(self, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("morningCheckDialog")
        self.setWindowTitle(words.TITLE)
        self._save = save
        self.question = QLabel(words.QUESTION)
        self.question.setObjectName("morningQuestion")
        self.question.setWordWrap(True)
        self.compared = QButtonGroup(self)
        row = QHBoxLayout()
        for choice, text in words.ANSWERS.items():
            button = QRadioButton(text)
            button.setObjectName(f"morning{choice.name.title()}")
            self.compared.addButton(button)
            button.setProperty("compared", choice.value)
            row.addWidget(button)
        self.pain = PainCheckIn("morningPain", words.RATING_QUESTION, compact=True)
        self.pain.note.hide()  # the morning check keeps no note: offering one would lose what is typed
        self.advice = QLabel()
        self.advice.setObjectName("morningAdvice")
        self.advice.setWordWrap(True)
        self.advice.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("morningSaveButton")
        self.later_button = self.buttons.addButton(words.LATER, QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("morningLaterButton")
        self.close_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("morningCloseButton")
        self.close_button.hide()
        self.save_button.clicked.connect(self._saved)
        self.later_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.compared.buttonToggled.connect(self._update)
        self.pain.changed.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(row)
        layout.addWidget(self.pain)
        layout.addWidget(self.advice)
        layout.addWidget(self.buttons)
        self._update()

    def answer(self) -> tuple[int, Compared] | None:
        button = self.compared.checkedButton()
        rating = self.pain.value()
        if button is None or rating is None:
            return None
        return rating, Compared(button.property("compared"))

    def _update(self) -> None:
        self.save_button.setEnabled(self.answer() is not None)

    def _saved(self) -> None:
        answer = self.answer()
        if answer is None:
            return
        try:
            given = self._save(*answer)
        except HistoryError as exc:
            self.advice.setText(str(exc))
        else:
            self.advice.setText(words.advice_text(given))
        for widget in (self.question, self.pain, self.save_button, self.later_button, *self.compared.buttons()):
            widget.hide()
        self.advice.show()
        self.close_button.show()
        self.close_button.setFocus()
        self.adjustSize()


def offer_morning_check(parent: QWidget, history: History | None) -> MorningCheckDialog | None:
    """Open the check when one is due (the day after a session, not yet answered); the dialog, or None."""
    from datetime import timedelta

    from stretch_gui.core.record.morning import load_checks, record_check, session_to_ask_about

    if history is None or history.read_only:
        return None
    today = history.today()
    try:
        session = session_to_ask_about(history.sessions(since=today - timedelta(days=1)), load_checks(history), today=today)
    except HistoryError:
        return None
    if session is None:
        return None

    def save(rating: int, compared: Compared) -> Advice:
        return record_check(history, session, rating=rating, compared=compared)

    dialog = MorningCheckDialog(save, parent)
    dialog.open()
    return dialog
