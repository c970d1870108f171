"""What the strict reader makes of a file: its data and where each part was written.

Kept apart from the reader (which needs PyYAML) so a document remembered from an
earlier start (see SchemaMemory) can be used without importing a YAML parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stretch_gui.core.routine.problems import Problem, RoutineError

MAX_BYTES = 1_000_000

Path_ = tuple[Any, ...]


@dataclass
class Positions:
    """1-based (line, col) of each value and each mapping key, by data path."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Plain values read as numbers, true/false or nothing, as they were typed ("1.10", "1e2").
    written: dict[Path_, str] = field(default_factory=dict)

    def of_value(self, path: Path_) -> tuple[int, int] | None:
        # A path into a value that was never written (a missing key) points at
        # the nearest enclosing thing that was.
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get(())

    def of_key(self, path: Path_) -> tuple[int, int] | None:
        return self.keys.get(tuple(path)) or self.of_value(path)


@dataclass
class Document:
    """A parsed routine file: its data and where each key and value stands in the text."""

    data: Any
    positions: Positions
    text: str = ""  # what was parsed, so a check of it can be remembered by content


def text_of(content: str | bytes, source: str) -> str:
    """The text a file's bytes hold, as the reader parses it; RoutineError if it is not a text file."""
    if isinstance(content, bytes):
        text = _decode(content, source)
    else:
        if len(content.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise RoutineError([Problem(source, f"file is too large (the limit is {MAX_BYTES:,} bytes)")])
        text = content
    return _end_last_line(text)


def _decode(raw: bytes, source: str) -> str:
    if len(raw) > MAX_BYTES:
        raise RoutineError([Problem(source, f"file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})")])
    if b"\x00" in raw:
        raise RoutineError([Problem(source, "this is not a text file (it contains binary data)")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RoutineError(
            [Problem(source, "this file is not valid UTF-8 text; save it as UTF-8", line, col)]
        ) from None
    return text


def _end_last_line(text: str) -> str:
    """A last line of only spaces ends the file as a line break would.

    PyYAML reads "- |+<newline><spaces>" at the very end of a file as "" where YAML
    1.2 reads a line break; the two agree once the last line is ended.
    """
    last = text[text.rfind("\n") + 1 :]
    return text + "\n" if last and not last.strip(" \t") else text
