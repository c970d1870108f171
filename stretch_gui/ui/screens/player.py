"""The player screen: what to do now, for how long, and how to breathe, readable from the mat."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core.content.messages import Message
from stretch_gui.core.markup import escape
from stretch_gui.core.resources import illustration
from stretch_gui.core.routine.model import ExerciseStep
from stretch_gui.core.routine.plan import Plan, Segment, SegmentKind
from stretch_gui.core.session import guidance
from stretch_gui.core.session.blend import frame_for, inhale_weight, moves_with_the_breath
from stretch_gui.core.session.breathing import BreathState
from stretch_gui.core.session.clock import Clock
from stretch_gui.core.session.guidance import Line, LineKind, SegmentWords
from stretch_gui.core.session.session import CarriedOver, SessionState
from stretch_gui.core.wording import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN
from stretch_gui.qt import announcer
from stretch_gui.qt.driver import SessionDriver
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.dialogs.messages import Choice, ask
from stretch_gui.ui.parts.breath_timer import BreathTimer
from stretch_gui.ui.parts.illustration import Illustration
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.pain_scale import PainCheckIn
from stretch_gui.ui.parts.wrap_row import WrapRow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from stretch_gui.qt.cue_player import CuePlayer

# Looked up once: the tick path runs up to 25 times a second.
BREATHING_PICTURE = illustration("breathing.svg")

PROGRESS_STEPS = 50  # the routine's progress bar moves in 2 % steps

# The frame around what to do grows with the text size only up to this much.
CHROME = ("small", "hint", "button")
CHROME_SCALE = 1.5

# Font sizes in pixels on a maximized 1366x768 screen at normal text size; they grow with both.
PLAYER_TYPE = {
    "title": 46,
    "side": 34,
    "heading": 32,
    "body": 24,
    "cue": 28,
    "breath": 64,  # capitals of about 46 px: readable from the mat
    "small": 19,
    "hint": 24,
    "button": 20,
}


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
    sessionEnded = Signal(object)
    soundToggleRequested = Signal()
    hurtMarked = Signal(int)
    checkedInBefore = Signal(object, str)

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
        self._announced_state = SessionState.READY
        self._type_key: tuple[object, ...] | None = None  # what the player's style sheet was last made for
        self._guide_on = False
        self._hint_held = False
        self._hint_timer = QTimer(self)
        self._hint_timer.setObjectName("hintFade")
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(guidance.NOTE_SECONDS * 1000)
        self._hint_timer.timeout.connect(self._release_hint)
        self._build()
        self._bind_keys()

    # -- building -----------------------------------------------------------

    def _build(self) -> None:
        self.routine_title = label("routineTitle", "Routine", role="muted")
        # A long title gives way to the progress with an ellipsis; the whole title is its tooltip.
        self.routine_title.setMinimumWidth(1)
        self.routine_title.setProperty("elided", True)
        self._routine_title = ""
        self.routine_progress = label("routineProgress", "Progress", role="muted")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("routineProgressBar")
        self.progress_bar.setAccessibleName("Routine progress")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1000)

        self.step_title = label("stepTitle", "Exercise", role="title", wrap=True)
        self.side_label = label("sideLabel", "Side", role="side", wrap=True)
        self.segment_label = label("segmentHeading", "What to do now", role="heading", wrap=True)
        self.illustration = Illustration()
        self.instructions = label("instructions", "Instructions", role="body", wrap=True)
        self.instructions.setTextFormat(Qt.TextFormat.RichText)
        self.cue = label("cue", "Cue", role="cue", wrap=True)
        self.before_check_in = PainCheckIn(
            "beforeCheckIn", "Pain right now (optional):", compact=True, space_belongs_to_screen=True
        )

        self.countdown = BreathTimer()
        self.breath_phase = label("breathPhase", "Breathing", role="breath", wrap=True)
        self.breath_phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_up = label("nextUp", "Coming next", role="muted", wrap=True)
        self.hint = label("stateHint", "Session state", role="hint", wrap=True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.previous_button = self._button("previousButton", "← Previous", "← Previous (Left arrow key)", self._previous)
        self.start_pause_button = self._button("startPauseButton", "Start", "Start or pause (Space)", self._toggle)
        self.start_pause_button.setProperty("role", "primary")
        self.next_button = self._button("nextButton", "Next →", "Next → (Right arrow key)", self._next)
        self.restart_button = self._button("restartButton", "Restart exercise", "Restart exercise (R)", self._restart)
        self.stop_button = self._button("stopButton", "Stop", "Stop the routine (Esc)", self.ask_to_stop)
        self.stop_button.setProperty("role", "stop")
        self.hurt_button = self._button(
            "hurtStopButton", "Stop — this hurts", "Stop — this hurts (stops at once)", self.stop_for_pain
        )
        self.hurt_button.setProperty("role", "danger")

        header = QHBoxLayout()
        header.addWidget(self.routine_title, 1)
        header.addSpacing(16)
        header.addWidget(self.routine_progress, 0)

        # The side sits beside what to do, or under it when a large text size needs the width.
        heading_row = WrapRow("headingRow", [self.segment_label], [self.side_label])

        # What to do: scrolls only when a very large text size needs more room than the screen has.
        what = QWidget()
        what.setObjectName("whatToDo")
        left = QVBoxLayout(what)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.step_title)
        left.addWidget(heading_row)
        left.addWidget(self.illustration, 1)
        left.addWidget(self.instructions)
        left.addWidget(self.cue)
        left.addWidget(self.before_check_in)
        self.what_to_do = QScrollArea()
        self.what_to_do.setObjectName("whatToDoScroll")
        self.what_to_do.setWidget(what)
        self.what_to_do.setWidgetResizable(True)
        self.what_to_do.setFrameShape(QFrame.Shape.NoFrame)
        self.what_to_do.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.what_to_do.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the session

        # How long and how to breathe: one visual, the breath word right under it.
        right = QVBoxLayout()
        right.addWidget(self.countdown, 1)
        right.addWidget(self.breath_phase)
        for widget in (self.breath_phase, self.side_label):
            # Hidden, they keep their space, so the countdown does not jump between segments.
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        self.body = QHBoxLayout()
        self.body.addWidget(self.what_to_do, 55)
        self.body.addSpacing(24)
        self.body.addLayout(right, 45)

        footer = QHBoxLayout()
        footer.addWidget(self.next_up, 1)
        footer.addWidget(self.hint, 1)

        self.controls = WrapRow(
            "controlBar",
            [self.previous_button, self.restart_button, self.start_pause_button, self.next_button],
            [self.stop_button, self.hurt_button],
            centre_first=True,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 14, 28, 14)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.progress_bar)
        layout.addLayout(self.body, 1)
        layout.addLayout(footer)
        layout.addWidget(self.controls)
        self.setTabOrder(self.start_pause_button, self.next_button)
        self.setTabOrder(self.next_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.hurt_button)
        self.setTabOrder(self.hurt_button, self.previous_button)
        self.setTabOrder(self.previous_button, self.restart_button)

    # -- sizes that follow the window ---------------------------------------------------

    def type_unit(self) -> float:
        """One design pixel at this window size: 1.0 on a maximized 1366x768 laptop screen."""
        return min(max(min(self.width() / 1366, self.height() / 700), 0.7), 3.0)

    def _timer_share(self) -> float:
        """How much of the width the timer column takes: more as the text grows, so its words stay on one line."""
        # Before the start, cautions need the room (the picture gives way to them too).
        reading = self._words is not None and self._words.introducing and self._words.has_cautions
        return 7 / 22 if reading else min(0.55, 0.45 + 0.1 * (theme.scale() - 1))

    def _fit_type(self) -> None:
        """Sizes from the window and the text-size setting; one style sheet for the player's own widgets."""
        unit, scale = self.type_unit(), theme.scale()
        size = {name: round(base * unit * scale) for name, base in PLAYER_TYPE.items()}
        # The frame around what to do (header, footer, buttons) grows less, so the words that matter keep the room.
        for name in CHROME:
            size[name] = round(PLAYER_TYPE[name] * unit * min(scale, CHROME_SCALE))
        size["button"] = min(size["button"], self._button_size_for_one_row(unit))
        # The breath word grows with the text size until its longest form fills the timer's column.
        column = (self.width() - 80) * self._timer_share()
        widest = self._metrics(100, bold=True).horizontalAdvance(guidance.LONGEST_BREATH_WORDS) / 100
        size["breath"] = max(size["small"], min(size["breath"], int(column / widest)))
        share = self._timer_share()
        key = (*sorted(size.items()), theme.current().name, round(unit * 100))
        self.body.setStretch(0, round(100 * (1 - share)))
        self.body.setStretch(2, round(100 * share))
        if key == self._type_key:
            return
        if not self.isVisible():
            # Off screen the size is not yet the one it shows at, and each style sheet costs ~12 ms of
            # polishing: showEvent fits it once, at that size, before the first paint.
            return
        self._type_key = key
        t = theme.current()
        self.setStyleSheet(
            f"""
            #stepTitle {{ font-size: {size["title"]}px; font-weight: 700; }}
            #sideLabel {{ font-size: {size["side"]}px; font-weight: 700; color: {t.accent}; }}
            #segmentHeading {{ font-size: {size["heading"]}px; font-weight: 600; }}
            #instructions {{ font-size: {size["body"]}px; }}
            #cue {{ font-size: {size["cue"]}px; font-weight: 600; color: {t.accent}; }}
            #breathPhase {{ font-size: {size["breath"]}px; font-weight: 700; }}
            #routineTitle, #routineProgress, #nextUp {{ font-size: {size["small"]}px; color: {t.muted}; }}
            #stateHint {{ font-size: {size["hint"]}px; font-weight: 600; }}
            #controlBar QPushButton {{ font-size: {size["button"]}px; padding: {round(10 * unit)}px {round(20 * unit)}px; }}
            """
        )
        self.countdown.setMinimumSize(round(160 * unit), round(160 * unit))
        self.countdown.caption_size = size["small"]
        # Start, Pause and Resume take turns on one button: as wide as the widest, so nothing shifts.
        button = self._metrics(size["button"], bold=True)
        widest = max(button.horizontalAdvance(word) for word in guidance.START_PAUSE_WORDS)
        self.start_pause_button.setMinimumWidth(round(widest + 2 * 20 * unit + 16))
        # A hint that comes and goes must not move the timer: its line is kept.
        self.hint.setMinimumHeight(math.ceil(self._metrics(size["hint"]).height()))
        self.illustration.setMinimumHeight(round(150 * unit * min(scale, 1.3)))

    def _button_size_for_one_row(self, unit: float) -> int:
        """The largest button text that keeps every control on one row: a second row would cost the timer its room."""
        metrics = self._metrics(100, bold=True)
        labels = [button.text() for button in self._control_buttons()]
        labels[labels.index(self.start_pause_button.text())] = max(guidance.START_PAUSE_WORDS, key=len)
        text_width = sum(metrics.horizontalAdvance(text) for text in labels) / 100
        padding = len(labels) * (2 * 20 * unit + 16) + 120 * unit  # each button's padding, and the gap between the groups
        return max(12, int((self.width() - 80 - padding) / text_width))

    def _metrics(self, pixels: int, *, bold: bool = False) -> QFontMetricsF:
        """How text measures in the player's font at ``pixels``, before the style sheet gives it that size."""
        font = QFont(self.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        return QFontMetricsF(font)

    def _control_buttons(self) -> list[QPushButton]:
        return [
            self.previous_button, self.restart_button, self.start_pause_button, self.next_button, self.stop_button,
            self.hurt_button,
        ]

    def restyle(self) -> None:
        """The theme or the text size changed: size everything again."""
        self._fit_type()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_type()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_type()
        super().resizeEvent(event)
        self._elide_title()

    def _elide_title(self) -> None:
        room = max(40, self.routine_title.width())
        shown = self.routine_title.fontMetrics().elidedText(self._routine_title, Qt.TextElideMode.ElideRight, room)
        if self.routine_title.text() != shown:
            self.routine_title.setText(shown)

    def _button(self, name: str, text: str, accessible: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog it would ignore Enter)
        button.clicked.connect(slot)
        return button

    def _bind_keys(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self._space),
            (Qt.Key.Key_Right, self._next),
            (Qt.Key.Key_Left, self._previous),
            (Qt.Key.Key_R, self._restart),
            (Qt.Key.Key_Escape, self.ask_to_stop),
            (Qt.Key.Key_H, self.mark_hurt),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        for digit in range(10):
            # Before the start a digit answers the pain question wherever the focus is (the note keeps its digits).
            shortcut = QShortcut(QKeySequence(Qt.Key(Qt.Key.Key_0 + digit)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda digit=digit: self._pain_digit(digit))
        self.before_check_in.note.returnPressed.connect(self.start_pause_button.setFocus)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _space(self) -> None:
        """Space: start or pause, except on a button with the focus, which does what it says."""
        focused = QApplication.focusWidget()
        its_own = (
            isinstance(focused, QPushButton)
            and focused is not self.start_pause_button
            and focused not in self.before_check_in.buttons
            and self.isAncestorOf(focused)
        )
        if its_own:
            assert isinstance(focused, QPushButton)
            focused.click()
            return
        self._toggle()

    def _pain_digit(self, digit: int) -> None:
        if self.before_check_in.isVisible():
            self.before_check_in.choose_digit(digit)

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        # The hint must never name a key that will not work where the focus is: in the note, Space types.
        if self.driver is not None:
            self._show_hint()

    # -- a session ----------------------------------------------------------

    def play(
        self, plan: Plan, *, clock: Clock | None = None, start_index: int = 0, carried: CarriedOver | None = None
    ) -> SessionDriver:
        """Show ``plan`` on its first segment (or ``start_index``, to resume), paused, ready for Space."""
        self.close_session()
        driver = SessionDriver(plan, clock=clock, start_index=start_index, carried=carried, parent=self)
        driver.segmentChanged.connect(self._on_segment)
        driver.segmentChanged.connect(self._announce_segment)
        driver.stateChanged.connect(self._on_state)
        self._announced_state = driver.session.state
        driver.ticked.connect(self._on_tick)
        self.driver = driver
        from stretch_gui.qt.cue_player import CuePlayer  # only once a routine opens, not at start-up

        self.cues = CuePlayer(driver, self.settings)
        self.apply_settings()
        self._routine_title = plan.routine.title
        self.routine_title.setToolTip(plan.routine.title)
        self.routine_title.setAccessibleDescription(plan.routine.title)
        self._elide_title()
        self.before_check_in.clear()
        self._was_ready = True
        self._on_segment(start_index)
        self._on_state(driver.session.state.value)
        self.start_pause_button.setFocus()
        return driver

    def close_session(self) -> None:
        self._hint_timer.stop()
        self._hint_held = False
        if self.driver is not None:
            self.driver.shutdown()
            self.driver.deleteLater()
            self.driver = None

    def apply_settings(self) -> None:
        reduced = self.settings.reduced_motion
        self.countdown.set_reduced_motion(reduced)
        self.restyle()
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
                Choice(guidance.STOP_IT_HURTS, "destructive", "confirmHurtStopButton", STOPPED_FOR_PAIN),
                Choice(guidance.STOP_PLAIN, "accept", "confirmStopButton", STOPPED_BY_CHOICE),
                Choice(guidance.KEEP_GOING, "reject", "keepGoingButton", ""),
            ],
            default=STOPPED_BY_CHOICE,
            escape="",
            answered=self._stop_answered,
            enter_only=True,
        )

    def _release_hint(self) -> None:
        self._hint_held = False
        if self.driver is not None:
            self._show_hint()

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
        announcer.announce(self, guidance.HURT_NOTED)
        # The note fades after a few seconds: it answers the key press, it is not news for later.
        self._hint_held = True
        self._hint_timer.start()

    # -- showing the session -----------------------------------------------

    def _on_state(self, _state: str) -> None:
        assert self.driver is not None
        state = self.driver.session.state
        if self._was_ready and state is not SessionState.READY:
            self._was_ready = False
            if state is SessionState.RUNNING:
                self.checkedInBefore.emit(self.before_check_in.value(), self.before_check_in.note_text())
        if state is not self._announced_state:
            self._announce_state(state)
        words = guidance.control_words(state)
        self.start_pause_button.setText(words.button)
        self.start_pause_button.setAccessibleName(words.button_with_key)
        self._show_hint()
        self._on_segment(self.driver.session.index)
        if state.is_over:
            self.driver.shutdown()
            self.sessionEnded.emit(self.driver.session.summary())

    def _announce_segment(self, index: int) -> None:
        assert self.driver is not None
        if self.driver.session.state is SessionState.RUNNING:
            announcer.announce(self, guidance.announcement(self.driver.session, index))

    def _announce_state(self, state: SessionState) -> None:
        was, self._announced_state = self._announced_state, state
        if state is SessionState.STOPPED and self.driver is not None and self.driver.session.stop_reason == STOPPED_FOR_PAIN:
            return  # the stop screen says what matters, at once
        if state is SessionState.RUNNING and was is SessionState.READY and self.driver is not None:
            announcer.announce(self, guidance.announcement(self.driver.session, self.driver.session.index))
            return
        announcer.announce(self, guidance.state_announcement(state, was=was))

    def _show_hint(self) -> None:
        if self._hint_held:
            return
        assert self.driver is not None
        typing = self.before_check_in.note.hasFocus()
        hint = guidance.control_words(self.driver.session.state, typing=typing).hint
        if self.hint.text() != hint:
            self.hint.setText(hint)

    def _on_segment(self, index: int) -> None:
        if self.driver is None:
            return
        session = self.driver.session
        segment = session.plan.segments[index]
        words = guidance.segment_words(session, index, breathing_guide=self.settings.show_pacer)
        self._words = words
        self.step_title.setText(words.title)
        self.side_label.setText(words.side)
        self.side_label.setVisible(bool(words.side))
        self.instructions.setText("<br>".join(_line_html(line) for line in words.lines))
        # Before the first start the cautions need the room more than the picture does.
        self.illustration.setVisible(not (words.introducing and words.has_cautions))
        self.before_check_in.setVisible(words.introducing)
        self.next_up.setText(words.next_up)

        pacer_on = segment.breathing is not None and self.settings.show_pacer
        self._guide_on = pacer_on
        self.driver.set_motion(
            smooth=not self.settings.reduced_motion, breath_shape=pacer_on, blending=moves_with_the_breath(segment)
        )
        self.breath_phase.setVisible(segment.breathing is not None)
        # A new style sheet lays the wrapped words out again: the one way the scrolling column re-measures
        # every line (asked once a part begins, not every tick; off screen, showing it lays it out).
        if self.isVisible():
            self._type_key = None
        self._fit_type()
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
        self.countdown.show_breath(breath if self._guide_on else None)
        if self.breath_phase.text() != live.breath:
            self.breath_phase.setText(live.breath)
        self._show_moving_picture(segment, breath)
        if self.cue.text() != live.cue:
            self.cue.setText(live.cue)
        if self.routine_progress.text() != live.progress:
            self.routine_progress.setText(live.progress)
            total = session.plan.total
            # Whole steps of 2 %: a screen reader speaks each change of a progress bar's value, so a value
            # that crept every second would be read out over and over.
            done = (total - session.routine_remaining()) / total if total else 0.0
            self.progress_bar.setValue(round(done * PROGRESS_STEPS) * (1000 // PROGRESS_STEPS))

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
