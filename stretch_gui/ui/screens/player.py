"""The player screen: what to do now, for how long, and how to breathe, readable from the mat."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content.messages import Message
from stretch_gui.core.content.safety import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN
from stretch_gui.core.resources import illustration
from stretch_gui.core.routine.model import ExerciseStep
from stretch_gui.core.routine.plan import Plan, Segment, SegmentKind
from stretch_gui.core.session import guidance
from stretch_gui.core.session.blend import frame_for, inhale_weight
from stretch_gui.core.session.breathing import BreathState
from stretch_gui.core.session.clock import Clock
from stretch_gui.core.session.guidance import Line, LineKind, SegmentWords
from stretch_gui.core.session.session import CarriedOver, SessionState
from stretch_gui.ui.parts.countdown import CountdownRing
from stretch_gui.qt.driver import SessionDriver
from stretch_gui.ui.parts.illustration import Illustration
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.pacer import BreathPacer
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.dialogs.messages import Choice, ask
from stretch_gui.ui.parts.labels import label

if TYPE_CHECKING:
    from stretch_gui.qt.cue_player import CuePlayer

# Looked up once: the tick path runs 25 times a second.
BREATHING_PICTURE = illustration("breathing.svg")


def _line_html(line: Line) -> str:
    text = escape(line.text)
    if line.kind is LineKind.BYLINE:
        return f"<b>{text}</b>"
    if line.kind is LineKind.CAUTION:
        return f"⚠ {text}"
    if line.kind is LineKind.NOTE:
        return f"<i>{text}</i>"
    return text


class PlayerScreen(QWidget):
    sessionEnded = Signal(object)  # noqa: N815 - Summary
    soundToggleRequested = Signal()  # noqa: N815
    hurtMarked = Signal(int)  # noqa: N815 - the segment index where it hurt
    checkedInBefore = Signal(object, str)  # noqa: N815 - pain 0–10 or None, note; sent on the first start

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerScreen")
        self.settings = settings
        self.driver: SessionDriver | None = None
        self.cues: CuePlayer | None = None  # sounds the session's moments; one per session
        self._stop_dialog: QMessageBox | None = None
        self._resume_after_dialog = False
        self._was_ready = False
        self._words: SegmentWords | None = None
        self._build()
        self._bind_keys()

    # -- building -----------------------------------------------------------

    def _build(self) -> None:
        self.routine_title = label("routineTitle", "Routine", role="muted")
        self.routine_progress = label("routineProgress", "Progress", role="muted")
        self.progress_bar = QProgressBar(objectName="routineProgressBar")
        self.progress_bar.setAccessibleName("Routine progress")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1000)

        self.step_title = label("stepTitle", "Exercise", role="title")
        self.side_label = label("sideLabel", "Side", role="side")
        self.segment_label = label("segmentHeading", "What to do now", role="heading")
        self.illustration = Illustration()
        self.instructions = label("instructions", "Instructions", role="body", wrap=True)
        self.instructions.setTextFormat(Qt.TextFormat.RichText)
        self.cue = label("cue", "Cue", role="cue", wrap=True)
        self.before_check_in = PainCheckIn(
            "beforeCheckIn", "Pain right now (optional):", compact=True
        )

        self.countdown = CountdownRing()
        self.pacer = BreathPacer()
        self.breath_phase = label("breathPhase", "Breathing", role="breath")
        self.breath_phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_up = label("nextUp", "Coming next", role="muted")
        self.hint = label("stateHint", "Session state", role="heading")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous_button = self._button("previousButton", "← Previous", "Previous (Left arrow)", self._previous)
        self.start_pause_button = self._button("startPauseButton", "Start", "Start or pause (Space)", self._toggle)
        self.start_pause_button.setProperty("role", "primary")
        self.start_pause_button.setMinimumWidth(220)
        self.next_button = self._button("nextButton", "Next →", "Next (Right arrow)", self._next)
        self.restart_button = self._button("restartButton", "Restart exercise", "Restart this exercise (R)", self._restart)
        self.stop_button = self._button("stopButton", "Stop", "Stop the routine (Esc)", self.ask_to_stop)
        self.stop_button.setProperty("role", "stop")
        self.hurt_button = self._button("hurtStopButton", "Stop — this hurts", "Stop, this hurts", self.stop_for_pain)
        self.hurt_button.setProperty("role", "danger")

        header = QHBoxLayout()
        header.addWidget(self.routine_title)
        header.addStretch(1)
        header.addWidget(self.routine_progress)

        title_row = QHBoxLayout()
        title_row.addWidget(self.step_title)
        title_row.addSpacing(18)
        title_row.addWidget(self.side_label, 0, Qt.AlignmentFlag.AlignBottom)
        title_row.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(title_row)
        left.addWidget(self.segment_label)
        left.addWidget(self.illustration, 3)
        left.addWidget(self.instructions)
        left.addWidget(self.cue)
        left.addWidget(self.before_check_in)

        right = QVBoxLayout()
        right.addWidget(self.countdown, 3)
        right.addWidget(self.pacer, 2)
        right.addWidget(self.breath_phase)
        for widget in (self.pacer, self.breath_phase, self.side_label):
            # Hidden, they keep their space, so the countdown does not jump between segments.
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(24)
        body.addLayout(right, 2)

        controls = QHBoxLayout()
        controls.addWidget(self.previous_button)
        controls.addStretch(1)
        controls.addWidget(self.restart_button)
        controls.addWidget(self.start_pause_button)
        controls.addWidget(self.next_button)
        controls.addStretch(1)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.hurt_button)

        footer = QHBoxLayout()
        footer.addWidget(self.next_up, 1)
        footer.addWidget(self.hint, 1)
        footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 18)
        layout.addLayout(header)
        layout.addWidget(self.progress_bar)
        layout.addSpacing(8)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        layout.addSpacing(6)
        layout.addLayout(controls)
        for widget in (
            self.previous_button, self.restart_button, self.start_pause_button, self.next_button, self.stop_button,
            self.hurt_button,
        ):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setTabOrder(self.start_pause_button, self.next_button)
        self.setTabOrder(self.next_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.hurt_button)
        self.setTabOrder(self.hurt_button, self.previous_button)
        self.setTabOrder(self.previous_button, self.restart_button)

    def _button(self, name: str, text: str, accessible: str, slot: object) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog it would ignore Enter)
        button.clicked.connect(slot)
        return button

    def _bind_keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self._toggle),
            (Qt.Key.Key_Right, self._next),
            (Qt.Key.Key_Left, self._previous),
            (Qt.Key.Key_R, self._restart),
            (Qt.Key.Key_Escape, self.ask_to_stop),
            (Qt.Key.Key_H, self.mark_hurt),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- a session ----------------------------------------------------------

    def play(
        self, plan: Plan, *, clock: Clock | None = None, start_index: int = 0, carried: CarriedOver | None = None
    ) -> SessionDriver:
        """Show ``plan`` on its first segment (or ``start_index``, to resume), paused, ready for Space."""
        self.close_session()
        driver = SessionDriver(plan, clock=clock, start_index=start_index, carried=carried, parent=self)
        driver.segmentChanged.connect(self._on_segment)
        driver.stateChanged.connect(self._on_state)
        driver.ticked.connect(self._on_tick)
        self.driver = driver
        from stretch_gui.qt.cue_player import CuePlayer  # only once a routine opens, not at start-up

        self.cues = CuePlayer(driver, self.settings)
        self.apply_settings()
        self.routine_title.setText(plan.routine.title)
        self.before_check_in.clear()
        self._was_ready = True
        self._on_segment(start_index)
        self._on_state(driver.session.state.value)
        self.start_pause_button.setFocus()
        return driver

    def close_session(self) -> None:
        if self.driver is not None:
            self.driver.shutdown()
            self.driver.deleteLater()
            self.driver = None

    def apply_settings(self) -> None:
        reduced = self.settings.reduced_motion
        self.pacer.set_reduced_motion(reduced)
        self.illustration.set_reduced_motion(reduced)
        if self.driver is not None:
            if self.cues is not None:
                self.cues.apply_settings()
            self._on_segment(self.driver.session.index)

    # -- commands ------------------------------------------------------------

    def _toggle(self) -> None:
        if self.driver and not self.driver.session.state.is_over and self._stop_dialog is None:
            self.driver.toggle()

    def _next(self) -> None:
        if self.driver and self._stop_dialog is None:
            self.driver.next()

    def _previous(self) -> None:
        if self.driver and self._stop_dialog is None:
            self.driver.previous()

    def _restart(self) -> None:
        if self.driver and self._stop_dialog is None:
            self.driver.restart_exercise()

    def ask_to_stop(self) -> None:
        """Esc or Stop: pause, then ask. Enter confirms, so stopping stays one key away."""
        if self.driver is None or self.driver.session.state.is_over or self._stop_dialog is not None:
            return
        self._resume_after_dialog = self.driver.session.state is SessionState.RUNNING
        self.driver.pause()
        self._stop_dialog = ask(
            self,
            "stopDialog",
            Message(guidance.STOP_TITLE, guidance.STOP_QUESTION, guidance.STOP_REASSURANCE),
            [
                Choice(guidance.STOP_IT_HURTS, QMessageBox.ButtonRole.DestructiveRole, "confirmHurtStopButton", STOPPED_FOR_PAIN),
                Choice(guidance.STOP_PLAIN, QMessageBox.ButtonRole.AcceptRole, "confirmStopButton", STOPPED_BY_CHOICE),
                Choice(guidance.KEEP_GOING, QMessageBox.ButtonRole.RejectRole, "keepGoingButton", ""),
            ],
            default=STOPPED_BY_CHOICE,
            escape="",
            answered=self._stop_answered,
        )

    def _stop_answered(self, reason: str | None) -> None:
        self._stop_dialog = None
        if self.driver is None:
            return
        if reason:
            self.driver.stop(reason)
        elif self._resume_after_dialog:
            self.driver.toggle()

    def stop_for_pain(self) -> None:
        """No question asked: when it hurts, one press ends the session."""
        if self.driver is None or self.driver.session.state.is_over:
            return
        if self._stop_dialog is not None:
            self._stop_dialog.done(0)
        self.driver.stop(STOPPED_FOR_PAIN)

    def mark_hurt(self) -> None:
        """H: note that this moment hurt, without stopping or pausing anything."""
        if self.driver is None or self.driver.session.state.is_over or self._stop_dialog is not None:
            return
        self.hurtMarked.emit(self.driver.session.index)
        self.hint.setText(guidance.HURT_NOTED)
        self.hint.setAccessibleDescription(guidance.HURT_NOTED)

    # -- showing the session -----------------------------------------------

    def _on_state(self, _state: str) -> None:
        assert self.driver is not None
        state = self.driver.session.state
        if self._was_ready and state is not SessionState.READY:
            self._was_ready = False
            if state is SessionState.RUNNING:
                self.checkedInBefore.emit(self.before_check_in.value(), self.before_check_in.note_text())
        words = guidance.control_words(state)
        self.start_pause_button.setText(words.button)
        self.start_pause_button.setAccessibleName(words.button_with_key)
        self.hint.setText(words.hint)
        self.hint.setAccessibleDescription(words.hint)
        self._on_segment(self.driver.session.index)
        if state.is_over:
            self.driver.shutdown()
            self.sessionEnded.emit(self.driver.session.summary())

    def _on_segment(self, index: int) -> None:
        if self.driver is None:
            return
        session = self.driver.session
        segment = session.plan.segments[index]
        words = guidance.segment_words(session, index)
        self._words = words
        self.step_title.setText(words.title)
        self.step_title.setAccessibleDescription(words.title)
        self.side_label.setText(words.side)
        self.side_label.setVisible(bool(words.side))
        self.instructions.setText("<br>".join(_line_html(line) for line in words.lines))
        # Before the first start the cautions need the room more than the picture does.
        self.illustration.setVisible(not (words.introducing and words.has_cautions))
        self.before_check_in.setVisible(words.introducing)
        self.next_up.setText(words.next_up)
        pacer_on = segment.breathing is not None and self.settings.show_pacer
        self.pacer.setVisible(pacer_on)
        # 25 frames a second only for something that moves: the pacer, or a picture that blends with the breath.
        step = segment.step
        blends = (
            segment.kind is SegmentKind.REPS
            and isinstance(step, ExerciseStep)
            and bool(step.exercise.image_exhale or step.exercise.frames)
        )
        self.driver.set_animating(not self.settings.reduced_motion and (pacer_on or blends))
        self.breath_phase.setVisible(segment.breathing is not None)
        self.cue.setText("")
        self._on_tick()

    def _on_tick(self) -> None:
        driver = self.driver
        if driver is None or self._words is None:
            return
        session = driver.session
        segment = session.segment
        breath = session.breath()
        live = guidance.live_words(session, breath)
        if self.segment_label.text() != live.heading:
            self.segment_label.setText(live.heading)
        self.countdown.set_time(session.remaining(), segment.duration, self._words.caption)
        if breath is not None:
            self.pacer.show_breath(breath)
        if self.breath_phase.text() != live.breath:
            self.breath_phase.setText(live.breath)
            self.breath_phase.setAccessibleDescription(live.breath)
        self._show_moving_picture(segment, breath)
        if self.cue.text() != live.cue:
            self.cue.setText(live.cue)
        if self.routine_progress.text() != live.progress:
            self.routine_progress.setText(live.progress)
            self.routine_progress.setAccessibleDescription(live.progress)
            total = session.plan.total
            self.progress_bar.setValue(int(1000 * (total - session.routine_remaining()) / total) if total else 0)

    def _show_moving_picture(self, segment: Segment, breath: BreathState | None) -> None:
        assert self._words is not None
        step = segment.step
        if not isinstance(step, ExerciseStep):
            self.illustration.show_picture(BREATHING_PICTURE, mirrored=False, description=self._words.picture)
            return
        exercise = step.exercise
        if exercise.frames and step.reps is not None:
            # The body itself moves: the frame nearest the breath, never a blend of two pictures.
            # Reps start and end breathed out, so the still parts around them show the last frame.
            breathing = segment.kind is SegmentKind.REPS and breath is not None
            weight = inhale_weight(breath) if breathing and breath is not None else 0.0
            frame = exercise.frames[frame_for(weight, len(exercise.frames), reduced=self.settings.reduced_motion)]
            self.illustration.show_picture(frame, mirrored=guidance.mirrored(segment), description=self._words.picture)
            return
        # Two pictures only (a physio's file): the in-breath picture blends into the out-breath one.
        # Reps start and end breathed out, so the still parts around them show that picture.
        moving = exercise.image_exhale is not None and step.reps is not None
        weight = 1.0
        if moving:
            weight = inhale_weight(breath) if segment.kind is SegmentKind.REPS and breath is not None else 0.0
        self.illustration.show_picture(
            exercise.image,
            mirrored=guidance.mirrored(segment),
            description=self._words.picture,
            other=exercise.image_exhale if moving else None,
            weight=weight,
        )
