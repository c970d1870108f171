"""Spoken guidance through QtTextToSpeech, where the computer has a voice to speak with.

QtTextToSpeech is imported only when guidance is first wanted or the settings
dialog asks whether it can work. Where it cannot (the library will not load,
or no speech engine is installed) the speaker stays quiet and ``reason`` says
why, for the settings dialog to show beside the disabled option.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from stretch_gui.qt.app_wide import app_wide
from stretch_gui.qt.sound import (
    SOUND_ENV,
    quiet_optional_library_probes,
    sound_switched_off,
)

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

SWITCHED_OFF = f"Sound is turned off for this run ({SOUND_ENV}=off), so nothing is spoken."
NO_LIBRARY = "The speech library could not load on this computer, so spoken guidance is not available."
NO_ENGINE = "No text-to-speech voice is installed on this computer, so spoken guidance is not available."
ENGINE_FAILED = "The computer's text-to-speech engine did not start, so spoken guidance is not available."
# Qt's own stand-in engine for its tests: it "speaks" silently.
TEST_ENGINES = frozenset({"mock"})


class SpeechOutput(Protocol):
    @property
    def available(self) -> bool: ...

    def say(self, words: str) -> None: ...


def usable_engines(engines: list[str]) -> list[str]:
    """The engines that can really speak here.

    On Linux the ``speechd`` plug-in ships with Qt but needs speech-dispatcher's
    client library; without it, creating the engine fails and Qt logs a critical
    error. Checking for the library first keeps the log clean.
    """
    import ctypes.util  # only here: it is not needed to open the window

    usable = [name for name in engines if name not in TEST_ENGINES]
    if sys.platform.startswith("linux") and ctypes.util.find_library("speechd") is None:
        usable = [name for name in usable if name != "speechd"]
    return usable


class Speaker(QObject):
    """Says short phrases; silent, with a reason, where no voice is available."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speaker")
        self._speech: QTextToSpeech | None = None
        self._opened = False
        self.reason = ""

    @property
    def available(self) -> bool:
        self.open()
        return self._speech is not None

    def open(self) -> None:
        if self._opened:
            return
        self._opened = True
        self.reason = self._open_engine()

    def _open_engine(self) -> str:
        if sound_switched_off():
            return SWITCHED_OFF
        quiet_optional_library_probes()  # QtTextToSpeech loads QtMultimedia
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return NO_LIBRARY
        engines = usable_engines(QTextToSpeech.availableEngines())
        if not engines:
            return NO_ENGINE
        speech = QTextToSpeech(engines[0], self)
        if speech.state() is QTextToSpeech.State.Error:
            speech.deleteLater()
            return ENGINE_FAILED
        self._speech = speech
        return ""

    def say(self, words: str) -> None:
        """Speak ``words`` at once, cutting off anything still being said (it is out of date)."""
        self.open()
        if self._speech is not None and words:
            self._speech.say(words)


def shared_speaker() -> Speaker:
    return app_wide(Speaker, "speaker")
