"""What the window says in its message boxes, status bar and Help menu.

Kept here, with the other words, so that a widget only shows a message and never
composes one.
"""

from __future__ import annotations

from dataclasses import dataclass

from stretch_gui.core.routine.problems import Problem
from stretch_gui.core.wording import count

MAX_PROBLEMS_SHOWN = 12


@dataclass(frozen=True)
class Message:
    """A message box's words: its title, its text and optional details."""

    title: str
    text: str
    details: str = ""


def cannot_open(file_name: str, problems: list[Problem]) -> Message:
    lines = [str(problem) for problem in problems[:MAX_PROBLEMS_SHOWN]]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"… and {len(problems) - MAX_PROBLEMS_SHOWN} more")
    return Message(
        "Cannot open routine",
        f"“{file_name}” cannot be used as it is.",
        "Please ask whoever wrote it to check these lines:\n\n" + "\n".join(lines),
    )


HISTORY_UNUSABLE = "Your history cannot be used"


def history_unusable(reason: str) -> Message:
    return Message(
        HISTORY_UNUSABLE,
        f"{reason}\n\nRoutines still work; sessions are not recorded until this is fixed.",
    )


def history_read_only(reason: str) -> Message:
    return Message(
        "Your history can be viewed but not saved",
        f"{reason}\n\nYour past sessions can still be viewed and exported, but new sessions will not be saved "
        "until this is fixed.",
    )


def history_damaged(notice: str) -> Message:
    return Message("Your history was damaged", notice)


def history_not_saved(reason: str) -> Message:
    return Message(
        "Could not save to your history",
        f"{reason}\n\nThe routine goes on; saving is tried again as it continues.",
    )


HISTORY_BUSY = "Another stretch-gui window is saving; this session is saved with the next exercise."


def resume_offer(routine_title: str) -> Message:
    return Message(
        "Resume where you left off?",
        f"“{routine_title}” stopped part-way last time.",
        "Carry on where you left off, or leave it and start fresh another time?",
    )


def resume_given_up(routine_title: str, reason: str) -> str:
    """Said in the window when a session cut short cannot be carried on (reason: see core.record.resume)."""
    return f"“{routine_title}” stopped part-way last time, but cannot be resumed: {reason}."


def resume_taken(routine_title: str) -> str:
    return f"“{routine_title}” is already being carried on in another stretch-gui window."


RESUME = "Resume"
NOT_NOW = "Not now"


def opened_during_a_routine(routine_title: str) -> str:
    """A file opened while a routine plays: it waits in the list, and the patient decides about the one playing."""
    return f"{routine_title} is in your list of routines: start it there once this routine has stopped."


def handout_saved(path: object) -> str:
    return f"Handout saved: {path}"


HANDOUT_PRINTED = "Handout sent to the printer"


def text_size(label: str) -> str:
    return f"Text size: {label}"


def sound_cues(on: bool) -> str:
    return "Sound cues on" if on else "Sound cues off"


def history_saved(path: object, sessions: int) -> str:
    return f"Saved {count(sessions, 'session')} to {path}"


KEYBOARD = Message(
    "Keyboard",
    "Space: start, pause, go on\n→: next part\n←: previous part (or back to the start of this one)\n"
    "R: restart the exercise\nEsc: stop (asks first)\nH: note that this moment hurt\n"
    "F11: full screen\nM: sound cues on or off\nF1: when to get help\n"
    "Ctrl+O: open a routine file\nCtrl+P: print the routine as a handout\nCtrl+H: your history\n"
    "Ctrl+,: settings\nCtrl+= and Ctrl+-: larger or smaller text; Ctrl+0: normal",
)


def about(version: str) -> Message:
    return Message(
        "About stretch-gui",
        f"stretch-gui {version}\nGuided stretching and slow breathing for back pain.\n"
        "This app guides exercises; it does not diagnose. If something hurts, stop.",
    )
