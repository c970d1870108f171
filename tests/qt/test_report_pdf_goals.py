"""The progress report on paper shows the patient's goals, first and latest score, when they rated any."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from stretch_gui.core.content.goals import REPORT_SECTION
from stretch_gui.core.content.report import report_from_history
from stretch_gui.core.record.store import History
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.qt.report_pdf import write_report_pdf
from tests.qt.test_report_pdf import pdf_text
from tests.support.history import CET, FakeWallClock, open_history
from tests.support.report import record_sessions

TODAY = date(2026, 3, 28)


def test_the_goals_trend_is_on_the_page(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "history.sqlite3"
    routine = record_sessions(tmp_path, database)
    assert routine.source is not None
    wall = FakeWallClock(datetime(2026, 3, 2, 8, 0, tzinfo=CET))
    with open_history(database, wall) as history:
        history.save_goals(["Walk to the shops"], {"Walk to the shops": 2})
        wall.advance(days=21)
        history.save_goals(["Walk to the shops"], {"Walk to the shops": 6})
    with History(database, read_only=True) as history:
        report = report_from_history(history, load_routine_file(routine.source), since=date(2026, 3, 2), today=TODAY)
    out = tmp_path / "report.pdf"
    write_report_pdf(report, out)
    text = " ".join(pdf_text(out))
    assert REPORT_SECTION in text
    assert "Walk to the shops: 2 on Mon 2 Mar, 6 on Mon 23 Mar (up 4: a meaningful change on this scale)." in text


def test_no_goals_no_section(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database = tmp_path / "history.sqlite3"
    routine = record_sessions(tmp_path, database)
    assert routine.source is not None
    with History(database, read_only=True) as history:
        report = report_from_history(history, load_routine_file(routine.source), since=date(2026, 3, 2), today=TODAY)
    out = tmp_path / "report.pdf"
    write_report_pdf(report, out)
    assert REPORT_SECTION not in " ".join(pdf_text(out))
