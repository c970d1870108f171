"""Playing a plan on a fake clock: deadlines, stalls, pauses, skipping, the summary.

Pure core: no Qt, no sleeping. Time moves only when a test calls ``clock.advance``.
"""

from __future__ import annotations

import random

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import Side
from stretch_gui.core.routine.plan import Plan, SegmentKind, build_plan
from stretch_gui.core.session.breathing import BreathPhase
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import (
    RESTART_SEGMENT_AFTER,
    CarriedOver,
    Cause,
    EventKind,
    Outcome,
    Session,
    SessionEvent,
    SessionState,
)
from tests.support.routines import FULL

T0 = 1000.0  # FakeClock's default start
TOL = 0.05

K = SegmentKind

# Two sided sets with a rest between, a moving exercise in reps, a breathing step.

# (kind, side, set_number, start, duration) for every segment of FULL.
FULL_TIMELINE = [
    (K.PREPARE, Side.LEFT, 1, 0, 10),
    (K.HOLD, Side.LEFT, 1, 10, 30),
    (K.SWITCH, Side.RIGHT, 1, 40, 5),
    (K.HOLD, Side.RIGHT, 1, 45, 30),
    (K.REST, Side.LEFT, 2, 75, 15),
    (K.HOLD, Side.LEFT, 2, 90, 30),
    (K.SWITCH, Side.RIGHT, 2, 120, 5),
    (K.HOLD, Side.RIGHT, 2, 125, 30),
    (K.PREPARE, None, 1, 155, 5),
    (K.REPS, None, 1, 160, 72),
    (K.BREATHE, None, 1, 232, 30),
]
FULL_TOTAL = 262

# Three plain holds in the middle: A 30 s (no prepare), B 5 s prepare + 60 s, C 20 s.
HOLDS = """
format: 1
title: Three holds
steps:
  - exercise: {title: Stretch A, instructions: Do A.}
    hold: 30s
    prepare: 0s
  - exercise: {title: Stretch B, instructions: Do B.}
    hold: 60s
    prepare: 5s
  - exercise: {title: Stretch C, instructions: Do C.}
    hold: 20s
    prepare: 0s
"""
HOLDS_STARTS = [0, 30, 35, 95]  # A hold, B prepare, B hold, C hold
HOLDS_TOTAL = 115

BREATHE_30_MIN = """
format: 1
title: Long breathing
breathing: {inhale: 5, pause: 1, exhale: 3, pause_after_exhale: 0}
steps:
  - breathe: 30m
"""


def plan_of(text: str) -> Plan:
    return build_plan(load_routine_text(text))


class Recorder:
    def __init__(self, session: Session) -> None:
        self.events: list[SessionEvent] = []
        session.subscribe(self.events.append)

    def segments(self) -> list[SessionEvent]:
        return [e for e in self.events if e.kind is EventKind.SEGMENT_CHANGED]

    def states(self) -> list[SessionEvent]:
        return [e for e in self.events if e.kind is EventKind.STATE_CHANGED]

    def clear(self) -> None:
        self.events.clear()


def started(text: str) -> tuple[Session, FakeClock, Recorder]:
    clock = FakeClock(T0)
    session = Session(plan_of(text), clock)
    recorder = Recorder(session)
    session.start()
    recorder.clear()
    return session, clock, recorder


def run_to(session: Session, clock: FakeClock, routine_time: float, step: float = 0.5) -> None:
    """Advance with regular updates until `routine_time` seconds after T0 (no pauses used)."""
    while clock.now() - T0 < routine_time - 1e-9:
        clock.advance(min(step, routine_time - (clock.now() - T0)))
        session.update()


# -- the plan the tests rely on ---------------------------------------------------


def test_full_plan_timeline():
    plan = plan_of(FULL)
    got = [(s.kind, s.side, s.set_number, s.start, s.duration) for s in plan.segments]
    assert got == FULL_TIMELINE
    assert plan.total == FULL_TOTAL
    rest = plan.segments[4]
    assert rest.cue == "Move the ball a little higher."
    assert (rest.set_number, rest.set_count) == (2, 2)
    assert plan.segments[9].reps == 8
    assert plan.segments[10].breathing.cycle == 10


# -- a whole routine --------------------------------------------------------------


