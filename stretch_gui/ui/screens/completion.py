"""The end of a session: what was done, and where to go next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from stretch_gui.core.session.session import Summary
from stretch_gui.core.wording import count, format_duration
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.labels import label


class CompletionScreen(QWidget):
    againRequested = Signal()  # noqa: N815
    routinesRequested = Signal()  # noqa: N815
    checkedIn = Signal(object, str)  # noqa: N815 - pain 0–10 or None, note; sent before either request

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completionScreen")
        self.heading = label("completionHeading", "Result", role="title")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary_label = label("completionSummary", "What you did", role="body", wrap=True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = label("completionAdvice", "Advice", role="muted", wrap=True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.again_button = QPushButton("Do it again", objectName="againButton")
        self.again_button.setProperty("role", "primary")
        self.again_button.setAccessibleName("Do it again")
        self.back_button = QPushButton("Back to routines", objectName="backButton")
        self.back_button.setAccessibleName("Back to routines")
        for button in (self.again_button, self.back_button):
            button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog it would ignore Enter)
        self.check_in = PainCheckIn("afterCheckIn", "How does your back feel now? (optional)")
        self.again_button.clicked.connect(lambda: self._leave(self.againRequested))
        self.back_button.clicked.connect(lambda: self._leave(self.routinesRequested))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
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
        # The buttons come first: a patient who wants to move on should not Tab through the scale.
        self.setTabOrder(self.again_button, self.back_button)
        self.setTabOrder(self.back_button, self.check_in.buttons[0])

    def show_summary(self, title: str, summary: Summary) -> None:
        self.heading.setText("Stopped" if summary.stopped else "Well done")
        parts = []
        # A breathing-only routine has no exercises to count; "0 exercises done" would read as failure.
        if summary.exercises_completed or summary.exercises_skipped:
            parts.append(count(summary.exercises_completed, "exercise") + " done")
        if summary.exercises_skipped:
            parts.append(count(summary.exercises_skipped, "exercise") + " skipped")
        parts.append(f"{format_duration(summary.active_seconds)} of {title}")
        text = " · ".join(parts)
        self.summary_label.setText(text)
        self.summary_label.setAccessibleDescription(text)
        self.advice.setText(
            "If it hurt, rest and try again when you feel ready. Pain that gets worse or does not ease "
            "within a few days is a reason to see a doctor or physio."
            if summary.stopped
            else "Get up slowly. Take a moment before you move on."
        )
        self.check_in.clear()
        self.again_button.setFocus()

    def _leave(self, request: SignalInstance) -> None:
        self.checkedIn.emit(self.check_in.value(), self.check_in.note_text())
        request.emit()
