"""Synthesize the app's cue sounds: soft chimes and breath tones, written as WAV files.

Standard library only and fully deterministic, so the checked-in files can be
rebuilt byte for byte (a test does exactly that) and carry no licence beyond
this repository's own. Run from anywhere:

    python assets/sounds/make_sounds.py [OUTPUT_FOLDER]

Every sound is mono, 16-bit, 44.1 kHz, peaks far below full scale, starts and
ends on silence (a raised-cosine attack and a fade to exactly zero, so no
clicks), and lasts at most about a second, which keeps each file under 100 KB.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

RATE = 44_100
PEAK = 0.30  # of full scale, for the chimes: heard across a room, never harsh
BREATH_PEAK = 0.16  # breath tones sit well under the chimes
FADE_OUT = 0.04  # seconds of final fade to exact silence


@dataclass(frozen=True)
class Note:
    """One soft bell-like note: a sine with two quieter overtones that die away faster."""

    at: float  # seconds from the start of the sound
    frequency: float
    loudness: float = 1.0
    decay: float = 0.35  # seconds for the note to fall to about a third
    attack: float = 0.012
    glide: float = 0.0  # relative pitch change over the note (breath tones lean up or down)

    def sample(self, t: float) -> float:
        local = t - self.at
        if local < 0:
            return 0.0
        if local < self.attack:  # raised cosine: starts with zero slope, so no click
            envelope = (1 - math.cos(math.pi * local / self.attack)) / 2
        else:
            envelope = math.exp(-(local - self.attack) / self.decay)
        # Phase of a linear glide: the integral of f * (1 + glide * local).
        phase = 2 * math.pi * self.frequency * (local + self.glide * local * local / 2)
        tone = (
            math.sin(phase)
            + 0.22 * math.sin(2 * phase) * math.exp(-local / 0.12)
            + 0.06 * math.sin(3 * phase) * math.exp(-local / 0.06)
        )
        return self.loudness * envelope * tone


@dataclass(frozen=True)
class Sound:
    name: str
    length: float  # seconds
    notes: tuple[Note, ...]
    peak: float = PEAK

    def samples(self) -> list[float]:
        count = int(self.length * RATE)
        raw = [sum(note.sample(i / RATE) for note in self.notes) for i in range(count)]
        fade = int(FADE_OUT * RATE)
        for i in range(fade):
            raw[count - fade + i] *= (1 + math.cos(math.pi * (i + 1) / fade)) / 2
        loudest = max(abs(value) for value in raw)
        return [self.peak * value / loudest for value in raw]


def hz(midi_note: int) -> float:
    return 440.0 * 2 ** ((midi_note - 69) / 12)


C5, D5, E5, G5, A5, C6 = (hz(n) for n in (72, 74, 76, 79, 81, 84))
G3, D3 = hz(55), hz(50)

SOUNDS = (
    # Rising fourth: "begin".
    Sound("hold-start", 0.9, (Note(0.0, E5, 0.8), Note(0.14, A5, 1.0, decay=0.4))),
    # Falling, then settling on the lower note: "you can let go".
    Sound("hold-end", 1.0, (Note(0.0, A5, 0.8), Note(0.16, E5, 0.9, decay=0.3), Note(0.32, C5, 0.8, decay=0.45))),
    # Two quick equal notes, unlike either chime: "other side".
    Sound("switch-sides", 0.7, (Note(0.0, G5, 1.0, decay=0.12), Note(0.16, G5, 1.0, decay=0.3))),
    # Low, slow-swelling tones; in leans up, out leans down.
    Sound("breath-in", 0.9, (Note(0.0, G3, 1.0, decay=0.5, attack=0.25, glide=0.04),), peak=BREATH_PEAK),
    Sound("breath-out", 0.9, (Note(0.0, D3, 1.0, decay=0.5, attack=0.25, glide=-0.04),), peak=BREATH_PEAK),
    # A warm major arpeggio that rings as a chord: "all done".
    Sound(
        "complete",
        1.1,
        (
            Note(0.0, C5, 0.8, decay=0.6),
            Note(0.12, E5, 0.7, decay=0.55),
            Note(0.24, G5, 0.7, decay=0.5),
            Note(0.36, C6, 0.5, decay=0.45),
        ),
    ),
)


def pcm(samples: Iterable[float]) -> bytes:
    return b"".join(struct.pack("<h", round(value * 32767)) for value in samples)


def write(sound: Sound, folder: Path) -> Path:
    path = folder / f"{sound.name}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm(sound.samples()))
    return path


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    for sound in SOUNDS:
        print(write(sound, folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
