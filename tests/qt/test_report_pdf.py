"""The progress report as a real PDF, read back with QtPdf, and the command that writes it."""

from __future__ import annotations

import os
import stat
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from stretch_gui.core.content.report import NO_SESSIONS, report_from_history
from stretch_gui.core.record.store import History
from stretch_gui.qt.handout_pdf import HandoutWriteError
from stretch_gui.qt.report_pdf import write_report_pdf
from tests.support.history import CET, FakeWallClock, open_history
from tests.support.report import record_sessions

TODAY = date(2026, 3, 28)


def pdf_text(path: Path) -> list[str]:
    """The text of each page, as QtPdf reads it (whitespace collapsed)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_
        return [" ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())]
    finally:
        document.close()


@pytest.fixture
def recorded(tmp_path: Path) -> tuple[Path, Path]:
    """The routine file and a history holding four weeks of its sessions."""
    database = tmp_path / "history.sqlite3"
    routine = record_sessions(tmp_path, database)
    assert routine.source is not None
    return routine.source, database


def test_four_weeks_fit_on_one_page_with_everything_a_physio_asked_for(qapp, recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stretch_gui.core.routine.loader import load_routine_file

    routine_file, database = recorded
    wall = FakeWallClock(datetime(2026, 3, 12, 8, 0, tzinfo=CET))
    with open_history(database, wall) as history:  # the morning after the stopped session (the 8th)
        history.add_morning_check(8, rating=4, compared="worse", advice="ease back")
    with History(database, read_only=True) as history:
        report = report_from_history(history, load_routine_file(routine_file), since=date(2026, 3, 2), today=TODAY)
    out = tmp_path / "report.pdf"
    assert write_report_pdf(report, out) == 1
    (text,) = pdf_text(out)
    for words in (
        "Progress report: Back spasm relief",
        "Patient: Alex Example",
        "From: Jo Physio, MCSP",
        "Revision: 2",
        "Period: 2 March 2026 to 28 March 2026",
        "Planned: once a day.",
        "18 of 27 planned sessions done (67 %) over 27 days.",
        "Pain after the session was above 5 once.",
        "Next-morning checks: 1; worse than before the session on 1 morning (Thu 12 Mar).",
        "2–8 Mar Week 1 5 of 7 5.4 (5–6) 3.8 (3–5) 1",
        "9–15 Mar Week 2 6 of 7 3.5 (3–4) 2.8 (2–6) 2 1",
        "Lying twist: 3 marks in 2 sessions, last on Wed 11 Mar",
        "Cat-cow: 1 mark in 1 session, last on Tue 17 Mar",
        "Wed 11 Mar 18:05: stopped because it hurt (2 exercises done)",
        "Weeks 3–4 (16–28 Mar): holds 30 s, 3 sets",
        "Review due by 13 April 2026.",
        "Progress report · Back spasm relief · revision 2",
        "Page 1 of 1",
    ):
        assert words in text, words


def test_a_refused_output_leaves_what_is_there(qapp, recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stretch_gui.core.content.report import build_report
    from stretch_gui.core.routine.loader import load_routine_file

    report = build_report(load_routine_file(recorded[0]), [], {}, today=TODAY)
    folder = tmp_path / "a-folder.pdf"
    folder.mkdir()
    with pytest.raises(HandoutWriteError, match="it is a folder, not a regular file"):
        write_report_pdf(report, folder)
    assert folder.is_dir()
    old = tmp_path / "old.pdf"
    old.write_bytes(b"earlier report")
    write_report_pdf(report, old)  # a regular file is replaced whole
    assert old.read_bytes().startswith(b"%PDF")


@pytest.fixture
def report_cli(tmp_path: Path, python: str, subprocess_env: dict[str, str]):  # type: ignore[no-untyped-def]
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = dict(subprocess_env, XDG_DATA_HOME=str(tmp_path / "xdg-data"), HOME=str(tmp_path / "home"))
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("QT_QPA_PLATFORM", None)  # the command must find its own way without a display
        result = subprocess.run(
            [python, "-m", "stretch_gui", "report", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        return result

    return run


@pytest.mark.slow
@pytest.mark.subprocess
def test_cli_writes_the_report_and_refuses_a_fifo(report_cli, recorded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    routine_file, database = recorded
    result = report_cli(str(routine_file), "--since", "2026-03-02", "--database", str(database), "-o", "r.pdf")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("r.pdf: ")
    assert "progress report on Back spasm relief (2 March 2026 to " in result.stdout
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")

    fifo = tmp_path / "some.fifo"
    os.mkfifo(fifo)
    result = report_cli(str(routine_file), "--database", str(database), "-o", "some.fifo")
    assert result.returncode == 2
    assert result.stderr.startswith("stretch-gui: cannot write some.fifo: it is a named pipe, not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.slow
@pytest.mark.subprocess
def test_cli_without_a_history_writes_a_report_that_says_so_and_creates_no_history(
    qapp, report_cli, recorded, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "none.sqlite3"
    result = report_cli(str(recorded[0]), "--database", str(missing), "-o", "empty.pdf")
    assert result.returncode == 0, result.stderr
    assert not missing.exists()
    assert NO_SESSIONS in " ".join(pdf_text(tmp_path / "empty.pdf"))


@pytest.mark.slow
@pytest.mark.subprocess
def test_cli_exit_status_1_for_a_broken_routine(report_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "broken.yaml").write_text("format: 1\ntitle: x\n", encoding="utf-8")
    result = report_cli("broken.yaml", "-o", "x.pdf")
    assert result.returncode == 1
    assert "broken.yaml" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