def test_whole_routine_plays_through_in_order():
    clock = FakeClock(T0)
    session = Session(plan_of(FULL), clock)
    recorder = Recorder(session)
    session.start()

    seen_kinds_by_index: dict[int, set] = {}
    seen_breaths: dict[int, set[int]] = {}
    while not session.state.is_over:
        clock.advance(0.25)
        session.update()
        if session.state.is_over:
            break
        segment = session.segment
        seen_kinds_by_index.setdefault(session.index, set()).add(segment.kind)
        assert session.elapsed() + segment.start == pytest.approx(clock.now() - T0, abs=1e-6)
        assert session.routine_remaining() == pytest.approx(FULL_TOTAL - (clock.now() - T0), abs=1e-6)
        breath = session.breath()
        if segment.breathing is None:
            assert breath is None
        else:
            seen_breaths.setdefault(session.index, set()).add(breath.breath_number)

    changes = recorder.segments()
    assert [e.segment_index for e in changes] == list(range(1, len(FULL_TIMELINE)))
    for event in changes:
        assert event.at == pytest.approx(T0 + FULL_TIMELINE[event.segment_index][3], abs=1e-9)
        assert event.state is SessionState.RUNNING
    assert sorted(seen_kinds_by_index) == list(range(len(FULL_TIMELINE)))
    assert [seen_kinds_by_index[i] for i in range(len(FULL_TIMELINE))] == [{kind} for kind, *_ in FULL_TIMELINE]

    # Left, switch, right; set two after the rest; 8 reps are 8 breaths; 3 breaths at 4/6.
    assert seen_breaths[1] == {1, 2, 3, 4}  # 30 s hold at 9 s breaths
    assert seen_breaths[9] == set(range(1, 9))
    assert seen_breaths[10] == {1, 2, 3}

    states = recorder.states()
    assert [e.state for e in states] == [SessionState.RUNNING, SessionState.FINISHED]
    assert states[-1].at == pytest.approx(T0 + FULL_TOTAL, abs=1e-9)
    assert session.state is SessionState.FINISHED

    assert session.outcomes == {i: Outcome.COMPLETED for i in range(len(FULL_TIMELINE))}
    summary = session.summary()
    assert summary.exercises_completed == 2  # the two exercise steps; the breathing step is not an exercise
    assert summary.exercises_skipped == 0
    assert summary.active_seconds == pytest.approx(FULL_TOTAL, abs=1e-9)
    assert summary.stopped is False


def test_finished_session_shows_nothing_left():
    session, clock, _ = started(HOLDS)
    run_to(session, clock, HOLDS_TOTAL + 3)
    assert session.state is SessionState.FINISHED
    assert session.remaining() == 0.0
    assert session.routine_remaining() == 0.0
    assert session.breath() is None
    assert session.active_seconds() == pytest.approx(HOLDS_TOTAL)
    clock.advance(100)
    session.update()
    assert session.active_seconds() == pytest.approx(HOLDS_TOTAL)
    assert session.routine_remaining() == 0.0


def test_sides_and_sets_carry_their_labels():
    session, clock, _ = started(FULL)
    seen = []
    while not session.state.is_over:
        segment = session.segment
        if not seen or seen[-1][0] != session.index:
            seen.append((session.index, segment.kind, segment.side, segment.set_number, segment.cue))
        clock.advance(1)
        session.update()
    hold_sides = [(side, number) for _, kind, side, number, _ in seen if kind is K.HOLD]
    assert hold_sides == [(Side.LEFT, 1), (Side.RIGHT, 1), (Side.LEFT, 2), (Side.RIGHT, 2)]
    rests = [cue for _, kind, _, _, cue in seen if kind is K.REST]
    assert rests == ["Move the ball a little higher."]
    switches = [cue for _, kind, _, _, cue in seen if kind is K.SWITCH]
    assert switches == ["get ready for the right side"] * 2


# -- deadlines ------------------------------------------------------------------


def test_countdowns_are_deadlines():
    session, clock, recorder = started(HOLDS)
    for t in (0.0, 0.25, 7.125, 19.999):
        clock.advance(t - (clock.now() - T0))
        session.update()
        assert session.index == 0
        assert session.elapsed() == pytest.approx(t, abs=1e-9)
        assert session.remaining() == pytest.approx(30 - t, abs=1e-9)
        assert session.routine_remaining() == pytest.approx(HOLDS_TOTAL - t, abs=1e-9)

    clock.advance(29.9 - (clock.now() - T0))
    session.update()
    assert session.index == 0
    assert session.remaining() == pytest.approx(0.1, abs=1e-9)
    assert recorder.segments() == []

    clock.advance(0.1)  # exactly 30.0 s
    session.update()
    assert session.index == 1
    assert session.segment.kind is K.PREPARE
    assert session.elapsed() == pytest.approx(0.0, abs=1e-9)
    assert session.remaining() == pytest.approx(5.0, abs=1e-9)
    assert [e.segment_index for e in recorder.segments()] == [1]
    assert recorder.segments()[0].at == pytest.approx(T0 + 30, abs=1e-9)


