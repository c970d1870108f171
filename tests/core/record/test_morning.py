"""The next-morning pain check: when it is asked, the advice, and how it is kept. Fixed dates, no Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stretch_gui.core.content.morning import ADVICE, NOT_ADVICE, advice_text, pain_guide
from stretch_gui.core.record.morning import (
    PAIN_LIMIT,
    Advice,
    Compared,
    MorningCheck,
    advice,
    limits_for,
    load_checks,
    record_check,
    routine_of,
    session_to_ask_about,
    worse_in_a_row,
)
from stretch_gui.core.record.store import RoutineInfo, SessionRecord, SessionStatus
from stretch_gui.core.routine.model import DEFAULT_PAIN_MONITORING, PainMonitoring, Routine
from stretch_gui.core.routine.problems import Problem, RoutineError
from tests.support.history import FakeWallClock, open_history

CET = timezone(timedelta(hours=1))
TODAY = date(2026, 3, 14)
YESTERDAY = TODAY - timedelta(days=1)


def session(
    id: int, day: date, *, hour: int = 18, completed: int = 2, status: SessionStatus = SessionStatus.FINISHED
) -> SessionRecord:
    return SessionRecord(
        id=id,
        routine=RoutineInfo("R", "/r.yaml"),
        segment_count=7,
        started_at=datetime(day.year, day.month, day.day, hour, tzinfo=CET),
        ended_at=None,
        status=status,
        stop_reason="",
        resume_index=0,
        active_seconds=60.0,
        exercises_completed=completed,
        exercises_skipped=0,
    )


def check(day: date, compared: Compared = Compared.SAME, *, session_id: int | None = 1, rating: int = 2) -> MorningCheck:
    return MorningCheck(session_id, rating, compared, Advice.KEEP_GOING, datetime(day.year, day.month, day.day, 8, tzinfo=CET))


def test_asked_about_yesterdays_last_session() -> None:
    records = [session(1, YESTERDAY, hour=9), session(2, YESTERDAY, hour=18), session(3, YESTERDAY - timedelta(days=1))]
    found = session_to_ask_about(records, [], today=TODAY)
    assert found is not None and found.id == 2


@pytest.mark.parametrize(
    ("records", "why"),
    [
        ([], "no session at all"),
        ([session(1, TODAY)], "only today's: nothing to compare yet"),
        ([session(1, TODAY - timedelta(days=2))], "two days ago: 'yesterday's session' would be wrong"),
        ([session(1, YESTERDAY, completed=0, status=SessionStatus.STOPPED)], "stopped before any exercise"),
    ],
)
def test_not_asked(records: list[SessionRecord], why: str) -> None:
    assert session_to_ask_about(records, [], today=TODAY) is None, why


def test_asked_once_a_day_and_once_a_session() -> None:
    records = [session(5, YESTERDAY)]
    assert session_to_ask_about(records, [check(TODAY, session_id=None)], today=TODAY) is None  # answered this morning
    assert session_to_ask_about(records, [check(YESTERDAY, session_id=5)], today=TODAY) is None  # about this session
    assert session_to_ask_about(records, [check(YESTERDAY, session_id=4)], today=TODAY) is not None


@pytest.mark.parametrize(
    ("rating", "compared", "earlier", "expected"),
    [
        (2, Compared.BETTER, [], Advice.KEEP_GOING),
        (PAIN_LIMIT, Compared.SAME, [], Advice.KEEP_GOING),  # up to the limit is acceptable
        (3, Compared.WORSE, [], Advice.EASE_BACK),
        (3, Compared.WORSE, [Compared.SAME], Advice.EASE_BACK),
        (3, Compared.WORSE, [Compared.WORSE], Advice.CONTACT_PHYSIO_WORSE),  # two worse mornings in a row
        (3, Compared.WORSE, [Compared.WORSE, Compared.BETTER], Advice.EASE_BACK),  # not in a row
        (2, Compared.BETTER, [Compared.WORSE], Advice.KEEP_GOING),
        (PAIN_LIMIT + 1, Compared.BETTER, [], Advice.CONTACT_PHYSIO_PAIN),  # above the limit, even if better
    ],
)
def test_advice_follows_the_pain_monitoring_model(
    rating: int, compared: Compared, earlier: list[Compared], expected: Advice
) -> None:
    before = [check(TODAY - timedelta(days=len(earlier) - i), c) for i, c in enumerate(earlier)]
    assert advice(rating, compared, before) is expected


@pytest.mark.parametrize("rating", [-1, 11])
def test_a_rating_off_the_scale_is_refused(rating: int) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        advice(rating, Compared.SAME, [])


def test_every_advice_has_words_and_says_it_is_not_a_diagnosis() -> None:
    assert set(ADVICE) == set(Advice)
    for given in Advice:
        text = advice_text(given)
        assert text.endswith("not a diagnosis.")
        assert "physio" in text or given is Advice.KEEP_GOING


def test_checks_are_kept_and_the_second_worse_morning_is_told_to_contact_the_physio(tmp_path: Path) -> None:
    wall = FakeWallClock(datetime(2026, 3, 13, 8, 0, tzinfo=CET))
    with open_history(tmp_path / "h.sqlite3", wall) as history:
        first = record_check(history, None, rating=3, compared=Compared.WORSE)
        wall.advance(days=1)
        second = record_check(history, None, rating=3, compared=Compared.WORSE)
        checks = load_checks(history)
    assert (first, second) == (Advice.EASE_BACK, Advice.CONTACT_PHYSIO_WORSE)
    assert [(c.rating, c.compared, c.advice, c.day) for c in checks] == [
        (3, Compared.WORSE, Advice.EASE_BACK, date(2026, 3, 13)),
        (3, Compared.WORSE, Advice.CONTACT_PHYSIO_WORSE, date(2026, 3, 14)),
    ]


def test_not_now_is_remembered_for_that_day_only() -> None:
    records = [session(5, YESTERDAY)]
    assert session_to_ask_about(records, [], today=TODAY, put_off_on=TODAY) is None
    assert session_to_ask_about(records, [], today=TODAY, put_off_on=YESTERDAY) is not None  # put off an earlier day
    assert session_to_ask_about(records, [], today=TODAY, put_off_on=None) is not None


@pytest.mark.parametrize(
    ("limits", "rating", "compared", "earlier", "expected"),
    [
        (PainMonitoring(acceptable_pain=3), 4, Compared.BETTER, [], Advice.CONTACT_PHYSIO_PAIN),  # the physio's lower limit
        (PainMonitoring(acceptable_pain=3), 3, Compared.SAME, [], Advice.KEEP_GOING),
        (PainMonitoring(acceptable_pain=7), 6, Compared.SAME, [], Advice.KEEP_GOING),  # above the model's 5, within hers
        (PainMonitoring(worse_mornings=1), 2, Compared.WORSE, [], Advice.CONTACT_PHYSIO_WORSE),
        (PainMonitoring(worse_mornings=3), 2, Compared.WORSE, [Compared.WORSE], Advice.EASE_BACK),
        (PainMonitoring(worse_mornings=3), 2, Compared.WORSE, [Compared.WORSE, Compared.WORSE], Advice.CONTACT_PHYSIO_WORSE),
        (PainMonitoring(worse_mornings=3), 2, Compared.WORSE, [Compared.WORSE, Compared.SAME, Compared.WORSE], Advice.EASE_BACK),
    ],
)
def test_the_physios_thresholds_set_the_advice(
    limits: PainMonitoring, rating: int, compared: Compared, earlier: list[Compared], expected: Advice
) -> None:
    before = [check(TODAY - timedelta(days=len(earlier) - i), c) for i, c in enumerate(earlier)]
    assert advice(rating, compared, before, limits=limits) is expected


def test_worse_in_a_row_counts_back_from_the_latest() -> None:
    said = [Compared.WORSE, Compared.BETTER, Compared.WORSE, Compared.WORSE]
    checks = [check(TODAY - timedelta(days=len(said) - i), c) for i, c in enumerate(said)]
    assert (worse_in_a_row(checks), worse_in_a_row(checks[:2]), worse_in_a_row([])) == (2, 0, 0)


def test_the_advice_words_carry_the_physios_numbers() -> None:
    strict = PainMonitoring(acceptable_pain=3, worse_mornings=3)
    assert "above 3 out of 10" in advice_text(Advice.CONTACT_PHYSIO_PAIN, strict)
    assert "three mornings in a row" in advice_text(Advice.CONTACT_PHYSIO_WORSE, strict)
    assert "worse three mornings in a row, contact your physio" in advice_text(Advice.EASE_BACK, strict)
    assert "in a row" not in advice_text(Advice.CONTACT_PHYSIO_WORSE, PainMonitoring(worse_mornings=1))
    assert advice_text(Advice.EASE_BACK) == f"{ADVICE[Advice.EASE_BACK]} {NOT_ADVICE}"  # the model's, as before
    assert "tomorrow morning" in ADVICE[Advice.EASE_BACK] and "above 5 out of 10" in ADVICE[Advice.CONTACT_PHYSIO_PAIN]


def test_the_handouts_pain_guide_states_the_rule_with_the_numbers() -> None:
    model = pain_guide()
    assert model[0] == "Pain up to 5 out of 10 during the exercises is acceptable."
    assert any("two mornings in a row" in line for line in model)
    strict = pain_guide(PainMonitoring(acceptable_pain=2, worse_mornings=1))
    assert "Pain up to 2 out of 10" in strict[0] and not any("ease back" in line for line in strict)


def test_the_thresholds_come_from_the_sessions_routine_file(tmp_path: Path) -> None:
    strict = PainMonitoring(acceptable_pain=3)
    loaded: list[Path] = []

    def load(path: Path) -> Routine:
        loaded.append(path)
        if path.name == "gone.yaml":
            raise RoutineError([Problem(str(path), "no such file")])
        return Routine("R", (), pain_monitoring=strict)

    mine = session(1, YESTERDAY)
    assert limits_for(routine_of(mine, load)) == strict and loaded == [Path("/r.yaml")]
    gone = replace(mine, routine=RoutineInfo("R", "/gone.yaml"))
    assert limits_for(routine_of(gone, load)) == DEFAULT_PAIN_MONITORING  # advice is still given, by the model
    assert limits_for(routine_of(replace(mine, routine=RoutineInfo("R")), load)) == DEFAULT_PAIN_MONITORING
    assert limits_for(routine_of(mine, None)) == DEFAULT_PAIN_MONITORING
