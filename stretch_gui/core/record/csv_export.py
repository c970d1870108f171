"""The history as a CSV file a physio can open in LibreOffice or Excel.

One row per session, oldest first. UTF-8 with a byte-order mark (Excel otherwise reads
it as the local code page and mangles accents), CRLF line ends, ISO dates, whole
numbers only (a decimal point would be misread where the comma is the decimal mark).
A text cell that starts with ``= + - @`` (or a tab or carriage return) gets a leading
apostrophe, so a note like ``=HYPERLINK(...)`` stays text instead of becoming a formula.

``csv_bytes`` makes the bytes; ``stretch_gui.qt.paths.export_history_csv``
writes them atomically.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from stretch_gui.core.record.store import SessionRecord
from stretch_gui.core.wording import status_words

HEADERS = (
    "Date",
    "Start time",
    "End time",
    "Routine",
    "Prescribed",
    "File",
    "Content hash (SHA-256)",
    "Duration (s)",
    "Exercises completed",
    "Exercises skipped",
    "Result",
    "Stop reason",
    "Pain before (0-10)",
    "Pain after (0-10)",
    "Note before",
    "Note after",
    "Hurt marks",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet will show as text, never run as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_row(record: SessionRecord) -> list[str | int]:
    started, ended = record.started_at, record.ended_at
    text = [record.routine.title, record.routine.prescribed, record.routine.file, record.routine.content_hash]
    return [
        started.date().isoformat(),
        started.strftime("%H:%M:%S"),
        ended.strftime("%H:%M:%S") if ended else "",
        *map(safe_cell, text),
        round(record.active_seconds),
        record.exercises_completed,
        record.exercises_skipped,
        status_words(record.status),  # the reason has its own column
        safe_cell(record.stop_reason),
        "" if record.pain_before is None else record.pain_before,
        "" if record.pain_after is None else record.pain_after,
        safe_cell(record.note_before),
        safe_cell(record.note_after),
        record.hurt_marks,
    ]


def csv_bytes(records: Iterable[SessionRecord]) -> bytes:
    """The whole file: a header row, then the sessions oldest first."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for record in sorted(records, key=lambda r: r.id):
        writer.writerow(csv_row(record))
    return out.getvalue().encode("utf-8-sig")