def test_countdown_never_goes_negative_between_updates():
    session, clock, _ = started(HOLDS)
    clock.advance(41)  # past A's deadline, nobody has called update yet
    assert session.index == 0
    assert session.elapsed() == 30.0
    assert session.remaining() == 0.0
    session.update()
    assert session.index == 2  # A (30) and B's prepare (5) are over: 6 s into B's hold
    assert session.elapsed() == pytest.approx(6.0, abs=1e-9)


def test_stall_past_a_deadline_does_not_slip_the_timeline():
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 35)  # exactly the start of B's 60 s hold
    assert (session.index, session.segment.kind) == (2, K.HOLD)
    hold_start = clock.now()
    assert session.elapsed() == pytest.approx(0.0, abs=1e-9)
    recorder.clear()

    clock.advance(30)
    session.update()
    assert session.index == 2
    assert session.remaining() == pytest.approx(30, abs=1e-9)

    clock.advance(33)  # a 3 s stall past the deadline, no update in between
    session.update()
    changes = recorder.segments()
    assert len(changes) == 1
    assert changes[0].segment_index == 3
    assert changes[0].at == pytest.approx(hold_start + 60, abs=TOL)
    assert session.index == 3
    assert session.elapsed() == pytest.approx(3.0, abs=TOL)
    assert session.remaining() == pytest.approx(17.0, abs=TOL)
    assert session.routine_remaining() == pytest.approx(HOLDS_TOTAL - 98, abs=TOL)

    # And the next deadline is still on the original timeline.
    clock.advance(16.9)
    session.update()
    assert session.index == 3
    clock.advance(0.1)
    session.update()
    assert session.state is SessionState.FINISHED
    assert recorder.states()[-1].at == pytest.approx(T0 + HOLDS_TOTAL, abs=1e-9)


def test_stall_across_several_segments_passes_through_each():
    session, clock, recorder = started(FULL)
    clock.advance(100)  # nobody updates for 100 s: into the second set
    session.update()
    changes = recorder.segments()
    assert [e.segment_index for e in changes] == [1, 2, 3, 4, 5]
    assert [e.at for e in changes] == pytest.approx([T0 + FULL_TIMELINE[i][3] for i in range(1, 6)], abs=1e-9)
    assert session.index == 5
    assert session.segment.kind is K.HOLD and session.segment.set_number == 2
    assert session.elapsed() == pytest.approx(10.0, abs=1e-9)
    assert [session.outcomes.get(i) for i in range(6)] == [Outcome.COMPLETED] * 5 + [None]
    assert session.active_seconds() == pytest.approx(100.0, abs=1e-9)


def test_stall_past_the_end_finishes_at_the_plans_total():
    session, clock, recorder = started(FULL)
    clock.advance(5)
    session.update()
    assert session.index == 0
    clock.advance(10_000)
    session.update()
    assert [e.segment_index for e in recorder.segments()] == list(range(1, len(FULL_TIMELINE)))
    assert [e.at for e in recorder.segments()] == pytest.approx([T0 + row[3] for row in FULL_TIMELINE[1:]], abs=1e-9)
    states = recorder.states()
    assert [(e.state, e.segment_index) for e in states] == [(SessionState.FINISHED, len(FULL_TIMELINE) - 1)]
    assert states[0].at == pytest.approx(T0 + FULL_TOTAL, abs=1e-9)
    assert recorder.events[-1] is states[0]
    assert session.summary().active_seconds == pytest.approx(FULL_TOTAL, abs=1e-9)
    assert session.summary().exercises_completed == 2


