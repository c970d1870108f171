"""What the printed handout says, checked without Qt against the routines it is made from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from stretch_gui.core.content.handout import (
    MAX_BOXES_PER_DAY,
    MAX_BOXES_PER_ROW,
    MAX_LOG_COLUMNS,
    build_handout,
)
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.model import BreatheStep, ExerciseStep, Side
from stretch_gui.core.wording import breathing_pattern, capitalised, spoken_duration
from tests.support.routines import PRESCRIBED

WriteRoutine = Callable[..., Path]


@pytest.mark.parametrize("path", builtin_routine_files(), ids=lambda p: p.stem)
def test_every_builtin_step_says_what_the_file_prescribes(path: Path) -> None:
    routine = load_routine_file(path)
    handout = build_handout(routine)
    assert handout.title == routine.title
    assert handout.breathing == "Breathe in 5 s, pause 1 s, breathe out 3 s"
    assert handout.source_name == path.name
    assert [s.number for s in handout.steps] == list(range(1, len(routine.steps) + 1))
    for step, printed in zip(routine.steps, handout.steps, strict=True):
        assert printed.title == step.title
        assert printed.image is not None and printed.image.is_file()
        if isinstance(step, BreatheStep):
            assert printed.is_breathing
            assert printed.dosage.startswith(f"Slow breathing: {step.breaths} breaths (about ")
            assert printed.breathing == capitalised(breathing_pattern(step.breathing)) + "."
            continue
        assert isinstance(step, ExerciseStep)
        first = f"{step.reps} slow reps, one per breath" if step.reps is not None else f"Hold {spoken_duration(step.hold or 0)}"
        assert printed.dosage.split(" · ")[0] == first
        assert ("each side" in printed.dosage) is (set(step.sides) == {Side.LEFT, Side.RIGHT}) is printed.both_sides
        assert (f"{step.sets} sets" in printed.dosage) is (step.sets > 1)
        assert (f"rest {spoken_duration(step.rest)} between" in printed.dosage) is (step.sets > 1 and step.rest > 0)
        assert printed.instructions == step.exercise.instructions
        assert printed.cautions == tuple(dict.fromkeys(step.all_cautions))
        assert printed.note == step.note
    assert handout.cautions == routine.cautions


def test_back_spasm_relief_reads_as_a_physio_would_write_it(repo_root: Path) -> None:
    handout = build_handout(load_routine_file(repo_root / "routines" / "back-spasm-relief.yaml"))
    doses = {step.title: step.dosage for step in handout.steps}
    assert doses["Tennis-ball release"] == "Hold 1 min 30 s · 3 sets · rest 10 s between"
    assert doses["Child's pose"] == "Hold 45 s · 2 sets · rest 15 s between"
    assert doses["Cat-cow"] == "10 slow reps, one per breath"
    assert doses["Hamstring stretch"] == "Hold 30 s · each side · 2 sets · rest 10 s between"
    assert doses["Slow breathing"] == "Slow breathing: 6 breaths (about 54 s)"
    cat_cow = next(step for step in handout.steps if step.title == "Cat-cow")
    assert cat_cow.image_exhale is not None and cat_cow.image_exhale.name == "cat-cow-cat.svg"
    assert cat_cow.movement == (
        "Breathe in: belly sinks, head and tailbone lift.",
        "Breathe out: back rounds up, head and tailbone drop.",
    )
    ball = next(step for step in handout.steps if step.title == "Tennis-ball release")
    assert ball.between == "Shift the ball a little, next to the last spot."
    assert handout.frequency == "twice a day"
    assert handout.sessions_per_day == 2
    assert handout.total == "about 17 min"
    assert handout.byline == "From the stretch-gui team"
    assert handout.log_columns[0] == "1. Slow breathing" and handout.log_columns[-1] == "8. Slow breathing"
    assert handout.log_instructions.startswith("Tick a box each time you do a step: 2 boxes a day, one for each time. ")


def test_desk_break_breathing_rounds_to_half_minutes(repo_root: Path) -> None:
    handout = build_handout(load_routine_file(repo_root / "routines" / "desk-break.yaml"))
    assert handout.steps[-1].dosage == "Slow breathing: 10 breaths (about 1 min 30 s)"
    assert handout.frequency == "3 times a day"


def test_a_prescription_with_everything_filled_in(write_routine: WriteRoutine) -> None:
    path = write_routine(
        """
        format: 1
        title: Lower back, week 2
        author: Jane Doe, Riverside Physio
        patient: A. Patient
        prescribed: 2026-11-20
        revision: 3
        frequency: {per_week: 3}
        breathing: {inhale: 4, pause: 0, exhale: 6, pause_after_exhale: 2}
        cautions: [No twisting yet.]
        steps:
          - exercise: tennis-ball-release
            hold: 60s
            sets: 2
            rest: 0
            breathing: off
          - exercise: hamstring-stretch
            sides: left
            hold: 20s
            sets: 1
            breathing: {inhale: 5, pause: 1, exhale: 3}
          - exercise: cat-cow
            reps: 1
            sides: both
            sets: 3
            rest: 1m
          - breathe: 2m
        """,
        name="week-2.yaml",
    )
    handout = build_handout(load_routine_file(path))
    assert handout.byline == "For A. Patient, from Jane Doe, Riverside Physio, prescribed 20 November 2026"
    assert handout.footer == "Lower back, week 2 · week-2.yaml · revision 3"
    assert handout.frequency == "3 times a week"
    assert handout.sessions_per_day == 1
    assert handout.breathing == "Breathe in 4 s, breathe out 6 s, pause 2 s"
    ball, hamstring, cat_cow, breathe = handout.steps
    assert ball.dosage == "Hold 1 min · 2 sets"
    assert ball.breathing == "Breathe normally during this one."
    assert hamstring.dosage == "Hold 20 s · left side only"
    assert not hamstring.both_sides
    assert hamstring.breathing == "For this one: breathe in 5 s, pause 1 s, breathe out 3 s."
    assert cat_cow.dosage == "1 slow rep, one per breath · each side · 3 sets · rest 1 min between"
    assert cat_cow.breathing == ""  # the routine's own pace, stated once at the top
    assert breathe.dosage == "Slow breathing: 2 min"
    assert breathe.breathing == "Breathe in 4 s, breathe out 6 s, pause 2 s."
    assert "3 times a week" in handout.how_to_use
    assert handout.log_instructions.startswith("Tick a box on the days you do a step. Aim for 3 times a week. ")


def test_no_frequency_and_no_author(write_routine: WriteRoutine) -> None:
    handout = build_handout(load_routine_file(write_routine("format: 1\ntitle: Bare\nsteps: [{breathe: 30}]\n")))
    assert handout.byline == ""
    assert handout.frequency == ""
    assert "as your physio advised" in handout.how_to_use
    assert handout.sessions_per_day == 1
    assert handout.total == "about 30 s"


def test_many_steps_log_one_done_column_and_many_sessions_a_number(write_routine: WriteRoutine) -> None:
    def routine(step_count: int) -> str:
        steps = "".join("  - exercise: childs-pose\n" for _ in range(step_count))
        return f"format: 1\ntitle: Long\nfrequency: {{per_day: 5}}\nsteps:\n{steps}"

    too_many = build_handout(load_routine_file(write_routine(routine(MAX_LOG_COLUMNS + 1))))
    assert too_many.log_columns == ("Done",)
    assert too_many.sessions_per_day == 5
    assert too_many.boxes_per_day == 0  # five boxes a day do not fit: the patient writes a number
    assert too_many.log_instructions.startswith("Write how many times you did the routine each day. Aim for 5 times a day. ")
    fits = build_handout(load_routine_file(write_routine(routine(MAX_LOG_COLUMNS))))
    assert fits.log_columns[-1] == f"{MAX_LOG_COLUMNS}. Child's pose"
    three = build_handout(load_routine_file(write_routine(routine(5).replace("per_day: 5", f"per_day: {MAX_BOXES_PER_DAY}"))))
    assert three.boxes_per_day == MAX_BOXES_PER_DAY
    assert len(three.log_columns) == 5  # 15 boxes across a row still leave room for a pen
    assert 5 * MAX_BOXES_PER_DAY <= MAX_BOXES_PER_ROW < 6 * MAX_BOXES_PER_DAY
    crowded = build_handout(load_routine_file(write_routine(routine(6).replace("per_day: 5", f"per_day: {MAX_BOXES_PER_DAY}"))))
    assert crowded.log_columns == ("Done",)



def test_the_handout_gives_the_whole_prescription_and_the_stages(write_routine: WriteRoutine) -> None:
    from datetime import date

    from stretch_gui.core.routine.stages import for_day

    routine = load_routine_file(write_routine(PRESCRIBED))
    handout = build_handout(for_day(routine, date(2026, 3, 16)))
    assert handout.facts == (
        ("Goal", "Sit through the school run without pain."),
        ("Programme", "8 weeks from 2 March 2026 · review by 27 April 2026"),
        ("You need", "A mat, A cushion"),
        ("Prescribed by", "Jane Doe, Physiotherapist, registration PH 12345"),
    )
    assert handout.flare_up == "Do only the breathing for two days."
    assert handout.stages == ("Weeks 1–2: holds 20 s", "From week 3: holds 30 s, 3 sets")
    assert handout.stages_note == "A step with its own progression below follows that one instead."
    assert handout.week == "The doses below are for week 3 (16 March 2026)."
    assert handout.review == ""
    pose, knee = handout.steps
    assert pose.dosage.startswith("Hold 30 s · 3 sets")
    assert (pose.position, pose.equipment, pose.stages) == ("Starting position: Kneeling on the mat", "You need: A cushion", ())
    assert knee.stages == ("Week 1: holds 15 s", "From week 2: holds 5 s longer each week, up to 45 s")
    assert knee.dosage.startswith("Hold 20 s")  # week 3: 15 s, then 5 s more
    late = build_handout(for_day(routine, date(2026, 6, 1)))
    assert late.review.startswith("Ask your physio to review this programme")


def test_a_handout_without_the_new_fields_has_none_of_them(write_routine: WriteRoutine) -> None:
    handout = build_handout(load_routine_file(write_routine("format: 1\ntitle: Plain\nsteps:\n  - exercise: childs-pose\n")))
    assert (handout.facts, handout.flare_up, handout.stages, handout.week, handout.review) == ((), "", (), "", "")
    assert handout.stages_note == ""
    assert (handout.steps[0].position, handout.steps[0].equipment, handout.steps[0].stages) == ("", "", ())
