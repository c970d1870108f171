"""The completion screen's heading praises only what was done."""

from __future__ import annotations

from stretch_gui.core.content import completion
from stretch_gui.core.session.session import Summary


def test_well_done_only_when_an_exercise_was_done() -> None:
    assert completion.heading(Summary(5, 1, 600, stopped=False)) == completion.WELL_DONE
    assert completion.heading(Summary(0, 6, 40, stopped=False)) == completion.FINISHED
    assert completion.heading(Summary(0, 0, 120, stopped=False)) == completion.WELL_DONE  # breathing only
    assert completion.heading(Summary(2, 0, 120, stopped=True)) == completion.STOPPED
