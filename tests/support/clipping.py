"""Finding text that does not fit: a button narrower than its label, a label shorter than its lines."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

SLACK = 2  # pixels of rounding


def _visible_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` its ancestors leave visible; all of it inside a scroll area (it can be scrolled to)."""
    rect = QRect(QPoint(0, 0), widget.size())
    ancestor = widget.parentWidget()
    while ancestor is not None:
        above = ancestor.parentWidget()
        if isinstance(above, QAbstractScrollArea) and ancestor is above.viewport():
            # Out of view downwards can be scrolled to; sideways cannot, where the bar is off.
            corner = widget.mapTo(ancestor, QPoint(0, 0))
            if above.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                return rect.intersected(QRect(-corner.x(), -10**6, ancestor.width(), 2 * 10**6))
            return rect
        corner = widget.mapTo(ancestor, QPoint(0, 0))
        rect = rect.intersected(QRect(-corner, ancestor.size()))
        if ancestor.isWindow():
            break
        ancestor = above
    return rect


def clipped(root: QWidget) -> list[str]:
    """Every visible label or button under ``root`` whose text does not fit where it is shown."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + SLACK < widget.minimumSizeHint().width():
                found.append(
                    f"button {name} {widget.text()!r}: {widget.width()} px wide, needs {widget.minimumSizeHint().width()}"
                )
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() + SLACK < needed:
                    found.append(f"label {name}: {widget.height()} px tall, its lines need {needed}")
            elif widget.width() + SLACK < widget.sizeHint().width() and not widget.property("elided"):
                found.append(f"label {name} {widget.text()[:40]!r}: {widget.width()} px wide, needs {widget.sizeHint().width()}")
        else:
            continue
        seen = _visible_rect(widget)
        if seen.height() + SLACK < widget.height() or seen.width() + SLACK < widget.width():
            found.append(
                f"{name}: cut off by the window or a panel"
                f" ({seen.width()}x{seen.height()} of {widget.width()}x{widget.height()})"
            )
    return found
