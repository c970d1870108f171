"""Which chime and which words each moment of a session gets: pure core, on a fake clock.

Real plans from routine text; time moves only by ``clock.advance``. A ``Listener``
stands in for the Qt cue player: it feeds the CueCaller every session event and,
after every update, the current breath, and records what would have sounded.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.plan import Plan, SegmentKind, build_plan
from stretch_gui.core.session.breathing import BreathPhase
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.cues import (
    Cue,
    CueCaller,
    Prompt,
    prompt_for_arrival,
    prompt_for_breath_phase,
)
from stretch_gui.core.session.session import Session, SessionState
from tests.support.routines import FULL

T0 = 1000.0
K = SegmentKind

# FULL: sides, two sets with a rest, a moving exercise in reps, then a breathing step (shared with the session tests).

# Every moment that sounds when FULL plays through untouched: (seconds in, cue, words).
FULL_HEARD = [
    (0, None, "Ball release"),  # Start, on the prepare: the title only
    (10, Cue.HOLD_START, ""),
    (40, Cue.SWITCH_SIDES, "Switch sides"),
    (45, Cue.HOLD_START, ""),
    (75, Cue.HOLD_END, "Rest"),
    (90, Cue.HOLD_START, ""),
    (120, Cue.SWITCH_SIDES, "Switch sides"),
    (125, Cue.HOLD_START, ""),
    (155, Cue.HOLD_END, "Cat cow"),  # out of the stretch, and what comes next
    (160, Cue.HOLD_START, ""),
    (232, Cue.HOLD_START, "Slow breathing"),  # work straight into work: "begin" wins
    (262, Cue.COMPLETE, ""),
]
FULL_TOTAL = 262

# Two exercises back to back with no time to get ready, no breathing guide.
BACK_TO_BACK = """
format: 1
title: Back to back
steps:
  - exercise: {title: Stretch A, instructions: Do A.}
    hold: 30s
    prepare: 0s
  - exercise: {title: Stretch B, instructions: Do B.}
    hold: 20s
    prepare: 5s
  - exercise: {title: Stretch C, instructions: Do C.}
    hold: 20s
    prepare: 0s
"""
BACK_TO_BACK_HEARD = [
    (0, Cue.HOLD_START, "Stretch A"),  # Start, straight into a hold
    (30, Cue.HOLD_END, "Stretch B"),
    (35, Cue.HOLD_START, ""),
    (55, Cue.HOLD_START, "Stretch C"),
    (75, Cue.COMPLETE, ""),
]

# One paced 27 s hold: three 9 s breaths of 5 in, 1 pause, 3 out.
PACED = """
format: 1
title: Paced
breathing: {inhale: 5, pause: 1, exhale: 3}
steps:
  - exercise: {title: Stretch A, instructions: Do A.}
    hold: 27s
    prepare: 0s
