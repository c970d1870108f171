"""Valid routine files load with the values they say, the library's defaults filling the gaps."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from stretch_gui.core import resources
from stretch_gui.core.routine.durations import parse_duration
from stretch_gui.core.routine.loader import (
    check_routine_file,
    exercise_library,
    load_routine_file,
    load_routine_text,
)
from stretch_gui.core.routine.model import (
    DEFAULT_BREATHING,
    BreatheStep,
    Breathing,
    ExerciseStep,
    Frequency,
    Side,
)
from tests.support.routines import PNG_1X1

SIX_IDS = {"childs-pose", "cat-cow", "hamstring-stretch", "tennis-ball-release", "seated-twist", "lying-twist"}
# The seven more the sources name (issue 16).
SEVEN_IDS = {
    "knee-to-chest",
    "pelvic-tilt",
    "partial-crunch",
    "wall-sit",
    "foam-roller-release",
    "ball-back-stretch",
    "ball-back-extension",
}
ALL_IDS = SIX_IDS | SEVEN_IDS
HEAD = "format: 1\ntitle: Test\nsteps:\n"
SIDES = {None: (), "left": (Side.LEFT,), "right": (Side.RIGHT,), "both": (Side.LEFT, Side.RIGHT)}


def load(text: str) -> object:
    return load_routine_text(text, source="test.yaml")


def only_step(text: str) -> ExerciseStep | BreatheStep:
    routine = load(text)
    assert len(routine.steps) == 1  # type: ignore[attr-defined]
    return routine.steps[0]  # type: ignore[attr-defined]


def library_yaml() -> dict:
    """The library read independently of the loader (safe_load is fine for this trusted file)."""
    with open(resources.exercise_library_file(), encoding="utf-8") as handle:
        return yaml.safe_load(handle)["exercises"]


def builtin_routines() -> list[Path]:
    return resources.builtin_routine_files()


# -- the exercise library -------------------------------------------------------------


def test_library_has_exactly_the_thirteen_exercises() -> None:
    assert set(exercise_library().exercises) == ALL_IDS
    assert set(library_yaml()) == ALL_IDS


@pytest.mark.parametrize("exercise_id", sorted(ALL_IDS))
def test_library_exercise_is_complete(exercise_id: str) -> None:
    exercise = exercise_library().exercises[exercise_id]
    assert exercise.id == exercise_id and exercise.builtin
    assert exercise.title.strip() and exercise.summary.strip()
    assert len(exercise.instructions.split()) >= 10, "instructions should be a few real sentences"
    assert exercise.cues and all(cue.strip() for cue in exercise.cues)
    assert exercise.cautions
    assert exercise.image is not None and exercise.image.is_file(), exercise.image
    assert exercise.image.parent == resources.data_dir("assets") / "illustrations"
    if exercise.image_exhale is not None:
        assert exercise.image_exhale.is_file()
    assert all(frame.is_file() for frame in exercise.frames)
    raw = library_yaml()[exercise_id]
    # A moving exercise counts reps with the breath; a hold exercise has a hold. Never both.
    assert ("reps" in raw) != ("hold" in raw)
    if "reps" in raw:
        assert exercise.on_inhale and exercise.on_exhale


def test_library_file_is_valid_against_the_schema() -> None:
    schema = json.loads(resources.schema_file().read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator({"$ref": "#/$defs/library", "$defs": schema["$defs"]})
    with open(resources.exercise_library_file(), encoding="utf-8") as handle:
        errors = list(validator.iter_errors(yaml.safe_load(handle)))
    assert not errors, [e.message for e in errors]


# -- the schema --------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json.loads(resources.schema_file().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert jsonschema.validators.validator_for(schema) is jsonschema.Draft202012Validator
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", builtin_routines(), ids=lambda p: p.name)
def test_builtin_routine_is_valid_for_editors_too(path: Path) -> None:
    """An editor with only the schema (and a YAML 1.1 parser) accepts the shipped routines."""
    schema = json.loads(resources.schema_file().read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]


# -- the built-in routines ------------------------------------------------------------------


def test_there_are_builtin_routines() -> None:
    files = builtin_routines()
    assert files
    assert all(path.suffix == ".yaml" for path in files)


@pytest.mark.parametrize("path", builtin_routines(), ids=lambda p: p.name)
def test_builtin_routine_validates_without_warnings(path: Path) -> None:
    routine, problems = check_routine_file(path)
    assert routine is not None, "\n".join(map(str, problems))
    assert problems == []
    assert routine.title.strip() and routine.description.strip()
    assert routine.steps
    for step in routine.steps:
        if isinstance(step, ExerciseStep):
            assert step.exercise.builtin and step.exercise.image is not None and step.exercise.image.is_file()


# -- defaults from the library, and overrides ------------------------------------------------


@pytest.mark.parametrize("exercise_id", sorted(ALL_IDS))
def test_library_defaults_fill_a_bare_step(exercise_id: str) -> None:
    raw = library_yaml()[exercise_id]
    step = only_step(HEAD + f"  - exercise: {exercise_id}\n")
    assert isinstance(step, ExerciseStep)
    assert step.exercise is exercise_library().exercises[exercise_id]
    assert step.hold == (parse_duration(raw["hold"]) if "hold" in raw else None)
    assert step.reps == raw.get("reps")
    assert step.sets == raw.get("sets", 1)
    expected_rest = parse_duration(raw.get("rest", 10)) if step.sets > 1 else 0
    assert step.rest == expected_rest
    assert step.sides == SIDES[raw.get("sides")]
    assert step.prepare == parse_duration(raw.get("prepare", 5))
    assert step.switch == parse_duration(raw.get("switch", 5))
    assert step.between == raw.get("between", "").strip()
    assert step.breathing == DEFAULT_BREATHING
    assert step.note == "" and step.cautions == ()
    assert step.line == 4


def test_every_override() -> None:
    step = only_step(
        HEAD
        + "  - exercise: tennis-ball-release\n"
        "    hold: 1m30s\n"
        "    sets: 3\n"
        "    rest: 20s\n"
        "    sides: right\n"
        "    switch: 8s\n"
        "    prepare: 0s\n"
        "    between: '  Move the ball up a little.  '\n"
        "    note: Knees bent.\n"
        "    cautions: [Not on the spine itself.]\n"
    )
    assert isinstance(step, ExerciseStep)
    assert (step.hold, step.reps, step.sets, step.rest) == (90, None, 3, 20)
    assert step.sides == (Side.RIGHT,)
    assert (step.switch, step.prepare) == (8, 0)
    assert step.between == "Move the ball up a little."
    assert step.note == "Knees bent."
    assert step.cautions == ("Not on the spine itself.",)
    assert step.all_cautions == step.exercise.cautions + ("Not on the spine itself.",)
    assert len(step.all_cautions) == len(exercise_library().exercises["tennis-ball-release"].cautions) + 1


def test_rest_defaults_to_ten_seconds_between_sets_and_is_zero_for_one_set() -> None:
    step = only_step(HEAD + "  - exercise: childs-pose\n    sets: 2\n")
    assert isinstance(step, ExerciseStep) and (step.sets, step.rest) == (2, 10)
    step = only_step(HEAD + "  - exercise: childs-pose\n    rest: 30s\n")
    assert isinstance(step, ExerciseStep) and (step.sets, step.rest) == (1, 0)


def test_reps_override_a_hold_exercise_and_hold_overrides_a_moving_one() -> None:
    step = only_step(HEAD + "  - exercise: childs-pose\n    reps: 6\n")
    assert isinstance(step, ExerciseStep) and (step.hold, step.reps) == (None, 6)
    step = only_step(HEAD + "  - exercise: cat-cow\n    hold: 20s\n")
    assert isinstance(step, ExerciseStep) and (step.hold, step.reps) == (20, None)


@pytest.mark.parametrize(
    ("written", "sides"), [("left", (Side.LEFT,)), ("right", (Side.RIGHT,)), ("both", (Side.LEFT, Side.RIGHT))]
)
def test_sides(written: str, sides: tuple[Side, ...]) -> None:
    step = only_step(HEAD + f"  - exercise: childs-pose\n    sides: {written}\n")
    assert isinstance(step, ExerciseStep) and step.sides == sides


def test_custom_inline_exercise(tmp_path: Path, write_routine) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "knee.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "pics" / "knee-out.png").write_bytes(PNG_1X1)
    path = write_routine(
        """\
        format: 1
        title: Custom
        steps:
          - exercise:
              title: '  Knee to chest '
              instructions: >-
                Lie on your back.
                Hug one knee to your chest.
              cues: [Breathe out, Let go]
              cautions: [Not after hip surgery.]
              image: pics/knee.svg
              image_exhale: pics/knee-out.png
              on_inhale: Loosen the hug
              on_exhale: Pull the knee closer
            hold: 20s
            sides: both
        """
    )
    routine = load_routine_file(path)
    (step,) = routine.steps
    assert isinstance(step, ExerciseStep)
    exercise = step.exercise
    assert exercise.title == "Knee to chest" and exercise.id == "knee-to-chest"
    assert not exercise.builtin
    assert exercise.instructions == "Lie on your back. Hug one knee to your chest."
    assert exercise.cues == ("Breathe out", "Let go")
    assert exercise.cautions == ("Not after hip surgery.",)
    assert exercise.image == tmp_path / "pics" / "knee.svg"
    assert exercise.image_exhale == tmp_path / "pics" / "knee-out.png"
    assert (exercise.on_inhale, exercise.on_exhale) == ("Loosen the hug", "Pull the knee closer")
    assert (step.hold, step.sides, step.sets, step.prepare, step.switch) == (20, (Side.LEFT, Side.RIGHT), 1, 5, 5)
    assert routine.warnings == ()


# -- breathing -------------------------------------------------------------------------------


def test_default_breathing_is_5_1_3_0() -> None:
    assert Breathing(5, 1, 3, 0) == DEFAULT_BREATHING
    assert DEFAULT_BREATHING.cycle == 9
    routine = load(HEAD + "  - breathe: 1m\n")
    assert routine.breathing == DEFAULT_BREATHING  # type: ignore[attr-defined]


def test_routine_wide_breathing_applies_to_every_step() -> None:
    routine = load(
        "format: 1\ntitle: T\nbreathing: {inhale: 4, pause: 2, exhale: 6, pause_after_exhale: 1}\nsteps:\n"
        "  - exercise: childs-pose\n  - exercise: cat-cow\n  - breathe: {breaths: 5}\n"
    )
    pattern = Breathing(4, 2, 6, 1)
    assert routine.breathing == pattern  # type: ignore[attr-defined]
    assert [step.breathing for step in routine.steps] == [pattern] * 3  # type: ignore[attr-defined]


def test_a_written_pattern_without_pauses_has_no_pauses() -> None:
    step = only_step(HEAD + "  - breathe: 1m\n    breathing: {inhale: 4, exhale: 6}\n")
    assert step.breathing == Breathing(4, 0, 6, 0)


def test_step_breathing_overrides_the_routine_and_can_be_off() -> None:
    routine = load(
        "format: 1\ntitle: T\nbreathing: {inhale: 4, exhale: 4}\nsteps:\n"
        "  - exercise: childs-pose\n    breathing: {inhale: 3, pause: 1, exhale: 5}\n"
        "  - exercise: seated-twist\n    breathing: off\n"
        "  - exercise: lying-twist\n    breathing: false\n"
        "  - exercise: hamstring-stretch\n"
    )
    steps = routine.steps  # type: ignore[attr-defined]
    assert [step.breathing for step in steps] == [Breathing(3, 1, 5, 0), None, None, Breathing(4, 0, 4, 0)]


def test_breathe_step_by_duration() -> None:
    step = only_step(HEAD + "  - breathe: 2m\n    note: Lie still.\n")
    assert isinstance(step, BreatheStep)
    assert (step.duration, step.breaths, step.seconds, step.prepare) == (120, None, 120.0, 0)
    assert step.note == "Lie still." and step.breathing == DEFAULT_BREATHING


def test_breathe_step_by_breaths() -> None:
    step = only_step(HEAD + "  - breathe: {breaths: 10}\n    breathing: {inhale: 4, exhale: 6}\n    prepare: 5s\n")
    assert isinstance(step, BreatheStep)
    assert (step.duration, step.breaths, step.prepare) == (None, 10, 5)
    assert step.seconds == 10 * (4 + 6)


# -- the routine itself --------------------------------------------------------------------------


def test_metadata() -> None:
    routine = load(
        "format: 1\n"
        "title: '  Morning  '\n"
        "description: >-\n  Two lines\n  of text.\n"
        "author: Jane Doe, Riverside Physio\n"
        "patient: A. Patient\n"
        "prescribed: 2026-11-20\n"
        "revision: 2\n"
        "cautions: [One., Two.]\n"
        "steps: [{breathe: 30}]\n"
    )
    assert routine.title == "Morning"  # type: ignore[attr-defined]
    assert routine.description == "Two lines of text."  # type: ignore[attr-defined]
    assert routine.author == "Jane Doe, Riverside Physio"  # type: ignore[attr-defined]
    assert routine.patient == "A. Patient"  # type: ignore[attr-defined]
    assert routine.prescribed == "2026-11-20"  # type: ignore[attr-defined]
    assert routine.revision == "2"  # type: ignore[attr-defined]
    assert routine.cautions == ("One.", "Two.")  # type: ignore[attr-defined]
    assert routine.frequency is None  # type: ignore[attr-defined]
    assert routine.byline == "By Jane Doe, Riverside Physio for A. Patient (2026-11-20)"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("written", "frequency", "described", "per_week"),
    [
        ("{per_day: 2}", Frequency(per_day=2), "twice a day", 14),
        ("{per_day: 1}", Frequency(per_day=1), "once a day", 7),
        ("{per_week: 3}", Frequency(per_week=3), "3 times a week", 3),
        ("{per_week: 1}", Frequency(per_week=1), "once a week", 1),
    ],
)
def test_frequency(written: str, frequency: Frequency, described: str, per_week: int) -> None:
    routine = load(f"format: 1\ntitle: T\nfrequency: {written}\nsteps: [{{breathe: 30}}]\n")
    assert routine.frequency == frequency  # type: ignore[attr-defined]
    assert frequency.describe() == described
    assert frequency.sessions_per_week == per_week


def test_steps_remember_their_line() -> None:
    routine = load(HEAD + "  - breathe: 30\n\n  # a comment\n  - exercise: childs-pose\n    hold: 5\n  - {breathe: 1m}\n")
    assert [step.line for step in routine.steps] == [4, 7, 9]  # type: ignore[attr-defined]


def test_file_origin_and_content_hash(write_routine) -> None:
    text = HEAD + "  - breathe: 30\n"
    path = write_routine(text)
    routine = load_routine_file(path)
    assert routine.source == path.resolve()
    assert routine.content_hash == hashlib.sha256(text.encode()).hexdigest()
    assert load_routine_text(text).content_hash == routine.content_hash
    assert load_routine_text(text.encode()).content_hash == routine.content_hash
    assert load_routine_text(text).source is None


def test_utf8_bom_and_non_ascii_text(write_routine) -> None:
    path = write_routine(("\ufeff" + HEAD + "  - breathe: 30\n    note: Atme ruhig – ganz ruhig. 深呼吸\n").encode("utf-8"))
    (step,) = load_routine_file(path).steps
    assert step.note == "Atme ruhig – ganz ruhig. 深呼吸"


def test_check_routine_file_reports_warnings_and_errors(write_routine) -> None:
    good = write_routine(HEAD + "  - exercise: {title: K, instructions: D, image: gone.png}\n    hold: 5\n", "good.yaml")
    routine, problems = check_routine_file(good)
    assert routine is not None
    assert [(p.line, p.warning) for p in problems] == [(4, True)]
    bad = write_routine(HEAD + "  - exercise: nope\n", "bad.yaml")
    routine, problems = check_routine_file(bad)
    assert routine is None and len(problems) == 1 and problems[0].line == 4


def test_cat_cow_moves_through_frames_from_cow_to_cat() -> None:
    exercise = exercise_library().exercises["cat-cow"]
    names = [frame.name for frame in exercise.frames]
    assert names == [f"cat-cow-{i:02d}.svg" for i in range(9)]  # breathed in (cow) first, breathed out (cat) last


def test_custom_exercise_frames_are_read_relative_to_the_routine(tmp_path: Path) -> None:
    for name in ("a.svg", "b.svg", "c.svg"):
        (tmp_path / name).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    text = HEAD + (
        "  - exercise:\n      title: Rock\n      instructions: Rock gently.\n      frames: [a.svg, b.svg, c.svg]\n    reps: 4\n"
    )
    routine = load_routine_text(text, source=str(tmp_path / "r.yaml"), base_dir=tmp_path)
    step = routine.steps[0]
    assert isinstance(step, ExerciseStep)
    assert step.exercise.frames == (tmp_path / "a.svg", tmp_path / "b.svg", tmp_path / "c.svg")
