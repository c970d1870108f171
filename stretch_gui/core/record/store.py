"""The patient's record: every session, segment by segment, in one SQLite file.

Qt-free. The UI passes the file's path (``QStandardPaths`` AppDataLocation /
``history.sqlite3``, see ``stretch_gui.qt.paths``); the CLI finds the same one.
Import this module lazily, after the window shows: it loads ``sqlite3``.

Typical use::

    history = History(path)                 # creates, migrates or recovers the file
    if history.notice: show(history.notice) # a damaged file was moved aside
    unfinished = history.unfinished_session()   # "Resume where you left off?"
    ...
    recorder = SessionRecorder(history, session)   # stretch_gui.core.record.recorder
    history.sessions(limit=20)              # newest first, as SessionRecord

Durability. Every segment's outcome is committed when it happens, in WAL mode with
``synchronous=FULL``: a commit is on disk (the WAL fsynced) before ``save_progress``
returns, so a crash, a ``kill -9`` or a power cut loses at most the segment in progress.
``synchronous=NORMAL`` would survive a crash of the app but could lose the last commits
to a power cut; FULL costs one fsync per segment (one every few seconds at most), which
nobody can notice.

Failures are ``HistoryError`` subclasses whose message says what failed and with which
file, ready to show as they are: ``HistoryBusyError`` (another stretch-gui holds the
file past ``busy_timeout``), ``HistoryWriteError`` (disk full, read-only file or folder),
``HistoryVersionError`` (made by a newer stretch-gui). A failed write is rolled back
whole, so the file keeps everything saved before it. A file that is not a database, or
is damaged, is renamed ``history.sqlite3.corrupt-YYYYmmdd-HHMMSS`` (never deleted) and a
new one started; ``History.notice`` then says so. That happens only to a history opened
for recording: ``History(path, read_only=True)`` (listing, exporting, and viewing a history
that cannot be written) never creates, migrates, moves or writes anything, and refuses a
file that is not a stretch-gui history with a ``HistoryError``.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from stretch_gui.core.record.goals import MAX_ACTIVITIES, Activity, Goals, Rating, check_score, clean_names
from stretch_gui.core.record.migrations import CURRENT_VERSION, MIGRATIONS
from stretch_gui.core.session.clock import WallClock, local_now
from stretch_gui.core.session.session import Outcome

DEFAULT_BUSY_TIMEOUT = 2.0  # seconds to wait for another instance's write before giving up
MAX_NOTE_LENGTH = 2000
_DAMAGED = ("SQLITE_NOTADB", "SQLITE_CORRUPT")


class HistoryError(Exception):
    """The history could not be read or saved; the message is fit to show as it is."""

    def __init__(self, message: str, *, path: Path) -> None:
        super().__init__(message)
        self.path = path


class HistoryBusyError(HistoryError):
    """Another stretch-gui kept the file locked for longer than the busy timeout."""


class HistoryWriteError(HistoryError):
    """Nothing could be saved: the disk is full, or the file or its folder is read-only."""


class HistoryVersionError(HistoryError):
    """The file was written by a newer stretch-gui; it is left untouched."""


class SessionStatus(enum.Enum):
    RUNNING = "running"  # under way, or cut short by a crash: see History.unfinished_session
    FINISHED = "finished"
    STOPPED = "stopped"
    ABANDONED = "abandoned"  # cut short, and the patient chose not to resume it


class Moment(enum.Enum):
    """When a pain check-in was made."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True)
class RoutineInfo:
    """What the record keeps about the routine that was played."""

    title: str
    file: str = ""  # absolute path, or "" for a routine that came from no file
    content_hash: str = ""  # sha256 of the file's bytes: which version was done
    prescribed: str = ""  # ISO date from the file, if the physio gave one
    revision: str = ""
    plan_hash: str = ""  # digest of the plan played (stretch_gui.core.record.resume.plan_digest)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    routine: RoutineInfo
    segment_count: int
    started_at: datetime  # local time of the first start, with its UTC offset
    ended_at: datetime | None  # None while running, after a crash, or when abandoned
    status: SessionStatus
    stop_reason: str
    resume_index: int  # the segment that was on when the last progress was saved
    active_seconds: float  # time in the routine, not counting pauses (monotonic clock)
    exercises_completed: int
    exercises_skipped: int
    pain_before: int | None = None
    note_before: str = ""
    pain_after: int | None = None
    note_after: str = ""
    hurt_marks: int = 0
    owner: str = ""  # the mark of the stretch-gui that plays it, while it runs ("" for none)

    @property
    def day(self) -> date:
        """The patient's calendar day when the session started."""
        return self.started_at.date()

    @property
    def resumable(self) -> bool:
        return self.status is SessionStatus.RUNNING and self.resume_index < self.segment_count


