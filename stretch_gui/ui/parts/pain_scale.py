"""An optional 0–10 pain rating with a note, for before and after a routine."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleInterface, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAccessibleWidget, QButtonGroup, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.wrap_row import WrapRow

ENDS = {0: "no pain", 10: "worst pain"}
_FILTERED = frozenset((QEvent.Type.FocusIn, QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress))


class ScoreButton(QPushButton):
    """One number of the scale: its own class, so screen readers are told it is one choice of several."""


class PainCheckIn(QWidget):
    """Eleven big number buttons and a note. Choosing nothing is a fine answer.

    Keys, as for radio buttons: Tab reaches the row, Left/Right move along it and
    choose, 0–9 choose, Backspace or Delete takes the answer back (so does a second
    click). The arrows work only once the row was reached by Tab or a click: arrows
    pressed for something else must never pick a score. Space never picks one either:
    in the player it means start or pause, and nowhere may a stray Space answer for the
    patient.
    """

    changed = Signal()

    def __init__(
        self,
        name: str,
        question: str,
        *,
        compact: bool = False,
        space_belongs_to_screen: bool = False,
        ends: tuple[str, str] = (ENDS[0], ENDS[10]),
        word: str = "Pain",
        parent: QWidget | None = None,
    ) -> None:
        """``ends`` say what 0 and 10 mean and ``word`` names a score ("Pain 3 out of 10"): the
        same row rates other 0–10 scales (the patient's goals) in their own words."""
        super().__init__(parent)
        self._space_belongs_to_screen = space_belongs_to_screen
        self.setObjectName(name)
        if compact:  # one line less: the scale's ends go into the question
            question = f"{question} 0 = no pain, 10 = worst."
        self.question = label(f"{name}Question", question, role="body" if compact else "heading", wrap=True)
        self.question.setText(question)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so a second click can clear the answer
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = ScoreButton(str(value))
            button.setObjectName(f"{name}Pain{value}")
            button.setCheckable(True)
            button.setProperty("role", "scale")
            meaning = {0: ends[0], 10: ends[1]}.get(value)
            button.setAccessibleName(f"{word} {value}" + (f", {meaning}" if meaning else "") + " out of 10")
            button.installEventFilter(self)
            button.setAutoDefault(False)
            self.group.addButton(button, value)
            self.buttons.append(button)
        # 0–5 and 6–10: one row when they fit, two at a large text size rather than cut off.
        row = WrapRow(f"{name}Scale", self.buttons[:6], self.buttons[6:], packed=True)
        row.setAccessibleName(question)  # the row is one single-choice group, labelled by its question
        self._row = row
        self.group.idToggled.connect(self._toggled)
        self.note = QLineEdit()
        self.note.setObjectName(f"{name}Note")
        self.note.setAccessibleName("Note (optional)")
        self.note.setPlaceholderText("Note (optional), for example where it hurts")
        self.note.setMaxLength(500)
        self.note.textChanged.connect(self.changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.question)
        layout.addWidget(row)
        if not compact:
            ends_row = QHBoxLayout()
            for end_name, text in ((f"{name}Low", f"0 = {ends[0]}"), (f"{name}High", f"10 = {ends[1]}")):
                end = label(end_name, text, role="muted")
                end.setText(text)
                ends_row.addWidget(end)
                if end_name.endswith("Low"):
                    ends_row.addStretch(1)
            layout.addLayout(ends_row)
        layout.addWidget(self.note)
        self._make_tab_stop(self.buttons[0])
        self._arrows_armed = False
        self._update_accessible()

    def _make_tab_stop(self, stop: QPushButton) -> None:
        # One Tab stop for the whole row, as for radio buttons; the arrows move along it.
        for button in self.buttons:
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus)

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def note_text(self) -> str:
        return self.note.text().strip()

    def set_value(self, value: int | None) -> None:
        for button in self.buttons:
            button.setChecked(self.group.id(button) == value)

    def clear(self) -> None:
        self.set_value(None)
        self.note.clear()

    def _toggled(self, value: int, checked: bool) -> None:
        if checked:
            for other in self.buttons:
                if self.group.id(other) != value and other.isChecked():
                    other.setChecked(False)
            self._make_tab_stop(self.buttons[value])
        self._update_accessible()
        self.changed.emit()

    def set_question(self, question: str) -> None:
        """A new question for the row, read by screen readers too (a goal's row names its activity)."""
        self.question.setText(question)
        self._row.setAccessibleName(question)
        self._update_accessible()

    def _update_accessible(self) -> None:
        value = self.value()
        answer = "not answered" if value is None else f"{value} out of 10"
        self.setAccessibleName(f"{self.question.text()} {answer}")

    def choose_digit(self, digit: int) -> None:
        """A digit pressed anywhere on a check-in screen (outside the note) answers the question."""
        self.set_value(digit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Eleven buttons see every paint, move and polish; most of it is none of this filter's business.
        if event.type() not in _FILTERED:
            return False
        if watched in self.buttons and event.type() == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            deliberate = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.MouseFocusReason)
            if event.reason() in deliberate:
                self._arrows_armed = True
            elif event.reason() is not Qt.FocusReason.ActiveWindowFocusReason and not self._owns_focus_before():
                self._arrows_armed = False
        if watched in self.buttons and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Space and not event.modifiers():
                if self._space_belongs_to_screen:
                    return False  # the player's Space: start or pause
                event.accept()
                return True  # swallowed: a stray Space never answers
        # The row's keys must reach it even where the window binds the same keys
        # (the player's arrows skip segments): claiming the shortcut makes Qt send
        # them here as plain key presses.
        if watched in self.buttons and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            action = self._action_for(event.key(), watched)
            if action is not None:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(watched, event)

    def _action_for(self, key: int, focused: QObject) -> Callable[[], None] | None:
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            return lambda: self._choose(self.buttons[key - Qt.Key.Key_0])
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._arrows_armed:
            step = 1 if key == Qt.Key.Key_Right else -1
            here = next(i for i, button in enumerate(self.buttons) if button is focused)
            target = self.buttons[min(10, max(0, here + step))]
            return lambda: self._choose(target)
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            return lambda: self.set_value(None)
        return None

    def _owns_focus_before(self) -> bool:
        """Focus moving along the row by its own arrows keeps them working."""
        return self._arrows_armed and any(button.hasFocus() for button in self.buttons)

    def _choose(self, button: QPushButton) -> None:
        button.setChecked(True)
        button.setFocus()


class _ScoreAccessible(QAccessibleWidget):
    """A score reads as one choice of a single-choice row (a radio button), checked or not."""

    def __init__(self, button: QPushButton) -> None:
        super().__init__(button, QAccessible.Role.RadioButton, button.accessibleName())
        self._button = button

    def text(self, kind: QAccessible.Text) -> str:
        if kind is QAccessible.Text.Name:
            return self._button.accessibleName()
        return str(super().text(kind))

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state


def _accessible_for(_class_name: str, thing: QObject) -> QAccessibleInterface | None:
    if isinstance(thing, ScoreButton):
        return _ScoreAccessible(thing)
    return None


QAccessible.installFactory(_accessible_for)
