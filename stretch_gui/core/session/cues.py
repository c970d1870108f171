"""Which sound (and which words) a moment in the session deserves.

The patient lies on a mat and glances at the screen only now and then, so the
app says the important moments out loud: a short chime, and optionally a
spoken phrase. This module decides *what* to sound; the Qt layer plays it.

A cue marks a change the patient did not cause: a deadline passing, or the
press of Start that sets the clock running. Nothing sounds for skipping ahead,
going back, restarting an exercise, pausing, resuming or stopping: the patient
is at the keys then and sees the screen.

Segment changes caused by time running out (``Cause.ELAPSED``):

=====================================  ====================================  =================
segment just left                      segment now on                        cue, words
=====================================  ====================================  =================
any                                    hold, reps or breathe                 HOLD_START
any                                    switch                                SWITCH_SIDES, "Switch sides"
hold, reps or breathe                  rest                                  HOLD_END, "Rest"
prepare, switch or rest                rest                                  none, "Rest"
hold, reps or breathe                  prepare (of the next exercise)        HOLD_END, its title
prepare, switch or rest                prepare (of the next exercise)        none, its title
=====================================  ====================================  =================

A work segment ending straight into another work segment (a next exercise with
no time to get ready) sounds HOLD_START only: one cue per moment, and "begin"
matters more than "stop". The start of a new exercise also speaks its title
when it begins directly with the work (no prepare time).

State changes: Start from READY sounds HOLD_START when the first segment is
work (and speaks the first exercise's title in either case); the routine
finishing because the last deadline passed sounds COMPLETE. Pausing, resuming,
stopping and finishing by skipping the last part sound nothing.

After a stall several segments can end in one update; every event but the last
says ``catching_up``. Those are silent, and the last one sounds as the table
says, so the patient hears at most one cue, for where the session is now.

Breath cues (an option, off by default) mark each turn of the breath:
BREATH_IN when an in-breath begins, BREATH_OUT when an out-breath begins,
nothing for the pauses. At most one per phase: the caller reports the breath on
every tick and only a change of (segment, breath number, phase) can sound. The
first breath of a segment is silent (the segment's own cue marks that moment),
and so is the first breath seen after any jump or resume.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from stretch_gui.core.routine.plan import Plan, SegmentKind
from stretch_gui.core.session.breathing import BreathPhase, BreathState
from stretch_gui.core.session.session import Cause, EventKind, SessionEvent, SessionState


class Cue(enum.Enum):
    """A short sound; the value names its WAV file in assets/sounds."""

    HOLD_START = "hold-start"
    HOLD_END = "hold-end"
    SWITCH_SIDES = "switch-sides"
    BREATH_IN = "breath-in"
    BREATH_OUT = "breath-out"
    COMPLETE = "complete"

    @property
    def file_name(self) -> str:
        return f"{self.value}.wav"


@dataclass(frozen=True)
class Prompt:
    """What to sound at one moment: a chime, words to speak, or both."""

    cue: Cue | None = None
    words: str = ""


SWITCH_WORDS = "Switch sides"
REST_WORDS = "Rest"
BREATH_WORDS = {BreathPhase.INHALE: BreathPhase.INHALE.word, BreathPhase.EXHALE: BreathPhase.EXHALE.word}
BREATH_CUES = {BreathPhase.INHALE: Cue.BREATH_IN, BreathPhase.EXHALE: Cue.BREATH_OUT}


def prompt_for_arrival(plan: Plan, left_index: int | None, index: int) -> Prompt | None:
    """What sounds when time running out moves the session from ``left_index`` to ``index``."""
    segment = plan.segments[index]
    left = plan.segments[left_index] if left_index is not None else None
    new_step = left is None or left.step_index != segment.step_index
    title = segment.title if new_step else ""
    kind = segment.kind
    if kind.is_work:
        return Prompt(Cue.HOLD_START, title)
    if kind is SegmentKind.SWITCH:
        return Prompt(Cue.SWITCH_SIDES, SWITCH_WORDS)
    left_work = left is not None and left.kind.is_work
    words = REST_WORDS if kind is SegmentKind.REST else title
    prompt = Prompt(Cue.HOLD_END if left_work else None, words)
    return prompt if prompt.cue or prompt.words else None


def prompt_for_event(plan: Plan, event: SessionEvent, *, previous_state: SessionState) -> Prompt | None:
    """What a session event should sound, if anything (see the module docstring for the table)."""
    if event.catching_up:
        return None
    if event.kind is EventKind.SEGMENT_CHANGED:
        if event.cause is not Cause.ELAPSED:
            return None
        return prompt_for_arrival(plan, event.left_index, event.segment_index)
    if event.state is SessionState.FINISHED:
        return Prompt(Cue.COMPLETE) if event.cause is Cause.ELAPSED else None
    if event.state is SessionState.RUNNING and previous_state is SessionState.READY:
        return prompt_for_arrival(plan, None, event.segment_index)
    return None


def prompt_for_breath_phase(phase: BreathPhase) -> Prompt | None:
    cue = BREATH_CUES.get(phase)
    return Prompt(cue, BREATH_WORDS[phase]) if cue else None


class CueCaller:
    """Follows one session's events and breath, and says what to sound at each moment.

    Feed it every event (``on_event``) and, while breath cues are wanted, the breath
    on every tick (``on_breath``). It keeps only what it needs to compare.
    """

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._state = SessionState.READY
        self._breath_key: tuple[int, int, BreathPhase] | None = None

    def on_event(self, event: SessionEvent) -> Prompt | None:
        prompt = prompt_for_event(self._plan, event, previous_state=self._state)
        if event.kind is EventKind.STATE_CHANGED:
            self._state = event.state
        # Whatever moved, the next breath seen is a fresh start, not a turn of the breath.
        self._breath_key = None
        return prompt

    def on_breath(self, segment_index: int, breath: BreathState | None) -> Prompt | None:
        """Called per tick: costs one tuple comparison unless the phase turned."""
        if breath is None or self._state is not SessionState.RUNNING:
            self._breath_key = None
            return None
        key = (segment_index, breath.breath_number, breath.phase)
        if key == self._breath_key:
            return None
        first = self._breath_key is None or self._breath_key[0] != segment_index
        self._breath_key = key
        if first:
            return None
        return prompt_for_breath_phase(breath.phase)
