"""The prescription beyond the steps, in words: goal, equipment, programme dates, who prescribed it,
what to do in a flare-up. One copy for the start screen and the handout."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from stretch_gui.core.routine.model import ExerciseStep, Routine
from stretch_gui.core.wording import count, full_date

FLARE_UP_HEADING = "If your pain flares up"


@dataclass(frozen=True)
class Prescription:
    goal: str  # "Goal: sit through a school run without pain."
    equipment: str  # "You need: a mat, a cushion"
    programme: str  # "8-week programme from 2 March 2026 · review by 27 April 2026"
    prescriber: str  # "Physiotherapist, registration PH 12345"
    flare_up: str  # the physio's words, under FLARE_UP_HEADING

    def lines(self) -> tuple[str, ...]:
        """Every line that has something to say, for the start screen."""
        flare = f"{FLARE_UP_HEADING}: {self.flare_up}" if self.flare_up else ""
        return tuple(line for line in (self.goal, self.programme, self.equipment, self.prescriber, flare) if line)


def _date(iso: str) -> str:
    try:
        return full_date(datetime.date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return iso


def prescription(routine: Routine) -> Prescription:
    programme = []
    if routine.weeks:
        programme.append(f"{count(routine.weeks, 'week')}")
    start = _date(routine.start_date)
    if start:
        programme.append(f"from {start}")
    what = " ".join(programme)
    if what:
        what = f"Programme: {what}"
    review = _date(routine.review_by)
    if review:
        what = f"{what} · review by {review}" if what else f"Review by {review}"
    registration = f"registration {routine.registration}" if routine.registration else ""
    prescriber = ", ".join(part for part in (routine.profession, registration) if part)
    equipment = routine.all_equipment
    return Prescription(
        goal=f"Goal: {routine.goal}" if routine.goal else "",
        equipment=f"You need: {', '.join(equipment)}" if equipment else "",
        programme=what,
        prescriber=prescriber,
        flare_up=routine.flare_up,
    )


def starting_position(step: ExerciseStep) -> str:
    """E.g. "Starting position: lying on your back, knees bent"; "" when the file gives none."""
    return f"Starting position: {step.position}" if step.position else ""
