"""Take the History view screenshots (light and dark) beside this file; run under Xvfb:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_history.py

Two weeks of a patient doing Back spasm relief (planned twice a day) are played through the
real recorder on a fake clock into a throwaway history, ending today: most days once or
twice, a few missed, one stop because it hurt, pain easing from 6 to about 2.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import History, Moment
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import Session
from stretch_gui.core.wording import STOPPED_BY_CHOICE, STOPPED_FOR_PAIN
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.history import HistoryDialog

OUT = Path(__file__).resolve().parent

# (days ago, hour, how it went, pain before, pain after); "skip2": finished, two exercises skipped.
SESSIONS = [
    (13, 8, "done", 6, 5), (13, 19, "done", 6, 4),
    (12, 9, "done", 6, 5),
    (11, 8, "skip2", 7, 6), (11, 18, "done", 6, 5),
    (10, 20, "done", 5, 4),
    (8, 8, "done", 5, 4), (8, 19, "done", 5, 3),
    (7, 9, "done", 5, 3),
    (6, 8, "done", 4, 3), (6, 18, "stop", 4, None),
    (5, 9, "done", 4, 3), (5, 19, "done", 4, 2),
    (3, 8, "done", 3, 2),
    (2, 8, "done", 3, 2), (2, 20, "hurt", 4, 3),
    (1, 9, "done", 3, 1), (1, 18, "done", 2, 1),
    (0, 8, "done", 2, 1),
]


def play(history: History, routine, outcome: str) -> int:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    recorder = SessionRecorder(history, session)
    session.start()
    if outcome in ("hurt", "stop"):
        clock.advance(session.plan.total * 0.45)
        session.update()
        if outcome == "hurt":
            recorder.mark_hurt()
        session.stop(STOPPED_FOR_PAIN if outcome == "hurt" else STOPPED_BY_CHOICE)
    else:
        skips = 2 if outcome == "skip2" else 0
        while not session.state.is_over:
            if skips and session.segment.kind.value == "hold" and session.index > 8:
                session.next()
                skips -= 1
                continue
            clock.advance(session.remaining())
            session.update()
    assert recorder.session_id is not None
    return recorder.session_id


def build_history(path: Path) -> Path:
    routine_file = next(p for p in builtin_routine_files() if p.stem == "back-spasm-relief")
    routine = load_routine_file(routine_file)
    now = datetime.now().astimezone().replace(microsecond=0)
    moment = [now]
    with History(path, wall_clock=lambda: moment[0]) as history:
        for days_ago, hour, outcome, before, after in SESSIONS:
            moment[0] = (now - timedelta(days=days_ago)).replace(hour=hour, minute=5 + days_ago, second=0)
            session_id = play(history, routine, outcome)
            history.add_check_in(session_id, Moment.BEFORE, rating=before)
            if after is not None:
                history.add_check_in(session_id, Moment.AFTER, rating=after)
    return path


def main() -> int:
    app = QApplication(sys.argv[:1])
    history_file = build_history(Path(tempfile.mkdtemp()) / "history.sqlite3")
    for theme_name in ("light", "dark"):
        store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        settings = AppSettings(store)
        settings.theme = theme_name
        window = create_window(settings=settings, clock=FakeClock(), history_file=history_file)
        window.show()
        for _ in range(5):
            app.processEvents()
        window.findChild(QAction, "historyAction").trigger()
        dialog = window.findChild(HistoryDialog, "historyDialog")
        dialog.resize(1160, 860)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(OUT / f"history-{theme_name}.png"))
        print(OUT / f"history-{theme_name}.png")
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