def test_thirty_minutes_of_jittered_updates_do_not_drift():
    session, clock, recorder = started(BREATHE_30_MIN)
    assert session.segment.kind is K.BREATHE and session.segment.duration == 1800
    rng = random.Random(20261120)

    # Steps are whole 1/1024 s "ticks" (about 1 ms): binary fractions, so the fake
    # clock's own sums are exact and any error seen here is the session's.
    tick = 1 / 1024
    elapsed_ticks = 0  # the true time, counted exactly
    boundary_checks = {}  # breath k -> (offset into the breath at the first look, state)
    max_breath = 0
    stalls = 0
    while not session.state.is_over:
        if rng.random() < 0.004:
            step = rng.randint(1024, 3072)  # a 1-3 s stall
            stalls += 1
        else:
            step = rng.randint(10, 82)  # a 10-80 ms frame
        clock.advance(step * tick)
        elapsed_ticks += step
        session.update()
        if session.state.is_over:
            break
        true = elapsed_ticks * tick
        assert session.elapsed() == pytest.approx(true, abs=1e-6)
        breath = session.breath()
        k, into_ticks = divmod(elapsed_ticks, 9 * 1024)
        into_ms = into_ticks * tick * 1000
        assert breath.breath_number == k + 1
        max_breath = max(max_breath, breath.breath_number)
        if k not in boundary_checks:
            boundary_checks[k] = (into_ms / 1000, breath)

    assert elapsed_ticks * tick >= 1800
    assert stalls > 10
    assert max_breath == 200
    assert sorted(boundary_checks) == list(range(200))  # every breath seen, none extra
    near = 0
    for k, (offset, breath) in boundary_checks.items():
        # The first look after k * 9 s: a fresh breath, its inhale started exactly
        # at the boundary (so phase_elapsed is how far past it we looked).
        assert breath.phase is BreathPhase.INHALE or offset >= 5, k
        assert breath.breath_number == k + 1
        if offset < 5:
            assert breath.phase_elapsed == pytest.approx(offset, abs=1e-6)
        if offset <= 0.08:  # looked by an ordinary frame, not after a stall
            near += 1
            assert breath.phase is BreathPhase.INHALE
            assert breath.phase_elapsed < 0.1
    # Most boundaries are first seen by an ordinary frame; the rest were crossed
    # by a stall and were checked above against their exact offset instead.
    assert near >= 150
    finished = recorder.states()[-1]
    assert finished.state is SessionState.FINISHED
    assert finished.at == pytest.approx(T0 + 1800, abs=1e-6)


def test_breath_restarts_with_each_hold():
    # The pacer starts every hold on a fresh in-breath, whatever the breath before.
    session, clock, _ = started(FULL)
    run_to(session, clock, 10)
    assert session.index == 1
    breath = session.breath()
    assert (breath.phase, breath.breath_number, breath.phase_elapsed) == (BreathPhase.INHALE, 1, pytest.approx(0.0, abs=1e-9))
    run_to(session, clock, 45)
    breath = session.breath()
    assert session.index == 3
    assert (breath.phase, breath.breath_number, breath.phase_elapsed) == (BreathPhase.INHALE, 1, pytest.approx(0.0, abs=1e-9))
    run_to(session, clock, 45 + 7.5)
    breath = session.breath()
    assert (breath.phase, breath.breath_number) == (BreathPhase.EXHALE, 1)
    assert breath.phase_elapsed == pytest.approx(1.5, abs=1e-9)


# -- pause ------------------------------------------------------------------------


def test_pause_stops_time():
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 12.3)
    session.pause()
    assert session.state is SessionState.PAUSED
    recorder.clear()
    def readings() -> tuple[object, ...]:
        return (
            session.index, session.elapsed(), session.remaining(), session.breath(), session.routine_remaining(),
            session.active_seconds(),
        )

    frozen = readings()
    assert frozen[1] == pytest.approx(12.3, abs=1e-9)

    for _ in range(5):
        clock.advance(100)  # far past the 30 s deadline
        session.update()
        assert readings() == frozen
    assert recorder.events == []

    session.start()
    assert session.state is SessionState.RUNNING
    assert session.remaining() == frozen[2]
    assert session.elapsed() == frozen[1]
    resumed_at = clock.now()
    clock.advance(frozen[2] - 0.01)
    session.update()
    assert session.index == 0
    clock.advance(0.01)
    session.update()
    assert session.index == 1
    assert recorder.segments()[-1].at == pytest.approx(resumed_at + frozen[2], abs=1e-9)
    assert session.elapsed() == pytest.approx(0.0, abs=1e-9)
    assert session.summary().active_seconds == pytest.approx(30.0, abs=1e-9)


def test_pause_after_an_unnoticed_deadline_lands_in_the_right_segment():
    session, clock, _ = started(HOLDS)
    clock.advance(32)  # A ended at 30, nobody noticed
    session.pause()
    assert session.state is SessionState.PAUSED
    assert session.index == 1
    assert session.elapsed() == pytest.approx(2.0, abs=1e-9)
    clock.advance(60)
    assert session.elapsed() == pytest.approx(2.0, abs=1e-9)


