"""The player's words, decided in core: headings, sides, cues, what comes next, the controls."""

from __future__ import annotations

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.plan import SegmentKind, build_plan
from stretch_gui.core.session import guidance
from stretch_gui.core.session.breathing import BreathPhase
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.guidance import LineKind
from stretch_gui.core.session.session import Session, SessionState
from tests.support.routines import FULL

K = SegmentKind

WITH_CAUTIONS = """
format: 1
title: Careful
author: Sam Physio
cautions: [Stop if your leg tingles.]
steps:
  - exercise: cat-cow
    reps: 4
    note: Slowly today.
  - exercise: childs-pose
    hold: 30s
"""


def session_of(text: str) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    return Session(build_plan(load_routine_text(text)), clock), clock


def kinds(session: Session) -> list[SegmentKind]:
    return [segment.kind for segment in session.plan.segments]


def test_headings_name_the_part_and_the_set() -> None:
    session, _ = session_of(FULL)
    headings = [guidance.heading(segment, rep=3) for segment in session.plan.segments]
    assert headings[:6] == [
        "Get into position",
        "Hold · Set\u00a01\u00a0of\u00a02",
        "Switch sides: get into position",
        "Hold · Set\u00a01\u00a0of\u00a02",
        "Rest · next: set\u00a02\u00a0of\u00a02",
        "Hold · Set\u00a02\u00a0of\u00a02",
    ]
    reps = kinds(session).index(K.REPS)
    assert headings[reps] == "Rep\u00a03\u00a0of\u00a08"
    assert headings[-1] == "Breathe in 4 s, breathe out 6 s"


def test_side_words_say_which_side_and_what_comes_after_a_switch() -> None:
    session, _ = session_of(FULL)
    sides = [guidance.side_words(segment) for segment in session.plan.segments[:4]]
    assert sides == ["Left side", "Left side", "Next: right side", "Right side"]
    # During the switch the picture already shows the side to come.
    assert [guidance.mirrored(s) for s in session.plan.segments[:4]] == [False, False, True, True]


def test_before_the_first_start_the_byline_and_cautions_come_first() -> None:
    session, _ = session_of(WITH_CAUTIONS)
    words = guidance.segment_words(session, 0)
    assert words.introducing and words.has_cautions
    kinds_of_lines = [line.kind for line in words.lines]
    assert kinds_of_lines[0] is LineKind.BYLINE and "Sam Physio" in words.lines[0].text
    assert words.lines[1] == guidance.Line(LineKind.CAUTION, "Stop if your leg tingles.")
    assert kinds_of_lines[-2:] == [LineKind.INSTRUCTION, LineKind.NOTE]
    assert words.lines[-1].text == "Slowly today."
    assert words.next_up == "Next: Child's pose"
    session.start()
    started = guidance.segment_words(session, 0)
    # Once started, getting into position shows the exercise's own cautions, not the routine's.
    assert not started.introducing
    started_cautions = [line.text for line in started.lines if line.kind is LineKind.CAUTION]
    assert "Stop if your leg tingles." not in started_cautions
    assert started_cautions == list(session.plan.segments[0].step.all_cautions)  # type: ignore[union-attr]


def test_the_last_step_says_so_and_a_breathing_step_explains_the_circle() -> None:
    session, _ = session_of(FULL)
    last = len(session.plan.segments) - 1
    words = guidance.segment_words(session, last)
    assert words.next_up == guidance.LAST_EXERCISE
    assert [line.text for line in words.lines] == [guidance.BREATHING_INSTRUCTIONS]
    assert words.picture == guidance.SLOW_BREATHING_PICTURE and words.caption == "breathe"


def test_a_rest_shows_the_physios_between_cue() -> None:
    session, _ = session_of(FULL)
    rest = kinds(session).index(K.REST)
    assert [line.text for line in guidance.segment_words(session, rest).lines] == ["Move the ball a little higher."]


def test_hold_cues_rotate_every_few_seconds_and_wrap_around() -> None:
    session, _ = session_of(WITH_CAUTIONS)
    hold = next(s for s in session.plan.segments if s.kind is K.HOLD)
    cues = hold.step.exercise.cues  # type: ignore[union-attr]
    assert len(cues) >= 2
    moments = (0, guidance.CUE_SECONDS - 0.1, guidance.CUE_SECONDS, guidance.CUE_SECONDS * len(cues))
    shown = [guidance.cue(hold, t, None) for t in moments]
    assert shown == [cues[0], cues[0], cues[1], cues[0]]


def test_moving_reps_cue_the_breaths_movement() -> None:
    session, _ = session_of(WITH_CAUTIONS)
    reps = next(s for s in session.plan.segments if s.kind is K.REPS)
    exercise = reps.step.exercise  # type: ignore[union-attr]
    assert guidance.cue(reps, 0, BreathPhase.INHALE) == exercise.on_inhale
    assert guidance.cue(reps, 0, BreathPhase.PAUSE) == exercise.on_inhale
    assert guidance.cue(reps, 0, BreathPhase.EXHALE) == exercise.on_exhale
    assert guidance.cue(reps, 0, None) == ""


def test_a_switch_says_how_to_change_sides() -> None:
    session, _ = session_of(FULL)
    switch = next(s for s in session.plan.segments if s.kind is K.SWITCH)
    assert guidance.cue(switch, 0, None) == guidance.SWITCH_CUE


