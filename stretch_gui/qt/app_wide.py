"""The application's single instance of a service object (the sound player, the speaker)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject

Shared = TypeVar("Shared", bound=QObject)


def app_wide(kind: type[Shared], name: str) -> Shared:
    """The application's one ``kind`` object, made on first use as a child of the application.

    ``kind(app)`` must give itself the object name ``name``, so the next call finds it.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create a QApplication first"
    found = app.findChild(kind, name)
    return found if found is not None else kind(app)
