"""The timeline a routine expands to: segment order, starts, durations and total."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stretch_gui.core import resources
from stretch_gui.core.routine.loader import load_routine_file, load_routine_text
from stretch_gui.core.routine.model import BreatheStep, ExerciseStep, Routine, Side
from stretch_gui.core.routine.plan import Plan, SegmentKind, build_plan

P, H, R, SW, REST, B = (
    SegmentKind.PREPARE,
    SegmentKind.HOLD,
    SegmentKind.REPS,
    SegmentKind.SWITCH,
    SegmentKind.REST,
    SegmentKind.BREATHE,
)
L, RT = Side.LEFT, Side.RIGHT
HEAD = "format: 1\ntitle: Plan test\nsteps:\n"


def plan_of(text: str) -> Plan:
    return build_plan(load_routine_text(text, source="plan.yaml"))


def assert_contiguous(plan: Plan) -> None:
    clock = 0.0
    for segment in plan.segments:
        assert segment.start == clock, segment
        assert segment.duration > 0
        clock = segment.end
    assert plan.total == clock == sum(s.duration for s in plan.segments)


def expected_total(routine: Routine) -> float:
    """The routine's length worked out from the model, independently of build_plan."""
    total = 0.0
    for step in routine.steps:
        total += step.prepare
        if isinstance(step, BreatheStep):
            total += step.breaths * step.breathing.cycle if step.breaths is not None else step.duration  # type: ignore[operator]
            continue
        assert isinstance(step, ExerciseStep)
        sides = max(1, len(step.sides))
        work = step.reps * step.breathing.cycle if step.reps is not None else step.hold  # type: ignore[union-attr,operator]
        per_set = sides * work + (sides - 1) * step.switch  # type: ignore[operator]
        total += step.sets * per_set + (step.sets - 1) * step.rest
    return total


def test_worked_example() -> None:
    # hamstring-stretch from the library: hold 30s, 2 sets, rest 10s, both sides, prepare 10s, switch 5s.
    # cat-cow: 8 reps at the default 5/1/3/0 breath (9 s) after a 10 s prepare. Then 2 breaths, no prepare.
    plan = plan_of(
        HEAD
        + "  - exercise: hamstring-stretch\n    between: Shake out your legs.\n"
        "  - exercise: cat-cow\n"
        "  - breathe: {breaths: 2}\n"
    )
    rows = [(s.kind, s.start, s.duration, s.side, s.set_number, s.step_index) for s in plan.segments]
    assert rows == [
        (P, 0, 10, L, 1, 0),
        (H, 10, 30, L, 1, 0),
        (SW, 40, 5, RT, 1, 0),
        (H, 45, 30, RT, 1, 0),
        (REST, 75, 10, L, 2, 0),
        (H, 85, 30, L, 2, 0),
        (SW, 115, 5, RT, 2, 0),
        (H, 120, 30, RT, 2, 0),
        (P, 150, 10, None, 1, 1),
        (R, 160, 72, None, 1, 1),
        (B, 232, 18, None, 1, 2),
    ]
    assert plan.total == 250
    assert_contiguous(plan)
    rest = plan.segments[4]
    assert rest.cue == "Shake out your legs." and rest.set_count == 2
    assert plan.segments[2].cue == "get ready for the right side"
    assert plan.segments[9].reps == 8
    assert all(s.set_count == 2 for s in plan.segments[1:8])


def test_rest_between_sets_carries_the_library_between_cue() -> None:
    plan = plan_of(HEAD + "  - exercise: tennis-ball-release\n    sets: 3\n")
    kinds = [s.kind for s in plan.segments]
    assert kinds == [P, H, REST, H, REST, H]
    rests = [s for s in plan.segments if s.kind is REST]
    assert [s.set_number for s in rests] == [2, 3]
    assert {s.cue for s in rests} == {"Shift the ball a little, next to the last spot."}
    assert [s.duration for s in plan.segments] == [15, 90, 10, 90, 10, 90]
    assert plan.segments[3].describe() == "Tennis-ball release: hold, set 2 of 3"
    assert rests[0].describe() == "Rest: Shift the ball a little, next to the last spot."
    assert_contiguous(plan)


def test_reps_segment_is_reps_times_the_breath_cycle() -> None:
    plan = plan_of(
        HEAD + "  - exercise: cat-cow\n    reps: 12\n"
        "    breathing: {inhale: 4, pause: 2, exhale: 6, pause_after_exhale: 1}\n    prepare: 0\n"
    )
    (segment,) = plan.segments
    assert (segment.kind, segment.reps, segment.duration) == (R, 12, 12 * 13)
    assert segment.breathing is not None and segment.breathing.cycle == 13
    assert segment.describe() == "Cat-cow: 12 reps, one per breath"


