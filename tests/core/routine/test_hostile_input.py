"""Routine files from strangers: every bad input is one clear, positioned RoutineError.

Each case asserts the line and column (1-based) and the key words of the message,
and that nothing but RoutineError comes out: no other exception type, no traceback,
no silently wrong value.
"""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretch_gui.core.routine.loader import load_routine_file, load_routine_text
from stretch_gui.core.routine.model import BreatheStep, ExerciseStep
from stretch_gui.core.routine.plan import SegmentKind, build_plan
from stretch_gui.core.routine.problems import Problem, RoutineError
from tests.support.routines import PNG_1X1

SOURCE = "hostile.yaml"
HEAD = "format: 1\ntitle: Test\nsteps:\n"  # lines 1-3; the first step is on line 4
SIX_IDS = ("childs-pose", "cat-cow", "hamstring-stretch", "tennis-ball-release", "seated-twist", "lying-twist")


def check_one_line(problem: Problem) -> None:
    text = str(problem)
    assert text.startswith(problem.source + ":"), text
    assert len(text.splitlines()) == 1 and "\n" not in text and "\r" not in text, repr(text)


def problems_of(content: str | bytes, **kwargs: object) -> list[Problem]:
    with pytest.raises(RoutineError) as info:
        load_routine_text(content, source=SOURCE, **kwargs)  # type: ignore[arg-type]
    for problem in info.value.problems:
        check_one_line(problem)
    return info.value.problems


def the_problem(content: str | bytes, **kwargs: object) -> Problem:
    problems = problems_of(content, **kwargs)
    assert len(problems) == 1, "expected exactly one problem:\n" + "\n".join(map(str, problems))
    assert not problems[0].warning
    return problems[0]


def the_file_problem(path: Path) -> Problem:
    with pytest.raises(RoutineError) as info:
        load_routine_file(path)
    problems = info.value.problems
    assert len(problems) == 1, "expected exactly one problem:\n" + "\n".join(map(str, problems))
    check_one_line(problems[0])
    assert problems[0].source == str(path)
    return problems[0]


def assert_problem(problem: Problem, line: int | None, col: int | None, *words: str) -> None:
    assert (problem.line, problem.col) == (line, col), f"wrong position: {problem}"
    for word in words:
        assert word.lower() in problem.message.lower(), f"{word!r} not in: {problem}"


def exercise_step(exercise: str, *lines: str) -> str:
    """A routine whose one step (line 4) is ``exercise`` with ``lines`` from line 5 on."""
    return HEAD + f"  - exercise: {exercise}\n" + "".join(f"    {line}\n" for line in lines)


# -- code execution through tags ------------------------------------------------


TAGGED = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/new:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    "!!python/object:os.system {{}}",
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
]


