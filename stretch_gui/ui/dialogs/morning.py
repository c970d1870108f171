"""The next-morning pain check: a short question the day after a session, then the advice.

When to ask and what to advise are decided in ``stretch_gui.core.record.morning``; the words
come from ``stretch_gui.core.content.morning``. The dialog is window-modal and opens without
blocking, like the window's other messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content import morning as words
from stretch_gui.core.record.morning import Advice, Compared, offers_easier
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring
from stretch_gui.ui.dialogs.fitting import SCREEN_MARGIN, fit_to_screen
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.scrolling import scrolling

if TYPE_CHECKING:
    from stretch_gui.core.routine.model import Routine

Save = Callable[[int, Compared], Advice]
FRAME = 48  # the dialog's margins and spacing around the content and the buttons
READING_WIDTH = 60  # characters to a line of the question and the advice


@dataclass(frozen=True)
class EaseOffer:
    """An easier session of ``title`` today, ready to choose: ``how`` it is easier, and what choosing it does."""

    title: str
    how: str
    choose: Callable[[], None]


class MorningCheckDialog(QDialog):
    """The question, the 0–10 scale and better / same / worse; after saving, the advice."""

    def __init__(
        self,
        save: Save,
        parent: QWidget | None = None,
        *,
        limits: PainMonitoring = DEFAULT_PAIN_MONITORING,
        ease: EaseOffer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("morningCheckDialog")
        self.setWindowTitle(words.TITLE)
        self._save = save
        self._limits = limits
        self._ease = ease
        self._help: QDialog | None = None
        self.saved = False  # an answer was kept: closing the advice afterwards is not a "Not now"
        self.question = label("morningQuestion", "the comparison asked", role="body", wrap=True)
        self.question.setText(words.QUESTION)
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
        self.advice = label("morningAdvice", "the advice for the answer given", role="body", wrap=True)
        self.advice.hide()
        self.ease_detail = label("morningEaseDetail", "what the easier session changes", role="body", wrap=True)
        self.ease_detail.hide()
        self.ease_button = QPushButton(words.EASE_OFFER)
        self.ease_button.setObjectName("morningEaseButton")
        self.ease_button.setProperty("role", "primary")
        self.ease_button.hide()
        self.ease_button.clicked.connect(self._eased)
        self.buttons = QDialogButtonBox()
        self.help_button = self.buttons.addButton(f"{words.HELP} (F1)", QDialogButtonBox.ButtonRole.HelpRole)
        self.help_button.setObjectName("morningHelpButton")
        self.help_button.clicked.connect(self.show_help)
        # The window's F1 cannot reach past this window-modal dialog, so it answers F1 itself.
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)
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
        row.addStretch(1)
        self._content = QWidget()
        self._column = column = QVBoxLayout(self._content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.question)
        column.addLayout(row)
        column.addWidget(self.pain)
        column.addWidget(self.advice)
        column.addWidget(self.ease_detail)
        column.addWidget(self.ease_button)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self._content, "morningScroll", accessible=words.TITLE), 1)
        layout.addWidget(self.buttons)
        self._fitted = False
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once styled (the text size sets the fonts): all of it when the screen allows, else it scrolls.
        if not self._fitted:
            self._fitted = True
            self.ensurePolished()
            self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        """About 60 characters wide (a comfortable line at this text size), as tall as the content then needs."""
        self._column.activate()  # the parts just shown or hidden count in what it needs
        free = (self.parentWidget() or self).screen().availableGeometry()
        reading = self.fontMetrics().averageCharWidth() * READING_WIDTH
        # The 0-10 row on one line when the screen allows: a wrapped scale reads as two questions.
        least = max(self._content.minimumSizeHint().width(), self.buttons.sizeHint().width(), self.pain.sizeHint().width())
        width = min(max(reading, least), free.width() - SCREEN_MARGIN - FRAME)
        height = max(self._content.heightForWidth(width), self._content.minimumSizeHint().height())
        fit_to_screen(self, width + FRAME, height + self.buttons.sizeHint().height() + FRAME)

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
            if self._ease is not None and offers_easier(given):
                self.ease_detail.setText(words.ease_offer_detail(self._ease.title, self._ease.how))
                self.ease_detail.show()
                self.ease_button.show()
        for widget in (self.question, self.pain, self.save_button, self.later_button, *self.compared.buttons()):
            widget.hide()
        self.advice.show()
        self.close_button.show()
        self.close_button.setFocus()
        self._fit()

    def _eased(self) -> None:
        if self._ease is None:
            return
        self._ease.choose()
        self.ease_detail.setText(words.eased_done(self._ease.title, self._ease.how))
        self.ease_button.hide()
        self.close_button.setFocus()
        self._fit()

    def show_help(self) -> None:
        """The red-flag advice, over this dialog (the window's own help page would sit behind it)."""
        from stretch_gui.ui.screens.safety import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()


def offer_morning_check(
    parent: QWidget,
    history: History | None,
    *,
    load: Callable[[Path], Routine] | None = None,
    put_off_on: date | None = None,
    put_off: Callable[[date], None] | None = None,
    ease: Callable[[Path], None] | None = None,
) -> MorningCheckDialog | None:
    """Open the check when one is due (the day after a session, not yet answered nor put off today); the dialog, or None.

    ``load`` reads the session's routine again for the physio's thresholds; ``put_off`` keeps the day
    the patient answered "Not now" (or closed the question), which comes back as ``put_off_on``.
    ``ease(file)`` makes today's sessions of that routine file easier, when the advice says to ease back.
    """
    from datetime import timedelta

    from stretch_gui.core.record.morning import limits_for, load_checks, record_check, routine_of, session_to_ask_about
    from stretch_gui.core.routine.easier import easier_session

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
    routine = routine_of(session, load)
    limits = limits_for(routine)
    offer = None
    easier = easier_session(routine) if routine is not None and ease is not None else None
    if easier is not None and ease is not None:
        file = Path(session.routine.file)
        offer = EaseOffer(easier.routine.title, easier.how, lambda: ease(file))

    def save(rating: int, compared: Compared) -> Advice:
        return record_check(history, session, rating=rating, compared=compared, limits=limits)

    dialog = MorningCheckDialog(save, parent, limits=limits, ease=offer)
    if put_off is not None:
        dialog.rejected.connect(lambda: None if dialog.saved else put_off(today))
    dialog.open()
    return dialog
