"""The cue sounds: rebuilt byte for byte by their script, small, soft and click-free."""

from __future__ import annotations

import struct
import subprocess
import sys
import wave
from itertools import pairwise
from pathlib import Path

import pytest

from stretch_gui.core.resources import sound_file
from stretch_gui.core.session.cues import Cue

MAX_BYTES = 100_000
MAX_PEAK = 0.5  # of full scale
EDGE = 0.002  # first and last samples are this close to silence (of full scale)


def samples(path: Path) -> tuple[wave.Wave_read, list[int]]:
    with wave.open(str(path), "rb") as audio:
        frames = audio.readframes(audio.getnframes())
    return audio, list(struct.unpack(f"<{audio.getnframes()}h", frames))


@pytest.mark.subprocess
def test_the_script_rebuilds_the_checked_in_files_exactly(repo_root: Path, tmp_path: Path) -> None:
    script = repo_root / "assets" / "sounds" / "make_sounds.py"
    result = subprocess.run([sys.executable, str(script), str(tmp_path)], check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in tmp_path.glob("*.wav"))
    assert built == sorted(cue.file_name for cue in Cue)
    for name in built:
        assert (tmp_path / name).read_bytes() == (repo_root / "assets" / "sounds" / name).read_bytes(), name


@pytest.mark.parametrize("cue", list(Cue), ids=lambda c: c.value)
def test_each_sound_is_small_soft_and_starts_and_ends_in_silence(cue: Cue) -> None:
    path = sound_file(cue.file_name)
    assert path.stat().st_size < MAX_BYTES
    audio, data = samples(path)
    assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, 44_100)
    assert 0.3 <= audio.getnframes() / audio.getframerate() <= 1.2
    peak = max(abs(v) for v in data) / 32767
    assert 0.05 < peak < MAX_PEAK
    for edge in (data[:8], data[-8:]):
        assert max(abs(v) for v in edge) / 32767 < EDGE
    # No click anywhere: a step between neighbours stays far below the sound's own size.
    assert max(abs(b - a) for a, b in pairwise(data)) < 0.2 * max(abs(v) for v in data)


def test_breath_tones_are_quieter_and_lower_than_the_chimes() -> None:
    def loudness_and_crossings(cue: Cue) -> tuple[float, float]:
        audio, data = samples(sound_file(cue.file_name))
        crossings = sum(1 for a, b in pairwise(data) if (a < 0) != (b < 0))
        return max(abs(v) for v in data), crossings / (audio.getnframes() / audio.getframerate())

    chimes = [loudness_and_crossings(c) for c in (Cue.HOLD_START, Cue.HOLD_END, Cue.SWITCH_SIDES, Cue.COMPLETE)]
    for breath in (Cue.BREATH_IN, Cue.BREATH_OUT):
        peak, rate = loudness_and_crossings(breath)
        assert all(peak < chime_peak and rate < chime_rate / 2 for chime_peak, chime_rate in chimes), breath