@pytest.mark.parametrize("payload", TAGGED)
def test_python_tags_are_refused_and_never_run(payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "MARKER"
    value = payload.format(marker=marker)

    problem = the_problem(value + "\n")
    assert_problem(problem, 1, 1, "tags", "not allowed", "!!python/")

    problem = the_problem(f"format: 1\ntitle: {value}\nsteps: [{{breathe: 30}}]\n")
    assert_problem(problem, 2, 8, "tags", "!!python/")

    problem = the_problem(exercise_step("childs-pose", f"note: {value}"))
    assert_problem(problem, 5, 11, "tags")

    path = tmp_path / "tagged.yaml"
    path.write_text(value + "\n", encoding="utf-8")
    assert_problem(the_file_problem(path), 1, 1, "tags")

    assert not marker.exists(), "a YAML tag ran code"


@pytest.mark.parametrize("tag", ["!!str", "!!int", "!!binary", "!!set", "!!timestamp", "!custom", "!<tag:yaml.org,2002:str>"])
def test_every_explicit_tag_is_refused(tag: str) -> None:
    problem = the_problem(f"format: 1\ntitle: {tag} Hello\nsteps: [{{breathe: 30}}]\n")
    assert_problem(problem, 2, 8, "tags", "quote the value")


# -- anchors and aliases --------------------------------------------------------


def test_billion_laughs_is_refused_at_once() -> None:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    document = "\n".join(lines) + "\n"

    started = time.perf_counter()
    problem = the_problem(document)
    elapsed = time.perf_counter() - started

    assert elapsed < 0.5, f"took {elapsed:.2f}s"
    assert_problem(problem, 1, 7, "anchors", "not allowed")


@pytest.mark.parametrize(
    ("text", "line", "col", "word"),
    [
        ("format: 1\ntitle: &t Hello\nsteps: [{breathe: 30}]\n", 2, 8, "anchors"),
        ("format: 1\ntitle: *t\nsteps: [{breathe: 30}]\n", 2, 8, "aliases"),
        (HEAD + "  - &step {breathe: 30}\n  - *step\n", 4, 5, "anchors"),
        (HEAD + "  - breathe: &b 30\n  - breathe: *b\n", 4, 14, "anchors"),
        ("format: 1\n<<: {title: T}\nsteps: [{breathe: 30}]\n", 2, 1, "merge keys"),
    ],
)
def test_anchors_aliases_and_merge_keys_are_refused(text: str, line: int, col: int, word: str) -> None:
    assert_problem(the_problem(text), line, col, word, "not allowed")


# -- deep nesting: RoutineError, never RecursionError -----------------------------


def test_deep_block_sequence_on_one_line() -> None:
    problem = the_problem("- " * 2000 + "x\n")
    assert_problem(problem, 1, 65, "nested too deeply")


def test_deep_flow_sequence() -> None:
    assert_problem(the_problem("[" * 2000 + "\n"), 1, 33, "nested too deeply")
    assert_problem(the_problem("[" * 2000 + "]" * 2000 + "\n"), 1, 33, "nested too deeply")


def test_deep_flow_mapping() -> None:
    assert_problem(the_problem("{a: " * 2000 + "\n"), 1, 129, "nested too deeply")


def test_deep_indented_block_mappings() -> None:
    # One space more per level: 1,400 levels is as deep as fits in the 1 MB limit.
    text = "".join(" " * level + "k:\n" for level in range(1400))
    assert len(text.encode()) < 1_000_000
    assert_problem(the_problem(text), 33, 33, "nested too deeply")


def test_deep_nesting_inside_a_routine() -> None:
    text = "format: 1\ntitle: " + "[" * 2000 + "\nsteps: [{breathe: 30}]\n"
    assert_problem(the_problem(text), 2, 8 + 31, "nested too deeply")


# -- not a routine at all: refused before parsing ----------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n  ", "# just a comment\n", "# one\n   # two\n\n"])
def test_empty_files(text: str, write_routine) -> None:
    assert_problem(the_problem(text), None, None, "empty")
    assert_problem(the_file_problem(write_routine(text)), None, None, "empty")


@pytest.mark.parametrize("text", ["---\n", "~\n", "- a\n- b\n", "just words\n", "42\n", "[format, 1]\n"])
def test_a_document_that_is_not_a_mapping(text: str) -> None:
    assert_problem(the_problem(text), 1, 1, "'key: value' lines")


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00",
        b"format: 1\ntitle: T\x00\nsteps: []\n",
        bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
)
def test_binary_junk(junk: bytes, write_routine) -> None:
    assert_problem(the_problem(junk), None, None, "not a text file")
    assert_problem(the_file_problem(write_routine(junk)), None, None, "not a text file")


@pytest.mark.parametrize(
    ("raw", "line", "col"),
    [
        (b"\xff\xfeformat: 1\n", 1, 1),
        (b"format: 1\ntitle: Caf\xe9\nsteps: []\n", 2, 11),
        (b"format: 1\ntitle: Ok\nsteps:\n  - breathe: 30\n    note: \xc3\x28\n", 5, 11),
        (b"format: 1\n\ntitle: \xed\xa0\x80\n", 3, 8),  # an encoded surrogate is not UTF-8
    ],
)
def test_invalid_utf8_points_at_the_bad_byte(raw: bytes, line: int, col: int, write_routine) -> None:
    assert_problem(the_problem(raw), line, col, "not valid UTF-8")
    assert_problem(the_file_problem(write_routine(raw)), line, col, "UTF-8")


def test_lone_surrogate_in_text_is_refused() -> None:
    problem = the_problem("format: 1\ntitle: \ud800\nsteps: [{breathe: 30}]\n")
    assert_problem(problem, 2, 8, "character")


def test_control_character_is_refused() -> None:
    assert_problem(the_problem("format: 1\ntitle: T\x07\nsteps: [{breathe: 30}]\n"), 2, 9, "control character")


def test_file_over_one_megabyte_is_refused_before_parsing(write_routine) -> None:
    # Valid YAML all the way, so only the size can be the problem.
    path = write_routine("format: 1\ntitle: Big\nsteps: [{breathe: 30}]\n" + "# padding\n" * 110_000)
    assert path.stat().st_size > 1_000_000
    started = time.perf_counter()
    problem = the_file_problem(path)
    assert time.perf_counter() - started < 0.5
    assert_problem(problem, None, None, "too large", "1,000,000")


def test_text_over_one_megabyte_is_refused() -> None:
    text = "format: 1\ntitle: Big\nsteps: [{breathe: 30}]\n" + "#" * 1_000_000
    assert_problem(the_problem(text), None, None, "too large")
    assert_problem(the_problem(text.encode()), None, None, "too large")


def test_devices_and_pipes_are_refused_without_reading_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        started = time.perf_counter()
        assert_problem(the_file_problem(path), None, None, "not a regular file")
        assert time.perf_counter() - started < 1


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert_problem(the_file_problem(tmp_path / "nope.yaml"), None, None, "no such file")
    assert_problem(the_file_problem(tmp_path), None, None, "folder")


