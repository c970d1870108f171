"""Which exact texts already passed the schema, and what they were read as.

A patient opens the same prescribed file day after day. Checking it against the
schema needs jsonschema, whose import is most of the app's start-up cost, yet the
answer cannot change while the text, the schema and the app stay the same. So a
pass is remembered under a digest of all three, in a small file in the user's
cache folder. Only passes are kept: a file with a mistake is checked every time,
so its messages are always the full ones. The checks the loader makes in Python
(ranges, dates, image paths) still run on every load.

Reading the YAML itself (PyYAML's pure-Python scanner) costs as much again, so a
file that loaded cleanly also leaves its data and positions (line and column of
every key and value, for messages) as JSON in a folder beside the list, named by
a digest of the salt and the file's exact bytes. A later start rebuilds the same
document from it without importing PyYAML. Each entry carries a digest of its
own payload and is checked for shape when read: a damaged one is ignored and
the file is parsed as if new.

It is only a cache: a file that cannot be read or written is treated as empty,
and the worst outcome is a slower start.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from stretch_gui import __version__
from stretch_gui.core.digest import sha256
from stretch_gui.core.resources import schema_file
from stretch_gui.core.routine.document import Document, Path_, Positions, text_of

MAX_ENTRIES = 256  # a few per routine version; old ones drop off the front
MAX_DOCUMENTS = 32  # the least recently opened go first
_DOCUMENT_HEADER = b"stretch-gui document 1 "


class SchemaMemory:
    def __init__(self, file: Path) -> None:
        self.file = file
        self._passed: list[str] | None = None  # read on first use, not at start-up
        self._salt = b""
        self.documents = file.parent / "documents"

    def _entries(self) -> list[str]:
        if self._passed is None:
            self._salt = sha256(__version__.encode() + b"\0" + schema_file().read_bytes()).digest()
            try:
                lines = self.file.read_text(encoding="ascii").split()
            except (OSError, UnicodeDecodeError):
                lines = []
            self._passed = [line for line in lines if len(line) == 64][-MAX_ENTRIES:]
        return self._passed

    def _key(self, text: str, definition: str | None) -> str:
        self._entries()  # sets the salt
        digest = sha256(self._salt)
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
            _write_whole(self.file, ("\n".join(entries) + "\n").encode("ascii"))
        except OSError:
            pass  # a cache that cannot be written only costs time on the next start

    # -- documents: what a text that loaded cleanly was read as --------------------------

    def _document_file(self, content: str | bytes, definition: str | None) -> Path:
        self._entries()  # sets the salt
        digest = sha256(self._salt)
        digest.update(b"document\0" + (definition or "routine").encode() + b"\0")
        digest.update(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        return self.documents / f"{digest.hexdigest()}.json"

    def recall_document(self, content: str | bytes, definition: str | None, source: str) -> Document | None:
        """The document these exact bytes were read as before, or None (never seen, or the entry is damaged)."""
        file = self._document_file(content, definition)
        try:
            stored = file.read_bytes()
        except OSError:
            return None
        document = _document_from(stored, file.stem)
        if document is None:
            return None
        document.text = text_of(content, source)
        with contextlib.suppress(OSError):
            os.utime(file)  # recently used: kept when older entries are dropped
        return document

    def remember_document(self, content: str | bytes, definition: str | None, document: Document) -> None:
        """Keep what ``content`` was read as; call only once it has loaded cleanly."""
        file = self._document_file(content, definition)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            _write_whole(file, _document_bytes(document, file.stem))
            kept = sorted(self.documents.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[MAX_DOCUMENTS:]:
                old.unlink()
        except OSError:
            pass  # only costs time on the next start


def _write_whole(file: Path, content: bytes) -> None:
    """Written whole and renamed into place, so a crash leaves the old file or the new one."""
    import tempfile  # only when something is saved: not on a start that finds everything remembered

    handle, temp = tempfile.mkstemp(prefix=f".{file.stem}-", dir=file.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, file)
    except BaseException:
        os.unlink(temp)
        raise


def _document_bytes(document: Document, key: str) -> bytes:
    positions = document.positions
    payload = json.dumps(
        {
            "key": key,
            "data": document.data,
            "values": [[list(path), line, col] for path, (line, col) in positions.values.items()],
            "keys": [[list(path), line, col] for path, (line, col) in positions.keys.items()],
            "written": [[list(path), text] for path, text in positions.written.items()],
        },
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")
    return _DOCUMENT_HEADER + sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


class _DamagedError(Exception):
    pass


def _document_from(stored: bytes, key: str) -> Document | None:
    """The document an entry holds, or None if anything about it is not exactly as written."""
    header, _, payload = stored.partition(b"\n")
    if header != _DOCUMENT_HEADER + sha256(payload).hexdigest().encode("ascii"):
        return None  # truncated, altered or from another version of this format
    try:
        entry = json.loads(payload)
        if not isinstance(entry, dict) or entry.get("key") != key:
            raise _DamagedError
        positions = Positions(
            values={_path(path): _place(line, col) for path, line, col in _rows(entry.get("values"), 3)},
            keys={_path(path): _place(line, col) for path, line, col in _rows(entry.get("keys"), 3)},
            written={_path(path): _text(text) for path, text in _rows(entry.get("written"), 2)},
        )
        if "data" not in entry or () not in positions.values:
            raise _DamagedError
    except (ValueError, RecursionError, _DamagedError):  # json's errors are ValueErrors; a tampered entry may nest without end
        return None
    return Document(entry["data"], positions)


def _rows(value: Any, width: int) -> list[list[Any]]:
    if not isinstance(value, list) or not all(isinstance(row, list) and len(row) == width for row in value):
        raise _DamagedError
    return value


def _path(value: Any) -> Path_:
    if not isinstance(value, list) or not all(
        isinstance(part, str) or (isinstance(part, int) and not isinstance(part, bool) and part >= 0) for part in value
    ):
        raise _DamagedError
    return tuple(value)


def _place(line: Any, col: Any) -> tuple[int, int]:
    for number in (line, col):
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise _DamagedError
    return (line, col)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _DamagedError
    return value