def test_live_words_follow_the_clock() -> None:
    session, clock = session_of(FULL)
    session.start()
    clock.advance(10)  # prepare ends: the first hold, breath just begun
    session.update()
    live = guidance.live_words(session, session.breath())
    assert live.heading == "Hold · Set\u00a01\u00a0of\u00a02"
    assert live.breath == "Breathe in · 1"
    left = session.plan.total - 10
    assert live.progress == f"Step 1 of 3 · {int(left // 60)}:{int(left % 60):02d} left"


@pytest.mark.parametrize(
    ("state", "button", "hint"),
    [
        (SessionState.READY, "Start", "Press Space to start"),
        (SessionState.RUNNING, "Pause", ""),
        (SessionState.PAUSED, "Resume", "Paused · Space to go on"),
    ],
)
def test_control_words_for_each_state(state: SessionState, button: str, hint: str) -> None:
    words = guidance.control_words(state)
    assert (words.button, words.hint) == (button, hint)
    assert words.button_with_key == f"{button} (Space)"  # the visible label stays inside the accessible name


def test_each_exercise_shows_its_own_cautions_while_getting_into_position() -> None:
    text = WITH_CAUTIONS + """  - exercise: tennis-ball-release
    hold: 60s
"""
    session, _ = session_of(text)
    session.start()
    ball = next(
        i for i, s in enumerate(session.plan.segments) if s.kind is K.PREPARE and s.title == "Tennis-ball release"
    )
    words = guidance.segment_words(session, ball)
    cautions = [line.text for line in words.lines if line.kind is LineKind.CAUTION]
    assert cautions == list(session.plan.segments[ball].step.all_cautions)  # type: ignore[union-attr]
    assert any("pulse" in caution for caution in cautions)  # never on a spot where a pulse is felt
    hold = guidance.segment_words(session, ball + 1)
    assert not hold.has_cautions  # during the hold, the instructions alone


def test_the_routines_time_left_rounds_up_like_the_countdown() -> None:
    session, clock = session_of(FULL)
    session.start()
    clock.advance(0.4)
    session.update()
    total = int(session.plan.total)
    assert guidance.progress(session).endswith(f"{total // 60}:{total % 60:02d} left")  # 0.4 s gone: not a second yet


def test_announcements_name_the_part_the_exercise_and_the_side() -> None:
    session, _ = session_of(FULL)
    said = [guidance.announcement(session, i) for i in range(len(session.plan.segments))]
    assert said[0] == "Get into position: Ball release, left side."
    assert said[1] == "Hold: Ball release, left side, set 1 of 2, 30 seconds."
    assert said[2] == "Switch sides. Get into position on the right side."
    assert said[4] == "Rest, 15 seconds. Next: set 2 of 2. Move the ball a little higher."
    reps = kinds(session).index(K.REPS)
    assert said[reps] == "Cat cow: 8 reps, one with each breath."
    assert said[-1].startswith("Slow breathing: ")


def test_state_announcements_only_for_changes_that_matter() -> None:
    assert guidance.state_announcement(SessionState.PAUSED, was=SessionState.RUNNING) == guidance.PAUSED
    assert guidance.state_announcement(SessionState.RUNNING, was=SessionState.PAUSED) == guidance.GOING_ON
    assert guidance.state_announcement(SessionState.FINISHED, was=SessionState.RUNNING) == guidance.FINISHED
    assert guidance.state_announcement(SessionState.RUNNING, was=SessionState.READY) == ""


def test_the_timer_reads_out_what_it_shows() -> None:
    assert guidance.timer_words(28, "hold", BreathPhase.INHALE) == "28 seconds left, hold. Breathe in"
    assert guidance.timer_words(1, "", None) == "1 second left"


def test_no_words_about_a_circle_that_is_not_on_screen() -> None:
    session, _ = session_of(FULL)
    last = len(session.plan.segments) - 1
    shown = [line.text for line in guidance.segment_words(session, last).lines]
    hidden = [line.text for line in guidance.segment_words(session, last, breathing_guide=False).lines]
    assert "circle" in shown[0]
    assert hidden == [guidance.BREATHING_WITHOUT_GUIDE] and "circle" not in hidden[0]


def test_before_the_start_the_player_says_which_week_it_plays() -> None:
    from datetime import date

    from stretch_gui.core.routine.stages import for_day

    text = """\
format: 1
title: Staged
start_date: 2026-03-02
review_by: 2026-03-20
stages:
  - from_week: 3
    hold: 30s
steps:
  - exercise: childs-pose
"""
    routine = load_routine_text(text)
    week3 = Session(build_plan(for_day(routine, date(2026, 3, 16))), FakeClock())
    lines = guidance.segment_words(week3, 0).lines
    assert [(line.kind, line.text) for line in lines if "Week" in line.text] == [(LineKind.NOTE, "Week 3: holds 30 s")]
    late = Session(build_plan(for_day(routine, date(2026, 4, 1))), FakeClock())
    review = [line for line in guidance.segment_words(late, 0).lines if "Week" in line.text]
    assert [line.kind for line in review] == [LineKind.CAUTION]
    assert review[0].text.startswith("Week 3: holds 30 s. Ask your physio to review this programme")
    undated = Session(build_plan(routine), FakeClock())
    assert not [line for line in guidance.segment_words(undated, 0).lines if "Week" in line.text]