def test_second_document_is_refused() -> None:
    text = "format: 1\ntitle: T\nsteps: [{breathe: 30}]\n---\nformat: 1\n"
    assert_problem(the_problem(text), 4, 1, "remove the second '---'")


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("format: 1\ntitle: [\n", 2, 8, "'[' opened here is not closed with ']'"),
        ("format: 1\n title: T\n", 2, 2, "'title' is indented further than 'format' above it: remove 1 space"),
        ("format: 1\ntitle: T\nsteps:\n\t- breathe: 30\n", 4, 1, "tabs can't indent"),
        ('format: 1\ntitle: "unclosed\n', 2, 8, 'the quote " opened here is never closed'),
    ],
)
def test_syntax_slips_are_positioned_in_plain_words(text: str, line: int, col: int, words: str) -> None:
    assert_problem(the_problem(text), line, col, words)


# -- duplicate keys -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "first", "again", "col"),
    [
        (exercise_step("childs-pose", "hold: 30", "hold: 40"), "hold", 5, 6, 5),
        ("format: 1\ntitle: A\ntitle: B\nsteps: [{breathe: 30}]\n", "title", 2, 3, 1),
        ("format: 1\n'title': A\ntitle: B\nsteps: [{breathe: 30}]\n", "title", 2, 3, 1),
        (HEAD + "  - {breathe: 30, breathe: 40}\n", "breathe", 4, 4, 19),
        (HEAD + "  - breathe: 30\n\n\n    breathe: 60\n", "breathe", 4, 7, 5),
    ],
)
def test_duplicate_keys_name_the_key_and_both_lines(text: str, key: str, first: int, again: int, col: int) -> None:
    problem = the_problem(text)
    assert_problem(problem, again, col, f"duplicate key '{key}'", f"line {first}", f"line {again}")


# -- YAML 1.1 surprises -------------------------------------------------------------


@pytest.mark.parametrize("word", ["no", "No", "off", "yes", "on", "n", "y", "false", "true"])
def test_sides_no_is_an_error_never_false(word: str) -> None:
    problem = the_problem(exercise_step("hamstring-stretch", f"sides: {word}"))
    assert_problem(problem, 5, 12, "sides", "left, right, both")
    # Kept as the word written (quoted in the message), except YAML 1.2's own true/false.
    assert (f"'{word}'" if word not in ("true", "false") else f"sides: {word} ") in problem.message


def test_hold_1_30_suggests_1m30s_never_90() -> None:
    problem = the_problem(exercise_step("childs-pose", "hold: 1:30"))
    assert_problem(problem, 5, 11, "hold", "'1:30'", "1m30s")
    assert "90" not in problem.message


def test_hold_0_30_suggests_30s() -> None:
    problem = the_problem(exercise_step("childs-pose", "hold: 0:30"))
    assert_problem(problem, 5, 11, "hold", "write 30s")
    assert "0m30s" not in problem.message


def test_reps_010_is_ten_never_eight() -> None:
    routine = load_routine_text(exercise_step("cat-cow", "reps: 010"), source=SOURCE)
    step = routine.steps[0]
    assert isinstance(step, ExerciseStep)
    assert step.reps == 10 and type(step.reps) is int
    reps = [s for s in build_plan(routine).segments if s.kind is SegmentKind.REPS]
    assert [s.reps for s in reps] == [10]


def test_unquoted_date_stays_text() -> None:
    routine = load_routine_text("format: 1\ntitle: T\nprescribed: 2026-11-20\nsteps: [{breathe: 30}]\n", source=SOURCE)
    assert routine.prescribed == "2026-11-20"
    assert type(routine.prescribed) is str


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29"])
def test_impossible_date_is_an_error(date: str) -> None:
    problem = the_problem(f"format: 1\ntitle: T\nprescribed: {date}\nsteps: [{{breathe: 30}}]\n")
    assert_problem(problem, 3, 13, "prescribed", date, "not a real date")


@pytest.mark.parametrize("date", ["20261120", "2026-11-20T10:00:00", "20/11/2026", "2026-1-2"])
def test_date_in_another_form_is_an_error(date: str) -> None:
    problem = the_problem(f"format: 1\ntitle: T\nprescribed: {date}\nsteps: [{{breathe: 30}}]\n")
    assert_problem(problem, 3, 13, "prescribed")


@pytest.mark.parametrize("word", ["no", "Yes", "off", "ON", "1_000", "0x1F", "0o17", "1:30", "2026-11-20", "null-ish", "~x"])
def test_yaml_11_words_stay_text_where_text_is_wanted(word: str) -> None:
    routine = load_routine_text(f"format: 1\ntitle: {word}\nsteps: [{{breathe: 30}}]\n", source=SOURCE)
    assert routine.title == word


