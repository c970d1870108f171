"""A row of two groups that becomes two rows rather than cut a label short."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QBoxLayout, QHBoxLayout, QSizePolicy, QWidget


class WrapRow(QWidget):
    """Two groups side by side; stacked when the width cannot hold both at full length."""

    def __init__(
        self,
        name: str,
        first: Sequence[QWidget],
        second: Sequence[QWidget],
        *,
        centre_first: bool = False,
        packed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``centre_first``: the first group centred in the room the second leaves (the player's controls).
        ``packed``: both groups side by side at the start, with no gap between them (a row of numbers)."""
        super().__init__(parent)
        self.setObjectName(name)
        self.first = self._group(first, centred=centre_first)
        self.second = self._group(second, centred=False)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.first, 0 if packed else 1)
        self._layout.addWidget(self.second, 0)
        if packed:
            self._layout.addStretch(1)
        # As tall as its wrapped lines need at the width it gets.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @staticmethod
    def _group(buttons: Sequence[QWidget], *, centred: bool) -> QWidget:
        group = QWidget()
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        if centred:
            row.addStretch(1)
        for widget in buttons:
            if isinstance(widget, QAbstractButton):
                widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # a label never shorter than its text
            row.addWidget(widget)
        if centred or all(isinstance(widget, QAbstractButton) for widget in buttons):
            row.addStretch(1)  # buttons keep their size; text takes the width and wraps only when it must
        return group

    def minimumSizeHint(self) -> QSize:
        # Never wider than the wider group: the row can always stack instead.
        first, second = self.first.minimumSizeHint(), self.second.minimumSizeHint()
        if self.stacked:
            return QSize(max(first.width(), second.width()), first.height() + second.height() + self._layout.spacing())
        return QSize(max(first.width(), second.width()), max(first.height(), second.height()))

    @property
    def stacked(self) -> bool:
        return self._layout.direction() is QBoxLayout.Direction.TopToBottom

    def refit(self) -> None:
        """One row when both groups fit at their full length, else two."""
        needed = self.first.sizeHint().width() + self.second.sizeHint().width() + self._layout.spacing()
        wanted = QBoxLayout.Direction.TopToBottom if needed > self.width() else QBoxLayout.Direction.LeftToRight
        if wanted is not self._layout.direction():
            self._layout.setDirection(wanted)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()
