"""Start the Qt application: theme, settings, the main window, and an optional file."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stretch_gui.core import preferences as prefs
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.core.session.clock import Clock
from stretch_gui.qt import desktop
from stretch_gui.qt.paths import history_database_path
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.application import make_application, prepare_application, schema_memory
from stretch_gui.ui.window import MainWindow


def create_window(
    file: Path | None = None,
    *,
    settings: AppSettings | None = None,
    clock: Clock | None = None,
    history_file: Path | None = None,
    schema_memory: SchemaMemory | None = None,
) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create a QApplication first"
    settings = settings or AppSettings()
    theme.apply(app, settings.theme, settings.text_size)
    window = MainWindow(settings, clock=clock, history_file=history_file, schema_memory=schema_memory)
    if file is not None:
        window.open_file(file)
    return window


def run(file: Path | None = None) -> int:
    # instance() is typed as the core application; the only one this process makes is a QApplication.
    app = cast(QApplication, QApplication.instance() or make_application())
    prepare_application(app)
    settings = AppSettings()
    window = create_window(file, settings=settings, history_file=history_database_path(), schema_memory=schema_memory())
    window.place_on_screen()
    window.show_placed()
    # The portal can take up to desktop.WAIT_MS to answer: asked after the first paint, which is
    # still before anything moves (a routine opens paused, the start screen has no motion).
    QTimer.singleShot(0, lambda: follow_desktop_motion(settings))
    return app.exec()


def follow_desktop_motion(settings: AppSettings) -> None:
    reduced_motion = desktop.prefers_reduced_motion()
    if reduced_motion is not None:
        settings.follow_desktop({prefs.REDUCED_MOTION.key: reduced_motion})
