"""Every screen read as a screen reader reads it: all visible text reachable, every control named."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from stretch_gui.core.session.clock import FakeClock
from tests.support.reader import problems
from tests.support.window import MakeWindow, open_goals_dialog, open_morning_dialog, step

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


def look(widget, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    for _ in range(3):
        QApplication.processEvents()
    return [f"{where}: {problem}" for problem in problems(widget)]


def test_every_screen_can_be_heard(make_window: MakeWindow, clock: FakeClock, qtbot: QtBot, back_spasm: Path) -> None:
    window = make_window()
    found = look(window, "start")
    window.open_file(back_spasm)
    found += look(window, "ready")
    window.player.driver.session.start()
    step(clock, window, 80)
    found += look(window, "hold")
    step(clock, window, window.player.driver.session.plan.total)
    found += look(window, "completion")
    window.play(window._current)  # type: ignore[arg-type]
    window.player.driver.session.start()
    window.player.stop_for_pain()
    found += look(window, "stopped for pain")
    assert not found, "\n".join(found)


def test_every_dialog_can_be_heard(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    window.open_settings()
    window.show_help()
    window.show_history()
    open_goals_dialog(window)  # the window here keeps no history, so it is opened as the weekly offer would
    open_morning_dialog(window)
    open_morning_dialog(window, answered=True)
    found: list[str] = []
    for dialog in window.findChildren(QDialog):
        if dialog.isVisible():
            found += look(dialog, dialog.objectName())
            dialog.close()
    assert not found, "\n".join(found)


def test_the_history_at_its_fullest_can_be_heard(settings, tmp_path: Path, qtbot: QtBot, no_dangling_timers) -> None:  # type: ignore[no-untyped-def]
    """The routine chooser, the next-morning rows and a session not counted, through QAccessible."""
    from PySide6.QtGui import QAccessible

    from stretch_gui.core.session.clock import local_now
    from stretch_gui.ui.app import create_window
    from stretch_gui.ui.dialogs.history import HistoryDialog
    from tests.support.history import two_routines_history

    two_routines_history(tmp_path / "history.sqlite3", tmp_path, local_now())
    settings.morning_check_put_off = local_now().date()  # the morning question is another test's
    window = create_window(settings=settings, history_file=tmp_path / "history.sqlite3")
    qtbot.addWidget(window)
    no_dangling_timers.append(window)
    window.show()
    window.show_history()
    dialog = window.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    found = look(dialog, "history")
    chooser = QAccessible.queryAccessibleInterface(dialog.chooser)
    assert chooser.role() is QAccessible.Role.ComboBox
    assert chooser.text(QAccessible.Text.Name) == "Evening stretches for a long day at the desk"  # the routine shown
    short = dialog.chooser.findText("Short test routine")
    dialog.chooser.setCurrentIndex(short)
    dialog.chooser.activated.emit(short)  # its sessions have the next-morning checks
    found += look(dialog, "history, Short test routine")
    spoken = [
        (dialog.list.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.AccessibleTextRole) or "")
        for i in range(dialog.list.topLevelItemCount())
        for j in range(dialog.list.topLevelItem(i).childCount())
    ]
    assert any(line.startswith("Next morning, ") and "pain 3 out of 10, worse; advice: ease back" in line for line in spoken)
    assert any("not counted: no exercise was done" in line for line in spoken)
    dialog.close()
    window.close()
    assert not found, "\n".join(found)


def test_the_pain_scale_is_one_single_choice_group(make_window: MakeWindow, back_spasm: Path) -> None:
    from PySide6.QtGui import QAccessible

    window = make_window(back_spasm)
    row = window.player.before_check_in
    readers = [QAccessible.queryAccessibleInterface(button) for button in row.buttons]
    assert {reader.role() for reader in readers} == {QAccessible.Role.RadioButton}
    assert all(reader.state().checkable for reader in readers)
    row.set_value(4)
    assert [bool(reader.state().checked) for reader in readers] == [value == 4 for value in range(11)]
    assert readers[4].text(QAccessible.Text.Name).startswith("Pain 4")
    group = QAccessible.queryAccessibleInterface(row.buttons[0].parentWidget().parentWidget())
    assert "Pain right now" in group.text(QAccessible.Text.Name)
