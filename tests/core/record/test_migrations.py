"""The history file's format over time: an old file opens, a newer one is left alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from stretch_gui.core.record.migrations import CURRENT_VERSION, MIGRATIONS
from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import HistoryVersionError, Moment, SessionStatus
from stretch_gui.core.session.session import Outcome
from tests.support.history import (
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)

# Version 1 exactly as it shipped, copied here on purpose: if someone edits the first
# migration instead of adding one, this copy no longer matches what real files hold.
V1_SCHEMA = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_title TEXT NOT NULL,
    routine_file TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    prescribed TEXT NOT NULL DEFAULT '',
    revision TEXT NOT NULL DEFAULT '',
    segment_count INTEGER NOT NULL CHECK (segment_count > 0),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'finished', 'stopped', 'abandoned')),
    stop_reason TEXT NOT NULL DEFAULT '',
    current_index INTEGER NOT NULL DEFAULT 0,
    active_seconds REAL NOT NULL DEFAULT 0,
    exercises_completed INTEGER NOT NULL DEFAULT 0,
    exercises_skipped INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_start ON sessions (started_at);
CREATE TABLE segments (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    segment_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped')),
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, segment_index)
);
PRAGMA user_version = 1;
"""


def make_v1_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO sessions (routine_title, routine_file, content_hash, segment_count, started_at, ended_at,"
        " status, stop_reason, current_index, active_seconds, exercises_completed, exercises_skipped)"
        " VALUES ('Old routine', '/home/pat/old.yaml', 'abc', 7, '2026-02-01T08:30:00+01:00',"
        " '2026-02-01T08:40:00+01:00', 'stopped', 'too tired', 3, 600.0, 1, 0)"
    )
    conn.executemany(
        "INSERT INTO segments VALUES (1, ?, 'hold', 'Knee hug', ?, '2026-02-01T08:31:00+01:00')",
        [(0, "completed"), (1, "completed"), (2, "skipped")],
    )
    conn.commit()
    conn.close()


def normalised(sql: str) -> str:
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split())


def test_the_shipped_version_1_matches_the_first_migration() -> None:
    shipped = [s.strip() for s in V1_SCHEMA.split(";") if s.strip() and not s.strip().startswith("PRAGMA")]
    assert [normalised(s) for s in shipped] == [normalised(s) for s in MIGRATIONS[0]]


def test_a_version_1_file_is_migrated_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    with open_history(path) as history:
        assert history.notice == ""
        (old,) = history.sessions()
        assert old.routine.title == "Old routine" and old.status is SessionStatus.STOPPED
        assert old.stop_reason == "too tired" and old.active_seconds == 600.0
        assert old.pain_before is None and old.hurt_marks == 0  # tables from version 2, empty
        assert history.outcomes(old.id) == {0: Outcome.COMPLETED, 1: Outcome.COMPLETED, 2: Outcome.SKIPPED}
        # and what version 2 added works on the migrated file
        history.add_check_in(old.id, Moment.AFTER, rating=3, note="added later")
        routine = write_routine_file(tmp_path)
        _, clock, session = new_session(routine)
        recorder = SessionRecorder(history, session)
        session.start()
        finish_segment(session, clock)
        recorder.mark_hurt()
        assert [r.id for r in history.sessions()] == [2, 1]
        assert history.session(1).pain_after == 3
        assert history.session(2).hurt_marks == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 5
    conn.close()


