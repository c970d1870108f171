"""The CSV export and ``stretch-gui history``, run as a user would."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from stretch_gui.core.record.csv_export import HEADERS, csv_bytes, safe_cell, spreadsheet_duration
from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import History
from tests.support.history import (
    ROUTINE,
    FakeWallClock,
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)


def fill(history: History, routine, wall: FakeWallClock) -> None:  # type: ignore[no-untyped-def]
    """One finished session with pain and a hurt mark, one stopped the next day with a hostile note."""
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    recorder.check_in_before(rating=6, note="Rücken steif, «schlimm»\nzweite Zeile")
    session.start()
    finish_segment(session, clock)
    recorder.mark_hurt()
    while not session.state.is_over:
        finish_segment(session, clock)
    wall.advance(minutes=3)
    recorder.check_in_after(rating=3, note="better")
    wall.advance(days=1)
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    finish_segment(session, clock)
    session.stop("=cmd|' /C calc'!A0")
    recorder.check_in_after(rating=None, note="+1 then -2 @home")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    routine = write_routine_file(tmp_path, ROUTINE.replace("prescribed:", "revision: 1.10\nprescribed:"))
    wall = FakeWallClock()
    path = tmp_path / "history.sqlite3"
    with open_history(path, wall) as history:
        fill(history, routine, wall)
    return path


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_session_oldest_first_with_clear_headers(database: Path) -> None:
    with open_history(database) as history:
        data = csv_bytes(history.sessions(), history.hurt_marks)
        digest = history.session(1).routine.content_hash
    assert b"\r\n" in data
    rows = read_csv(data)
    assert list(rows[0]) == list(HEADERS)
    first, second = rows
    assert first["Date"] == "2026-03-14" and first["Start time"] == "09:00:00" and first["End time"] == "09:00:00"
    assert first["Routine"] == "Short test routine" and first["Prescribed"] == "2026-03-01"
    assert first["Revision"] == "1.10"  # as the physio wrote it, not the number 1.1
    assert first["File version"] == digest[:12]
    assert first["Time exercising"] == "0:01:45"  # the whole plan: 5+20+10+20 + 5+27 + 18 s
    assert (first["Exercises completed"], first["Exercises skipped"], first["Result"]) == ("2", "0", "finished")
    assert (first["Pain before (0-10)"], first["Pain after (0-10)"]) == ("6", "3")
    assert first["Note before"] == "Rücken steif, «schlimm»\nzweite Zeile"
    assert (first["Hurt marks"], first["Hurt during"]) == ("1", "Knee hug")
    assert second["Date"] == "2026-03-15" and second["Result"] == "stopped"
    assert second["Time exercising"] == "0:00:05"
    assert second["Pain before (0-10)"] == "" and second["Pain after (0-10)"] == ""
    assert (second["Hurt marks"], second["Hurt during"]) == ("0", "")


def test_no_file_system_paths_in_the_export(database: Path, tmp_path: Path) -> None:
    """A physio sees the routine's name and revision, never where the file sat on the patient's disk."""
    with open_history(database) as history:
        routine_file = history.session(1).routine.file
        data = csv_bytes(history.sessions(), history.hurt_marks).decode("utf-8-sig")
    assert routine_file and routine_file.endswith("routine.yaml")
    assert str(tmp_path) not in data and "routine.yaml" not in data


def test_hurt_marks_keep_which_exercise_and_how_often(tmp_path: Path) -> None:
    routine = write_routine_file(tmp_path)
    with open_history(tmp_path / "history.sqlite3") as history:
        _, clock, session = new_session(routine)
        recorder = SessionRecorder(history, session)
        session.start()
        finish_segment(session, clock)  # into the first hold of Knee hug
        recorder.mark_hurt()
        recorder.mark_hurt()
        while session.segment.title != "Cat cow" or session.segment.kind.value != "reps":
            finish_segment(session, clock)
        recorder.mark_hurt()
        session.stop("enough")
        rows = read_csv(csv_bytes(history.sessions(), history.hurt_marks))
        bare = read_csv(csv_bytes(history.sessions()))
    assert (rows[0]["Hurt marks"], rows[0]["Hurt during"]) == ("3", "Knee hug ×2; Cat cow")
    assert (bare[0]["Hurt marks"], bare[0]["Hurt during"]) == ("3", "")  # the count even without the marks


@pytest.mark.parametrize(
    ("seconds", "cell"), [(0, "0:00:00"), (59.6, "0:01:00"), (105, "0:01:45"), (3600 * 2 + 61, "2:01:01"), (-3, "0:00:00")]
)
def test_durations_are_h_mm_ss(seconds: float, cell: str) -> None:
    assert spreadsheet_duration(seconds) == cell


def test_cells_cannot_become_formulas(database: Path) -> None:
    with open_history(database) as history:
        rows = read_csv(csv_bytes(history.sessions()))
    assert rows[1]["Stop reason"] == "'=cmd|' /C calc'!A0"
    assert rows[1]["Note after"] == "'+1 then -2 @home"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("a=b", "a=b"), ("", "")],
)
def test_safe_cell(text: str, safe: str) -> None:
    assert safe_cell(text) == safe


# -- the command line -----------------------------------------------------------------------------


@pytest.fixture
def cli(tmp_path: Path, python: str, subprocess_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """Runs ``python -m stretch_gui`` with its data folder (XDG_DATA_HOME) under tmp_path."""
    env = dict(subprocess_env, XDG_DATA_HOME=str(tmp_path / "xdg-data"), HOME=str(tmp_path / "home"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [python, "-m", "stretch_gui", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        return result

    return run


def test_history_lists_recent_sessions_newest_first(cli, database: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("history", "--database", str(database))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-03-15 09:03  Short test routine  5s  ")
    assert "stopped, 0 done, 0 skipped (=cmd|' /C calc'!A0)" in lines[0]
    assert lines[1].startswith("2026-03-14 09:00  Short test routine  1m 45s  finished, 2 done, 0 skipped")
    assert lines[1].endswith("pain 6 -> 3  1 hurt mark")
    assert cli("history", "--database", str(database), "--limit", "1").stdout.count("\n") == 1


def test_history_csv_writes_the_file(cli, database: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "export" / "sessions.csv"
    out.parent.mkdir()
    out.write_text("an older export")
    result = cli("history", "--database", str(database), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote 2 sessions to {out}"
    with open_history(database) as history:
        assert out.read_bytes() == csv_bytes(history.sessions(), history.hurt_marks)
    assert [p.name for p in out.parent.iterdir()] == ["sessions.csv"]  # no temporary file left


def test_history_without_a_file_says_so_and_creates_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nowhere" / "history.sqlite3"
    result = cli("history", "--database", str(missing))
    assert result.returncode == 0
    assert result.stdout.strip() == f"No sessions recorded yet (no history file at {missing})."
    result = cli("history", "--database", str(missing), "--csv", str(tmp_path / "out.csv"))
    assert result.returncode == 1 and "No sessions recorded yet" in result.stderr
    assert not missing.parent.exists() and not (tmp_path / "out.csv").exists()


def test_history_uses_the_windows_data_folder_by_default(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    default = tmp_path / "xdg-data" / "stretch-gui" / "stretch-gui" / "history.sqlite3"
    routine = write_routine_file(tmp_path)
    with open_history(default) as history:
        _, _, session = new_session(routine)
        SessionRecorder(history, session)
        session.start()
        session.stop("testing the default path")
    result = cli("history")
    assert result.returncode == 0, result.stderr
    assert "(testing the default path)" in result.stdout


def test_history_reports_a_bad_limit_and_a_bad_database(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("history", "--limit", "0", "--database", str(tmp_path / "x.sqlite3"))
    assert result.returncode == 2 and "--limit must be 1 or more" in result.stderr
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    result = cli("history", "--database", str(folder))
    assert result.returncode == 1 and str(folder) in result.stderr


def test_history_csv_refuses_a_fifo_and_exits_2(cli, database: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    fifo = tmp_path / "some.fifo"
    os.mkfifo(fifo)
    result = cli("history", "--database", str(database), "--csv", str(fifo))
    assert result.returncode == 2, result.stdout + result.stderr
    refusal = f"Will not write to {fifo}: it is a named pipe, not a regular file. Choose a file name instead."
    assert result.stderr.strip() == refusal
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
