"""The widgets show the safety and completion words from core as they are, adding none of their own.

What those words say, and that every place agrees, is tested without Qt in
tests/core/content/test_safety.py; this checks that the screens put exactly that on show.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from stretch_gui.core import wording
from stretch_gui.core.content import completion, safety
from stretch_gui.core.session.session import Summary
from stretch_gui.ui import theme
from stretch_gui.ui.screens.completion import CompletionScreen
from stretch_gui.ui.screens.safety import HelpDialog, SafetyScreen


def test_the_stop_screen_and_the_help_page_show_the_core_text(qtbot: QtBot) -> None:
    danger = theme.current().danger
    screen = SafetyScreen()
    qtbot.addWidget(screen)
    screen.show_guidance()
    assert screen.advice.text() == safety.as_html(safety.STOP_SCREEN, danger)
    assert screen.help.text() == safety.as_html(safety.HELP_PAGE, danger)

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == safety.HELP_PAGE_TITLE
    assert dialog.findChild(type(screen.help), "helpText").text() == safety.as_html(safety.HELP_PAGE, danger)


def test_the_completion_screen_shows_the_core_words(qtbot: QtBot) -> None:
    screen = CompletionScreen()
    qtbot.addWidget(screen)
    for summary in (
        Summary(exercises_completed=3, exercises_skipped=1, active_seconds=75, stopped=False),
        Summary(exercises_completed=1, exercises_skipped=0, active_seconds=40, stopped=True,
                stop_reason=wording.STOPPED_BY_CHOICE),
    ):
        screen.show_summary("Knees", summary)
        assert screen.heading.text() == completion.heading(summary)
        assert screen.summary_label.text() == completion.what_was_done("Knees", summary)
        assert screen.advice.text() == " ".join(completion.advice(summary))
    assert screen.summary_label.text() == "1 exercise done · 40s of Knees"
