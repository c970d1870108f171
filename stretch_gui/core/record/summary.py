"""What the History view says: which routine it is about, the two weeks, each session in words.

Qt-free, so every sentence the view shows (and says to a screen reader) is tested without a
window. The view draws ``HistorySummary``; nothing here paints.

The view is about one routine at a time, chosen among those in the history (a routine is
its file, or its title when it came from no file). By default it is the one the window is
playing or last played; with none, the routine of the most recent session. Its file is read
again for the frequency and start date the physio wrote (a file gone or broken leaves just
what was done). "All routines" puts every session together, with no plan to count against.
The charts, the header line and the list follow the choice; next-morning checks show under
the session they are about.
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
    began_on,
    counts_as_done,
    pain_points,
    same_routine,
)
from stretch_gui.core.record.morning import Advice, Compared, MorningCheck, load_checks
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
ALL_ROUTINES = "All routines"
ALL_KEY = "*"  # the choice of every routine together; no routine's key starts with it
NOT_COUNTED = "not counted"  # beside a session in which no exercise was done

RoutineLoader = Callable[[Path], Routine]


@dataclass(frozen=True)
class Focus:
    """The routine the header line and the day chart are about."""

    title: str
    file: str  # "" for a routine that came from no file
    frequency: Frequency | None
    start_date: date | None = None  # the file's, when it gives one

    @property
    def key(self) -> str:
        """Which routine this is, for the chooser: its file, else its title."""
        return self.file or f"title:{self.title}"

    def matches(self, record: SessionRecord) -> bool:
        if self.file:
            return record.routine.file == self.file
        return not record.routine.file and record.routine.title == self.title


@dataclass(frozen=True)
class Choice:
    key: str
    label: str  # the title, with the file's name when two routines share a title


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
    pain: tuple[PainPoint, ...]  # the window's sessions of the choice with a rating, oldest first
    days: tuple[DayGroup, ...]  # the choice's sessions, newest day first
    session_count: int  # in the whole history
    choices: tuple[Choice, ...] = ()  # the routines to choose from, then "All routines"
    chosen: str = ""  # the key of the choice shown
    mornings: tuple[MorningCheck, ...] = ()  # checks about the sessions listed, oldest first

    @property
    def is_empty(self) -> bool:
        return self.session_count == 0

    @property
    def all_routines(self) -> bool:
        return self.chosen == ALL_KEY

    def heading(self) -> str:
        """E.g. "Back spasm relief: 9 of 28 sessions in the last 14 days (on 9 days)"."""
        if self.focus is None or self.adherence is None:
            return "No sessions yet"
        return f"{self.focus.title}: {self.adherence.describe()}"

    def plan_line(self) -> str:
        if self.focus is None:
            return ""
        if self.all_routines:
            return "Every routine together, so there is no plan to count against. Choose a routine to see its plan."
        frequency = self.focus.frequency.describe() if self.focus.frequency else ""
        if not frequency:
            return "This routine does not say how often to do it, so this is just what was done."
        return f"Planned: {frequency}. A session counts once at least one exercise was done."

    def empty_list_line(self) -> str:
        """What the list says when the chosen routine has no session yet; "" when it has some."""
        if self.days or self.focus is None:
            return ""
        return f"No sessions of {self.focus.title} yet. Choose another routine above to see its sessions."

    def morning_after(self, session_id: int) -> MorningCheck | None:
        """The next-morning check about this session, if one was made."""
        return next((check for check in self.mornings if check.session_id == session_id), None)

    def morning_points(self) -> tuple[tuple[date, int], ...]:
        """(day, pain) of each next-morning check in the window, oldest first, for the pain chart."""
        first = self.today - timedelta(days=(len(self.adherence.days) if self.adherence else WINDOW_DAYS) - 1)
        return tuple((check.day, check.rating) for check in self.mornings if first <= check.day <= self.today)


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None  # the loader reports it


def focus_of(routine: Routine) -> Focus:
    return Focus(
        routine.title, str(routine.source) if routine.source is not None else "", routine.frequency, _iso(routine.start_date)
    )


def _focus_of_record(record: SessionRecord, load: RoutineLoader | None) -> Focus:
    """The routine a session played, its file read again for what the physio wrote."""
    info = record.routine
    if info.file and load is not None:
        try:
            read = load(Path(info.file))
        except (RoutineError, OSError):
            pass  # moved, deleted or broken since: show what was done, without a goal
        else:
            return Focus(info.title, info.file, read.frequency, _iso(read.start_date))
    return Focus(info.title, info.file, None)


def focus_for(routine: Routine | None, records: Sequence[SessionRecord], *, load: RoutineLoader | None = None) -> Focus | None:
    """The routine in use, else the latest session's (``records`` newest first)."""
    if routine is not None:
        return focus_of(routine)
    if not records:
        return None
    return _focus_of_record(records[0], load)


def _key_of(record: SessionRecord) -> str:
    return Focus(record.routine.title, record.routine.file, None).key


def routine_choices(records: Sequence[SessionRecord], current: Focus | None) -> tuple[Choice, ...]:
    """The routine in use first, then each routine in the history, most recently played first,
    then "All routines" when there is more than one to put together."""
    found: dict[str, str] = {}  # key -> title
    files: dict[str, str] = {}  # key -> file
    if current is not None:
        found[current.key], files[current.key] = current.title, current.file
    for record in records:
        key = _key_of(record)
        found.setdefault(key, record.routine.title)
        files.setdefault(key, record.routine.file)
    titles = list(found.values())
    choices = [
        Choice(key, f"{title} ({Path(files[key]).name})" if titles.count(title) > 1 and files[key] else title)
        for key, title in found.items()
    ]
    if len(choices) > 1:
        choices.append(Choice(ALL_KEY, ALL_ROUTINES))
    return tuple(choices)


