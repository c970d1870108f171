"""The Qt side of a session: a timer that asks the core to catch up, and Qt signals.

The timer only prompts repaints and lets the core notice deadlines; it never
measures time. It wakes when the core says something on screen next changes
(core.session.frames), at most 25 times a second, and not at all while paused;
a picture that blends with the breath changes at every moment, so it wakes at
the frame rate then (five times a second with reduced motion).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretch_gui.core.routine.plan import Plan
from stretch_gui.core.session import frames
from stretch_gui.core.session.clock import Clock, MonotonicClock
from stretch_gui.core.session.session import CarriedOver, EventKind, Session, SessionEvent, SessionState

ANIMATION_INTERVAL_MS = round(frames.SHORTEST_FRAME * 1000)  # 25 fps at most (frames.next_change keeps to it too)
LABEL_INTERVAL_MS = 200  # a picture that blends with the breath, with reduced motion: 5 steps a second
# A safety net: every count on screen changes once a second anyway; the wake-up for it lands just after it.
LONGEST_WAIT_MS = 1000 + math.ceil(frames.PAST_THE_STEP * 1000)


class SessionDriver(QObject):
    segmentChanged = Signal(int)
    stateChanged = Signal(str)
    ticked = Signal()

    def __init__(
        self,
        plan: Plan,
        *,
        clock: Clock | None = None,
        start_index: int = 0,
        carried: CarriedOver | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = Session(plan, clock or MonotonicClock(), start_index=start_index, carried=carried)
        self.session.subscribe(self._forward)
        self._smooth = True  # no reduced motion
        self._breath_shape = True  # the breathing guide is on screen
        self._blending = False  # a picture that changes with every frame of the breath
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)  # each wake-up sets the next: a waking rate would wake between changes
        self.timer.timeout.connect(self.tick)
        self._schedule()

    def set_motion(self, *, smooth: bool, breath_shape: bool, blending: bool) -> None:
        """What moves on screen: ``smooth`` unless the patient asked for reduced motion, ``breath_shape``
        while the breathing guide shows, ``blending`` while a picture blends with the breath."""
        self._smooth, self._breath_shape, self._blending = smooth, breath_shape, blending
        self._schedule()

    def tick(self) -> None:
        self.session.update()
        self.ticked.emit()
        self._schedule()

    def _forward(self, event: SessionEvent) -> None:
        self._schedule()
        if event.kind is EventKind.SEGMENT_CHANGED:
            self.segmentChanged.emit(event.segment_index)
        else:
            self.stateChanged.emit(event.state.value)

    def _schedule(self) -> None:
        if self.session.state is not SessionState.RUNNING:
            self.timer.stop()
            return
        wait = frames.next_change(self.session, smooth=self._smooth, breath_shape=self._breath_shape)
        interval = LONGEST_WAIT_MS if wait is None else max(1, math.ceil(wait * 1000))
        if self._blending:  # the picture changes with every moment of the breath: the seconds still on time
            interval = min(interval, ANIMATION_INTERVAL_MS if self._smooth else LABEL_INTERVAL_MS)
        self.timer.start(min(LONGEST_WAIT_MS, interval))

    def shutdown(self) -> None:
        self.timer.stop()

    # Commands, so widgets never reach into the session's internals.
    def toggle(self) -> None:
        self.session.toggle()
        self.ticked.emit()

    def pause(self) -> None:
        self.session.pause()
        self.ticked.emit()

    def next(self) -> None:
        self.session.next()
        self.ticked.emit()

    def previous(self) -> None:
        self.session.previous()
        self.ticked.emit()

    def restart_exercise(self) -> None:
        self.session.restart_exercise()
        self.ticked.emit()

    def stop(self, reason: str = "") -> None:
        self.session.stop(reason)
        self.ticked.emit()
