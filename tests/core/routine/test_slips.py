"""The slips people make in Notepad, Word and VS Code, each in plain words on the line to fix.

One test per slip. Every message is checked for the parser's own vocabulary, which
must never reach a physio.
"""

from __future__ import annotations

import pytest

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.problems import Problem, RoutineError

HEAD = "format: 1\ntitle: Lower back\nsteps:\n"  # lines 1-3
STEP = "  - exercise: childs-pose\n"  # line 4
JARGON = ("found", "token", "<block", "scalar", "mapping", "stream", "None", "'?'", "YAML syntax", "100.0")


def the_problem(text: str) -> Problem:
    with pytest.raises(RoutineError) as info:
        load_routine_text(text, source="r.yaml")
    problems = info.value.problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    for word in JARGON:
        assert word not in problems[0].message, f"parser word {word!r} in: {problems[0]}"
    return problems[0]


def at(problem: Problem, line: int, col: int, message: str) -> None:
    assert (problem.line, problem.col) == (line, col), str(problem)
    assert message in problem.message, str(problem)


def test_tab_indenting_a_line() -> None:
    at(the_problem(HEAD + "\t- breathe: 30\n"), 4, 1,
       "tabs can't indent in a routine file; use spaces (your editor can turn tabs into spaces)")


def test_tab_after_spaces_in_the_indentation() -> None:
    at(the_problem(HEAD + STEP + "  \t  hold: 30s\n"), 5, 3, "tabs can't indent")


def test_tab_between_the_dash_and_a_key() -> None:
    at(the_problem(HEAD + "  -\texercise: childs-pose\n    hold: 30s\n"), 4, 4, "tabs can't indent")


def test_missing_colon_is_on_its_own_line() -> None:
    text = HEAD + STEP + "    sets: 2\n    hold 30s\n    sides: both\n"
    at(the_problem(text), 6, 5, "'hold 30s' needs a colon after hold: write 'hold: 30s'")


def test_missing_colon_on_line_two() -> None:
    at(the_problem("format: 1\ntitle Lower back\nsteps: [{breathe: 30}]\n"), 2, 1,
       "'title Lower back' needs a colon after title: write 'title: Lower back'")


def test_missing_colon_on_the_last_line_without_a_line_break() -> None:
    at(the_problem(HEAD + STEP + "    hold 30s"), 5, 5, "needs a colon after hold")


def test_text_that_is_not_a_key_says_how_to_continue_it() -> None:
    at(the_problem(HEAD + STEP + "    hold: 30s\n    note: Keep breathing\n    and relax\n"), 7, 5,
       "'and relax' is not a 'key: value' line")


def test_no_space_after_the_dash() -> None:
    text = HEAD + STEP + "    hold: 30s\n  -exercise: cat-cow\n    reps: 5\n"
    at(the_problem(text), 6, 3, "'-exercise' needs a space after the dash: write '- exercise: cat-cow'")


def test_no_space_after_the_first_dash() -> None:
    at(the_problem(HEAD + "  -exercise: cat-cow\n    reps: 5\n"), 4, 3, "'-exercise' needs a space after the dash")


def test_no_space_after_the_only_dash() -> None:
    at(the_problem(HEAD + "  -exercise: cat-cow\n"), 4, 3, "'-exercise' needs a space after the dash")


def test_key_lined_up_with_the_dash() -> None:
    at(the_problem(HEAD + STEP + "  hold: 30s\n"), 5, 3, "'hold' must line up with 'exercise' above it: indent it 2 more spaces")


def test_key_indented_one_space_too_far() -> None:
    at(the_problem(HEAD + STEP + "     hold: 30s\n"), 5, 6, "remove 1 space")


def test_word_curly_quotes_around_text_with_a_colon() -> None:
    at(the_problem("format: 1\ntitle: \u2018Lower back: gentle\u2019\nsteps: [{breathe: 30}]\n"), 2, 8,
       "Word's curly quotes \u2018 \u2019 \u201c \u201d are not quotes here; use straight quotes or none")


def test_colon_inside_text_asks_for_quotes() -> None:
    at(the_problem("format: 1\ntitle: Stretch: lower back\nsteps: [{breathe: 30}]\n"), 2, 8,
       "put the text in quotes: title: \"Stretch: lower back\"")


def test_non_breaking_space_after_a_colon() -> None:
    at(the_problem(HEAD + STEP + "    hold:\u00a030s\n"), 5, 10,
       "a non-breaking space (from Word or e-mail) after 'hold:'; retype the space")


def test_non_breaking_space_indentation() -> None:
    problem = the_problem(HEAD + STEP + "\u00a0\u00a0\u00a0\u00a0hold: 30s\n")
    at(problem, 5, 1, "a non-breaking space (from Word or e-mail) in the indentation before 'hold'; retype the spaces")


