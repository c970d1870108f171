"""Preferences kept between runs, in the platform's usual place (QSettings).

What each preference is, its type, default and allowed values, is declared once in
stretch_gui.core.preferences; this module only keeps them. A write changes one key,
syncs once (a crash keeps it) and says which key changed, so whoever shows that
preference updates and nothing else does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar, overload

from PySide6.QtCore import QObject, QSettings, Signal

from stretch_gui.core import preferences as prefs
from stretch_gui.core.preferences import Preference, UnusableError

T = TypeVar("T")

MAX_RECENT = prefs.RECENT_FILES.max_items
DEFAULT_VOLUME = prefs.VOLUME.default


class Setting(Generic[T]):
    """One preference as a typed attribute of AppSettings: ``settings.volume = 40``."""

    def __init__(self, preference: Preference[T]) -> None:
        self.preference = preference

    @overload
    def __get__(self, settings: None, owner: type[AppSettings]) -> Setting[T]: ...
    @overload
    def __get__(self, settings: AppSettings, owner: type[AppSettings]) -> T: ...
    def __get__(self, settings: AppSettings | None, owner: type[AppSettings]) -> Setting[T] | T:
        if settings is None:
            return self
        return settings.read(self.preference)

    def __set__(self, settings: AppSettings, value: T) -> None:
        settings.write(self.preference, value)


class AppSettings(QObject):
    """Typed access to QSettings through the registry; a damaged value reads as its default."""

    changed = Signal(str)  # the key whose value is now different

    sound = Setting(prefs.SOUND)
    volume = Setting(prefs.VOLUME)
    breath_cues = Setting(prefs.BREATH_CUES)
    spoken_guidance = Setting(prefs.SPOKEN_GUIDANCE)
    show_pacer = Setting(prefs.SHOW_PACER)
    reduced_motion = Setting(prefs.REDUCED_MOTION)
    text_size = Setting(prefs.TEXT_SIZE)
    theme = Setting(prefs.THEME)
    reminders = Setting(prefs.REMINDERS)
    reminder_time = Setting(prefs.REMINDER_TIME)
    last_reminded = Setting(prefs.LAST_REMINDED)
    morning_check_put_off = Setting(prefs.MORNING_CHECK_PUT_OFF)
    first_sessions = Setting(prefs.FIRST_SESSIONS)
    easier_days = Setting(prefs.EASIER_DAYS)
    window_placement = Setting(prefs.WINDOW_PLACEMENT)
    recent_files = Setting(prefs.RECENT_FILES)

    def __init__(
        self,
        store: QSettings | None = None,
        parent: QObject | None = None,
        *,
        desktop_defaults: dict[str, object] | None = None,
    ) -> None:
        """``desktop_defaults``: what the desktop prefers (reduced motion), for keys the patient never set."""
        super().__init__(parent)
        self._store = store or QSettings("stretch-gui", "stretch-gui")
        self._desktop_defaults = desktop_defaults or {}

    def follow_desktop(self, defaults: dict[str, object]) -> None:
        """What the desktop prefers, learned once the window shows (asking may wait on D-Bus):
        each setting the patient never set and whose value this changes says so, like a write."""
        before = {key: self.read(prefs.BY_KEY[key]) for key in defaults if key in prefs.BY_KEY}
        self._desktop_defaults = {**self._desktop_defaults, **defaults}
        for key, value in before.items():
            if self.read(prefs.BY_KEY[key]) != value:
                self.changed.emit(key)

    def _raw(self, key: str) -> object:
        # Whatever the file holds comes back as Qt decoded it: a QRect for "@Rect(1 2 3 4)",
        # None for a type it does not know. The registry turns anything into its type.
        try:
            return self._store.value(key)
        except Exception:  # a value PySide cannot convert: treat it as absent
            return None

    def read(self, preference: Preference[T]) -> T:
        raw = self._raw(preference.key)
        if raw is None and preference.key in self._desktop_defaults:
            return preference.read(self._desktop_defaults[preference.key])
        return preference.read(raw)

    def write(self, preference: Preference[T], value: T) -> None:
        """Keep ``value`` under its one key, and say so when the value read back is different."""
        stored = preference.store(value)
        raw = self._raw(preference.key)
        before = preference.read(raw)
        after = preference.read(stored)
        try:
            kept = preference.parse(raw) == after
        except UnusableError:
            kept = False  # missing or damaged: write it, so the file holds a good value
        if not kept:
            self._store.setValue(preference.key, stored)
            self._store.sync()
        if after != before:
            self.changed.emit(preference.key)

    def remember(self, file: Path) -> None:
        file = file.resolve()
        self.recent_files = [file] + [f for f in self.recent_files if f != file]

    def forget(self, file: Path) -> None:
        self.recent_files = [f for f in self.recent_files if f != file.resolve()]
