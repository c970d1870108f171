"""The start screen: pick a routine, read who wrote it and its cautions, then begin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core import wording
from stretch_gui.core.content import goals as goal_words
from stretch_gui.core.markup import escape
from stretch_gui.core.routine.catalogue import RoutineEntry
from stretch_gui.ui import theme
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.scrolling import scrolling
from stretch_gui.ui.parts.wrap_row import WrapRow

META_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2


class _RoutineDelegate(QStyledItemDelegate):
    """Two lines per routine: the title large, then author, exercises and time."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), theme.px(74))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        t = theme.current()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(t.color("accent"))
            painter.drawRoundedRect(rect, 10, 10)
        text_color = t.color("accent_text") if selected else t.color("text")
        muted = t.color("accent_text") if selected else t.color("muted")
        title_font = QFont(option.font)
        title_font.setPixelSize(theme.px(21))
        title_font.setWeight(QFont.Weight.DemiBold)
        meta_font = QFont(option.font)
        meta_font.setPixelSize(theme.px(16))
        inner = rect.adjusted(14, 8, -14, -8)
        half = inner.height() // 2
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), half + 4), Qt.AlignmentFlag.AlignVCenter, index.data())
        painter.setFont(meta_font)
        painter.setPen(muted)
        meta_rect = QRect(inner.left(), inner.top() + half, inner.width(), half)
        painter.drawText(meta_rect, Qt.AlignmentFlag.AlignVCenter, index.data(META_ROLE))
        painter.restore()