# -- numbers out of range -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("-5", ("at least",)),
        ("0", ("at least 1s",)),
        (".nan", ("not a duration",)),
        (".NaN", ("not a duration",)),
        (".inf", ("not a duration",)),
        ("-.inf", ("not a duration",)),
        ("1e9", ("not a duration",)),
        ("1000000000", ("too long",)),
        ("3601", ("too long", "1h 00m 01s", "most is 1h")),
        ("61m", ("too long",)),
        ("2h", ("not a duration",)),
        ("45.5", ("not a duration",)),
        ("45.0", ("not a duration",)),
        ("1.5m", ("not a duration",)),
        ("90 sec", ("not a duration",)),
        ("-1m", ("not a duration",)),
        ("true", ("not a duration",)),
        ("", ("no time is written", "like 45")),
        ("[30]", ("not a duration",)),
        ("9" * 5000, ("too long",)),
    ],
)
def test_bad_hold_values(value: str, words: tuple[str, ...]) -> None:
    problem = the_problem(exercise_step("childs-pose", f"hold: {value}"))
    assert_problem(problem, 5, 11 if value else 10, *words)
    assert "hold" in problem.message or "number" in problem.message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("501", ("at most 500",)),
        ("0", ("at least 1",)),
        ("-3", ("at least 1",)),
        ("45.5", ("whole number",)),
        ("8.0", ("whole number",)),
        (".nan", ("whole number",)),
        ("1e3", ("whole number",)),
        ("ten", ("whole number",)),
    ],
)
def test_bad_reps_values(value: str, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(exercise_step("cat-cow", f"reps: {value}")), 5, 11, "reps", *words)


@pytest.mark.parametrize(
    ("line", "col", "words"),
    [
        ("sets: 0", 11, ("sets", "at least 1")),
        ("sets: 21", 11, ("sets", "at most 20")),
        ("sets: 2.0", 11, ("sets", "whole number")),
        ("sets: .inf", 11, ("sets", "whole number")),
        ("rest: -1", 11, ("rest", "at least 0")),
        ("rest: 11m", 11, ("rest", "too long")),
        ("switch: 0", 13, ("switch", "at least 1s")),
        ("switch: 3m", 13, ("switch", "too long")),
        ("prepare: 6m", 14, ("prepare", "too long")),
        ("breathing: {inhale: 0, exhale: 3}", 25, ("inhale", "at least 1s")),
        ("breathing: {inhale: 31, exhale: 3}", 25, ("inhale", "too long")),
        ("breathing: {inhale: 4, exhale: .nan}", 36, ("exhale", "not a duration")),
    ],
)
def test_bad_step_numbers(line: str, col: int, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(exercise_step("hamstring-stretch", line)), 5, col, *words)


@pytest.mark.parametrize(
    ("step", "col", "words"),
    [
        ("breathe: 0", 14, ("breathe", "at least 1s")),
        ("breathe: 2h", 14, ("breathe", "not a duration")),
        ("breathe: -5", 14, ("breathe", "at least 0")),
        ("breathe: .nan", 14, ("breathe", "not a duration", "breaths")),
        ("breathe: {breaths: 0}", 24, ("breaths", "at least 1")),
        ("breathe: {breaths: 501}", 24, ("breaths", "at most 500")),
        ("breathe: {breaths: 6.0}", 24, ("breaths", "whole number")),
        ("breathe: {breaths: .nan}", 24, ("breaths", "whole number")),
    ],
)
def test_bad_breathe_values(step: str, col: int, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(HEAD + f"  - {step}\n"), 4, col, *words)


@pytest.mark.parametrize(
    ("line", "col", "words"),
    [
        ("frequency: {per_day: 0}", 22, ("per_day", "at least 1")),
        ("frequency: {per_day: 11}", 22, ("per_day", "at most 10")),
        ("frequency: {per_week: 15}", 23, ("per_week", "at most 14")),
        ("frequency: {per_day: 2.0}", 22, ("per_day", "whole number")),
        ("frequency: {per_day: 1, per_week: 2}", 12, ("exactly one",)),
        ("frequency: {}", 12, ("exactly one",)),
    ],
)
def test_bad_frequency(line: str, col: int, words: tuple[str, ...]) -> None:
    problem = the_problem(f"format: 1\ntitle: T\n{line}\nsteps: [{{breathe: 30}}]\n")
    assert_problem(problem, 3, col, *words)


def test_whole_routine_over_four_hours_is_refused() -> None:
    problem = the_problem(exercise_step("tennis-ball-release", "hold: 60m", "sets: 20"))
    assert_problem(problem, 3, 1, "whole routine", "limit is 4h")


# -- unknown keys and ids --------------------------------------------------------------


def test_misspelt_step_key_suggests_the_right_one() -> None:
    problem = the_problem(exercise_step("childs-pose", "hodl: 30"))
    assert_problem(problem, 5, 5, "unknown key 'hodl'", "did you mean 'hold'?")


def test_misspelt_required_key_is_one_problem() -> None:
    problem = the_problem("format: 1\ntitel: T\nsteps: [{breathe: 30}]\n")
    assert_problem(problem, 2, 1, "unknown key 'titel'", "did you mean 'title'?")


