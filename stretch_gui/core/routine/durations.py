"""Durations as physios write them: ``45``, ``45s``, ``2m``, ``1m30s``, nothing else."""

from __future__ import annotations

import re

# The same text is the pattern in the JSON Schema, so a physio's editor flags exactly the
# strings the loader refuses. Plain groups only: editors read it as an ECMAScript regex.
DURATION_PATTERN = r"^([0-9]{1,5})$|^([0-9]{1,5})s$|^([0-9]{1,4})m(?:([0-5]?[0-9])s)?$"
_DURATION_RE = re.compile(DURATION_PATTERN)

DURATION_HINT = "write a duration like 45, 45s, 2m or 1m30s"


def parse_duration(value: object) -> int:
    """Return whole seconds, or raise ValueError with a message for the physio."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration; {DURATION_HINT}")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        match = _DURATION_RE.match(value)
        if match:
            bare, seconds, minutes, extra = match.groups()
            if bare is not None:
                return int(bare)
            if seconds is not None:
                return int(seconds)
            return int(minutes) * 60 + int(extra or 0)
        if re.fullmatch(r"\s*\d+:\d{2}\s*", value):
            minutes, seconds = value.strip().split(":")
            raise ValueError(
                f"'{value}' is not a duration here; write {int(minutes)}m{int(seconds)}s"
                if int(minutes)
                else f"'{value}' is not a duration here; write {int(seconds)}s"
            )
    raise ValueError(f"{value!r} is not a duration; {DURATION_HINT}")

