"""Numbers, times, dates, frequencies and results in words, each with its edge cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from stretch_gui.core import wording
from stretch_gui.core.record.store import SessionStatus
from stretch_gui.core.routine.model import Breathing, Frequency
from stretch_gui.core.wording import (
    STOPPED_BY_CHOICE,
    STOPPED_FOR_PAIN,
    breathing_pattern,
    capitalised,
    count,
    day_heading,
    format_clock,
    format_duration,
    frequency,
    full_date,
    long_date,
    rough_duration,
    short_date,
    spoken_duration,
    status_words,
    times,
    weekday_letter,
)

TODAY = date(2026, 3, 14)  # a Saturday


def test_count_says_one_and_many() -> None:
    assert count(0, "step") == "0 steps"
    assert count(1, "step") == "1 step"
    assert count(2, "step") == "2 steps"
    assert count(1, "hurt mark") == "1 hurt mark"
    assert count(2, "hurt mark") == "2 hurt marks"
    assert count(2, "child", "children") == "2 children"


def test_capitalised_keeps_the_rest() -> None:
    assert capitalised("breathe in 5 s, breathe out 3 s") == "Breathe in 5 s, breathe out 3 s"
    assert capitalised("x-ray PDF") == "X-ray PDF"
    assert capitalised("") == ""


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "0s"),
        (45, "45s"),
        (59, "59s"),
        (59.6, "1m"),
        (60, "1m"),
        (75, "1m 15s"),
        (600, "10m"),
        (3600, "1h 00m"),
        (3601, "1h 00m 01s"),
        (5400, "1h 30m"),
        (4 * 3600, "4h 00m"),
    ],
)
def test_format_duration(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (9.9, "0:09"), (59, "0:59"), (60, "1:00"), (75, "1:15"), (3600, "60:00"), (-3, "0:00")],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "short", "spelled"),
    [
        (0, "0 s", "0 seconds"),
        (1, "1 s", "1 second"),
        (2, "2 s", "2 seconds"),
        (45, "45 s", "45 seconds"),
        (59, "59 s", "59 seconds"),
        (60, "1 min", "1 minute"),
        (61, "1 min 1 s", "1 minute 1 second"),
        (90, "1 min 30 s", "1 minute 30 seconds"),
        (120, "2 min", "2 minutes"),
        (3600, "1 h", "1 hour"),
        (3725, "1 h 2 min 5 s", "1 hour 2 minutes 5 seconds"),
        (7200, "2 h", "2 hours"),
    ],
)
def test_spoken_duration(seconds: float, short: str, spelled: str) -> None:
    assert spoken_duration(seconds) == short
    assert spoken_duration(seconds, spelled=True) == spelled


@pytest.mark.parametrize(
    ("seconds", "short", "spelled"),
    [
        (0, "0 s", "0 seconds"),
        (1, "1 s", "1 second"),
        (42.7, "43 s", "43 seconds"),
        (59, "59 s", "59 seconds"),
        (59.6, "1 min", "1 minute"),  # rounds to 60 s, which is a minute, not "60 s"
        (60, "1 min", "1 minute"),
        (80, "1 min 30 s", "1 minute 30 seconds"),  # half minutes under ten minutes
        (300, "5 min", "5 minutes"),
        (599, "10 min", "10 minutes"),
        (1010, "17 min", "17 minutes"),  # whole minutes from ten on
        (3600, "1 h", "1 hour"),
        (3725, "1 h 2 min", "1 hour 2 minutes"),
    ],
)
def test_rough_duration(seconds: float, short: str, spelled: str) -> None:
    assert rough_duration(seconds) == short
    assert rough_duration(seconds, spelled=True) == spelled


def test_dates_in_english() -> None:
    assert full_date(date(2026, 11, 20)) == "20 November 2026"
    assert full_date(date(2027, 1, 1)) == "1 January 2027"
    assert long_date(date(2026, 3, 2), today=TODAY) == "Monday 2 March"
    assert long_date(date(2025, 12, 31), today=TODAY) == "Wednesday 31 December 2025"
    assert short_date(date(2026, 3, 2)) == "Mon 2 Mar"
    assert short_date(date(2026, 9, 13)) == "Sun 13 Sep"
    assert [weekday_letter(date(2026, 3, 2) + timedelta(days=n)) for n in range(7)] == list("MTWTFSS")


def test_day_headings_say_today_and_yesterday() -> None:
    assert day_heading(TODAY, today=TODAY) == "Today, Saturday 14 March"
    assert day_heading(TODAY - timedelta(days=1), today=TODAY) == "Yesterday, Friday 13 March"
    assert day_heading(date(2026, 3, 2), today=TODAY) == "Monday 2 March"
    assert day_heading(date(2025, 12, 31), today=TODAY) == "Wednesday 31 December 2025"
    assert day_heading(date(2026, 1, 1), today=date(2026, 1, 2)) == "Yesterday, Thursday 1 January"


@pytest.mark.parametrize(
    ("per_day", "per_week", "words"),
    [
        (1, None, "once a day"),
        (2, None, "twice a day"),
        (3, None, "3 times a day"),
        (None, 1, "once a week"),
        (None, 2, "twice a week"),
        (None, 3, "3 times a week"),
        (None, None, ""),
        (0, 0, ""),
    ],
)
def test_frequency(per_day: int | None, per_week: int | None, words: str) -> None:
    assert frequency(per_day, per_week) == words
    # The model's own method is the same words, not a second wording.
    assert Frequency(per_day, per_week).describe() == words


def test_times() -> None:
    assert [times(n) for n in (1, 2, 3, 10)] == ["once", "twice", "3 times", "10 times"]


@pytest.mark.parametrize(
    ("pace", "words"),
    [
        (Breathing(5, 1, 3, 0), "breathe in 5 s, pause 1 s, breathe out 3 s"),
        (Breathing(4, 0, 6, 0), "breathe in 4 s, breathe out 6 s"),
        (Breathing(3.5, 1, 3, 1), "breathe in 3.5 s, pause 1 s, breathe out 3 s, pause 1 s"),
        (Breathing(4, 0, 6, 2), "breathe in 4 s, breathe out 6 s, pause 2 s"),
    ],
)
def test_breathing_pattern_leaves_out_zero_pauses(pace: Breathing, words: str) -> None:
    assert breathing_pattern(pace) == words
    assert pace.describe() == words


@pytest.mark.parametrize(
    ("status", "reason", "words"),
    [
        (SessionStatus.FINISHED, "", "finished"),
        (SessionStatus.STOPPED, "", "stopped"),
        (SessionStatus.STOPPED, STOPPED_BY_CHOICE, "stopped"),
        (SessionStatus.STOPPED, STOPPED_FOR_PAIN, "stopped: it hurt"),
        (SessionStatus.RUNNING, "", "not finished"),
        (SessionStatus.ABANDONED, "", "not finished"),
    ],
)
def test_status_words(status: SessionStatus, reason: str, words: str) -> None:
    assert status_words(status, reason) == words


def test_every_status_has_words() -> None:
    for status in SessionStatus:
        assert status_words(status) in ("finished", "stopped", "not finished")


def test_the_breathing_pattern_spelled_out_for_a_screen_reader() -> None:
    from stretch_gui.core.routine.model import Breathing

    pattern = Breathing(inhale=5, pause=1, exhale=3)
    assert wording.breathing_pattern(pattern, spelled=True) == "breathe in 5 seconds, pause 1 second, breathe out 3 seconds"
    assert wording.breathing_pattern(pattern) == "breathe in 5 s, pause 1 s, breathe out 3 s"
