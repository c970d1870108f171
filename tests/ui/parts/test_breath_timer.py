"""The timer's ring moves with its digits, once a second, and draws nothing new between seconds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from stretch_gui.ui.parts.breath_timer import BreathTimer


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_the_ring_turns_with_the_digits_and_not_between_them(qtbot: QtBot) -> None:
    timer = BreathTimer()
    qtbot.addWidget(timer)
    timer.resize(400, 400)
    timer.show()
    qtbot.waitExposed(timer)
    paints = Paints()
    timer.installEventFilter(paints)
    timer.set_time(28.6, 30)
    assert (timer.text(), timer.arc) == ("0:29", pytest.approx(29 / 30))
    qtbot.waitUntil(lambda: paints.count > 0)
    drawn = paints.count
    timer.set_time(28.2, 30)  # the same second: the digits and the ring stay, nothing is drawn
    qtbot.wait(50)
    assert (timer.text(), timer.arc, paints.count) == ("0:29", pytest.approx(29 / 30), drawn)
    timer.set_time(27.9, 30)  # the next second: both turn together
    assert (timer.text(), timer.arc) == ("0:28", pytest.approx(28 / 30))
    qtbot.waitUntil(lambda: paints.count > drawn)
