"""``stretch-gui history``: the recent sessions, or every session as CSV.

Kept out of cli.py so the other commands never load sqlite3, csv or QtCore.
"""

from __future__ import annotations

import sys
from pathlib import Path

from stretch_gui.core.record.store import (
    History,
    HistoryError,
    SessionRecord,
    SessionStatus,
)
from stretch_gui.core.wording import count, format_duration, status_words

MAX_LIMIT = 2**63 - 1  # SQLite's largest integer: any larger limit means "all of them" too


def run_history(*, database: Path | None, csv_file: Path | None, limit: int) -> int:
    """List or export the history. It is opened read-only: nothing is created, moved or written."""
    if limit < 1:
        print("stretch-gui history: --limit must be 1 or more", file=sys.stderr)
        return 2
    limit = min(limit, MAX_LIMIT)
    if database is None:
        from stretch_gui.qt.paths import history_database_path

        database = history_database_path()
    if not database.exists():
        # Listing must not create a history file; an export of nothing would mislead.
        print(f"No sessions recorded yet (no history file at {database}).", file=sys.stderr if csv_file else sys.stdout)
        return 1 if csv_file else 0
    try:
        with History(database, read_only=True) as history:
            if csv_file is not None:
                return _export(history, csv_file)
            records = history.sessions(limit=limit)
    except HistoryError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not records:
        print(f"No sessions recorded yet ({database}).")
    for record in records:
        print(describe(record))
    return 0


def _export(history: History, csv_file: Path) -> int:
    from stretch_gui.qt.atomic import NotAFileError, SaveError
    from stretch_gui.qt.paths import export_history_csv

    try:
        written = export_history_csv(history, csv_file)
    except NotAFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SaveError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Wrote {count(written, 'session')} to {csv_file}")
    return 0


def describe(record: SessionRecord) -> str:
    """One line: when, what, how long, how it ended, pain."""
    parts = [
        record.started_at.strftime("%Y-%m-%d %H:%M"),
        record.routine.title,
        format_duration(record.active_seconds),
        f"{status_words(record.status)}, {record.exercises_completed} done, {record.exercises_skipped} skipped",
    ]
    if record.status is SessionStatus.STOPPED and record.stop_reason:
        parts[-1] += f" ({record.stop_reason})"
    if record.pain_before is not None or record.pain_after is not None:
        before = "-" if record.pain_before is None else record.pain_before
        after = "-" if record.pain_after is None else record.pain_after
        parts.append(f"pain {before} -> {after}")
    if record.hurt_marks:
        parts.append(count(record.hurt_marks, "hurt mark"))
    return "  ".join(parts)