"""
# Turns of the breath after the first in-breath, which the hold-start chime covers.
PACED_BREATHS = [
    (6, Cue.BREATH_OUT, "Breathe out"),
    (9, Cue.BREATH_IN, "Breathe in"),
    (15, Cue.BREATH_OUT, "Breathe out"),
    (18, Cue.BREATH_IN, "Breathe in"),
    (24, Cue.BREATH_OUT, "Breathe out"),
]


def plan_of(text: str) -> Plan:
    return build_plan(load_routine_text(text))


class Listener:
    """What the cue player would do: every event, and the breath after every update."""

    def __init__(self, session: Session, clock: FakeClock, *, breaths: bool = False) -> None:
        self.session = session
        self.clock = clock
        self.breaths = breaths
        self.caller = CueCaller(session.plan)
        self.heard: list[tuple[float, Cue | None, str]] = []
        session.subscribe(lambda event: self._hear(self.caller.on_event(event)))

    def _hear(self, prompt: Prompt | None) -> None:
        if prompt is not None:
            self.heard.append((round(self.clock.now() - T0, 6), prompt.cue, prompt.words))

    def tick(self) -> None:
        self.session.update()
        if self.breaths:
            self._hear(self.caller.on_breath(self.session.index, self.session.breath()))

    def run_for(self, seconds: float, step: float = 0.25) -> None:
        end = self.clock.now() + seconds
        while self.clock.now() < end - 1e-9:
            self.clock.advance(min(step, end - self.clock.now()))
            self.tick()

    def cues(self) -> list[Cue]:
        return [cue for _, cue, _ in self.heard if cue is not None]


def listening(text: str, *, breaths: bool = False, start: bool = True) -> tuple[Session, FakeClock, Listener]:
    clock = FakeClock(T0)
    session = Session(plan_of(text), clock)
    listener = Listener(session, clock, breaths=breaths)
    if start:
        session.start()
        listener.tick()
    return session, clock, listener


# -- played through untouched ------------------------------------------------------


def test_full_routine_sounds_each_moment_once():
    session, _clock, listener = listening(FULL)
    listener.run_for(FULL_TOTAL + 5)
    assert session.state is SessionState.FINISHED
    assert listener.heard == FULL_HEARD


def test_back_to_back_exercises_sound_begin_not_stop():
    session, _clock, listener = listening(BACK_TO_BACK)
    listener.run_for(80)
    assert session.state is SessionState.FINISHED
    assert listener.heard == BACK_TO_BACK_HEARD


@pytest.mark.parametrize("step", [0.04, 0.2, 1.0, 2.5])
def test_tick_rate_changes_nothing_but_how_late_a_cue_is_noticed(step):
    _session, _clock, listener = listening(FULL)
    listener.run_for(FULL_TOTAL + 5, step=step)
    assert [(cue, words) for _, cue, words in listener.heard] == [(cue, words) for _, cue, words in FULL_HEARD]
    for (heard_at, *_), (due, *_) in zip(listener.heard, FULL_HEARD, strict=True):
        assert due <= heard_at < due + step + 1e-6


def test_every_segment_kind_is_covered_by_the_full_routine():
    assert {s.kind for s in plan_of(FULL).segments} == set(SegmentKind)


# -- stalls ---------------------------------------------------------------------------


def test_a_stall_over_several_segments_sounds_once_for_where_the_session_is_now():
    session, clock, listener = listening(FULL)
    listener.run_for(11)  # into the first hold
    listener.heard.clear()
    clock.advance(80)  # 91 s in: hold, switch, hold and rest have all ended; set two is holding
    listener.tick()
    assert session.segment.kind is K.HOLD and session.segment.set_number == 2
    assert listener.heard == [(91, Cue.HOLD_START, "")]


def test_a_stall_that_lands_in_a_switch_sounds_the_switch():
    session, clock, listener = listening(FULL)
    listener.run_for(11)
    listener.heard.clear()
    clock.advance(111)  # 122 s in: the second switch
    listener.tick()
    assert session.segment.kind is K.SWITCH
    assert listener.heard == [(122, Cue.SWITCH_SIDES, "Switch sides")]


def test_a_stall_that_lands_in_the_next_exercises_prepare_says_its_title():
    session, clock, listener = listening(FULL)
    listener.run_for(11)
    listener.heard.clear()
    clock.advance(146)  # 157 s in: getting ready for cat cow
    listener.tick()
    assert session.segment.kind is K.PREPARE and session.segment.title == "Cat cow"
    assert listener.heard == [(157, Cue.HOLD_END, "Cat cow")]


def test_a_stall_past_the_end_sounds_only_complete():
    session, clock, listener = listening(FULL)
    listener.run_for(11)
    listener.heard.clear()
    clock.advance(FULL_TOTAL * 3)
    listener.tick()
    assert session.state is SessionState.FINISHED
    assert listener.heard == [(11 + FULL_TOTAL * 3, Cue.COMPLETE, "")]


# -- the patient's own commands are silent --------------------------------------------


def test_skipping_never_sounds_not_even_into_a_hold_or_a_switch():
    session, _clock, listener = listening(FULL)
    listener.heard.clear()
    kinds = []
    while not session.state.is_over:
        session.next()
        listener.tick()
        kinds.append(session.segment.kind)
    assert {K.HOLD, K.SWITCH, K.REST, K.REPS, K.BREATHE} <= set(kinds)
    assert listener.heard == []


def test_previous_and_restart_never_sound():
    session, _clock, listener = listening(FULL, breaths=True)
    listener.run_for(50)  # the right side's hold, 5 s in
    listener.heard.clear()
    session.previous()  # back to its start (more than 2 s in)
    listener.tick()
    session.previous()  # and to the switch before it
    listener.tick()
    assert session.segment.kind is K.SWITCH
    session.restart_exercise()
    listener.tick()
    assert session.index == 0
    assert listener.heard == []
    listener.run_for(10.5)  # then time runs again: 10 s to get ready, and the hold sounds as usual
    assert listener.heard == [(60, Cue.HOLD_START, "")]


def test_pause_resume_and_stop_are_silent():
    session, _clock, listener = listening(FULL)
    listener.run_for(20)
    listener.heard.clear()
    session.pause()
    listener.tick()
    session.start()
    listener.tick()
    session.stop("stopped by the user")
    listener.tick()
    assert session.state is SessionState.STOPPED
    assert listener.heard == []


def test_finishing_by_skipping_the_last_part_does_not_sound_complete():
    session, _clock, listener = listening(BACK_TO_BACK)
    listener.run_for(56)  # into the last hold
    listener.heard.clear()
    session.next()
    listener.tick()
    assert session.state is SessionState.FINISHED
    assert listener.heard == []


def test_starting_after_skipping_ahead_sounds_for_where_the_session_starts():
    session, _clock, listener = listening(FULL, start=False)
    session.next()  # still READY, now on the first hold
    listener.tick()
    assert session.state is SessionState.READY and listener.heard == []
    session.start()
    listener.tick()
    assert listener.heard == [(0, Cue.HOLD_START, "Ball release")]


def test_resuming_from_pause_does_not_sound_the_start_again():
    session, _clock, listener = listening(BACK_TO_BACK)
    assert listener.heard == [(0, Cue.HOLD_START, "Stretch A")]
    session.pause()
    session.start()
    listener.tick()
    assert listener.heard == [(0, Cue.HOLD_START, "Stretch A")]


# -- breath cues ----------------------------------------------------------------------


@pytest.mark.parametrize("step", [0.04, 0.2, 0.5])
def test_breath_cues_mark_each_turn_of_the_breath_once(step):
    session, _clock, listener = listening(PACED, breaths=True)
    listener.run_for(30, step=step)
    assert session.state is SessionState.FINISHED
    breaths = [h for h in listener.heard if h[1] in (Cue.BREATH_IN, Cue.BREATH_OUT)]
    assert [(cue, words) for _, cue, words in breaths] == [(cue, words) for _, cue, words in PACED_BREATHS]
    for (heard_at, *_), (due, *_) in zip(breaths, PACED_BREATHS, strict=True):
        assert due <= heard_at < due + step + 1e-6
    assert listener.cues() == [Cue.HOLD_START, *(cue for _, cue, _ in PACED_BREATHS), Cue.COMPLETE]


def test_without_breath_option_no_breath_cues():
    _session, _clock, listener = listening(PACED, breaths=False)
    listener.run_for(30)
    assert listener.cues() == [Cue.HOLD_START, Cue.COMPLETE]


def test_a_stall_across_several_breaths_sounds_at_most_one_breath_cue():
    _session, clock, listener = listening(PACED, breaths=True)
    listener.run_for(1)
    listener.heard.clear()
    clock.advance(15.5)  # 16.5 s in: third phase change since, now breathing out
    listener.tick()
    assert listener.heard == [(16.5, Cue.BREATH_OUT, "Breathe out")]


def test_no_breath_cue_while_paused_nor_on_resume_in_the_same_phase():
    session, clock, listener = listening(PACED, breaths=True)
    listener.run_for(7)  # breathing out
    listener.heard.clear()
    session.pause()
    listener.tick()
    clock.advance(60)
    listener.tick()
    session.start()
    listener.tick()
    assert listener.heard == []
    listener.run_for(2.5)  # 9.5 s of hold: the next in-breath began at 9 s (60 s paused)
    assert listener.heard == [(69, Cue.BREATH_IN, "Breathe in")]


def test_restarting_a_hold_does_not_sound_its_first_breath():
    session, _clock, listener = listening(PACED, breaths=True)
    listener.run_for(7)
    listener.heard.clear()
    session.previous()  # back to 0 s into the hold: an in-breath, but a jump, not a turn
    listener.tick()
    listener.run_for(1)
    assert listener.heard == []


def test_pauses_in_the_breath_are_silent():
    caller = CueCaller(plan_of(PACED))
    phases = [BreathPhase.PAUSE, BreathPhase.PAUSE_AFTER_EXHALE]
    assert [prompt_for_breath_phase(p) for p in phases] == [None, None]
    assert caller.on_breath(0, None) is None


# -- the table itself -----------------------------------------------------------------


def test_arrival_table_for_every_pair_in_the_full_routine():
    plan = plan_of(FULL)
    segments = plan.segments
    for index in range(1, len(segments)):
        prompt = prompt_for_arrival(plan, index - 1, index)
        kind, left = segments[index].kind, segments[index - 1].kind
        if kind.is_work:
            assert prompt is not None and prompt.cue is Cue.HOLD_START
        elif kind is K.SWITCH:
            assert prompt == Prompt(Cue.SWITCH_SIDES, "Switch sides")
        else:
            assert prompt is not None and prompt.cue is (Cue.HOLD_END if left.is_work else None)


def test_every_cue_names_a_shipped_sound(repo_root):
    for cue in Cue:
        assert (repo_root / "assets" / "sounds" / cue.file_name).is_file(), cue


# -- whatever the patient does, one update sounds at most once --------------------------

COMMANDS = st.sampled_from(["tick", "tick", "tick", "next", "previous", "restart", "toggle"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0.0, 40.0), COMMANDS), max_size=40))
def test_at_most_one_prompt_per_update_and_none_for_commands(moves):
    session, clock, listener = listening(FULL, breaths=True)
    for seconds, command in moves:
        clock.advance(seconds)
        if command == "tick":
            before = len(listener.heard)
            listener.tick()
            assert len(listener.heard) - before <= 1
            continue
        session.update()  # let time's own changes be heard first, as the driver's timer would
        listener.tick()
        before = len(listener.heard)
        {"next": session.next, "previous": session.previous, "restart": session.restart_exercise, "toggle": session.toggle}[
            command
        ]()
        # The session was started before the first move, so no command here is a first Start.
        assert listener.heard[before:] == []
