"""The physio's thresholds for the next-morning check: read from the file, the model's when left out."""

from __future__ import annotations

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring
from stretch_gui.core.routine.problems import RoutineError

HEAD = "format: 1\ntitle: T\n"
STEPS = "steps:\n  - exercise: knee-to-chest\n"


def test_without_the_key_the_models_thresholds_apply() -> None:
    routine = load_routine_text(HEAD + STEPS, source="r.yaml")
    assert routine.pain_monitoring == DEFAULT_PAIN_MONITORING == PainMonitoring(acceptable_pain=5, worse_mornings=2)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("{acceptable_pain: 3, worse_mornings: 1}", PainMonitoring(3, 1)),
        ("{acceptable_pain: 0}", PainMonitoring(0, 2)),  # the other keeps the model's
        ("{worse_mornings: 7}", PainMonitoring(5, 7)),
    ],
)
def test_the_file_sets_either_or_both(written: str, expected: PainMonitoring) -> None:
    routine = load_routine_text(f"{HEAD}pain_monitoring: {written}\n{STEPS}", source="r.yaml")
    assert routine.pain_monitoring == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("  acceptable_pain: 10", "r.yaml:4:20: acceptable_pain must be at most 9, not 10"),
        ("  acceptable_pain: -1", "r.yaml:4:20: acceptable_pain must be at least 0, not -1"),
        ("  acceptable_pain: 4.5", "r.yaml:4:20: acceptable_pain should be a whole number, not 4.5"),
        ("  worse_mornings: 0", "r.yaml:4:19: worse_mornings must be at least 1, not 0"),
        ("  worse_mornings: two", "r.yaml:4:19: worse_mornings should be a whole number"),
        ("  worse_morning: 2", "r.yaml:4:3: unknown key 'worse_morning'; did you mean 'worse_mornings'?"),
    ],
)
def test_a_bad_value_is_pointed_at_by_file_line_and_column(written: str, message: str) -> None:
    with pytest.raises(RoutineError) as caught:
        load_routine_text(f"{HEAD}pain_monitoring:\n{written}\n{STEPS}", source="r.yaml")
    assert any(str(problem).startswith(message) for problem in caught.value.problems), caught.value.problems


def test_an_empty_pair_is_refused_where_it_stands() -> None:
    with pytest.raises(RoutineError) as caught:
        load_routine_text(f"{HEAD}pain_monitoring: {{}}\n{STEPS}", source="r.yaml")
    assert [str(problem) for problem in caught.value.problems] == ["r.yaml:3:18: pain_monitoring is empty"]
