"""Cue sounds through QtMultimedia's QSoundEffect, or silence with a reason the user can read.

QtMultimedia is imported only when sound is first wanted: it costs tens of
milliseconds to load and more to find the audio devices, none of which the
window needs to open. Wherever sound cannot work (the library will not load,
there is no sound server or output device, a sound file will not decode) the
player goes quiet for good and says why in ``reason``; it never raises.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLoggingCategory, QObject, QUrl, Signal

from stretch_gui.core.resources import sound_file
from stretch_gui.core.session.cues import Cue
from stretch_gui.qt.app_wide import app_wide
from stretch_gui.qt.settings import DEFAULT_VOLUME

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

# Set to "off" to keep the app away from the audio system altogether (the tests do).
SOUND_ENV = "STRETCH_GUI_SOUND"

SWITCHED_OFF = f"Sound is turned off for this run ({SOUND_ENV}=off), so the app is silent."
NO_LIBRARY = "The sound library could not load on this computer, so the app is silent."
NO_DEVICE = "No sound device found, so the app is silent."
BAD_FILE = "A cue sound ({name}) could not be played here, so the app is silent."


class SoundOutput(Protocol):
    def play(self, cue: Cue, *, volume: int) -> None: ...


def sound_switched_off() -> bool:
    return os.environ.get(SOUND_ENV, "").strip().lower() == "off"


def sound_server_running() -> bool:
    """Whether Qt will find somewhere to send sound, asked without asking Qt.

    On Linux, Qt plays through a PipeWire or PulseAudio server. When none runs,
    the first question to QtMultimedia about devices logs a warning
    ("PulseAudioService: pa_context_connect() failed") before answering "none",
    so look for the servers' sockets first, the way their client libraries do.
    Other systems always have their native audio service.
    """
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("PULSE_SERVER") or os.environ.get("PIPEWIRE_REMOTE"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    sockets = (runtime / "pulse" / "native", runtime / "pipewire-0", Path("/run/pulse/native"))
    return any(path.is_socket() for path in sockets)


def quiet_optional_library_probes() -> None:
    """Hide QtMultimedia's notes about optional libraries it looked for and did not need.

    Loading QtMultimedia makes it look for PipeWire and the VA-API video decoders
    and log a warning in the ``qt.multimedia.symbolsresolver`` category for each one
    missing ("Couldn't load pipewire-0.3 library"). A missing one is normal (PulseAudio
    does the job, and the app decodes no video), so only that category is silenced;
    every other Qt warning still shows.
    """
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def linear_volume(percent: int) -> float:
    """A slider position (0-100, heard as even steps) as QSoundEffect's linear volume."""
    from PySide6.QtMultimedia import QtAudio

    value = min(max(percent, 0), 100) / 100
    return QtAudio.convertVolume(value, QtAudio.VolumeScale.LogarithmicVolumeScale, QtAudio.VolumeScale.LinearVolumeScale)


class SoundPlayer(QObject):
    """One preloaded QSoundEffect per cue, created on first use."""

    silenced = Signal(str)  # the reason, once, when the player gives up on sound

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("soundPlayer")
        self._effects: dict[Cue, QSoundEffect] = {}
        self._opened = False
        self.reason = ""

    @property
    def silent(self) -> bool:
        return bool(self.reason)

    @property
    def ready(self) -> bool:
        """Every effect has loaded and can play at once."""
        from PySide6.QtMultimedia import QSoundEffect

        return bool(self._effects) and all(e.status() is QSoundEffect.Status.Ready for e in self._effects.values())

    def open(self) -> None:
        """Load QtMultimedia and the sounds; safe to call again. Afterwards ``reason`` says if it is silent."""
        if self._opened:
            return
        self._opened = True
        reason = self._open_effects()
        if reason:
            self._give_up(reason)

    def _open_effects(self) -> str:
        if sound_switched_off():
            return SWITCHED_OFF
        if not sound_server_running():
            return NO_DEVICE
        quiet_optional_library_probes()
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:  # on Linux, libpulse missing; or a PySide6 built without it
            return NO_LIBRARY
        if not QMediaDevices.audioOutputs():
            return NO_DEVICE
        for cue in Cue:
            effect = QSoundEffect(self)
            effect.setObjectName(f"sound-{cue.value}")
            effect.statusChanged.connect(partial(self._status_changed, cue))
            effect.setSource(QUrl.fromLocalFile(str(sound_file(cue.file_name))))
            self._effects[cue] = effect
        return ""

    def _status_changed(self, cue: Cue) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(cue)
        if effect is not None and effect.status() is QSoundEffect.Status.Error:
            self._give_up(BAD_FILE.format(name=cue.file_name))

    def _give_up(self, reason: str) -> None:
        if self.reason:
            return
        self.reason = reason
        effects, self._effects = self._effects, {}
        for effect in effects.values():
            effect.deleteLater()
        self.silenced.emit(reason)

    def play(self, cue: Cue, *, volume: int = DEFAULT_VOLUME) -> None:
        self.open()
        effect = self._effects.get(cue)
        if effect is None:
            return
        effect.setVolume(linear_volume(volume))
        effect.play()


def shared_player() -> SoundPlayer:
    """The application's one sound player (sounds are loaded once, not per routine)."""
    return app_wide(SoundPlayer, "soundPlayer")
