"""The Qt side of a session: a timer that asks the core to catch up, and Qt signals.

The timer only prompts repaints and lets the core notice deadlines; it never
measures time. It runs at animation rate only while something animates.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretch_gui.core.routine.plan import Plan
from stretch_gui.core.session.clock import Clock, MonotonicClock
from stretch_gui.core.session.session import CarriedOver, EventKind, Session, SessionEvent, SessionState

ANIMATION_INTERVAL_MS = 40  # 25 fps: a circle that takes 5 s to grow looks smooth at this rate
LABEL_INTERVAL_MS = 200  # countdown labels and the reduced-motion bar


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
        self._animate = True
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self._sync_timer()

    def set_animating(self, animate: bool) -> None:
        self._animate = animate
        self._sync_timer()

    def tick(self) -> None:
        self.session.update()
        self.ticked.emit()

    def _forward(self, event: SessionEvent) -> None:
        if event.kind is EventKind.SEGMENT_CHANGED:
            self.segmentChanged.emit(event.segment_index)
        else:
            self._sync_timer()
            self.stateChanged.emit(event.state.value)

    def _sync_timer(self) -> None:
        if self.session.state is not SessionState.RUNNING:
            self.timer.stop()
            return
        interval = ANIMATION_INTERVAL_MS if self._animate else LABEL_INTERVAL_MS
        if not self.timer.isActive() or self.timer.interval() != interval:
            self.timer.start(interval)

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
