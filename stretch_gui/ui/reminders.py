"""A gentle reminder from the notification area while the app is open (off by default)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from stretch_gui.core.record.reminders import (
    RECHECK_AFTER,
    reminder_due,
    reminder_text,
    when_to_check,
)
from stretch_gui.core.routine.model import Routine
from stretch_gui.qt.settings import AppSettings


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Reminders(QObject):
    """Checks at the chosen time each day whether the routine in use is due, and says so once.

    ``routine`` and ``session_starts`` are asked for at each check, so the reminder
    follows whatever routine the patient last used and whatever the history holds.
    """

    reminded = Signal(str, str)  # title, text: what was shown
    activated = Signal()  # the patient clicked the reminder

    def __init__(
        self,
        settings: AppSettings,
        *,
        routine: Callable[[], Routine | None],
        session_starts: Callable[[], list[datetime]],
        icon: QIcon,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._routine = routine
        self._session_starts = session_starts
        self._now = now
        self._tray: QSystemTrayIcon | None = None
        self._icon = icon
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # to the second is plenty for a daily nudge
        self.timer.timeout.connect(self.check)

    def apply_settings(self) -> None:
        if not self.settings.reminders:
            self.timer.stop()
            if self._tray is not None:
                self._tray.hide()
            return
        if self._tray is None and tray_available():
            self._tray = QSystemTrayIcon(self._icon, self)
            self._tray.setToolTip("stretch-gui")
            self._tray.messageClicked.connect(self.activated)
            self._tray.activated.connect(lambda _reason: self.activated.emit())
        if self._tray is not None:
            self._tray.show()
        self._schedule()

    def _schedule(self, *, after: timedelta = timedelta(seconds=1)) -> None:
        now = self._now()
        due = when_to_check(now, at=self.settings.reminder_time, last_reminded=self.settings.last_reminded, soon=after)
        self.timer.start(max(1000, int((due - now).total_seconds() * 1000)))

    def check(self) -> bool:
        """Remind now if the routine is due; True when a reminder was shown."""
        shown = False
        routine = self._routine()
        now = self._now()
        if self.settings.reminders and routine is not None and reminder_due(
            routine.frequency,
            self._session_starts(),
            now,
            at=self.settings.reminder_time,
            last_reminded=self.settings.last_reminded,
        ):
            title, text = reminder_text(routine.title)
            if self._tray is not None:
                self._tray.showMessage(title, text, self._icon, 15000)
            self.settings.last_reminded = now.date()
            self.reminded.emit(title, text)
            shown = True
        if self.settings.reminders:
            self._schedule(after=RECHECK_AFTER)
        return shown

    def shutdown(self) -> None:
        self.timer.stop()
        if self._tray is not None:
            self._tray.hide()
