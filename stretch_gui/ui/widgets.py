"""Small helpers: labels with an object name, an accessible name and a role; app-wide objects."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QWidget

Shared = TypeVar("Shared", bound=QObject)


def label(name: str, accessible: str, *, role: str = "", wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(parent, objectName=name)
    widget.setAccessibleName(accessible)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def app_wide(kind: type[Shared], name: str) -> Shared:
    """The application's one ``kind`` object, made on first use as a child of the application.

    ``kind(app)`` must give itself the object name ``name``, so the next call finds it.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create a QApplication first"
    found = app.findChild(kind, name)
    return found if found is not None else kind(app)
