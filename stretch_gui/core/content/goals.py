"""Every word about the patient's own goals (PSFS): the question, the scale's ends, the weekly
prompt, the chart, the CSV columns, the report and the handout.

Facts only, in the scale's own terms: what the scores were, and whether a change reached the
size the scale counts as meaningful. Never what a score means for the back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from stretch_gui.core.record.goals import (
    MAX_ACTIVITIES,
    MEANINGFUL_ACTIVITY,
    MEANINGFUL_AVERAGE,
    Goals,
    Occasion,
    Trend,
    activity_trend,
    average_trend,
)
from stretch_gui.core.wording import MONTHS, count, short_date

# -- the dialog ----------------------------------------------------------------------------

TITLE = "My goals"
INTRO = (
    f"Name up to {MAX_ACTIVITIES} everyday activities your back makes hard, in your own words. "
    "Then rate how well you can do each one today."
)
DUE_FIRST = "Your physio would like you to rate a few everyday activities once a week. It takes a minute."
DUE_AGAIN = "It is a week since you last rated your goals. How are they going?"
SCALE_ENDS = ("cannot do it", "as well as before")  # what 0 and 10 mean, on the scale's buttons
ANCHORS = "0 = I cannot do it at all.  10 = I can do it as well as before my back problem."
SCORE_WORD = "Score"  # each button reads "Score 3 out of 10"
NAME_LABEL = "Activity {n}"
NAME_HINT = "For example: walk to the shops and back"
RATE_QUESTION = "How well can you do this today?"
UNNAMED = "Name the activity first"
SAVE = "Save"
LATER = "Not now"
CLOSE = "Close"
NOT_SAVED = "Your goals could not be saved."
EMPTY_LIST = "Nothing is rated until you name an activity."


def row_question(name: str) -> str:
    """The scale's label, for a screen reader moving from row to row."""
    return f"{name}: {RATE_QUESTION}" if name else f"{RATE_QUESTION} ({UNNAMED.lower()})"


def number(value: float) -> str:
    """4, 4.5, 4.3: one decimal at most, none when it is whole."""
    return f"{value:.1f}".removesuffix(".0")


def saved(goals: Goals) -> str:
    """What the patient reads after saving: today's average, and how it compares with the first one."""
    occasions = goals.occasions()
    if not occasions:
        return "Your list is saved. Rate the activities when you are ready."
    latest = occasions[-1]
    text = f"Saved. Your average today: {number(latest.average)} out of 10."
    if len(occasions) > 1:
        first = occasions[0]
        text += " " + _compared(first, latest)
    return text


def _compared(first: Occasion, latest: Occasion) -> str:
    change = latest.average - first.average
    since = f"since {short_date(first.day)}"
    if abs(change) < 0.05:
        return f"The same as on {short_date(first.day)}."
    direction = "up" if change > 0 else "down"
    text = f"That is {number(abs(change))} {direction} {since}"
    if abs(change) >= MEANINGFUL_AVERAGE - 1e-9:
        return text + f": a change of {number(MEANINGFUL_AVERAGE)} or more is the size this scale counts as meaningful."
    return text + "."


# -- History -------------------------------------------------------------------------------

CHART_TITLE = "My goals, week by week (0 cannot do, 10 as before)"
CHART_NAME = "My goals"
CHART_EMPTY = "No goal scores yet"
AVERAGE = "average"


def chart_day(day: date) -> str:
    """A rating day under the chart: "2 Mar"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def chart_description(goals: Goals) -> str:
    """The chart in words: each rating day's average and scores."""
    occasions = goals.occasions()
    if not occasions:
        return CHART_EMPTY + "."
    names = {a.id: a.name for a in goals.activities}
    parts = []
    for occasion in occasions:
        scores = ", ".join(f"{names.get(i, '?')} {s}" for i, s in occasion.scores.items())
        parts.append(f"{short_date(occasion.day)}: average {number(occasion.average)} ({scores})")
    return f"{count(len(occasions), 'rating')}, oldest first. " + "; ".join(parts) + "."


# -- the progress report -------------------------------------------------------------------

REPORT_SECTION = "The patient's goals (PSFS)"
REPORT_NOTE = (
    "The patient's own activities, each rated 0 (cannot do it) to 10 (as before the problem); the score is "
    f"their average. The scale counts a change of about {number(MEANINGFUL_AVERAGE)} points in the average, "
    f"or {MEANINGFUL_ACTIVITY} for one activity, as meaningful."
)
REPORT_NONE = "No goal ratings in this period."


def _trend_line(label: str, trend: Trend) -> str:
    first = f"{number(trend.first)} on {short_date(trend.first_day)}"
    if trend.first_day == trend.last_day:
        return f"{label}: {first}."
    line = f"{label}: {first}, {number(trend.last)} on {short_date(trend.last_day)}"
    if trend.meaningful:
        direction = "up" if trend.change > 0 else "down"
        return f"{line} ({direction} {number(abs(trend.change))}: a meaningful change on this scale)."
    return line + "."


def report_lines(goals: Goals, *, since: date | None, until: date) -> tuple[str, ...]:
    """First and latest score per activity rated in the period, then the average's; () when none."""
    lines = []
    for activity in goals.rated():
        trend = activity_trend(goals, activity, since=since, until=until)
        if trend is not None:
            label = activity.name if activity.active else f"{activity.name} (no longer on the list)"
            lines.append(_trend_line(label, trend))
    average = average_trend(goals, since=since, until=until)
    if average is not None:
        lines.append(_trend_line("Average", average))
    return tuple(lines)


# -- handout and start screen --------------------------------------------------------------

HANDOUT_TITLE = "Your goals"
HANDOUT_INSTRUCTIONS = (
    "Once a week, rate how well you can do each activity, from 0 (you cannot do it) to 10 "
    "(as well as before your back problem). The app asks you too."
)
HANDOUT_BLANK = "Your own activity"
HANDOUT_WEEKS = 6  # columns to write scores in


def handout_week(number: int) -> str:
    return f"Week {number}"


def handout_rows(prefilled: Sequence[str]) -> tuple[str, ...]:
    """The activities listed on the handout, and blank rows up to five for the patient to add their own."""
    return tuple(prefilled) + ("",) * (MAX_ACTIVITIES - len(prefilled))


def start_line(prefilled: Sequence[str]) -> str:
    """The start screen's line about the goals a routine switches on."""
    if not prefilled:
        return "Your goals: rated once a week; you name the activities."
    return f"Your goals, rated once a week: {'; '.join(prefilled)}"