def test_toggle_pauses_and_resumes():
    session, clock, recorder = started(HOLDS)
    clock.advance(4)
    session.toggle()
    assert session.state is SessionState.PAUSED
    clock.advance(50)
    session.toggle()
    assert session.state is SessionState.RUNNING
    assert session.elapsed() == pytest.approx(4.0, abs=1e-9)
    assert [e.state for e in recorder.states()] == [SessionState.PAUSED, SessionState.RUNNING]


# -- READY -------------------------------------------------------------------------


def test_ready_is_frozen_at_zero_until_start():
    clock = FakeClock(T0)
    session = Session(plan_of(HOLDS), clock)
    recorder = Recorder(session)
    assert session.state is SessionState.READY
    assert session.index == 0
    clock.advance(500)
    session.update()
    session.pause()  # nothing to pause yet
    assert session.state is SessionState.READY
    assert session.elapsed() == 0.0
    assert session.remaining() == 30.0
    assert session.routine_remaining() == HOLDS_TOTAL
    assert session.active_seconds() == 0.0
    breath = session.breath()
    assert (breath.phase, breath.breath_number, breath.fill) == (BreathPhase.INHALE, 1, 0.0)
    assert recorder.events == []

    session.start()
    assert session.state is SessionState.RUNNING
    assert [(e.kind, e.state, e.at) for e in recorder.events] == [(EventKind.STATE_CHANGED, SessionState.RUNNING, T0 + 500)]
    assert session.elapsed() == 0.0
    clock.advance(29.5)
    session.update()
    assert (session.index, session.elapsed()) == (0, pytest.approx(29.5, abs=1e-9))
    clock.advance(0.5)
    session.update()
    assert session.index == 1

    session.start()  # already running: nothing happens
    assert [e.state for e in recorder.states()] == [SessionState.RUNNING]


def test_toggle_from_ready_starts():
    clock = FakeClock(T0)
    session = Session(plan_of(HOLDS), clock)
    clock.advance(7)
    session.toggle()
    assert session.state is SessionState.RUNNING
    clock.advance(3)
    assert session.elapsed() == pytest.approx(3.0, abs=1e-9)
    session.toggle()
    assert session.state is SessionState.PAUSED


def test_session_needs_segments():
    routine = load_routine_text(HOLDS)
    with pytest.raises(ValueError):
        Session(Plan(routine, ()), FakeClock())


# -- next -------------------------------------------------------------------------


def test_next_skips_and_starts_the_new_segment_now():
    session, clock, recorder = started(HOLDS)
    clock.advance(10.5)
    session.next()
    assert session.index == 1
    assert session.outcomes == {0: Outcome.SKIPPED}
    assert session.elapsed() == 0.0
    assert session.remaining() == 5.0
    assert [(e.segment_index, e.at) for e in recorder.segments()] == [(1, T0 + 10.5)]
    clock.advance(5)
    session.update()
    assert session.index == 2
    assert recorder.segments()[-1].at == pytest.approx(T0 + 15.5, abs=1e-9)
    assert session.outcomes[1] is Outcome.COMPLETED
    # routine_remaining follows the plan from here: skipping took the 19.5 s off.
    assert session.routine_remaining() == pytest.approx(80.0, abs=1e-9)


def test_next_on_the_last_segment_finishes():
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 100)
    assert session.index == 3
    session.next()
    assert session.state is SessionState.FINISHED
    assert session.outcomes[3] is Outcome.SKIPPED
    assert recorder.states()[-1].state is SessionState.FINISHED
    assert recorder.states()[-1].at == pytest.approx(T0 + 100, abs=1e-9)
    summary = session.summary()
    assert (summary.exercises_completed, summary.exercises_skipped) == (2, 1)
    assert summary.active_seconds == pytest.approx(100.0, abs=1e-9)
    session.next()  # nothing more to skip
    assert session.state is SessionState.FINISHED


def test_skipping_work_counts_the_exercise_as_skipped_but_skipping_prepare_does_not():
    session, clock, _ = started(FULL)
    session.next()  # prepare of the ball release: not the exercise itself
    assert session.index == 1
    run_to(session, clock, 30)  # left hold done, from 0 to 30 s
    assert session.index == 2
    session.next()  # skip the switch: not the exercise itself either
    assert session.segment.kind is K.HOLD and session.segment.side is Side.RIGHT
    clock.advance(3)
    session.next()
    assert session.outcomes[3] is Outcome.SKIPPED
    # play the rest of the routine through
    while not session.state.is_over:
        clock.advance(1)
        session.update()
    summary = session.summary()
    assert summary.exercises_completed == 1  # cat cow
    assert summary.exercises_skipped == 1  # ball release: one hold was skipped


