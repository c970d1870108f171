"""patient_goals in a routine file: switches the weekly goals rating on, pre-fills activities, checked like every key."""

from __future__ import annotations

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import PatientGoals
from stretch_gui.core.routine.problems import RoutineError

HEAD = "format: 1\ntitle: Test\n"
STEPS = "steps:\n  - breathe: 30\n"


def load(goals: str):  # type: ignore[no-untyped-def]
    return load_routine_text(HEAD + goals + STEPS, source="test.yaml")


def problems(goals: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load(goals)
    return [str(p) for p in caught.value.problems]


def test_without_the_key_the_rating_is_off() -> None:
    assert load("").patient_goals is None


def test_an_empty_set_switches_it_on_with_nothing_prefilled() -> None:
    assert load("patient_goals: {}\n").patient_goals == PatientGoals(())


def test_activities_are_kept_in_order_with_spaces_tidied() -> None:
    routine = load("patient_goals:\n  activities:\n    - Walk to the  shops\n    - Sit through a film\n")
    assert routine.patient_goals == PatientGoals(("Walk to the shops", "Sit through a film"))


def test_more_than_five_is_refused_where_the_list_starts() -> None:
    listed = "".join(f"    - Activity {n}\n" for n in range(6))
    assert problems("patient_goals:\n  activities:\n" + listed) == ["test.yaml:5:5: activities has too many entries (at most 5)"]


def test_an_empty_activity_is_refused_where_it_is() -> None:
    assert problems('patient_goals:\n  activities:\n    - Walk\n    - ""\n') == ["test.yaml:6:7: activities must not be empty"]


def test_the_same_activity_twice_names_the_first_line() -> None:
    found = problems("patient_goals:\n  activities:\n    - Walk\n    - Sit\n    - walk \n")
    assert found == ["test.yaml:7:7: activity 'walk' is listed twice (first on line 5); keep one"]


def test_a_misspelt_key_gets_a_suggestion() -> None:
    expected = "test.yaml:4:3: unknown key 'activites'; did you mean 'activities'?"
    assert problems("patient_goals:\n  activites: [Walk]\n") == [expected]


def test_a_too_long_activity_is_refused() -> None:
    found = problems(f"patient_goals:\n  activities: [{'x' * 101}]\n")
    assert found == ["test.yaml:4:16: activities is too long (at most 100 characters)"]
