"""Playing a plan: which segment is on, how long is left, what the patient did.

The session owns no timer. Whoever shows it calls ``update()`` now and then;
every answer is computed from deadlines on the injected clock, so a late call
changes only when the screen learns of a change, never the timeline itself: a
segment that ends during a stall ends at its deadline, and the next one starts
there.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from stretch_gui.core.routine.model import ExerciseStep
from stretch_gui.core.routine.plan import Plan, Segment, SegmentKind
from stretch_gui.core.session.breathing import BreathState, breath_at
from stretch_gui.core.session.clock import Clock

RESTART_SEGMENT_AFTER = 2.0  # seconds into a segment after which "previous" restarts it


class SessionState(enum.Enum):
    READY = "ready"  # on the first segment, not started
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"

    @property
    def is_over(self) -> bool:
        return self in (SessionState.FINISHED, SessionState.STOPPED)


class Outcome(enum.Enum):
    COMPLETED = "completed"
    SKIPPED = "skipped"  # the patient moved on before its time ran out
    STOPPED = "stopped"  # the patient stopped the session during it


class EventKind(enum.Enum):
    STATE_CHANGED = "state"
    SEGMENT_CHANGED = "segment"


class Cause(enum.Enum):
    """Why something changed: sounds play only for time running out, history records skips."""

    ELAPSED = "elapsed"  # a deadline passed
    SKIPPED = "skipped"  # the patient moved on early
    JUMPED = "jumped"  # back a segment, or the exercise restarted
    COMMAND = "command"  # start, pause, resume or stop


@dataclass(frozen=True)
class SessionEvent:
    """A change of the session's state or segment, and the clock time it belongs to."""

    kind: EventKind
    state: SessionState
    segment_index: int
    at: float  # clock time the change belongs to (a deadline, not when it was noticed)
    cause: Cause = Cause.COMMAND
    left_index: int | None = None  # the segment just left, for segment changes and finishing
    catching_up: bool = False  # more changes follow in this same update (after a stall)


@dataclass(frozen=True)
class Summary:
    """What a finished or stopped session amounted to."""

    exercises_completed: int
    exercises_skipped: int
    active_seconds: float
    stopped: bool
    stop_reason: str = ""


Listener = Callable[[SessionEvent], None]


@dataclass(frozen=True)
class CarriedOver:
    """What was done before a crash cut a session short: it counts as part of the resumed one."""

    outcomes: Mapping[int, Outcome]
    active_seconds: float


