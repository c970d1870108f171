"""The next-morning pain check: when to ask it, and the advice its answer gets.

The pain-monitoring model (Thomeé 1997) asks that pain after exercise settles by the next
morning. So on the first start of the day after a session, the patient is asked how their
back is compared with before yesterday's session (better, the same, worse) and their pain
now from 0 to 10. The advice follows the model and is never a diagnosis:

* pain above the acceptable pain (5 unless the routine's file sets it) this morning: contact
  the physio (and ease back until then);
* worse, and as many worse mornings in a row as the file allows (two unless it sets it,
  counting the checks made, since one is made only after a day with a session): contact the physio;
* worse, fewer times in a row: ease back;
* better or the same: keep going.

The thresholds are the physio's (``pain_monitoring`` in the routine file, read into
``PainMonitoring``); the model's are the defaults.

Nothing here reads the clock: ``today`` always comes from the caller.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from stretch_gui.core.record.adherence import counts_as_done
from stretch_gui.core.record.store import History, SessionRecord
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring, Routine
from stretch_gui.core.routine.problems import RoutineError

PAIN_LIMIT = DEFAULT_PAIN_MONITORING.acceptable_pain  # the model's acceptable pain, 0-10, when the file sets none


class Compared(enum.Enum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class Advice(enum.Enum):
    KEEP_GOING = "keep going"
    EASE_BACK = "ease back"
    CONTACT_PHYSIO_WORSE = "contact physio: worse two mornings in a row"
    CONTACT_PHYSIO_PAIN = "contact physio: pain above the limit"


@dataclass(frozen=True)
class MorningCheck:
    session_id: int | None  # the session it is about (None once that session was deleted)
    rating: int
    compared: Compared
    advice: Advice
    at: datetime  # local time with its UTC offset

    @property
    def day(self) -> date:
        return date.fromisoformat(self.at.isoformat()[:10])


def session_to_ask_about(
    records: Iterable[SessionRecord], checks: Iterable[MorningCheck], *, today: date, put_off_on: date | None = None
) -> SessionRecord | None:
    """Yesterday's last session that did some work, when no morning check was made about it or today; else None.

    Only yesterday's: "compared with before yesterday's session" means nothing two days later.
    ``put_off_on``: the day the patient last answered "Not now"; that day they are not asked again.
    """
    if put_off_on == today:
        return None
    yesterday = today - timedelta(days=1)
    done = [r for r in records if r.day == yesterday and counts_as_done(r)]
    if not done:
        return None
    last = max(done, key=lambda r: (r.started_at, r.id))
    if any(check.session_id == last.id or check.day == today for check in checks):
        return None
    return last


def advice(
    rating: int, compared: Compared, earlier: Sequence[MorningCheck], *, limits: PainMonitoring = DEFAULT_PAIN_MONITORING
) -> Advice:
    """The advice for this morning's answer; ``earlier`` holds the checks made before it, oldest first."""
    if not 0 <= rating <= 10:
        raise ValueError(f"a pain rating is a whole number from 0 to 10, not {rating!r}")
    if rating > limits.acceptable_pain:
        return Advice.CONTACT_PHYSIO_PAIN
    if compared is Compared.WORSE:
        if worse_in_a_row(earlier) + 1 >= limits.worse_mornings:
            return Advice.CONTACT_PHYSIO_WORSE
        return Advice.EASE_BACK
    return Advice.KEEP_GOING


def worse_in_a_row(checks: Sequence[MorningCheck]) -> int:
    """How many of the latest checks (oldest first) said worse, counting back to one that did not."""
    streak = 0
    for check in reversed(checks):
        if check.compared is not Compared.WORSE:
            break
        streak += 1
    return streak


def routine_of(record: SessionRecord, load: Callable[[Path], Routine] | None) -> Routine | None:
    """The routine ``record`` played, read from its file again; None when it came from no file, or
    its file is gone or broken."""
    if not record.routine.file or load is None:
        return None
    try:
        return load(Path(record.routine.file))
    except (RoutineError, OSError):
        return None


def limits_for(routine: Routine | None) -> PainMonitoring:
    """The thresholds of ``routine`` (from ``routine_of``); the model's when its file could not be read
    (the advice must still be given)."""
    return routine.pain_monitoring if routine is not None else DEFAULT_PAIN_MONITORING


def offers_easier(given: Advice) -> bool:
    """Whether an easier session is offered after this advice: every advice but "keep going" says to ease back."""
    return given is not Advice.KEEP_GOING


def load_checks(history: History) -> list[MorningCheck]:
    """Every morning check kept in ``history``, oldest first. Raises ``HistoryError``."""
    return [
        MorningCheck(sid, rating, Compared(compared), Advice(advice), at)
        for sid, rating, compared, advice, at in history.morning_checks()
    ]


def record_check(
    history: History,
    session: SessionRecord | None,
    *,
    rating: int,
    compared: Compared,
    limits: PainMonitoring = DEFAULT_PAIN_MONITORING,
) -> Advice:
    """Work out the advice for this morning's answer and keep both. Raises ``HistoryError``."""
    given = advice(rating, compared, load_checks(history), limits=limits)
    history.add_morning_check(session.id if session else None, rating=rating, compared=compared.value, advice=given.value)
    return given
