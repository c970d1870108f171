"""The Settings dialog, built from the registry in stretch_gui.core.preferences.

Each control writes its one preference the moment it changes; whoever shows that
preference hears it from AppSettings.changed, so nothing else is redone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSlider,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stretch_gui.core import preferences as prefs
from stretch_gui.core.preferences import Choice, Preference, Range, TimeOfDay, Toggle
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.dialogs.fitting import fit_to_screen
from stretch_gui.ui.parts.labels import label
from stretch_gui.ui.parts.scrolling import scrolling

if TYPE_CHECKING:
    from stretch_gui.qt.sound import SoundPlayer
    from stretch_gui.qt.speech import Speaker


def object_name(key: str, kind: str) -> str:
    """``breath_cues`` shown as a check box is ``breathCuesCheck``: the name tests find it by."""
    first, *rest = key.split("_")
    return first + "".join(word.capitalize() for word in rest) + kind


class SettingsDialog(QDialog):
    changed = Signal(str)  # the key of a preference that now has another value

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        sound: SoundPlayer | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        from stretch_gui.qt.sound import (
            shared_player,  # not needed until the dialog opens
        )
        from stretch_gui.qt.speech import shared_speaker

        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(prefs.TITLE)
        self.setAccessibleName(prefs.TITLE)  # announced as "Settings", not as the first note inside it
        self.settings = settings
        self._sound_player = sound or shared_player()
        # Let the new volume be heard once the slider stops moving, not on every step.
        self._volume_preview = QTimer(self, singleShot=True, interval=350)
        self._volume_preview.timeout.connect(self._preview_volume)
        self.controls: dict[str, QWidget] = {}
        self.sound_note = label("soundNote", "Sound note", role="muted", wrap=True)
        self.speech_note = label("speechNote", "Spoken guidance note", role="muted", wrap=True)
        self.reminder_note = label("reminderNote", "Reminder note", role="muted", wrap=True)
        # Why the app may stay silent, speechless or unable to remind, under the options it concerns.
        availability = {
            prefs.SOUND_GROUP: (self.sound_note, self.speech_note),
            prefs.REMINDERS_GROUP: (self.reminder_note,),
        }

        content = QWidget()
        content.setObjectName("settingsContent")
        layout = QVBoxLayout(content)
        for group in prefs.GROUPS:
            heading = label(object_name(group.key, "Heading"), group.title, role="section")
            heading.setText(group.title)
            layout.addWidget(heading)
            form = QFormLayout()
            for preference in prefs.shown_in(group):
                self._add_row(form, preference)
            for note in availability.get(group, ()):
                form.addRow(note)
            layout.addLayout(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content, "settingsScroll"), 1)
        outer.addWidget(buttons)
        self._content, self._buttons = content, buttons
        self._fitted = False

        settings.changed.connect(self._changed)  # a method, so the connection goes with the dialog
        self._show_what_can_sound(self._sound_player, speaker or shared_speaker())
        from stretch_gui.core.record.reminders import NO_TRAY
        from stretch_gui.ui.reminders import tray_available

        self._show_note(self.reminder_note, "" if tray_available() else NO_TRAY)

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once styled (the text size sets the fonts): all of it when the screen allows, else it scrolls.
        if not self._fitted:
            self._fitted = True
            self.ensurePolished()
            wanted = self._content.sizeHint()
            fit_to_screen(self, wanted.width() + 60, wanted.height() + self._buttons.sizeHint().height() + 60)
        super().showEvent(event)

    # -- controls, one kind for each kind of preference ------------------------------------

    def _add_row(self, form: QFormLayout, preference: Preference[Any]) -> None:
        if isinstance(preference, Toggle):
            control: QWidget = self._check(preference)
            form.addRow(control)
        elif isinstance(preference, Range):
            control = self._slider(preference)
            form.addRow(preference.label, control)
        elif isinstance(preference, Choice):
            control = self._combo(preference)
            form.addRow(preference.label, control)
        elif isinstance(preference, TimeOfDay):
            control = self._time_edit(preference)
            form.addRow(preference.label, control)
        else:
            raise TypeError(f"no control for {type(preference).__name__} ({preference.key})")
        control.setAccessibleName(preference.label)
        if preference.note:
            note = label(object_name(preference.key, "Note"), preference.label, role="muted", wrap=True)
            note.setText(preference.note)
            control.setAccessibleDescription(preference.note)
            form.addRow(note)
        self.controls[preference.key] = control
        self._show(preference.key)

    def _check(self, preference: Toggle) -> QCheckBox:
        box = QCheckBox(preference.label)
        box.setObjectName(object_name(preference.key, "Check"))
        box.toggled.connect(lambda checked: self.settings.write(preference, checked))
        return box

    def _slider(self, preference: Range) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(object_name(preference.key, "Slider"))
        slider.setRange(preference.minimum, preference.maximum)
        slider.setSingleStep(preference.step)
        slider.setPageStep(preference.page_step)
        slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        slider.valueChanged.connect(lambda value: slider.setAccessibleDescription(preference.spoken(value)))
        slider.valueChanged.connect(lambda value: self.settings.write(preference, value))
        if preference is prefs.VOLUME:
            slider.valueChanged.connect(self._volume_preview.start)
        return slider

    def _combo(self, preference: Choice) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(object_name(preference.key, "Combo"))
        for option in preference.options:
            combo.addItem(option.label, option.value)
        combo.currentIndexChanged.connect(lambda _index: self.settings.write(preference, combo.currentData()))
        return combo

    def _time_edit(self, preference: TimeOfDay) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setObjectName(object_name(preference.key, "Edit"))
        edit.setDisplayFormat("HH:mm")
        edit.timeChanged.connect(lambda value: self.settings.write(preference, value.toPython()))
        return edit

    def _show(self, key: str) -> None:
        """Put the kept value into its control without writing it back."""
        control = self.controls.get(key)
        if control is None:
            return
        preference = prefs.BY_KEY[key]
        value = self.settings.read(preference)
        control.blockSignals(True)  # showing a value is not a change to save
        try:
            if isinstance(control, QCheckBox):
                control.setChecked(value)
            elif isinstance(control, QSlider):
                control.setValue(value)
                if isinstance(preference, Range):
                    control.setAccessibleDescription(preference.spoken(value))
            elif isinstance(control, QComboBox):
                control.setCurrentIndex(max(0, control.findData(value)))
            elif isinstance(control, QTimeEdit):
                control.setTime(QTime(value.hour, value.minute))
        finally:
            control.blockSignals(False)

    def _changed(self, key: str) -> None:
        # Also what changed elsewhere while the dialog is open: M for sound, say.
        self._show(key)
        self.changed.emit(key)

    # -- what the sound, speech and tray allow here ---------------------------------------

    def _preview_volume(self) -> None:
        from stretch_gui.core.session.cues import Cue

        if self.settings.sound:
            self._sound_player.play(Cue.HOLD_START, volume=self.settings.volume)

    def _show_what_can_sound(self, sound: SoundPlayer, speaker: Speaker) -> None:
        """Say once, under the options, why the app will stay silent or speechless here."""
        sound.open()
        self._show_note(self.sound_note, sound.reason)
        sound.silenced.connect(self._sound_silenced)  # a method, so it goes with the dialog
        speaker.open()
        self.controls[prefs.SPOKEN_GUIDANCE.key].setEnabled(not speaker.reason)
        self._show_note(self.speech_note, speaker.reason)

    def _sound_silenced(self, reason: str) -> None:
        self._show_note(self.sound_note, reason)

    def _show_note(self, note: QLabel, text: str) -> None:
        note.setText(text)
        note.setAccessibleDescription(text)
        note.setVisible(bool(text))
