"""``stretch-gui history`` on odd input: files that are not a history, damaged ones, odd arguments, a closed pipe.

Listing and exporting open the history read-only: they never create, move or rewrite a file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from stretch_gui.core.record.recorder import SessionRecorder
from tests.support.history import new_session, open_history, write_routine_file


@pytest.fixture
def env(tmp_path: Path, subprocess_env: dict[str, str]) -> dict[str, str]:
    return dict(subprocess_env, XDG_DATA_HOME=str(tmp_path / "xdg-data"), HOME=str(tmp_path / "home"))


@pytest.fixture
def cli(tmp_path: Path, python: str, env: dict[str, str]):  # type: ignore[no-untyped-def]
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [python, "-m", "stretch_gui", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        return result

    return run


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite3"
    routine = write_routine_file(tmp_path)
    with open_history(path) as history:
        for n in range(3):
            _, _, session = new_session(routine)
            SessionRecorder(history, session)
            session.start()
            session.stop(f"stop {n}")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_routine_file_given_as_the_database_is_left_alone(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    routine = tmp_path / "my-routine.yaml"
    routine.write_text("format: 1\ntitle: My routine\nsteps: []\n", encoding="utf-8")
    before = snapshot(tmp_path)
    for args in (("--database", "my-routine.yaml"), ("--database", "my-routine.yaml", "--csv", "out.csv")):
        result = cli("history", *args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.strip() == "my-routine.yaml is not a stretch-gui history file. It was left as it is."
        assert snapshot(tmp_path) == before  # not renamed, not rewritten, no CSV, no -wal or -shm


def test_another_programs_database_is_not_a_history(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "notes.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = snapshot(tmp_path)
    result = cli("history", "--database", str(other))
    assert result.returncode == 1 and "is not a stretch-gui history file" in result.stderr
    assert snapshot(tmp_path) == before


def test_csv_of_a_damaged_database_exits_1_and_writes_nothing(cli, database: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    whole = database.read_bytes()
    database.write_bytes(whole[:100] + os.urandom(len(whole) - 100))  # the header kept, the pages garbage
    damaged = database.read_bytes()
    result = cli("history", "--database", str(database), "--csv", "out.csv")
    assert result.returncode == 1, result.stdout + result.stderr
    assert str(database) in result.stderr and "left as it is" in result.stderr
    assert not (tmp_path / "out.csv").exists()
    assert database.read_bytes() == damaged and not list(tmp_path.glob("*.corrupt-*"))


def test_a_huge_limit_lists_everything(cli, database: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("history", "--database", str(database), "--limit", "99999999999999999999")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_a_reader_that_goes_away_ends_the_listing_quietly(
    python: str, env: dict[str, str], database: Path, tmp_path: Path
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -1` once head has exited
    try:
        result = subprocess.run(
            [python, "-m", "stretch_gui", "history", "--database", str(database)],
            cwd=tmp_path, env=env, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60, check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1


def test_an_older_history_is_listed_without_being_migrated(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stretch_gui.core.record.migrations import MIGRATIONS

    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute(
        "INSERT INTO sessions (routine_title, segment_count, started_at, status)"
        " VALUES ('Old one', 3, '2026-01-02T08:00:00+01:00', 'finished')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = old.read_bytes()
    result = cli("history", "--database", str(old))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2026-01-02 08:00  Old one")
    assert old.read_bytes() == before