def test_unknown_top_level_key() -> None:
    problem = the_problem("format: 1\ntitle: T\ncolour: red\nsteps: [{breathe: 30}]\n")
    assert_problem(problem, 3, 1, "unknown key 'colour'", "title", "steps")


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        (HEAD + "  - breathe: 30\n    breathing: {inhale: 4, exhle: 3}\n", 5, 28, ("'exhle'", "did you mean 'exhale'?")),
        (HEAD + "  - breathe: {breath: 5}\n", 4, 15, ("'breath'", "did you mean 'breaths'?")),
        (
            HEAD + "  - exercise: {title: K, instructions: D, imag: x.png}\n    hold: 5\n",
            4, 43, ("'imag'", "did you mean 'image'?"),
        ),
    ],
)
def test_unknown_nested_keys(text: str, line: int, col: int, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(text), line, col, "unknown key", *words)


def test_unknown_exercise_lists_the_known_ids() -> None:
    problem = the_problem(HEAD + "  - exercise: squats\n")
    assert_problem(problem, 4, 15, "unknown exercise 'squats'", *SIX_IDS)


def test_misspelt_exercise_suggests_the_right_one() -> None:
    problem = the_problem(HEAD + "  - exercise: chils-pose\n")
    assert_problem(problem, 4, 15, "did you mean 'childs-pose'?", *SIX_IDS)


@pytest.mark.parametrize(("value", "words"), [("Childs-Pose", ("not an exercise id",)), ("5", ("text",)), ("[a]", ("text",))])
def test_exercise_that_is_not_an_id(value: str, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(HEAD + f"  - exercise: {value}\n"), 4, 15, "exercise", *words)


# -- image paths -------------------------------------------------------------------------


def image_routine(image: str, key: str = "image") -> str:
    return (
        "format: 1\n"
        "title: Images\n"
        "steps:\n"
        "  - exercise:\n"
        "      title: Knee to chest\n"
        "      instructions: Hug one knee to your chest.\n"
        f"      {key}: {image}\n"  # the value is on line 7, column 9 + len(key)
        "    hold: 20s\n"
    )


BAD_IMAGES = [
    ("../../etc/passwd.png", "folder"),
    ("pics/../../x.png", "folder"),
    ("/etc/passwd", "relative"),
    ("/etc/passwd.png", "relative"),
    ("'C:\\x\\y.png'", "relative"),
    ("C:/x/y.png", "relative"),
    ("'\\\\host\\share\\y.png'", "relative"),
    ("'pics\\y.png'", "'/'"),
    ("~/x.png", "relative"),
    ("https://example.com/a.png", "web addresses"),
    ("file:///etc/x.png", "web addresses"),
    ("data:image/png;base64,AAAA", "web addresses"),
    ("notes.txt", "PNG, JPEG or SVG"),
    ('"a\\0.png"', "control character"),
    ('"a\\n.png"', "control character"),
]


@pytest.mark.parametrize(("image", "word"), BAD_IMAGES)
@pytest.mark.parametrize("key", ["image", "image_exhale"])
def test_bad_image_paths_are_refused(image: str, word: str, key: str, write_routine) -> None:
    path = write_routine(image_routine(image, key))
    assert_problem(the_file_problem(path), 7, 9 + len(key), "image", word)
    assert_problem(the_problem(image_routine(image, key)), 7, 9 + len(key), "image", word)


def test_symlink_to_a_file_outside_is_refused(tmp_path: Path, write_routine) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG")
    folder = tmp_path / "routine"
    folder.mkdir()
    os.symlink(outside / "secret.png", folder / "link.png")
    os.symlink(outside, folder / "linkdir")

    for image in ("link.png", "linkdir/secret.png"):
        path = write_routine(image_routine(image), "routine/r.yaml")
        assert_problem(the_file_problem(path), 7, 14, "outside the routine's folder")


def test_symlink_loop_and_overlong_name_are_refused(tmp_path: Path, write_routine) -> None:
    folder = tmp_path / "routine"
    folder.mkdir()
    os.symlink(folder / "loop.png", folder / "loop.png")
    for image in ("loop.png", "x" * 300 + ".png"):
        path = write_routine(image_routine(image), "routine/r.yaml")
        try:
            routine = load_routine_file(path)
        except RoutineError as exc:  # Python < 3.13 sees the loop while resolving
            assert len(exc.problems) == 1
            assert_problem(exc.problems[0], 7, 14, "image")
        else:  # newer Pythons resolve a loop quietly; then the picture is simply not there
            assert [(w.line, w.col, w.warning) for w in routine.warnings] == [(7, 14, True)]


