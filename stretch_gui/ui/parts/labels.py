"""Labels with an object name for tests and a role for the style sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def label(name: str, accessible: str, *, role: str = "", wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(parent, objectName=name)
    widget.setAccessibleName(accessible)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget
