"""The goals in the history file: activities in order, retired and brought back, one score a day, "Not now"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stretch_gui.core.record.store import History, HistoryError
from tests.support.history import FakeWallClock, open_history


@pytest.fixture
def wall() -> FakeWallClock:
    return FakeWallClock()  # 14 March 2026, 09:00


@pytest.fixture
def history(tmp_path: Path, wall: FakeWallClock) -> History:
    with open_history(tmp_path / "history.sqlite3", wall) as opened:
        yield opened


def test_a_new_history_has_no_goals(history: History) -> None:
    goals = history.goals()
    assert goals.activities == () and goals.ratings == () and goals.postponed is None


def test_the_list_and_todays_scores_are_kept_in_order(history: History) -> None:
    history.save_goals(["Walk to the shops", "Sit through a film"], {"Walk to the shops": 3, "Sit through a film": 6})
    goals = history.goals()
    assert [(a.name, a.position, a.added) for a in goals.active] == [
        ("Walk to the shops", 0, date(2026, 3, 14)), ("Sit through a film", 1, date(2026, 3, 14)),
    ]
    (occasion,) = goals.occasions()
    assert occasion.day == date(2026, 3, 14) and occasion.average == 4.5


def test_a_second_rating_the_same_day_replaces_the_first(history: History) -> None:
    history.save_goals(["Walk"], {"Walk": 3})
    history.save_goals(["Walk"], {"Walk": 5})
    assert [r.score for r in history.goals().ratings] == [5]


def test_an_activity_taken_off_keeps_its_scores_and_comes_back_with_them(history: History, wall: FakeWallClock) -> None:
    history.save_goals(["Walk", "Sit"], {"Walk": 3, "Sit": 4})
    wall.advance(days=7)
    history.save_goals(["Sit"], {"Sit": 6})
    goals = history.goals()
    assert [a.name for a in goals.active] == ["Sit"] and goals.active[0].position == 0
    walk = next(a for a in goals.activities if a.name == "Walk")
    assert walk.retired == date(2026, 3, 21)
    assert goals.score_on_or_before(walk.id, date(2026, 3, 30)) == 3
    wall.advance(days=7)
    history.save_goals(["sit", "walk"], {"walk": 5})  # the same activities, whatever the capitals
    goals = history.goals()
    assert [a.id for a in goals.active] == [next(a.id for a in goals.activities if a.name == n) for n in ("Sit", "Walk")]
    assert [r.score for r in goals.ratings if r.activity_id == walk.id] == [3, 5]


def test_not_now_is_kept_for_the_day(history: History) -> None:
    history.postpone_goals()
    history.postpone_goals()  # twice the same day is no error
    assert history.goals().postponed == date(2026, 3, 14)


def test_a_bad_score_saves_nothing(history: History) -> None:
    with pytest.raises(ValueError):
        history.save_goals(["Walk"], {"Walk": 11})
    assert history.goals().activities == ()


def test_a_read_only_history_cannot_save_goals(tmp_path: Path, wall: FakeWallClock) -> None:
    path = tmp_path / "history.sqlite3"
    open_history(path, wall).close()
    with History(path, read_only=True) as reader, pytest.raises(HistoryError):
        reader.save_goals(["Walk"], {"Walk": 3})
