"""An easier session after a worse morning: an earlier stage, one set fewer, or shorter holds."""

from __future__ import annotations

from datetime import date

import pytest

from stretch_gui.core.routine.easier import eased_hold, eased_reps, easier_session
from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import BreatheStep, ExerciseStep, Routine
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.stages import for_day
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.guidance import LineKind, segment_words
from stretch_gui.core.session.session import Session

STAGED = """\
format: 1
title: Staged
start_date: 2026-03-02
stages:
  - from_week: 1
    hold: 20s
    sets: 2
  - from_week: 3
    hold: 30s
    sets: 3
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 25s
  - breathe: {breaths: 2}
"""

SETS = """\
format: 1
title: Sets
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 30s
    sets: 3
    rest: 10s
  - exercise: {title: Reach, instructions: Reach up.}
    hold: 20s
    sets: 2
    rest: 10s
  - exercise: {title: Rock, instructions: Rock gently.}
    reps: 6
  - breathe: {breaths: 2}
"""

SINGLE = """\
format: 1
title: Single
steps:
  - exercise: {title: Knee hug, instructions: Hug your knees.}
    hold: 30s
  - exercise: {title: Rock, instructions: Rock gently.}
    reps: 9
"""


def load(text: str) -> Routine:
    return load_routine_text(text, source="r.yaml")


def exercise_doses(routine: Routine) -> list[tuple[int | None, int | None, int, int]]:
    return [(s.hold, s.reps, s.sets, s.rest) for s in routine.steps if isinstance(s, ExerciseStep)]


def test_past_the_first_stage_it_plays_the_stage_before() -> None:
    week_3 = for_day(load(STAGED), date(2026, 3, 16))
    assert exercise_doses(week_3)[0][:3] == (30, None, 3)
    eased = easier_session(week_3)
    assert eased is not None
    assert exercise_doses(eased.routine)[0][:3] == (20, None, 2)
    assert eased.how == "week 2's doses (holds 20 s, 2 sets)"
    assert eased.line == "Easier today: week 2's doses (holds 20 s, 2 sets)"


def test_in_the_first_stage_it_takes_a_set_off_instead() -> None:
    week_1 = for_day(load(STAGED), date(2026, 3, 3))
    eased = easier_session(week_1)
    assert eased is not None
    assert exercise_doses(eased.routine)[0] == (20, None, 1, 0)
    assert eased.how == "one set fewer of each exercise"


def test_one_set_fewer_keeps_single_sets_and_the_breathing() -> None:
    routine = load(SETS)
    eased = easier_session(routine)
    assert eased is not None
    # Three sets become two (the rest between them stays); two become one (no rest left to take).
    assert exercise_doses(eased.routine) == [(30, None, 2, 10), (20, None, 1, 0), (None, 6, 1, 0)]
    assert isinstance(eased.routine.steps[-1], BreatheStep)
    assert eased.routine.steps[-1] == routine.steps[-1]
    assert build_plan(eased.routine).total < build_plan(routine).total


def test_single_sets_get_shorter_holds_and_fewer_reps() -> None:
    eased = easier_session(load(SINGLE))
    assert eased is not None
    assert exercise_doses(eased.routine) == [(20, None, 1, 0), (None, 6, 1, 0)]
    assert eased.how == "holds of 20 s instead of 30 s and 6 reps instead of 9"


def test_nothing_to_ease_gives_none() -> None:
    for dose in ("hold: 10s", "reps: 1"):
        tiny = load(f"format: 1\ntitle: Tiny\nsteps:\n  - exercise: {{title: Nod, instructions: Nod.}}\n    {dose}\n")
        assert easier_session(tiny) is None
    breathing_only = load("format: 1\ntitle: Breathe\nsteps:\n  - breathe: {breaths: 3}\n")
    assert easier_session(breathing_only) is None


@pytest.mark.parametrize(("hold", "eased"), [(10, 10), (12, 10), (15, 10), (20, 10), (30, 20), (45, 30), (60, 40), (8, 8)])
def test_eased_holds_are_about_two_thirds_in_whole_fives(hold: int, eased: int) -> None:
    assert eased_hold(hold) == eased


@pytest.mark.parametrize(("reps", "eased"), [(1, 1), (2, 1), (3, 2), (9, 6), (10, 7)])
def test_eased_reps_are_about_two_thirds(reps: int, eased: int) -> None:
    assert eased_reps(reps) == eased


def test_the_player_says_the_session_is_easier_on_the_first_screen() -> None:
    eased = easier_session(load(SETS))
    assert eased is not None
    session = Session(build_plan(eased.routine), FakeClock())
    notes = [line.text for line in segment_words(session, 0).lines if line.kind is LineKind.NOTE]
    assert "Easier today: one set fewer of each exercise" in notes
    plain = Session(build_plan(load(SETS)), FakeClock())
    assert not any("Easier" in line.text for line in segment_words(plain, 0).lines)
