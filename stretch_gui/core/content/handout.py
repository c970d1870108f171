"""What the printed handout says, as plain data: the layout in the UI only places it on paper.

Every sentence is worded for a patient reading at home, away from the app: the dose in
one line per exercise, the breathing pace in words, and the safety points in plain terms.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from stretch_gui.core.content import goals as goal_words
from stretch_gui.core.content import safety
from stretch_gui.core.content.morning import pain_guide
from stretch_gui.core.resources import illustration
from stretch_gui.core.routine.model import (
    BreatheStep,
    ExerciseStep,
    Routine,
    Side,
    Step,
)
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.prescription import EQUIPMENT, FLARE_UP, OWN_PROGRESSION, prescription, starting_position
from stretch_gui.core.routine.stages import day_of, stage_list
from stretch_gui.core.wording import (
    breathing_pattern,
    capitalised,
    count,
    full_date,
    rough_duration,
    spoken_duration,
)

LOG_DAYS = 14
# More columns, or more boxes across a row, than this leave no room for a pen on A4 or Letter:
# the log falls back to one "done" column.
MAX_LOG_COLUMNS = 10
MAX_BOXES_PER_ROW = 16
# Boxes per day in one cell of the log; beyond this the patient writes how many times instead.
MAX_BOXES_PER_DAY = 3

BREATHING_INSTRUCTIONS = "Keep still and breathe slowly and deeply, letting your ribs spread on each breath in."


@dataclass(frozen=True)
class HandoutStep:
    number: int
    title: str
    dosage: str  # "Hold 30 s · each side · 2 sets · rest 10 s between"
    instructions: str
    image: Path | None
    image_exhale: Path | None = None  # a moving exercise's second position
    both_sides: bool = False
    movement: tuple[str, ...] = ()  # what to do on each in- and out-breath
    note: str = ""  # the physio's own line for this step
    between: str = ""  # what to do in the rest between sets
    breathing: str = ""  # only when this step breathes differently from the routine
    cautions: tuple[str, ...] = ()
    is_breathing: bool = False
    position: str = ""  # "Starting position: ..."
    equipment: str = ""  # "You need: a towel"
    stages: tuple[str, ...] = ()  # this step's own progression, one line per stage

    @property
    def log_label(self) -> str:
        return self.title


@dataclass(frozen=True)
class Handout:
    title: str
    description: str
    patient: str
    author: str
    prescribed: str  # "20 November 2026", or ""
    revision: str
    frequency: str  # "twice a day", or ""
    total: str  # "about 17 min"
    breathing: str  # "Breathe in 5 s, pause 1 s, breathe out 3 s"
    how_to_use: str
    steps: tuple[HandoutStep, ...]
    cautions: tuple[str, ...]
    safety: tuple[str, ...]
    source_name: str  # the routine's file name, for the footer
    sessions_per_day: int  # how many times a day the routine is prescribed (1 when weekly or not said)
    log_days: int = LOG_DAYS
    facts: tuple[tuple[str, str], ...] = ()  # (label, words): goal, programme, equipment, prescriber
    flare_up: str = ""  # the physio's plan for a flare-up, in their words
    stages: tuple[str, ...] = ()  # how the routine progresses, one line per stage
    stages_note: str = ""  # when some steps progress their own way
    week: str = ""  # "Doses for week 3 (16 March 2026)"
    review: str = ""  # "Ask your physio to review this programme: ..." once it is due
    goals: tuple[str, ...] = ()  # the patient's goals to rate weekly (blank: their own to add); () when the file has none
    pain_guide: tuple[str, ...] = ()  # the pain-monitoring rule, with the physio's numbers

    @property
    def byline(self) -> str:
        """The patient line: who it is for, who wrote it, when."""
        parts = []
        if self.patient:
            parts.append(f"For {self.patient}")
        if self.author:
            parts.append(f"from {self.author}" if parts else f"From {self.author}")
        if self.prescribed:
            parts.append(f"prescribed {self.prescribed}" if parts else f"Prescribed {self.prescribed}")
        return ", ".join(parts)

    @property
    def footer(self) -> str:
        parts = [self.title]
        if self.source_name:
            parts.append(self.source_name)
        if self.revision:
            parts.append(f"revision {self.revision}")
        return " · ".join(parts)

    @property
    def log_columns(self) -> tuple[str, ...]:
        """One column per step when they fit, else a single "done" column."""
        if len(self.steps) > MAX_LOG_COLUMNS or len(self.steps) * max(self.boxes_per_day, 1) > MAX_BOXES_PER_ROW:
            return ("Done",)
        return tuple(f"{step.number}. {step.log_label}" for step in self.steps)

    @property
    def boxes_per_day(self) -> int:
        """Tick boxes in each cell of the log; 0 means the cell is left blank for a number."""
        return self.sessions_per_day if self.sessions_per_day <= MAX_BOXES_PER_DAY else 0

    @property
    def log_instructions(self) -> str:
        done = "the routine" if self.log_columns == ("Done",) else "a step"
        if not self.boxes_per_day:
            ticks = f"Write how many times you did {done} each day. Aim for {self.frequency}."
        elif self.sessions_per_day > 1:
            ticks = f"Tick a box each time you do {done}: {self.sessions_per_day} boxes a day, one for each time."
        elif self.frequency.endswith("a week"):
            ticks = f"Tick a box on the days you do {done}. Aim for {self.frequency}."
        else:
            ticks = f"Tick a box on the days you do {done}."
        return ticks + " Each evening, write down your pain from 0 (none) to 10 (the worst you can imagine)."


def dosage(step: Step) -> str:
    """The dose in one line, the way a physio writes it on a handout."""
    if isinstance(step, BreatheStep):
        if step.breaths is not None:
            return f"Slow breathing: {count(step.breaths, 'breath')} (about {rough_duration(step.seconds)})"
        return f"Slow breathing: {spoken_duration(step.seconds)}"
    if step.reps is not None:
        parts = [f"{count(step.reps, 'slow rep')}, one per breath"]
    else:
        assert step.hold is not None
        parts = [f"Hold {spoken_duration(step.hold)}"]
    sides = _sides(step.sides)
    if sides:
        parts.append(sides)
    if step.sets > 1:
        parts.append(f"{step.sets} sets")
        if step.rest:
            parts.append(f"rest {spoken_duration(step.rest)} between")
    return " · ".join(parts)


def build_handout(routine: Routine) -> Handout:
    """The handout of ``routine`` with the doses it carries: set a day first (``stages.for_day``) for a staged one."""
    steps = tuple(_handout_step(number, step, routine) for number, step in enumerate(routine.steps, start=1))
    given = prescription(routine)
    day = day_of(routine)
    frequency = routine.frequency.describe() if routine.frequency else ""
    per_day = routine.frequency.per_day if routine.frequency and routine.frequency.per_day else 1
    return Handout(
        title=routine.title,
        description=routine.description,
        patient=routine.patient,
        author=routine.author,
        prescribed=_prescribed(routine.prescribed),
        revision=routine.revision,
        frequency=frequency,
        total=f"about {rough_duration(build_plan(routine).total)}",
        breathing=capitalised(breathing_pattern(routine.breathing)),
        how_to_use=_how_to_use(frequency),
        steps=steps,
        cautions=routine.cautions,
        safety=safety.ON_THE_HANDOUT,
        source_name=routine.source.name if routine.source else "",
        sessions_per_day=per_day,
        facts=tuple((label, words) for label, words in given.facts() if label != FLARE_UP),
        flare_up=given.flare_up,
        stages=stage_list(routine.stages),
        stages_note=OWN_PROGRESSION if routine.stages and any(step.stages for step in steps) else "",
        week=f"The doses below are for week {day.week} ({full_date(day.on)})." if day is not None and routine.staged else "",
        review=day.notice if day is not None else "",
        goals=goal_words.handout_rows(routine.patient_goals.activities) if routine.patient_goals is not None else (),
        pain_guide=pain_guide(routine.pain_monitoring),
    )


def _handout_step(number: int, step: Step, routine: Routine) -> HandoutStep:
    if isinstance(step, BreatheStep):
        return HandoutStep(
            number=number,
            title=step.title,
            dosage=dosage(step),
            instructions=BREATHING_INSTRUCTIONS,
            image=illustration("breathing.svg"),
            note=step.note,
            # A breathing step is the pace itself, so it always says it, wherever the page falls.
            breathing=f"{capitalised(breathing_pattern(step.breathing))}.",
            is_breathing=True,
        )
    breathing = ""
    if step.breathing is None:
        breathing = "Breathe normally during this one."
    elif step.breathing != routine.breathing:
        breathing = f"For this one: {breathing_pattern(step.breathing)}."
    exercise = step.exercise
    movement = []
    if step.reps is not None:
        if exercise.on_inhale:
            movement.append(f"Breathe in: {_sentence(exercise.on_inhale)}")
        if exercise.on_exhale:
            movement.append(f"Breathe out: {_sentence(exercise.on_exhale)}")
    return HandoutStep(
        number=number,
        title=exercise.title,
        dosage=dosage(step),
        instructions=exercise.instructions,
        image=exercise.image,
        image_exhale=exercise.image_exhale if step.reps is not None else None,
        both_sides=set(step.sides) == {Side.LEFT, Side.RIGHT},
        movement=tuple(movement),
        note=step.note,
        between=step.between if step.sets > 1 else "",
        breathing=breathing,
        cautions=tuple(dict.fromkeys(step.all_cautions)),
        position=starting_position(step),
        equipment=f"{EQUIPMENT}: {', '.join(step.equipment)}" if step.equipment else "",
        stages=stage_list(step.stages) if isinstance(step, ExerciseStep) else (),
    )


def _sides(sides: tuple[Side, ...]) -> str:
    if set(sides) == {Side.LEFT, Side.RIGHT}:
        return "each side"
    if sides:
        return f"{sides[0].value} side only"
    return ""


def _how_to_use(frequency: str) -> str:
    when = f"Do this routine {frequency}" if frequency else "Do this routine as your physio advised"
    return f"{when}, the steps in order. Move slowly, breathe slowly, and tick the log on the last page each time."


def _prescribed(iso: str) -> str:
    try:
        return full_date(datetime.date.fromisoformat(iso))
    except ValueError:
        return iso  # the loader checks the date; anything else is shown as written


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].lower() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