def summarize(
    history: History,
    *,
    routine: Routine | None = None,
    load: RoutineLoader | None = None,
    chosen: str = "",
    days: int = WINDOW_DAYS,
) -> HistorySummary:
    """Read the history once and say everything the view shows about the ``chosen`` routine
    (a ``Choice.key``; "" for the default). Raises ``HistoryError``."""
    today = history.today()
    records = history.sessions()
    default = focus_for(routine, records, load=load)
    choices = routine_choices(records, default)
    keys = [choice.key for choice in choices]
    if chosen not in keys:
        chosen = default.key if default is not None else ""
    focus: Focus | None
    mine: list[SessionRecord]
    if not chosen:
        focus, mine = None, []  # no routine in use and no session
    elif chosen == ALL_KEY:
        focus, mine = Focus(ALL_ROUTINES, "", None), list(records)
    elif default is not None and chosen == default.key:
        # A Routine in hand is matched as routine_adherence matches it.
        focus = default
        mine = [r for r in records if (same_routine(r, routine) if routine is not None else focus.matches(r))]
    else:
        record = next(r for r in records if _key_of(r) == chosen)
        focus = _focus_of_record(record, load)
        mine = [r for r in records if focus.matches(r)]
    tally = None
    if focus is not None:
        began, from_start = (None, False) if chosen == ALL_KEY else began_on(mine, focus.start_date)
        tally = adherence(mine, focus.frequency, today=today, days=days, began=began, from_start_date=from_start)
    first = today - timedelta(days=days - 1)
    recent = [r for r in mine if first <= r.day <= today]
    listed = {r.id for r in mine}
    mornings = tuple(check for check in load_checks(history) if check.session_id in listed) if mine else ()
    return HistorySummary(
        today=today,
        focus=focus,
        adherence=tally,
        pain=tuple(pain_points(recent)),
        days=tuple(group_by_day(mine, today=today)),
        session_count=len(records),
        choices=choices,
        chosen=chosen,
        mornings=mornings,
    )


def group_by_day(records: Iterable[SessionRecord], *, today: date) -> list[DayGroup]:
    """Sessions under their day, newest day first and newest session first within it."""
    by_day: dict[date, list[SessionRecord]] = {}
    for record in sorted(records, key=lambda r: (r.started_at, r.id), reverse=True):
        by_day.setdefault(record.day, []).append(record)
    return [DayGroup(day, day_heading(day, today=today), tuple(found)) for day, found in by_day.items()]


# -- words ----------------------------------------------------------------------------


def result_words(record: SessionRecord) -> str:
    """E.g. "finished", "stopped: it hurt"; "stopped · not counted" when no exercise was done."""
    words = status_words(record.status, record.stop_reason)
    return words if counts_as_done(record) else f"{words} · {NOT_COUNTED}"


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
        status_words(record.status, record.stop_reason),
        f"exercises {exercises_text(record)}",
        rough_duration(record.active_seconds, spelled=True),
    ]
    pain = _pain_words(record.pain_before, record.pain_after)
    if pain:
        parts.append(pain)
    if record.hurt_marks:
        parts.append(hurt_text(record.hurt_marks))
    if not counts_as_done(record):
        parts.append(f"{NOT_COUNTED}: no exercise was done")
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


def pain_chart_description(points: Sequence[PainPoint], mornings: Sequence[tuple[date, int]] = ()) -> str:
    if not points and not mornings:
        return "No pain ratings yet."
    said = "; ".join(
        f"{short_date(p.started_at.date())} {p.started_at:%H:%M}: {_pain_words(p.before, p.after)}" for p in points
    )
    text = f"Pain from 0 (none) to 10 (worst), before and after each session, oldest first. {said}."
    if not points:
        text = "Pain from 0 (none) to 10 (worst). No ratings before or after a session."
    if mornings:
        text += " The next mornings: " + "; ".join(f"{short_date(day)}: {rating}" for day, rating in mornings) + "."
    return text


# -- the next-morning checks -------------------------------------------------------------

_COMPARED = {Compared.BETTER: "better", Compared.SAME: "about the same", Compared.WORSE: "worse"}
_ADVISED = {
    Advice.KEEP_GOING: "keep going",
    Advice.EASE_BACK: "ease back",
    Advice.CONTACT_PHYSIO_WORSE: "contact your physio",
    Advice.CONTACT_PHYSIO_PAIN: "contact your physio",
}


def morning_line(check: MorningCheck) -> str:
    """The row under a session, e.g. "Next morning: 3/10, better — keep going"."""
    return f"Next morning: {check.rating}/10, {_COMPARED[check.compared]} — {_ADVISED[check.advice]}"


def morning_sentence(check: MorningCheck) -> str:
    """The same for a screen reader, which would read "3/10" as a fraction."""
    return (
        f"Next morning, {short_date(check.day)}: pain {check.rating} out of 10, {_COMPARED[check.compared]}; "
        f"advice: {_ADVISED[check.advice]}"
    )


def morning_needs_care(check: MorningCheck) -> bool:
    """Advice other than "keep going": shown in the warning colour."""
    return check.advice is not Advice.KEEP_GOING