def test_good_relative_image_resolves_inside_the_folder(tmp_path: Path, write_routine) -> None:
    folder = tmp_path / "routine"
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "knee.png").write_bytes(PNG_1X1)
    for image in ("pics/knee.png", "./pics/knee.png"):
        routine = load_routine_file(write_routine(image_routine(image), "routine/r.yaml"))
        picture = routine.steps[0].exercise.image  # type: ignore[union-attr]
        assert picture is not None
        assert picture.resolve() == (folder / "pics" / "knee.png").resolve()
        assert picture.resolve().is_relative_to(folder.resolve())
        assert routine.warnings == ()


def test_missing_image_is_only_a_warning(write_routine) -> None:
    routine = load_routine_file(write_routine(image_routine("knee.png")))
    assert len(routine.steps) == 1
    (warning,) = routine.warnings
    assert warning.warning
    assert_problem(warning, 7, 14, "knee.png", "not found")
    check_one_line(warning)
    assert "warning:" in str(warning)


# -- format version ----------------------------------------------------------------------


def test_newer_format_asks_for_a_newer_app() -> None:
    problem = the_problem("format: 2\ntitle: T\nsteps: [{breathe: 30}]\n")
    assert_problem(problem, 1, 9, "newer version of stretch-gui")


def test_newer_format_is_not_judged_by_this_version_rules() -> None:
    # A format-2 file may have keys this version has never heard of: one message, not a list.
    problem = the_problem("format: 7\ntitle: T\nmusic: calm.ogg\nsteps: [{breathe: 30, tempo: slow}]\n")
    assert_problem(problem, 1, 9, "newer version of stretch-gui")


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ('format: "1"\ntitle: T\nsteps: [{breathe: 30}]\n', 1, 9, ("format", "whole number")),
        ("format: 1.0\ntitle: T\nsteps: [{breathe: 30}]\n", 1, 9, ("format", "whole number")),
        ("format: true\ntitle: T\nsteps: [{breathe: 30}]\n", 1, 9, ("format", "whole number")),
        ("format: 0\ntitle: T\nsteps: [{breathe: 30}]\n", 1, 9, ("format must be 1",)),
        ("title: T\nsteps: [{breathe: 30}]\n", 1, 1, ("missing 'format'",)),
    ],
)
def test_format_must_be_the_integer_1(text: str, line: int, col: int, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(text), line, col, *words)


# -- step shapes -------------------------------------------------------------------------


def test_step_with_exercise_and_breathe() -> None:
    problem = the_problem(HEAD + "  - exercise: childs-pose\n    breathe: 30\n")
    assert_problem(problem, 4, 5, "either", "not both")


def test_step_with_neither_exercise_nor_breathe() -> None:
    problem = the_problem(HEAD + "  - note: Just relax.\n")
    assert_problem(problem, 4, 5, "either 'exercise:' or 'breathe:'")


def test_hold_and_reps_together() -> None:
    assert_problem(the_problem(exercise_step("childs-pose", "hold: 30", "reps: 5")), 6, 5, "'hold' or 'reps', not both")


@pytest.mark.parametrize("off", ["off", "false"])
def test_reps_with_breathing_off(off: str) -> None:
    problem = the_problem(exercise_step("cat-cow", f"breathing: {off}"))
    assert_problem(problem, 5, 16, "reps", "breathing cannot be off")
    problem = the_problem(exercise_step("childs-pose", "reps: 5", f"breathing: {off}"))
    assert_problem(problem, 6, 16, "breathing cannot be off")


def test_breathing_step_with_breathing_off() -> None:
    problem = the_problem(HEAD + "  - breathe: 30\n    breathing: off\n")
    assert_problem(problem, 5, 16, "breathing step", "off")


@pytest.mark.parametrize("value", ["on", "slow", "true", "[4, 6]"])
def test_step_breathing_must_be_off_or_a_pattern(value: str) -> None:
    problem = the_problem(HEAD + f"  - breathe: 30\n    breathing: {value}\n")
    assert_problem(problem, 5, 16, "breathing")


@pytest.mark.parametrize(
    "line",
    ["hold: 30", "reps: 5", "sets: 2", "rest: 10s", "sides: both", "switch: 5s", "between: Relax.", "cautions: [Careful.]"],
)
def test_keys_that_do_not_apply_to_a_breathing_step(line: str) -> None:
    key = line.split(":")[0]
    problem = the_problem(HEAD + f"  - breathe: 1m\n    {line}\n")
    assert_problem(problem, 5, 5, f"'{key}' does not apply to a breathing step")


