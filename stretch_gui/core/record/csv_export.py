"""The history as a CSV file a physio can open in LibreOffice or Excel.

One row per session, oldest first. The routine is named as the physio knows it (its title,
revision and prescription date), never by where the file happened to sit on this computer.
Dates are ISO (2026-03-14), times of day and durations are h:mm:ss: both spreadsheets read
these as dates and times they can sort and add. Whole numbers only (a decimal point would
be misread where the comma is the decimal mark). UTF-8 with a byte-order mark (Excel
otherwise reads it as the local code page and mangles accents), CRLF line ends.
A text cell that starts with ``= + - @`` (or a tab or carriage return) gets a leading
apostrophe, so a note like ``=HYPERLINK(...)`` stays text instead of becoming a formula.

The patient's own goals (PSFS), when any were rated, follow the fixed columns: the day of the
latest rating on or before the session's day, that rating's total and how many activities it
rated (the average is total / count: an average like 4.5 would need the decimal point the file
avoids), then one column per activity ever rated, named after it, with its latest score on or
before that day. Rows before the first rating leave them empty.

``csv_bytes`` makes the bytes; ``stretch_gui.qt.paths.export_history_csv``
writes them atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from stretch_gui.core.record.goals import Goals
from stretch_gui.core.record.store import HurtMark, SessionRecord
from stretch_gui.core.wording import status_words

HEADERS = (
    "Date",
    "Start time",
    "End time",
    "Routine",
    "Revision",
    "Prescribed",
    "File version",
    "Time exercising",
    "Exercises completed",
    "Exercises skipped",
    "Result",
    "Stop reason",
    "Pain before (0-10)",
    "Pain after (0-10)",
    "Note before",
    "Note after",
    "Hurt marks",
    "Hurt during",
)

GOALS_HEADERS = ("Goals rated on", "Goals total", "Goals rated (activities)")  # average = total / rated


def goal_header(name: str) -> str:
    return f"Goal: {name} (0-10)"


# The first characters of the file's SHA-256: enough to tell two versions of a file apart.
FILE_VERSION_LENGTH = 12

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HurtMarksOf = Callable[[int], Sequence[HurtMark]]


def safe_cell(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def spreadsheet_duration(seconds: float) -> str:
    """Whole seconds as h:mm:ss (0:01:45), which a spreadsheet reads as a duration it can add up."""
    total = max(0, round(seconds))
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def hurt_during(marks: Sequence[HurtMark]) -> str:
    """Which exercises the patient marked as hurting, in the order first marked: "Knee hug ×2; Cat cow"."""
    counts: dict[str, int] = {}
    for mark in marks:
        counts[mark.exercise_title] = counts.get(mark.exercise_title, 0) + 1
    return "; ".join(title if n == 1 else f"{title} ×{n}" for title, n in counts.items())


def csv_row(record: SessionRecord, marks: Sequence[HurtMark] = ()) -> list[str | int]:
    started, ended = record.started_at, record.ended_at
    routine = record.routine
    text = [routine.title, routine.revision, routine.prescribed, routine.content_hash[:FILE_VERSION_LENGTH]]
    return [
        started.date().isoformat(),
        started.strftime("%H:%M:%S"),
        ended.strftime("%H:%M:%S") if ended else "",
        *map(safe_cell, text),
        spreadsheet_duration(record.active_seconds),
        record.exercises_completed,
        record.exercises_skipped,
        status_words(record.status),  # the reason has its own column
        safe_cell(record.stop_reason),
        "" if record.pain_before is None else record.pain_before,
        "" if record.pain_after is None else record.pain_after,
        safe_cell(record.note_before),
        safe_cell(record.note_after),
        record.hurt_marks,
        safe_cell(hurt_during(marks)),
    ]


def goal_cells(goals: Goals, record: SessionRecord) -> list[str | int]:
    """The goals as they stood on the session's day: the latest rating's day, total and count, then each activity's score."""
    day = record.day
    occasion = goals.latest_on_or_before(day)
    if occasion is None:
        summary: list[str | int] = ["", "", ""]
    else:
        summary = [occasion.day.isoformat(), sum(occasion.scores.values()), len(occasion.scores)]
    scores = [goals.score_on_or_before(activity.id, day) for activity in goals.rated()]
    return summary + ["" if score is None else score for score in scores]


def csv_bytes(records: Iterable[SessionRecord], hurt_marks: HurtMarksOf | None = None, goals: Goals | None = None) -> bytes:
    """The whole file: a header row, then the sessions oldest first.

    ``hurt_marks`` gives a session's marks (``History.hurt_marks``) so the row can say which
    exercises hurt; without it that column is left empty and only the count is given.
    ``goals`` (``History.goals``) adds the goal columns when any activity was ever rated.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    with_goals = goals is not None and bool(goals.ratings)
    goal_headers = [*GOALS_HEADERS, *(safe_cell(goal_header(a.name)) for a in goals.rated())] if goals and with_goals else []
    writer.writerow([*HEADERS, *goal_headers])
    for record in sorted(records, key=lambda r: r.id):
        marks = hurt_marks(record.id) if hurt_marks is not None and record.hurt_marks else ()
        row = csv_row(record, marks)
        if goals is not None and with_goals:
            row += goal_cells(goals, record)
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")