@dataclass(frozen=True)
class SegmentRecord:
    segment_index: int
    kind: str  # SegmentKind value: prepare, hold, reps, switch, rest, breathe
    title: str
    outcome: Outcome
    at: datetime


@dataclass(frozen=True)
class SegmentOutcome:
    """One segment's result as the recorder hands it to ``History.save_progress``."""

    segment_index: int
    kind: str
    title: str
    outcome: Outcome


@dataclass(frozen=True)
class HurtMark:
    segment_index: int
    exercise_title: str
    seconds_into_segment: float
    at: datetime


_RECORD_QUERY = """
SELECT s.id, s.routine_title, s.routine_file, s.content_hash, s.prescribed, s.revision,
       s.segment_count, s.started_at, s.ended_at, s.status, s.stop_reason, s.current_index,
       s.active_seconds, s.exercises_completed, s.exercises_skipped,
       b.rating, coalesce(b.note, ''), a.rating, coalesce(a.note, ''),
       (SELECT count(*) FROM hurt_marks h WHERE h.session_id = s.id), s.plan_hash, s.owner
FROM sessions s
LEFT JOIN check_ins b ON b.session_id = s.id AND b.moment = 'before'
LEFT JOIN check_ins a ON a.session_id = s.id AND a.moment = 'after'
"""


