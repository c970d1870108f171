"""Time for the session: a monotonic clock, injected so tests can drive it by hand.

On Linux ``time.monotonic`` does not advance while the machine is suspended, so a
hold paused by closing the laptop lid resumes where it was instead of finishing
in the dark.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

# The time of day, for records only (the history's start and end times); never for timing.
WallClock = Callable[[], datetime]


def local_now() -> datetime:
    """The wall-clock time here, with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a clock that never goes backwards."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go backwards")
        self._now += seconds