class Session:
    """One play-through of a plan.

    ``start_index`` opens the session, READY and paused, on a later segment: how a routine
    cut short by a crash carries on where it was (see ``stretch_gui.core.record.resume``).
    ``carried`` brings what was done before the crash, so ``outcomes`` and ``summary()``
    describe the whole session: the screen and the history count from this one record.
    """

    def __init__(self, plan: Plan, clock: Clock, *, start_index: int = 0, carried: CarriedOver | None = None) -> None:
        if not plan.segments:
            raise ValueError("a session needs a plan with at least one segment")
        if not 0 <= start_index < len(plan.segments):
            raise ValueError(f"start_index {start_index} is outside the plan's {len(plan.segments)} segments")
        self.plan = plan
        self._clock = clock
        self._listeners: list[Listener] = []
        self._state = SessionState.READY
        self._index = start_index
        self._segment_start = clock.now()  # moved forward by pauses
        self._paused_at: float | None = clock.now()  # READY counts as paused
        self._active_before_segment = carried.active_seconds if carried else 0.0
        self.outcomes: dict[int, Outcome] = dict(carried.outcomes) if carried else {}
        self.stop_reason = ""

    # -- observing -------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, kind: EventKind, at: float, cause: Cause, left_index: int | None = None) -> None:
        catching_up = cause is Cause.ELAPSED and self._state is SessionState.RUNNING and self._deadline_passed()
        event = SessionEvent(kind, self._state, self._index, at, cause, left_index, catching_up)
        for listener in list(self._listeners):
            listener(event)

    # -- what is on now -----------------------------------------------------

    def now(self) -> float:
        """The session's clock now: how late an event is noticed is ``now() - event.at``."""
        return self._clock.now()

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def index(self) -> int:
        return self._index

    @property
    def segment(self) -> Segment:
        return self.plan.segments[self._index]

    def _frozen_now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock.now()

    def elapsed(self) -> float:
        """Seconds into the current segment, not counting pauses."""
        return min(max(0.0, self._frozen_now() - self._segment_start), self.segment.duration)

    def remaining(self) -> float:
        return max(0.0, self.segment.duration - self.elapsed())

    def routine_remaining(self) -> float:
        return self.plan.total - self.segment.start - self.elapsed()

    def breath(self) -> BreathState | None:
        if self.segment.breathing is None or self._state.is_over:
            return None
        return breath_at(self.segment.breathing, self.elapsed())

    def rep_number(self) -> int | None:
        """Which repetition is under way in a reps segment (one per breath)."""
        segment = self.segment
        breath = self.breath()
        if segment.kind is not SegmentKind.REPS or breath is None or segment.reps is None:
            return None
        return min(breath.breath_number, segment.reps)

    @property
    def under_way(self) -> bool:
        """Begun, or carried over from a run cut short, and not over: dropping it would lose something."""
        return not self._state.is_over and self.active_seconds() > 0

    def active_seconds(self) -> float:
        if self._state is SessionState.FINISHED:
            return self._active_before_segment  # the last segment is already counted
        return self._active_before_segment + self.elapsed()

    # -- commands -----------------------------------------------------------

    def start(self) -> None:
        if self._state in (SessionState.READY, SessionState.PAUSED):
            self._resume()

    def pause(self) -> None:
        if self._state is SessionState.RUNNING:
            self.update()
            if self._state is SessionState.RUNNING:
                self._paused_at = self._clock.now()
                self._set_state(SessionState.PAUSED)

    def toggle(self) -> None:
        if self._state is SessionState.RUNNING:
            self.pause()
        else:
            self.start()

    def _resume(self) -> None:
        now = self._clock.now()
        assert self._paused_at is not None
        self._segment_start += now - self._paused_at
        self._paused_at = None
        self._set_state(SessionState.RUNNING)

    def update(self) -> None:
        """Catch up with the clock: finish every segment whose deadline has passed."""
        if self._state is not SessionState.RUNNING:
            return
        while self._state is SessionState.RUNNING and self._deadline_passed():
            self.outcomes[self._index] = Outcome.COMPLETED
            self._go_to(self._index + 1, starting_at=self._segment_start + self.segment.duration, cause=Cause.ELAPSED)

    def _deadline_passed(self) -> bool:
        return self._clock.now() >= self._segment_start + self.segment.duration

    def next(self) -> None:
        """Skip the rest of this segment."""
        if self._state.is_over:
            return
        self.update()
        if self._state.is_over:
            return
        self.outcomes.setdefault(self._index, Outcome.SKIPPED)
        self._go_to(self._index + 1, starting_at=self._frozen_now(), cause=Cause.SKIPPED)

    def previous(self) -> None:
        """Back to the start of this segment, or to the one before if just begun."""
        if self._state.is_over:
            return
        self.update()
        target = self._index
        if self.elapsed() <= RESTART_SEGMENT_AFTER and self._index > 0:
            target = self._index - 1
        self._go_to(target, starting_at=self._frozen_now(), cause=Cause.JUMPED)

    def restart_exercise(self) -> None:
        if self._state.is_over:
            return
        self.update()
        first = self.plan.first_segment_of_step(self.segment.step_index)
        self._go_to(first, starting_at=self._frozen_now(), cause=Cause.JUMPED)

    def stop(self, reason: str = "") -> None:
        if self._state.is_over:
            return
        self.update()
        if self._state.is_over:
            return
        self._paused_at = self._frozen_now()
        self.stop_reason = reason
        started = self._state is not SessionState.READY or self._index in self.outcomes or self.elapsed() > 0
        if started:
            self.outcomes.setdefault(self._index, Outcome.STOPPED)  # stopped part-way, not skipped
        self._set_state(SessionState.STOPPED, left_index=self._index if started else None)

    # -- bookkeeping --------------------------------------------------------

    def _go_to(self, index: int, *, starting_at: float, cause: Cause) -> None:
        self._active_before_segment += self.elapsed()
        left = self._index
        if index >= len(self.plan.segments):
            # Stay on the last segment, shown as run out: nothing left of it or of the routine.
            self._paused_at = starting_at
            self._segment_start = starting_at - self.segment.duration
            self._set_state(SessionState.FINISHED, at=starting_at, cause=cause, left_index=left)
            return
        self._index = index
        self._segment_start = starting_at
        if self._paused_at is not None:
            self._paused_at = starting_at
        self._emit(EventKind.SEGMENT_CHANGED, starting_at, cause, left)

    def _set_state(
        self, state: SessionState, at: float | None = None, cause: Cause = Cause.COMMAND, left_index: int | None = None
    ) -> None:
        if state is self._state:
            return
        self._state = state
        self._emit(EventKind.STATE_CHANGED, self._clock.now() if at is None else at, cause, left_index)

    def summary(self) -> Summary:
        completed, skipped = exercise_counts(self.plan, self.outcomes)
        stopped = self._state is SessionState.STOPPED
        return Summary(completed, skipped, self.active_seconds(), stopped, self.stop_reason if stopped else "")


def exercise_counts(plan: Plan, outcomes: Mapping[int, Outcome]) -> tuple[int, int]:
    """(completed, skipped) exercises, from the outcomes of a plan's segments by index.

    An exercise is completed when every one of its work segments was; skipped when some
    have an outcome but not all were completed, unless the session was stopped during it:
    an exercise stopped part-way is neither. The history uses this too, with outcomes
    gathered across a crash and a resume.
    """
    work_by_step: dict[int, list[int]] = {}
    for i, segment in enumerate(plan.segments):
        # A breathing step is work, but not an exercise (see Routine.exercise_count).
        if segment.kind.is_work and isinstance(segment.step, ExerciseStep):
            work_by_step.setdefault(segment.step_index, []).append(i)
    # Stopped during any of its segments (a hold, or the rest between two sets): stopped, not skipped.
    stopped = {plan.segments[i].step_index for i, r in outcomes.items() if r is Outcome.STOPPED and 0 <= i < len(plan.segments)}
    completed = skipped = 0
    for step_index, indices in work_by_step.items():
        results = [outcomes.get(i) for i in indices]
        if all(r is Outcome.COMPLETED for r in results):
            completed += 1
        elif any(r is not None for r in results) and step_index not in stopped:
            skipped += 1
    return completed, skipped
