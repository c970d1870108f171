"""File › Export progress report…: which sessions, where to save, then the PDF.

The words come from ``stretch_gui.core.content.report``; the pages from ``stretch_gui.qt.report_pdf``.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from stretch_gui.core.content import report as words
from stretch_gui.core.record.store import History, HistoryError
from stretch_gui.core.routine.model import Routine


class ReportDialog(QDialog):
    """Asks for the first day to report on (the last four weeks unless changed)."""

    def __init__(self, today: datetime.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(words.DIALOG_TITLE)
        intro = QLabel(words.DIALOG_INTRO)
        intro.setWordWrap(True)
        self.since = QDateEdit(_qdate(words.default_since(today)))
        self.since.setObjectName("reportSinceEdit")
        self.since.setCalendarPopup(True)
        self.since.setMaximumDate(_qdate(today))
        self.since.setDisplayFormat("d MMMM yyyy")
        form = QFormLayout()
        form.addRow(words.SINCE_LABEL, self.since)  # the label is the date field's buddy: read with it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("reportButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen_since(self) -> datetime.date:
        chosen = self.since.date()
        return datetime.date(chosen.year(), chosen.month(), chosen.day())


def _qdate(day: datetime.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def export_report(routine: Routine, history: History, parent: QWidget | None = None) -> Path | None:
    """Ask which sessions and where, write the PDF, say plainly if that failed. The path when written."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from stretch_gui.core.resources import data_dir
    from stretch_gui.qt.handout_pdf import HandoutWriteError, default_paper
    from stretch_gui.qt.report_pdf import write_report_pdf

    today = history.today()
    dialog = ReportDialog(today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    since = dialog.chosen_since()
    source = routine.source
    if source and source.parent.resolve() != data_dir("routines").resolve() and os.access(source.parent, os.W_OK):
        folder = source.parent
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    name = words.file_name(source.stem if source else "routine", today)
    chosen, _ = QFileDialog.getSaveFileName(parent, words.DIALOG_TITLE, str(folder / name), "PDF files (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    try:
        report = words.report_from_history(history, routine, since=since, today=today)
        write_report_pdf(report, path, paper=default_paper())
    except (HistoryError, HandoutWriteError) as exc:
        QMessageBox.warning(parent, words.NOT_SAVED_TITLE, words.not_saved(exc))
        return None
    return path
