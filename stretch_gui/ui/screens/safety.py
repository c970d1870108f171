"""When something hurts: the screen after a stop for pain, and the "When to get help" page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content import safety
from stretch_gui.qt import announcer
from stretch_gui.ui import theme
from stretch_gui.ui.dialogs.fitting import fit_to_screen
from stretch_gui.ui.parts.check_in_keys import check_in_keys
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.scrolling import scrolling


def when_to_get_help_html() -> str:
    return safety.as_html(safety.HELP_PAGE, theme.current().danger)


def after_a_painful_stop_html() -> str:
    return safety.as_html(safety.STOP_SCREEN, theme.current().danger)


class SafetyScreen(QWidget):
    """Shown at once after "Stop — this hurts": what to do now, and when to get help."""

    finished = Signal(object, str)  # pain 0–10 or None, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyScreen")
        heading = label("safetyHeading", safety.STOP_SCREEN_HEADING, role="title")
        heading.setText(safety.STOP_SCREEN_HEADING)
        heading.setWordWrap(True)
        self.advice = label("safetyAdvice", safety.STOP_SCREEN[0].heading, role="body", wrap=True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.help = label("safetyHelp", safety.HELP_PAGE_TITLE, role="body", wrap=True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.check_in = PainCheckIn("hurtCheckIn", safety.STOP_SCREEN_CHECK_IN)
        self.done_button = QPushButton("Back to routines")
        self.done_button.setObjectName("safetyDoneButton")
        self.done_button.setProperty("role", "primary")
        self.done_button.setAccessibleName("Back to routines")
        self.done_button.setAutoDefault(True)
        self.done_button.clicked.connect(lambda: self.finished.emit(self.check_in.value(), self.check_in.note_text()))
        self.key_guard = check_in_keys(self, self.check_in, [self.done_button])

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 32, 48, 24)
        column.setSpacing(14)
        column.addWidget(heading)
        column.addWidget(self.advice)
        column.addWidget(self.help)
        column.addWidget(self.check_in)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content, "safetyScroll"), 1)
        layout.addLayout(buttons)
        layout.setContentsMargins(0, 0, 48, 28)

    def show_guidance(self) -> None:
        self.advice.setText(after_a_painful_stop_html())
        self.help.setText(when_to_get_help_html())
        self.check_in.clear()
        self.done_button.setFocus()
        self.key_guard.arm()
        announcer.announce(self, safety.STOP_SCREEN_ANNOUNCEMENT, assertive=True)


class HelpDialog(QDialog):
    """Help › When to get help: reachable at any time, and it does not block the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(safety.HELP_PAGE_TITLE)
        self.setAccessibleName(safety.HELP_PAGE_TITLE)
        text = label("helpText", safety.HELP_PAGE_TITLE, role="body", wrap=True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setText(when_to_get_help_html())
        text.setContentsMargins(16, 8, 16, 8)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(text, "helpScroll"), 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 620)
