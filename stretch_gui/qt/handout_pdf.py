"""The handout on paper: a PDF file or a printer, painted by one piece of QPainter code.

QPainter rather than QTextDocument: the layout is a handful of fixed blocks (header,
one block per exercise, a framed caution box, the log grid), and painting them directly
keeps each exercise block whole across page breaks, draws the SVG illustrations as
vectors, and draws the tick boxes and writing lines exactly where a pen needs them.

Every block is drawn by one function used twice: a dry run measures its height for the
page breaks, the real run paints it. Measuring and painting cannot drift apart.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from stretch_gui.core.content import goals as goal_words
from stretch_gui.core.content.handout import Handout, HandoutStep, build_handout
from stretch_gui.core.content.morning import GUIDE_HEADING as PAIN_GUIDE
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.prescription import FLARE_UP, PROGRESSION
from stretch_gui.qt.atomic import SaveError, check_output_path, save_atomically
from stretch_gui.qt.pictures import Picture

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 15
PDF_DPI = 300

INK = QColor("#000000")
SOFT_INK = QColor("#333333")  # secondary text: still dark enough for a tired printer
RULE = QColor("#8a8a8a")
FRAME = QColor("#b8b8b8")

Draw = Callable[["_Canvas", float, float, float], float]  # (canvas, x, y, width) -> height used


class HandoutWriteError(OSError):
    """The PDF could not be written; the previous file, if any, is untouched."""


def write_pdf(routine: Routine, path: str | Path, *, paper: str = "a4") -> int:
    """Write the handout to ``path`` atomically; return the number of pages.

    Needs a QGuiApplication. Raises HandoutWriteError with a readable reason.
    """
    return write_document(path, routine.title, paper, lambda device: paint_handout(build_handout(routine), device))


def write_document(path: str | Path, title: str, paper: str, paint: Callable[[QPagedPaintDevice], int]) -> int:
    """Paint a document with ``paint`` and save it to ``path`` atomically; return its page count.

    Shared by the handout and the progress report. Raises HandoutWriteError with a readable reason.
    """
    try:
        check_output_path(path)  # before drawing: a device or a pipe is refused at once
    except SaveError as exc:
        raise HandoutWriteError(f"cannot write {path}: {exc.reason}") from None
    # Drawn in memory, then saved whole: QPdfWriter does not check its writes, so a disk
    # that fills up half-way would otherwise leave a cut-off PDF in place of the old one.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("stretch-gui")
    writer.setPageSize(QPageSize(PAPER_SIZES[paper]))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    pages = paint(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    try:
        save_atomically(Path(os.fspath(path)), bytes(buffer.data().data()))
    except SaveError as exc:
        raise HandoutWriteError(f"cannot write {path}: {exc.reason}") from None
    return pages


def paint_handout(handout: Handout, device: QPagedPaintDevice) -> int:
    """Paint every page of the handout onto a PDF writer or printer; return the page count."""
    painter = QPainter()
    if not painter.begin(device):
        raise HandoutWriteError("the printer or file could not be opened for drawing")
    try:
        canvas = _Canvas(painter, device)
        pages = _paginate(canvas, _content_blocks(handout))
        total = len(pages) + 1  # the log has a page of its own
        for number, blocks in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            canvas.paint_page(blocks, footer=handout.footer, page=number, total=total)
        device.newPage()
        canvas.paint_page(
            [lambda c, x, y, w: _log(c, x, y, w, handout, canvas.body_height())], footer=handout.footer, page=total, total=total
        )
    finally:
        painter.end()
    return total


def default_paper() -> str:
    """Letter where the system's locale prints on it (the Americas mostly), else A4."""
    from PySide6.QtCore import QLocale

    letter = {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Chile,
        QLocale.Country.Philippines,
    }
    return "letter" if QLocale.system().territory() in letter else "a4"


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication for painting text, on the offscreen platform when there is no display."""
    app = QGuiApplication.instance()
    if app is None:
        # X11 and Wayland systems without either (a server, a CI job) have no screen to open.
        if sys.platform not in ("darwin", "win32") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["stretch-gui"])
    assert isinstance(app, QGuiApplication)
    return app


# -- drawing primitives ------------------------------------------------------------


class _Canvas:
    """Points in, device pixels out; with ``dry`` set nothing is drawn, only measured."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.painter = painter
        self.device = device
        self.unit = device.logicalDpiY() / 72  # device pixels per point
        self.dry = False
        base = QGuiApplication.font().family()
        self.fonts = {
            "title": _font(base, 22, bold=True),
            "heading": _font(base, 15, bold=True),
            "subheading": _font(base, 12.5, bold=True),
            "dose": _font(base, 12, bold=True),
            "body": _font(base, 11.5),
            "label": _font(base, 11.5, bold=True),
            "note": _font(base, 11.5, italic=True),
            "small": _font(base, 10),
            "small_bold": _font(base, 10, bold=True),
            "footer": _font(base, 9),
        }
        self.pictures: dict[Path, Picture] = {}

    # Sizes of the printable area, in points.
    @property
    def width(self) -> float:
        return self.device.width() / self.unit

    @property
    def height(self) -> float:
        return self.device.height() / self.unit

    def body_height(self) -> float:
        """Height left for content once the footer has its room."""
        return self.height - FOOTER_HEIGHT

    def metrics(self, font: str) -> QFontMetricsF:
        return QFontMetricsF(self.fonts[font], self.device)

    def _rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(x * u, y * u, w * u, h * u)

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        font: str = "body",
        *,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Wrapped text in a column ``w`` points wide; returns its height in points."""
        if not text:
            return 0.0
        flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        bounds = self.metrics(font).boundingRect(QRectF(0, 0, w * self.unit, 1e7), flags, text)
        height = bounds.height() / self.unit
        if not self.dry:
            self.painter.setFont(self.fonts[font])
            self.painter.setPen(color)
            self.painter.drawText(self._rect(x, y, w, height + 1), flags, text)
        return height

    def elided(self, text: str, font: str, width: float) -> str:
        """``text`` cut to ``width`` points with an ellipsis, for places that must stay one line."""
        return self.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width * self.unit)

    def text_width(self, text: str, font: str) -> float:
        return self.metrics(font).horizontalAdvance(text) / self.unit

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        color: QColor = RULE,
        width: float = 0.6,
        style: Qt.PenStyle = Qt.PenStyle.SolidLine,
    ) -> None:
        if self.dry:
            return
        self.painter.setPen(QPen(color, width * self.unit, style))
        u = self.unit
        self.painter.drawLine(QPointF(x1 * u, y1 * u), QPointF(x2 * u, y2 * u))

    def frame(
        self, x: float, y: float, w: float, h: float, *, color: QColor = INK, width: float = 0.8, radius: float = 0
    ) -> None:
        if self.dry:
            return
        self.painter.setPen(QPen(color, width * self.unit))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        if radius:
            self.painter.drawRoundedRect(self._rect(x, y, w, h), radius * self.unit, radius * self.unit)
        else:
            self.painter.drawRect(self._rect(x, y, w, h))

    def picture(self, path: Path | None, x: float, y: float, w: float, h: float) -> None:
        """The illustration centred in the box, as vectors when it is an SVG."""
        if self.dry:
            return
        picture = self.pictures.get(path) if path else None
        if path is not None and picture is None:
            picture = self.pictures[path] = Picture(path)
        if picture is None or not picture.ok:
            self.frame(x, y, w, h, color=FRAME, width=0.6, radius=4)
            self.text(x, y + h / 2 - 8, w, "No picture", "small", color=SOFT_INK, align=Qt.AlignmentFlag.AlignHCenter)
            return
        natural = QSizeF(picture.natural_size())
        natural.scale(QSizeF(w, h), Qt.AspectRatioMode.KeepAspectRatio)
        target = self._rect(x + (w - natural.width()) / 2, y + (h - natural.height()) / 2, natural.width(), natural.height())
        self.painter.save()
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        picture.paint(self.painter, target)
        self.painter.restore()

    def measure(self, draw: Draw, width: float) -> float:
        self.dry = True
        try:
            return draw(self, 0, 0, width)
        finally:
            self.dry = False

    def paint_page(self, blocks: list[Draw], *, footer: str, page: int, total: int) -> None:
        y = 0.0
        available = self.body_height()
        for draw in blocks:
            height = self.measure(draw, self.width)
            if height > available:
                # Longer than a whole page (a very long custom exercise): shrink it to fit rather than cut it.
                scale = self._scale_to_fit(draw, available)
                self.painter.save()
                self.painter.scale(scale, scale)
                draw(self, 0, y / scale, self.width / scale)
                self.painter.restore()
                y += available
            else:
                draw(self, 0, y, self.width)
                y += height + BLOCK_GAP
        self._footer(footer, page, total)

    def _scale_to_fit(self, draw: Draw, available: float) -> float:
        """The largest scale at which the block fits; a smaller scale also wraps its text wider."""
        low, high = 0.05, 1.0
        for _ in range(12):
            middle = (low + high) / 2
            if self.measure(draw, self.width / middle) * middle <= available:
                low = middle
            else:
                high = middle
        return low

    def _footer(self, text: str, page: int, total: int) -> None:
        top = self.height - FOOTER_HEIGHT + 18
        self.line(0, top, self.width, top, color=FRAME, width=0.5)
        label = f"Page {page} of {total}"
        label_width = self.text_width(label, "footer") + 4
        space = self.width - label_width - 12
        self.text(0, top + 4, space, self.elided(text, "footer", space), "footer", color=SOFT_INK)
        self.text(
            self.width - label_width, top + 4, label_width, label, "footer", color=SOFT_INK, align=Qt.AlignmentFlag.AlignRight
        )


FOOTER_HEIGHT = 36.0
BLOCK_GAP = 14.0


def _font(family: str, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _paginate(canvas: _Canvas, blocks: list[Draw]) -> list[list[Draw]]:
    """Whole blocks per page: a block that does not fit starts the next page."""
    pages: list[list[Draw]] = [[]]
    used = 0.0
    available = canvas.body_height()
    for draw in blocks:
        height = canvas.measure(draw, canvas.width)
        if pages[-1] and used + height > available:
            pages.append([])
            used = 0.0
        pages[-1].append(draw)
        used += height + BLOCK_GAP
    return pages


# -- the blocks --------------------------------------------------------------------


def _content_blocks(handout: Handout) -> list[Draw]:
    blocks: list[Draw] = [lambda c, x, y, w: _header(c, x, y, w, handout)]
    if handout.cautions:
        blocks.append(lambda c, x, y, w: _caution_box(c, x, y, w, "Before you start", handout.cautions))
    if handout.flare_up:
        blocks.append(lambda c, x, y, w: _caution_box(c, x, y, w, FLARE_UP, (handout.flare_up,)))
    for step in handout.steps:
        blocks.append(partial(_step, step=step))
    if handout.goals:
        blocks.append(lambda c, x, y, w: _goals(c, x, y, w, handout.goals))
    if handout.pain_guide:
        blocks.append(lambda c, x, y, w: _caution_box(c, x, y, w, PAIN_GUIDE, handout.pain_guide))
    blocks.append(lambda c, x, y, w: _caution_box(c, x, y, w, "When to stop and get help", handout.safety))
    return blocks


def _goals(c: _Canvas, x: float, y: float, w: float, rows: tuple[str, ...]) -> float:
    """The patient's goals: each activity (or a line to write one on) and a box for each week's score."""
    top = y
    y += c.text(x, y, w, goal_words.HANDOUT_TITLE, "subheading") + 4
    y += c.text(x, y, w, goal_words.HANDOUT_INSTRUCTIONS, "body") + 6
    weeks = goal_words.HANDOUT_WEEKS
    name_width = w * 0.42
    cell = (w - name_width) / weeks
    row_height = max(BOX + 10, c.metrics("body").height() / c.unit + 10)
    for week in range(weeks):
        heading = goal_words.handout_week(week + 1)
        c.text(x + name_width + week * cell, y, cell, heading, "small_bold", align=Qt.AlignmentFlag.AlignHCenter)
    y += c.metrics("small_bold").height() / c.unit + 4
    for name in rows:
        if name:
            c.text(x, y + 5, name_width - 8, name, "body")
        else:
            c.line(x, y + row_height - 4, x + name_width - 12, y + row_height - 4, color=RULE, width=0.6)
        for week in range(weeks):
            left = x + name_width + week * cell
            c.frame(left + (cell - BOX * 1.6) / 2, y + (row_height - BOX) / 2, BOX * 1.6, BOX, width=0.8)
        y += row_height
    return y - top


def _header(c: _Canvas, x: float, y: float, w: float, handout: Handout) -> float:
    top = y
    y += c.text(x, y, w, handout.title, "title") + 6
    half = (w - 24) / 2
    left = _labelled_line(c, x, y, half, "For", handout.patient)
    right = _labelled_line(c, x + half + 24, y, half, "From", handout.author) if handout.author else 0
    y += max(left, right) + 6
    left = _labelled_line(c, x, y, half, "Date", handout.prescribed)
    right = _labelled_line(c, x + half + 24, y, half, "Revision", handout.revision) if handout.revision else 0
    y += max(left, right) + 12
    c.line(x, y, x + w, y, color=INK, width=1.2)
    y += 10
    facts = [("How often", handout.frequency), ("Time", handout.total), ("Steps", str(len(handout.steps)))]
    facts = [(label, value) for label, value in facts if value]
    column = w / len(facts)
    heights = [_fact(c, x + i * column, y, column - 12, label, value) for i, (label, value) in enumerate(facts)]
    y += max(heights) + 8
    y += _fact(c, x, y, w, "Breathing", f"{handout.breathing}, all the way through.") + 10
    for label, words in handout.facts:  # goal, programme, equipment, who prescribed it
        y += _fact(c, x, y, w, label, words) + 8
    if handout.stages:
        y += _fact(c, x, y, w, PROGRESSION, "\n".join(handout.stages)) + 2
        if handout.stages_note:
            y += c.text(x, y, w, handout.stages_note, "small", color=SOFT_INK) + 2
        y += 6
    if handout.description:
        y += c.text(x, y, w, handout.description, "body") + 6
    y += c.text(x, y, w, handout.how_to_use, "label")
    for line in (handout.week, handout.review):
        if line:
            y += 4 + c.text(x, y + 4, w, line, "label")
    return y - top


def _labelled_line(c: _Canvas, x: float, y: float, w: float, label: str, value: str) -> float:
    """``For: A. Patient``, or ``For:`` and a line to write on when the file leaves it blank."""
    label_text = f"{label}:"
    label_width = c.text_width(label_text, "label") + 6
    c.text(x, y, label_width, label_text, "label")
    if value:
        return c.text(x + label_width, y, w - label_width, value, "body")
    height = c.metrics("body").height() / c.unit
    c.line(x + label_width, y + height - 1, x + w, y + height - 1, color=INK, width=0.6)
    return height


def _fact(c: _Canvas, x: float, y: float, w: float, label: str, value: str) -> float:
    label_height = c.text(x, y, w, label.upper(), "small_bold", color=SOFT_INK)
    return label_height + 1 + c.text(x, y + label_height + 1, w, value, "subheading")


def _caution_box(c: _Canvas, x: float, y: float, w: float, title: str, lines: tuple[str, ...]) -> float:
    """A framed box with a heading and bullet points: cautions stand apart from the how-to text."""
    pad = 10
    inner = w - 2 * pad
    height = pad + c.text(x + pad, y + pad, inner, f"⚠  {title}", "subheading") + 4
    height += _bullets(c, x + pad, y + height, inner, lines) + pad - 2
    c.frame(x, y, w, height, width=1.0, radius=5)
    return height


def _bullets(c: _Canvas, x: float, y: float, w: float, lines: tuple[str, ...], font: str = "body") -> float:
    indent = c.text_width("•", font) + 7
    used = 0.0
    for text in lines:
        c.text(x, y + used, indent, "•", font)
        used += c.text(x + indent, y + used, w - indent, text, font) + 3
    return used - 3 if lines else 0.0


PICTURE_WIDTH = 160.0  # points: 56 mm, so a figure reads at arm's length (at least 45 mm on A4)
PICTURE_HEIGHT = 120.0  # the pictures' own 4:3, so the whole width is used


def _step(c: _Canvas, x: float, y: float, w: float, step: HandoutStep) -> float:
    """The picture on the left; number, title, dose, how-to and cautions on the right."""
    top = y
    c.line(x, y, x + w, y, color=INK, width=0.8)
    y += 12
    if step.image is None:
        # A custom exercise written without a picture: the words take the whole width.
        return y + _step_text(c, x, y, w, step) - top
    pictures_height = _step_pictures(c, x, y, step)
    text_x = x + PICTURE_WIDTH + 18
    text_height = _step_text(c, text_x, y, w - PICTURE_WIDTH - 18, step)
    return y + max(pictures_height, text_height) - top


def _step_pictures(c: _Canvas, x: float, y: float, step: HandoutStep) -> float:
    if step.image_exhale is None:
        c.picture(step.image, x, y, PICTURE_WIDTH, PICTURE_HEIGHT)
        c.frame(x, y, PICTURE_WIDTH, PICTURE_HEIGHT, color=FRAME, width=0.5, radius=4)
        if not step.both_sides:
            return PICTURE_HEIGHT
        # One picture serves both sides, as in the app; say so, or the right side gets forgotten.
        caption = "Shown on one side. Do the left side first, then the right."
        return PICTURE_HEIGHT + 4 + c.text(x, y + PICTURE_HEIGHT + 4, PICTURE_WIDTH, caption, "small", color=SOFT_INK)
    # A moving exercise: both positions, each with the breath that goes with it.
    used = 0.0
    for caption, path in (("Breathe in", step.image), ("Breathe out", step.image_exhale)):
        used += c.text(x, y + used, PICTURE_WIDTH, caption, "small_bold", color=SOFT_INK) + 2
        height = PICTURE_HEIGHT  # full size: a smaller box would shrink the 4:3 picture below 45 mm
        c.picture(path, x, y + used, PICTURE_WIDTH, height)
        c.frame(x, y + used, PICTURE_WIDTH, height, color=FRAME, width=0.5, radius=4)
        used += height + 6
    return used - 6


def _step_text(c: _Canvas, x: float, y: float, w: float, step: HandoutStep) -> float:
    top = y
    number = f"{step.number}."
    number_width = c.text_width(number, "heading") + 8
    c.text(x, y, number_width, number, "heading")
    y += c.text(x + number_width, y, w - number_width, step.title, "heading") + 4
    y += c.text(x, y, w, step.dosage, "dose") + 6
    if step.stages:
        y += c.text(x, y, w, f"{PROGRESSION}:", "small_bold", color=SOFT_INK) + 2
        y += _bullets(c, x, y, w, step.stages, "small") + 6
    for line in (step.position, step.equipment):
        if line:
            y += c.text(x, y, w, line, "body") + 4
    y += c.text(x, y, w, step.instructions, "body") + 6
    for line in step.movement:
        y += c.text(x, y, w, line, "body") + 2
    if step.between:
        y += c.text(x, y, w, f"Between sets: {step.between}", "body") + 4
    if step.breathing:
        y += c.text(x, y, w, step.breathing, "body") + 4
    if step.note:
        y += c.text(x, y, w, step.note, "note") + 4
    if step.cautions:
        y += 4
        y += _caution_box(c, x, y, w, "Take care", step.cautions) + 4
    return y - 4 - top


# -- the two-week log ----------------------------------------------------------------

DAY_WIDTH = 34.0
DATE_WIDTH = 64.0
PAIN_WIDTH = 58.0
BOX = 12.0
BOX_GAP = 6.0
MAX_ROW = 30.0
MAX_ROTATED_HEADING = 140.0
NOTE_LINE = 26.0


def _log(c: _Canvas, x: float, y: float, w: float, handout: Handout, page_height: float) -> float:
    top = y
    y += c.text(x, y, w, "Your two-week log", "title") + 6
    half = (w - 24) / 2
    left = _labelled_line(c, x, y, half, "Name", handout.patient)
    right = _labelled_line(c, x + half + 24, y, half, "First day", "")
    y += max(left, right) + 10
    y += c.text(x, y, w, handout.log_instructions, "body") + 12

    boxes = handout.boxes_per_day
    step_w = (w - DAY_WIDTH - DATE_WIDTH - PAIN_WIDTH) / len(handout.log_columns)
    rotated = step_w < 90
    # A long custom title must not push the fourteen rows off the page.
    longest = MAX_ROTATED_HEADING if rotated else (step_w - 8) * 2.5
    columns = [c.elided(label, "small_bold", longest) for label in handout.log_columns]
    header_h = _log_header_height(c, columns, step_w, rotated)
    notes_h = c.metrics("label").height() / c.unit + 4 + 3 * NOTE_LINE
    row_h = min(MAX_ROW, (page_height - (y - top) - header_h - notes_h - 16) / handout.log_days)

    edges = [x, x + DAY_WIDTH, x + DAY_WIDTH + DATE_WIDTH]
    edges += [edges[-1] + step_w * (i + 1) for i in range(len(columns))]
    edges.append(x + w)
    table_top = y
    table_bottom = y + header_h + row_h * handout.log_days

    # Header
    _centred(c, edges[0], y, DAY_WIDTH, header_h, "Day", "small_bold")
    _centred(c, edges[1], y, DATE_WIDTH, header_h, "Date", "small_bold")
    for i, label in enumerate(columns):
        if rotated:
            _rotated(c, edges[2 + i], y, step_w, header_h, label)
        else:
            _centred(c, edges[2 + i], y, step_w, header_h, label, "small_bold")
    _centred(c, edges[-2], y, PAIN_WIDTH, header_h, "Pain\n0–10", "small_bold")
    y += header_h

    # Rows: the day number, a blank date, tick boxes, a blank for the pain score.
    for day in range(1, handout.log_days + 1):
        _centred(c, edges[0], y, DAY_WIDTH, row_h, str(day), "body")
        for i in range(len(columns)):
            _tick_boxes(c, edges[2 + i], y, step_w, row_h, boxes)
        y += row_h
        week_end = day % 7 == 0 and day < handout.log_days
        c.line(x, y, x + w, y, color=INK if week_end else RULE, width=1.2 if week_end else 0.5)

    # Grid
    c.line(x, table_top + header_h, x + w, table_top + header_h, color=INK, width=1.0)
    for edge in edges:
        c.line(edge, table_top, edge, table_bottom, color=RULE, width=0.5)
    c.frame(x, table_top, w, table_bottom - table_top, width=1.0)
    y = table_bottom + 16

    y += c.text(x, y, w, "Notes for your physio (what helped, what was hard):", "label") + 4
    for _ in range(3):
        y += NOTE_LINE
        c.line(x, y, x + w, y, color=INK, width=0.5)
    return y - top


def _log_header_height(c: _Canvas, columns: list[str], width: float, rotated: bool) -> float:
    if rotated:
        return max(c.text_width(label, "small_bold") for label in columns) + 16
    return max(c.measure(partial(_Canvas.text, text=label, font="small_bold"), width - 8) for label in columns) + 16


def _centred(c: _Canvas, x: float, y: float, w: float, h: float, text: str, font: str) -> None:
    if c.dry:
        return
    c.painter.setFont(c.fonts[font])
    c.painter.setPen(INK)
    c.painter.drawText(c._rect(x + 4, y, w - 8, h), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)


def _rotated(c: _Canvas, x: float, y: float, w: float, h: float, text: str) -> None:
    """A column heading read from bottom to top, so narrow columns keep whole words."""
    if c.dry:
        return
    painter = c.painter
    painter.save()
    painter.translate(c._rect(x, y, w, h).bottomLeft())
    painter.rotate(-90)
    painter.setFont(c.fonts["small_bold"])
    painter.setPen(INK)
    # After the turn, the column's height runs along x and its width along y.
    u = c.unit
    painter.drawText(QRectF(8 * u, 0, (h - 16) * u, w * u), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    painter.restore()


def _tick_boxes(c: _Canvas, x: float, y: float, w: float, h: float, count: int) -> None:
    if count < 1:
        return  # left blank for a number
    gap = BOX_GAP
    box = BOX
    if count * box + (count - 1) * gap > w - 6:
        # Many steps and several times a day: smaller boxes, still in one row.
        gap = 3.0
        box = min(BOX, (w - 6 - (count - 1) * gap) / count)
    row = count * box + (count - 1) * gap
    left = x + (w - row) / 2
    for i in range(count):
        c.frame(left + i * (box + gap), y + (h - box) / 2, box, box, width=0.8)
