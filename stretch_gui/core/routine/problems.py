"""Problems found in a routine file, reported like a compiler does."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Everything str.splitlines() breaks on, plus the other control characters: a key or
# value quoted in a message may contain them, and one problem must print as one line.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file; ``line`` and ``col`` are 1-based when known."""

    source: str
    message: str
    line: int | None = None
    col: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        prefix = "warning: " if self.warning else ""
        return _one_line(f"{where}: {prefix}{self.message}")

    def sort_key(self) -> tuple[int, int]:
        return (self.line or 0, self.col or 0)


class RoutineError(Exception):
    """A routine (or exercise library) file that cannot be used as written."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("RoutineError needs at least one problem")
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))
