"""The Settings dialog and the window: one control, one key written, and only what shows it redone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QSlider,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stretch_gui.core import preferences as prefs
from stretch_gui.core.preferences import Choice, Range, TimeOfDay, Toggle
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.dialogs.settings import SettingsDialog, object_name
from stretch_gui.ui.window import MainWindow
from tests.support.counting_store import CountingStore
from tests.support.window import Key, MakeWindow, child, press, wait_for_dialog

OFFSCREEN_DIALOG_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def store(settings_file: Path) -> CountingStore:
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    return CountingStore(settings_file)


@pytest.fixture
def settings(store: CountingStore) -> AppSettings:
    """Overrides tests/ui/conftest.py's: the same file, through a store that counts writes."""
    return AppSettings(store)


@pytest.fixture
def restyles(monkeypatch: pytest.MonkeyPatch, restore_theme: None) -> list[tuple[str, str]]:
    """Every restyle of the application, as (theme, text size)."""
    calls: list[tuple[str, str]] = []
    real = theme.apply

    def counting(app: QApplication, choice: str, text_size: str) -> theme.Theme:
        calls.append((choice, text_size))
        return real(app, choice, text_size)

    monkeypatch.setattr(theme, "apply", counting)
    return calls


def open_settings(window: MainWindow, qtbot: QtBot) -> QDialog:
    child(window, QAction, "settingsAction").trigger()
    return wait_for_dialog(qtbot, window, QDialog, "settingsDialog")


def close(dialog: QDialog, qtbot: QtBot) -> None:
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


@OFFSCREEN_DIALOG_NOISE
def test_ten_volume_steps_write_the_volume_ten_times_at_most_and_never_restyle(
    make_window: MakeWindow, qtbot: QtBot, store: CountingStore, settings: AppSettings, restyles: list[tuple[str, str]]
) -> None:
    window = make_window()
    dialog = open_settings(window, qtbot)
    store.written.clear()
    restyles.clear()  # the window's first look
    store.syncs = 0
    slider = child(dialog, QSlider, "volumeSlider")
    slider.setFocus()
    for _ in range(10):
        press(qtbot, Key.Key_Left)
    assert slider.value() == 70 - 10 * 5
    assert settings.volume == 20
    assert store.written == ["volume"] * 10
    assert store.syncs <= 10
    assert restyles == []
    close(dialog, qtbot)


@OFFSCREEN_DIALOG_NOISE
def test_a_theme_change_restyles_once_and_a_text_size_change_once(
    make_window: MakeWindow, qtbot: QtBot, store: CountingStore, settings: AppSettings, restyles: list[tuple[str, str]]
) -> None:
    window = make_window()
    dialog = open_settings(window, qtbot)
    store.written.clear()
    restyles.clear()  # the window's first look
    colours = child(dialog, QComboBox, "themeCombo")
    colours.setFocus()
    press(qtbot, Key.Key_Down)
    assert (settings.theme, restyles, store.written) == ("light", [("light", "normal")], ["theme"])
    size = child(dialog, QComboBox, "textSizeCombo")
    size.setFocus()
    press(qtbot, Key.Key_Down)
    assert settings.text_size == "large"
    assert restyles == [("light", "normal"), ("light", "large")]
    assert store.written == ["theme", "text_size"]
    close(dialog, qtbot)


@OFFSCREEN_DIALOG_NOISE
@pytest.mark.parametrize("key", ["sound", "breath_cues", "show_pacer", "reduced_motion", "reminders"])
def test_a_check_box_writes_its_one_key_and_restyles_nothing(
    make_window: MakeWindow,
    qtbot: QtBot,
    store: CountingStore,
    settings: AppSettings,
    restyles: list[tuple[str, str]],
    back_spasm: Path,
    key: str,
) -> None:
    window = make_window(back_spasm)
    dialog = open_settings(window, qtbot)
    store.written.clear()
    restyles.clear()  # the window's first look
    box = child(dialog, QCheckBox, object_name(key, "Check"))
    before = getattr(settings, key)
    box.setFocus()
    press(qtbot, Key.Key_Space)
    assert getattr(settings, key) is (not before)
    assert store.written == [key]
    assert restyles == []
    close(dialog, qtbot)


