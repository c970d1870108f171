"""My goals: name up to five activities the back makes hard, and rate each 0–10 (the PSFS).

When the rating is due and what a change means are decided in ``stretch_gui.core.record.goals``;
every word comes from ``stretch_gui.core.content.goals``. The dialog is window-modal and opens
without blocking, like the morning check. Offered once a week at start-up (``offer_goals``),
and always from View › My goals….
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content import goals as words
from stretch_gui.core.record.goals import MAX_ACTIVITIES, MAX_NAME_LENGTH, Goals, names_to_offer, rating_due
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.scrolling import scrolling

Save = Callable[[list[str], dict[str, int]], Goals]


class GoalRow(QFrame):
    """One activity: its name, and its score once it has one."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"goalRow{number}")
        self.setProperty("role", "card")
        self.name = QLineEdit()
        self.name.setObjectName(f"goalName{number}")
        self.name.setAccessibleName(words.NAME_LABEL.format(n=number))
        self.name.setPlaceholderText(words.NAME_HINT)
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.scale = PainCheckIn(f"goal{number}", words.RATE_QUESTION, ends=words.SCALE_ENDS, word=words.SCORE_WORD)
        self.scale.note.hide()  # a goal's score has no note
        self.scale.question.setProperty("role", "body")  # five headings in a row would shout; the name field leads
        self.name.textChanged.connect(self._named)
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        caption = label(f"goalNameLabel{number}", "Which activity", role="muted")
        caption.setText(words.NAME_LABEL.format(n=number))
        caption.setBuddy(self.name)
        column.addWidget(caption)
        column.addWidget(self.name)
        column.addWidget(self.scale)
        self._named()

    def _named(self) -> None:
        named = bool(self.text())
        if not named:
            self.scale.set_value(None)  # no score for an activity that is not named
        self.scale.setEnabled(named)
        self.scale.set_question(words.row_question(self.text()))

    def text(self) -> str:
        return " ".join(self.name.text().split())


class GoalsDialog(QDialog):
    """The list and the scales; after saving, today's average in words."""

    def __init__(
        self,
        names: Sequence[str],
        save: Save,
        *,
        prompt: str = "",
        later: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goalsDialog")
        self.setWindowTitle(words.TITLE)
        self._save = save
        self._later = later
        self.intro = label("goalsIntro", "What to do", role="body", wrap=True)
        self.intro.setText(f"{prompt} {words.INTRO}".strip())
        self.anchors = label("goalsAnchors", "What 0 and 10 mean", role="muted", wrap=True)
        self.anchors.setText(words.ANCHORS)
        self.rows = [GoalRow(n) for n in range(1, MAX_ACTIVITIES + 1)]
        for row, name in zip(self.rows, names, strict=False):
            row.name.setText(name)
        list_page = QWidget()
        list_page.setObjectName("goalsList")
        list_column = QVBoxLayout(list_page)
        list_column.setContentsMargins(0, 0, 0, 0)
        for row in self.rows:
            list_column.addWidget(row)
        list_column.addStretch(1)
        self.status = label("goalsStatus", "Saved, or why not", role="body", wrap=True)
        self.status.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(words.SAVE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("goalsSaveButton")
        self.later_button = self.buttons.addButton(words.LATER, QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("goalsLaterButton")
        self.later_button.setVisible(later is not None)
        self.close_button: QPushButton = self.buttons.addButton(words.CLOSE, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("goalsCloseButton")
        self.close_button.setVisible(later is None)  # opened from the menu: closing saves nothing, no "Not now" to keep
        for button in (self.save_button, self.later_button, self.close_button):
            button.setAutoDefault(False)  # Enter in a name field must not save half a list
        self.save_button.clicked.connect(self._saved)
        self.later_button.clicked.connect(self._postponed)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.anchors)
        layout.addWidget(scrolling(list_page, "goalsScroll", accessible=words.TITLE), 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._fit_to_screen(parent)

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        hint = self.sizeHint()
        self.resize(min(max(hint.width(), 760), int(screen.width() * 0.92)), min(hint.height() + 400, int(screen.height() * 0.9)))

    def focus_first_unanswered(self) -> None:
        """Where the patient starts: the first activity without a score (its name; Tab reaches the scale),
        else the first empty name."""
        for row in self.rows:
            if not row.text() or row.scale.value() is None:
                row.name.setFocus()
                return

    def names(self) -> list[str]:
        return [row.text() for row in self.rows if row.text()]

    def scores(self) -> dict[str, int]:
        return {row.text(): value for row in self.rows if row.text() and (value := row.scale.value()) is not None}

    def _saved(self) -> None:
        try:
            goals = self._save(self.names(), self.scores())
        except HistoryError as exc:
            self._say(f"{words.NOT_SAVED} {exc}")
            return  # the answers stay on screen, to try again
        self._say(words.saved(goals))
        self._later = None  # rated: closing now is no "Not now"
        for widget in (self.save_button, self.later_button):
            widget.hide()
        self.close_button.show()
        self.close_button.setFocus()

    def _postponed(self) -> None:
        self.reject()

    def reject(self) -> None:
        """"Not now", Escape or the window's close button: the weekly offer waits until tomorrow."""
        if self._later is not None:
            later, self._later = self._later, None
            with contextlib.suppress(HistoryError):  # only "not again today" is lost; nothing typed was to be kept
                later()
        super().reject()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


def open_goals(
    parent: QWidget, history: History, routine_goals: Sequence[str] | None, *, offered: bool = False
) -> GoalsDialog | None:
    """The dialog over ``parent``; ``offered``: the weekly prompt, with "Not now". None when the history cannot be read."""
    try:
        goals = history.goals()
    except HistoryError:
        return None
    names = names_to_offer(goals, routine_goals or ())
    prompt = (words.DUE_AGAIN if goals.occasions() else words.DUE_FIRST) if offered else ""

    def save(names: list[str], scores: dict[str, int]) -> Goals:
        history.save_goals(names, scores)
        return history.goals()

    dialog = GoalsDialog(names, save, prompt=prompt, later=history.postpone_goals if offered else None, parent=parent)
    latest = goals.latest_on_or_before(history.today())
    if latest is not None and latest.day == history.today():  # opened again the same day: today's answers, to change
        scores = {a.name: latest.scores[a.id] for a in goals.active if a.id in latest.scores}
        for row in dialog.rows:
            row.scale.set_value(scores.get(row.text()))
    if history.read_only:
        dialog.save_button.setEnabled(False)
    dialog.open()
    dialog.focus_first_unanswered()
    return dialog


def offer_goals(parent: QWidget, history: History | None, routine_goals: Sequence[str] | None) -> GoalsDialog | None:
    """Open the weekly rating when it is due (``core.record.goals.rating_due``); the dialog, or None."""
    if history is None or history.read_only:
        return None
    try:
        due = rating_due(history.goals(), routine_goals, today=history.today())
    except HistoryError:
        return None
    return open_goals(parent, history, routine_goals, offered=True) if due else None
