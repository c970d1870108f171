"""Stages: the doses a routine gives on a fixed day, and the loader's checks of them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import ExerciseStep, Routine, Stage
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.routine.stages import (
    counts_from_first_session,
    day_of,
    for_day,
    stage_list,
    step_for_week,
    week_of,
)

STAGED = """\
format: 1
title: Staged
start_date: 2026-03-02
review_by: 2026-04-27
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
  - exercise: {title: Reach, instructions: Reach up.}
    hold: 10s
    stages:
      - from_week: 1
        hold: 15s
      - from_week: 2
        add_hold: 5s
        max_hold: 30s
  - exercise: {title: Rock, instructions: Rock gently.}
    reps: 5
    stages:
      - from_week: 2
        reps: 8
        sets: 2
  - breathe: {breaths: 2}
"""


def load(text: str = STAGED) -> Routine:
    return load_routine_text(text, source="staged.yaml")


def doses(routine: Routine) -> list[tuple[int | None, int | None, int]]:
    return [(s.hold, s.reps, s.sets) for s in routine.steps if isinstance(s, ExerciseStep)]


@pytest.mark.parametrize(
    ("on", "week"),
    [(date(2026, 3, 1), 1), (date(2026, 3, 2), 1), (date(2026, 3, 8), 1), (date(2026, 3, 9), 2), (date(2026, 3, 16), 3)],
)
def test_weeks_count_from_the_start_date(on: date, week: int) -> None:
    assert week_of(date(2026, 3, 2), on) == week


def test_without_a_date_the_file_plays_as_written() -> None:
    routine = load()
    assert doses(routine) == [(25, None, 1), (10, None, 1), (None, 5, 1)]
    assert build_plan(routine).total == build_plan(load()).total
    assert day_of(routine) is None


def test_each_week_plays_its_own_stage() -> None:
    routine = load()
    week1, week2, week3, week5 = (for_day(routine, date(2026, 3, d)) for d in (2, 9, 16, 30))
    assert doses(week1) == [(20, None, 2), (15, None, 1), (None, 5, 1)]  # Rock has no stage yet
    assert doses(week2) == [(20, None, 2), (15, None, 1), (None, 8, 2)]  # the rule starts from the stage before
    assert doses(week3) == [(30, None, 3), (20, None, 1), (None, 8, 2)]
    assert doses(week5) == [(30, None, 3), (30, None, 1), (None, 8, 2)]  # 15 + 3 x 5 = 30, the most
    assert [s.rest for s in week3.steps if isinstance(s, ExerciseStep)][0] == 10  # sets without a rest get the usual 10 s
    assert build_plan(routine, on=date(2026, 3, 16)).total == build_plan(week3).total > build_plan(week1).total


def test_the_day_says_which_week_and_what_changes() -> None:
    day = day_of(for_day(load(), date(2026, 3, 16)))
    assert day is not None
    assert day.line == "Week 3: holds 30 s, 3 sets; Reach holds 20 s; Rock 8 reps, 2 sets"
    assert day.notice == ""
    early = day_of(for_day(load(), date(2026, 2, 27)))
    assert early is not None and early.line.startswith("Week 1: ")
    assert early.line.endswith("(your programme starts on 2 March 2026)")


def test_past_the_review_date_the_last_stage_stays_and_the_physio_is_asked_to_review() -> None:
    at_review = for_day(load(), date(2026, 4, 27))
    later = for_day(load(), date(2026, 9, 1))
    assert doses(later) == doses(at_review)
    day = day_of(later)
    assert day is not None and day.week == 9
    assert day.notice == "Ask your physio to review this programme: it was due for review by 27 April 2026."
    assert day_of(at_review).notice == ""  # type: ignore[union-attr]


def test_setting_the_day_twice_starts_from_the_file_not_from_the_day_before() -> None:
    once = for_day(load(), date(2026, 3, 30))
    assert doses(for_day(once, date(2026, 3, 2))) == doses(for_day(load(), date(2026, 3, 2)))


def test_without_a_start_date_weeks_count_from_the_prescription() -> None:
    text = STAGED.replace("start_date: 2026-03-02", "prescribed: 2026-03-02")
    assert doses(for_day(load(text), date(2026, 3, 16)))[0] == (30, None, 3)
    undated = STAGED.replace("start_date: 2026-03-02\nreview_by: 2026-04-27\n", "")
    forever = for_day(load(undated), date(2030, 1, 1))
    assert doses(forever)[0] == (20, None, 2)  # no date: week 1 for ever, and the start screen says why
    assert day_of(forever).line.endswith("(no start date in this file, so the weeks count from your first session)")  # type: ignore[union-attr]


def test_the_stages_in_words_for_the_handout() -> None:
    routine = load()
    assert stage_list(routine.stages) == ("Weeks 1–2: holds 20 s, 2 sets", "From week 3: holds 30 s, 3 sets")
    reach = routine.steps[1]
    assert isinstance(reach, ExerciseStep)
    assert stage_list(reach.stages) == ("Week 1: holds 15 s", "From week 2: holds 5 s longer each week, up to 30 s")


# -- the loader's checks, with positions ----------------------------------------------------------


def problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load(text)
    return [str(p) for p in caught.value.problems]


def test_stages_out_of_order_are_pointed_at() -> None:
    text = STAGED.replace("  - from_week: 3\n    hold: 30s", "  - from_week: 1\n    hold: 30s")
    assert problems(text) == [
        "staged.yaml:9:16: from_week 1 must come after week 1 of the stage before; list the stages in order"
    ]


def test_a_stage_cannot_give_reps_to_a_held_step() -> None:
    text = STAGED.replace("      - from_week: 1\n        hold: 15s", "      - from_week: 1\n        reps: 15")
    assert problems(text) == ["staged.yaml:19:9: 'Reach' is done with a hold, so its stages cannot set 'reps'"]


def test_a_weekly_rule_needs_its_most() -> None:
    text = STAGED.replace("        max_hold: 30s\n", "")
    assert problems(text) == ["staged.yaml:21:9: 'add_hold' needs 'max_hold' beside it (e.g. add_hold: 5s with max_hold: 45s)"]


def test_stage_values_are_checked_like_any_other() -> None:
    text = STAGED.replace("    hold: 30s\n    sets: 3", "    hold: 90m\n    sets: 30")
    found = problems(text)
    assert "staged.yaml:11:11: sets must be at most 20, not 30" in found
    too_long = problems(STAGED.replace("    hold: 30s\n", "    hold: 90m\n"))
    assert too_long == ["staged.yaml:10:11: hold of 1h 30m is too long; the most is 1h 00m"]
    misspelt = problems(STAGED.replace("  - from_week: 3\n", "  - from_wek: 3\n"))
    assert misspelt[0].startswith("staged.yaml:9:5: unknown key 'from_wek'")


def test_review_before_start_and_unreal_dates_are_refused() -> None:
    assert problems(STAGED.replace("review_by: 2026-04-27", "review_by: 2026-02-27")) == [
        "staged.yaml:4:12: review_by (2026-02-27) is before start_date (2026-03-02)"
    ]
    unreal = problems(STAGED.replace("2026-03-02", "2026-02-30"))
    assert unreal == ["staged.yaml:3:13: start_date: '2026-02-30' is not a real date"]
    assert problems(STAGED.replace("2026-03-02", "2 March")) == [
        "staged.yaml:3:13: start_date: '2 March' is not a date; write it as YYYY-MM-DD"
    ]


def test_a_stage_that_would_make_the_routine_too_long_is_refused() -> None:
    text = STAGED.replace("    hold: 30s\n    sets: 3", "    hold: 60m\n    sets: 20")
    assert any("the whole routine would take" in p for p in problems(text))


@given(
    base=st.integers(1, 600),
    add=st.integers(1, 60),
    most=st.integers(1, 900),
    from_week=st.integers(1, 10),
    weeks=st.lists(st.integers(1, 60), min_size=2, max_size=5),
)
def test_a_growing_hold_never_shrinks_and_never_passes_its_most(
    base: int, add: int, most: int, from_week: int, weeks: list[int]
) -> None:
    step = ExerciseStep(exercise=load().steps[0].exercise, hold=base, reps=None)  # type: ignore[union-attr]
    stages = (Stage(from_week=from_week, add_hold=add, max_hold=most),)
    holds = [step_for_week(step, stages, week).hold for week in sorted(weeks)]
    assert all(h is not None for h in holds)
    assert holds == sorted(holds)  # type: ignore[type-var]
    assert all(h <= max(base, most) and h >= base for h in holds)  # type: ignore[operator]


def test_a_review_date_without_stages_says_only_that_the_review_is_due() -> None:
    text = "format: 1\ntitle: Plain\nreview_by: 2026-04-27\nsteps:\n  - exercise: {title: Hug, instructions: Hug.}\n    hold: 2\n"
    before, after = (day_of(for_day(load(text), on)) for on in (date(2026, 4, 1), date(2026, 5, 1)))
    assert before is not None and (before.line, before.summary) == ("", "")
    assert after is not None and after.line == ""
    assert after.summary == "Ask your physio to review this programme: it was due for review by 27 April 2026."
    assert doses(for_day(load(text), date(2026, 5, 1))) == [(2, None, 1)]


def test_without_any_date_the_weeks_count_from_the_first_session() -> None:
    undated = load(STAGED.replace("start_date: 2026-03-02\nreview_by: 2026-04-27\n", ""))
    assert counts_from_first_session(undated)
    later = for_day(undated, date(2026, 3, 16), began=date(2026, 3, 2))
    assert doses(later)[0] == (30, None, 3)  # week 3, as if the file had started on that day
    day = day_of(later)
    assert day is not None and (day.week, day.began) == (3, date(2026, 3, 2))
    assert day.line.endswith("(counted from your first session on 2 March 2026)")


def test_a_date_in_the_file_wins_over_the_first_session() -> None:
    dated = load()
    assert not counts_from_first_session(dated)
    day = day_of(for_day(dated, date(2026, 3, 16), began=date(2026, 3, 9)))
    assert day is not None and day.week == 3 and day.began is None and "first session" not in day.line
