"""One measured process for benchmarks/run.py; not meant to be run by hand.

Usage: _child.py {app|start|floor|bare} {startup|cpu} [SECONDS]

``app`` opens the routine (the player paints first), ``start`` opens no file (the start
screen and its list of routines paint first), ``bare`` is the bare PySide6 window.
``floor`` (start-up only) is the bare window doing what the app cannot skip before its first
paint, without the player: made as the app is made, in its theme (Fusion, palette, style
sheet), with the routine read through the app's warm cache and its first words, from the
app's own guidance, in the label.

Kept small and free of heavy imports before the first timestamp, so the
app and the bare window pay the same interpreter start-up. Timestamps are
``time.monotonic()`` (CLOCK_MONOTONIC on Linux), the same clock the parent
reads just before it spawns this process, so they can be compared.
"""

import time

T_INTERPRETER = time.monotonic()  # first line of user code: the interpreter is up

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
KIND, MODE = sys.argv[1], sys.argv[2]
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
LAPTOP = (1366, 705)  # a maximized window on a 1366x768 screen, under a title bar and a panel
ROUTINE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "routines", "back-spasm-relief.yaml")

marks: dict[str, float] = {"interpreter": T_INTERPRETER}
rss: dict[str, int] = {}


def vm_rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def max_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def mark(name: str) -> None:
    marks[name] = time.monotonic()
    rss[name] = vm_rss_kib()


mark("interpreter")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

mark("qt_imported")

if KIND != "bare":
    from stretch_gui.ui.application import make_application, prepare_application, schema_memory

    if KIND != "floor":
        from stretch_gui.ui.app import create_window

    mark("app_imported")


class PaintCounter(QObject):
    """Counts paint events; on the first one, queues ``on_first`` behind the paint pass."""

    def __init__(self, on_first=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.count = 0
        self._on_first = on_first

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            if self._on_first is not None:
                first, self._on_first = self._on_first, None
                mark("paint_event")
                # Runs from the event loop after this whole repaint pass (and the flush) is done.
                QTimer.singleShot(0, first)
        return False


def emit(payload: dict) -> None:
    sys.stdout.write("RESULT " + json.dumps(payload) + "\n")
    sys.stdout.flush()


def floor_window(app: QApplication) -> tuple[QMainWindow, QLabel]:
    """The bare window, plus what any window showing this routine's first screen in the app's look must do."""
    from pathlib import Path

    from stretch_gui.core.routine.catalogue import RoutineCatalogue
    from stretch_gui.core.routine.plan import build_plan
    from stretch_gui.core.session.clock import MonotonicClock
    from stretch_gui.core.session.guidance import segment_words
    from stretch_gui.core.session.session import Session
    from stretch_gui.qt.settings import AppSettings
    from stretch_gui.ui import theme

    settings = AppSettings()
    theme.apply(app, settings.theme, settings.text_size)
    entry = RoutineCatalogue(lambda: [], memory=schema_memory()).entry(Path(ROUTINE))
    words = segment_words(Session(build_plan(entry.routine), MonotonicClock()), 0)
    window = QMainWindow()
    window.setWindowTitle(entry.routine.title)
    label = QLabel("\n".join([words.title, *(line.text for line in words.lines)]))
    label.setWordWrap(True)
    window.setCentralWidget(label)
    return window, label


def main() -> None:
    # Same steps as stretch_gui.ui.app.run(), minus app.exec() being the last call.
    if KIND == "bare":
        app = QApplication(sys.argv[:1])
    else:
        app = make_application()
        prepare_application(app)
    mark("qapplication")
    if KIND == "app":
        # Imported after the app, whose package tells PySide6 that pathlib holds no Qt, so PySide6 does
        # not read its source to find out (the real app imports it before Qt, with the same effect).
        from pathlib import Path

        window = create_window(Path(ROUTINE), schema_memory=schema_memory())
        watched = window.player
        if window.stack.currentWidget() is not window.player:
            raise SystemExit("the routine did not open in the player")
    elif KIND == "start":
        window = create_window(None, schema_memory=schema_memory())
        # Built here rather than by show() (the window builds it as it shows when no screen is open yet,
        # the same way): the same work in the same order, so that its first paint can be watched.
        watched = window.start_screen
        if window.stack.currentWidget() is not watched:
            raise SystemExit("the window did not open on the start screen")
    elif KIND == "floor":
        window, watched = floor_window(app)
    else:
        window = QMainWindow()
        window.setWindowTitle("bare")
        watched = QLabel("A bare PySide6 window")
        window.setCentralWidget(watched)
    # Both at the size of a maximized window on a 1366x768 laptop: the layout the player is made for.
    window.resize(*LAPTOP)
    mark("window_built")
    state: dict = {}

    def first_paint_done() -> None:
        mark("first_paint_done")
        state["maxrss_first_paint"] = max_rss_kib()
        print("PAINTED", flush=True)  # the parent stops its start-up clock on this line
        if MODE == "startup":
            app.quit()
        else:
            QTimer.singleShot(0, start_run)

    first = PaintCounter(first_paint_done)
    watched.installEventFilter(first)
    window.show()
    mark("shown")

    counters: dict[str, PaintCounter] = {}
    ticks = [0]

    def start_run() -> None:
        if KIND == "app":
            driver = window.player.driver
            # Skip to the first hold that has a breathing pattern: the pacer is on screen there.
            while not (driver.session.segment.kind.name == "HOLD" and driver.session.segment.breathing is not None):
                driver.next()
            state["segment"] = f"{driver.session.segment.kind.name} {driver.session.segment.title!r} " \
                               f"({driver.session.segment.duration:g} s)"
            state["segment_seconds"] = driver.session.segment.duration
            # The breathing shape and the countdown are one widget now: its paints are the animation's.
            for name, widget in (("pacer", window.player.countdown), ("countdown", window.player.countdown),
                                 ("player", window.player)):
                counters[name] = PaintCounter()
                widget.installEventFilter(counters[name])
            driver.timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
            driver.toggle()  # what Space does
            state["timer_running"] = driver.timer.isActive()
            state["pacer_visible"] = window.player.countdown.breathing
        else:
            counters["label"] = PaintCounter()
            watched.installEventFilter(counters["label"])
        usage = resource.getrusage(resource.RUSAGE_SELF)
        state["cpu0"] = usage.ru_utime + usage.ru_stime
        state["wall0"] = time.monotonic()
        QTimer.singleShot(round(SECONDS * 1000), end_run)

    def end_run() -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.monotonic() - state.pop("wall0")
        cpu = usage.ru_utime + usage.ru_stime - state.pop("cpu0")
        state.update(wall=wall, cpu=cpu, ticks=ticks[0], paints={k: c.count for k, c in counters.items()})
        if KIND == "app":
            session = window.player.driver.session
            state["still_running_hold"] = session.state.name == "RUNNING" and session.segment.kind.name == "HOLD"
        state["maxrss_after_run"] = max_rss_kib()
        app.quit()

    app.exec()
    emit({"marks": marks, "rss": rss, **state})
    # Skip interpreter and Qt teardown: it is not part of anything measured.
    os._exit(0)


main()
