"""A frameless scroll area: long content at a large text size scrolls rather than being cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class _ScrollArea(QScrollArea):
    """A Tab stop only while there is something to scroll, so the keyboard can reach what is out of view."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.verticalScrollBar().rangeChanged.connect(self._scrolls_or_not)
        self._scrolls_or_not(0, 0)

    def _scrolls_or_not(self, _low: int, high: int) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if high > 0 else Qt.FocusPolicy.NoFocus)


def scrolling(content: QWidget, name: str, *, accessible: str = "") -> QScrollArea:
    area = _ScrollArea(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
    area.setWidget(content)
    if accessible:
        area.setAccessibleName(accessible)
    return area
