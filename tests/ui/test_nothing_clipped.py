"""Nothing clipped, ever: every screen, at every text size, on a maximized 1366x768 laptop screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from stretch_gui.core import preferences as prefs
from stretch_gui.core.routine.plan import SegmentKind
from stretch_gui.core.session.clock import FakeClock, local_now
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.window import MainWindow
from tests.support.clipping import clipped
from tests.support.window import MakeWindow, open_goals_dialog, open_morning_dialog, step

# The window's inside on a maximized 1366x768 screen, under a title bar and a panel.
LAPTOP = (1366, 705)
SMALL_LAPTOP = (1280, 657)  # the same on a 1280x720 screen
SIZES = list(prefs.TEXT_SCALES)

pytestmark = [pytest.mark.slow, pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")]


def settle(window: QWidget) -> None:
    for _ in range(3):
        QApplication.processEvents()


def look(window: QWidget, where: str) -> list[str]:
    settle(window)
    return [f"{where}: {problem}" for problem in clipped(window)]


@pytest.fixture
def laptop_window(make_window: MakeWindow, settings: AppSettings, restore_theme: None, back_spasm: Path):  # type: ignore[no-untyped-def]
    def make(size: str, screen: tuple[int, int] = LAPTOP, eased: Path | None = None) -> MainWindow:
        settings.text_size = size
        if eased is not None:  # made easier today after a worse morning
            settings.recent_files = [eased.resolve()]
            settings.easier_days = {str(eased.resolve()): date.today()}
        window = make_window()
        window.resize(*screen)
        settle(window)
        return window

    return make


@pytest.mark.parametrize(
    ("size", "screen"), [(size, LAPTOP) for size in SIZES] + [("normal", SMALL_LAPTOP), ("largest", SMALL_LAPTOP)]
)
def test_every_screen_fits_its_text(  # type: ignore[no-untyped-def]
    laptop_window, size: str, screen: tuple[int, int], clock: FakeClock, qtbot: QtBot, back_spasm: Path
) -> None:
    # The start screen with the routine eased today: its note and "Full routine today" beside Start.
    window = laptop_window(size, screen, eased=back_spasm)
    assert window.start_screen.findChild(QPushButton, "fullRoutineButton").isVisible()
    problems = look(window, "start")
    window.settings.easier_days = {}  # the rest as written
    window.open_file(back_spasm)
    problems += look(window, "ready")
    session = window.player.driver.session
    session.start()
    firsts = [next(s for s in session.plan.segments if s.kind is kind) for kind in SegmentKind]
    for segment in sorted(firsts, key=lambda s: s.start):
        step(clock, window, segment.start + 2 - (session.plan.total - session.routine_remaining()))
        problems += look(window, segment.kind.value)
    step(clock, window, session.plan.total)
    problems += look(window, "completion")
    window.play(window._current)  # type: ignore[arg-type]
    window.player.driver.session.start()
    window.player.stop_for_pain()
    problems += look(window, "stopped for pain")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", SIZES)
def test_every_dialog_fits_its_text(laptop_window, size: str, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = laptop_window(size)
    problems: list[str] = []
    window.open_settings()
    window.show_help()
    window.show_history()
    open_goals_dialog(window)  # the window here keeps no history, so it is opened as the weekly offer would
    open_morning_dialog(window)
    open_morning_dialog(window, answered=True)
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            screen = window.screen().availableGeometry()
            dialog.resize(min(dialog.width(), LAPTOP[0]), min(dialog.height(), LAPTOP[1]))
            assert dialog.height() <= max(LAPTOP[1], screen.height()), f"{dialog.objectName()} is taller than the screen"
            problems += look(dialog, dialog.objectName())
            dialog.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", SIZES)
def test_the_history_at_its_fullest_fits_its_text(  # type: ignore[no-untyped-def]
    settings: AppSettings, restore_theme: None, tmp_path: Path, size: str, qtbot: QtBot, no_dangling_timers
) -> None:
    """Two routines to choose from, next-morning rows and a session not counted, at every text size."""
    from stretch_gui.ui.app import create_window
    from stretch_gui.ui.dialogs.history import HistoryDialog
    from tests.support.history import two_routines_history

    two_routines_history(tmp_path / "history.sqlite3", tmp_path, local_now())
    settings.text_size = size
    settings.morning_check_put_off = local_now().date()  # the morning question is another test's
    window = create_window(settings=settings, history_file=tmp_path / "history.sqlite3")
    qtbot.addWidget(window)
    no_dangling_timers.append(window)
    try:
        window.resize(*LAPTOP)
        window.show()
        settle(window)
        window.show_history()
        dialog = window.findChild(HistoryDialog, "historyDialog")
        assert dialog is not None and dialog.chooser.isVisible()
        problems: list[str] = []
        for choice in range(dialog.chooser.count()):  # each routine, then all of them
            dialog.chooser.setCurrentIndex(choice)
            dialog.chooser.activated.emit(choice)
            dialog.resize(min(dialog.width(), LAPTOP[0]), min(dialog.height(), LAPTOP[1]))
            assert dialog.height() <= LAPTOP[1], f"the history is taller than the screen at {size}"
            problems += look(dialog, f"history, {dialog.chooser.currentText()}")
            if dialog.chooser.width() + 2 < dialog.chooser.minimumSizeHint().width():
                problems.append(f"the routine chooser is cut: {dialog.chooser.width()} px")
        dialog.close()
    finally:
        window.close()
    assert not problems, "\n".join(problems)
