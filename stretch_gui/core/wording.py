"""Numbers, times, dates, frequencies and results in words: the one copy of each.

Every screen, the handout, the history and the command line word these things through
here, so a patient never reads "2 times a day" in one place and "twice a day" in another.
Durations come in four styles, each for its own place:

- ``format_clock``: ``1:15``, for countdowns and timelines;
- ``format_duration``: ``1m 15s``, compact, for lists, plans and the loader's messages;
- ``spoken_duration``: ``1 min 15 s`` (or ``1 minute 15 seconds`` spelled out for a screen
  reader), for sentences;
- ``rough_duration``: the same, rounded to what a patient plans around.

Kept free of the routine and history modules (they call in here, not the other way), so
wording a number never loads the model or sqlite3.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Protocol

# Why a session stopped, as the history records it and shows it.
STOPPED_FOR_PAIN = "it hurt"
STOPPED_BY_CHOICE = "stopped by the user"


def count(n: int, word: str, plural: str = "") -> str:
    """``count(1, "step")`` -> "1 step", ``count(3, "step")`` -> "3 steps"."""
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def capitalised(text: str) -> str:
    """The first letter made upper case, the rest left alone (``str.capitalize`` lowers it)."""
    return text[:1].upper() + text[1:]


# -- durations --------------------------------------------------------------------------


def _hours_minutes_seconds(total: int) -> tuple[int, int, int]:
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return hours, minutes, seconds


def format_clock(seconds: float) -> str:
    """``75`` -> ``1:15``. Truncates: a countdown shows the whole seconds already reached."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def format_duration(seconds: float) -> str:
    """``75`` -> ``1m 15s``; for plans and lists, not for files."""
    hours, minutes, secs = _hours_minutes_seconds(round(seconds))
    if hours and secs:
        return f"{hours}h {minutes:02d}m {secs:02d}s"
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes and secs:
        return f"{minutes}m {secs:02d}s"
    if minutes:
        return f"{minutes}m"
    return f"{secs}s"


def spoken_duration(seconds: float, *, spelled: bool = False) -> str:
    """``90`` -> ``1 min 30 s``; with ``spelled``, ``1 minute 30 seconds`` for a screen reader.

    Abbreviations read well on paper and screen, but a screen reader says "min" as a word.
    """
    hours, minutes, secs = _hours_minutes_seconds(round(seconds))
    units = (("hour", "minute", "second") if spelled else ("h", "min", "s"))
    parts = []
    for amount, unit in zip((hours, minutes, secs), units, strict=True):
        if amount:
            parts.append(count(amount, unit) if spelled else f"{amount} {unit}")
    if not parts:
        parts.append(count(0, units[2]) if spelled else f"0 {units[2]}")
    return " ".join(parts)


def rough_duration(seconds: float, *, spelled: bool = False) -> str:
    """Rounded to what a patient plans around: whole seconds, then half minutes, then whole minutes.

    ``42.7`` -> ``43 s``, ``80`` -> ``1 min 30 s``, ``1010`` -> ``17 min``.
    """
    total = round(seconds)
    if total >= 600:
        total = round(total / 60) * 60
    elif total >= 60:
        total = round(total / 30) * 30
    return spoken_duration(total, spelled=spelled)


# -- dates -------------------------------------------------------------------------------

# English names of our own: Qt sets the C library's locale, which would translate strftime's
# %A and %B into another language in the middle of English sentences.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def full_date(day: date) -> str:
    """E.g. "20 November 2026": for paper, where the year matters."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date, *, today: date) -> str:
    """E.g. "Monday 2 March"; the year only when it is not this year."""
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def short_date(day: date) -> str:
    """E.g. "Mon 2 Mar": for the charts' descriptions."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def day_heading(day: date, *, today: date) -> str:
    """E.g. "Today, Monday 2 March", "Yesterday, Sunday 1 March", "Friday 27 February"."""
    text = long_date(day, today=today)
    if day == today:
        return f"Today, {text}"
    if day == today - timedelta(days=1):
        return f"Yesterday, {text}"
    return text


def weekday_letter(day: date) -> str:
    return WEEKDAYS[day.weekday()][0]


# -- how often ---------------------------------------------------------------------------


