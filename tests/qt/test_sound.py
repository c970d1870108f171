"""Sound cues and spoken guidance in the window, and the real QtMultimedia / QtTextToSpeech paths.

The window tests play a routine on a fake clock, keyboard only, with recorders in
place of the sound and speech outputs. The real-output tests lift the suite's
``STRETCH_GUI_SOUND=off`` and use whatever this machine has: without a sound
server (as in CI) the player must say why it is silent; with one it must load
every sound. Either way no Qt warning may appear (the suite fails on any).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QSlider
from pytestqt.qtbot import QtBot

from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.cues import Cue
from stretch_gui.core.session.session import SessionState
from stretch_gui.qt import cue_player, sound, speech
from stretch_gui.qt.settings import DEFAULT_VOLUME, AppSettings
from stretch_gui.qt.sound import SoundPlayer
from stretch_gui.qt.speech import Speaker
from stretch_gui.ui.app import create_window
from stretch_gui.ui.dialogs.settings import SettingsDialog
from stretch_gui.ui.window import MainWindow

Key = Qt.Key
OFFSCREEN_DIALOG_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Both sides, two sets with a rest, then a second exercise straight into its hold.
SIDES = """\
format: 1
title: Sound check
breathing: {inhale: 5, pause: 1, exhale: 3}
steps:
  - exercise: {title: Side stretch, instructions: Lean to one side.}
    hold: 18s
    sides: both
    switch: 5s
    prepare: 5s
    sets: 2
    rest: 10s
  - exercise: {title: Wall lean, instructions: Lean on the wall.}
    hold: 9s
    prepare: 0s
"""
SIDES_TOTAL = 106
SIDES_CUES = [
    (5, Cue.HOLD_START),
    (23, Cue.SWITCH_SIDES),
    (28, Cue.HOLD_START),
    (46, Cue.HOLD_END),
    (56, Cue.HOLD_START),
    (74, Cue.SWITCH_SIDES),
    (79, Cue.HOLD_START),
    (97, Cue.HOLD_START),
    (106, Cue.COMPLETE),
]
SIDES_WORDS = [
    (0, "Side stretch"),
    (23, "Switch sides"),
    (46, "Rest"),
    (74, "Switch sides"),
    (97, "Wall lean"),
]


class SoundRecorder:
    def __init__(self, clock: FakeClock) -> None:
        self.clock, self.start = clock, clock.now()
        self.played: list[tuple[float, Cue]] = []
        self.volumes: list[int] = []

    def play(self, cue: Cue, *, volume: int) -> None:
        self.played.append((round(self.clock.now() - self.start, 6), cue))
        self.volumes.append(volume)


class SpeechRecorder:
    available = True

    def __init__(self, clock: FakeClock) -> None:
        self.clock, self.start = clock, clock.now()
        self.said: list[tuple[float, str]] = []

    def say(self, words: str) -> None:
        self.said.append((round(self.clock.now() - self.start, 6), words))


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def routine(tmp_path: Path) -> Path:
    path = tmp_path / "sides.yaml"
    path.write_text(SIDES, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, clock: FakeClock, routine: Path) -> Iterator[MainWindow]:
    window = create_window(routine, settings=settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    yield window
    if shiboken6.isValid(window):
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def ears(window: MainWindow, clock: FakeClock) -> tuple[SoundRecorder, SpeechRecorder]:
    """Recorders in place of the window's sound and speech outputs."""
    cues = window.player.cues
    assert cues is not None
    cues.sound, cues.speech = SoundRecorder(clock), SpeechRecorder(clock)
    return cues.sound, cues.speech


@pytest.fixture
def real_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let this test reach the machine's audio and speech system, as the app would."""
    monkeypatch.delenv(sound.SOUND_ENV, raising=False)


def press(qtbot: QtBot, key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key)


