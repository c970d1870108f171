"""What a read of each preference may return: its declared type, within its declared limits."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from stretch_gui.core.placement import Placement
from stretch_gui.core.preferences import (
    Choice,
    Day,
    DaysByFile,
    Paths,
    Preference,
    Range,
    TimeOfDay,
    Toggle,
    WindowPlace,
)

KEYS = [
    "sound", "volume", "breath_cues", "spoken_guidance", "show_pacer", "reduced_motion",
    "text_size", "theme", "reminders", "reminder_time", "last_reminded", "morning_check_put_off", "first_sessions", "easier_days",
    "window_placement",
    "recent_files",
]


def holds_its_type(preference: Preference[Any], value: object) -> bool:
    if isinstance(preference, Toggle):
        return type(value) is bool
    if isinstance(preference, Range):
        return type(value) is int and preference.minimum <= value <= preference.maximum
    if isinstance(preference, Choice):
        return type(value) is str and value in preference.values
    if isinstance(preference, TimeOfDay):
        return type(value) is time
    if isinstance(preference, Day):
        return value is None or type(value) is date
    if isinstance(preference, Paths):
        return (
            type(value) is list
            and len(value) <= preference.max_items
            and all(isinstance(path, Path) for path in value)
        )
    if isinstance(preference, DaysByFile):
        return (
            type(value) is dict
            and len(value) <= preference.max_items
            and all(isinstance(key, str) and type(day) is date for key, day in value.items())
        )
    if isinstance(preference, WindowPlace):
        return value is None or type(value) is Placement
    raise AssertionError(f"no rule for {type(preference).__name__}: add one here")
