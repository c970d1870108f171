"""The goals' rules (PSFS): when the weekly rating is due, the average, what counts as a meaningful change."""

from __future__ import annotations

from datetime import date

import pytest

from stretch_gui.core.record.goals import (
    Activity,
    Goals,
    Rating,
    activity_trend,
    average_trend,
    check_score,
    clean_names,
    meaningful_activity,
    meaningful_average,
    names_to_offer,
    rating_due,
)

MONDAY = date(2026, 3, 2)
WALK = Activity(1, "Walk to the shops", 0, MONDAY)
SIT = Activity(2, "Sit through a film", 1, MONDAY)


def rated(*ratings: tuple[int, date, int], postponed: date | None = None) -> Goals:
    return Goals((WALK, SIT), tuple(Rating(a, d, s) for a, d, s in ratings), postponed)


def test_off_unless_the_file_asks_for_it_or_the_patient_keeps_a_list() -> None:
    assert not rating_due(Goals(), None, today=MONDAY)
    assert rating_due(Goals(), (), today=MONDAY)  # "patient_goals: {}": the patient names them
    assert rating_due(Goals((WALK,)), None, today=MONDAY)  # the patient's own list


def test_due_weekly_from_the_last_rating() -> None:
    goals = rated((1, MONDAY, 4))
    assert not rating_due(goals, None, today=date(2026, 3, 8))  # six days on
    assert rating_due(goals, None, today=date(2026, 3, 9))  # seven
    assert rating_due(goals, None, today=date(2026, 4, 9))


def test_not_now_holds_for_that_day_only() -> None:
    goals = rated(postponed=MONDAY)
    assert not rating_due(goals, (), today=MONDAY)
    assert rating_due(goals, (), today=date(2026, 3, 3))


def test_the_average_is_over_the_activities_rated_that_day() -> None:
    goals = rated((1, MONDAY, 3), (2, MONDAY, 6), (1, date(2026, 3, 9), 5))
    first, second = goals.occasions()
    assert first.average == 4.5 and second.average == 5


def test_meaningful_changes_follow_the_scale() -> None:
    assert meaningful_average(3.0, 5.0) and meaningful_average(5.0, 3.0)
    assert not meaningful_average(3.0, 4.8)
    assert meaningful_activity(2, 5) and not meaningful_activity(2, 4)


def test_trends_use_the_first_and_latest_in_the_period() -> None:
    goals = rated((1, MONDAY, 2), (2, MONDAY, 4), (1, date(2026, 3, 9), 4), (1, date(2026, 3, 16), 6), (2, date(2026, 3, 16), 5))
    walk = activity_trend(goals, WALK, since=None, until=date(2026, 3, 31))
    assert walk is not None and (walk.first, walk.last, walk.meaningful) == (2, 6, True)
    short = activity_trend(goals, WALK, since=date(2026, 3, 9), until=date(2026, 3, 31))
    assert short is not None and (short.first, short.last, short.meaningful) == (4, 6, False)
    average = average_trend(goals, since=None, until=date(2026, 3, 31))
    assert average is not None and (average.first, average.last, average.meaningful) == (3.0, 5.5, True)
    assert average_trend(goals, since=date(2026, 4, 1), until=date(2026, 4, 30)) is None


def test_the_latest_score_on_or_before_a_day() -> None:
    goals = rated((1, MONDAY, 2), (1, date(2026, 3, 9), 4))
    assert goals.score_on_or_before(1, date(2026, 3, 1)) is None
    assert goals.score_on_or_before(1, date(2026, 3, 8)) == 2
    assert goals.score_on_or_before(1, date(2026, 3, 9)) == 4
    assert goals.score_on_or_before(2, date(2026, 3, 9)) is None


def test_names_are_tidied_kept_once_and_at_most_five() -> None:
    assert clean_names(["  Walk  to the shops ", "", "walk to the shops", "a", "b", "c", "d", "e"]) == [
        "Walk to the shops", "a", "b", "c", "d",
    ]


def test_the_physio_prefills_only_what_the_patient_has_not_listed_or_taken_off() -> None:
    retired = Activity(3, "Lift the shopping", 2, MONDAY, retired=date(2026, 3, 9))
    goals = Goals((WALK, retired))
    offered = names_to_offer(goals, ["walk to the shops", "Lift the shopping", "Tie my shoes"])
    assert offered == ["Walk to the shops", "Tie my shoes"]


@pytest.mark.parametrize("score", [-1, 11, 2.5, True, "3"])
def test_a_score_outside_0_to_10_is_refused(score: object) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        check_score(score)  # type: ignore[arg-type]
