"""Where the app keeps its files: the window and the command line must agree."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_default_path_uses_the_names_the_window_sets(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """``app.run`` and ``history_database_path`` must name the application alike, or the CLI reads another file."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from stretch_gui.qt.paths import history_database_path
    from stretch_gui.ui import app

    saved = (QCoreApplication.organizationName(), QCoreApplication.applicationName())

    class NoWindow:
        def place_on_screen(self) -> None:
            pass

        def show_placed(self) -> None:
            pass

    given: list[Path | None] = []

    def create_window(file=None, *, history_file=None, **_ignored):  # type: ignore[no-untyped-def]
        given.append(history_file)
        return NoWindow()

    monkeypatch.setattr(app, "create_window", create_window)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    try:
        assert app.run() == 0
        window_location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert given == [Path(window_location) / "history.sqlite3"]  # the window records where the CLI reads
        QCoreApplication.setOrganizationName("something else")
        QCoreApplication.setApplicationName("python")
        assert history_database_path() == Path(window_location) / "history.sqlite3"
    finally:
        QCoreApplication.setOrganizationName(saved[0])
        QCoreApplication.setApplicationName(saved[1])
