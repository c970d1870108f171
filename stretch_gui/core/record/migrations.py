"""The history database's tables, as a list of migrations.

``PRAGMA user_version`` holds how many migrations a database has had. Opening a database
runs the ones it lacks, in one transaction, so an old file is brought up to date (or left
as it was) and never half-migrated. Add a migration at the end; never edit one that has
shipped, since databases out there already ran it. ``tests/test_history_schema.py`` keeps
a copy of version 1 as it shipped and checks it still opens.

Times are ISO 8601 text with the UTC offset of the moment they were taken
(``2026-03-14T09:05:00+01:00``): the local calendar day a patient did a session is the
first ten characters, whatever the time zone or daylight-saving time is later.
No STRICT tables: Pythons linked against SQLite before 3.37 must open the file too.
"""

from __future__ import annotations

Migration = tuple[str, ...]  # statements, run in order

# Version 1: sessions and what happened to each segment.
_V1: Migration = (
    """CREATE TABLE sessions (
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
    )""",
    "CREATE INDEX sessions_by_start ON sessions (started_at)",
    """CREATE TABLE segments (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        segment_index INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped')),
        at TEXT NOT NULL,
        PRIMARY KEY (session_id, segment_index)
    )""",
)

# Version 2: how much it hurt before and after, and "this hurt" marks during a session.
_V2: Migration = (
    """CREATE TABLE check_ins (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
        rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        PRIMARY KEY (session_id, moment)
    )""",
    """CREATE TABLE hurt_marks (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        segment_index INTEGER NOT NULL,
        exercise_title TEXT NOT NULL,
        seconds_into_segment REAL NOT NULL DEFAULT 0,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX hurt_marks_by_session ON hurt_marks (session_id)",
)

# Version 3: a segment the patient stopped in is 'stopped' (not 'skipped'); which running
# stretch-gui owns a session under way (its owner mark, see stretch_gui.core.record.resume),
# so another window never offers it for resuming; and a digest of the plan that was played,
# so a routine file edited without changing its plan (a comment) can still be resumed.
# SQLite cannot change a CHECK constraint: the segments table is made again and copied.
_V3: Migration = (
    "ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sessions ADD COLUMN plan_hash TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE segments_v3 (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        segment_index INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('completed', 'skipped', 'stopped')),
        at TEXT NOT NULL,
        PRIMARY KEY (session_id, segment_index)
    )""",
    "INSERT INTO segments_v3 (session_id, segment_index, kind, title, outcome, at)"
    " SELECT session_id, segment_index, kind, title, outcome, at FROM segments",
    "DROP TABLE segments",
    "ALTER TABLE segments_v3 RENAME TO segments",
)

# Version 4: the next-morning pain check (stretch_gui.core.record.morning): how the back is the
# morning after a session, compared with before it, and the advice that answer was given.
_V4: Migration = (
    """CREATE TABLE morning_checks (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),
        compared TEXT NOT NULL CHECK (compared IN ('better', 'same', 'worse')),
        advice TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )""",
    "CREATE INDEX morning_checks_by_time ON morning_checks (at)",
)

# Version 5: the patient's own goals (PSFS, stretch_gui.core.record.goals): the activities in the
# patient's order, kept after they are taken off the list (retired_at) so their scores still chart;
# one score per activity and calendar day; and the days the patient said "Not now" to the rating.
_V5: Migration = (
    """CREATE TABLE goal_activities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 4),
        added_at TEXT NOT NULL,
        retired_at TEXT
    )""",
    """CREATE TABLE goal_ratings (
        activity_id INTEGER NOT NULL REFERENCES goal_activities (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        at TEXT NOT NULL,
        PRIMARY KEY (activity_id, day)
    )""",
    "CREATE TABLE goals_postponed (day TEXT PRIMARY KEY)",
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4, _V5)
CURRENT_VERSION = len(MIGRATIONS)
