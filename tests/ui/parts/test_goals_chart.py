"""The goals chart in History: each activity's scores and the average, in words for a screen reader, hidden until rated."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from stretch_gui.core.record.goals import Activity, Goals, Rating
from stretch_gui.core.record.recorder import routine_info
from stretch_gui.core.record.store import History, SessionStatus
from stretch_gui.ui.dialogs.history import HistoryDialog
from stretch_gui.ui.parts.goals_chart import GoalsChart
from tests.support.history import FakeWallClock, write_routine_file

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

MONDAY = date(2026, 3, 2)
GOALS = Goals(
    (Activity(1, "Walk to the shops", 0, MONDAY), Activity(2, "Sit through a film", 1, MONDAY)),
    (Rating(1, MONDAY, 2), Rating(2, MONDAY, 4), Rating(1, date(2026, 3, 9), 5), Rating(2, date(2026, 3, 9), 6)),
)


def test_the_description_gives_every_rating_in_words(qtbot: QtBot) -> None:
    chart = GoalsChart()
    qtbot.addWidget(chart)
    chart.set_goals(GOALS)
    assert chart.accessibleDescription() == (
        "2 ratings, oldest first. Mon 2 Mar: average 3 (Walk to the shops 2, Sit through a film 4);"
        " Mon 9 Mar: average 5.5 (Walk to the shops 5, Sit through a film 6)."
    )


def test_the_chart_paints_the_average_in_the_accent_colour(qtbot: QtBot) -> None:
    from stretch_gui.ui import theme

    chart = GoalsChart()
    qtbot.addWidget(chart)
    chart.resize(700, 220)
    chart.set_goals(GOALS)
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    chart.render(image)
    accent = theme.current().color("accent").rgb()
    assert any(image.pixel(x, y) == accent for x in range(0, 700, 2) for y in range(0, 220, 2))


def test_history_shows_the_goals_card_only_once_something_was_rated(qtbot: QtBot, tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    wall = FakeWallClock(now - timedelta(days=1))
    routine = write_routine_file(tmp_path)
    with History(tmp_path / "history.sqlite3", wall_clock=wall) as history:
        session = history.start_session(routine_info(routine), segment_count=7)
        history.save_progress(session, outcomes=[], current_index=6, active_seconds=60.0, exercises_completed=2,
                              exercises_skipped=0, status=SessionStatus.FINISHED, ended_at=wall.now)
        dialog = HistoryDialog()
        qtbot.addWidget(dialog)
        dialog.show_history(history, routine=routine)
        assert not dialog.goals_card.isVisible()
        history.save_goals(["Walk to the shops"], {"Walk to the shops": 3})
        dialog.show_history(history, routine=routine)
        assert dialog.goals_card.isVisible()
        assert "Walk to the shops 3" in dialog.goals_chart.accessibleDescription()
        dialog.close()