def times(n: int) -> str:
    """``1`` -> "once", ``2`` -> "twice", ``3`` -> "3 times"."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def frequency(per_day: int | None, per_week: int | None) -> str:
    """E.g. "twice a day", "3 times a week"; "" when neither is set."""
    if per_day:
        return f"{times(per_day)} a day"
    if per_week:
        return f"{times(per_week)} a week"
    return ""


# -- the breathing pace ------------------------------------------------------------------


class Pace(Protocol):
    """One breath in seconds: what ``core.routine.model.Breathing`` holds."""

    @property
    def inhale(self) -> float: ...
    @property
    def pause(self) -> float: ...
    @property
    def exhale(self) -> float: ...
    @property
    def pause_after_exhale(self) -> float: ...


def breathing_pattern(pace: Pace, *, spelled: bool = False) -> str:
    """E.g. "breathe in 5 s, pause 1 s, breathe out 3 s": a pause of 0 is left out.

    Lower case, to sit inside a sentence; ``capitalised`` it to start one. ``spelled`` writes
    "5 seconds" for a screen reader, which says "s" as a letter.
    """

    def seconds(amount: float) -> str:
        return f"{amount:g} second" + ("" if amount == 1 else "s") if spelled else f"{amount:g} s"

    parts = [f"breathe in {seconds(pace.inhale)}"]
    if pace.pause:
        parts.append(f"pause {seconds(pace.pause)}")
    parts.append(f"breathe out {seconds(pace.exhale)}")
    if pace.pause_after_exhale:
        parts.append(f"pause {seconds(pace.pause_after_exhale)}")
    return ", ".join(parts)


# -- how a session ended -----------------------------------------------------------------

STATUS_FINISHED = "finished"
STATUS_STOPPED = "stopped"
STATUS_HURT = "stopped: it hurt"
STATUS_NOT_FINISHED = "not finished"  # cut short by a crash, or left when offered to resume

# Keyed by the stored value, not by ``SessionStatus``: importing the history store here
# would load sqlite3 into everything that words a number.
STATUS_WORDS: Mapping[str, str] = {
    "finished": STATUS_FINISHED,
    "stopped": STATUS_STOPPED,
    "running": STATUS_NOT_FINISHED,
    "abandoned": STATUS_NOT_FINISHED,
}


def status_words(status: enum.Enum, stop_reason: str = "") -> str:
    """How a session ended; a stop because of pain says so when ``stop_reason`` is given."""
    words = STATUS_WORDS[str(status.value)]
    if words == STATUS_STOPPED and stop_reason == STOPPED_FOR_PAIN:
        return STATUS_HURT
    return words


# -- programme stages ------------------------------------------------------------------

REVIEW_DUE = "Ask your physio to review this programme"


def weeks_span(first: int, last: int | None) -> str:
    """The weeks a stage covers: "Week 3", "Weeks 1–2", "From week 5" (``last`` None: open-ended)."""
    if last is None:
        return f"From week {first}"
    return f"Week {first}" if first == last else f"Weeks {first}–{last}"


def stage_doses(
    *,
    hold: int | None = None,
    reps: int | None = None,
    sets: int | None = None,
    rest: int | None = None,
    add_hold: int | None = None,
    max_hold: int | None = None,
    add_reps: int | None = None,
    max_reps: int | None = None,
) -> str:
    """What a stage sets, in a few words: "holds 30 s, 3 sets", "holds 5 s longer each week, up to 45 s"."""
    parts = []
    if hold is not None:
        parts.append(f"holds {spoken_duration(hold)}")
    if add_hold and max_hold:
        grow = f"{spoken_duration(add_hold)} longer each week, up to {spoken_duration(max_hold)}"
        parts.append(grow if hold is not None else f"holds {grow}")
    if reps is not None:
        parts.append(count(reps, "rep"))
    if add_reps and max_reps:
        grow = f"{count(add_reps, 'more rep')} each week, up to {max_reps}"
        parts.append(grow if reps is not None else f"reps: {grow}")
    if sets is not None:
        parts.append(count(sets, "set"))
    if rest is not None:
        parts.append(f"rest {spoken_duration(rest)} between sets")
    return ", ".join(parts)


def week_line(week: int, doses: str, *, starts: date | None = None, dated: bool = True, began: date | None = None) -> str:
    """The stage that applies today: "Week 3: holds 30 s, 3 sets"."""
    line = f"Week {week}: {doses}" if doses else f"Week {week}: the starting doses"
    if starts is not None:
        line += f" (your programme starts on {full_date(starts)})"
    elif began is not None:
        line += f" (counted from your first session on {full_date(began)})"
    elif not dated:
        line += " (no start date in this file, so the weeks count from your first session)"
    return line


def review_due(by: date) -> str:
    """Said on the start screen and in the player once the review date has passed."""
    return f"{REVIEW_DUE}: it was due for review by {full_date(by)}."


def easier_line(how: str) -> str:
    """The note for a session eased after a worse morning: "Easier today: one set fewer of each exercise"."""
    return f"Easier today: {how}"


# Taking the easier session back, for a patient who eased by mistake or feels better later that day.
FULL_ROUTINE_TODAY = "Full routine today"
FULL_ROUTINE_TODAY_MEANS = "Play this routine as written today, not the easier session"
