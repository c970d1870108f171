"""The application object: how the app makes and names it, and where its cache lives.

Apart from the window (``ui.app``), so that what only sets up the application can be used without
importing the window's code (the benchmark's floor window does).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stretch_gui.core.resources import data_dir
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.qt.paths import APPLICATION, ORGANIZATION
from stretch_gui.ui import theme


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
    app = QApplication([*(sys.argv[:1] or ["stretch-gui"]), "-style", theme.STYLE])  # Qt reads options after a name
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
