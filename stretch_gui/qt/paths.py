"""Where the history lives, and exporting it: shared by the window's menu and the CLI.

Needs QtCore only (no QApplication), so the command line can find the same file the window
uses. The names here must stay those ``stretch_gui.ui.app.run`` gives the application.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stretch_gui.core.record.store import History

ORGANIZATION = "stretch-gui"
APPLICATION = "stretch-gui"
DATABASE_NAME = "history.sqlite3"


def history_database_path() -> Path:
    """``<AppDataLocation>/history.sqlite3``, e.g. ~/.local/share/stretch-gui/stretch-gui/history.sqlite3."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # Unset, the application name is the executable's ("python"): set the window's names,
    # which makes the CLI find the window's file and changes nothing inside the window.
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / DATABASE_NAME


def export_history_csv(history: History, path: str | Path) -> int:
    """Write every session to ``path`` as CSV, atomically; returns how many sessions.

    Raises ``HistoryError`` (reading) or ``atomic.SaveError`` (writing); both messages can be shown as they are.
    """
    from stretch_gui.core.record.csv_export import csv_bytes
    from stretch_gui.qt.atomic import save_atomically

    records = history.sessions()
    save_atomically(path, csv_bytes(records, history.hurt_marks, history.goals()))
    return len(records)
