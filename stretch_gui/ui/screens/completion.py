"""The end of a session: what was done, and where to go next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from stretch_gui.core.content import completion
from stretch_gui.core.session.session import Summary
from stretch_gui.ui.parts.check_in_keys import check_in_keys
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.scrolling import scrolling


class CompletionScreen(QWidget):
    againRequested = Signal()
    routinesRequested = Signal()
    checkedIn = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completionScreen")
        self.heading = label("completionHeading", "Result", role="title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary_label = label("completionSummary", "What you did", role="body", wrap=True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = label("completionAdvice", "Advice", role="muted", wrap=True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.again_button = QPushButton("Do it again")
        self.again_button.setObjectName("againButton")
        self.again_button.setProperty("role", "primary")
        self.again_button.setAccessibleName("Do it again")
        self.back_button = QPushButton("Back to routines")
        self.back_button.setObjectName("backButton")
        self.back_button.setAccessibleName("Back to routines")
        for button in (self.again_button, self.back_button):
            button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog it would ignore Enter)
        self.check_in = PainCheckIn("afterCheckIn", completion.CHECK_IN_QUESTION)
        self.again_button.clicked.connect(lambda: self._leave(self.againRequested))
        self.back_button.clicked.connect(lambda: self._leave(self.routinesRequested))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        content = QWidget()
        content.setObjectName("completionContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        layout.addWidget(self.heading)
        layout.addSpacing(16)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.advice)
        layout.addSpacing(28)
        check_in_row = QHBoxLayout()
        check_in_row.addStretch(1)
        check_in_row.addWidget(self.check_in, 4)
        check_in_row.addStretch(1)
        layout.addLayout(check_in_row)
        layout.addSpacing(28)
        layout.addLayout(buttons)
        layout.addStretch(3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(content, "completionScroll"))
        # Tab follows the screen from top to bottom: the question, its note, then the buttons.
        self.setTabOrder(self.check_in.buttons[0], self.check_in.note)
        self.setTabOrder(self.check_in.note, self.back_button)
        self.setTabOrder(self.back_button, self.again_button)
        self.key_guard = check_in_keys(self, self.check_in, [self.again_button, self.back_button])

    def show_summary(self, title: str, summary: Summary) -> None:
        self.heading.setText(completion.heading(summary))
        text = completion.what_was_done(title, summary)
        self.summary_label.setText(text)
        self.advice.setText(" ".join(completion.advice(summary)))
        self.check_in.clear()
        # The question has the focus, where Space and the arrows choose nothing: a key meant for the
        # player a moment ago must not restart the routine or answer for the patient.
        self.check_in.buttons[0].setFocus()
        self.key_guard.arm()

    def _leave(self, request: SignalInstance) -> None:
        self.checkedIn.emit(self.check_in.value(), self.check_in.note_text())
        request.emit()
