"""The window fits the screen, comes back where it was left, and its text grows by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from stretch_gui.core import preferences as prefs
from stretch_gui.core.placement import Placement, Rect
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from tests.support.window import MakeWindow, child, settings_over


def test_closing_keeps_where_the_window_was_and_whether_it_was_maximized(
    make_window: MakeWindow, settings_file: Path, qtbot: QtBot
) -> None:
    window = make_window()
    window.setGeometry(40, 30, 1000, 700)
    window.close()
    kept = settings_over(settings_file).window_placement
    assert kept is not None and not kept.maximized
    assert (kept.frame.width, kept.frame.height) == (1000, 700)


def test_a_kept_place_that_fits_is_where_the_window_opens(make_window: MakeWindow, settings: AppSettings) -> None:
    screen = make_window().screen().availableGeometry()
    fits = Placement(Rect(screen.x(), screen.y(), 700, 500), maximized=False)
    settings.window_placement = fits
    window = make_window()
    window.place_on_screen()
    assert (window.width(), window.height()) == (700, 500) and not window._open_maximized


def test_a_kept_place_too_big_for_this_screen_opens_to_fit(make_window: MakeWindow, settings: AppSettings) -> None:
    settings.window_placement = Placement(Rect(0, 0, 3000, 2000), maximized=False)
    window = make_window()
    window.place_on_screen()
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_leaving_full_screen_returns_to_maximized(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.toggle_full_screen()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    window.toggle_full_screen()
    qtbot.waitUntil(lambda: window.isMaximized() and not window.isFullScreen(), timeout=2000)
    assert window.menuBar().isVisible()


def test_ctrl_plus_minus_and_zero_change_the_text_size(
    make_window: MakeWindow, settings: AppSettings, restore_theme: None
) -> None:
    window = make_window()
    larger = child(window, QAction, "largerTextAction")
    assert "Ctrl+=" in [key.toString() for key in larger.shortcuts()]
    for _ in range(6):
        larger.trigger()
    assert settings.text_size == "largest" and theme.scale() == prefs.TEXT_SCALES["largest"] == 2.0
    child(window, QAction, "smallerTextAction").trigger()
    assert settings.text_size == "very-large"
    child(window, QAction, "normalTextAction").trigger()
    assert settings.text_size == "normal" and theme.scale() == 1.0


def test_settings_open_with_ctrl_comma_even_in_full_screen(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    action = child(window, QAction, "settingsAction")
    assert "Ctrl+," in [key.toString() for key in action.shortcuts()]
    assert action in window.actions()  # on the window itself: it works with the menu bar hidden
