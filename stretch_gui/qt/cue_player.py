"""Sounds the session's moments: asks the core which cue fits, then plays or says it.

One CuePlayer follows one SessionDriver. It hears every session event (so it
sees why a change happened and whether more follow after a stall) and, only
while breath cues are on, the driver's ticks, where the work is one breath
lookup and one comparison. The sound and speech outputs are made on first use
(QtMultimedia and QtTextToSpeech are slow to load), and tests may replace them
with recorders through ``sound`` and ``speech``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from stretch_gui.core.session.cues import CueCaller, Prompt
from stretch_gui.core.session.session import SessionEvent
from stretch_gui.qt.driver import SessionDriver
from stretch_gui.qt.settings import AppSettings

if TYPE_CHECKING:
    from stretch_gui.qt.sound import SoundOutput
    from stretch_gui.qt.speech import SpeechOutput

# Long enough for the player screen to be painted and settled first, shorter than
# anyone takes to get onto the mat and press Space. A cue before then loads them itself.
WARM_UP_DELAY_MS = 1500


class CuePlayer(QObject):
    def __init__(
        self,
        driver: SessionDriver,
        settings: AppSettings,
        *,
        sound: SoundOutput | None = None,
        speech: SpeechOutput | None = None,
    ) -> None:
        super().__init__(driver)  # lives and dies with its session
        self.setObjectName("cuePlayer")
        self.settings = settings
        self.sound = sound  # None: the application's shared player, made on first use
        self.speech = speech
        self._session = driver.session
        self._caller = CueCaller(driver.session.plan)
        self._breath_cues = settings.breath_cues
        driver.session.subscribe(self._on_event)
        driver.ticked.connect(self._on_tick)
        if settings.sound and sound is None:
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._sound_output)

    def apply_settings(self) -> None:
        self._breath_cues = self.settings.breath_cues

    def _sound_output(self) -> SoundOutput:
        if self.sound is None:
            from stretch_gui.qt.sound import shared_player

            player = shared_player()
            player.open()
            self.sound = player
        return self.sound

    def _speech_output(self) -> SpeechOutput:
        if self.speech is None:
            from stretch_gui.qt.speech import shared_speaker

            self.speech = shared_speaker()
        return self.speech

    def _on_event(self, event: SessionEvent) -> None:
        prompt = self._caller.on_event(event)
        if prompt is not None:
            self._sound(prompt, breath=False)

    def _on_tick(self) -> None:
        if not self._breath_cues:
            return
        prompt = self._caller.on_breath(self._session.index, self._session.breath())
        if prompt is not None:
            self._sound(prompt, breath=True)

    def _sound(self, prompt: Prompt, *, breath: bool) -> None:
        settings = self.settings
        if not settings.sound:  # M mutes voice and chimes alike
            return
        speaking = bool(prompt.words) and settings.spoken_guidance and self._speech_output().available
        # A spoken "Breathe in" replaces the tone; other words follow their chime.
        if prompt.cue is not None and not (breath and speaking):
            self._sound_output().play(prompt.cue, volume=settings.volume)
        if speaking:
            self._speech_output().say(prompt.words)
