"""The progress report on paper: places ``core.content.report`` on one or two pages.

Painted with the handout's canvas and blocks (``stretch_gui.qt.handout_pdf``): the same fonts,
the same measured-then-painted blocks, whole blocks per page, the same atomic save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from stretch_gui.core.content.goals import REPORT_SECTION as GOALS_SECTION
from stretch_gui.core.content.report import ProgressReport
from stretch_gui.qt.handout_pdf import (
    INK,
    RULE,
    SOFT_INK,
    Draw,
    HandoutWriteError,
    _bullets,
    _Canvas,
    _labelled_line,
    _paginate,
    write_document,
)

# Relative widths of the weekly table's columns (Week, Stage, Sessions, Pain before, Pain after, Hurt marks, Stopped).
COLUMN_SHARES = (1.7, 1.1, 1.0, 1.3, 1.3, 1.0, 1.0)
CELL_PAD = 4.0


def write_report_pdf(report: ProgressReport, path: str | Path, *, paper: str = "a4") -> int:
    """Write the report to ``path`` atomically; return the number of pages. Needs a QGuiApplication.

    Raises HandoutWriteError with a readable reason (an output that is a folder or device included).
    """
    return write_document(path, report.heading, paper, lambda device: paint_report(report, device))


def paint_report(report: ProgressReport, device: QPagedPaintDevice) -> int:
    painter = QPainter()
    if not painter.begin(device):
        raise HandoutWriteError("the printer or file could not be opened for drawing")
    try:
        canvas = _Canvas(painter, device)
        pages = _paginate(canvas, _blocks(report))
        for number, blocks in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            canvas.paint_page(blocks, footer=report.footer, page=number, total=len(pages))
    finally:
        painter.end()
    return len(pages)


def _blocks(report: ProgressReport) -> list[Draw]:
    blocks: list[Draw] = [
        lambda c, x, y, w: _header(c, x, y, w, report),
        lambda c, x, y, w: _table(c, x, y, w, report),
        lambda c, x, y, w: _section(c, x, y, w, "“This hurt” marks, by exercise", report.hurts),
        lambda c, x, y, w: _section(c, x, y, w, "Sessions stopped", report.stops),
        lambda c, x, y, w: _section(c, x, y, w, "Stages reached", report.stages),
    ]
    if report.goals:  # only for a patient who rated their own goals
        blocks.append(lambda c, x, y, w: _goals(c, x, y, w, report))
    return blocks


def _goals(c: _Canvas, x: float, y: float, w: float, report: ProgressReport) -> float:
    height = _section(c, x, y, w, GOALS_SECTION, report.goals) + 4
    return height + c.text(x, y + height, w, report.goals_note, "small", color=SOFT_INK)


def _header(c: _Canvas, x: float, y: float, w: float, report: ProgressReport) -> float:
    top = y
    y += c.text(x, y, w, report.heading, "title") + 6
    half = (w - 24) / 2
    pairs = [
        ("Patient", report.patient),
        ("From", report.author),
        ("Prescribed", report.prescribed),
        ("Revision", report.revision),
    ]
    shown = [(label, value) for label, value in pairs if value]
    for i in range(0, len(shown), 2):
        left = _labelled_line(c, x, y, half, *shown[i])
        right = _labelled_line(c, x + half + 24, y, half, *shown[i + 1]) if i + 1 < len(shown) else 0
        y += max(left, right) + 4
    y += _labelled_line(c, x, y, w, "Period", report.period) + 10
    c.line(x, y, x + w, y, color=INK, width=1.2)
    y += 10
    y += c.text(x, y, w, report.plan, "label") + 6
    y += _bullets(c, x, y, w, report.headlines)
    return y - top


def _table(c: _Canvas, x: float, y: float, w: float, report: ProgressReport) -> float:
    """Week by week: one row each, the columns the report names."""
    top = y
    y += c.text(x, y, w, "Week by week", "heading") + 6
    total = sum(COLUMN_SHARES)
    widths = [w * share / total for share in COLUMN_SHARES]
    edges = [x]
    for width in widths:
        edges.append(edges[-1] + width)
    table_top = y
    y += _row(c, edges, y, report.columns, "small_bold")
    c.line(x, y, x + w, y, color=INK, width=1.0)
    for row in report.weeks:
        y += _row(c, edges, y, row.cells, "small")
        c.line(x, y, x + w, y, color=RULE, width=0.5)
    for edge in edges[1:-1]:
        c.line(edge, table_top, edge, y, color=RULE, width=0.5)
    c.frame(x, table_top, w, y - table_top, width=1.0)
    y += 6
    y += c.text(x, y, w, report.pain_note, "small", color=SOFT_INK)
    return y - top


def _row(c: _Canvas, edges: list[float], y: float, cells: tuple[str, ...], font: str) -> float:
    heights = []
    for i, cell in enumerate(cells):
        left, right = edges[i], edges[i + 1]
        align = Qt.AlignmentFlag.AlignLeft if i < 2 else Qt.AlignmentFlag.AlignHCenter
        heights.append(c.text(left + CELL_PAD, y + CELL_PAD, right - left - 2 * CELL_PAD, cell, font, align=align))
    return max(heights, default=0.0) + 2 * CELL_PAD


def _section(c: _Canvas, x: float, y: float, w: float, title: str, lines: tuple[str, ...]) -> float:
    height = c.text(x, y, w, title, "heading") + 4
    return height + _bullets(c, x, y + height, w, lines)


__all__ = ["HandoutWriteError", "paint_report", "write_report_pdf"]