def test_reps_on_both_sides_with_sets() -> None:
    plan = plan_of(HEAD + "  - exercise: cat-cow\n    reps: 3\n    sides: both\n    sets: 2\n    rest: 20s\n    switch: 7s\n")
    assert [(s.kind, s.side, s.duration) for s in plan.segments] == [
        (P, L, 10), (R, L, 27), (SW, RT, 7), (R, RT, 27), (REST, L, 20), (R, L, 27), (SW, RT, 7), (R, RT, 27),
    ]
    assert_contiguous(plan)


def test_one_side_has_no_switch() -> None:
    plan = plan_of(HEAD + "  - exercise: hamstring-stretch\n    sides: right\n    sets: 1\n")
    assert [(s.kind, s.side) for s in plan.segments] == [(P, RT), (H, RT)]


def test_zero_prepare_and_zero_rest_leave_no_segment() -> None:
    plan = plan_of(HEAD + "  - exercise: childs-pose\n    prepare: 0s\n    sets: 2\n    rest: 0\n")
    assert [(s.kind, s.duration) for s in plan.segments] == [(H, 45), (H, 45)]
    assert [s.set_number for s in plan.segments] == [1, 2]


def test_breathe_steps() -> None:
    plan = plan_of(
        HEAD + "  - breathe: 1m30s\n    prepare: 5s\n  - breathe: {breaths: 4}\n    breathing: {inhale: 4, exhale: 6}\n"
    )
    assert [(s.kind, s.start, s.duration, s.step_index) for s in plan.segments] == [(P, 0, 5, 0), (B, 5, 90, 0), (B, 95, 40, 1)]
    assert plan.segments[2].breathing is not None and plan.segments[2].breathing.cycle == 10
    assert plan.segments[2].describe() == "Slow breathing (breathe in 4 s, breathe out 6 s)"


def test_hold_with_breathing_off_has_no_pacer() -> None:
    plan = plan_of(HEAD + "  - exercise: childs-pose\n    breathing: off\n  - exercise: childs-pose\n")
    holds = [s for s in plan.segments if s.kind is H]
    assert [s.breathing is None for s in holds] == [True, False]


def test_navigation_helpers() -> None:
    plan = plan_of(HEAD + "  - breathe: 30\n  - exercise: seated-twist\n  - breathe: 30\n")
    assert plan.first_segment_of_step(0) == 0
    assert plan.first_segment_of_step(1) == 1
    assert plan.segments[plan.first_segment_of_step(2)].kind is B
    assert plan.next_step_title(0) == "Seated twist"
    assert plan.next_step_title(len(plan.segments) - 1) is None


def test_describe_has_a_line_per_segment_and_a_total() -> None:
    plan = plan_of(HEAD + "  - exercise: hamstring-stretch\n  - breathe: 1m\n")
    lines = plan.describe().splitlines()
    assert lines[0].startswith("Plan test: ")
    assert len(lines) == len(plan.segments) + 2
    # prepare 10 + 2 sets of (30 + switch 5 + 30) + rest 10 between them + 60 breathing = 210 s
    assert plan.total == 210
    assert lines[-1] == "Total: 3m 30s"
    assert lines[0] == "Plan test: 3m 30s, 2 steps"


# -- the built-in routines -------------------------------------------------------------------------


@pytest.mark.parametrize("path", resources.builtin_routine_files(), ids=lambda p: p.name)
def test_builtin_routine_has_a_realistic_total(path: Path) -> None:
    routine = load_routine_file(path)
    plan = build_plan(routine)
    assert_contiguous(plan)
    assert plan.total == expected_total(routine)
    assert 60 <= plan.total <= 45 * 60, f"{path.name}: {plan.total} s"
    # Every step shows up, in order.
    assert sorted({s.step_index for s in plan.segments}) == list(range(len(routine.steps)))
    assert [s.step_index for s in plan.segments] == sorted(s.step_index for s in plan.segments)
    # If the description promises a length, the plan keeps the promise (within 15 %).
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
    match = re.search(r"\babout (\d+|" + "|".join(words) + r") minutes?\b", routine.description, re.IGNORECASE)
    if match:
        promised = 60 * int(words.get(match.group(1).lower(), match.group(1)))
        assert abs(plan.total - promised) <= 0.15 * promised, f"{path.name}: says {match.group(0)!r}, plan is {plan.total} s"


@pytest.mark.parametrize("path", resources.builtin_routine_files(), ids=lambda p: p.name)
def test_builtin_routine_segments_are_sane(path: Path) -> None:
    plan = build_plan(load_routine_file(path))
    for segment in plan.segments:
        if segment.kind in (R, B):
            assert segment.breathing is not None
        if segment.kind is SW:
            assert segment.side is RT
        if segment.kind is H:
            assert 1 <= segment.duration <= 3600
        assert segment.describe() and "\n" not in segment.describe()
