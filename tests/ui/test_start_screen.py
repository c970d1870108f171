"""The start screen shows the prescription and the week's stage that core words for the chosen routine."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.catalogue import RoutineCatalogue
from stretch_gui.ui.screens.start import StartScreen
from tests.support.routines import PRESCRIBED
from tests.support.window import WriteRoutine


def test_the_details_show_the_week_and_the_prescription_and_hide_them_when_absent(
    qtbot: QtBot, write_routine: WriteRoutine
) -> None:
    catalogue = RoutineCatalogue(lambda: [], today=lambda: date(2026, 6, 1), builtin_files=lambda: [])
    staged = catalogue.entry(write_routine(PRESCRIBED, name="staged.yaml"))
    plain = catalogue.entry(write_routine("format: 1\ntitle: Plain\nsteps:\n  - exercise: childs-pose\n", name="plain.yaml"))
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.set_entries([staged, plain])
    assert not screen.detail_stage.isHidden() and not screen.detail_prescription.isHidden()  # shown once the screen is
    assert screen.detail_stage.text() == staged.stage_line()
    assert "Ask your physio to review this programme" in screen.detail_stage.text()
    assert screen.detail_prescription.text().splitlines() == list(staged.prescription_lines())
    screen.list.setCurrentRow(1)
    assert screen.detail_stage.isHidden() and screen.detail_prescription.isHidden()

