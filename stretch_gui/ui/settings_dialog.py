"""Preferences: sound, the pacer, reduced motion, text size and theme. Changes apply at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from stretch_gui.ui.settings import AppSettings

TEXT_SIZES = (("normal", "Normal"), ("large", "Large"), ("larger", "Larger"))
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class SettingsDialog(QDialog):
    changed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.settings = settings

        self.sound = self._check("soundCheck", "Sound cues", settings.sound)
        self.pacer = self._check("pacerCheck", "Show the breathing guide", settings.show_pacer)
        self.reduced = self._check("reducedMotionCheck", "Reduce motion (a still bar instead of a moving circle)", settings.reduced_motion)
        self.text_size = self._combo("textSizeCombo", "Text size", TEXT_SIZES, settings.text_size)
        self.theme = self._combo("themeCombo", "Colours", THEMES, settings.theme)

        form = QFormLayout()
        form.addRow(self.sound)
        form.addRow(self.pacer)
        form.addRow(self.reduced)
        form.addRow("Text size", self.text_size)
        form.addRow("Colours", self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _check(self, name: str, text: str, value: bool) -> QCheckBox:
        box = QCheckBox(text, objectName=name)
        box.setAccessibleName(text)
        box.setChecked(value)
        box.toggled.connect(self._save)
        return box

    def _combo(self, name: str, text: str, choices: tuple[tuple[str, str], ...], value: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.setAccessibleName(text)
        for key, shown in choices:
            combo.addItem(shown, key)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.currentIndexChanged.connect(self._save)
        return combo

    def _save(self) -> None:
        self.settings.sound = self.sound.isChecked()
        self.settings.show_pacer = self.pacer.isChecked()
        self.settings.reduced_motion = self.reduced.isChecked()
        self.settings.text_size = self.text_size.currentData()
        self.settings.theme = self.theme.currentData()
        self.changed.emit()
