"""Durations as physios write them, and the one pattern the schema and the loader share."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stretch_gui.core.resources import schema_file
from stretch_gui.core.routine.durations import DURATION_PATTERN, parse_duration


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        (45, 45),
        (0, 0),
        ("45", 45),
        ("45s", 45),
        ("0s", 0),
        ("2m", 120),
        ("1m30s", 90),
        ("1m5s", 65),
        ("10m0s", 600),
        ("99999", 99999),
        ("9999m59s", 9999 * 60 + 59),
    ],
)
def test_parse_duration_accepts_the_written_forms(written: object, seconds: int) -> None:
    assert parse_duration(written) == seconds
    assert type(parse_duration(written)) is int


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("1:30", ("write 1m30s",)),
        ("0:30", ("write 30s",)),
        ("10:05", ("write 10m5s",)),
        ("1.5m", ("45, 45s, 2m or 1m30s",)),
        ("90 sec", ("not a duration",)),
        ("1h", ("not a duration",)),
        ("1m 30s", ("not a duration",)),
        ("30s1m", ("not a duration",)),
        (" 45s", ("not a duration",)),
        ("", ("not a duration",)),
        ("-5", ("not a duration",)),
        ("100000", ("not a duration",)),
        (True, ("not a duration",)),
        (False, ("not a duration",)),
        (4.5, ("not a duration",)),
        (30.0, ("not a duration",)),
        (None, ("not a duration",)),
        ([30], ("not a duration",)),
    ],
)
def test_parse_duration_refuses_everything_else(written: object, words: tuple[str, ...]) -> None:
    with pytest.raises(ValueError) as info:
        parse_duration(written)
    for word in words:
        assert word in str(info.value)
    assert "\n" not in str(info.value)


def test_schema_duration_pattern_is_the_loader_pattern() -> None:
    schema = json.loads(schema_file().read_text(encoding="utf-8"))
    assert schema["$defs"]["duration"]["pattern"] == DURATION_PATTERN


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(0, 99999))
def test_whole_seconds_round_trip(seconds: int) -> None:
    assert parse_duration(seconds) == seconds
    assert parse_duration(str(seconds)) == seconds
    assert parse_duration(f"{seconds}s") == seconds


@settings(max_examples=300, deadline=None, database=None)
@given(st.integers(0, 9999), st.integers(0, 59))
def test_minutes_and_seconds(minutes: int, seconds: int) -> None:
    assert parse_duration(f"{minutes}m") == minutes * 60
    assert parse_duration(f"{minutes}m{seconds}s") == minutes * 60 + seconds


@settings(max_examples=500, deadline=None, database=None)
@given(st.text(alphabet="0123456789ms:. h-", max_size=10))
def test_pattern_and_parser_agree(text: str) -> None:
    """An editor using the schema flags exactly the strings the loader refuses.

    jsonschema (like an editor) applies the pattern with a search, so that is what is compared.
    """
    schema_says_ok = re.search(DURATION_PATTERN, text) is not None
    try:
        parse_duration(text)
        loader_says_ok = True
    except ValueError:
        loader_says_ok = False
    assert schema_says_ok == loader_says_ok
