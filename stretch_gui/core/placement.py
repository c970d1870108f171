"""Where the window opens: where it was left, as long as that still fits the screen.

A laptop moved from a large monitor back to its own 1366x768 screen must not open a
window whose bottom row, "Stop — this hurts" included, is off the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFERRED_WIDTH = 1200
PREFERRED_HEIGHT = 800
MINIMUM_WIDTH = 640
MINIMUM_HEIGHT = 480


@dataclass(frozen=True)
class Rect:
    """A rectangle in screen pixels: a window's frame or a screen's free area."""

    x: int
    y: int
    width: int
    height: int

    def contains(self, other: Rect) -> bool:
        return (
            other.x >= self.x
            and other.y >= self.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )


@dataclass(frozen=True)
class Placement:
    """A window's normal (not maximized) geometry and whether it was maximized."""

    frame: Rect
    maximized: bool

    def text(self) -> str:
        f = self.frame
        return f"{f.x} {f.y} {f.width} {f.height} {'maximized' if self.maximized else 'normal'}"

    @classmethod
    def from_text(cls, text: str) -> Placement | None:
        """The placement written by ``text()``; None for anything else."""
        parts = text.split()
        if len(parts) != 5 or parts[4] not in ("maximized", "normal"):
            return None
        try:
            x, y, width, height = (int(part) for part in parts[:4])
        except ValueError:
            return None
        if width < MINIMUM_WIDTH or height < MINIMUM_HEIGHT:
            return None
        return cls(Rect(x, y, width, height), parts[4] == "maximized")


def opening_placement(saved: Placement | None, screen: Rect) -> Placement:
    """Where to open on a screen whose free area (without panels) is ``screen``.

    The saved place when it still fits; else the usual size, centred, when that fits;
    else maximized, which always fits.
    """
    if saved is not None and screen.contains(saved.frame):
        return saved
    if screen.width >= PREFERRED_WIDTH and screen.height >= PREFERRED_HEIGHT:
        x = screen.x + (screen.width - PREFERRED_WIDTH) // 2
        y = screen.y + (screen.height - PREFERRED_HEIGHT) // 2
        return Placement(Rect(x, y, PREFERRED_WIDTH, PREFERRED_HEIGHT), saved.maximized if saved else False)
    width, height = min(PREFERRED_WIDTH, screen.width), min(PREFERRED_HEIGHT, screen.height)
    return Placement(Rect(screen.x, screen.y, width, height), True)
