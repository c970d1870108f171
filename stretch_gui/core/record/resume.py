"""The resume rule: after a crash, which cut-short session may be carried on, and from where.

A session under way in another running stretch-gui (its owner mark is still held, see
``stretch_gui.qt.owner_mark``) is never offered, nor given up: it is not cut short. Of the
others, the newest is offered again when its routine file still loads and its plan (the
segments played, in order, with their durations) is the one that was played: a comment or
a typo fixed in the file changes nothing, a place in a changed plan means nothing. Otherwise
it is closed as abandoned, with the reason in words, so it is never offered twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stretch_gui.core.digest import sha256
from stretch_gui.core.record.store import History, SessionRecord
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.plan import Plan, build_plan
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.session.session import CarriedOver

LoadRoutine = Callable[[Path], Routine]
IsLive = Callable[[str], bool]  # is the stretch-gui with this owner mark still running?

FILE_GONE = "its routine file can no longer be opened"
PLAN_CHANGED = "its routine has changed since (different exercises or times)"


@dataclass(frozen=True)
class ResumeOffer:
    """A session to offer: the record and the routine it can carry on."""

    record: SessionRecord
    routine: Routine

    @property
    def path(self) -> Path:
        return Path(self.record.routine.file)


@dataclass(frozen=True)
class NotResumable:
    """A cut-short session that cannot be carried on, and why, in words."""

    record: SessionRecord
    reason: str


def plan_digest(plan: Plan) -> str:
    """What identifies a plan for resuming: every segment's kind, exercise, side, set, dose and time."""
    parts = [
        repr((s.kind.value, s.title, s.duration, s.step_index, s.side and s.side.value, s.set_number, s.set_count,
              s.reps, s.breathing))
        for s in plan.segments
    ]
    return sha256("\n".join(parts).encode("utf-8")).hexdigest()


def resume_offer(record: SessionRecord, load: LoadRoutine) -> ResumeOffer | NotResumable:
    """The offer for ``record``, or why it must be given up (file gone or broken, plan changed)."""
    if not record.resumable or not record.routine.file:
        return NotResumable(record, FILE_GONE)
    try:
        routine = load(Path(record.routine.file))
    except RoutineError:
        return NotResumable(record, FILE_GONE)
    if not same_plan(record, routine):
        return NotResumable(record, PLAN_CHANGED)
    return ResumeOffer(record, routine)


def same_plan(record: SessionRecord, routine: Routine) -> bool:
    """Whether ``routine`` plays the plan ``record`` was cut short in (its bytes may differ)."""
    plan = build_plan(routine)
    if len(plan.segments) != record.segment_count:
        return False
    if record.routine.plan_hash:
        return plan_digest(plan) == record.routine.plan_hash
    return routine.content_hash == record.routine.content_hash  # recorded before plans had a digest


def pending_resume(records: Sequence[SessionRecord], load: LoadRoutine, is_live: IsLive) -> ResumeOffer | NotResumable | None:
    """What to do at start-up with the unfinished ``records`` (newest first).

    Sessions whose owner is still running are passed over; the newest of the others is
    offered or given up. None when there is nothing to do.
    """
    for record in records:
        if record.owner and is_live(record.owner):
            continue  # another window is playing it
        return resume_offer(record, load)
    return None


def carried_over(history: History, record: SessionRecord) -> CarriedOver:
    """What the cut-short session had done, for the session that carries it on."""
    return CarriedOver(outcomes=history.outcomes(record.id), active_seconds=record.active_seconds)