class History:
    """An open history file. One per window; not shared between threads.

    Args:
        path: the database file; its folder is created if missing.
        wall_clock: the time of day for the record (tests pass a fixed one).
        busy_timeout: seconds a write waits for another instance before
            ``HistoryBusyError``.

    Raises:
        HistoryError: the file cannot be opened or created (message says why and where).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        wall_clock: WallClock = local_now,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        read_only: bool = False,
        owner: str = "",
    ) -> None:
        self.path = Path(path)
        self.owner = owner  # this process's mark, written on the sessions it starts or carries on
        self._wall_clock = wall_clock
        self._busy_timeout = busy_timeout
        self.read_only = read_only
        self.moved_aside: Path | None = None  # where a damaged file went, if one was found
        self._conn = self._open_read_only() if read_only else self._open()

    @property
    def notice(self) -> str:
        """A message for the patient after a damaged file was moved aside, else ''."""
        if self.moved_aside is None:
            return ""
        return (
            f"The history file {self.path} was damaged and could not be read. It was kept as "
            f"{self.moved_aside.name} in the same folder, and a new, empty history was started."
        )

    @property
    def busy_timeout(self) -> float:
        """Seconds a write waits for another instance's lock before ``HistoryBusyError``."""
        return self._busy_timeout

    @busy_timeout.setter
    def busy_timeout(self, seconds: float) -> None:
        self._busy_timeout = seconds
        self._conn.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}")

    @contextmanager
    def waiting(self, seconds: float) -> Iterator[None]:
        """A longer busy timeout for the writes inside (closing the window can wait; a tick cannot)."""
        before = self.busy_timeout
        self.busy_timeout = seconds
        try:
            yield
        finally:
            self.busy_timeout = before

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening -----------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryWriteError(
                f"Cannot create the folder {self.path.parent} for the history file: {exc.strerror or exc}.", path=self.path
            ) from exc
        if self.path.is_file() and self.path.stat().st_size > 0:
            self._check_or_move_aside()
        conn = self._connect()
        try:
            self._prepare(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise self._failure(exc, "open the history") from exc
        except HistoryError:
            conn.close()
            raise
        return conn

    def _open_read_only(self) -> sqlite3.Connection:
        """For listing and exporting: never creates, migrates, moves or writes anything.

        ``mode=ro`` reads a WAL database when its -wal and -shm files exist or can be made;
        in a read-only folder (or on a full disk) where they cannot, ``immutable=1`` reads the
        file as it is (a cleanly closed history has everything in the main file). An older
        format is brought up to date in a copy in memory.
        """
        if not self.path.is_file():
            if self.path.is_dir():
                what = "is a folder"
            elif not self.path.exists():
                what = "does not exist"
            else:
                what = "is not a regular file"
            raise HistoryError(f"Cannot read the history file {self.path}: it {what}.", path=self.path)
        error: sqlite3.Error | None = None
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"{self.path.absolute().as_uri()}?{options}", uri=True, timeout=self._busy_timeout)
            except sqlite3.Error as exc:
                error = exc
                continue
            try:
                version = self._check_read_only(conn)
            except sqlite3.Error as exc:
                conn.close()
                if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR")):
                    error = exc  # the -shm file cannot be made here: try again as immutable
                    continue
                raise self._unreadable(exc) from exc
            except HistoryError:
                conn.close()
                raise
            if version < CURRENT_VERSION:
                conn = self._migrated_copy(conn)
            return conn
        assert error is not None
        raise self._failure(error, "open the history")

    def _check_read_only(self, conn: sqlite3.Connection) -> int:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])  # reads the header: garbage fails here
        tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "sessions" not in tables:
            raise HistoryError(f"{self.path} is not a stretch-gui history file: it holds no sessions. It was left as it is.",
                               path=self.path)
        if version > CURRENT_VERSION:
            raise HistoryVersionError(
                f"The history file {self.path} was written by a newer version of stretch-gui "
                f"(format {version}; this one knows up to {CURRENT_VERSION}). It was left as it is.",
                path=self.path,
            )
        problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise HistoryError(f"The history file {self.path} is damaged and cannot be read ({problems[0]}). "
                               "It was left as it is.", path=self.path)
        return version

    def _unreadable(self, exc: sqlite3.Error) -> HistoryError:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            return HistoryError(f"{self.path} is not a stretch-gui history file. It was left as it is.", path=self.path)
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT":
            return HistoryError(f"The history file {self.path} is damaged and cannot be read ({exc}). It was left as it is.",
                                path=self.path)
        return self._failure(exc, "open the history")

    def _migrated_copy(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """An older history, brought up to date in memory: the file itself is not touched."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            conn.backup(memory)
            self._migrate(memory)
        except sqlite3.Error as exc:
            memory.close()
            raise self._unreadable(exc) from exc
        finally:
            conn.close()
        memory.execute("PRAGMA query_only = ON")
        return memory

    def _connect(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: transactions are ours (BEGIN IMMEDIATE ... COMMIT), not the module's.
            return sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._failure(exc, "open the history") from exc

    def _check_or_move_aside(self) -> None:
        """Move the file aside if it is not a sound database.

        The check reads through a read-only connection: closing a writable one would
        checkpoint the WAL into the damaged file, or delete it, before it could be kept.
        """
        try:
            conn = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=ro", uri=True, timeout=self._busy_timeout)
        except sqlite3.Error as exc:
            raise self._failure(exc, "open the history") from exc
        try:
            conn.execute("PRAGMA user_version").fetchone()  # reads the header: garbage fails here
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") not in _DAMAGED:
                raise self._failure(exc, "open the history") from exc
            problems = [str(exc)]
        finally:
            conn.close()
        if problems != ["ok"]:
            self._move_aside()

    def _prepare(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > CURRENT_VERSION:
            raise HistoryVersionError(
                f"The history file {self.path} was written by a newer version of stretch-gui "
                f"(format {version}; this one knows up to {CURRENT_VERSION}). It was left as it is.",
                path=self.path,
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # why FULL: see the module docstring
        conn.execute("PRAGMA foreign_keys = ON")
        if version < CURRENT_VERSION:
            self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another instance may have just migrated it.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _move_aside(self) -> None:
        stamp = self._wall_clock().strftime("%Y%m%d-%H%M%S")
        base = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        target, n = base, 1
        while target.exists():
            target, n = base.with_name(f"{base.name}-{n}"), n + 1
        try:
            # The WAL and shared-memory files go along: left behind, they would be replayed
            # into the new database. Named like SQLite names them, the set still opens together.
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    companion.rename(target.with_name(target.name + suffix))
            self.path.rename(target)
        except OSError as exc:
            raise HistoryWriteError(
                f"The history file {self.path} is damaged and could not be moved aside: {exc.strerror or exc}.",
                path=self.path,
            ) from exc
        self.moved_aside = target

    # -- errors and transactions ----------------------------------------------------

    def _failure(self, exc: sqlite3.Error, doing: str) -> HistoryError:
        name = getattr(exc, "sqlite_errorname", "")
        where = f"the history file {self.path}"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return HistoryBusyError(
                f"Could not {doing}: {where} is in use by another stretch-gui window. Try again in a moment.",
                path=self.path,
            )
        if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
            return HistoryWriteError(
                f"Could not {doing}: {where} cannot be written (the disk may be full). "
                f"What was saved before is kept. ({exc})",
                path=self.path,
            )
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
            return HistoryWriteError(
                f"Could not {doing}: {where} or its folder is read-only or cannot be opened. ({exc})",
                path=self.path,
            )
        return HistoryError(f"Could not {doing} in {where}: {exc}.", path=self.path)

    @contextmanager
    def _writing(self, doing: str) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._failure(exc, doing) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # SQLite already rolled back (it does on a full disk)
                self._conn.execute("ROLLBACK")

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._failure(exc, "read the history") from exc

    def wall_time(self) -> datetime:
        """The time of day now, by the injected wall clock, with its UTC offset."""
        now = self._wall_clock()
        return now.astimezone() if now.tzinfo is None else now

    def _now(self) -> str:
        return self.wall_time().isoformat(timespec="seconds")

    # -- writing --------------------------------------------------------------------

    def start_session(self, routine: RoutineInfo, *, segment_count: int, start_index: int = 0) -> int:
        """A new session row, now; returns its id. (The recorder calls this.)"""
        with self._writing("start a session record") as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (routine_title, routine_file, content_hash, prescribed, revision,"
                " segment_count, started_at, current_index, plan_hash, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (routine.title, routine.file, routine.content_hash, routine.prescribed, routine.revision,
                 segment_count, self._now(), start_index, routine.plan_hash, self.owner),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def save_progress(
        self,
        session_id: int,
        *,
        outcomes: Mapping[int, SegmentOutcome] | list[SegmentOutcome],
        current_index: int,
        active_seconds: float,
        exercises_completed: int,
        exercises_skipped: int,
        status: SessionStatus = SessionStatus.RUNNING,
        stop_reason: str = "",
        ended_at: datetime | None = None,
    ) -> None:
        """Segment outcomes and the session's state, in one transaction. (The recorder calls this.)

        An outcome replaces an earlier one for the same segment, the way Session.outcomes does.
        A finished or stopped session ends at ``ended_at`` (when the session ended, not when
        this save happens: a save retried later, or again at closing, must not move it); the
        first end saved is kept.
        """
        now = self._now()
        end = (ended_at.astimezone() if ended_at.tzinfo is None else ended_at).isoformat(timespec="seconds") if ended_at else now
        items = list(outcomes.values()) if isinstance(outcomes, Mapping) else list(outcomes)
        over = status in (SessionStatus.FINISHED, SessionStatus.STOPPED)
        with self._writing("save the session") as conn:
            conn.executemany(
                "INSERT INTO segments (session_id, segment_index, kind, title, outcome, at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, segment_index) DO UPDATE SET outcome = excluded.outcome, at = excluded.at",
                [(session_id, o.segment_index, o.kind, o.title, o.outcome.value, now) for o in items],
            )
            conn.execute(
                "UPDATE sessions SET current_index = ?, active_seconds = ?, exercises_completed = ?,"
                " exercises_skipped = ?, status = ?, stop_reason = ?,"
                " ended_at = CASE WHEN ? THEN coalesce(ended_at, ?) END WHERE id = ?",
                (current_index, active_seconds, exercises_completed, exercises_skipped, status.value,
                 stop_reason, over, end, session_id),
            )

    def mark_abandoned(self, session_id: int, *, owner: str | None = None) -> None:
        """The patient chose not to resume an unfinished session.

        With ``owner``, only while the session still has that owner: one another window has
        just carried on is left alone.
        """
        with self._writing("update the session") as conn:
            conn.execute(
                "UPDATE sessions SET status = 'abandoned' WHERE id = ? AND status = 'running' AND (? IS NULL OR owner = ?)",
                (session_id, owner, owner),
            )

    def take_over(self, session_id: int, *, owner: str) -> bool:
        """Carry on a cut-short session as this process: False when another one got there first."""
        with self._writing("update the session") as conn:
            cursor = conn.execute(
                "UPDATE sessions SET owner = ? WHERE id = ? AND status = 'running' AND owner = ?", (self.owner, session_id, owner)
            )
            return cursor.rowcount == 1

    def add_check_in(self, session_id: int, moment: Moment, *, rating: int | None, note: str = "") -> None:
        """Pain before or after a session, 0-10 (or None: no rating) and a note; replaces an earlier one."""
        if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10):
            raise ValueError(f"a pain rating is a whole number from 0 to 10, not {rating!r}")
        note = _clean_note(note)
        with self._writing("save the pain check-in") as conn:
            conn.execute(
                "INSERT INTO check_ins (session_id, moment, rating, note, at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, moment) DO UPDATE SET rating = excluded.rating, note = excluded.note,"
                " at = excluded.at",
                (session_id, moment.value, rating, note, self._now()),
            )

    def add_hurt_mark(
        self, session_id: int, *, segment_index: int, exercise_title: str, seconds_into_segment: float = 0.0
    ) -> None:
        """The patient pressed "this hurt" during a segment."""
        with self._writing("save the mark") as conn:
            conn.execute(
                "INSERT INTO hurt_marks (session_id, segment_index, exercise_title, seconds_into_segment, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, segment_index, exercise_title, seconds_into_segment, self._now()),
            )

    def add_morning_check(self, session_id: int | None, *, rating: int, compared: str, advice: str) -> None:
        """The next-morning pain check (``stretch_gui.core.record.morning`` says what the values mean)."""
        if isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= 10:
            raise ValueError(f"a pain rating is a whole number from 0 to 10, not {rating!r}")
        with self._writing("save the morning check") as conn:
            conn.execute(
                "INSERT INTO morning_checks (session_id, rating, compared, advice, at) VALUES (?, ?, ?, ?, ?)",
                (session_id, rating, compared, advice, self._now()),
            )

    # -- reading --------------------------------------------------------------------

    def today(self) -> date:
        """The patient's calendar day now, by the injected wall clock."""
        return self._wall_clock().date()

    def sessions(self, *, since: date | None = None, limit: int | None = None) -> list[SessionRecord]:
        """Sessions newest first; ``since`` keeps those started on that local day or later."""
        sql, params = _RECORD_QUERY, list[object]()
        if since is not None:
            sql += " WHERE s.started_at >= ?"
            params.append(since.isoformat())
        sql += " ORDER BY s.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_record(row) for row in self._read(sql, tuple(params))]

    def session(self, session_id: int) -> SessionRecord:
        rows = self._read(_RECORD_QUERY + " WHERE s.id = ?", (session_id,))
        if not rows:
            raise KeyError(session_id)
        return _record(rows[0])

    def unfinished_session(self) -> SessionRecord | None:
        """The latest session cut short (crash, power cut) and not yet resumed or abandoned.

        Its ``resume_index`` is the segment that was on: ``Session(plan, clock,
        start_index=record.resume_index)`` carries on from there, once the routine file is
        checked to be the same (``record.routine.content_hash == routine.content_hash``).
        Call this at start-up, before a recorder of this instance starts a session.
        """
        rows = self._read(
            _RECORD_QUERY + " WHERE s.status = 'running' AND s.current_index < s.segment_count ORDER BY s.id DESC LIMIT 1"
        )
        return _record(rows[0]) if rows else None

    def unfinished_sessions(self) -> list[SessionRecord]:
        """Every session under way or cut short, newest first: the resume rule picks among them."""
        return [
            _record(row)
            for row in self._read(
                _RECORD_QUERY + " WHERE s.status = 'running' AND s.current_index < s.segment_count ORDER BY s.id DESC"
            )
        ]

    def outcomes(self, session_id: int) -> dict[int, Outcome]:
        rows = self._read("SELECT segment_index, outcome FROM segments WHERE session_id = ?", (session_id,))
        return {int(index): Outcome(outcome) for index, outcome in rows}

    def segments(self, session_id: int) -> list[SegmentRecord]:
        rows = self._read(
            "SELECT segment_index, kind, title, outcome, at FROM segments WHERE session_id = ? ORDER BY segment_index",
            (session_id,),
        )
        return [
            SegmentRecord(int(i), str(kind), str(title), Outcome(outcome), datetime.fromisoformat(str(at)))
            for i, kind, title, outcome, at in rows
        ]

    def hurt_marks(self, session_id: int) -> list[HurtMark]:
        rows = self._read(
            "SELECT segment_index, exercise_title, seconds_into_segment, at FROM hurt_marks WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [HurtMark(int(i), str(title), float(s), datetime.fromisoformat(str(at))) for i, title, s, at in rows]

    def morning_checks(self) -> list[tuple[int | None, int, str, str, datetime]]:
        """Every morning check, oldest first: (session id, rating, compared, advice, when)."""
        rows = self._read("SELECT session_id, rating, compared, advice, at FROM morning_checks ORDER BY id")
        return [
            (None if sid is None else int(sid), int(rating), str(compared), str(advice), datetime.fromisoformat(str(at)))
            for sid, rating, compared, advice, at in rows
        ]


    # -- the patient's own goals (PSFS; the rules are in stretch_gui.core.record.goals) ------

    def goals(self) -> Goals:
        """Every goal activity (retired ones too), every score, and the last "Not now" day."""
        activities = tuple(
            Activity(int(id_), str(name), int(position), _day(added), _day(retired) if retired else None)
            for id_, name, position, added, retired in self._read(
                "SELECT id, name, position, added_at, retired_at FROM goal_activities ORDER BY id"
            )
        )
        ratings = tuple(
            Rating(int(activity), date.fromisoformat(str(day)), int(score))
            for activity, day, score in self._read("SELECT activity_id, day, score FROM goal_ratings ORDER BY day, activity_id")
        )
        postponed = self._read("SELECT max(day) FROM goals_postponed")[0][0]
        return Goals(activities, ratings, date.fromisoformat(str(postponed)) if postponed else None)

    def save_goals(self, names: list[str], scores: Mapping[str, int]) -> None:
        """The patient's list as it is now, in order, and today's scores by activity name, in one transaction.

        An activity no longer listed is retired (its scores stay); one listed again comes back with
        its old scores; a new name is a new activity. A score replaces one given earlier today.
        """
        names = clean_names(names)
        for score in scores.values():
            check_score(score)
        now = self._now()
        today = now[:10]
        with self._writing("save your goals") as conn:
            rows = conn.execute("SELECT id, name, retired_at FROM goal_activities ORDER BY retired_at IS NOT NULL, id").fetchall()
            by_name: dict[str, int] = {}
            for id_, name, _retired in rows:
                by_name.setdefault(str(name).casefold(), int(id_))  # an active one first
            wanted = {name.casefold() for name in names}
            for id_, name, retired in rows:
                if retired is None and str(name).casefold() not in wanted:
                    conn.execute("UPDATE goal_activities SET retired_at = ? WHERE id = ?", (now, id_))
            ids: dict[str, int] = {}
            for position, name in enumerate(names[:MAX_ACTIVITIES]):
                known = by_name.get(name.casefold())
                if known is None:
                    cursor = conn.execute(
                        "INSERT INTO goal_activities (name, position, added_at) VALUES (?, ?, ?)", (name, position, now)
                    )
                    assert cursor.lastrowid is not None
                    known = cursor.lastrowid
                else:
                    conn.execute(
                        "UPDATE goal_activities SET position = ?, retired_at = NULL WHERE id = ?", (position, known)
                    )
                ids[name.casefold()] = known
            conn.executemany(
                "INSERT INTO goal_ratings (activity_id, day, score, at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (activity_id, day) DO UPDATE SET score = excluded.score, at = excluded.at",
                [(ids[name.casefold()], today, score, now) for name, score in scores.items() if name.casefold() in ids],
            )

    def postpone_goals(self) -> None:
        """The patient said "Not now" to today's goals rating: not asked again today."""
        with self._writing("save your answer") as conn:
            conn.execute("INSERT OR IGNORE INTO goals_postponed (day) VALUES (?)", (self._now()[:10],))


def _day(stamp: object) -> date:
    """The patient's calendar day of a stored time: its first ten characters (see migrations)."""
    return date.fromisoformat(str(stamp)[:10])

def _clean_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise ValueError(f"a note is at most {MAX_NOTE_LENGTH} characters (this one has {len(note)})")
    return note


def _record(row: tuple[Any, ...]) -> SessionRecord:
    (id_, title, file, digest, prescribed, revision, segment_count, started, ended, status, reason, current,
     active, completed, skipped, pain_before, note_before, pain_after, note_after, marks, plan_hash, owner) = row
    return SessionRecord(
        id=int(id_),
        routine=RoutineInfo(str(title), str(file), str(digest), str(prescribed), str(revision), str(plan_hash)),
        segment_count=int(segment_count),
        started_at=datetime.fromisoformat(str(started)),
        ended_at=datetime.fromisoformat(str(ended)) if ended else None,
        status=SessionStatus(status),
        stop_reason=str(reason),
        resume_index=int(current),
        active_seconds=float(active),
        exercises_completed=int(completed),
        exercises_skipped=int(skipped),
        pain_before=None if pain_before is None else int(pain_before),
        note_before=str(note_before),
        pain_after=None if pain_after is None else int(pain_after),
        note_after=str(note_after),
        hurt_marks=int(marks),
        owner=str(owner),
    )