def test_skipping_a_whole_step_while_paused():
    session, clock, _recorder = started(FULL)
    clock.advance(3)
    session.pause()
    for _ in range(8):  # skip through the whole ball release while paused
        session.next()
    assert session.state is SessionState.PAUSED
    assert session.index == 8
    clock.advance(50)
    assert session.elapsed() == 0.0
    assert session.remaining() == 5.0
    session.start()
    clock.advance(5)
    session.update()
    assert session.index == 9
    summary = session.summary()
    assert summary.exercises_skipped == 1
    assert summary.active_seconds == pytest.approx(8.0, abs=1e-9)


# -- previous ---------------------------------------------------------------------


def test_previous_late_in_a_segment_restarts_it():
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 35 + 12)  # 12 s into B's hold
    assert session.index == 2
    recorder.clear()
    session.previous()
    assert session.index == 2
    assert session.elapsed() == 0.0
    assert session.remaining() == 60.0
    assert [(e.segment_index, e.at) for e in recorder.segments()] == [(2, pytest.approx(T0 + 47, abs=1e-9))]
    clock.advance(60)
    session.update()
    assert session.index == 3  # the restarted hold runs its full 60 s from the restart


@pytest.mark.parametrize("into", [0.0, 1.5, RESTART_SEGMENT_AFTER])
def test_previous_early_in_a_segment_goes_back(into):
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 35 + into)
    assert session.index == 2
    session.previous()
    assert session.index == 1
    assert session.segment.kind is K.PREPARE
    assert session.elapsed() == 0.0
    assert session.remaining() == 5.0
    assert recorder.segments()[-1].at == pytest.approx(clock.now(), abs=1e-9)


def test_previous_just_past_the_threshold_restarts():
    session, clock, _ = started(HOLDS)
    run_to(session, clock, 35 + RESTART_SEGMENT_AFTER + 0.01)
    session.previous()
    assert session.index == 2
    assert session.elapsed() == 0.0


@pytest.mark.parametrize("into", [0.0, 1.0, 5.0])
def test_previous_on_the_first_segment_restarts_it(into):
    session, clock, _recorder = started(HOLDS)
    clock.advance(into)
    session.update()
    session.previous()
    assert session.index == 0
    assert session.state is SessionState.RUNNING
    assert session.elapsed() == 0.0
    assert session.remaining() == 30.0
    clock.advance(1)
    assert session.elapsed() == pytest.approx(1.0, abs=1e-9)


def test_previous_while_paused_stays_paused():
    session, clock, _ = started(HOLDS)
    run_to(session, clock, 40)
    session.pause()
    session.previous()
    assert session.state is SessionState.PAUSED
    assert session.index == 2
    assert session.elapsed() == 0.0
    clock.advance(30)
    assert session.elapsed() == 0.0


# -- restart_exercise -------------------------------------------------------------


def test_restart_exercise_goes_back_to_its_prepare():
    session, clock, recorder = started(FULL)
    run_to(session, clock, 140)  # 15 s into the right hold of set 2
    assert session.index == 7
    session.restart_exercise()
    assert session.index == 0
    assert session.segment.kind is K.PREPARE
    assert session.elapsed() == 0.0
    assert session.routine_remaining() == pytest.approx(FULL_TOTAL, abs=1e-9)
    assert recorder.segments()[-1].segment_index == 0
    assert recorder.segments()[-1].at == pytest.approx(T0 + 140, abs=1e-9)
    # and it plays through again from there: left hold 10 s later
    clock.advance(10)
    session.update()
    assert session.index == 1


def test_restart_exercise_on_a_later_step():
    session, clock, _ = started(FULL)
    run_to(session, clock, 160 + 30)  # 30 s into cat cow's reps
    assert session.index == 9
    session.restart_exercise()
    assert session.index == 8  # cat cow's prepare, not the routine's start
    assert session.elapsed() == 0.0


# -- stop -------------------------------------------------------------------------


