"""Which exact texts already passed the schema, so jsonschema loads only for new ones.

A patient opens the same prescribed file day after day. Checking it against the
schema needs jsonschema, whose import is most of the app's start-up cost, yet the
answer cannot change while the text, the schema and the app stay the same. So a
pass is remembered under a digest of all three, in a small file in the user's
cache folder. Only passes are kept: a file with a mistake is checked every time,
so its messages are always the full ones. The checks the loader makes in Python
(ranges, dates, image paths) still run on every load.

It is only a cache: a file that cannot be read or written is treated as empty,
and the worst outcome is a slower start.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from stretch_gui import __version__
from stretch_gui.core.resources import schema_file

MAX_ENTRIES = 256  # a few per routine version; old ones drop off the front


class SchemaMemory:
    def __init__(self, file: Path) -> None:
        self.file = file
        self._passed: list[str] | None = None  # read on first use, not at start-up
        self._salt = b""

    def _entries(self) -> list[str]:
        if self._passed is None:
            self._salt = hashlib.sha256(__version__.encode() + b"\0" + schema_file().read_bytes()).digest()
            try:
                lines = self.file.read_text(encoding="ascii").split()
            except (OSError, UnicodeDecodeError):
                lines = []
            self._passed = [line for line in lines if len(line) == 64][-MAX_ENTRIES:]
        return self._passed

    def _key(self, text: str, definition: str | None) -> str:
        self._entries()  # sets the salt
        digest = hashlib.sha256(self._salt)
        digest.update((definition or "routine").encode() + b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def passed(self, text: str, definition: str | None) -> bool:
        return self._key(text, definition) in self._entries()

    def remember(self, text: str, definition: str | None) -> None:
        key = self._key(text, definition)
        entries = self._entries()
        if key in entries:
            return
        entries.append(key)
        del entries[:-MAX_ENTRIES]
        self._save(entries)

    def _save(self, entries: list[str]) -> None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            # Written whole and renamed into place, so a crash leaves the old list or the new one.
            handle, temp = tempfile.mkstemp(prefix=".schema-memory-", dir=self.file.parent)
            try:
                with os.fdopen(handle, "w", encoding="ascii") as out:
                    out.write("\n".join(entries) + "\n")
                os.replace(temp, self.file)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError:
            pass  # a cache that cannot be written only costs time on the next start
