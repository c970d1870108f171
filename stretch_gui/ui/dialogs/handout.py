"""File › Print handout and File › Export PDF handout: the dialogs around the handout's pages."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QWidget

from stretch_gui.core.content.handout import build_handout
from stretch_gui.core.routine.model import Routine
from stretch_gui.qt.handout_pdf import MARGIN_MM, HandoutWriteError, default_paper, paint_handout, write_pdf


def print_routine(routine: Routine, parent: QWidget | None = None) -> bool:
    """File › Print…: the printer dialog, then the same pages as the PDF. True when printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(routine.title)
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print “{routine.title}”")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    try:
        paint_handout(build_handout(routine), printer)
    except HandoutWriteError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, "Not printed", f"The handout could not be printed.\n\n{exc}")
        return False
    return True


def export_pdf(routine: Routine, parent: QWidget | None = None) -> Path | None:
    """File › Export PDF…: ask where, write it, and say plainly if that failed. The path when written."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from stretch_gui.core.resources import data_dir

    source = routine.source
    # Next to the physio's file; never inside the app's own folder of built-in routines.
    if source and source.parent.resolve() != data_dir("routines").resolve() and os.access(source.parent, os.W_OK):
        folder = source.parent
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    stem = source.stem if source else "handout"
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export PDF handout", str(folder / f"{stem}.pdf"), "PDF files (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
    try:
        write_pdf(routine, path, paper=default_paper())
    except HandoutWriteError as exc:
        QMessageBox.warning(parent, "Handout not saved", f"The handout could not be saved.\n\n{exc}")
        return None
    return path
