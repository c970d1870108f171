"""The resume rule: only a session whose owner is gone is offered; an edit that keeps the plan keeps the offer."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.resume import (
    PLAN_CHANGED,
    NotResumable,
    ResumeOffer,
    carried_over,
    pending_resume,
    plan_digest,
)
from stretch_gui.core.record.store import History, SessionStatus
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.plan import build_plan
from tests.support.history import ROUTINE, finish_segment, new_session, open_history, write_routine_file


@pytest.fixture
def history(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_history(tmp_path / "history.sqlite3") as history:
        history.owner = "window-a"
        yield history


def cut_short(history: History, routine_file: Path) -> int:
    _, clock, session = new_session(load_routine_file(routine_file))
    recorder = SessionRecorder(history, session)
    session.start()
    finish_segment(session, clock)
    finish_segment(session, clock)
    assert recorder.session_id is not None
    return recorder.session_id


def test_a_live_owners_session_is_passed_over_and_a_dead_ones_offered(tmp_path: Path, history: History) -> None:
    routine = write_routine_file(tmp_path)
    assert routine.source is not None
    cut_short(history, routine.source)
    records = history.unfinished_sessions()
    assert records[0].owner == "window-a"
    assert pending_resume(records, load_routine_file, is_live=lambda owner: owner == "window-a") is None
    offer = pending_resume(records, load_routine_file, is_live=lambda owner: False)
    assert isinstance(offer, ResumeOffer)


def test_two_windows_cannot_both_carry_on_one_session(tmp_path: Path, history: History) -> None:
    routine = write_routine_file(tmp_path)
    assert routine.source is not None
    session_id = cut_short(history, routine.source)
    with open_history(history.path) as b, open_history(history.path) as c:
        b.owner, c.owner = "window-b", "window-c"
        assert b.take_over(session_id, owner="window-a")
        assert not c.take_over(session_id, owner="window-a")  # B got there first
        c.mark_abandoned(session_id, owner="window-a")  # nor can C give it up under B
    record = history.session(session_id)
    assert (record.owner, record.status) == ("window-b", SessionStatus.RUNNING)


def test_a_comment_or_a_title_edit_keeps_the_plan_a_new_dose_does_not(tmp_path: Path, history: History) -> None:
    routine = write_routine_file(tmp_path)
    assert routine.source is not None
    session_id = cut_short(history, routine.source)
    digest = plan_digest(build_plan(routine))
    assert history.session(session_id).routine.plan_hash == digest
    edited = write_routine_file(tmp_path, "# checked on Monday\n" + ROUTINE.replace("Short test routine", "Week 2"))
    assert edited.content_hash != routine.content_hash and plan_digest(build_plan(edited)) == digest
    offer = pending_resume(history.unfinished_sessions(), load_routine_file, is_live=lambda owner: False)
    assert isinstance(offer, ResumeOffer)
    # ... and the recorder carries it on in the same row.
    record = offer.record
    _, clock, session = new_session(offer.routine, start_index=record.resume_index, carried=carried_over(history, record))
    SessionRecorder(history, session, resume=record)
    session.start()
    while not session.state.is_over:
        finish_segment(session, clock)
    assert history.session(record.id).status is SessionStatus.FINISHED

    other = cut_short(history, routine.source)
    write_routine_file(tmp_path, ROUTINE.replace("reps: 3", "reps: 4"))
    given_up = pending_resume(history.unfinished_sessions(), load_routine_file, is_live=lambda owner: False)
    assert isinstance(given_up, NotResumable) and given_up.record.id == other and given_up.reason == PLAN_CHANGED
