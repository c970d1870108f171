"""The next-morning pain check: a short question the day after a session, then the advice.

When to ask and what to advise are decided in ``stretch_gui.core.record.morning``; the words
come from ``stretch_gui.core.content.morning``. The dialog is window-modal and opens without
blocking, like the window's other messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring
from stretch_gui.ui.parts.pain_scale import PainCheckIn

if TYPE_CHECKING:
    from stretch_gui.core.routine.model import Routine

Save = Callable[[int, Compared], Advice]


class MorningCheckDialog(QDialog):
    """The question, the 0–10 scale and better / same / worse; after saving, the advice."""

    def __init__(self, save: Save, parent: QWidget | None = None, *, limits: PainMonitoring = DEFAULT_PAIN_MONITORING) -> None:
        super().__init__(parent)
        self.setObjectName("morningCheckDialog")
        self.setWindowTitle(words.TITLE)
        self._save = save
        self._limits = limits
        self.saved = False  # an answer was kept: closing the advice afterwards is not a "Not now"
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
            self.saved = True
            self.advice.setText(words.advice_text(given, self._limits))
        for widget in (self.question, self.pain, self.save_button, self.later_button, *self.compared.buttons()):
            widget.hide()
        self.advice.show()
        self.close_button.show()
        self.close_button.setFocus()
        self.adjustSize()


def offer_morning_check(
    parent: QWidget,
    history: History | None,
    *,
    load: Callable[[Path], Routine] | None = None,
    put_off_on: date | None = None,
    put_off: Callable[[date], None] | None = None,
) -> MorningCheckDialog | None:
    """Open the check when one is due (the day after a session, not yet answered nor put off today); the dialog, or None.

    ``load`` reads the session's routine again for the physio's thresholds; ``put_off`` keeps the day
    the patient answered "Not now" (or closed the question), which comes back as ``put_off_on``.
    """
    from datetime import timedelta

    from stretch_gui.core.record.morning import limits_for, load_checks, record_check, session_to_ask_about

    if history is None or history.read_only:
        return None
    today = history.today()
    try:
        recent = history.sessions(since=today - timedelta(days=1))
        session = session_to_ask_about(recent, load_checks(history), today=today, put_off_on=put_off_on)
    except HistoryError:
        return None
    if session is None:
        return None
    limits = limits_for(session, load)

    def save(rating: int, compared: Compared) -> Advice:
        return record_check(history, session, rating=rating, compared=compared, limits=limits)

    dialog = MorningCheckDialog(save, parent, limits=limits)
    if put_off is not None:
        dialog.rejected.connect(lambda: None if dialog.saved else put_off(today))
    dialog.open()
    return dialog
