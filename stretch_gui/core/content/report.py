"""The progress report a patient takes to their next appointment, as plain data.

One or two pages a physio reads in a minute: who and what, sessions done week by week
against the prescription, pain before and after, the "this hurt" marks by exercise, the
sessions stopped and why, and which stage of the programme each week was in. Every word
and number is decided here; ``stretch_gui.qt.report_pdf`` only places them on paper.

Weeks follow the programme when the routine gives a start (or prescription) date, so
"Week 3" here is the patient's week 3; without one they are 7-day blocks from the first
day of the report. Facts only: the report points at what the pain-monitoring model asks a
physio to look at (pain after above 5, pain rising from week to week), it diagnoses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stretch_gui.core.content import goals as goal_words
from stretch_gui.core.record.adherence import counts_as_done, expected_sessions, same_routine
from stretch_gui.core.record.goals import Goals
from stretch_gui.core.record.morning import PAIN_LIMIT, Advice, Compared, MorningCheck, load_checks
from stretch_gui.core.record.store import History, HurtMark, SessionRecord, SessionStatus
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.stages import day_of, first_day, for_day
from stretch_gui.core.wording import (
    MONTHS,
    STOPPED_BY_CHOICE,
    STOPPED_FOR_PAIN,
    count,
    full_date,
    short_date,
    weeks_span,
)

TITLE = "Progress report"
NO_RATING = "–"  # en dash: no rating that week
COLUMNS = ("Week", "Stage", "Sessions", "Pain before", "Pain after", "Hurt marks", "Stopped")
def pain_note(limit: int = PAIN_LIMIT) -> str:
    """The note under the table; ``limit`` is the routine's acceptable pain (the model's 5 unless the file sets one)."""
    return (
        "Pain is rated 0 (none) to 10 (worst imaginable): the week's average, with the lowest and highest in brackets. "
        f"Sessions are those with at least one exercise done. The pain-monitoring model accepts pain up to {limit} "
        "and asks that pain settles by the next morning and does not rise from week to week. "
        "These are the patient's own records, not a diagnosis."
    )


PAIN_NOTE = pain_note()
NO_SESSIONS = "No sessions of this routine were recorded in this period."
NO_HURT_MARKS = "No exercise was marked as hurting."
NO_STOPS = "No session was stopped."

# File › Export progress report…
DEFAULT_WEEKS = 4  # the dialog's first guess at the time since the last appointment
DIALOG_TITLE = "Export progress report"
DIALOG_INTRO = (
    "A one- or two-page PDF for your physio: how often you did this routine, your pain before and after, "
    "what hurt, and any sessions you stopped."
)
SINCE_LABEL = "Sessions from:"
NOT_SAVED_TITLE = "Report not saved"


def not_saved(reason: object) -> str:
    return f"The progress report could not be saved.\n\n{reason}"


def saved(path: object) -> str:
    return f"Progress report saved: {path}"


def default_since(today: date) -> date:
    """The first day the dialog offers: the last ``DEFAULT_WEEKS`` weeks, today included."""
    return today - timedelta(days=7 * DEFAULT_WEEKS - 1)


def file_name(stem: str, today: date) -> str:
    return f"{stem}-progress-{today.isoformat()}.pdf"


@dataclass(frozen=True)
class WeekRow:
    first: date
    last: date
    cells: tuple[str, ...]  # one per COLUMNS entry
    rose: bool  # the average pain before was higher than in the week before


@dataclass(frozen=True)
class ProgressReport:
    title: str  # the routine's
    patient: str
    author: str
    revision: str
    prescribed: str  # "3 November 2026", or ""
    period: str  # "3 November 2026 to 30 November 2026"
    plan: str  # "Planned: once a day", or what to do without a frequency
    headlines: tuple[str, ...]  # the few sentences read first
    weeks: tuple[WeekRow, ...]
    hurts: tuple[str, ...]  # "Cat-cow: 3 marks in 2 sessions, last on Tue 10 Nov"
    stops: tuple[str, ...]  # "Tue 11 Nov 18:05: it hurt (2 exercises done)"
    stages: tuple[str, ...]  # the stages reached, one line each
    goals: tuple[str, ...] = ()  # the patient's own goals (PSFS), first and latest score each; () when never rated
    goals_note: str = goal_words.REPORT_NOTE
    pain_note: str = PAIN_NOTE
    columns: tuple[str, ...] = COLUMNS

    @property
    def heading(self) -> str:
        return f"{TITLE}: {self.title}"

    @property
    def footer(self) -> str:
        parts = [TITLE, self.title]
        if self.revision:
            parts.append(f"revision {self.revision}")
        return " · ".join(parts)


def build_report(
    routine: Routine,
    records: Iterable[SessionRecord],
    hurt_marks: Mapping[int, Sequence[HurtMark]],
    *,
    today: date,
    since: date | None = None,
    mornings: Sequence[MorningCheck] = (),
    goals: Goals | None = None,
) -> ProgressReport:
    """The report on ``records`` (this routine's sessions) from ``since`` (default: the first one) to ``today``."""
    inside = (r for r in records if (since is None or r.day >= since) and r.day <= today)
    mine = sorted(inside, key=lambda r: (r.started_at, r.id))
    first = since or (mine[0].day if mine else today)
    first = min(first, today)
    weeks = _weeks(routine, mine, hurt_marks, first=first, last=today)
    prescribed = _iso(routine.prescribed)
    frequency = routine.frequency.describe() if routine.frequency else ""
    return ProgressReport(
        title=routine.title,
        patient=routine.patient,
        author=routine.author,
        revision=routine.revision,
        prescribed=full_date(prescribed) if prescribed else "",
        period=f"{full_date(first)} to {full_date(today)}",
        plan=f"Planned: {frequency}." if frequency else "The routine does not say how often: the counts are what was done.",
        headlines=_headlines(routine, mine, weeks, first=first, last=today) + _mornings(mine, mornings),
        weeks=tuple(weeks),
        hurts=_hurts(mine, hurt_marks),
        stops=_stops(mine),
        stages=_stages_reached(routine, _week_bounds(routine, first, today), today=today),
        goals=_goals(goals, since=since, today=today),
        pain_note=pain_note(routine.pain_monitoring.acceptable_pain),
    )


def report_from_history(history: History, routine: Routine, *, since: date | None, today: date) -> ProgressReport:
    """The report on ``routine``'s sessions kept in ``history``. Raises ``HistoryError``."""
    records = [r for r in history.sessions(since=since) if same_routine(r, routine)]
    marks = {r.id: history.hurt_marks(r.id) for r in records if r.hurt_marks}
    return build_report(routine, records, marks, today=today, since=since, mornings=load_checks(history), goals=history.goals())


def _goals(goals: Goals | None, *, since: date | None, today: date) -> tuple[str, ...]:
    """The goals' lines: none when the patient never rated any, a line saying so when none fall in the period."""
    if goals is None or not goals.ratings:
        return ()
    return goal_words.report_lines(goals, since=since, until=today) or (goal_words.REPORT_NONE,)


# -- weeks -------------------------------------------------------------------------------


def _week_bounds(routine: Routine, first: date, last: date) -> list[tuple[date, date]]:
    """7-day blocks covering ``first``..``last``, on the programme's weeks when it has a start date."""
    start = first_day(routine)
    anchor = start if start is not None and start <= first else first
    if start is not None and start > first:
        anchor = start - timedelta(days=7 * ((start - first).days // 7 + 1))  # before the start: same weekday grid
    begin = anchor + timedelta(days=7 * ((first - anchor).days // 7))
    bounds = []
    while begin <= last:
        end = begin + timedelta(days=6)
        bounds.append((max(begin, first), min(end, last)))
        begin = end + timedelta(days=1)
    return bounds


def _weeks(
    routine: Routine,
    records: Sequence[SessionRecord],
    hurt_marks: Mapping[int, Sequence[HurtMark]],
    *,
    first: date,
    last: date,
) -> list[WeekRow]:
    rows: list[WeekRow] = []
    previous: float | None = None
    for begin, end in _quiet_weeks_together(_week_bounds(routine, first, last), records):
        inside = [r for r in records if begin <= r.day <= end]
        done = sum(1 for r in inside if counts_as_done(r))
        expected = expected_sessions(routine.frequency, (end - begin).days + 1)
        sessions = f"{done} of {expected}" if expected else str(done)
        befores = [r.pain_before for r in inside if r.pain_before is not None]
        afters = [r.pain_after for r in inside if r.pain_after is not None]
        average = sum(befores) / len(befores) if befores else None
        rose = average is not None and previous is not None and average > previous
        hurts = sum(len(hurt_marks.get(r.id, ())) for r in inside)
        stopped = sum(1 for r in inside if r.status is SessionStatus.STOPPED)
        cells = (
            _span(begin, end),
            _stage_cell(routine, begin, end),
            sessions,
            _pain(befores) + (" ↑" if rose else ""),
            _pain(afters),
            str(hurts) if hurts else "",
            str(stopped) if stopped else "",
        )
        rows.append(WeekRow(begin, end, cells, rose))
        if average is not None:
            previous = average
    return rows


def _span(begin: date, end: date) -> str:
    """"2–8 Mar", "30 Mar – 5 Apr", "3 Mar": short enough for a table cell."""
    month = MONTHS[begin.month - 1][:3]
    if begin == end:
        return f"{begin.day} {month}"
    if (begin.year, begin.month) == (end.year, end.month):
        return f"{begin.day}–{end.day} {month}"
    return f"{begin.day} {month} – {end.day} {MONTHS[end.month - 1][:3]}"


def _quiet_weeks_together(bounds: Sequence[tuple[date, date]], records: Sequence[SessionRecord]) -> list[tuple[date, date]]:
    """Weeks in a row without a single session as one span, so months away keep the table short."""
    spans: list[tuple[date, date]] = []
    quiet_before = False
    for begin, end in bounds:
        quiet = not any(begin <= r.day <= end for r in records)
        if quiet and quiet_before:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((begin, end))
        quiet_before = quiet
    return spans


def _stage_cell(routine: Routine, begin: date, end: date) -> str:
    """"Week 3" (or "Weeks 5–9" for a quiet span), on a staged routine; "" otherwise."""
    if not routine.staged:
        return ""
    first, last = day_of(for_day(routine, begin)), day_of(for_day(routine, end))
    if first is None or last is None:
        return ""
    if not first.dated:
        return "Week 1 (no start date)"
    if last.starts is not None:
        return "Before the start"
    week = 1 if first.starts is not None else first.week
    return weeks_span(week, last.week)


def _pain(ratings: Sequence[int]) -> str:
    """"4.5 (3–6)": the average with the lowest and highest; one rating alone as itself."""
    if not ratings:
        return NO_RATING
    average = f"{sum(ratings) / len(ratings):.1f}".removesuffix(".0")
    low, high = min(ratings), max(ratings)
    return average if low == high else f"{average} ({low}–{high})"


# -- the rest ----------------------------------------------------------------------------


def _headlines(
    routine: Routine, records: Sequence[SessionRecord], weeks: Sequence[WeekRow], *, first: date, last: date
) -> tuple[str, ...]:
    if not records:
        return (NO_SESSIONS,)
    done = sum(1 for r in records if counts_as_done(r))
    days = (last - first).days + 1
    expected = expected_sessions(routine.frequency, days)
    lines = []
    if expected:
        share = round(100 * done / expected)
        lines.append(f"{done} of {count(expected, 'planned session')} done ({share} %) over {count(days, 'day')}.")
    else:
        lines.append(f"{count(done, 'session')} done over {count(days, 'day')}.")
    lines.append(f"Last session: {short_date(records[-1].day)}.")
    befores = [r.pain_before for r in records if r.pain_before is not None]
    afters = [r.pain_after for r in records if r.pain_after is not None]
    if befores:
        lines.append(_trend("Pain before sessions", records, lambda r: r.pain_before))
    if afters:
        lines.append(_trend("Pain after sessions", records, lambda r: r.pain_after))
        limit = routine.pain_monitoring.acceptable_pain
        high = sum(1 for rating in afters if rating > limit)
        if high:
            lines.append(f"Pain after the session was above {limit} {_times(high)}.")
    rising = [row for row in weeks if row.rose]
    if rising:
        which = ", ".join(row.cells[0] for row in rising)
        lines.append(f"Average pain before sessions rose from the week before in: {which} (marked ↑).")
    if not befores and not afters:
        lines.append("No pain ratings were given.")
    return tuple(lines)


def _trend(label: str, records: Sequence[SessionRecord], rating: Callable[[SessionRecord], int | None]) -> str:
    rated = [(r, value) for r in records if (value := rating(r)) is not None]
    first_day_, first_value = rated[0][0].day, rated[0][1]
    last_day_, last_value = rated[-1][0].day, rated[-1][1]
    if len(rated) == 1:
        return f"{label}: {first_value} on {short_date(first_day_)}."
    return f"{label}: {first_value} on {short_date(first_day_)}, {last_value} on {short_date(last_day_)}."


def _mornings(records: Sequence[SessionRecord], checks: Sequence[MorningCheck]) -> tuple[str, ...]:
    """The next-morning checks about these sessions, in one or two sentences; none when none were made."""
    ids = {r.id for r in records}
    mine = [c for c in checks if c.session_id in ids]
    if not mine:
        return ()
    worse = [c for c in mine if c.compared is Compared.WORSE]
    if worse:
        days = ", ".join(short_date(c.day) for c in worse)
        text = f"Next-morning checks: {len(mine)}; worse than before the session on {count(len(worse), 'morning')} ({days})."
    else:
        text = f"Next-morning checks: {len(mine)}; never worse than before the session."
    told = [c for c in mine if c.advice in (Advice.CONTACT_PHYSIO_PAIN, Advice.CONTACT_PHYSIO_WORSE)]
    if not told:
        return (text,)
    return (text, f"Advised to contact the physio on {', '.join(short_date(c.day) for c in told)}.")


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _hurts(records: Sequence[SessionRecord], hurt_marks: Mapping[int, Sequence[HurtMark]]) -> tuple[str, ...]:
    by_exercise: dict[str, list[tuple[SessionRecord, HurtMark]]] = {}
    for record in records:
        for mark in hurt_marks.get(record.id, ()):
            by_exercise.setdefault(mark.exercise_title, []).append((record, mark))
    if not by_exercise:
        return (NO_HURT_MARKS,)
    lines = []
    for title, marks in sorted(by_exercise.items(), key=lambda item: (-len(item[1]), item[0])):
        sessions = len({record.id for record, _ in marks})
        last = max(record.day for record, _ in marks)
        lines.append(f"{title}: {count(len(marks), 'mark')} in {count(sessions, 'session')}, last on {short_date(last)}")
    return tuple(lines)


def _stops(records: Sequence[SessionRecord]) -> tuple[str, ...]:
    stopped = [r for r in records if r.status is SessionStatus.STOPPED]
    if not stopped:
        return (NO_STOPS,)
    return tuple(
        f"{short_date(r.day)} {r.started_at:%H:%M}: {_reason(r.stop_reason)} "
        f"({count(r.exercises_completed, 'exercise')} done{_note(r)})"
        for r in stopped
    )


def _reason(reason: str) -> str:
    if reason == STOPPED_FOR_PAIN:
        return "stopped because it hurt"
    if reason == STOPPED_BY_CHOICE or not reason:
        return "stopped, no pain given as the reason"
    return f"stopped: {reason}"


def _note(record: SessionRecord) -> str:
    return f"; note: “{record.note_after}”" if record.note_after else ""


def _stages_reached(routine: Routine, weeks: Sequence[tuple[date, date]], *, today: date) -> tuple[str, ...]:
    """The stages' doses in the weeks covered, one line per change, and the review date."""
    lines: list[str] = []
    if routine.staged:
        runs: list[tuple[int, int, date, date, str]] = []  # first week, last week, first day, last day, doses
        for begin, end in weeks:
            day = day_of(for_day(routine, begin))
            if day is None or not day.dated or day.starts is not None:
                continue
            doses = day.doses or "the starting doses"
            if runs and runs[-1][4] == doses:
                runs[-1] = (runs[-1][0], day.week, runs[-1][2], end, doses)
            else:
                runs.append((day.week, day.week, begin, end, doses))
        lines = [f"{weeks_span(a, b)} ({_span(first, last)}): {doses}" for a, b, first, last, doses in runs]
    if not lines:
        lines.append("The routine has no stages: the same doses throughout.")
    review = _iso(routine.review_by)
    if review and review < today:
        lines.append(f"Review was due by {full_date(review)}: the doses have stayed those of that week since.")
    elif review:
        lines.append(f"Review due by {full_date(review)}.")
    return tuple(lines)


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
