"""Windows for the widget tests: settings in a file under tmp_path, a fake clock, and the look put back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.app import create_window
from stretch_gui.ui.window import MainWindow
from tests.support.timers import TimerWatch
from tests.support.window import MakeWindow, activate, settings_over


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "stretch-gui.ini"


@pytest.fixture
def settings(settings_file: Path) -> AppSettings:
    return settings_over(settings_file)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[None]:
    """Tests that switch theme or text size put the application's look back afterwards."""
    sheet, palette = qapp.styleSheet(), QPalette(qapp.palette())
    current, scale = theme._current, theme._scale
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    theme._current, theme._scale = current, scale


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: AppSettings, clock: FakeClock, no_dangling_timers: TimerWatch
) -> MakeWindow:
    """``make_window(file=None, clock=<the fake clock>)``: a shown, active main window."""

    def make(file: Path | None = None, *, clock: object = clock) -> MainWindow:
        window = create_window(file, settings=settings, clock=clock)
        qtbot.addWidget(window)
        no_dangling_timers.append(window)
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        return window

    return make


@pytest.fixture
def back_spasm(repo_root: Path) -> Path:
    return repo_root / "routines" / "back-spasm-relief.yaml"
