"""Every word the player shows, and will announce, for the moment the session is in.

The player screen only lays these words out; it decides none of them. Words that
belong to a whole segment (title, side, instructions, what comes next) change when
the segment does; the live ones (heading, breath count, cue, time left) are asked
for on each tick and are cheap to compare, so a widget repaints only on a change.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from stretch_gui.core.routine.model import ExerciseStep, Side
from stretch_gui.core.routine.plan import Segment, SegmentKind
from stretch_gui.core.routine.stages import day_of
from stretch_gui.core.session.breathing import BreathPhase, BreathState
from stretch_gui.core.session.session import Session, SessionState
from stretch_gui.core.wording import breathing_pattern, easier_line, format_clock, spoken_duration

NBSP = "\u00a0"
CUE_SECONDS = 8  # how long each cue of a hold stays up before the next one
LONGEST_BREATH_WORDS = "Breathe out · 10"  # the widest the breath line gets, for sizing it to one line

BREATHING_INSTRUCTIONS = "Sit or lie comfortably. Follow the circle: breathe in as it grows, out as it shrinks."
BREATHING_WITHOUT_GUIDE = "Sit or lie comfortably. Breathe in slowly, and let the breath out a little longer."
SWITCH_HEADING = "Switch sides: get into position"
SWITCH_CUE = "Come out of the stretch slowly, then set up on the other side."
LAST_EXERCISE = "Last exercise"
HURT_NOTED = "Noted: it hurt here"
SLOW_BREATHING_PICTURE = "Slow breathing"

START = "Start"
PAUSE = "Pause"
RESUME = "Resume"
START_PAUSE_WORDS = (START, PAUSE, RESUME)  # what the one start/pause button may say
PRESS_SPACE_TO_START = "Press Space to start"
PAUSED_HINT = "Paused · Space to go on"
TYPING_HINT = "Enter when the note is done"
NOTE_SECONDS = 4  # how long "Noted: it hurt here" stays before the usual hint comes back

# The countdown's one-word caption, small under the digits.
_CAPTIONS = {
    SegmentKind.PREPARE: "get ready",
    SegmentKind.HOLD: "hold",
    SegmentKind.REPS: "moving",
    SegmentKind.SWITCH: "switch",
    SegmentKind.REST: "rest",
    SegmentKind.BREATHE: "breathe",
}


class LineKind(enum.Enum):
    """How a line of the instructions is meant: the layout styles each kind its own way."""

    BYLINE = "byline"
    CAUTION = "caution"
    INSTRUCTION = "instruction"
    NOTE = "note"


@dataclass(frozen=True)
class Line:
    """One line of the words beside the picture, with its kind (caution, note, byline)."""

    kind: LineKind
    text: str


@dataclass(frozen=True)
class SegmentWords:
    """What stays the same for a whole segment."""

    title: str
    side: str  # "Left side", "Next: right side", or ""
    lines: tuple[Line, ...]  # instructions, with the routine's byline and cautions before the first start
    next_up: str
    caption: str  # under the countdown
    picture: str  # what the illustration shows, for a screen reader
    introducing: bool  # the first look at the routine, before Start: cautions come first

    @property
    def has_cautions(self) -> bool:
        return any(line.kind is LineKind.CAUTION for line in self.lines)


@dataclass(frozen=True)
class LiveWords:
    """What may change from one tick to the next."""

    heading: str
    breath: str  # "Breathe in · 3", or "" when the segment has no pacer
    cue: str
    progress: str  # "Step 2 of 6 · 4:12 left"


@dataclass(frozen=True)
class ControlWords:
    """The start/pause button and the hint beside it, for the session's state."""

    button: str
    button_with_key: str  # the button's name for a screen reader: the key is part of what it does
    hint: str


def side_words(segment: Segment) -> str:
    if segment.side is None:
        return ""
    if segment.kind is SegmentKind.SWITCH:
        return f"Next: {segment.side.label.lower()}"
    return segment.side.label


def _together(words: str) -> str:
    """Kept on one line when a large text size wraps the heading: "Set 1 of 2" never splits."""
    return words.replace(" ", NBSP)