def test_stop_keeps_the_reason_and_ignores_everything_after():
    session, clock, recorder = started(FULL)
    run_to(session, clock, 20)
    session.stop("sharp pain in the left hip")
    assert session.state is SessionState.STOPPED
    assert session.state.is_over
    assert session.stop_reason == "sharp pain in the left hip"
    assert [(e.state, e.at) for e in recorder.states()] == [(SessionState.STOPPED, T0 + 20)]
    frozen = (session.index, session.elapsed(), session.remaining(), session.routine_remaining())
    assert frozen[:2] == (1, pytest.approx(10.0, abs=1e-9))
    recorder.clear()

    commands = (
        session.start, session.pause, session.toggle, session.next, session.previous, session.restart_exercise, session.update,
    )
    for command in commands:
        clock.advance(40)
        command()
        assert session.state is SessionState.STOPPED
    session.stop("another reason")
    assert session.stop_reason == "sharp pain in the left hip"
    assert (session.index, session.elapsed(), session.remaining(), session.routine_remaining()) == frozen
    assert session.breath() is None
    assert recorder.events == []

    summary = session.summary()
    assert summary.stopped is True
    assert summary.exercises_completed == 0
    assert summary.exercises_skipped == 0  # nothing of the ball release was finished or skipped
    assert summary.active_seconds == pytest.approx(20.0, abs=1e-9)


def test_stop_while_paused_and_after_a_stall():
    session, clock, _recorder = started(HOLDS)
    clock.advance(33)  # A's deadline passed unnoticed
    session.stop()
    assert session.state is SessionState.STOPPED
    assert session.index == 1  # the stall was caught up first
    assert session.outcomes[0] is Outcome.COMPLETED
    assert session.summary().exercises_completed == 1

    session2, clock2, _ = started(HOLDS)
    clock2.advance(5)
    session2.pause()
    clock2.advance(100)
    session2.stop("tired")
    assert session2.state is SessionState.STOPPED
    assert session2.summary().active_seconds == pytest.approx(5.0, abs=1e-9)


def test_stop_after_finish_does_nothing():
    session, clock, _recorder = started(HOLDS)
    run_to(session, clock, HOLDS_TOTAL)
    assert session.state is SessionState.FINISHED
    session.stop("too late")
    assert session.state is SessionState.FINISHED
    assert session.stop_reason == ""
    assert session.summary().stopped is False


# -- reps -------------------------------------------------------------------------


