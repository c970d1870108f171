"""File › Export PDF handout… and File › Print handout… in the main window."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.window import MainWindow


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator:  # type: ignore[type-arg]
    windows: list[MainWindow] = []

    def make(file: Path | None = None) -> MainWindow:
        settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        window = create_window(file, settings=settings, clock=FakeClock())
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer the save dialog with whatever path the test appends; record that it was asked."""
    answers: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, str]:
        return (answers.pop(0) if answers else "", "PDF files (*.pdf)")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return answers


def test_the_selected_routine_exports_from_the_start_screen(open_window, save_to: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    entry = window.start_screen.current_entry()
    assert entry is not None
    assert window.export_pdf_action.isEnabled() and window.print_action.isEnabled()
    assert window.handout_routine() is entry.routine
    save_to.append(str(tmp_path / "chosen"))  # no suffix typed: .pdf is added
    window.export_pdf_action.trigger()
    written = tmp_path / "chosen.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert window.statusBar().currentMessage() == f"Handout saved: {written}"


def test_the_playing_routine_is_the_one_exported(open_window, repo_root: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(repo_root / "routines" / "desk-break.yaml")
    assert window.stack.currentWidget() is window.player
    routine = window.handout_routine()
    assert routine is not None and routine.title == "Desk break"
    assert window.export_pdf_action.isEnabled()


def test_nothing_selected_disables_both(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.start_screen.list.setCurrentRow(-1)
    assert window.handout_routine() is None
    assert not window.export_pdf_action.isEnabled() and not window.print_action.isEnabled()


def test_cancelling_the_save_dialog_writes_nothing(open_window, save_to: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    before = set(tmp_path.iterdir())
    window.export_pdf_action.trigger()
    assert set(tmp_path.iterdir()) == before
    assert window.statusBar().currentMessage() == ""


def test_a_failed_export_says_so(open_window, save_to: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(f"{title}: {text}")))
    window = open_window()
    save_to.append(str(tmp_path / "missing" / "out.pdf"))
    window.export_pdf_action.trigger()
    (warning,) = warnings
    assert warning.startswith("Handout not saved: ") and "cannot write" in warning
    assert window.statusBar().currentMessage() == ""


def test_cancelling_the_print_dialog_prints_nothing(open_window, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog

    asked: list[str] = []

    def cancel(dialog: QPrintDialog) -> int:
        asked.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    window = open_window()
    routine = window.handout_routine()
    assert routine is not None
    window.print_action.trigger()
    assert asked == [f"Print “{routine.title}”"]
    assert window.statusBar().currentMessage() == ""


def test_the_handout_code_is_not_loaded_at_start_up(python: str, subprocess_env: dict[str, str], tmp_path: Path) -> None:
    code = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from stretch_gui.ui.app import create_window
window = create_window()
window.show()
app.processEvents()
print(" ".join(m for m in ("stretch_gui.qt.handout_pdf", "PySide6.QtPrintSupport", "PySide6.QtPdf") if m in sys.modules))
"""
    env = dict(subprocess_env, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    result = subprocess.run([python, "-c", code], check=False, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_exporting_over_a_fifo_is_refused_and_said(  # type: ignore[no-untyped-def]
    open_window, save_to: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(f"{title}: {text}")))
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    window = open_window()
    save_to.append(str(fifo))
    window.export_pdf_action.trigger()
    (warning,) = warnings
    assert f"cannot write {fifo}: it is a named pipe, not a regular file" in warning
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