def heading(segment: Segment, rep: int | None = None) -> str:
    sets = " · " + _together(f"Set {segment.set_number} of {segment.set_count}") if segment.set_count > 1 else ""
    kind = segment.kind
    if kind is SegmentKind.PREPARE:
        return "Get into position"
    if kind is SegmentKind.HOLD:
        return "Hold" + sets
    if kind is SegmentKind.REPS:
        return _together(f"Rep {rep or 1} of {segment.reps}") + sets
    if kind is SegmentKind.SWITCH:
        return SWITCH_HEADING
    if kind is SegmentKind.REST:
        return "Rest · next: " + _together(f"set {segment.set_number} of {segment.set_count}")
    assert segment.breathing is not None
    pattern = segment.breathing.describe()
    return pattern[0].upper() + pattern[1:]


def segment_words(session: Session, index: int, *, breathing_guide: bool = True) -> SegmentWords:
    """``breathing_guide``: whether the breathing circle is on screen (no words about a circle that is not there)."""
    plan = session.plan
    segment = plan.segments[index]
    routine = plan.routine
    step = segment.step
    introducing = session.state is SessionState.READY and index == 0
    own_cautions = step.all_cautions if isinstance(step, ExerciseStep) else ()
    lines: list[Line] = []
    if introducing:
        if routine.byline:
            lines.append(Line(LineKind.BYLINE, routine.byline))
        day = day_of(routine)
        if day is not None and day.summary:  # the stage that applies today, and a review that is due
            lines.append(Line(LineKind.CAUTION if day.notice else LineKind.NOTE, day.summary))
        if routine.easier:  # eased after a worse morning: the patient sees why the doses are lower
            lines.append(Line(LineKind.NOTE, easier_line(routine.easier)))
        lines.extend(Line(LineKind.CAUTION, caution) for caution in routine.cautions + own_cautions)
    elif segment.kind is SegmentKind.PREPARE:
        # Each exercise's own cautions while the patient gets into position for it, every time.
        lines.extend(Line(LineKind.CAUTION, caution) for caution in own_cautions)
    if segment.kind is SegmentKind.REST and segment.cue:
        lines.append(Line(LineKind.INSTRUCTION, segment.cue))
    elif isinstance(step, ExerciseStep):
        lines.append(Line(LineKind.INSTRUCTION, step.exercise.instructions))
    else:
        lines.append(Line(LineKind.INSTRUCTION, BREATHING_INSTRUCTIONS if breathing_guide else BREATHING_WITHOUT_GUIDE))
    if step.note:
        lines.append(Line(LineKind.NOTE, step.note))
    upcoming = plan.next_step_title(index)
    if isinstance(step, ExerciseStep):
        picture = f"{step.exercise.title}, {segment.side.label}" if segment.side else step.exercise.title
    else:
        picture = SLOW_BREATHING_PICTURE
    return SegmentWords(
        title=segment.title,
        side=side_words(segment),
        lines=tuple(lines),
        next_up=f"Next: {upcoming}" if upcoming else LAST_EXERCISE,
        caption=_CAPTIONS[segment.kind],
        picture=picture,
        introducing=introducing,
    )


