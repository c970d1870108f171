"""The prescription beyond the steps, in words: goal, programme dates, equipment, who prescribed
it, what to do in a flare-up. One copy for the start screen and the handout."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from stretch_gui.core.routine.model import ExerciseStep, Routine
from stretch_gui.core.wording import count, full_date

GOAL = "Goal"
PROGRAMME = "Programme"
EQUIPMENT = "You need"
PRESCRIBER = "Prescribed by"
FLARE_UP = "If your pain flares up"
POSITION = "Starting position"
PROGRESSION = "How it progresses"
OWN_PROGRESSION = "A step with its own progression below follows that one instead."


@dataclass(frozen=True)
class Prescription:
    """The physio's prescription in the words the start screen and the handout show."""

    goal: str  # the physio's words
    programme: str  # "8 weeks from 2 March 2026 · review by 27 April 2026"
    equipment: str  # "A mat, A cushion"
    prescriber: str  # "Physiotherapist, registration PH 12345"
    flare_up: str  # the physio's words

    def facts(self) -> tuple[tuple[str, str], ...]:
        """(label, words) for each fact the file gives, in the order a physio reads them."""
        pairs = ((GOAL, self.goal), (PROGRAMME, self.programme), (EQUIPMENT, self.equipment),
                 (PRESCRIBER, self.prescriber), (FLARE_UP, self.flare_up))
        return tuple((label, words) for label, words in pairs if words)

    def lines(self) -> tuple[str, ...]:
        """One line per fact, for the start screen: "Goal: sit through the school run"."""
        return tuple(f"{label}: {words}" for label, words in self.facts())


def _date(iso: str) -> str:
    try:
        return full_date(datetime.date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return iso


def programme(routine: Routine) -> str:
    """E.g. "8 weeks from 2 March 2026 · review by 27 April 2026"; "" when the file gives none of them."""
    parts = []
    length = count(routine.weeks, "week") if routine.weeks else ""
    start = _date(routine.start_date)
    if length or start:
        parts.append(" ".join(part for part in (length, f"from {start}" if start else "") if part))
    review = _date(routine.review_by)
    if review:
        parts.append(f"review by {review}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def prescription(routine: Routine) -> Prescription:
    registration = f"registration {routine.registration}" if routine.registration else ""
    return Prescription(
        goal=routine.goal,
        programme=programme(routine),
        equipment=", ".join(routine.all_equipment),
        prescriber=", ".join(part for part in (routine.author, routine.profession, registration) if part)
        if routine.profession or routine.registration
        else "",
        flare_up=routine.flare_up,
    )


def starting_position(step: ExerciseStep) -> str:
    """E.g. "Starting position: lying on your back, knees bent"; "" when the file gives none."""
    return f"{POSITION}: {step.position}" if step.position else ""
