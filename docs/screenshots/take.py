"""Take the README screenshots: run under Xvfb (see README), writes PNGs beside this file.

A fake clock puts the player at exact moments (mid in-breath, a rest), so the
pictures are the same on every run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from stretch_gui.core.routine.plan import SegmentKind
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window

OUT = Path(__file__).resolve().parent


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(window, name: str, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    settle(app)
    window.grab().save(str(OUT / f"{name}.png"))


def main() -> int:
    app = QApplication(sys.argv[:1])
    for theme_name in ("light", "dark"):
        store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        settings = AppSettings(store)
        settings.theme = theme_name
        clock = FakeClock()
        window = create_window(settings=settings, clock=clock)
        window.resize(1280, 800)
        window.show()
        shoot(window, f"start-{theme_name}", app)

        entry = next(e for e in window.start_screen.entries if e.path.name == "back-spasm-relief.yaml")
        window.play(entry)
        session = window.player.driver.session
        shoot(window, f"ready-{theme_name}", app)
        segments = session.plan.segments
        moments = {
            # A sided hold, 2.5 s into its first in-breath.
            "hold": next(s for s in segments if s.kind is SegmentKind.HOLD and s.side is not None).start + 2.5,
            "rest": next(s for s in segments if s.kind is SegmentKind.REST and s.cue).start + 4,
            "reps": next(s for s in segments if s.kind is SegmentKind.REPS).start + 24.5,
        }
        session.start()
        began = clock.now()
        for name, moment in sorted(moments.items(), key=lambda item: item[1]):
            clock.advance(moment - (clock.now() - began))
            window.player.driver.tick()
            shoot(window, f"{name}-{theme_name}", app)
        clock.advance(session.plan.total)
        window.player.driver.tick()
        shoot(window, f"complete-{theme_name}", app)

        window.play(entry)
        window.player.driver.session.start()
        clock.advance(20)
        window.player.driver.tick()
        window.player.stop_for_pain()
        shoot(window, f"stopped-for-pain-{theme_name}", app)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
