"""The handout lists the goals a file switches on, with a box for each week's score and rows for the patient's own."""

from __future__ import annotations

from pathlib import Path

from stretch_gui.core.content import goals as words
from stretch_gui.core.content.handout import build_handout
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.qt.handout_pdf import write_pdf
from tests.qt.test_report_pdf import pdf_text

WITH_GOALS = """\
format: 1
title: Just breathe
patient_goals:
  activities: [Walk to the shops and back, Sit through a film]
steps: [{breathe: {breaths: 6}}]
"""


def test_the_goals_are_listed_to_rate_weekly(write_routine, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    routine = load_routine_file(write_routine(WITH_GOALS))
    assert build_handout(routine).goals == ("Walk to the shops and back", "Sit through a film", "", "", "")
    out = tmp_path / "out.pdf"
    write_pdf(routine, out)
    text = " ".join(pdf_text(out))
    for expected in (words.HANDOUT_TITLE, "Walk to the shops and back", "Sit through a film", "Week 1", "Week 6"):
        assert expected in text, expected


def test_without_goals_in_the_file_the_handout_has_none(write_routine, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    routine = load_routine_file(write_routine("format: 1\ntitle: Just breathe\nsteps: [{breathe: {breaths: 6}}]\n"))
    assert build_handout(routine).goals == ()
    out = tmp_path / "out.pdf"
    write_pdf(routine, out)
    assert words.HANDOUT_TITLE not in " ".join(pdf_text(out))
