"""Every place that gives safety advice says it in the very same words, taken from safety.py.

The sentences are compared as each place produces them: the help page and the stop screen
as the HTML their labels show, the handout as the lines it prints, the completion screen as
its advice. A sign list that the handout or the completion screen runs into one sentence is
read back into its signs and compared with the list the help page shows under that lead.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from stretch_gui.core import wording
from stretch_gui.core.content import completion, safety
from stretch_gui.core.content.handout import build_handout
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.session.session import Summary

URGENT = "#a8382f"

# Every sentence safety.py names: a place may show these, and nothing worded otherwise.
NAMED = {value for name, value in vars(safety).items() if name.isupper() and isinstance(value, str)}
LEADS = (safety.SEE_SOMEONE_IF, safety.GET_URGENT_CARE_IF)


class _Blocks(HTMLParser):
    """The text of each heading and list item, in order, with entities decoded."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []  # (tag, text)
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h3", "li"):
            self._tag = tag
            self.blocks.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""

    def handle_data(self, data: str) -> None:
        if self._tag:
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)


def blocks(html: str) -> list[tuple[str, str]]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def lists_under_headings(html: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    heading = ""
    for tag, text in blocks(html):
        if tag == "h3":
            heading = text
            found[heading] = []
        else:
            found[heading].append(text)
    return {heading: tuple(items) for heading, items in found.items()}


def signs_in(sentence: str) -> tuple[str, tuple[str, ...]] | None:
    """The lead and the signs of a sentence that runs a sign list together, or None."""
    for lead in LEADS:
        if sentence.startswith(lead + " ") and sentence.endswith("."):
            signs = sentence[len(lead) + 1 : -1].split("; ")
            if len(signs) > 1:
                assert signs[-1].startswith("or "), sentence
                signs[-1] = signs[-1].removeprefix("or ")
            return lead, tuple(signs)
    return None


HELP_PAGE_HTML = safety.as_html(safety.HELP_PAGE, URGENT)
HELP_LISTS = lists_under_headings(HELP_PAGE_HTML)


def handout_lines() -> tuple[str, ...]:
    return build_handout(load_routine_file(builtin_routine_files()[0])).safety


def stopped(reason: str = wording.STOPPED_BY_CHOICE) -> Summary:
    return Summary(exercises_completed=1, exercises_skipped=0, active_seconds=120, stopped=True, stop_reason=reason)


FINISHED = Summary(exercises_completed=4, exercises_skipped=0, active_seconds=600, stopped=False)


def test_the_help_page_shows_the_leads_and_signs_exactly_as_written() -> None:
    assert blocks(HELP_PAGE_HTML) == [
        ("h3", safety.GET_URGENT_CARE_IF),
        *(("li", sign) for sign in safety.GET_URGENT_CARE),
        ("h3", safety.SEE_SOMEONE_IF),
        *(("li", sign) for sign in safety.SEE_SOMEONE_SOON),
        ("h3", safety.WHILE_IT_HURTS_HEADING),
        *(("li", sentence) for sentence in safety.WHILE_IT_HURTS),
    ]
    # Only the urgent lead is in the warning colour.
    assert HELP_PAGE_HTML.count(URGENT) == 1
    assert f"<h3 style='color:{URGENT}'>{safety.GET_URGENT_CARE_IF}</h3>" in HELP_PAGE_HTML


def test_the_stop_screen_says_what_to_do_now_in_named_sentences() -> None:
    shown = lists_under_headings(safety.as_html(safety.STOP_SCREEN, URGENT))
    assert list(shown) == ["What to do now"]
    assert shown["What to do now"] == safety.AFTER_A_PAINFUL_STOP
    assert set(safety.AFTER_A_PAINFUL_STOP) <= NAMED
    # The sentence it shares with the help page is the same string, not a rewording.
    assert safety.KEEP_MOVING in shown["What to do now"] and safety.KEEP_MOVING in HELP_LISTS[safety.WHILE_IT_HURTS_HEADING]


def test_the_handout_prints_the_help_page_signs_in_full_and_named_sentences_otherwise() -> None:
    lines = handout_lines()
    assert lines == safety.ON_THE_HANDOUT
    leads_printed = []
    for line in lines:
        read_back = signs_in(line)
        if read_back is None:
            assert line in NAMED, line
            continue
        lead, signs = read_back
        assert signs == HELP_LISTS[lead], line
        leads_printed.append(lead)
    assert sorted(leads_printed) == sorted(LEADS)  # both sign lists, each once
    # Whatever the handout says about moving while it hurts is what the help page says.
    while_it_hurts = set(HELP_LISTS[safety.WHILE_IT_HURTS_HEADING])
    assert {safety.MOVE_SLOWLY, safety.KEEP_MOVING, safety.LEAVE_OUT} <= set(lines) & while_it_hurts


@pytest.mark.parametrize("reason", [wording.STOPPED_BY_CHOICE, ""])
def test_the_completion_advice_after_a_stop_quotes_the_help_page(reason: str) -> None:
    advice = completion.advice(stopped(reason))
    assert advice == safety.AFTER_A_STOPPED_SESSION
    quoted = []
    for sentence in advice:
        read_back = signs_in(sentence)
        if read_back is None:
            assert sentence in NAMED, sentence
            continue
        lead, signs = read_back
        listed = HELP_LISTS[lead]
        assert signs == listed[: len(signs)], sentence  # the first signs, word for word
        quoted.append(lead)
    assert quoted == [safety.SEE_SOMEONE_IF]
    assert safety.HELP_MENU in advice  # a shortened list points to the full one


def test_the_completion_advice_after_a_whole_session() -> None:
    assert completion.advice(FINISHED) == (safety.GET_UP_SLOWLY,)
    assert completion.heading(FINISHED) == completion.WELL_DONE
    assert completion.heading(stopped()) == completion.STOPPED


def test_no_place_rewords_a_sentence_another_place_shows() -> None:
    """Two different sentences that open with the same words are one piece of advice said twice."""
    places = {
        "handout": handout_lines(),
        "help page": tuple(text for _tag, text in blocks(HELP_PAGE_HTML)),
        "stop screen": tuple(text for _tag, text in blocks(safety.as_html(safety.STOP_SCREEN, URGENT))),
        "completion, stopped": completion.advice(stopped()),
        "completion, finished": completion.advice(FINISHED),
    }
    openings: dict[str, set[str]] = {}
    for sentences in places.values():
        for sentence in sentences:
            if signs_in(sentence) is None and sentence not in LEADS:
                openings.setdefault(" ".join(sentence.split()[:3]).lower(), set()).add(sentence)
    reworded = {opening: found for opening, found in openings.items() if len(found) > 1}
    assert not reworded


def test_the_facts_the_content_notes_require_are_all_said() -> None:
    text = " ".join(safety.ON_THE_HANDOUT).lower()
    for needle in ("stop", "3 days", "1 to 2 weeks", "fall", "urgent", "bladder", "numbness", "toe-touches"):
        assert needle in text, needle


def test_if_any_joins_signs_into_one_sentence() -> None:
    assert safety.if_any("See someone if", ("a", "b", "c")) == "See someone if a; b; or c."
    assert safety.if_any("See someone if", ("a",)) == "See someone if a."
