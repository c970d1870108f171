"""Writing a session into the history as it is played.

``SessionRecorder(history, session)`` subscribes to the session and saves, each time in
one transaction: the session row at the first start (or the first skip), each segment's
outcome as it is left (time ran out: completed; the patient moved on: skipped), the
segment now on (where a resume would start), and the end: finished, or stopped with
``session.stop_reason``. A stall that ends several segments at once is saved in one go.

A write that fails (disk full, file locked by another instance) must not stop the
routine, so inside the session's events the recorder never raises: it keeps what it
could not save, calls ``on_error`` with the ``HistoryError`` the first time writes start
failing, and tries again with the next event; ``flush()`` tries again now (e.g. from a
"Try again" button, or before closing). ``last_error`` holds the latest failure.
The methods the UI calls directly (check-ins, "this hurt") raise ``HistoryError``.

Resuming after a crash (the rule is ``stretch_gui.core.record.resume``)::

    session = Session(plan, clock, start_index=record.resume_index, carried=carried_over(history, record))
    recorder = SessionRecorder(history, session, resume=record)  # same row, counts carry on
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from stretch_gui.core.record.resume import plan_digest, same_plan
from stretch_gui.core.record.store import (
    History,
    HistoryError,
    Moment,
    RoutineInfo,
    SegmentOutcome,
    SessionRecord,
    SessionStatus,
)
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.plan import Plan
from stretch_gui.core.session.session import (
    EventKind,
    Outcome,
    Session,
    SessionEvent,
    SessionState,
)

ErrorHandler = Callable[[HistoryError], None]


def routine_info(routine: Routine, plan: Plan | None = None) -> RoutineInfo:
    return RoutineInfo(
        title=routine.title,
        file=str(routine.source) if routine.source else "",
        content_hash=routine.content_hash,
        prescribed=routine.prescribed,
        revision=routine.revision,
        plan_hash=plan_digest(plan) if plan is not None else "",
    )


class SessionRecorder:
    """Keeps one session's record up to date in ``history``.

    Args:
        history: where to write.
        session: the session to follow; the recorder subscribes to it at once.
        resume: an unfinished record (``History.unfinished_session()``) this session carries
            on; the session must have been made with ``start_index=resume.resume_index``
            from the same routine file contents.
        on_error: called with the failure when saving starts failing (not on every retry).

    Raises:
        ValueError: ``resume`` does not belong to this routine or cannot be resumed.
        HistoryError: reading the resumed session's outcomes failed.
    """

    def __init__(
        self,
        history: History,
        session: Session,
        *,
        resume: SessionRecord | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        self._history = history
        self._session = session
        self._on_error = on_error
        self.last_error: HistoryError | None = None
        self._routine = routine_info(session.plan.routine, session.plan)
        self._outcomes: dict[int, Outcome] = {}  # every outcome the history holds, to save only what changed
        self._unsaved: dict[int, SegmentOutcome] = {}
        self._status = SessionStatus.RUNNING
        self._ended_at: datetime | None = None
        self._pending_before: tuple[int | None, str] | None = None
        self.session_id: int | None = None
        if resume is not None:
            self._take_over(resume)
        session.subscribe(self._on_event)

    def _take_over(self, record: SessionRecord) -> None:
        if not record.resumable:
            raise ValueError(f"session {record.id} is {record.status.value}, not waiting to be resumed")
        if not same_plan(record, self._session.plan.routine):
            raise ValueError(f"session {record.id} was a different version of this routine; it cannot be resumed")
        if self._session.index != record.resume_index:
            raise ValueError(f"resume session {record.id} with Session(..., start_index={record.resume_index})")
        saved = self._history.outcomes(record.id)
        if dict(self._session.outcomes) != saved:
            raise ValueError(f"make the session with carried=carried_over(history, record) to resume session {record.id}")
        self.session_id = record.id
        self._outcomes = saved

    # -- following the session ----------------------------------------------------------

    def _on_event(self, event: SessionEvent) -> None:
        session = self._session
        if event.left_index is not None and event.left_index in session.outcomes:
            left = event.left_index
            outcome = session.outcomes[left]
            if self._outcomes.get(left) is not outcome:
                self._outcomes[left] = outcome
                segment = session.plan.segments[left]
                self._unsaved[left] = SegmentOutcome(left, segment.kind.value, segment.title, outcome)
        if event.kind is EventKind.STATE_CHANGED and event.state.is_over:
            self._status = SessionStatus.FINISHED if event.state is SessionState.FINISHED else SessionStatus.STOPPED
            # The end is when the session ended (a deadline noticed late counts from the deadline),
            # not when the save succeeds or the window closes.
            late = max(0.0, session.now() - event.at)
            self._ended_at = self._history.wall_time() - timedelta(seconds=late)
        if event.catching_up:
            return  # the rest of this stall follows at once: save it all together
        started = event.kind is EventKind.STATE_CHANGED and event.state is SessionState.RUNNING
        if self.session_id is None and not (started or self._unsaved):
            return  # nothing has happened yet worth a record (e.g. stopped before starting)
        if event.kind is EventKind.STATE_CHANGED and event.state is SessionState.PAUSED and not self._unsaved:
            return
        self._try_to_save()

    def _try_to_save(self) -> bool:
        try:
            self.flush_or_raise()
        except HistoryError as exc:
            first = self.last_error is None
            self.last_error = exc
            if first and self._on_error is not None:
                self._on_error(exc)
            return False
        self.last_error = None
        return True

    def flush(self) -> bool:
        """Save whatever is not saved yet; False (and ``last_error`` set) if that failed."""
        if self.session_id is None and not self._unsaved and self._session.state is SessionState.READY:
            return True
        return self._try_to_save()

    def flush_or_raise(self) -> None:
        """Like ``flush`` but raises the ``HistoryError``."""
        if self.session_id is None:
            self.session_id = self._history.start_session(
                self._routine, segment_count=len(self._session.plan.segments), start_index=self._session.index
            )
            if self._pending_before is not None:
                rating, note = self._pending_before
                self._history.add_check_in(self.session_id, Moment.BEFORE, rating=rating, note=note)
                self._pending_before = None
        completed, skipped = self.exercise_counts()
        self._history.save_progress(
            self.session_id,
            outcomes=list(self._unsaved.values()),
            current_index=self._session.index,
            active_seconds=self.active_seconds(),
            exercises_completed=completed,
            exercises_skipped=skipped,
            status=self._status,
            stop_reason=self._session.stop_reason if self._status is SessionStatus.STOPPED else "",
            ended_at=self._ended_at,
        )
        self._unsaved.clear()

    # -- what the UI asks and tells --------------------------------------------------

    def active_seconds(self) -> float:
        """Time in the routine, pauses excluded, including any time before a crash."""
        return self._session.active_seconds()

    def exercise_counts(self) -> tuple[int, int]:
        """(completed, skipped) over the whole session, including any part before a crash."""
        summary = self._session.summary()
        return summary.exercises_completed, summary.exercises_skipped

    def check_in_before(self, *, rating: int | None, note: str = "") -> None:
        """Pain before starting. Kept until the session starts, so a routine opened and
        closed without starting leaves no record."""
        if self.session_id is None:
            if rating is not None and not (isinstance(rating, int) and 0 <= rating <= 10):
                raise ValueError(f"a pain rating is a whole number from 0 to 10, not {rating!r}")
            self._pending_before = (rating, note)
            return
        self._history.add_check_in(self.session_id, Moment.BEFORE, rating=rating, note=note)

    def check_in_after(self, *, rating: int | None, note: str = "") -> None:
        """Pain after the session has finished or been stopped."""
        if not self._session.state.is_over:
            raise ValueError("the after check-in comes once the session has finished or stopped")
        if self.session_id is None:
            raise ValueError("nothing was recorded: the session never started")
        self._history.add_check_in(self.session_id, Moment.AFTER, rating=rating, note=note)

    def mark_hurt(self) -> None:
        """The patient pressed "this hurt": remember when, in which segment and exercise."""
        if self.session_id is None:
            self.flush_or_raise()
        assert self.session_id is not None
        session = self._session
        self._history.add_hurt_mark(
            self.session_id,
            segment_index=session.index,
            exercise_title=session.segment.title,
            seconds_into_segment=round(session.elapsed(), 1),
        )
