"""File › Export progress report…: the dialog, the save, and what the window says after."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDateEdit, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from stretch_gui.core.content import report as words
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.report import ReportDialog
from stretch_gui.ui.window import MainWindow
from tests.support.report import record_sessions


@pytest.fixture
def window_on_routine(qtbot: QtBot, tmp_path: Path, no_dangling_timers) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    database = tmp_path / "history.sqlite3"
    routine = record_sessions(tmp_path, database)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = create_window(routine.source, settings=settings, clock=FakeClock(), history_file=database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The report dialog accepted with ``since``, the save dialog answered with ``path`` ("" cancels)."""
    given: dict[str, object] = {"since": date(2026, 3, 2), "path": ""}

    def accept(dialog: ReportDialog) -> int:
        since = given["since"]
        assert isinstance(since, date)
        dialog.findChild(QDateEdit, "reportSinceEdit").setDate(QDate(since.year, since.month, since.day))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ReportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (given["path"], "PDF files (*.pdf)")))
    return given


def test_the_dialog_offers_the_last_four_weeks_and_no_future_day(qtbot: QtBot) -> None:
    dialog = ReportDialog(date(2026, 3, 28))
    qtbot.addWidget(dialog)
    edit = dialog.findChild(QDateEdit, "reportSinceEdit")
    assert edit.date() == QDate(2026, 3, 1)
    assert edit.maximumDate() == QDate(2026, 3, 28)
    assert dialog.chosen_since() == date(2026, 3, 1)
    assert dialog.windowTitle() == words.DIALOG_TITLE


def test_export_writes_the_report_and_says_where(window_on_routine: MainWindow, answers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    action = window_on_routine.export_report_action
    assert action.isEnabled()
    answers["path"] = str(tmp_path / "for-my-physio")  # no suffix typed: .pdf is added
    action.trigger()
    written = tmp_path / "for-my-physio.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(written)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(0).text().split())
    document.close()
    assert "Period: 2 March 2026 to " in text  # the day chosen in the dialog
    assert "Lying twist: 3 marks in 2 sessions" in text
    assert window_on_routine.statusBar().currentMessage() == f"Progress report saved: {written}"


def test_a_folder_as_the_output_is_refused_with_a_plain_message(  # type: ignore[no-untyped-def]
    window_on_routine: MainWindow, answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    answers["path"] = str(folder)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: told.append(f"{title}|{text}")))
    window_on_routine.export_report_action.trigger()
    assert len(told) == 1 and told[0].startswith(f"{words.NOT_SAVED_TITLE}|The progress report could not be saved.")
    assert "it is a folder, not a regular file" in told[0]
    assert folder.is_dir()


def test_cancelling_the_save_writes_nothing(window_on_routine: MainWindow, answers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window_on_routine.export_report_action.trigger()
    assert not list(tmp_path.glob("*.pdf"))
    assert window_on_routine.statusBar().currentMessage() == ""