def test_version_3_keeps_every_segment_and_check_in_and_accepts_a_stopped_segment(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[1]:  # version 2 as it shipped, with a check-in
        conn.execute(statement)
    conn.execute("INSERT INTO check_ins VALUES (1, 'before', 6, 'stiff', '2026-02-01T08:30:00+01:00')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with open_history(path) as history:
        (old,) = history.sessions()
        assert history.outcomes(old.id) == {0: Outcome.COMPLETED, 1: Outcome.COMPLETED, 2: Outcome.SKIPPED}
        assert old.pain_before == 6 and old.note_before == "stiff"
        row = history._conn.execute("SELECT owner, plan_hash FROM sessions WHERE id = 1").fetchone()
        assert row == ("", "")  # no owner: nobody is playing it; no plan digest: resumed only if the file is unchanged
        history._conn.execute("INSERT INTO segments VALUES (1, 3, 'hold', 'Knee hug', 'stopped', '2026-02-01T08:32:00+01:00')")
        assert history.outcomes(old.id)[3] is Outcome.STOPPED
        sql = history._conn.execute("SELECT sql FROM sqlite_master WHERE name = 'segments'").fetchone()[0]
        assert "'stopped'" in sql
        # the cascade from sessions to segments survives the copy
        history._conn.execute("PRAGMA foreign_keys = ON")
        history._conn.execute("DELETE FROM sessions WHERE id = 1")
        assert history._conn.execute("SELECT count(*) FROM segments").fetchone()[0] == 0


def test_version_4_adds_the_morning_checks_and_keeps_every_session(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[1:3]:  # versions 2 and 3 as they shipped
        for statement in migration:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with open_history(path) as history:
        (old,) = history.sessions()
        assert history.morning_checks() == []
        history.add_morning_check(old.id, rating=3, compared="worse", advice="ease back")
        ((session_id, rating, compared, advice, _at),) = history.morning_checks()
        assert (session_id, rating, compared, advice) == (old.id, 3, "worse", "ease back")
        with pytest.raises(sqlite3.IntegrityError):  # only the three answers the question offers
            history._conn.execute("INSERT INTO morning_checks (rating, compared, at) VALUES (3, 'awful', 'x')")
        # a session deleted by hand leaves its morning check, about no session
        history._conn.execute("PRAGMA foreign_keys = ON")
        history._conn.execute("DELETE FROM sessions WHERE id = 1")
        assert history.morning_checks()[0][0] is None


def test_version_5_adds_the_goals_and_keeps_every_session_and_morning_check(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    conn = sqlite3.connect(path)
    for migration in MIGRATIONS[1:4]:  # versions 2 to 4 as they shipped
        for statement in migration:
            conn.execute(statement)
    conn.execute(
        "INSERT INTO morning_checks (session_id, rating, compared, at) VALUES (1, 2, 'same', '2026-02-02T08:00:00+01:00')"
    )
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with open_history(path) as history:
        (old,) = history.sessions()
        assert old.routine.title == "Old routine" and len(history.morning_checks()) == 1
        assert history.goals().activities == ()
        history.save_goals(["Walk to the shops"], {"Walk to the shops": 4})
        assert [r.score for r in history.goals().ratings] == [4]
        with pytest.raises(sqlite3.IntegrityError):  # a score is 0-10, whoever writes it
            history._conn.execute("INSERT INTO goal_ratings VALUES (1, '2026-03-01', 11, 'x')")
        # an activity deleted by hand takes its scores with it, never leaving scores of nothing
        history._conn.execute("PRAGMA foreign_keys = ON")
        history._conn.execute("DELETE FROM goal_activities")
        assert history._conn.execute("SELECT count(*) FROM goal_ratings").fetchone()[0] == 0

def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    open_history(path).close()
    with open_history(path) as history:  # nothing left to run: no "table already exists"
        assert len(history.sessions()) == 1


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    import stretch_gui.core.record.store as history_module

    broken = (*MIGRATIONS, ("CREATE TABLE check_ins (x)",))  # clashes with version 2's table
    monkeypatch.setattr(history_module, "MIGRATIONS", broken)
    monkeypatch.setattr(history_module, "CURRENT_VERSION", len(broken))
    with pytest.raises(history_module.HistoryError, match=str(path)):
        open_history(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"sessions", "segments"}  # version 2's tables rolled back with the failure
    conn.close()


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_v1_database(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(HistoryVersionError, match="newer version of stretch-gui") as caught:
        open_history(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # not moved aside either
