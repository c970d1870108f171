"""Gentle reminders from a routine's frequency: once a day at most, only when short."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from stretch_gui.core.record.reminders import (
    is_short_of,
    next_check,
    reminder_due,
    reminder_text,
)
from stretch_gui.core.routine.model import Frequency

TWICE_A_DAY = Frequency(per_day=2)
THREE_A_WEEK = Frequency(per_week=3)
EVENING = datetime(2026, 11, 20, 19, 0)  # a Friday


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, 0)


def test_per_day_counts_todays_sessions_only() -> None:
    assert is_short_of(TWICE_A_DAY, [at(19), at(19, 18)], EVENING.date())
    assert is_short_of(TWICE_A_DAY, [at(20)], EVENING.date())
    assert not is_short_of(TWICE_A_DAY, [at(20), at(20, 13)], EVENING.date())


def test_per_week_looks_back_seven_days_and_rests_on_a_done_day() -> None:
    assert is_short_of(THREE_A_WEEK, [at(14), at(15)], EVENING.date())  # 14th is one day outside the week
    assert not is_short_of(THREE_A_WEEK, [at(14), at(16), at(18)], EVENING.date())
    assert not is_short_of(THREE_A_WEEK, [at(20)], EVENING.date())  # done today already


def test_due_only_after_the_chosen_time_and_once_a_day() -> None:
    assert reminder_due(TWICE_A_DAY, [], EVENING)
    assert not reminder_due(TWICE_A_DAY, [], EVENING, at=time(20, 0))
    assert not reminder_due(TWICE_A_DAY, [], EVENING, last_reminded=EVENING.date())
    assert reminder_due(TWICE_A_DAY, [], EVENING, last_reminded=date(2026, 11, 19))


@pytest.mark.parametrize("frequency", [None, Frequency()])
def test_no_frequency_no_reminder(frequency: Frequency | None) -> None:
    assert not reminder_due(frequency, [], EVENING)


def test_next_check_is_today_or_tomorrow_at_the_time() -> None:
    assert next_check(datetime(2026, 11, 20, 9, 30)) == datetime(2026, 11, 20, 18, 0)
    assert next_check(datetime(2026, 11, 20, 18, 0, 1)) == datetime(2026, 11, 21, 18, 0)
    assert next_check(datetime(2026, 12, 31, 23, 0), at=time(7, 30)) == datetime(2027, 1, 1, 7, 30)


def test_the_words_name_the_routine() -> None:
    title, body = reminder_text("Back spasm relief")
    assert title == "Time for your back routine"
    assert "Back spasm relief" in body
