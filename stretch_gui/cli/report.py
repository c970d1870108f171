"""``stretch-gui report``: the progress report for the next appointment, as a PDF.

Reads the routine file and the history (read-only: nothing is created or moved), builds the
report in core and has qt/ paint it.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from stretch_gui.core.content.report import build_report, report_from_history
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.problems import RoutineError


def run_report(
    file: Path, output: Path, *, since: datetime.date | None, database: Path | None, paper: str, today: datetime.date
) -> int:
    """Exit status 0 written, 1 a broken routine or unreadable history, 2 the PDF cannot be written."""
    try:
        routine = load_routine_file(file)
    except RoutineError as exc:
        print(exc, file=sys.stderr)
        return 1
    if since is not None and since > today:
        print(f"stretch-gui report: --since {since.isoformat()} is after today", file=sys.stderr)
        return 2
    if database is None:
        from stretch_gui.qt.paths import history_database_path

        database = history_database_path()
    if database.exists():
        try:
            with History(database, read_only=True) as history:
                report = report_from_history(history, routine, since=since, today=today)
        except HistoryError as exc:
            print(exc, file=sys.stderr)
            return 1
    else:
        report = build_report(routine, [], {}, today=today, since=since)  # no history yet: a report that says so
    from stretch_gui.qt.handout_pdf import HandoutWriteError, ensure_gui_application
    from stretch_gui.qt.report_pdf import write_report_pdf

    ensure_gui_application()
    try:
        pages = write_report_pdf(report, output, paper=paper)
    except HandoutWriteError as exc:
        kept = " (the existing file was left as it was)" if output.exists() else ""
        print(f"stretch-gui: {exc}{kept}", file=sys.stderr)
        return 2
    print(f"{output}: {pages} {'page' if pages == 1 else 'pages'}, progress report on {routine.title} ({report.period})")
    return 0