def test_rep_number_counts_one_per_breath():
    session, clock, recorder = started(FULL)
    run_to(session, clock, 160)
    assert session.segment.kind is K.REPS
    assert session.segment.duration == 72
    reps_start = clock.now()
    assert session.rep_number() == 1
    seen = []
    while session.index == 9:
        into = clock.now() - reps_start
        rep = session.rep_number()
        assert rep == int(into // 9) + 1, into
        breath = session.breath()
        assert breath.breath_number == rep
        seen.append(rep)
        clock.advance(0.25)
        session.update()
    assert sorted(set(seen)) == list(range(1, 9))
    assert seen == sorted(seen)
    assert recorder.segments()[-1].at == pytest.approx(reps_start + 72, abs=1e-9)
    assert session.rep_number() is None  # the breathing step has no reps


def test_rep_number_at_the_boundaries_and_outside_reps():
    session, clock, _ = started(FULL)
    assert session.rep_number() is None  # prepare
    run_to(session, clock, 20)
    assert session.rep_number() is None  # a hold has breaths but no reps
    run_to(session, clock, 160 + 8.99)
    assert session.rep_number() == 1
    run_to(session, clock, 160 + 9)
    assert session.rep_number() == 2
    run_to(session, clock, 160 + 40)
    session.pause()
    clock.advance(30)
    assert session.rep_number() == 5  # paused in the 5th breath: stays the 5th
    session.start()
    run_to(session, clock, 160 + 71.99 + 30)
    assert session.rep_number() == 8
    clock.advance(0.51)  # past the end of the reps, not yet noticed: still the 8th, never a 9th
    assert session.index == 9
    assert session.rep_number() == 8
    session.update()
    assert session.index == 10
    assert session.rep_number() is None


# -- events -----------------------------------------------------------------------


def test_listener_hears_every_state_change():
    clock = FakeClock(T0)
    session = Session(plan_of(HOLDS), clock)
    recorder = Recorder(session)
    clock.advance(1)
    session.start()
    clock.advance(10)
    session.pause()
    clock.advance(20)
    session.start()
    clock.advance(HOLDS_TOTAL)
    session.update()
    states = [(e.state, e.at) for e in recorder.states()]
    assert states == [
        (SessionState.RUNNING, T0 + 1),
        (SessionState.PAUSED, T0 + 11),
        (SessionState.RUNNING, T0 + 31),
        (SessionState.FINISHED, pytest.approx(T0 + 31 + HOLDS_TOTAL - 10, abs=1e-9)),
    ]
    for event in recorder.states():
        assert event.kind is EventKind.STATE_CHANGED
    # Every event reports the state the session is in once it has happened.
    assert recorder.events[-1].state is SessionState.FINISHED
    assert [e.segment_index for e in recorder.segments()] == [1, 2, 3]
    assert recorder.events.index(recorder.states()[-1]) == len(recorder.events) - 1

    clock2 = FakeClock(T0)
    stopped = Session(plan_of(HOLDS), clock2)
    recorder2 = Recorder(stopped)
    stopped.start()
    clock2.advance(2)
    stopped.stop("dizzy")
    assert [(e.state, e.at) for e in recorder2.states()] == [(SessionState.RUNNING, T0), (SessionState.STOPPED, T0 + 2)]


def test_several_listeners_hear_the_same_events():
    session, clock, first = started(HOLDS)
    second = Recorder(session)
    clock.advance(31)
    session.update()
    assert first.events == second.events
    assert len(first.segments()) == 1


def test_breathing_steps_are_not_counted_as_exercises():
    session, clock, _ = started(BREATHE_30_MIN)
    assert load_routine_text(BREATHE_30_MIN).exercise_count == 0
    clock.advance(60)
    session.next()  # skip the rest of the breathing
    assert session.state is SessionState.FINISHED
    summary = session.summary()
    assert (summary.exercises_completed, summary.exercises_skipped) == (0, 0)
    assert summary.active_seconds == pytest.approx(60.0, abs=1e-9)


# -- why things changed (sounds play on natural ends, history records skips) -----


def test_events_say_why_a_segment_changed():
    session, clock, recorder = started(HOLDS)
    run_to(session, clock, 30.0)  # A's hold runs out
    session.next()  # skip B's prepare
    clock.advance(3.0)
    session.previous()  # 3 s into B's hold: back to its start
    session.restart_exercise()  # back to B's prepare
    got = [(e.cause, e.left_index, e.segment_index) for e in recorder.segments()]
    assert got == [
        (Cause.ELAPSED, 0, 1),
        (Cause.SKIPPED, 1, 2),
        (Cause.JUMPED, 2, 2),
        (Cause.JUMPED, 2, 1),
    ]
    assert all(not e.catching_up for e in recorder.events)


def test_a_stall_marks_every_change_but_the_last_as_catching_up():
    session, clock, recorder = started(HOLDS)
    clock.advance(HOLDS_STARTS[3] + 1)  # past three deadlines in one stall
    session.update()
    segments = recorder.segments()
    assert [e.segment_index for e in segments] == [1, 2, 3]
    assert [e.catching_up for e in segments] == [True, True, False]
    assert all(e.cause is Cause.ELAPSED for e in segments)


def test_finishing_says_which_segment_ended_it():
    session, clock, recorder = started(HOLDS)
    clock.advance(HOLDS_TOTAL + 10)
    session.update()
    finished = recorder.states()[-1]
    assert finished.state is SessionState.FINISHED
    assert (finished.cause, finished.left_index, finished.catching_up) == (Cause.ELAPSED, 3, False)
    assert finished.at == pytest.approx(T0 + HOLDS_TOTAL)


def test_commands_are_marked_as_commands():
    session, _clock, recorder = started(HOLDS)
    session.pause()
    session.start()
    session.stop("hurts")
    assert [(e.state, e.cause) for e in recorder.states()] == [
        (SessionState.PAUSED, Cause.COMMAND),
        (SessionState.RUNNING, Cause.COMMAND),
        (SessionState.STOPPED, Cause.COMMAND),
    ]


def test_a_session_is_under_way_once_begun_until_it_is_over():
    clock = FakeClock(T0)
    session = Session(plan_of(HOLDS), clock)
    assert not session.under_way  # opened, not begun: nothing to lose
    session.start()
    clock.advance(1)
    session.update()
    assert session.under_way
    session.pause()
    assert session.under_way
    session.stop("")
    assert not session.under_way


def test_a_session_carried_over_from_a_cut_short_run_is_under_way_before_it_starts():
    carried = CarriedOver(active_seconds=40.0, outcomes={})
    session = Session(plan_of(HOLDS), FakeClock(T0), start_index=2, carried=carried)
    assert session.under_way