def test_hold_exercise_without_a_hold() -> None:
    problem = the_problem(HEAD + "  - exercise: {title: Knee hug, instructions: Hug it.}\n")
    assert_problem(problem, 4, 5, "'Knee hug' needs a hold time")


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ("format: 1\ntitle: T\nsteps: []\n", 3, 8, ("steps", "at least 1")),
        ("format: 1\ntitle: T\nsteps:\n", 3, 7, ("steps", "list")),
        ("format: 1\ntitle: T\nsteps: [{breathe: 30}]\nsteps2: 1\n", 4, 1, ("unknown key 'steps2'",)),
        ("format: 1\ntitle: ''\nsteps: [{breathe: 30}]\n", 2, 8, ("title", "empty")),
        ("format: 1\ntitle: 5\nsteps: [{breathe: 30}]\n", 2, 8, ("title", "text")),
        (HEAD + "  - childs-pose\n", 4, 5, ("'key: value' lines",)),
        (HEAD + "  -\n", 4, 4, ("'key: value' lines",)),
        ("format: 1\ntitle: T\n[a]: 1\nsteps: [{breathe: 30}]\n", 3, 1, ("keys must be plain words",)),
    ],
)
def test_malformed_structure(text: str, line: int, col: int, words: tuple[str, ...]) -> None:
    assert_problem(the_problem(text), line, col, *words)


def test_several_mistakes_are_all_reported_in_file_order() -> None:
    text = exercise_step("childs-pose", "hodl: 30") + "  - exercise: cat-cow\n    reps: 0\n"
    problems = problems_of(text)
    assert [(p.line, p.col) for p in problems] == [(5, 5), (7, 11)]


def test_key_with_a_line_break_still_prints_one_line() -> None:
    problem = the_problem('format: 1\ntitle: T\n"col\\nour\\u2028": red\nsteps: [{breathe: 30}]\n')
    assert_problem(problem, 3, 1, "unknown key")
    assert "col\\nour\\u2028" in str(problem)


# -- property: nothing but RoutineError, ever ------------------------------------------------

VALID = """\
format: 1
title: Every feature
description: "A routine that uses every part of the format."
author: Test Physio
patient: A. Patient
prescribed: 2026-11-20
revision: 2
frequency: {per_day: 2}
cautions: ["Stop if it hurts."]
breathing: {inhale: 4, pause: 1, exhale: 5, pause_after_exhale: 0}
steps:
  - breathe: {breaths: 3}
    prepare: 0s
  - exercise: hamstring-stretch
    hold: 30s
    sets: 2
    rest: 10s
    sides: both
    switch: 5s
    between: 'Shake out your legs.'
  - exercise: cat-cow
    reps: 5
    breathing: {inhale: 3, exhale: 3}
  - exercise:
      title: Knee to chest
      instructions: >-
        Hug one knee to your chest.
      cues: [Breathe out, Let go]
      image: pics/knee.png
    hold: 1m30s
    sides: left
    breathing: off
    note: |
      Slowly.
  - breathe: 1m
"""

PUNCTUATION = list(":-[]{}&*!|>'\"%@#,?~\t\n ") + [
    "\r", "\\", "\x00", "\u2028", "\ufeff", "---", "...", "<<", "0x", ".inf", "- ", ": ",
    # The slips of issue 12: Word's spaces and quotes, tabs as spacing, '?' in lists, the non-specific tag.
    "\u00a0", "\u202f", "\u200b", "\u2018", "\u2019", "\u201c", "\u201d", "\t#", ":\t", "? ", "?", "! ", "|+", ">-", "-x",
]
PIECES = st.one_of(
    st.sampled_from(PUNCTUATION), st.characters(codec="utf-8"), st.sampled_from("0123456789abcdefghijklmnopqrstuvwxyz")
)


def fragments(min_size: int = 0, max_size: int = 4) -> st.SearchStrategy[str]:
    return st.lists(PIECES, min_size=min_size, max_size=max_size).map("".join)


# Plain scalars that mean something else in YAML 1.1, or sit just outside a limit.
SCALARS = [
    "no", "off", "yes", "~", "null", "''", "-1", "0", "-0", "+5", "010", "0x10", "1_0", "1e9", ".nan", "-.inf",
    "2.0", "45.5", "1:30", "0:30", "1m99s", "99999s", "61m", "[]", "{}", "[1]", "{a: 1}", "true", "2026-02-30",
    "501", "21", "'off'", "both", "left", "childs-pose", "{breaths: 0}", "{inhale: 0, exhale: 0}", "/etc/passwd",
]


@st.composite
def mutated_routine(draw: st.DrawFn) -> str:
    text = VALID
    for _ in range(draw(st.integers(1, 6))):
        lines = text.split("\n")
        actions = ["insert", "delete", "replace", "dup_line", "del_line", "swap_lines", "insert_line", "value", "value"]
        action = draw(st.sampled_from(actions))
        pos = draw(st.integers(0, max(0, len(text) - 1)))
        if action == "insert":
            text = text[:pos] + draw(fragments(1, 4)) + text[pos:]
        elif action == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)) :]
        elif action == "replace":
            text = text[:pos] + draw(PIECES) + text[pos + 1 :]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if action == "value":
                head, colon, _ = lines[i].partition(": ")
                lines[i] = head + ": " + draw(st.sampled_from(SCALARS)) if colon else lines[i]
            elif action == "dup_line":
                lines.insert(j, lines[i])
            elif action == "del_line":
                del lines[i]
            elif action == "swap_lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(i, draw(fragments(0, 30)))
            text = "\n".join(lines)
    return text


