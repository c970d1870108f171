"""The history as the recorder writes it: sessions, segments, stops, pain, resuming after a crash.

Pure core: no Qt. Sessions run on FakeClock; the record's times come from a fake wall clock.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from stretch_gui.core.record.migrations import CURRENT_VERSION
from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.resume import carried_over
from stretch_gui.core.record.store import (
    History,
    HistoryError,
    Moment,
    SessionStatus,
)
from stretch_gui.core.session.session import Outcome, Session, SessionState
from tests.support.history import (
    CET,
    SEGMENT_COUNT,
    FakeWallClock,
    finish_segment,
    new_session,
    open_history,
    write_routine_file,
)


@pytest.fixture
def routine(tmp_path: Path):  # type: ignore[no-untyped-def]
    return write_routine_file(tmp_path)


@pytest.fixture
def wall() -> FakeWallClock:
    return FakeWallClock()


@pytest.fixture
def history(tmp_path: Path, wall: FakeWallClock):  # type: ignore[no-untyped-def]
    with open_history(tmp_path / "data" / "history.sqlite3", wall) as history:
        yield history


def test_a_new_history_is_a_wal_database_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "history.sqlite3"
    History(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_the_connection_syncs_every_commit(history: History) -> None:
    # FULL (2): a commit is on disk before the next segment starts, power cut or not.
    assert history._conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_nothing_is_recorded_until_the_session_starts(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    recorder.check_in_before(rating=3, note="stiff")
    assert history.sessions() == []
    session.stop("changed my mind")
    assert history.sessions() == []
    assert recorder.session_id is None


def test_a_finished_session_is_recorded_whole(history: History, routine, wall: FakeWallClock) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    for _ in range(SEGMENT_COUNT):
        wall.advance(seconds=20)
        finish_segment(session, clock)
    assert session.state is SessionState.FINISHED
    (record,) = history.sessions()
    assert record.id == recorder.session_id
    assert record.routine.title == "Short test routine"
    assert record.routine.file == str(routine.source)
    assert record.routine.content_hash == routine.content_hash and len(routine.content_hash) == 64
    assert record.routine.prescribed == "2026-03-01"
    assert record.status is SessionStatus.FINISHED
    assert record.started_at == datetime(2026, 3, 14, 9, 0, 0, tzinfo=CET)
    assert record.ended_at == datetime(2026, 3, 14, 9, 2, 20, tzinfo=CET)
    assert record.active_seconds == pytest.approx(session.plan.total)
    assert (record.exercises_completed, record.exercises_skipped) == (2, 0)
    segments = history.segments(record.id)
    assert [s.segment_index for s in segments] == list(range(SEGMENT_COUNT))
    assert all(s.outcome is Outcome.COMPLETED for s in segments)
    assert [s.kind for s in segments] == ["prepare", "hold", "rest", "hold", "prepare", "reps", "breathe"]
    assert segments[1].title == "Knee hug" and segments[6].title == "Slow breathing"
    assert not record.resumable


def test_the_end_time_is_when_the_session_ended_not_when_it_was_saved_again(  # type: ignore[no-untyped-def]
    history: History, routine, wall: FakeWallClock
) -> None:
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    wall.advance(seconds=30)
    finish_segment(session, clock)
    session.stop("enough")  # at 09:00:30
    wall.advance(seconds=90)  # the completion screen, a check-in, then the window closes
    recorder.check_in_after(rating=2)
    recorder.flush()
    assert history.session(recorder.session_id).ended_at == datetime(2026, 3, 14, 9, 0, 30, tzinfo=CET)  # type: ignore[arg-type]


def test_a_finish_noticed_late_ends_at_its_deadline(history: History, routine, wall: FakeWallClock) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    clock.advance(session.plan.total + 16)  # the screen was busy: the last deadline passed 16 s ago
    wall.advance(seconds=session.plan.total + 16)
    session.update()
    (record,) = history.sessions()
    assert record.status is SessionStatus.FINISHED
    assert record.ended_at == datetime(2026, 3, 14, 9, 0, 0, tzinfo=CET) + timedelta(seconds=round(session.plan.total))


def test_each_segment_is_committed_when_it_ends(tmp_path: Path, history: History, routine) -> None:  # type: ignore[no-untyped-def]
    """Another connection, like a fresh process after a crash, sees every ended segment at once."""
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    reader = sqlite3.connect(history.path)
    for done in range(1, 4):
        finish_segment(session, clock)
        rows = reader.execute("SELECT segment_index FROM segments ORDER BY segment_index").fetchall()
        assert [r[0] for r in rows] == list(range(done))
        assert reader.execute("SELECT current_index FROM sessions").fetchone()[0] == done
    reader.close()


def test_skips_and_a_stop_are_recorded_with_the_reason(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    finish_segment(session, clock)  # prepare
    clock.advance(3)
    session.next()  # skip the first hold
    finish_segment(session, clock)  # rest
    clock.advance(4)
    session.stop("it hurt")
    (record,) = history.sessions()
    assert record.status is SessionStatus.STOPPED
    assert record.stop_reason == "it hurt"
    assert record.ended_at is not None
    assert history.outcomes(record.id) == {
        0: Outcome.COMPLETED, 1: Outcome.SKIPPED, 2: Outcome.COMPLETED, 3: Outcome.STOPPED  # stopped in the second hold
    }
    assert history.outcomes(record.id) == session.outcomes
    assert (record.exercises_completed, record.exercises_skipped) == (0, 0)  # stopped part-way is not skipped
    assert record.active_seconds == pytest.approx(session.active_seconds())
    assert record.resume_index == 3


def test_an_exercise_stopped_part_way_is_recorded_as_stopped_not_skipped(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    for _ in range(2):
        finish_segment(session, clock)  # prepare, the first hold of Knee hug
    clock.advance(4)
    session.stop("enough for today")  # in the rest between the two holds
    record = history.session(recorder.session_id)  # type: ignore[arg-type]
    assert history.segments(record.id)[-1].outcome is Outcome.STOPPED
    assert (record.exercises_completed, record.exercises_skipped) == (0, 0)
    assert (session.summary().exercises_completed, session.summary().exercises_skipped) == (0, 0)


def test_a_session_stopped_before_it_started_records_no_stopped_segment(routine) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    session.stop("changed my mind")
    assert session.outcomes == {}


def test_after_a_resume_the_time_counts_the_whole_session(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    for _ in range(3):
        finish_segment(session, clock)  # 5 + 20 + 10 s before the crash
    record = history.unfinished_session()
    assert record is not None and record.active_seconds == pytest.approx(35)
    _, clock, resumed = new_session(routine, start_index=record.resume_index, carried=carried_over(history, record))
    SessionRecorder(history, resumed, resume=record)
    resumed.start()
    while not resumed.state.is_over:
        finish_segment(resumed, clock)
    assert resumed.summary().active_seconds == pytest.approx(resumed.plan.total)  # what the finish screen shows
    assert history.session(record.id).active_seconds == pytest.approx(resumed.plan.total)


def test_going_back_and_doing_a_skipped_segment_records_it_completed(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    session.next()  # skip prepare
    session.previous()  # back to it (just begun)
    finish_segment(session, clock)
    assert history.outcomes(1) == {0: Outcome.COMPLETED} == session.outcomes


def test_a_stall_over_several_segments_is_saved_in_one_go(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    commits_before = history._conn.total_changes
    clock.advance(5 + 20 + 10 + 1)  # past prepare, hold and rest
    session.update()
    assert history.outcomes(1) == {0: Outcome.COMPLETED, 1: Outcome.COMPLETED, 2: Outcome.COMPLETED}
    # three segment rows and one session update: one transaction, not one per segment
    assert history._conn.total_changes - commits_before == 4
    assert history.session(1).resume_index == 3


def test_pain_check_ins_and_hurt_marks(history: History, routine, wall: FakeWallClock) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    recorder.check_in_before(rating=6, note="  stiff after work  ")
    session.start()
    finish_segment(session, clock)
    clock.advance(7.25)
    wall.advance(seconds=12)
    recorder.mark_hurt()
    session.stop("it hurt")
    recorder.check_in_after(rating=4, note="")
    record = history.session(recorder.session_id)  # type: ignore[arg-type]
    assert (record.pain_before, record.note_before) == (6, "stiff after work")
    assert (record.pain_after, record.note_after) == (4, "")
    assert record.hurt_marks == 1
    (mark,) = history.hurt_marks(record.id)
    assert (mark.segment_index, mark.exercise_title, mark.seconds_into_segment) == (1, "Knee hug", 7.2)
    assert mark.at == datetime(2026, 3, 14, 9, 0, 12, tzinfo=CET)


def test_a_check_in_can_be_corrected_and_rating_is_optional(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    session.stop()
    recorder.check_in_after(rating=8)
    recorder.check_in_after(rating=None, note="did not want to rate it")
    record = history.session(recorder.session_id)  # type: ignore[arg-type]
    assert record.pain_after is None and record.note_after == "did not want to rate it"


@pytest.mark.parametrize("rating", [-1, 11, 2.5, True, "5"])
def test_bad_ratings_are_refused(history: History, routine, rating) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    with pytest.raises(ValueError, match="0 to 10"):
        history.add_check_in(1, Moment.BEFORE, rating=rating)


def test_an_overlong_note_is_refused_with_a_clear_message(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    with pytest.raises(ValueError, match="at most 2000 characters"):
        history.add_check_in(1, Moment.AFTER, rating=1, note="x" * 2001)


def test_after_check_in_needs_an_ended_session(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    _, _, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    with pytest.raises(ValueError, match="finished or stopped"):
        recorder.check_in_after(rating=2)


def test_sessions_newest_first_with_limit_and_since(history: History, routine, wall: FakeWallClock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        _, _, session = new_session(routine)
        SessionRecorder(history, session)
        session.start()
        session.stop()
        wall.advance(days=1)
    assert [r.id for r in history.sessions()] == [3, 2, 1]
    assert [r.id for r in history.sessions(limit=2)] == [3, 2]
    assert [r.id for r in history.sessions(since=datetime(2026, 3, 15).date())] == [3, 2]


# -- resuming after a crash ---------------------------------------------------------------------


def crashed_session(history: History, routine, segments_done: int) -> int:  # type: ignore[no-untyped-def]
    """Play ``segments_done`` segments and then drop everything, as a crash would."""
    _, clock, session = new_session(routine)
    recorder = SessionRecorder(history, session)
    session.start()
    for _ in range(segments_done):
        finish_segment(session, clock)
    clock.advance(2)
    assert recorder.session_id is not None
    return recorder.session_id


def test_an_unfinished_session_is_offered_for_resuming(tmp_path: Path, history: History, routine) -> None:  # type: ignore[no-untyped-def]
    session_id = crashed_session(history, routine, 3)
    history.close()
    with open_history(history.path) as reopened:
        record = reopened.unfinished_session()
        assert record is not None and record.id == session_id
        assert record.resume_index == 3 and record.resumable
        assert record.status is SessionStatus.RUNNING and record.ended_at is None


def test_finished_stopped_and_abandoned_sessions_are_not_offered(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    session_id = crashed_session(history, routine, 2)
    history.mark_abandoned(session_id)
    assert history.unfinished_session() is None
    assert history.session(session_id).status is SessionStatus.ABANDONED
    _, _, session = new_session(routine)
    SessionRecorder(history, session)
    session.start()
    session.stop()
    assert history.unfinished_session() is None


def test_the_latest_unfinished_session_is_offered(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    crashed_session(history, routine, 1)
    latest = crashed_session(history, routine, 2)
    record = history.unfinished_session()
    assert record is not None and (record.id, record.resume_index) == (latest, 2)


def test_resuming_carries_on_in_the_same_record(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    crashed_id = crashed_session(history, routine, 3)  # prepare, first hold, rest done
    record = history.unfinished_session()
    assert record is not None
    _, clock, session = new_session(routine, start_index=record.resume_index, carried=carried_over(history, record))
    recorder = SessionRecorder(history, session, resume=record)
    assert session.index == 3 and session.state is SessionState.READY
    session.start()
    finish_segment(session, clock)  # the second hold
    session.next()  # skip Cat cow's prepare
    while not session.state.is_over:
        finish_segment(session, clock)
    assert recorder.session_id == crashed_id
    (only,) = history.sessions()
    assert only.status is SessionStatus.FINISHED
    assert set(history.outcomes(crashed_id)) == set(range(SEGMENT_COUNT))
    assert history.outcomes(crashed_id)[4] is Outcome.SKIPPED
    assert (only.exercises_completed, only.exercises_skipped) == (2, 0)
    # Saved before the crash: prepare, hold, rest (the 2 s into the next hold were lost with it).
    # After: hold, a skipped prepare, 3 reps of a 9 s breath, 2 slow breaths of 9 s.
    assert only.active_seconds == pytest.approx((5 + 20 + 10) + (20 + 0 + 27 + 18))
    assert recorder.exercise_counts() == (2, 0)
    # The completion screen reads the session's summary: the same counts and time as the record.
    summary = session.summary()
    assert (summary.exercises_completed, summary.exercises_skipped) == (only.exercises_completed, only.exercises_skipped)
    assert summary.active_seconds == pytest.approx(only.active_seconds)


def test_resuming_without_what_was_carried_over_is_refused(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    crashed_session(history, routine, 3)
    record = history.unfinished_session()
    assert record is not None
    _, _, session = new_session(routine, start_index=record.resume_index)
    with pytest.raises(ValueError, match="carried"):
        SessionRecorder(history, session, resume=record)


def test_resuming_refuses_a_changed_routine_file(tmp_path: Path, history: History, routine) -> None:  # type: ignore[no-untyped-def]
    crashed_session(history, routine, 2)
    record = history.unfinished_session()
    assert record is not None
    edited = write_routine_file(tmp_path, routine.source.read_text().replace("hold: 20s", "hold: 25s"))
    _, _, session = new_session(edited, start_index=record.resume_index)
    with pytest.raises(ValueError, match="different version"):
        SessionRecorder(history, session, resume=record)


def test_resuming_needs_the_session_to_start_where_the_record_stopped(history: History, routine) -> None:  # type: ignore[no-untyped-def]
    crashed_session(history, routine, 2)
    record = history.unfinished_session()
    _, _, session = new_session(routine)
    with pytest.raises(ValueError, match="start_index=2"):
        SessionRecorder(history, session, resume=record)


def test_a_session_can_start_at_a_later_segment(routine) -> None:  # type: ignore[no-untyped-def]
    plan, clock, session = new_session(routine, start_index=4)
    assert session.state is SessionState.READY
    assert session.segment is plan.segments[4]
    assert session.routine_remaining() == pytest.approx(plan.total - plan.segments[4].start)
    clock.advance(30)
    assert session.elapsed() == 0  # READY stays paused
    session.start()
    finish_segment(session, clock)
    assert session.index == 5 and session.outcomes == {4: Outcome.COMPLETED}
    assert session.active_seconds() == pytest.approx(5)


def test_start_index_on_the_last_segment_finishes_after_it(routine) -> None:  # type: ignore[no-untyped-def]
    _, clock, session = new_session(routine, start_index=SEGMENT_COUNT - 1)
    session.start()
    finish_segment(session, clock)
    assert session.state is SessionState.FINISHED
    assert session.summary().exercises_completed == 0  # only the breathing step was played


@pytest.mark.parametrize("index", [-1, SEGMENT_COUNT, 100])
def test_start_index_outside_the_plan_is_refused(routine, index: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="outside the plan"):
        new_session(routine, start_index=index)


def test_default_session_still_starts_at_zero(routine) -> None:  # type: ignore[no-untyped-def]
    plan, clock, _ = new_session(routine)
    assert Session(plan, clock).index == 0


def test_history_errors_carry_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(HistoryError) as caught:
        History(blocker / "history.sqlite3")
    assert caught.value.path == blocker / "history.sqlite3"
    assert str(blocker) in str(caught.value)
