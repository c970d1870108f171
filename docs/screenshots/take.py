"""Take the README screenshots as a patient sees them: a maximized window on a 1366x768 screen.

Run under Xvfb with a window manager, from the checkout:

    Xvfb :5 -screen 0 1366x768x24 & DISPLAY=:5 openbox &
    DISPLAY=:5 .venv/bin/python docs/screenshots/take.py

A fake clock puts the player at exact moments (mid in-breath, a rest), so the
pictures are the same on every run. Writes PNGs beside this file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from stretch_gui.core.routine.plan import SegmentKind
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.application import make_application, prepare_application
from stretch_gui.ui.window import MainWindow

OUT = Path(__file__).resolve().parent


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()
    time.sleep(0.3)  # the window manager maximizes the window in its own time
    for _ in range(10):
        app.processEvents()


def shoot(window: MainWindow, name: str, app: QApplication) -> None:
    settle(app)
    window.grab().save(str(OUT / f"{name}.png"))


def new_window(app: QApplication, theme: str, text_size: str) -> tuple[MainWindow, FakeClock]:
    settings = AppSettings(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
    settings.theme, settings.text_size = theme, text_size
    clock = FakeClock()
    window = create_window(settings=settings, clock=clock)
    window.showMaximized()
    return window, clock


def tour(app: QApplication, theme: str) -> None:
    window, clock = new_window(app, theme, "normal")
    shoot(window, f"start-{theme}", app)
    entry = next(e for e in window.start_screen.entries if e.path.name == "back-spasm-relief.yaml")
    window.play(entry)
    shoot(window, f"ready-{theme}", app)
    session = window.player.driver.session
    segments = session.plan.segments
    moments = {
        "hold": next(s for s in segments if s.kind is SegmentKind.HOLD and s.side is not None).start + 2.5,
        "rest": next(s for s in segments if s.kind is SegmentKind.REST and s.cue).start + 4,
        "reps": next(s for s in segments if s.kind is SegmentKind.REPS).start + 24.5,
    }
    session.start()
    began = clock.now()
    for name, moment in sorted(moments.items(), key=lambda item: item[1]):
        clock.advance(moment - (clock.now() - began))
        window.player.driver.tick()
        shoot(window, f"{name}-{theme}", app)
    clock.advance(session.plan.total)
    window.player.driver.tick()
    shoot(window, f"complete-{theme}", app)
    window.play(entry)
    window.player.driver.session.start()
    clock.advance(20)
    window.player.driver.tick()
    window.player.stop_for_pain()
    shoot(window, f"stopped-for-pain-{theme}", app)
    window.close()


def largest_text(app: QApplication) -> None:
    window, clock = new_window(app, "light", "largest")
    entry = next(e for e in window.start_screen.entries if e.path.name == "back-spasm-relief.yaml")
    window.play(entry)
    session = window.player.driver.session
    hold = next(s for s in session.plan.segments if s.kind is SegmentKind.HOLD and s.side is not None)
    session.start()
    clock.advance(hold.start + 2.5)
    window.player.driver.tick()
    shoot(window, "hold-largest-text", app)
    window.close()


def main() -> int:
    app = make_application()  # as the app makes it
    prepare_application(app)
    for theme in ("light", "dark"):
        tour(app, theme)
    largest_text(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
