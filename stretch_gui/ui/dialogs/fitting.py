"""Dialogs sized to their content but never larger than the screen's free area: the rest scrolls."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SCREEN_MARGIN = 48  # room left for a title bar and a panel


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    owner = dialog.parentWidget() or dialog
    free = owner.screen().availableGeometry()
    dialog.resize(min(width, free.width() - SCREEN_MARGIN), min(height, free.height() - SCREEN_MARGIN))