class StartScreen(QWidget):
    startRequested = Signal(object)
    openRequested = Signal()
    fullRoutineRequested = Signal(object)  # the file an eased routine was read from, to play as written today

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self._entries: list[RoutineEntry] = []
        self._source: Callable[[], list[RoutineEntry]] | None = None
        self._stale = False
        self._select_when_filled: Path | None = None

        heading = label("startHeading", "Choose a routine", role="title")
        heading.setText("Choose a routine")
        self.list = QListWidget()
        self.list.setObjectName("routineList")
        self.list.setAccessibleName("Routines")
        self.list.setItemDelegate(_RoutineDelegate(self.list))
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self._start())
        self.open_button = QPushButton("Open routine file…")
        self.open_button.setObjectName("openButton")
        self.open_button.setAccessibleName("Open routine file… (Ctrl+O)")
        self.open_button.setToolTip("Open a routine file from your physio (Ctrl+O)")
        self.open_button.clicked.connect(self.openRequested)

        self.detail_title = label("detailTitle", "Routine title", role="heading", wrap=True)
        self.detail_byline = label("detailByline", "Written by", role="muted", wrap=True)
        self.detail_meta = label("detailMeta", "Length", role="muted", wrap=True)
        self.detail_stage = label("detailStage", "This week", role="body", wrap=True)
        self.detail_description = label("detailDescription", "Description", role="body", wrap=True)
        self.detail_prescription = label("detailPrescription", "Prescription", role="muted", wrap=True)
        for plain in (self.detail_stage, self.detail_prescription):
            plain.setTextFormat(Qt.TextFormat.PlainText)  # the physio's words, never read as markup
        self.detail_cautions = label("detailCautions", "Cautions", role="caution", wrap=True)
        self.detail_cautions.setTextFormat(Qt.TextFormat.RichText)
        self.start_button = QPushButton("Start routine")
        self.start_button.setObjectName("startRoutineButton")
        self.start_button.setProperty("role", "primary")
        self.start_button.setAccessibleName("Start routine")
        self.start_button.clicked.connect(self._start)
        self.full_button = QPushButton(wording.FULL_ROUTINE_TODAY)
        self.full_button.setObjectName("fullRoutineButton")
        self.full_button.setAccessibleName(wording.FULL_ROUTINE_TODAY)
        self.full_button.setAccessibleDescription(wording.FULL_ROUTINE_TODAY_MEANS)
        self.full_button.setToolTip(wording.FULL_ROUTINE_TODAY_MEANS)
        self.full_button.clicked.connect(self._full_routine)
        self.full_button.hide()  # only for a routine eased today
        for button in (self.start_button, self.full_button, self.open_button):
            button.setAutoDefault(True)  # Enter presses the focused button (outside a dialog it would ignore Enter)

        details = QFrame()

        details.setObjectName("routineDetails")
        details.setProperty("role", "card")
        detail_layout = QVBoxLayout(details)
        detail_layout.setContentsMargins(28, 24, 28, 24)
        detail_layout.setSpacing(10)
        # The words scroll inside the card when a large text size needs it; Start stays in view.
        words = QWidget()
        words.setObjectName("routineDetailWords")
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.setSpacing(10)
        for widget in (self.detail_title, self.detail_byline, self.detail_meta, self.detail_stage, self.detail_description,
                       self.detail_prescription):
            words_layout.addWidget(widget)
        words_layout.addSpacing(6)
        words_layout.addWidget(self.detail_cautions)
        words_layout.addStretch(1)
        detail_layout.addWidget(scrolling(words, "routineDetailScroll", accessible="Routine details"), 1)
        # Start at the right; taking back an easier session on the left, or above it when both do not fit.
        detail_layout.addWidget(WrapRow("startRow", [self.full_button], [self.start_button]))

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.open_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(20)
        columns.addWidget(details, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.addWidget(heading)
        layout.addSpacing(10)
        layout.addLayout(columns, 1)
        # In reading order: the list, then the card's buttons from the left (or the top), then Open.
        self.setTabOrder(self.list, self.full_button)
        self.setTabOrder(self.full_button, self.start_button)
        self.setTabOrder(self.start_button, self.open_button)

    def set_source(self, source: Callable[[], list[RoutineEntry]]) -> None:
        """Where the list comes from; it is read when the list is first needed, not before."""
        self._source = source
        self.invalidate()

    def invalidate(self, select: Path | None = None) -> None:
        # Loading every routine costs more than the rest of start-up; a window that opens
        # straight into the player leaves it until someone looks at the list.
        self._stale = True
        self._select_when_filled = select or self._select_when_filled
        if self.isVisible():
            self._fill()

    @property
    def entries(self) -> list[RoutineEntry]:
        self._fill()
        return self._entries

    def _fill(self) -> None:
        if self._stale and self._source is not None:
            self._stale = False
            select, self._select_when_filled = self._select_when_filled, None
            self.set_entries(self._source(), select=select)

    def showEvent(self, event: QShowEvent) -> None:
        self._fill()
        super().showEvent(event)

    def set_entries(self, entries: list[RoutineEntry], select: Path | None = None) -> None:
        self._stale = False
        previous = self.current_entry()
        self._entries = entries
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry.routine.title)
            item.setData(META_ROLE, entry.meta())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.routine.title}, {entry.meta()}")
            self.list.addItem(item)
        wanted = select or (previous.path if previous else None)
        row = next((i for i, e in enumerate(entries) if e.path == wanted), 0)
        if entries:
            self.list.setCurrentRow(row)
        self._show_details(self.list.currentRow())

    def current_entry(self) -> RoutineEntry | None:
        entries = self.entries
        row = self.list.currentRow()
        return entries[row] if 0 <= row < len(entries) else None

    def _show_details(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        self.start_button.setEnabled(entry is not None)
        self.full_button.setVisible(entry is not None and bool(entry.routine.easier))
        if entry is None:
            for widget in (self.detail_title, self.detail_byline, self.detail_meta, self.detail_description):
                widget.setText("")
            self.detail_stage.hide()
            self.detail_prescription.hide()
            self.detail_title.setText("No routine yet")
            self.detail_cautions.hide()
            return
        routine = entry.routine
        self.detail_title.setText(routine.title)
        self.detail_byline.setText(routine.byline)
        self.detail_byline.setVisible(bool(routine.byline))
        self.detail_meta.setText(entry.details())
        self.detail_description.setText(routine.description)
        self.detail_description.setVisible(bool(routine.description))
        self.detail_stage.setText(entry.stage_line())
        self.detail_stage.setVisible(bool(entry.stage_line()))
        prescription = entry.prescription_lines()
        if routine.patient_goals is not None:  # the file switches the patient's weekly goals on
            prescription += (goal_words.start_line(routine.patient_goals.activities),)
        self.detail_prescription.setText("\n".join(prescription))
        self.detail_prescription.setVisible(bool(prescription))
        cautions = routine.cautions
        self.detail_cautions.setText("<br>".join(f"⚠ {escape(c)}" for c in cautions))
        self.detail_cautions.setVisible(bool(cautions))

    def _full_routine(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.fullRoutineRequested.emit(entry.routine.source or entry.path)
            # This button goes with the easier session: the focus goes to Start, what comes next.
            self.start_button.setFocus()

    def _start(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.startRequested.emit(entry)
