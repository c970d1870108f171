"""What the History view says: which routine it is about, the two weeks, each session in words.

Qt-free, so every sentence the view shows (and says to a screen reader) is tested without a
window. The view draws ``HistorySummary``; nothing here paints.

Which routine the two-week picture is about: the one the window is playing or last played;
with none, the routine of the most recent session in the history, its file read again for the
frequency the physio wrote (a file gone or broken leaves just what was done).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from stretch_gui.core.record.adherence import (
    WINDOW_DAYS,
    Adherence,
    PainPoint,
    adherence,
    pain_points,
    same_routine,
)
from stretch_gui.core.record.store import History, SessionRecord
from stretch_gui.core.routine.model import Frequency, Routine
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.wording import (
    count,
    day_heading,
    rough_duration,
    short_date,
    status_words,
)

NO_RATING = "–"  # en dash: a pain rating that was not given

RoutineLoader = Callable[[Path], Routine]


@dataclass(frozen=True)
class Focus:
    """The routine the header line and the day chart are about."""

    title: str
    file: str  # "" for a routine that came from no file
    frequency: Frequency | None

    def matches(self, record: SessionRecord) -> bool:
        if self.file:
            return record.routine.file == self.file
        return not record.routine.file and record.routine.title == self.title


@dataclass(frozen=True)
class DayGroup:
    day: date
    heading: str
    records: tuple[SessionRecord, ...]  # newest first


@dataclass(frozen=True)
class HistorySummary:
    today: date
    focus: Focus | None  # None only when there is no routine and no session at all
    adherence: Adherence | None
    pain: tuple[PainPoint, ...]  # the window's sessions with a rating, oldest first, any routine
    days: tuple[DayGroup, ...]  # every session, newest day first
    session_count: int

    @property
    def is_empty(self) -> bool:
        return self.session_count == 0

    def heading(self) -> str:
        """E.g. "Back spasm relief: 9 of 28 sessions in the last 14 days (on 9 days)"."""
        if self.focus is None or self.adherence is None:
            return "No sessions yet"
        return f"{self.focus.title}: {self.adherence.describe()}"

    def plan_line(self) -> str:
        if self.focus is None:
            return ""
        frequency = self.focus.frequency.describe() if self.focus.frequency else ""
        if not frequency:
            return "This routine does not say how often to do it, so this is just what was done."
        return f"Planned: {frequency}. A session counts once at least one exercise was done."


def focus_for(routine: Routine | None, records: Sequence[SessionRecord], *, load: RoutineLoader | None = None) -> Focus | None:
    """The routine in use, else the latest session's (``records`` newest first)."""
    if routine is not None:
        return Focus(routine.title, str(routine.source) if routine.source is not None else "", routine.frequency)
    if not records:
        return None
    info = records[0].routine
    frequency = None
    if info.file and load is not None:
        try:
            frequency = load(Path(info.file)).frequency
        except (RoutineError, OSError):
            frequency = None  # moved, deleted or broken since: show what was done, without a goal
    return Focus(info.title, info.file, frequency)


def summarize(
    history: History,
    *,
    routine: Routine | None = None,
    load: RoutineLoader | None = None,
    days: int = WINDOW_DAYS,
) -> HistorySummary:
    """Read the history once and say everything the view shows. Raises ``HistoryError``."""
    today = history.today()
    records = history.sessions()
    focus = focus_for(routine, records, load=load)
    tally = None
    if focus is not None:
        # Same rule as routine_adherence; a Routine in hand is matched exactly as it does.
        mine = [r for r in records if (same_routine(r, routine) if routine is not None else focus.matches(r))]
        tally = adherence(mine, focus.frequency, today=today, days=days)
    first = today - timedelta(days=days - 1)
    recent = [r for r in records if first <= r.day <= today]
    return HistorySummary(
        today=today,
        focus=focus,
        adherence=tally,
        pain=tuple(pain_points(recent)),
        days=tuple(group_by_day(records, today=today)),
        session_count=len(records),
    )


def group_by_day(records: Iterable[SessionRecord], *, today: date) -> list[DayGroup]:
    """Sessions under their day, newest day first and newest session first within it."""
    by_day: dict[date, list[SessionRecord]] = {}
    for record in sorted(records, key=lambda r: (r.started_at, r.id), reverse=True):
        by_day.setdefault(record.day, []).append(record)
    return [DayGroup(day, day_heading(day, today=today), tuple(found)) for day, found in by_day.items()]


# -- words ----------------------------------------------------------------------------


def result_words(record: SessionRecord) -> str:
    return status_words(record.status, record.stop_reason)


def exercises_text(record: SessionRecord) -> str:
    done = f"{record.exercises_completed} done"
    return f"{done}, {record.exercises_skipped} skipped" if record.exercises_skipped else done


def pain_text(record: SessionRecord) -> str:
    """E.g. "5 → 3"; "" when neither rating was given."""
    if record.pain_before is None and record.pain_after is None:
        return ""
    before = NO_RATING if record.pain_before is None else str(record.pain_before)
    after = NO_RATING if record.pain_after is None else str(record.pain_after)
    return f"{before} → {after}"


def hurt_text(marks: int) -> str:
    return count(marks, "hurt mark") if marks else ""


def session_sentence(record: SessionRecord) -> str:
    """The whole row in words, for a screen reader."""
    parts = [
        record.started_at.strftime("%H:%M"),
        record.routine.title,
        result_words(record),
        f"exercises {exercises_text(record)}",
        rough_duration(record.active_seconds, spelled=True),
    ]
    pain = _pain_words(record.pain_before, record.pain_after)
    if pain:
        parts.append(pain)
    if record.hurt_marks:
        parts.append(hurt_text(record.hurt_marks))
    sentence = ", ".join(parts)
    notes = notes_text(record)
    return ". ".join([sentence, *notes.splitlines()])


def notes_text(record: SessionRecord) -> str:
    """The patient's notes with the pain ratings, one line each; "" when none were written."""
    lines = [f"Note before: {record.note_before}" if record.note_before else "",
             f"Note after: {record.note_after}" if record.note_after else ""]
    return "\n".join(line for line in lines if line)


def _pain_words(before: int | None, after: int | None) -> str:
    said = []
    if before is not None:
        said.append(f"pain {before} before")
    if after is not None:
        said.append(f"{'' if said else 'pain '}{after} after")
    return " and ".join(said)


def sessions_chart_description(tally: Adherence) -> str:
    days = "; ".join(f"{short_date(t.day)}: {t.sessions}" for t in tally.days)
    text = f"Sessions each day, oldest first. {days}."
    if tally.frequency is not None and tally.frequency.per_day:
        text += f" Planned: {tally.frequency.describe()}."
    return text


def pain_chart_description(points: Sequence[PainPoint]) -> str:
    if not points:
        return "No pain ratings yet."
    said = "; ".join(
        f"{short_date(p.started_at.date())} {p.started_at:%H:%M}: {_pain_words(p.before, p.after)}" for p in points
    )
    return f"Pain from 0 (none) to 10 (worst), before and after each session, oldest first. {said}."