def cue(segment: Segment, elapsed: float, phase: BreathPhase | None) -> str:
    """The short reminder under the instructions: the breath's movement, a rotating hold cue, or how to switch."""
    step = segment.step
    if not isinstance(step, ExerciseStep):
        return ""
    exercise = step.exercise
    if segment.kind is SegmentKind.REPS and phase is not None and (exercise.on_inhale or exercise.on_exhale):
        return exercise.on_inhale if phase in (BreathPhase.INHALE, BreathPhase.PAUSE) else exercise.on_exhale
    if segment.kind is SegmentKind.HOLD and exercise.cues:
        return exercise.cues[int(elapsed // CUE_SECONDS) % len(exercise.cues)]
    if segment.kind is SegmentKind.SWITCH:
        return SWITCH_CUE
    return ""


def progress(session: Session) -> str:
    step_number = session.segment.step_index + 1
    # Whole seconds rounded up, as the countdown shows them: the two clocks on screen agree.
    left = math.ceil(session.routine_remaining() - 1e-9)
    return f"Step {step_number} of {len(session.plan.routine.steps)} · {format_clock(left)} left"


def live_words(session: Session, breath: BreathState | None) -> LiveWords:
    segment = session.segment
    return LiveWords(
        heading=heading(segment, session.rep_number()),
        breath=breath.label() if breath is not None else "",
        cue=cue(segment, session.elapsed(), breath.phase if breath else None),
        progress=progress(session),
    )


def control_words(state: SessionState, *, typing: bool = False) -> ControlWords:
    """``typing``: the focus is in a text field, where Space types a space rather than starting."""
    if state is SessionState.READY:
        return ControlWords(START, f"{START} (Space)", TYPING_HINT if typing else PRESS_SPACE_TO_START)
    if state is SessionState.RUNNING:
        return ControlWords(PAUSE, f"{PAUSE} (Space)", "")
    if state is SessionState.PAUSED:
        return ControlWords(RESUME, f"{RESUME} (Space)", PAUSED_HINT)
    return ControlWords(RESUME, f"{RESUME} (Space)", "")


def mirrored(segment: Segment) -> bool:
    """The right side shows the picture mirrored: the patient copies what they see."""
    return segment.side is Side.RIGHT


# -- the stop question -------------------------------------------------------------------

STOP_TITLE = "Stop the routine?"
STOP_QUESTION = "Stop the routine now?"
STOP_REASSURANCE = "If something hurts, stopping is the right thing to do."
STOP_IT_HURTS = "It hurts — stop"
STOP_PLAIN = "Stop"
KEEP_GOING = "Keep going"


# -- what a screen reader hears -----------------------------------------------------------
#
# One sentence when the moment changes (a new part, a pause, the end), never one a second:
# the countdown and the breath are there to be read on demand, not spoken over and over.

PAUSED = "Paused."
GOING_ON = "Going on."
FINISHED = "Routine finished."
STOPPED = "Routine stopped."


def _spoken_side(segment: Segment) -> str:
    return f", {segment.side.label.lower()}" if segment.side is not None else ""


def announcement(session: Session, index: int) -> str:
    """What to say as segment ``index`` begins."""
    plan = session.plan
    segment = plan.segments[index]
    title = segment.title
    seconds = spoken_duration(round(segment.duration), spelled=True)
    kind = segment.kind
    if kind is SegmentKind.PREPARE:
        return f"Get into position: {title}{_spoken_side(segment)}."
    if kind is SegmentKind.HOLD:
        sets = f", set {segment.set_number} of {segment.set_count}" if segment.set_count > 1 else ""
        return f"Hold: {title}{_spoken_side(segment)}{sets}, {seconds}."
    if kind is SegmentKind.REPS:
        return f"{title}{_spoken_side(segment)}: {segment.reps} reps, one with each breath."
    if kind is SegmentKind.SWITCH:
        coming = segment.side.label.lower() if segment.side is not None else "other side"
        return f"Switch sides. Get into position on the {coming}."
    if kind is SegmentKind.REST:
        then = f" Next: set {segment.set_number} of {segment.set_count}." if segment.set_count > 1 else ""
        cue_words = f" {segment.cue}" if segment.cue else ""
        return f"Rest, {seconds}.{then}{cue_words}"
    assert segment.breathing is not None
    return f"Slow breathing: {breathing_pattern(segment.breathing, spelled=True)}, {seconds} in all."


def state_announcement(state: SessionState, *, was: SessionState) -> str:
    """What to say when the session itself changes: paused, going on, finished, stopped."""
    if state is SessionState.PAUSED:
        return PAUSED
    if state is SessionState.RUNNING and was is SessionState.PAUSED:
        return GOING_ON
    if state is SessionState.FINISHED:
        return FINISHED
    if state is SessionState.STOPPED:
        return STOPPED
    return ""


def timer_words(seconds_left: int, caption: str, breath: BreathPhase | None) -> str:
    """What the countdown says when a screen reader asks for it (it never speaks up on its own)."""
    words = f"{spoken_duration(seconds_left, spelled=True)} left"
    if caption:
        words += f", {caption}"
    if breath is not None:
        words += f". {breath.word}"
    return words
