"""Render every exercise picture on the light and the dark background, as the app draws them.

Run ``QT_QPA_PLATFORM=offscreen python docs/screenshots/contact_sheet.py``. It writes
next to itself ``illustrations-200.png`` (each figure 200 px wide: light, dark, and mirrored
as for the right side), ``illustrations-800.png`` (each figure 800 px wide, light and dark)
and ``illustrations-cat-cow-frames.png`` (cat-cow's nine frames in order, 200 px, light and
dark: the body the player moves with the breath).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
ILLUSTRATIONS = HERE.parent.parent / "assets" / "illustrations"
LIGHT, DARK = QColor("#f6f4ef"), QColor("#1e2226")
LABEL_HEIGHT = 26
GAP = 12


def frames() -> list[Path]:
    return sorted(ILLUSTRATIONS.glob("cat-cow-[0-9][0-9].svg"))


def pictures() -> list[Path]:
    """The figures: every picture but the in-between frames of a movement."""
    moving = set(frames())
    return [path for path in sorted(ILLUSTRATIONS.glob("*.svg")) if path not in moving]


def draw_cell(painter: QPainter, svg: QSvgRenderer, cell: QRectF, *, background: QColor, mirrored: bool, label: str) -> None:
    painter.fillRect(cell, background)
    picture = QRectF(cell.x(), cell.y(), cell.width(), cell.height() - LABEL_HEIGHT)
    painter.save()
    if mirrored:
        # The same flip the app's Illustration widget applies for the right side.
        painter.translate(picture.center().x() * 2, 0)
        painter.scale(-1, 1)
    svg.render(painter, picture)
    painter.restore()
    painter.setPen(QColor("#1d2833") if background == LIGHT else QColor("#e9eef2"))
    painter.drawText(
        QRectF(cell.x() + 6, cell.bottom() - LABEL_HEIGHT, cell.width() - 12, LABEL_HEIGHT),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        label,
    )


def sheet(width: int, variants: list[tuple[str, QColor, bool]], columns: int, files: list[Path]) -> QImage:
    return sheet_of(width, [(path, variant) for path in files for variant in variants], columns)


def sheet_of(width: int, cells: list[tuple[Path, tuple[str, QColor, bool]]], columns: int) -> QImage:
    cell_w, cell_h = width, width * 3 // 4 + LABEL_HEIGHT
    rows = (len(cells) + columns - 1) // columns
    image = QImage(GAP + columns * (cell_w + GAP), GAP + rows * (cell_h + GAP), QImage.Format.Format_RGB32)
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont()
    font.setPixelSize(13 if width < 400 else 18)
    painter.setFont(font)
    for index, (path, (name, background, mirrored)) in enumerate(cells):
        row, column = divmod(index, columns)
        cell = QRectF(GAP + column * (cell_w + GAP), GAP + row * (cell_h + GAP), cell_w, cell_h)
        draw_cell(painter, QSvgRenderer(str(path)), cell, background=background, mirrored=mirrored, label=f"{path.name} ({name})")
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    small = [("light", LIGHT, False), ("dark", DARK, False), ("mirrored", LIGHT, True)]
    sheet(200, small, columns=6, files=pictures()).save(str(HERE / "illustrations-200.png"))
    both = [("light", LIGHT, False), ("dark", DARK, False)]
    sheet(800, both, columns=2, files=pictures()).save(str(HERE / "illustrations-800.png"))
    frame_cells = [(path, variant) for variant in both for path in frames()]
    sheet_of(200, frame_cells, columns=len(frames())).save(str(HERE / "illustrations-cat-cow-frames.png"))
    print("wrote illustrations-200.png, illustrations-800.png and illustrations-cat-cow-frames.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
