"""The resume rule: after a crash, which cut-short session may be carried on, and from where.

A session is offered again only when its routine file still loads and has exactly the
contents it had: a place in a file that has changed since means nothing. Any other
unfinished session is closed as abandoned so it is never offered twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stretch_gui.core.record.store import History, SessionRecord
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.session.session import CarriedOver

LoadRoutine = Callable[[Path], Routine]


@dataclass(frozen=True)
class ResumeOffer:
    """A session to offer: the record and the routine it can carry on."""

    record: SessionRecord
    routine: Routine

    @property
    def path(self) -> Path:
        return Path(self.record.routine.file)


def resume_offer(record: SessionRecord, load: LoadRoutine) -> ResumeOffer | None:
    """The offer for ``record``, or None when it must be given up (file gone, broken or edited)."""
    if not record.resumable or not record.routine.file:
        return None
    try:
        routine = load(Path(record.routine.file))
    except RoutineError:
        return None
    if routine.content_hash != record.routine.content_hash:
        return None
    return ResumeOffer(record, routine)


def carried_over(history: History, record: SessionRecord) -> CarriedOver:
    """What the cut-short session had done, for the session that carries it on."""
    return CarriedOver(outcomes=history.outcomes(record.id), active_seconds=record.active_seconds)
