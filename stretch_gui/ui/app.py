"""Start the Qt application: theme, settings, the main window, and an optional file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretch_gui.core import preferences as prefs
from stretch_gui.core.resources import data_dir
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.core.session.clock import Clock
from stretch_gui.qt import desktop
from stretch_gui.qt.paths import APPLICATION, ORGANIZATION, history_database_path
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
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


def app_icon() -> QIcon:
    """The icon at the sizes it was drawn for; Qt reads a file only when a size is shown."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(data_dir("assets") / "icons" / f"stretch-gui-{size}.png"))
    return icon


def make_application() -> QApplication:
    """The application, with the app's style named on its command line rather than set afterwards.

    ``setStyle`` hands the new style back to Python, and wrapping it builds the Python enums of
    QStyle and its base classes (~6 ms and 0.5 MiB before the first paint) for a value never used.
    """
    app = QApplication([*sys.argv[:1], "-style", theme.STYLE])
    theme.mark_styled(app)
    return app


def prepare_application(app: QApplication) -> None:
    """What the real app sets up before its window; the benchmark calls it too."""
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)  # QSettings, the cache and the history all live under these
    app.setApplicationDisplayName("stretch-gui")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("stretch-gui")  # Wayland matches the window to packaging/linux/stretch-gui.desktop


def schema_memory() -> SchemaMemory | None:
    """The record of routine texts that passed the schema, in the user's cache folder."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return SchemaMemory(Path(cache) / "schema-passes.txt") if cache else None


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
