"""The leaked-timer guard every Qt test runs under: it must see what it is there to catch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from tests.support.timers import TimerWatch


@pytest.fixture
def watch(qapp: object, monkeypatch: pytest.MonkeyPatch) -> TimerWatch:
    watch = TimerWatch()
    watch.install(monkeypatch)
    return watch


def test_a_running_timer_is_reported_with_the_line_that_started_it(watch: TimerWatch) -> None:
    timer = QTimer()
    timer.start(1000)
    (found,) = watch.dangling()
    assert "every 1000 ms" in found and "test_timer_guard.py" in found
    timer.stop()
    assert watch.dangling() == []


def test_a_pending_single_shot_is_reported_until_it_fires(watch: TimerWatch, qtbot: QtBot) -> None:
    fired: list[bool] = []
    QTimer.singleShot(20, lambda: fired.append(True))
    (found,) = watch.dangling()
    assert "single shot of 20 ms" in found and "test_timer_guard.py" in found
    qtbot.waitUntil(lambda: fired == [True], timeout=2000)
    assert watch.dangling() == []


def test_a_single_shot_whose_context_is_deleted_is_cancelled_not_leaked(watch: TimerWatch) -> None:
    context = QObject()
    QTimer.singleShot(60_000, context, lambda: None)
    assert len(watch.dangling()) == 1
    import shiboken6

    shiboken6.delete(context)  # Qt drops a single shot whose context object is gone
    assert watch.dangling() == []
