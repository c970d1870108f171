"""Every preference the app keeps, declared once: key, type, default, allowed values and words.

The settings store (qt/settings.py) reads and writes through these entries and the
Settings dialog (ui/dialogs/settings.py) builds its controls from them, so a new
preference is one entry here. Qt-free, so the rules about damaged values are tested
without a display.

A settings file is the user's to edit, break or carry between versions: ``read``
turns whatever it holds into the declared type and never raises; ``store`` is for
the app's own writes, where a wrong value is a bug and raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, Generic, TypeVar

from stretch_gui.core.placement import Placement
from stretch_gui.core.record.reminders import DEFAULT_TIME

T = TypeVar("T")
# What goes into the settings file: plain values any store can keep as text.
Stored = bool | int | str | list[str]

TITLE = "Settings"


class UnusableError(ValueError):
    """A stored value that cannot stand for its preference: missing, of another type, or out of place."""


@dataclass(frozen=True)
class Group:
    """A heading under which the dialog shows a few preferences together."""

    key: str
    title: str


SOUND_GROUP = Group("sound", "Sound")
SCREEN_GROUP = Group("screen", "Screen")
REMINDERS_GROUP = Group("reminders", "Reminders")
GROUPS = (SOUND_GROUP, SCREEN_GROUP, REMINDERS_GROUP)


@dataclass(frozen=True, kw_only=True)
class Preference(Generic[T]):
    """One kept preference. With no ``group`` it is kept for the app and not shown."""

    key: str
    default: T
    label: str = ""
    note: str = ""
    group: Group | None = None

    def parse(self, raw: object) -> T:
        """The stored value in its declared type; UnusableError when it is missing or damaged."""
        raise NotImplementedError

    def store(self, value: T) -> Stored:
        """What to write for ``value``; a value this preference cannot hold raises."""
        raise NotImplementedError

    def read(self, raw: object) -> T:
        """The stored value, or the default for anything missing, damaged or out of place."""
        try:
            return self.parse(raw)
        except UnusableError:
            return self.fallback()

    def fallback(self) -> T:
        return self.default


@dataclass(frozen=True, kw_only=True)
class Toggle(Preference[bool]):
    """A setting that is on or off."""

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        # INI files keep no types: a saved bool comes back as the text "true" or "false".
        if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
            return raw.strip().lower() == "true"
        raise UnusableError(raw)

    def store(self, value: bool) -> Stored:
        if not isinstance(value, bool):
            raise TypeError(f"{self.key} takes True or False, not {value!r}")
        return value


WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


@dataclass(frozen=True, kw_only=True)
class Range(Preference[int]):
    """A whole number between two limits, such as the volume."""

    minimum: int
    maximum: int
    step: int = 1
    page_step: int = 10
    unit: str = ""

    def parse(self, raw: object) -> int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            value = raw
        elif isinstance(raw, str) and WHOLE_NUMBER.fullmatch(raw.strip()):
            value = int(raw.strip())
        else:
            raise UnusableError(raw)
        if not self.minimum <= value <= self.maximum:
            raise UnusableError(raw)  # a hand-edited 400 is a slip, not a wish for the loudest
        return value

    def store(self, value: int) -> Stored:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{self.key} takes a whole number, not {value!r}")
        return min(max(value, self.minimum), self.maximum)

    def spoken(self, value: int) -> str:
        """The value as a screen reader should say it."""
        return f"{value} {self.unit}".strip()


@dataclass(frozen=True)
class Option:
    """One answer of a Choice: the value kept in settings and the words shown for it."""

    value: str
    label: str


@dataclass(frozen=True, kw_only=True)
class Choice(Preference[str]):
    """A setting with one of a few named answers, such as the text size."""

    options: tuple[Option, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def label_of(self, value: str) -> str:
        return next((option.label for option in self.options if option.value == value), value)

    def parse(self, raw: object) -> str:
        if isinstance(raw, str) and raw in self.values:
            return raw
        raise UnusableError(raw)

    def store(self, value: str) -> Stored:
        if value not in self.values:
            raise ValueError(f"{self.key} is one of {', '.join(self.values)}, not {value!r}")
        return value


HOURS_MINUTES = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


@dataclass(frozen=True, kw_only=True)
class TimeOfDay(Preference[time]):
    """A time of day to the minute, kept as HH:MM."""

    def parse(self, raw: object) -> time:
        if isinstance(raw, str) and HOURS_MINUTES.fullmatch(raw.strip()):
            return time.fromisoformat(raw.strip())
        raise UnusableError(raw)

    def store(self, value: time) -> Stored:
        if not isinstance(value, time):
            raise TypeError(f"{self.key} takes a time of day, not {value!r}")
        return value.strftime("%H:%M")


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, kw_only=True)
class Day(Preference[date | None]):
    """A calendar day kept as YYYY-MM-DD; none yet is an empty text."""

    def parse(self, raw: object) -> date | None:
        if isinstance(raw, str) and not raw.strip():
            return None
        if isinstance(raw, str) and ISO_DATE.fullmatch(raw.strip()):
            try:
                return date.fromisoformat(raw.strip())
            except ValueError:
                raise UnusableError(raw) from None  # a day that never was, 2026-02-30
        raise UnusableError(raw)

    def store(self, value: date | None) -> Stored:
        if value is None:
            return ""
        if not isinstance(value, date):
            raise TypeError(f"{self.key} takes a day, not {value!r}")
        return value.isoformat()


@dataclass(frozen=True, kw_only=True)
class DaysByFile(Preference[dict[str, date]]):
    """A day for each routine file (kept for the app, not shown).

    Kept as "YYYY-MM-DD path" lines, at most ``max_items``. In the settings rather than the history
    because the settings are read before the first paint, the history after it.
    """

    default: dict[str, date] = field(default_factory=dict)
    max_items: int

    def parse(self, raw: object) -> dict[str, date]:
        if isinstance(raw, str):
            raw = [raw]  # INI files give back a list of one as a plain text
        if not isinstance(raw, list):
            raise UnusableError(raw)
        found: dict[str, date] = {}
        for item in raw:
            # One damaged line should not cost the others.
            day, _, key = item.partition(" ") if isinstance(item, str) else ("", "", "")
            if ISO_DATE.fullmatch(day) and key.strip():
                try:
                    found.setdefault(key.strip(), date.fromisoformat(day))
                except ValueError:
                    continue
        return dict(list(found.items())[: self.max_items])

    def store(self, value: dict[str, date]) -> Stored:
        for key, day in value.items():
            if not isinstance(day, date) or not key.strip() or "\n" in key:
                raise ValueError(f"{self.key} keeps a day for each routine file, not {key!r}: {day!r}")
        return [f"{day.isoformat()} {key}" for key, day in list(value.items())[-self.max_items :]]

    def fallback(self) -> dict[str, date]:
        return {}  # a fresh dict each time: callers may change what they are given


@dataclass(frozen=True, kw_only=True)
class WindowPlace(Preference[Placement | None]):
    """Where the window was left (kept for the app, not shown)."""

    def parse(self, raw: object) -> Placement | None:
        placement = Placement.from_text(raw) if isinstance(raw, str) else None
        if placement is None:
            raise UnusableError(raw)
        return placement

    def store(self, value: Placement | None) -> Stored:
        return value.text() if value is not None else ""


@dataclass(frozen=True, kw_only=True)
class Paths(Preference[list[Path]]):
    """Files by their full paths, newest first, at most ``max_items`` of them."""

    default: list[Path] = field(default_factory=list)
    max_items: int

    def parse(self, raw: object) -> list[Path]:
        # INI files give back a list of one as a plain text.
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            raise UnusableError(raw)
        # One damaged entry should not cost the others. The app keeps full paths only, so a
        # bare "12345" is an INI file's untyped text for something else, not a file of ours.
        paths = [Path(item) for item in raw if isinstance(item, str) and item.strip()]
        return [path for path in paths if path.is_absolute()][: self.max_items]

    def store(self, value: list[Path]) -> Stored:
        return [str(path) for path in value][: self.max_items]

    def fallback(self) -> list[Path]:
        return []  # a fresh list each time: callers may change what they are given


SOUND = Toggle(key="sound", default=True, label="Sound cues", group=SOUND_GROUP)
VOLUME = Range(
    key="volume", default=70, minimum=0, maximum=100, step=5, page_step=10, unit="percent",
    label="Volume", group=SOUND_GROUP,
)
BREATH_CUES = Toggle(
    key="breath_cues", default=False, label="A soft tone as each breath in and out begins", group=SOUND_GROUP
)
SPOKEN_GUIDANCE = Toggle(
    key="spoken_guidance", default=False, label="Spoken guidance: say each exercise, side switch and rest",
    group=SOUND_GROUP,
)
SHOW_PACER = Toggle(key="show_pacer", default=True, label="Show the breathing guide", group=SCREEN_GROUP)
REDUCED_MOTION = Toggle(
    key="reduced_motion", default=False, label="Reduce motion (the breathing circle steps once a second)",
    group=SCREEN_GROUP,
)
# How much larger than normal each text size is. Ctrl+= and Ctrl+- step through them in this order.
TEXT_SCALES = {"normal": 1.0, "large": 1.25, "larger": 1.5, "very-large": 1.75, "largest": 2.0}
TEXT_SIZE = Choice(
    key="text_size", default="normal", label="Text size", group=SCREEN_GROUP,
    options=(
        Option("normal", "Normal"),
        Option("large", "Large (125%)"),
        Option("larger", "Larger (150%)"),
        Option("very-large", "Very large (175%)"),
        Option("largest", "Largest (200%)"),
    ),
)


def text_size_step(current: str, steps: int) -> str:
    """The text size ``steps`` away from ``current`` (Ctrl+= is +1, Ctrl+- is -1), stopping at either end."""
    sizes = list(TEXT_SCALES)
    here = sizes.index(current) if current in sizes else 0
    return sizes[min(max(here + steps, 0), len(sizes) - 1)]
THEME = Choice(
    key="theme", default="system", label="Colours", group=SCREEN_GROUP,
    options=(Option("system", "Follow the system"), Option("light", "Light"), Option("dark", "Dark")),
)
REMINDERS = Toggle(
    key="reminders", default=False, label="Remind me when my routine is due (while the app is open)",
    group=REMINDERS_GROUP,
)
REMINDER_TIME = TimeOfDay(key="reminder_time", default=DEFAULT_TIME, label="Reminder time", group=REMINDERS_GROUP)
LAST_REMINDED = Day(key="last_reminded", default=None)
# The day the patient answered "Not now" to the morning check: not asked again that day.
MORNING_CHECK_PUT_OFF = Day(key="morning_check_put_off", default=None)
# The day of each routine's first session: the weeks of a file with no start date count from it.
FIRST_SESSIONS = DaysByFile(key="first_sessions", max_items=32)
# The day the patient chose an easier session of a routine after a worse morning: that day only.
EASIER_DAYS = DaysByFile(key="easier_days", max_items=8)
WINDOW_PLACEMENT = WindowPlace(key="window_placement", default=None)
RECENT_FILES = Paths(key="recent_files", max_items=8)

PREFERENCES: tuple[Preference[Any], ...] = (
    SOUND,
    VOLUME,
    BREATH_CUES,
    SPOKEN_GUIDANCE,
    SHOW_PACER,
    REDUCED_MOTION,
    TEXT_SIZE,
    THEME,
    REMINDERS,
    REMINDER_TIME,
    LAST_REMINDED,
    MORNING_CHECK_PUT_OFF,
    FIRST_SESSIONS,
    EASIER_DAYS,
    WINDOW_PLACEMENT,
    RECENT_FILES,
)
BY_KEY: dict[str, Preference[Any]] = {preference.key: preference for preference in PREFERENCES}


def shown_in(group: Group) -> list[Preference[Any]]:
    """The preferences the dialog shows under ``group``, in the order declared."""
    return [preference for preference in PREFERENCES if preference.group == group]
