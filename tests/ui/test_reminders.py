"""Reminders while the app is open: off by default, once a day, only when the routine is due."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QTimeEdit
from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.model import Frequency, Routine
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.dialogs.settings import SettingsDialog
from stretch_gui.ui.reminders import Reminders
from tests.support.window import MakeWindow

DAILY = Routine(title="Back spasm relief", steps=(), frequency=Frequency(per_day=1))


class WallClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def reminders_for(settings: AppSettings, wall: WallClock, sessions: list[datetime], routine: Routine | None = DAILY) -> Reminders:
    return Reminders(settings, routine=lambda: routine, session_starts=lambda: sessions, icon=QIcon(), now=wall)


def test_reminders_are_off_by_default(settings: AppSettings) -> None:
    assert settings.reminders is False
    assert settings.reminder_time == time(18, 0)


def test_a_due_routine_is_reminded_once_a_day(settings: AppSettings, qtbot: QtBot) -> None:
    settings.reminders = True
    wall = WallClock(datetime(2026, 11, 20, 18, 30))
    reminders = reminders_for(settings, wall, sessions=[])
    with qtbot.waitSignal(reminders.reminded, timeout=0) as said:
        assert reminders.check() is True
    assert said.args[0] == "Time for your back routine" and "Back spasm relief" in said.args[1]
    assert settings.last_reminded == date(2026, 11, 20)
    with qtbot.assertNotEmitted(reminders.reminded):
        assert reminders.check() is False  # not twice the same day
    wall.now = datetime(2026, 11, 21, 18, 1)
    assert reminders.check() is True  # the next day again
    reminders.shutdown()


def test_no_reminder_before_the_time_or_when_done(settings: AppSettings) -> None:
    settings.reminders = True
    settings.reminder_time = time(19, 15)
    wall = WallClock(datetime(2026, 11, 20, 19, 0))
    assert reminders_for(settings, wall, sessions=[]).check() is False
    wall.now = datetime(2026, 11, 20, 19, 20)
    assert reminders_for(settings, wall, sessions=[datetime(2026, 11, 20, 8, 0)]).check() is False
    assert reminders_for(settings, wall, sessions=[], routine=None).check() is False
    assert reminders_for(settings, wall, sessions=[]).check() is True


def test_the_check_is_timed_for_the_chosen_hour(settings: AppSettings) -> None:
    settings.reminders = True
    wall = WallClock(datetime(2026, 11, 20, 17, 0))
    reminders = reminders_for(settings, wall, sessions=[])
    reminders.apply_settings()
    assert reminders.timer.isActive()
    assert abs(reminders.timer.remainingTime() - 3600_000) < 5000  # at 18:00, not by polling
    settings.reminders = False
    reminders.apply_settings()
    assert not reminders.timer.isActive()


def test_turning_reminders_on_in_settings_starts_them(
    make_window: MakeWindow, back_spasm: Path, settings: AppSettings, qtbot: QtBot
) -> None:
    window = make_window(back_spasm)
    assert window.reminders is None  # nothing runs while they are off
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window.apply_settings)
    dialog.findChild(QTimeEdit, "reminderTimeEdit").setTime(time(7, 45))
    dialog.findChild(QCheckBox, "remindersCheck").setChecked(True)
    assert (settings.reminders, settings.reminder_time) == (True, time(7, 45))
    assert window.reminders is not None and window.reminders.timer.isActive()
    dialog.close()
    window.close()
