"""When the history file or its disk misbehaves: damaged files, a second instance, no room, no rights.

How each fault is made, honestly and also when the tests run as root:
- damaged file: garbage bytes, or a real database cut short;
- locked: another process holds a write transaction (BEGIN IMMEDIATE) until told to commit;
- full disk: a subprocess lowers RLIMIT_FSIZE to the files' current sizes (SIGXFSZ ignored),
  so the next write that grows a file fails in the kernel with EFBIG, as on a full disk;
- read-only: chmod, in a subprocess that runs as the unprivileged user ``nobody`` when the
  tests run as root (root ignores permission bits); a path under a regular file (ENOTDIR)
  covers "cannot be created" in-process.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import (
    History,
    HistoryBusyError,
    HistoryError,
    HistoryWriteError,
    Moment,
    SessionStatus,
)
from stretch_gui.core.session.session import Outcome
from tests.support.history import (
    FakeWallClock,
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)


@pytest.fixture
def env(subprocess_env: dict[str, str]) -> dict[str, str]:
    return dict(subprocess_env)  # the checkout is on PYTHONPATH, so scripts import tests.support too


def run_script(
    python: str, env: dict[str, str], script: str, *args: str, as_user: int | None = None
) -> subprocess.CompletedProcess[str]:
    if as_user is not None:
        env = dict(env, STRETCH_GUI_TEST_UID=str(as_user))
    result = subprocess.run(
        [python, "-c", textwrap.dedent(script), *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def one_stopped_session(history: History, routine) -> int:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    finish_segment(session, clock)
    session.stop("first one")
    assert recorder.session_id is not None
    return recorder.session_id


# -- damaged files -------------------------------------------------------------------------------


def test_garbage_is_moved_aside_and_a_fresh_history_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    garbage = os.urandom(3000)
    path.write_bytes(garbage)
    with open_history(path, FakeWallClock()) as history:
        assert history.sessions() == []
        assert history.moved_aside == tmp_path / "history.sqlite3.corrupt-20260314-090000"
        assert history.moved_aside.read_bytes() == garbage  # kept, never deleted
        assert str(path) in history.notice and "history.sqlite3.corrupt-20260314-090000" in history.notice
        assert "new, empty history" in history.notice
        routine = write_routine_file(tmp_path)
        one_stopped_session(history, routine)
    with open_history(path) as reopened:
        assert reopened.notice == "" and len(reopened.sessions()) == 1


def test_a_truncated_database_is_moved_aside_with_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    routine = write_routine_file(tmp_path)
    with open_history(path) as history:
        for _ in range(40):  # enough rows for a file of many pages
            one_stopped_session(history, routine)
    whole = path.read_bytes()
    assert len(whole) > 8 * 4096
    path.write_bytes(whole[: len(whole) // 2])
    stale_wal = tmp_path / "history.sqlite3-wal"
    stale_wal.write_bytes(b"left over from the damaged file")
    with open_history(path, FakeWallClock()) as history:
        assert history.sessions() == []
        moved = history.moved_aside
        assert moved is not None and moved.read_bytes() == whole[: len(whole) // 2]
        assert (tmp_path / (moved.name + "-wal")).read_bytes() == b"left over from the damaged file"
        assert history.notice


def test_moving_aside_twice_in_one_second_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    wall = FakeWallClock()
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        path.write_bytes(content)
        open_history(path, wall).close()
    kept = sorted(p.name for p in tmp_path.glob("history.sqlite3.corrupt-*"))
    assert kept == ["history.sqlite3.corrupt-20260314-090000", "history.sqlite3.corrupt-20260314-090000-1"]
    assert {(tmp_path / name).read_bytes()[:5] for name in kept} == {b"first", b"secon"}


def test_an_empty_file_is_simply_a_new_history(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"")
    with open_history(path) as history:
        assert history.moved_aside is None and history.sessions() == []


# -- a second instance ----------------------------------------------------------------------------

HOLD_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE sessions SET stop_reason = 'other instance' WHERE id = 1")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


@pytest.fixture
def other_instance(tmp_path: Path, python: str) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A history with one session, and another process holding its write lock until sent a line."""
    path = tmp_path / "history.sqlite3"
    with open_history(path) as history:
        one_stopped_session(history, write_routine_file(tmp_path))
    holder = subprocess.Popen(
        [python, "-c", HOLD_WRITE_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    with holder:  # closes the pipes
        yield path, holder
        holder.kill()


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    holder.wait(timeout=10)


def test_a_locked_file_gives_a_clear_busy_error_then_works_once_released(other_instance) -> None:  # type: ignore[no-untyped-def]
    path, holder = other_instance
    with open_history(path, busy_timeout=0.2) as history:  # opening only reads: allowed during the lock
        assert [r.id for r in history.sessions()] == [1]
        with pytest.raises(HistoryBusyError) as caught:
            history.add_check_in(1, Moment.AFTER, rating=2)
        message = str(caught.value)
        assert str(path) in message and "another stretch-gui window" in message and "Try again" in message
        release(holder)
        history.add_check_in(1, Moment.AFTER, rating=2)
        record = history.session(1)
        assert record.pain_after == 2 and record.stop_reason == "other instance"


def test_a_write_waits_for_a_short_lock(other_instance) -> None:  # type: ignore[no-untyped-def]
    path, holder = other_instance
    import threading

    with open_history(path, busy_timeout=30) as history:
        # The other instance commits while our write is already waiting on the lock.
        releaser = threading.Timer(0.3, release, args=(holder,))
        releaser.start()
        history.add_check_in(1, Moment.BEFORE, rating=5)
        releaser.join()
        assert holder.returncode == 0
        assert history.session(1).pain_before == 5


def test_the_recorder_keeps_the_routine_going_while_locked_and_catches_up(other_instance, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, holder = other_instance
    routine = write_routine_file(tmp_path)
    errors: list[HistoryError] = []
    with open_history(path, busy_timeout=0.05) as history:
        _, clock, session = new_session(routine)
        recorder = SessionRecorder(history, session, on_error=errors.append)
        session.start()  # cannot write the session row: no exception, the session runs
        finish_segment(session, clock)
        finish_segment(session, clock)
        assert session.index == 2
        assert len(errors) == 1 and isinstance(errors[0], HistoryBusyError)  # told once, not per retry
        assert isinstance(recorder.last_error, HistoryBusyError)
        release(holder)
        finish_segment(session, clock)  # the next event saves everything waiting
        assert recorder.last_error is None
        assert history.outcomes(recorder.session_id) == {i: Outcome.COMPLETED for i in range(3)}  # type: ignore[arg-type]


# -- no room on the disk --------------------------------------------------------------------------

FULL_DISK = """
import os, resource, signal, sys
from pathlib import Path
from tests.support.history import finish_segment, new_session, open_history, write_routine_file
from stretch_gui.core.record.store import HistoryWriteError, Moment
from stretch_gui.core.record.recorder import SessionRecorder

path = Path(sys.argv[1])
history = open_history(path)
routine = write_routine_file(path.parent)
wal = path.with_name(path.name + "-wal")  # where every commit goes first
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size, hard))  # the disk is full now: no file may grow

try:
    history.add_check_in(1, Moment.AFTER, rating=9, note="x" * 1500)
except HistoryWriteError as exc:
    print("check-in:", exc)

errors = []
_, clock, session = new_session(routine)
recorder = SessionRecorder(history, session, on_error=errors.append)
session.start()
for _ in range(3):
    finish_segment(session, clock)
print("session carried on to segment", session.index, "errors", len(errors), type(errors[0]).__name__)

resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # room again
print("flushed:", recorder.flush(), recorder.session_id)
"""


def test_a_full_disk_gives_a_clear_error_keeps_the_data_and_recovers(tmp_path: Path, python: str, env: dict[str, str]) -> None:
    path = tmp_path / "history.sqlite3"
    with open_history(path) as history:
        one_stopped_session(history, write_routine_file(tmp_path))
    result = run_script(python, env, FULL_DISK, str(path))
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"check-in: Could not save the pain check-in: the history file {path} cannot be written")
    assert "the disk may be full" in lines[0] and "What was saved before is kept" in lines[0]
    assert lines[1] == "session carried on to segment 3 errors 1 HistoryWriteError"
    assert lines[2] == "flushed: True 2"
    with open_history(path) as history:
        first = history.session(1)
        assert first.stop_reason == "first one" and first.pain_after is None  # the failed check-in left no trace
        assert history.outcomes(1) == {0: Outcome.COMPLETED, 1: Outcome.STOPPED}  # stopped in its second segment
        assert history.outcomes(2) == {i: Outcome.COMPLETED for i in range(3)}
        assert history._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- read-only -----------------------------------------------------------------------------------


def test_a_folder_that_cannot_exist_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(HistoryWriteError, match="Cannot create the folder") as caught:
        History(blocker / "stretch-gui" / "history.sqlite3")
    assert str(blocker / "stretch-gui") in str(caught.value)


@pytest.fixture
def shared_folder() -> Iterator[tuple[Path, int | None]]:
    """A folder the unprivileged user may enter, and that user (None when not running as root)."""
    base = Path(tempfile.mkdtemp(prefix="stretch-gui-test-"))
    base.chmod(0o755)
    folder = base / "data"
    folder.mkdir()
    user = pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 else None
    yield folder, user
    for p in [base, *base.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(base)


def hand_over(folder: Path, user: int | None) -> None:
    if user is not None:
        for p in [folder, *folder.rglob("*")]:
            os.chown(p, user, user)


READ_ONLY = """
import sys
from pathlib import Path
from tests.support.history import drop_privileges_if_asked, open_history
from stretch_gui.core.record.store import HistoryError, Moment

drop_privileges_if_asked()

for name in sys.argv[1:]:
    try:
        history = open_history(Path(name))
        history.add_check_in(1, Moment.AFTER, rating=1, note="should not be saved")
        print("saved?!", name)
    except HistoryError as exc:
        print(type(exc).__name__, "|", exc)
"""


def test_a_read_only_folder_or_file_gives_a_clear_error_and_keeps_the_data(
    shared_folder: tuple[Path, int | None], python: str, env: dict[str, str]
) -> None:
    folder, user = shared_folder
    routine_folder = folder / "routine"
    routine_folder.mkdir()
    locked_folder = folder / "read-only-folder"
    locked_folder.mkdir()
    in_locked_folder = locked_folder / "history.sqlite3"
    read_only_file = folder / "read-only-file" / "history.sqlite3"
    for path in (in_locked_folder, read_only_file):
        with open_history(path) as history:
            one_stopped_session(history, write_routine_file(routine_folder))
    before = {p: p.read_bytes() for p in (in_locked_folder, read_only_file)}
    hand_over(folder, user)
    locked_folder.chmod(0o555)
    read_only_file.chmod(0o444)
    new_in_locked_folder = locked_folder / "new" / "history.sqlite3"

    result = run_script(
        python, env, READ_ONLY, str(in_locked_folder), str(read_only_file), str(new_in_locked_folder), as_user=user
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    for line, path in zip(lines, (in_locked_folder, read_only_file, new_in_locked_folder), strict=True):
        kind, message = line.split(" | ")
        assert kind == "HistoryWriteError", line
        assert str(path.parent) in message, line
        assert "read-only" in message or "Cannot create the folder" in message, line
    for path, content in before.items():
        assert path.read_bytes() == content
    assert not new_in_locked_folder.parent.exists()
    with open_history(read_only_file) as history:  # root, or the owner once it is writable again
        assert history.session(1).stop_reason == "first one" and history.session(1).pain_after is None


# -- CSV export: the old file survives a failed save --------------------------------------------

EXPORT = """
import resource, signal, sys
from pathlib import Path
from stretch_gui.core.record.store import History
from stretch_gui.qt.atomic import SaveError
from stretch_gui.qt.paths import export_history_csv
from tests.support.history import drop_privileges_if_asked
import PySide6.QtCore  # before giving up root: the interpreter's files may be root's only
import stretch_gui.core.record.csv_export
import encodings.utf_8_sig

drop_privileges_if_asked()
database, target, full = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "full"
history = History(database)
if full:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (10, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
try:
    export_history_csv(history, target)
    print("saved?!")
except SaveError as exc:
    print("SaveError |", exc)
"""


def test_csv_export_to_a_read_only_folder_keeps_the_old_file(
    shared_folder: tuple[Path, int | None], python: str, env: dict[str, str]
) -> None:
    folder, user = shared_folder
    database = folder / "history.sqlite3"
    with open_history(database) as history:
        one_stopped_session(history, write_routine_file(folder))
    exports = folder / "exports"
    exports.mkdir()
    old = exports / "sessions.csv"
    old.write_text("last month's export")
    hand_over(folder, user)
    exports.chmod(0o555)
    result = run_script(python, env, EXPORT, str(database), str(old), "read-only", as_user=user)
    kind, message = result.stdout.strip().split(" | ")
    assert kind == "SaveError" and str(old) in message and "unchanged" in message
    assert old.read_text() == "last month's export"
    assert [p.name for p in exports.iterdir()] == ["sessions.csv"]


def test_csv_export_on_a_full_disk_keeps_the_old_file(tmp_path: Path, python: str, env: dict[str, str]) -> None:
    database = tmp_path / "history.sqlite3"
    with open_history(database) as history:
        one_stopped_session(history, write_routine_file(tmp_path))
    old = tmp_path / "exports" / "sessions.csv"
    old.parent.mkdir()
    old.write_text("last month's export")
    result = run_script(python, env, EXPORT, str(database), str(old), "full")
    kind, message = result.stdout.strip().split(" | ")
    assert kind == "SaveError" and str(old) in message and "the disk may be full" in message
    assert old.read_text() == "last month's export"
    assert [p.name for p in old.parent.iterdir()] == ["sessions.csv"]


def test_save_atomically_into_a_missing_folder_names_the_file(tmp_path: Path) -> None:
    from stretch_gui.qt.atomic import SaveError, save_atomically

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(SaveError) as caught:
        save_atomically(blocker / "out.csv", b"data")
    assert str(blocker / "out.csv") in str(caught.value)
    assert caught.value.path == blocker / "out.csv"


def test_save_atomically_replaces_the_file_whole(tmp_path: Path) -> None:
    from stretch_gui.qt.atomic import save_atomically

    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    save_atomically(target, b"new contents\r\n")
    assert target.read_bytes() == b"new contents\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


# -- kill -9 in the middle of a routine -----------------------------------------------------------

PLAY_UNTIL_KILLED = """
import sys
from pathlib import Path
from tests.support.history import finish_segment, new_session, open_history
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.record.recorder import SessionRecorder

database, routine_file, pause_after = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
history = open_history(database)
_, clock, session = new_session(load_routine_file(routine_file))
recorder = SessionRecorder(history, session)
session.start()
while not session.state.is_over:
    finish_segment(session, clock)
    print("saved", session.index - 1, flush=True)  # after the commit the recorder just made
    if session.index == pause_after:
        clock.advance(1.5)  # partway into the next segment
        print("waiting", flush=True)
        sys.stdin.readline()  # killed here
print("finished", flush=True)
"""


def long_routine(folder: Path, steps: int) -> Path:
    step = (
        "  - exercise: {title: Knee hug, instructions: Hug your knees.}\n"
        "    hold: 2s\n    sides: both\n    switch: 1s\n    sets: 3\n    rest: 1s\n    prepare: 1s\n"
    )
    path = folder / "long.yaml"
    path.write_text("format: 1\ntitle: Long routine\nsteps:\n" + step * steps, encoding="utf-8")
    return path


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL


def test_kill_9_mid_routine_keeps_every_finished_segment_and_resumes(tmp_path: Path, python: str, env: dict[str, str]) -> None:
    database = tmp_path / "history.sqlite3"
    routine_file = long_routine(tmp_path, 2)
    with subprocess.Popen(
        [python, "-c", textwrap.dedent(PLAY_UNTIL_KILLED), str(database), str(routine_file), "5"],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as child:
        assert child.stdout is not None
        lines = [child.stdout.readline() for _ in range(6)]
        kill(child)
    assert lines == [f"saved {i}\n" for i in range(5)] + ["waiting\n"]

    with open_history(database) as history:
        record = history.unfinished_session()
        assert record is not None and record.status is SessionStatus.RUNNING and record.ended_at is None
        assert record.resume_index == 5
        assert history.outcomes(record.id) == {i: Outcome.COMPLETED for i in range(5)}
        assert history._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # ... and carries on from there.
        from stretch_gui.core.record.resume import carried_over
        from stretch_gui.core.routine.loader import load_routine_file

        carried = carried_over(history, record)
        _, clock, session = new_session(load_routine_file(routine_file), start_index=record.resume_index, carried=carried)
        SessionRecorder(history, session, resume=record)
        session.start()
        while not session.state.is_over:
            finish_segment(session, clock)
        done = history.session(record.id)
        assert done.status is SessionStatus.FINISHED and done.exercises_completed == 2
        assert session.summary().exercises_completed == 2  # the screen counts what the history counts
        assert set(history.outcomes(record.id)) == set(range(done.segment_count))
        assert history.unfinished_session() is None


def test_kill_9_during_writes_loses_nothing_that_was_committed(tmp_path: Path, python: str, env: dict[str, str]) -> None:
    """No pause this time: the kill lands while the child is busy saving segment after segment."""
    database = tmp_path / "history.sqlite3"
    routine_file = long_routine(tmp_path, 60)  # 720 segments, far more than are played before the kill
    with subprocess.Popen(
        [python, "-c", textwrap.dedent(PLAY_UNTIL_KILLED), str(database), str(routine_file), "-1"],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as child:
        assert child.stdout is not None
        reported = [child.stdout.readline() for _ in range(25)]
        kill(child)
    reported = [int(line.split()[1]) for line in reported]
    assert reported == list(range(25))

    with open_history(database) as history:
        record = history.unfinished_session()
        assert record is not None
        outcomes = history.outcomes(record.id)
        saved = len(outcomes)
        assert outcomes == {i: Outcome.COMPLETED for i in range(saved)}  # a whole prefix, no gaps
        assert saved >= 25  # everything reported as saved is there
        assert saved < record.segment_count  # and the kill was mid-routine
        assert record.resume_index == saved
        assert history._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_history_connection_is_checked_on_open(tmp_path: Path) -> None:
    """A healthy file opened while another connection reads it is not mistaken for a damaged one."""
    path = tmp_path / "history.sqlite3"
    open_history(path).close()
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM sessions").fetchone()
    with open_history(path) as history:
        assert history.moved_aside is None
    reader.close()


# -- read-only, but still readable ---------------------------------------------------------------

VIEW_READ_ONLY = """
import sys
from pathlib import Path
from tests.support.history import drop_privileges_if_asked
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.cli.history import run_history
import stretch_gui.core.wording

drop_privileges_if_asked()
for name in sys.argv[1:]:
    with History(Path(name), read_only=True) as history:
        print("read", [r.stop_reason for r in history.sessions()])
        try:
            history.mark_abandoned(1)
            print("written?!")
        except HistoryError as exc:
            print(type(exc).__name__)
    print("command exit", run_history(database=Path(name), csv_file=None, limit=5))
"""


def test_a_read_only_history_can_still_be_listed(
    shared_folder: tuple[Path, int | None], python: str, env: dict[str, str]
) -> None:
    folder, user = shared_folder
    locked_folder = folder / "read-only-folder"
    locked_folder.mkdir()
    path = locked_folder / "history.sqlite3"
    with open_history(path) as history:
        one_stopped_session(history, write_routine_file(folder))
    before = sorted(p.name for p in locked_folder.iterdir())
    content = path.read_bytes()
    hand_over(folder, user)
    path.chmod(0o444)
    locked_folder.chmod(0o555)
    result = run_script(python, env, VIEW_READ_ONLY, str(path), as_user=user)
    lines = result.stdout.splitlines()
    assert lines[0] == "read ['first one']"
    assert lines[1] == "HistoryWriteError"
    assert lines[2].startswith("2026-03-14 09:00  Short test routine") and lines[2].endswith("(first one)")
    assert lines[3] == "command exit 0"
    assert sorted(p.name for p in locked_folder.iterdir()) == before and path.read_bytes() == content
