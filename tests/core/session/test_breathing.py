"""The breathing schedule: phase, count and lung fill derived from elapsed time alone."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from stretch_gui.core.routine.model import Breathing
from stretch_gui.core.session.breathing import BreathPhase, BreathState, breath_at

IN, HOLD, OUT, REST = BreathPhase.INHALE, BreathPhase.PAUSE, BreathPhase.EXHALE, BreathPhase.PAUSE_AFTER_EXHALE

DEFAULT = Breathing(inhale=5, pause=1, exhale=3, pause_after_exhale=0)  # 9 s
NO_PAUSES = Breathing(inhale=4, pause=0, exhale=6, pause_after_exhale=0)  # 10 s
FOUR_PHASES = Breathing(inhale=4, pause=2, exhale=4, pause_after_exhale=2)  # 12 s (box-ish)

EPS = 1e-9


def phases_of(pattern: Breathing) -> list[tuple[BreathPhase, float]]:
    schedule = ((IN, pattern.inhale), (HOLD, pattern.pause), (OUT, pattern.exhale), (REST, pattern.pause_after_exhale))
    return [(phase, duration) for phase, duration in schedule if duration > 0]


def sweep(pattern: Breathing, start: float, stop: float, step: float = 0.01) -> list[tuple[float, BreathState]]:
    n = round((stop - start) / step)
    return [(start + i * step, breath_at(pattern, start + i * step)) for i in range(n + 1)]


# -- exact phases at the boundaries -------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "phase", "phase_elapsed", "number", "count"),
    [
        (0.0, IN, 0.0, 1, 1),
        (0.5, IN, 0.5, 1, 1),
        (2.5, IN, 2.5, 1, 3),
        (4.999, IN, 4.999, 1, 5),
        (5.0, HOLD, 0.0, 1, 1),
        (5.999, HOLD, 0.999, 1, 1),
        (6.0, OUT, 0.0, 1, 1),
        (8.5, OUT, 2.5, 1, 3),
        (8.999, OUT, 2.999, 1, 3),
        (9.0, IN, 0.0, 2, 1),
        (14.0, HOLD, 0.0, 2, 1),
        (15.0, OUT, 0.0, 2, 1),
        (18.0, IN, 0.0, 3, 1),
        (1791.0, IN, 0.0, 200, 1),
        (1799.5, OUT, 2.5, 200, 3),
        (1800.0, IN, 0.0, 201, 1),
    ],
)
def test_default_pattern_boundaries(elapsed, phase, phase_elapsed, number, count):
    state = breath_at(DEFAULT, elapsed)
    assert state.phase is phase
    assert state.phase_elapsed == pytest.approx(phase_elapsed, abs=1e-9)
    assert state.breath_number == number
    assert state.count == count
    assert state.phase_duration == {IN: 5, HOLD: 1, OUT: 3}[phase]


@pytest.mark.parametrize(
    ("elapsed", "phase", "phase_elapsed", "number"),
    [
        (0.0, IN, 0.0, 1),
        (3.999, IN, 3.999, 1),
        (4.0, OUT, 0.0, 1),  # no pause: straight from in to out
        (9.999, OUT, 5.999, 1),
        (10.0, IN, 0.0, 2),  # and straight from out to in
        (14.0, OUT, 0.0, 2),
        (3600.0, IN, 0.0, 361),
    ],
)
def test_pattern_without_pauses(elapsed, phase, phase_elapsed, number):
    state = breath_at(NO_PAUSES, elapsed)
    assert state.phase is phase
    assert state.phase_elapsed == pytest.approx(phase_elapsed, abs=1e-9)
    assert state.breath_number == number


def test_pattern_without_pauses_never_shows_a_pause():
    seen = {state.phase for _, state in sweep(NO_PAUSES, 0, 40, 0.05)}
    assert seen == {IN, OUT}


@pytest.mark.parametrize(
    ("elapsed", "phase", "phase_elapsed", "number"),
    [
        (0.0, IN, 0.0, 1),
        (4.0, HOLD, 0.0, 1),
        (6.0, OUT, 0.0, 1),
        (10.0, REST, 0.0, 1),
        (11.999, REST, 1.999, 1),
        (12.0, IN, 0.0, 2),
        (22.0, REST, 0.0, 2),
        (24.0, IN, 0.0, 3),
    ],
)
def test_pattern_with_pause_after_exhale(elapsed, phase, phase_elapsed, number):
    state = breath_at(FOUR_PHASES, elapsed)
    assert state.phase is phase
    assert state.phase_elapsed == pytest.approx(phase_elapsed, abs=1e-9)
    assert state.breath_number == number
    assert state.phase_duration == {IN: 4, HOLD: 2, OUT: 4, REST: 2}[phase]


def test_negative_elapsed_is_the_very_start():
    state = breath_at(DEFAULT, -3.0)
    assert (state.phase, state.phase_elapsed, state.breath_number, state.fill) == (IN, 0.0, 1, 0.0)


# -- lung fill ----------------------------------------------------------------


@pytest.mark.parametrize("pattern", [DEFAULT, NO_PAUSES, FOUR_PHASES], ids=["5-1-3", "4-0-6", "4-2-4-2"])
def test_fill_follows_the_breath(pattern):
    inhale_end = pattern.inhale
    exhale_start = pattern.inhale + pattern.pause
    exhale_end = exhale_start + pattern.exhale

    assert breath_at(pattern, 0).fill == 0.0
    assert breath_at(pattern, inhale_end - 1e-9).fill == pytest.approx(1.0, abs=1e-6)
    if pattern.pause:
        for t in (inhale_end, inhale_end + pattern.pause / 2, exhale_start - 1e-9):
            assert breath_at(pattern, t).fill == 1.0
    assert breath_at(pattern, exhale_start).fill == pytest.approx(1.0)
    assert breath_at(pattern, exhale_end - 1e-9).fill == pytest.approx(0.0, abs=1e-6)
    if pattern.pause_after_exhale:
        for t in (exhale_end, exhale_end + pattern.pause_after_exhale / 2, pattern.cycle - 1e-9):
            assert breath_at(pattern, t).fill == 0.0
    # The next breath starts empty again.
    assert breath_at(pattern, pattern.cycle).fill == 0.0

    # Halfway through each phase the eased fill is exactly half.
    assert breath_at(pattern, pattern.inhale / 2).fill == pytest.approx(0.5)
    assert breath_at(pattern, exhale_start + pattern.exhale / 2).fill == pytest.approx(0.5)

    # Monotonic: rising through the inhale, falling through the exhale, over two breaths.
    for breath in range(2):
        base = breath * pattern.cycle
        rising = [s.fill for _, s in sweep(pattern, base, base + inhale_end - 0.01)]
        assert all(s.phase is IN for _, s in sweep(pattern, base, base + inhale_end - 0.01))
        assert all(b >= a for a, b in itertools.pairwise(rising))
        assert rising[-1] > 0.99
        falling = [s.fill for _, s in sweep(pattern, base + exhale_start, base + exhale_end - 0.01)]
        assert all(b <= a for a, b in itertools.pairwise(falling))
        assert falling[0] == pytest.approx(1.0) and falling[-1] < 0.01


def test_fill_is_eased_slow_at_both_ends():
    # Like a real breath turning around: a quarter of the way through the inhale
    # the lungs are less than a quarter full, three quarters through, more than
    # three quarters; the exhale mirrors the inhale.
    p = FOUR_PHASES
    assert breath_at(p, 1.0).fill < 0.2
    assert breath_at(p, 3.0).fill > 0.8
    for fraction in (0.1, 0.25, 0.4, 0.7, 0.9):
        inhale = breath_at(p, fraction * p.inhale).fill
        exhale = breath_at(p, p.inhale + p.pause + fraction * p.exhale).fill
        assert inhale + exhale == pytest.approx(1.0)


def test_fill_has_no_jumps_across_phase_changes():
    # What the pacer draws must be continuous: a jump would show as a flicker.
    for pattern in (DEFAULT, NO_PAUSES, FOUR_PHASES):
        samples = sweep(pattern, 0, 3 * pattern.cycle, 0.001)
        biggest = max(abs(b.fill - a.fill) for (_, a), (_, b) in itertools.pairwise(samples))
        assert biggest < 0.002


# -- labels and counts ----------------------------------------------------------


def test_labels():
    assert breath_at(DEFAULT, 2.5).label() == "Breathe in · 3"
    assert breath_at(DEFAULT, 0.0).label() == "Breathe in · 1"
    assert breath_at(DEFAULT, 5.2).label() == "Stay · 1"  # not "Pause", the button's word
    assert breath_at(DEFAULT, 6.0).label() == "Breathe out · 1"
    assert breath_at(DEFAULT, 8.99).label() == "Breathe out · 3"
    assert breath_at(FOUR_PHASES, 11.5).label() == "Rest · 2"


def test_count_runs_one_to_phase_length_and_never_past_it():
    for pattern in (DEFAULT, NO_PAUSES, FOUR_PHASES):
        counts: dict[tuple[int, BreathPhase], list[int]] = {}
        for _, state in sweep(pattern, 0, 2 * pattern.cycle - 0.01, 0.01):
            counts.setdefault((state.breath_number, state.phase), []).append(state.count)
        for (_, phase), seen in counts.items():
            duration = dict(phases_of(pattern))[phase]
            assert sorted(set(seen)) == list(range(1, int(duration) + 1)), (pattern, phase)
            assert seen == sorted(seen)


def test_phase_progress():
    assert breath_at(DEFAULT, 2.5).phase_progress == pytest.approx(0.5)
    assert breath_at(DEFAULT, 7.5).phase_progress == pytest.approx(0.5)
    assert breath_at(DEFAULT, 9.0).phase_progress == 0.0


# -- property -----------------------------------------------------------------

patterns = st.builds(
    Breathing,
    inhale=st.integers(1, 30),
    pause=st.integers(0, 30),
    exhale=st.integers(1, 30),
    pause_after_exhale=st.integers(0, 30),
)


@st.composite
def pattern_and_elapsed(draw):
    pattern = draw(patterns)
    # Plain floats, plus times sitting exactly on (or one float step beside) a phase
    # boundary, where an off-by-one would hide.
    boundaries = [0.0]
    for breath in range(int(3600 // pattern.cycle) + 1):
        offset = breath * pattern.cycle
        for _, duration in phases_of(pattern):
            boundaries.append(float(offset))
            offset += duration
    edge = st.sampled_from([b for b in boundaries if b <= 3600]).flatmap(
        lambda b: st.sampled_from([b, math.nextafter(b, -math.inf) if b > 0 else b, math.nextafter(b, math.inf)])
    )
    elapsed = draw(st.one_of(st.floats(0, 3600, allow_nan=False, allow_infinity=False), edge))
    return pattern, elapsed


@settings(max_examples=400, deadline=None)
@given(pattern_and_elapsed())
@example((DEFAULT, 9.0))
@example((DEFAULT, math.nextafter(9.0, 0)))
@example((DEFAULT, math.nextafter(1800.0, 0)))
@example((Breathing(7, 0, 3, 0), math.nextafter(10.0 * 111, 0)))
def test_breath_state_is_consistent_for_any_pattern(case):
    pattern, elapsed = case
    state = breath_at(pattern, elapsed)

    assert 0.0 <= state.fill <= 1.0
    assert state.phase_duration > 0
    assert 0.0 <= state.phase_elapsed < state.phase_duration + EPS
    assert 1 <= state.count <= math.ceil(state.phase_duration)

    # The expected breath number uses exact rational arithmetic rather than
    # floor(elapsed / cycle), so the oracle itself cannot round across a
    # boundary. breath_at uses divmod, whose remainder is exact (fmod), and the
    # cycle is a whole number of seconds, so no +-1 tolerance is needed, not
    # even one float step either side of a boundary (the strategy aims there).
    cycle = Fraction(int(pattern.cycle))
    exact_elapsed = Fraction(elapsed)
    assert state.breath_number == exact_elapsed // cycle + 1

    # The phase is the one the schedule says, and phase_elapsed puts us back at `elapsed`.
    into = exact_elapsed - (state.breath_number - 1) * cycle
    start = Fraction(0)
    for phase, duration in phases_of(pattern):  # noqa: B007 - the phase found is used after the loop
        if into < start + duration:
            break
        start += duration
    assert state.phase is phase
    assert state.phase_duration == duration
    assert (state.breath_number - 1) * pattern.cycle + float(start) + state.phase_elapsed == pytest.approx(elapsed, abs=1e-9)
