"""How often a routine was done against how often it was prescribed, and pain over time.

Pure functions over ``SessionRecord``s, for the small charts after a session. Days are
the patient's local calendar days (the day a session started, where it started).

A session counts as done when it finished, or when at least one exercise was completed
before it was stopped or cut short: a patient who stops because something hurts did
part of the work, and a session stopped during the first preparation did none.

The count runs from the later of the window's first day and the day the routine began (its
file's start date, else the first session of it): on day one a routine prescribed twice a day
reads "1 of 2 sessions so far", never "1 of 28".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stretch_gui.core.record.store import History, SessionRecord, SessionStatus
from stretch_gui.core.routine.model import Frequency, Routine
from stretch_gui.core.wording import count, short_date

WINDOW_DAYS = 14


@dataclass(frozen=True)
class DayTally:
    day: date
    sessions: int  # sessions done that day


@dataclass(frozen=True)
class Adherence:
    days: tuple[DayTally, ...]  # every day of the window, oldest first (one bar each)
    sessions_done: int
    sessions_expected: int | None  # None when the routine names no frequency
    frequency: Frequency | None
    counted_from: date | None = None  # the first day counted, when later than the window's first day
    from_start_date: bool = False  # counted_from is the file's start date (else the first session's day)

    @property
    def days_with_session(self) -> int:
        return sum(1 for tally in self.days if tally.sessions)

    @property
    def first_day(self) -> date:
        return self.days[0].day

    @property
    def last_day(self) -> date:
        return self.days[-1].day

    def describe(self) -> str:
        """One plain line, e.g. "9 of 14 sessions in the last 14 days (on 9 days)", or, for a routine
        begun within the window, "1 of 1 session so far since you began on Tue 3 Dec"."""
        done = count(self.sessions_done, "session")
        if self.sessions_expected:
            done = f"{self.sessions_done} of {count(self.sessions_expected, 'session')}"
        if self.counted_from is None:
            return f"{done} in the last {len(self.days)} days (on {count(self.days_with_session, 'day')})"
        if self.counted_from > self.last_day:
            return f"your programme starts on {short_date(self.counted_from)}"
        if self.from_start_date:
            return f"{done} so far since your programme started on {short_date(self.counted_from)}"
        return f"{done} so far since you began on {short_date(self.counted_from)}"


@dataclass(frozen=True)
class PainPoint:
    session_id: int
    started_at: datetime
    before: int | None
    after: int | None


def counts_as_done(record: SessionRecord) -> bool:
    return record.status is SessionStatus.FINISHED or record.exercises_completed > 0


def expected_sessions(frequency: Frequency | None, days: int = WINDOW_DAYS) -> int | None:
    if frequency is None or not frequency.sessions_per_week:
        return None
    return math.ceil(frequency.sessions_per_week * days / 7)


def adherence(
    records: Iterable[SessionRecord],
    frequency: Frequency | None,
    *,
    today: date,
    days: int = WINDOW_DAYS,
    began: date | None = None,
    from_start_date: bool = False,
) -> Adherence:
    """The ``days`` calendar days ending with ``today``: sessions done per day, done vs expected.

    ``began``: the day the routine began (``from_start_date``: the file's start date); the count
    and what is expected run from it when it falls inside the window. Every day keeps its bar.
    """
    if days < 1:
        raise ValueError("the window needs at least one day")
    first = today - timedelta(days=days - 1)
    per_day = {first + timedelta(days=n): 0 for n in range(days)}
    for record in records:
        if record.day in per_day and counts_as_done(record):
            per_day[record.day] += 1
    tallies = tuple(DayTally(day, n) for day, n in per_day.items())
    if began is None or began <= first:
        return Adherence(tallies, sum(per_day.values()), expected_sessions(frequency, days), frequency)
    counted = sum(n for day, n in per_day.items() if day >= began)
    span = (today - began).days + 1
    expected = expected_sessions(frequency, span) if span > 0 else None
    return Adherence(tallies, counted, expected, frequency, counted_from=began, from_start_date=from_start_date)


def began_on(records: Iterable[SessionRecord], start_date: date | None) -> tuple[date | None, bool]:
    """The day a routine began: its file's start date, else the day of its first session that did some
    work (else of its first session at all); with whether it is the start date. (None, False) for none."""
    if start_date is not None:
        return start_date, True
    mine = sorted(records, key=lambda r: (r.started_at, r.id))
    done = [r for r in mine if counts_as_done(r)]
    first = done[0] if done else (mine[0] if mine else None)
    return (first.day if first is not None else None), False


def same_routine(record: SessionRecord, routine: Routine) -> bool:
    """The same routine file (edits by the physio included), or the same title for one without a file."""
    if routine.source is not None:
        return record.routine.file == str(routine.source)
    return not record.routine.file and record.routine.title == routine.title


def routine_adherence(history: History, routine: Routine, *, today: date | None = None, days: int = WINDOW_DAYS) -> Adherence:
    """The two-week picture for one routine, from the history, against its prescribed frequency."""
    today = today or history.today()
    first = today - timedelta(days=days - 1)
    records = [r for r in history.sessions(since=first) if same_routine(r, routine)]
    return adherence(records, routine.frequency, today=today, days=days)


def pain_points(records: Iterable[SessionRecord]) -> list[PainPoint]:
    """Pain before and after each session that has a rating, oldest first."""
    points = [
        PainPoint(r.id, r.started_at, r.pain_before, r.pain_after)
        for r in records
        if r.pain_before is not None or r.pain_after is not None
    ]
    return sorted(points, key=lambda p: p.session_id)