def run(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Let time pass in timer-sized steps, each noticed by the driver as its timer would."""
    driver = window.player.driver
    assert driver is not None
    end = clock.now() + seconds
    while clock.now() < end - 1e-9:
        clock.advance(min(step, end - clock.now()))
        driver.tick()


# -- cues during a routine -------------------------------------------------------------------


def test_a_played_through_routine_chimes_at_each_moment_and_nothing_else(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, spoken = ears
    press(qtbot, Key.Key_Space)
    run(window, clock, SIDES_TOTAL + 2)
    assert window.player.driver is None or window.player.driver.session.state is SessionState.FINISHED
    assert heard.played == SIDES_CUES
    assert heard.volumes == [DEFAULT_VOLUME] * len(SIDES_CUES)
    assert spoken.said == []  # spoken guidance is off by default


def test_spoken_guidance_says_titles_switches_and_rests(
    window: MainWindow, settings: AppSettings, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, spoken = ears
    settings.spoken_guidance = True
    press(qtbot, Key.Key_Space)
    run(window, clock, SIDES_TOTAL + 2)
    assert spoken.said == SIDES_WORDS
    assert heard.played == SIDES_CUES  # the chimes still sound


def test_breath_tones_when_on_and_spoken_breath_words_replace_them(
    window: MainWindow, settings: AppSettings, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, spoken = ears
    settings.breath_cues = True
    window.apply_settings()  # what the settings dialog's change does
    press(qtbot, Key.Key_Space)
    run(window, clock, 5 + 18, step=0.04)  # the prepare, then the first 18 s hold (two 9 s breaths)
    # In the hold: the first in-breath shares the hold-start chime; then out at 6, in at 9, out at 15.
    breaths = [(at, cue) for at, cue in heard.played if cue in (Cue.BREATH_IN, Cue.BREATH_OUT)]
    assert [cue for _, cue in breaths] == [Cue.BREATH_OUT, Cue.BREATH_IN, Cue.BREATH_OUT]
    assert [at for at, _ in breaths] == pytest.approx([11, 14, 20], abs=0.041)

    settings.spoken_guidance = True
    run(window, clock, 5 + 10, step=0.04)  # the switch, then 10 s of the right side
    after = [cue for at, cue in heard.played if at > 23.1]
    assert Cue.BREATH_IN not in after and Cue.BREATH_OUT not in after
    assert [words for at, words in spoken.said if at > 23.1] == ["Breathe out", "Breathe in"]


def test_m_mutes_chimes_and_voice(
    window: MainWindow, settings: AppSettings, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, spoken = ears
    settings.spoken_guidance = True
    press(qtbot, Key.Key_Space)
    run(window, clock, 6)
    assert heard.played == [(5, Cue.HOLD_START)]
    press(qtbot, Key.Key_M)
    assert settings.sound is False
    run(window, clock, 40)
    assert heard.played == [(5, Cue.HOLD_START)]
    assert spoken.said == [(0, "Side stretch")]
    press(qtbot, Key.Key_M)
    run(window, clock, 10)  # the rest began at 46
    assert heard.played[-1] == (56, Cue.HOLD_START)


def test_keys_that_skip_go_back_or_restart_are_silent(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, spoken = ears
    press(qtbot, Key.Key_Space)
    run(window, clock, 1)
    for key in (Key.Key_Right, Key.Key_Right, Key.Key_Right, Key.Key_Left, Key.Key_R, Key.Key_Right):
        press(qtbot, key)
    assert heard.played == [] and spoken.said == []
    assert window.player.driver is not None and window.player.driver.session.index == 1


def test_after_a_stall_one_cue_for_where_the_session_is_now(
    window: MainWindow, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, _spoken = ears
    press(qtbot, Key.Key_Space)
    run(window, clock, 6)
    heard.played.clear()
    clock.advance(52)  # 58 s in: hold, switch, hold and rest ended unseen; set two is holding
    window.player.driver.tick()
    assert heard.played == [(58, Cue.HOLD_START)]


def test_the_volume_setting_reaches_the_player(
    window: MainWindow, settings: AppSettings, clock: FakeClock, qtbot: QtBot, ears: tuple[SoundRecorder, SpeechRecorder]
) -> None:
    heard, _spoken = ears
    settings.volume = 35
    press(qtbot, Key.Key_Space)
    run(window, clock, 6)
    assert heard.volumes == [35]


def test_the_sounds_are_loaded_a_moment_after_a_routine_opens(
    qtbot: QtBot, settings: AppSettings, clock: FakeClock, routine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cue_player, "WARM_UP_DELAY_MS", 20)
    window = create_window(routine, settings=settings, clock=clock)
    qtbot.addWidget(window)
    cues = window.player.cues
    assert cues is not None and cues.sound is None
    qtbot.waitUntil(lambda: isinstance(cues.sound, SoundPlayer), timeout=2000)
    assert cues.sound is sound.shared_player()
    assert cues.sound.reason == sound.SWITCHED_OFF  # this suite keeps the app away from the audio system
    window.close()


def test_a_new_routine_gets_a_new_cue_player_and_the_old_one_goes(
    window: MainWindow, clock: FakeClock, routine: Path, qtbot: QtBot
) -> None:
    first = window.player.cues
    assert first is not None
    window.open_file(routine)
    second = window.player.cues
    assert second is not None and second is not first
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(first)


# -- the real sound player -------------------------------------------------------------------


def wait_until_settled(qtbot: QtBot, player: SoundPlayer) -> None:
    """Until every effect has loaded, or the player has given up and said why."""
    qtbot.waitUntil(lambda: player.silent or player.ready, timeout=5000)


def test_real_player_loads_every_sound_or_says_why_it_is_silent(qtbot: QtBot, real_outputs: None) -> None:
    player = SoundPlayer()
    player.open()
    wait_until_settled(qtbot, player)
    if player.silent:  # CI: libpulse installed, no sound server
        assert player.reason in (sound.NO_DEVICE, sound.NO_LIBRARY)
    else:  # a machine with a sound server
        from PySide6.QtMultimedia import QSoundEffect

        effects = player.findChildren(QSoundEffect)
        assert sorted(e.objectName() for e in effects) == sorted(f"sound-{cue.value}" for cue in Cue)
        assert all(e.status() is QSoundEffect.Status.Ready for e in effects)
    for cue in Cue:
        player.play(cue, volume=10)  # never raises, sounding or not
    player.deleteLater()


@pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect")
def test_real_player_with_no_output_device_is_silent_with_a_reason(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the sound-server check, Qt itself is asked for devices (and may warn once that no server answers)."""
    monkeypatch.setattr(sound, "sound_server_running", lambda: True)
    player = SoundPlayer()
    with qtbot.waitSignal(player.silenced, timeout=0, raising=False) as silenced:
        player.open()
    wait_until_settled(qtbot, player)
    if player.silent:
        assert player.reason == sound.NO_DEVICE
        assert silenced.args == [sound.NO_DEVICE]
    else:
        assert player.ready
    player.deleteLater()


def test_without_a_sound_server_qt_is_not_asked_at_all(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("PULSE_SERVER", "PIPEWIRE_REMOTE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no sockets here
    monkeypatch.setattr(sound, "quiet_optional_library_probes", lambda: pytest.fail("QtMultimedia was about to load"))
    if sys.platform.startswith("linux"):
        assert not sound.sound_server_running()
        player = SoundPlayer()
        player.open()
        assert player.reason == sound.NO_DEVICE
        player.deleteLater()


def test_when_qtmultimedia_cannot_load_the_app_runs_silently(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a Linux machine without libpulse: importing QtMultimedia raises ImportError."""
    monkeypatch.setattr(sound, "sound_server_running", lambda: True)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    player = SoundPlayer()
    reasons: list[str] = []
    player.silenced.connect(reasons.append)
    player.open()
    player.play(Cue.HOLD_START)
    assert player.silent and player.reason == sound.NO_LIBRARY
    assert reasons == [sound.NO_LIBRARY]
    player.deleteLater()


@pytest.mark.qt_log_ignore("QSoundEffect: Error decoding source", "PulseAudioService: pa_context_connect")
def test_a_sound_file_that_will_not_decode_silences_the_player(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not really a wave file")
    monkeypatch.setattr(sound, "sound_file", lambda name: broken)
    monkeypatch.setattr(sound, "sound_server_running", lambda: True)
    player = SoundPlayer()
    player.open()
    qtbot.waitUntil(lambda: player.silent, timeout=5000)
    # With an output device Qt tries the file and fails; without one it never gets that far.
    assert player.reason in (sound.BAD_FILE.format(name=Cue.HOLD_START.file_name), sound.NO_DEVICE)
    assert not player.ready
    player.play(Cue.HOLD_START)
    player.deleteLater()


def test_switched_off_by_the_environment_never_touches_qt(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(sound.SOUND_ENV, "off")
    monkeypatch.setattr(sound, "sound_server_running", lambda: pytest.fail("asked for a sound server"))
    player = SoundPlayer()
    player.open()
    assert player.reason == sound.SWITCHED_OFF
    player.deleteLater()


# -- speech ----------------------------------------------------------------------------------


def test_real_speaker_is_available_only_with_a_real_engine(qtbot: QtBot, real_outputs: None) -> None:
    speaker = Speaker()
    speaker.open()
    if speaker.available:
        speaker.say("Switch sides")
    else:
        assert speaker.reason in (speech.NO_ENGINE, speech.ENGINE_FAILED)
    speaker.deleteLater()


@pytest.mark.qt_log_ignore('Text-to-speech plug-in "no-such-engine" is not supported')
def test_an_engine_that_fails_to_start_leaves_guidance_off(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An engine that will not start is a reason shown to the user, not a crash (Qt logs why, rightly)."""
    monkeypatch.setattr(speech, "usable_engines", lambda engines: ["no-such-engine"])
    speaker = Speaker()
    assert not speaker.available
    assert speaker.reason == speech.ENGINE_FAILED
    speaker.say("Rest")
    speaker.deleteLater()


def test_qt_test_engine_and_a_speechd_without_its_library_do_not_count() -> None:
    usable = speech.usable_engines(["mock"])
    assert usable == []
    import ctypes.util

    if sys.platform.startswith("linux") and ctypes.util.find_library("speechd") is None:
        assert speech.usable_engines(["speechd", "mock"]) == []


def test_speaker_speaks_through_an_engine_when_there_is_one(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's own test engine stands in for a voice: the real QTextToSpeech path, without a sound."""
    monkeypatch.setattr(speech, "usable_engines", lambda engines: [e for e in engines if e == "mock"])
    from PySide6.QtTextToSpeech import QTextToSpeech

    speaker = Speaker()
    assert speaker.available and speaker.reason == ""
    engine = speaker.findChild(QTextToSpeech)
    assert engine is not None and engine.engine() == "mock"
    with qtbot.waitSignal(engine.stateChanged, timeout=2000):
        speaker.say("Switch sides")
    assert engine.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Ready)
    engine.stop()
    speaker.deleteLater()


def test_when_qttexttospeech_cannot_load_there_is_no_guidance(
    qtbot: QtBot, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    speaker = Speaker()
    assert not speaker.available
    assert speaker.reason == speech.NO_LIBRARY
    speaker.say("Rest")  # quietly nothing
    speaker.deleteLater()


# -- settings --------------------------------------------------------------------------------


def test_sound_settings_defaults_and_damaged_values(settings: AppSettings, tmp_path: Path) -> None:
    assert (settings.volume, settings.breath_cues, settings.spoken_guidance) == (DEFAULT_VOLUME, False, False)
    settings.volume = 140
    assert settings.volume == 100
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("volume", "loud")
    store.sync()
    assert AppSettings(store).volume == DEFAULT_VOLUME


class SilentPlayer(SoundPlayer):
    """Never loads anything (the test says when it gives up); records what it was asked to play."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[Cue, int]] = []

    def open(self) -> None:
        pass

    def play(self, cue: Cue, *, volume: int = DEFAULT_VOLUME) -> None:
        self.asked.append((cue, volume))


def dialog_with(
    qtbot: QtBot, settings: AppSettings, *, sound_player: SoundPlayer, speaker: Speaker
) -> SettingsDialog:
    dialog = SettingsDialog(settings, sound=sound_player, speaker=speaker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


@OFFSCREEN_DIALOG_NOISE
def test_settings_dialog_sound_controls_by_keyboard(
    qtbot: QtBot, settings: AppSettings, monkeypatch: pytest.MonkeyPatch, real_outputs: None
) -> None:
    monkeypatch.setattr(speech, "usable_engines", lambda engines: [e for e in engines if e == "mock"])
    player = SilentPlayer()
    dialog = dialog_with(qtbot, settings, sound_player=player, speaker=Speaker())
    volume = dialog.findChild(QSlider, "volumeSlider")
    breath = dialog.findChild(QCheckBox, "breathCuesCheck")
    spoken = dialog.findChild(QCheckBox, "spokenGuidanceCheck")
    assert volume.accessibleName() == "Volume" and volume.value() == DEFAULT_VOLUME
    assert breath.accessibleName() and spoken.accessibleName()
    assert not breath.isChecked() and not spoken.isChecked() and spoken.isEnabled()
    assert not dialog.findChild(QLabel, "soundNote").isVisible()
    assert not dialog.findChild(QLabel, "speechNote").isVisible()

    # Tab reaches every sound control, in the order they are shown.
    dialog.findChild(QCheckBox, "soundCheck").setFocus()
    reached = []
    for _ in range(6):
        press(qtbot, Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
    assert reached[:3] == ["volumeSlider", "breathCuesCheck", "spokenGuidanceCheck"]

    volume.setFocus()
    press(qtbot, Key.Key_Left)
    press(qtbot, Key.Key_PageDown)
    assert settings.volume == DEFAULT_VOLUME - 15
    assert volume.accessibleDescription() == f"{DEFAULT_VOLUME - 15} percent"
    # Once the slider rests, one chime at the new volume, so the patient hears the level.
    qtbot.waitUntil(lambda: player.asked == [(Cue.HOLD_START, DEFAULT_VOLUME - 15)], timeout=2000)
    for box in (breath, spoken):
        box.setFocus()
        press(qtbot, Key.Key_Space)
    assert settings.breath_cues and settings.spoken_guidance


@OFFSCREEN_DIALOG_NOISE
def test_settings_dialog_says_once_why_there_is_no_sound_or_voice(
    qtbot: QtBot, settings: AppSettings, real_outputs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    player = SilentPlayer()
    dialog = dialog_with(qtbot, settings, sound_player=player, speaker=Speaker())
    spoken = dialog.findChild(QCheckBox, "spokenGuidanceCheck")
    sound_note, speech_note = dialog.findChild(QLabel, "soundNote"), dialog.findChild(QLabel, "speechNote")
    assert not spoken.isEnabled()
    assert speech_note.isVisible() and speech_note.text() == speech.NO_LIBRARY
    assert not sound_note.isVisible()
    player._give_up(sound.NO_DEVICE)  # as when an effect fails to load after the dialog opened
    player._give_up(sound.NO_LIBRARY)  # a second failure changes nothing: one reason, said once
    assert sound_note.isVisible() and sound_note.text() == sound.NO_DEVICE
    assert sound_note.accessibleDescription() == sound.NO_DEVICE


def test_the_player_outlives_the_dialog_without_calling_into_it(settings: AppSettings, qtbot: QtBot) -> None:
    player = SilentPlayer()
    dialog = SettingsDialog(settings, sound=player, speaker=Speaker())
    note = dialog.findChild(QLabel, "soundNote")
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(note)
    player._give_up(sound.NO_DEVICE)  # would raise "already deleted" if the dialog were still connected
    assert player.reason == sound.NO_DEVICE


# -- start-up ----------------------------------------------------------------------------------


def test_opening_the_window_loads_neither_multimedia_nor_speech(
    repo_root: Path, subprocess_env: dict[str, str], routine: Path
) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QSettings
        app = QApplication([])
        from stretch_gui.ui.app import create_window
        from stretch_gui.qt.settings import AppSettings
        settings = AppSettings(QSettings({str(routine.parent / "startup.ini")!r}, QSettings.Format.IniFormat))
        window = create_window(settings=settings)
        window.show()
        app.processEvents()
        heavy = ("PySide6.QtMultimedia", "PySide6.QtTextToSpeech", "ctypes", "stretch_gui.qt.sound", "stretch_gui.qt.speech")
        sound_code = heavy + ("stretch_gui.qt.cue_player", "stretch_gui.core.session.cues")
        print("START:", " ".join(m for m in sound_code if m in sys.modules))
        window.open_file(Path({str(routine)!r}))  # a routine opens: its cue player waits before loading sounds
        app.processEvents()
        print("ROUTINE:", " ".join(m for m in heavy if m in sys.modules))
        """
    )
    env = {key: value for key, value in subprocess_env.items() if key != sound.SOUND_ENV}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=repo_root, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["START: ", "ROUTINE: "], result.stdout
