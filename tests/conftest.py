"""Fixtures for every test. Qt is imported here only once a test has loaded it: core tests stay Qt-free."""

from __future__ import annotations

import os

# Before anything imports Qt: tests run on machines without a display, on a screen the size of
# the commonest laptop's (1366x768), so windows and dialogs are sized as a patient's would be.
_LAPTOP_SCREEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "support", "laptop-screen.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_LAPTOP_SCREEN}")
# ... and without sound: the app stays away from the audio system (tests of sound lift this).
os.environ.setdefault("STRETCH_GUI_SOUND", "off")

# Imported after the environment above, which Qt reads when it loads.
import sys  # noqa: E402
import textwrap  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests.support.timers import TimerWatch  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent


SUBPROCESS_FIXTURES = {"python", "subprocess_env", "cli"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts another interpreter is slow by nature: mark it so `-m "not slow"` skips it."""
    for item in items:
        if SUBPROCESS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.subprocess)
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("realtime") or item.get_closest_marker("subprocess"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout being tested (holds pyproject.toml, routines/, assets/)."""
    return REPO_ROOT


@pytest.fixture
def write_routine(tmp_path: Path) -> Callable[..., Path]:
    """``write_routine(text, name="routine.yaml")`` writes a file under tmp_path and returns its path.

    ``text`` is dedented, so tests can indent YAML with the code; bytes are written as they are.
    """

    def write(text: str | bytes, name: str = "routine.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def subprocess_env() -> dict[str, str]:
    """Environment for running ``python -m stretch_gui`` from another folder.

    The checkout goes first on PYTHONPATH so the code under test is used whether or not
    it is pip-installed into the interpreter running the tests.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONSTARTUP", None)
    return env


@pytest.fixture(scope="session")
def python() -> str:
    """The interpreter running the tests, for subprocesses."""
    return sys.executable


# -- the leaked-timer guard ------------------------------------------------------------
#
# Every test that has loaded Qt is checked, as napari does: a QTimer still running, or a
# QTimer.singleShot still pending, once the test's windows are closed and deleted fails
# the test and names the line that started it. Tests that never import Qt pay nothing.


@pytest.fixture(autouse=True)
def no_dangling_timers(monkeypatch: pytest.MonkeyPatch) -> Iterator[TimerWatch]:
    """Fail a Qt test that leaves a timer running or a single shot pending once its windows are gone."""
    if "PySide6.QtCore" not in sys.modules:
        yield TimerWatch()  # a Qt-free test: nothing to watch, and Qt stays unloaded
        return
    watch = TimerWatch()
    watch.install(monkeypatch)
    yield watch
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    if app is None:
        return
    # pytest-qt has closed the windows given to qtbot.addWidget by now; close any it missed.
    for window in watch.windows:
        if shiboken6.isValid(window):
            window.close()
    QCoreApplication.processEvents()
    # Delete the closed windows now: left for later, a restyle in the next test repolishes them.
    for window in watch.windows:
        if shiboken6.isValid(window):
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()  # single shots of 0 ms asked for while closing run now
    dangling = watch.dangling()
    watch.stop_all()  # so the next test does not inherit them
    if dangling:
        pytest.fail("Qt timer left running after the test: " + "; ".join(dangling), pytrace=False)