@OFFSCREEN_DIALOG_NOISE
def test_each_setting_reaches_what_shows_it(
    make_window: MakeWindow, qtbot: QtBot, settings: AppSettings, back_spasm: Path, restyles: list[tuple[str, str]]
) -> None:
    window = make_window(back_spasm)
    dialog = open_settings(window, qtbot)
    restyles.clear()  # the window's first look
    sound_action = child(window, QAction, "soundAction")
    assert sound_action.isChecked()
    child(dialog, QCheckBox, "soundCheck").setChecked(False)
    assert not sound_action.isChecked()  # the View menu's M says the same as the dialog

    cues = window.player.cues
    assert cues is not None and cues._breath_cues is False
    child(dialog, QCheckBox, "breathCuesCheck").setChecked(True)
    assert cues._breath_cues is True

    assert window.player.countdown.breathing
    child(dialog, QCheckBox, "showPacerCheck").setChecked(False)
    assert not window.player.countdown.breathing

    assert window.reminders is None
    child(dialog, QCheckBox, "remindersCheck").setChecked(True)
    assert window.reminders is not None and window.reminders.timer.isActive()
    assert restyles == []
    close(dialog, qtbot)


@OFFSCREEN_DIALOG_NOISE
def test_a_change_made_elsewhere_shows_in_the_open_dialog_without_a_write_back(
    make_window: MakeWindow, qtbot: QtBot, store: CountingStore
) -> None:
    window = make_window()
    dialog = open_settings(window, qtbot)
    store.written.clear()
    window.toggle_sound()  # what M does
    assert not child(dialog, QCheckBox, "soundCheck").isChecked()
    assert store.written == ["sound"]  # the check box followed; it did not write again
    close(dialog, qtbot)


def test_the_dialog_is_built_from_the_registry(qtbot: QtBot, settings: AppSettings) -> None:
    settings.volume, settings.theme = 35, "dark"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    kinds: dict[type, tuple[type[QWidget], str]] = {
        Toggle: (QCheckBox, "Check"),
        Range: (QSlider, "Slider"),
        Choice: (QComboBox, "Combo"),
        TimeOfDay: (QTimeEdit, "Edit"),
    }
    shown = [p for group in prefs.GROUPS for p in prefs.shown_in(group)]
    assert len(shown) == 10
    for preference in shown:
        kind, suffix = kinds[type(preference)]
        control = child(dialog, kind, object_name(preference.key, suffix))
        assert control.accessibleName() == preference.label
    for group in prefs.GROUPS:
        assert child(dialog, QLabel, object_name(group.key, "Heading")).text() == group.title
    theme_combo = child(dialog, QComboBox, "themeCombo")
    assert [theme_combo.itemText(i) for i in range(theme_combo.count())] == ["Follow the system", "Light", "Dark"]
    assert theme_combo.currentData() == "dark"
    volume = child(dialog, QSlider, "volumeSlider")
    assert (volume.value(), volume.accessibleDescription()) == (35, "35 percent")
    assert dialog.windowTitle() == prefs.TITLE


def test_opening_the_dialog_writes_nothing(qtbot: QtBot, settings: AppSettings, store: CountingStore) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert store.written == []


# -- a damaged settings file at start-up ------------------------------------------------------


STARTS = """\
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = create_window(settings=settings)
window.show()
app.processEvents()
print("OPEN", settings.recent_files, settings.volume, settings.theme, settings.sound)
window.close()
"""


@pytest.mark.slow
@pytest.mark.subprocess
@pytest.mark.parametrize(
    "lines",
    [
        "recent_files=@Rect(1 2 3 4)",
        "recent_files=@Size(3 4)",
        (
            "recent_files=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x0eQItemSelection\\0\\0\\0\\0)\n"
            "theme=@Rect(1 2 3 4)\nvolume=@Point(1 2)\nsound=@Variant(garbage)"
        ),
    ],
)
def test_a_settings_file_with_odd_shapes_opens_a_window(
    lines: str, tmp_path: Path, python: str, subprocess_env: dict[str, str]
) -> None:
    # Before the registry this crashed every start (SIGSEGV): a fresh interpreter keeps pytest alive.
    import subprocess

    ini = tmp_path / "stretch-gui.ini"
    ini.write_text(f"[General]\n{lines}\n", encoding="utf-8")
    script = tmp_path / "start.py"
    script.write_text(textwrap.dedent(STARTS), encoding="utf-8")
    result = subprocess.run(
        [python, str(script), str(ini)], env=subprocess_env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OPEN [] 70 system True"


def test_apply_settings_still_brings_everything_in_line(
    make_window: MakeWindow, settings: AppSettings, restyles: list[tuple[str, str]]
) -> None:
    window = make_window()
    settings.theme = "dark"
    restyles.clear()
    window.apply_settings()
    assert restyles == [("dark", "normal")]
