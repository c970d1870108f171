"""The preferences registry: every setting declared once, and no stored value it cannot read."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretch_gui.core import preferences as prefs
from stretch_gui.core.preferences import PREFERENCES, Preference
from stretch_gui.core.record.reminders import DEFAULT_TIME
from tests.support.preferences import KEYS, holds_its_type


def test_every_setting_is_declared_once() -> None:
    # That the registry loads no Qt is checked with the rest of the core in tests/integration/test_architecture.py.
    assert [p.key for p in PREFERENCES] == KEYS
    assert set(prefs.BY_KEY) == set(KEYS)


def test_the_declared_defaults_and_limits() -> None:
    assert (prefs.VOLUME.default, prefs.VOLUME.minimum, prefs.VOLUME.maximum) == (70, 0, 100)
    assert prefs.TEXT_SIZE.values == ("normal", "large", "larger", "very-large", "largest")
    assert list(prefs.TEXT_SCALES) == list(prefs.TEXT_SIZE.values) and prefs.TEXT_SCALES["largest"] == 2.0
    assert prefs.THEME.values == ("system", "light", "dark")
    assert [o.label for o in prefs.TEXT_SIZE.options] == [
        "Normal", "Large (125%)", "Larger (150%)", "Very large (175%)", "Largest (200%)",
    ]
    assert prefs.REMINDER_TIME.default == DEFAULT_TIME
    assert prefs.LAST_REMINDED.default is None
    assert prefs.RECENT_FILES.max_items == 8
    for preference in PREFERENCES:
        assert holds_its_type(preference, preference.read(None)), preference.key


HIDDEN = {"last_reminded", "morning_check_put_off", "first_sessions", "easier_days", "recent_files", "window_placement"}


def test_what_the_dialog_shows_has_words_and_what_it_does_not_has_no_group() -> None:
    shown = [p for group in prefs.GROUPS for p in prefs.shown_in(group)]
    assert {p.key for p in shown} == set(KEYS) - HIDDEN
    for preference in shown:
        assert preference.label and preference.label[0].isupper(), preference.key
    for choice in (prefs.TEXT_SIZE, prefs.THEME):
        assert all(option.label for option in choice.options)
    assert prefs.VOLUME.spoken(35) == "35 percent"


@pytest.mark.parametrize(
    ("preference", "raw", "expected"),
    [
        (prefs.SOUND, "false", False),
        (prefs.SOUND, " TRUE ", True),
        (prefs.SOUND, False, False),
        (prefs.VOLUME, "35", 35),
        (prefs.VOLUME, 0, 0),
        (prefs.THEME, "dark", "dark"),
        (prefs.REMINDER_TIME, "07:45", time(7, 45)),
        (prefs.LAST_REMINDED, "2026-11-20", date(2026, 11, 20)),
        (prefs.LAST_REMINDED, "", None),
        (prefs.RECENT_FILES, "/a.yaml", [Path("/a.yaml")]),  # INI gives a list of one back as its text
        (prefs.RECENT_FILES, ["/a.yaml", "/b.yaml"], [Path("/a.yaml"), Path("/b.yaml")]),
        (prefs.RECENT_FILES, ["/a.yaml", 3, None, "", "/b.yaml"], [Path("/a.yaml"), Path("/b.yaml")]),
        (prefs.RECENT_FILES, [f"/{n}.yaml" for n in range(12)], [Path(f"/{n}.yaml") for n in range(8)]),
        (prefs.MORNING_CHECK_PUT_OFF, "2026-12-03", date(2026, 12, 3)),
        (prefs.FIRST_SESSIONS, "2026-12-01 /r/a b.yaml", {"/r/a b.yaml": date(2026, 12, 1)}),  # a space in the path
        (
            prefs.FIRST_SESSIONS,
            ["2026-12-01 /a.yaml", "2026-02-30 /b.yaml", "soon /c.yaml", 7, "2026-12-02 ", "2026-11-30 /a.yaml"],
            {"/a.yaml": date(2026, 12, 1)},  # damaged lines cost only themselves; the first of a file counts
        ),
    ],
)
def test_good_values_read_as_themselves(preference: Preference[Any], raw: object, expected: object) -> None:
    assert preference.read(raw) == expected


@pytest.mark.parametrize(
    ("preference", "raw"),
    [
        (prefs.SOUND, "yes"),
        (prefs.SOUND, 1),
        (prefs.SOUND, ["true"]),  # a list where a bool is expected
        (prefs.VOLUME, True),  # a bool is an int to Python, not a volume
        (prefs.VOLUME, "loud"),
        (prefs.VOLUME, "7_0"),
        (prefs.VOLUME, "101"),
        (prefs.VOLUME, -1),
        (prefs.VOLUME, 50.5),
        (prefs.VOLUME, ["50"]),
        (prefs.TEXT_SIZE, "huge"),
        (prefs.TEXT_SIZE, "Large"),
        (prefs.THEME, ["dark"]),
        (prefs.REMINDER_TIME, "25:00"),
        (prefs.REMINDER_TIME, "7:45"),
        (prefs.REMINDER_TIME, "07:45:00"),
        (prefs.REMINDER_TIME, 745),
        (prefs.LAST_REMINDED, "2026-02-30"),
        (prefs.LAST_REMINDED, "yesterday"),
        (prefs.LAST_REMINDED, 20261120),
        (prefs.RECENT_FILES, 3),  # an int where a list is expected
        (prefs.RECENT_FILES, {"a": "/a.yaml"}),
        (prefs.RECENT_FILES, b"/a.yaml"),
        (prefs.RECENT_FILES, "12345"),  # an INI file's text for an int: not a full path the app wrote
        (prefs.RECENT_FILES, ["routine.yaml"]),
        (prefs.FIRST_SESSIONS, 3),
        (prefs.FIRST_SESSIONS, {"/a.yaml": "2026-12-01"}),
    ],
)
def test_a_value_of_the_wrong_type_or_out_of_place_reads_as_the_default(preference: Preference[Any], raw: object) -> None:
    assert preference.read(raw) == preference.read(None)
    assert holds_its_type(preference, preference.read(raw))


class Opaque:
    """Stands for a Qt value (a QRect, say) the core has never heard of."""

    def __str__(self) -> str:
        return "true"  # even a friendly str() is not a stored bool


anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary() | st.builds(Opaque),
    lambda inner: st.lists(inner, max_size=12) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=20,
)


@given(raw=anything)
def test_any_value_at_all_reads_as_the_declared_type(raw: object) -> None:
    for preference in PREFERENCES:
        assert holds_its_type(preference, preference.read(raw)), (preference.key, raw)


def test_first_sessions_keep_the_latest_routines_and_read_back_as_written() -> None:
    days = {f"/{n}.yaml": date(2026, 1, 1) + timedelta(days=n) for n in range(prefs.FIRST_SESSIONS.max_items + 2)}
    stored = prefs.FIRST_SESSIONS.store(days)
    assert isinstance(stored, list) and len(stored) == prefs.FIRST_SESSIONS.max_items
    assert "/0.yaml" not in prefs.FIRST_SESSIONS.read(stored)  # the oldest entries give way
    assert prefs.FIRST_SESSIONS.read(stored)["/33.yaml"] == date(2026, 2, 3)
    with pytest.raises(ValueError):
        prefs.FIRST_SESSIONS.store({"": date(2026, 1, 1)})


def test_reads_hand_out_a_fresh_list() -> None:
    first = prefs.RECENT_FILES.read(None)
    first.append(Path("/changed.yaml"))
    assert prefs.RECENT_FILES.read(None) == []


@pytest.mark.parametrize(
    ("preference", "value", "stored"),
    [
        (prefs.VOLUME, 140, 100),
        (prefs.VOLUME, -5, 0),
        (prefs.SOUND, False, False),
        (prefs.REMINDER_TIME, time(7, 5), "07:05"),
        (prefs.LAST_REMINDED, date(2026, 1, 2), "2026-01-02"),
        (prefs.LAST_REMINDED, None, ""),
        (prefs.RECENT_FILES, [Path(f"/{n}") for n in range(10)], [f"/{n}" for n in range(8)]),
    ],
)
def test_what_is_stored_reads_back(preference: Preference[Any], value: object, stored: object) -> None:
    assert preference.store(value) == stored
    assert preference.read(stored) == preference.read(preference.store(value))


@pytest.mark.parametrize(
    ("preference", "value"),
    [(prefs.THEME, "purple"), (prefs.SOUND, "true"), (prefs.VOLUME, True), (prefs.REMINDER_TIME, "07:00")],
)
def test_the_app_cannot_store_a_value_a_preference_cannot_hold(preference: Preference[Any], value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        preference.store(value)


def test_ctrl_plus_and_minus_step_through_the_text_sizes_and_stop_at_the_ends() -> None:
    assert prefs.text_size_step("normal", 1) == "large"
    assert prefs.text_size_step("large", -1) == "normal"
    assert prefs.text_size_step("normal", -1) == "normal"
    assert prefs.text_size_step("largest", 1) == "largest"
    assert prefs.text_size_step("no such size", 1) == "large"