def test_unclosed_quote_points_at_the_opening_quote() -> None:
    at(the_problem('format: 1\ntitle: "Lower back\nsteps: [{breathe: 30}]\n'), 2, 8, 'the quote " opened here is never closed')


def test_unclosed_list_points_at_the_bracket() -> None:
    at(the_problem("format: 1\ntitle: T\ncautions: [a, b\nsteps: [{breathe: 30}]\n"), 3, 11, "the '[' opened here is not closed")


def test_list_entry_on_the_same_line_as_its_key() -> None:
    at(the_problem("format: 1\ntitle: T\nsteps: - breathe: 30\n"), 3, 8, "must start a line of its own")


def test_backslash_in_double_quotes() -> None:
    at(the_problem('format: 1\ntitle: "C:\\Documents"\nsteps: [{breathe: 30}]\n'), 2, 12, "backslash")


def test_text_starting_with_an_at_sign() -> None:
    problem = the_problem("format: 1\ntitle: @home\nsteps: [{breathe: 30}]\n")
    at(problem, 2, 8, "text can't start with '@'; put the text in quotes")


# -- valid YAML that a physio writes is accepted ---------------------------------


def load(text: str):  # type: ignore[no-untyped-def]
    return load_routine_text(text, source="r.yaml")


@pytest.mark.parametrize(
    "text",
    [
        HEAD + STEP + "    hold: 30s\t# per side\n",
        HEAD + STEP + "    hold:\t30s\n",
        HEAD + STEP + "\t\n    hold: 30s\n",
        HEAD + STEP + "    hold: 30s\n  \t# a comment after a tab\n",
        HEAD + STEP + "    hold\t: 30s\n",
        HEAD + STEP + "    hold: 30s \t\n",
    ],
    ids=["before-comment", "after-colon", "blank-line", "comment-line", "before-colon", "trailing"],
)
def test_tabs_used_as_spacing_are_accepted(text: str) -> None:
    assert load(text).steps[0].hold == 30  # type: ignore[union-attr]


def test_a_tab_inside_text_stays_in_the_text() -> None:
    assert load("format: 1\ntitle: Lower\tback\nsteps: [{breathe: 30}]\n").title == "Lower\tback"


def test_question_mark_inside_a_bracketed_list() -> None:
    routine = load("format: 1\ntitle: T\ncautions: [Dizzy? Sit down., ?Odd]\nsteps: [{breathe: 30}]\n")
    assert routine.cautions == ("Dizzy? Sit down.", "?Odd")


@pytest.mark.parametrize(("written", "kept"), [("1.2", "1.2"), ("1.10", "1.10"), ("2", "2"), ("1e2", "1e2"), ("'3b'", "3b")])
def test_revision_is_kept_as_written(written: str, kept: str) -> None:
    assert load(f"format: 1\ntitle: T\nrevision: {written}\nsteps: [{{breathe: 30}}]\n").revision == kept


# -- values in the physio's words, keys in the right place ------------------------------


def test_an_empty_hold_says_no_time_is_written() -> None:
    at(the_problem(HEAD + STEP + "    hold:\n"), 5, 10, "hold: no time is written; write a duration like 45")


def test_a_number_in_exponent_form_is_shown_as_typed() -> None:
    at(the_problem(HEAD + STEP + "    hold: 1e2\n"), 5, 11, "hold: 1e2 is not a duration")


def test_hold_at_routine_level_says_where_it_belongs() -> None:
    text = "format: 1\ntitle: T\nhold: 30s\nsteps: [{breathe: 30}]\n"
    at(the_problem(text), 3, 1, "hold belongs on a step, under '- exercise: …'")


def test_step_key_inside_a_custom_exercise() -> None:
    text = HEAD + "  - exercise:\n      title: Knee hug\n      instructions: Hug it.\n      hold: 30s\n"
    at(the_problem(text), 7, 7, "hold belongs on the step, not inside the exercise: line it up with 'exercise:'")


def test_routine_key_on_a_step() -> None:
    text = HEAD + STEP + "    hold: 30s\n    frequency: {per_day: 2}\n"
    at(the_problem(text), 6, 5, "frequency belongs at the top of the routine, not on a step")


def test_schema_key_is_not_offered_to_the_physio() -> None:
    problem = the_problem("format: 1\ntitle: T\nwhatever: 1\nsteps: [{breathe: 30}]\n")
    assert "unknown key 'whatever'" in problem.message and "$schema" not in problem.message


def test_schema_key_is_still_accepted_for_editors() -> None:
    assert load("$schema: ./routine.schema.json\nformat: 1\ntitle: T\nsteps: [{breathe: 30}]\n").title == "T"


def test_non_breaking_space_inside_a_key() -> None:
    at(the_problem(HEAD + STEP + "    hold:\u00a0 30s\n"), 5, 10, "a non-breaking space (from Word or e-mail) after 'hold:'")