# The parser's vocabulary, which no message may pass on (issue 12).
PARSER_WORDS = ("<block", "<stream", "could not find expected", "cannot start any token", "YAML syntax",
                "mapping values", "while scanning", "while parsing", "scalar")


def load_only_routine_errors(content: str | bytes) -> None:
    try:
        routine = load_routine_text(content, source="fuzz.yaml")
    except RoutineError as exc:
        assert exc.problems
        for problem in exc.problems:
            text = str(problem)
            assert text.startswith("fuzz.yaml"), text
            assert len(text.splitlines()) == 1 and "\n" not in text and "\r" not in text, repr(text)
            for jargon in PARSER_WORDS:
                assert jargon not in problem.message, f"parser word {jargon!r} reached the physio: {text}"
        return
    # It loaded: then it must make sense.
    total = build_plan(routine).total
    assert math.isfinite(total) and 0 < total <= 4 * 3600
    for step in routine.steps:
        assert isinstance(step, (ExerciseStep, BreatheStep))
        if isinstance(step, ExerciseStep):
            assert isinstance(step.sets, int) and 1 <= step.sets <= 20
            assert (step.hold is None) != (step.reps is None)


def test_the_valid_base_of_the_fuzzer_loads() -> None:
    routine = load_routine_text(VALID, source="fuzz.yaml")
    assert len(routine.steps) == 5


FUZZ = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow], database=None)


@FUZZ
@given(mutated_routine())
def test_mutated_routines_raise_only_routine_error(text: str) -> None:
    load_only_routine_errors(text)


@FUZZ
@given(fragments(0, 200))
def test_random_text_raises_only_routine_error(text: str) -> None:
    load_only_routine_errors(text)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_routine_error(raw: bytes) -> None:
    load_only_routine_errors(raw)


@FUZZ
@given(mutated_routine())
def test_mutated_routines_as_utf8_bytes(text: str) -> None:
    load_only_routine_errors(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    ("content", "line", "col", "words"),
    [
        ("format: 1\ntitle: '   '\nsteps: [{breathe: 30}]\n", 2, 8, ("title", "blank")),
        ("format: 1\ntitle: T\nsteps:\n  - exercise: childs-pose\n    hold: 1m99s\n", 5, 11, ("hold", "1m99s")),
    ],
)
def test_blank_text_and_impossible_seconds_are_refused(content: str, line: int, col: int, words: tuple[str, ...]) -> None:
    problem = the_problem(content)
    assert (problem.line, problem.col) == (line, col)
    for word in words:
        assert word in problem.message


# -- values that PyYAML's scanner read wrongly: now as YAML 1.2 reads them ------------------


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("- ! 12\n", ["12"]),  # the non-specific tag means "text"
        ("- ! true\n", ["true"]),
        ("[?x]\n", ["?x"]),
        ("{ ?foo: bar }\n", {"?foo": "bar"}),
        ("[Dizzy? Sit down.]\n", ["Dizzy? Sit down."]),
        ("[? a : b]\n", [{"a": "b"}]),  # an explicit key still is one
        ("- |+\n   ", ["\n"]),  # a keep block scalar ending in a line of spaces, no line break
        ("a: |\n  foo", {"a": "foo"}),  # clip, no final line break
        ("a: |+\n  foo\n  ", {"a": "foo\n\n"}),
        ("a: 30s\t# per side\n", {"a": "30s"}),
        ("a:\t30s\n", {"a": "30s"}),
        ("a: b\n\t\nc: d\n", {"a": "b", "c": "d"}),
        ("a: one\ttwo\n", {"a": "one\ttwo"}),
        ("a: [x,\tz]\n", {"a": ["x", "z"]}),
        ("a: | \t# note\n  x\n", {"a": "x\n"}),
    ],
)
def test_reader_values_agree_with_yaml_1_2(text: str, data: object) -> None:
    from stretch_gui.core.routine.reader import read_yaml

    assert read_yaml(text, "t.yaml").data == data


@pytest.mark.parametrize("text", ["a:\n\tb: c\n", "-\tb: c\n", "a:\n  \tb: c\n", "a:\n  - x\n\t- y\n"])
def test_tabs_that_would_indent_are_refused_in_plain_words(text: str) -> None:
    problem = the_problem(text)
    assert "tabs can't indent" in problem.message and problem.line is not None


@FUZZ
@given(st.binary(max_size=200), st.sampled_from(["a.png", "a.jpg", "a.svg"]))
def test_any_picture_bytes_give_a_reason_or_none_never_an_exception(raw: bytes, name: str) -> None:
    import tempfile

    from stretch_gui.core.routine.picturecheck import picture_problem

    for head in (b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xd8", b"GIF89a", b"<svg>"):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(head + raw)
            problem = picture_problem(path)
            assert problem is None or (problem.startswith(name) and "\n" not in problem)
