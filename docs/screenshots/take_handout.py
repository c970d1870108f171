"""Render the handout screenshots (page 1 and the log page of Back spasm relief) beside this file.

Needs no display: ``python docs/screenshots/take_handout.py``. QtPdf renders the pages,
so no PDF tool is needed either.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter

from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.qt.handout_pdf import ensure_gui_application, write_pdf

OUT = Path(__file__).resolve().parent
DPI = 100


def main() -> int:
    app = ensure_gui_application()
    from PySide6.QtPdf import QPdfDocument

    routine_file = next(path for path in builtin_routine_files() if path.stem == "back-spasm-relief")
    pdf = Path(tempfile.mkdtemp()) / "handout.pdf"
    pages = write_pdf(load_routine_file(routine_file), pdf)
    document = QPdfDocument(app)
    document.load(str(pdf))
    for index, name in ((0, "handout-1"), (pages - 1, "handout-log")):
        points = document.pagePointSize(index)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        page = QImage(size, QImage.Format.Format_RGB32)
        page.fill(Qt.GlobalColor.white)  # QtPdf renders onto transparency; paper is white
        painter = QPainter(page)
        painter.drawImage(0, 0, document.render(index, size))
        painter.end()
        page.save(str(OUT / f"{name}.png"))
        print(OUT / f"{name}.png")
    document.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
