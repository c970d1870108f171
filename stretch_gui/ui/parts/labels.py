"""Labels with an object name for tests and a role for the style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def label(name: str, purpose: str = "", *, role: str = "", wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    """A label whose own text is what a screen reader reads: no fixed accessible name hides it.

    ``purpose`` says what the label is for, to the reader of this code only.
    """
    widget = QLabel(parent)
    widget.setObjectName(name)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget
