"""Preferences kept between runs, in the platform's usual place (QSettings)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QSettings

from stretch_gui.core.record.reminders import DEFAULT_TIME

MAX_RECENT = 8
DEFAULT_VOLUME = 70


class AppSettings:
    """Typed access to QSettings; every write is synced so a crash keeps it."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings("stretch-gui", "stretch-gui")

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self._store.value(key, default)
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() == "true"
        return kind(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    @property
    def sound(self) -> bool:
        return bool(self._get("sound", True, bool))

    @sound.setter
    def sound(self, value: bool) -> None:
        self._set("sound", value)

    @property
    def volume(self) -> int:
        """Cue loudness, 0-100; a damaged value falls back to the default rather than failing."""
        try:
            value = int(str(self._store.value("volume", DEFAULT_VOLUME)))
        except ValueError:
            return DEFAULT_VOLUME
        return min(max(value, 0), 100)

    @volume.setter
    def volume(self, value: int) -> None:
        self._set("volume", min(max(int(value), 0), 100))

    @property
    def breath_cues(self) -> bool:
        return bool(self._get("breath_cues", False, bool))

    @breath_cues.setter
    def breath_cues(self, value: bool) -> None:
        self._set("breath_cues", value)

    @property
    def spoken_guidance(self) -> bool:
        return bool(self._get("spoken_guidance", False, bool))

    @spoken_guidance.setter
    def spoken_guidance(self, value: bool) -> None:
        self._set("spoken_guidance", value)

    @property
    def show_pacer(self) -> bool:
        return bool(self._get("show_pacer", True, bool))

    @show_pacer.setter
    def show_pacer(self, value: bool) -> None:
        self._set("show_pacer", value)

    @property
    def reduced_motion(self) -> bool:
        return bool(self._get("reduced_motion", False, bool))

    @reduced_motion.setter
    def reduced_motion(self, value: bool) -> None:
        self._set("reduced_motion", value)

    @property
    def text_size(self) -> str:
        value = str(self._get("text_size", "normal", str))
        return value if value in ("normal", "large", "larger") else "normal"

    @text_size.setter
    def text_size(self, value: str) -> None:
        self._set("text_size", value)

    @property
    def theme(self) -> str:
        value = str(self._get("theme", "system", str))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("theme", value)

    @property
    def reminders(self) -> bool:
        return bool(self._get("reminders", False, bool))

    @reminders.setter
    def reminders(self, value: bool) -> None:
        self._set("reminders", value)

    @property
    def reminder_time(self) -> time:
        try:
            return time.fromisoformat(str(self._get("reminder_time", "18:00", str)))
        except ValueError:
            return DEFAULT_TIME

    @reminder_time.setter
    def reminder_time(self, value: time) -> None:
        self._set("reminder_time", value.strftime("%H:%M"))

    @property
    def last_reminded(self) -> date | None:
        try:
            return date.fromisoformat(str(self._get("last_reminded", "", str)))
        except ValueError:
            return None

    @last_reminded.setter
    def last_reminded(self, value: date) -> None:
        self._set("last_reminded", value.isoformat())

    @property
    def recent_files(self) -> list[Path]:
        value = self._store.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in (value or []) if isinstance(v, str)]

    def remember(self, file: Path) -> None:
        file = file.resolve()
        recent = [file] + [f for f in self.recent_files if f != file]
        self._set("recent_files", [str(f) for f in recent[:MAX_RECENT]])

    def forget(self, file: Path) -> None:
        self._set("recent_files", [str(f) for f in self.recent_files if f != file.resolve()])
