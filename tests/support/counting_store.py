"""A QSettings over an INI file that notes every key written and every sync, to count writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


class CountingStore(QSettings):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path), QSettings.Format.IniFormat)
        self.written: list[str] = []
        self.syncs = 0

    def setValue(self, key: str, value: Any) -> None:
        self.written.append(key)
        super().setValue(key, value)

    def sync(self) -> None:
        self.syncs += 1
        super().sync()
