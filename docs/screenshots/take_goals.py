"""Take the goals screenshots beside this file (the goals dialog, and History with its goals chart);
run under Xvfb at the commonest laptop size:

    Xvfb :5 -screen 0 1366x768x24 & DISPLAY=:5 openbox & DISPLAY=:5 .venv/bin/python docs/screenshots/take_goals.py

The history of take_history.py, plus four weekly ratings of three activities, ending today.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take_history import build_history

from stretch_gui.core.record.store import History
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.history import HistoryDialog

OUT = Path(__file__).resolve().parent
ACTIVITIES = ["Walk to the shops and back", "Sit through a film", "Lift my daughter"]
WEEKS = [(21, (2, 3, 1)), (14, (3, 4, 2)), (7, (5, 4, 3)), (0, (6, 6, 3))]


def add_goals(path: Path) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    moment = [now]
    with History(path, wall_clock=lambda: moment[0]) as history:
        for days_ago, scores in WEEKS:
            moment[0] = now - timedelta(days=days_ago)
            history.save_goals(ACTIVITIES, dict(zip(ACTIVITIES, scores, strict=True)))


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = QApplication(sys.argv[:1])
    history_file = build_history(Path(tempfile.mkdtemp()) / "history.sqlite3")
    add_goals(history_file)
    for size in ("normal", "largest"):
        settings = AppSettings(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
        settings.theme = "light"
        settings.text_size = size
        window = create_window(settings=settings, clock=FakeClock(), history_file=history_file)
        window.showMaximized()
        settle(app)
        window.findChild(QAction, "goalsAction").trigger()
        settle(app)
        assert window.goals_dialog is not None
        window.goals_dialog.grab().save(str(OUT / f"goals-{size}.png"))
        window.goals_dialog.close()
        if size == "normal":
            window.findChild(QAction, "historyAction").trigger()
            dialog = window.findChild(HistoryDialog, "historyDialog")
            settle(app)
            dialog.grab().save(str(OUT / "history-goals-light.png"))
            dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
