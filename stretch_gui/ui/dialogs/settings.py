"""Preferences: sound, volume, breath tones, spoken guidance, the pacer, reduced motion, text size and theme.

Changes apply at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSlider, QTimeEdit, QVBoxLayout, QWidget

from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.parts.labels import label

if TYPE_CHECKING:
    from stretch_gui.qt.sound import SoundPlayer
    from stretch_gui.qt.speech import Speaker

TEXT_SIZES = (("normal", "Normal"), ("large", "Large"), ("larger", "Larger"))
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class SettingsDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        sound: SoundPlayer | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        from stretch_gui.qt.sound import shared_player  # not needed until the dialog opens
        from stretch_gui.qt.speech import shared_speaker

        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.settings = settings
        self._sound_player = sound or shared_player()
        # Let the new volume be heard once the slider stops moving, not on every step.
        self._volume_preview = QTimer(self, singleShot=True, interval=350)
        self._volume_preview.timeout.connect(self._preview_volume)

        self.sound = self._check("soundCheck", "Sound cues", settings.sound)
        self.volume = self._volume_slider(settings.volume)
        self.breath_cues = self._check("breathCuesCheck", "A soft tone as each breath in and out begins", settings.breath_cues)
        self.speech = self._check(
            "spokenGuidanceCheck", "Spoken guidance: say each exercise, side switch and rest", settings.spoken_guidance
        )
        self.sound_note = label("soundNote", "Sound note", role="muted", wrap=True)
        self.speech_note = label("speechNote", "Spoken guidance note", role="muted", wrap=True)
        self.pacer = self._check("pacerCheck", "Show the breathing guide", settings.show_pacer)
        self.reduced = self._check("reducedMotionCheck", "Reduce motion (a still bar instead of a moving circle)", settings.reduced_motion)
        self.text_size = self._combo("textSizeCombo", "Text size", TEXT_SIZES, settings.text_size)
        self.theme = self._combo("themeCombo", "Colours", THEMES, settings.theme)
        self.reminders = self._check(
            "remindersCheck", "Remind me when my routine is due (while the app is open)", settings.reminders
        )
        self.reminder_time = QTimeEdit(settings.reminder_time, objectName="reminderTimeEdit")
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setAccessibleName("Reminder time")
        self.reminder_time.timeChanged.connect(self._save)
        self.reminder_note = label("reminderNote", "Reminder note", role="muted", wrap=True)

        form = QFormLayout()
        form.addRow(self.sound)
        form.addRow("Volume", self.volume)
        form.addRow(self.breath_cues)
        form.addRow(self.speech)
        form.addRow(self.sound_note)
        form.addRow(self.speech_note)
        form.addRow(self.pacer)
        form.addRow(self.reduced)
        form.addRow("Text size", self.text_size)
        form.addRow("Colours", self.theme)
        form.addRow(self.reminders)
        form.addRow("Reminder time", self.reminder_time)
        form.addRow(self.reminder_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_what_can_sound(self._sound_player, speaker or shared_speaker())
        from stretch_gui.ui.reminders import NO_TRAY, tray_available

        self._show_note(self.reminder_note, "" if tray_available() else NO_TRAY)

    def _check(self, name: str, text: str, value: bool) -> QCheckBox:
        box = QCheckBox(text, objectName=name)
        box.setAccessibleName(text)
        box.setChecked(value)
        box.toggled.connect(self._save)
        return box

    def _volume_slider(self, value: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, objectName="volumeSlider")
        slider.setAccessibleName("Volume")
        slider.setRange(0, 100)
        slider.setSingleStep(5)
        slider.setPageStep(10)
        slider.setValue(value)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.setAccessibleDescription(f"{value} percent")
        slider.valueChanged.connect(lambda v: slider.setAccessibleDescription(f"{v} percent"))
        slider.valueChanged.connect(self._save)
        slider.valueChanged.connect(self._volume_preview.start)
        return slider

    def _preview_volume(self) -> None:
        from stretch_gui.core.session.cues import Cue

        if self.settings.sound:
            self._sound_player.play(Cue.HOLD_START, volume=self.volume.value())

    def _show_what_can_sound(self, sound: SoundPlayer, speaker: Speaker) -> None:
        """Say once, under the options, why the app will stay silent or speechless here."""
        sound.open()
        self._show_note(self.sound_note, sound.reason)
        sound.silenced.connect(self._sound_silenced)  # a method, so it goes with the dialog
        speaker.open()
        self.speech.setEnabled(not speaker.reason)
        self._show_note(self.speech_note, speaker.reason)

    def _sound_silenced(self, reason: str) -> None:
        self._show_note(self.sound_note, reason)

    def _show_note(self, note: QLabel, text: str) -> None:
        note.setText(text)
        note.setAccessibleDescription(text)
        note.setVisible(bool(text))

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
        self.settings.volume = self.volume.value()
        self.settings.breath_cues = self.breath_cues.isChecked()
        self.settings.spoken_guidance = self.speech.isChecked()
        self.settings.show_pacer = self.pacer.isChecked()
        self.settings.reduced_motion = self.reduced.isChecked()
        self.settings.text_size = self.text_size.currentData()
        self.settings.theme = self.theme.currentData()
        self.settings.reminders = self.reminders.isChecked()
        self.settings.reminder_time = self.reminder_time.time().toPython()
        self.changed.emit()
