"""What the completion screen says at the end of a session.

The advice takes its sentences from ``safety``; only the heading and the line about
what was done are worded here.
"""

from __future__ import annotations

from stretch_gui.core.content import safety
from stretch_gui.core.session.session import Summary
from stretch_gui.core.wording import count, format_duration

WELL_DONE = "Well done"
STOPPED = "Stopped"
FINISHED = "Finished"  # the routine ran to its end, but every exercise in it was skipped
CHECK_IN_QUESTION = "How does your back feel now? (optional)"


def heading(summary: Summary) -> str:
    """Praise only for exercises done: "Well done" over "0 exercises done" would ring false."""
    if summary.stopped:
        return STOPPED
    if summary.exercises_skipped and not summary.exercises_completed:
        return FINISHED
    return WELL_DONE


def what_was_done(title: str, summary: Summary) -> str:
    """E.g. "4 exercises done · 1 exercise skipped · 12m 30s of Back spasm relief"."""
    parts = []
    # A breathing-only routine has no exercises to count; "0 exercises done" would read as failure.
    if summary.exercises_completed or summary.exercises_skipped:
        parts.append(count(summary.exercises_completed, "exercise") + " done")
    if summary.exercises_skipped:
        parts.append(count(summary.exercises_skipped, "exercise") + " skipped")
    parts.append(f"{format_duration(summary.active_seconds)} of {title}")
    return " · ".join(parts)


def advice(summary: Summary) -> tuple[str, ...]:
    """The sentences under the summary, in order."""
    return safety.AFTER_A_STOPPED_SESSION if summary.stopped else safety.AFTER_A_SESSION
