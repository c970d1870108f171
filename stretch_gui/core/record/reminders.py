"""When to remind the patient of their routine, from its prescribed frequency.

Reminders are about the calendar, so they use local wall-clock time, not the
monotonic clock that times holds. The rule is deliberately gentle: at most one
reminder a day, at the time the patient chose, and only while the day (or the
week) is still short of what was prescribed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from stretch_gui.core.routine.model import Frequency

if TYPE_CHECKING:
    from stretch_gui.core.record.store import History

DEFAULT_TIME = time(18, 0)
RECHECK_AFTER = timedelta(minutes=30)  # a session done meanwhile, or the clock changed
NO_TRAY = "This desktop has no notification area, so reminders cannot be shown."


def sessions_on(day: date, sessions: Iterable[datetime]) -> int:
    return sum(1 for started in sessions if started.date() == day)


def is_short_of(frequency: Frequency, sessions: Iterable[datetime], today: date) -> bool:
    """Whether the prescription still asks for a session today."""
    sessions = list(sessions)
    if frequency.per_day:
        return sessions_on(today, sessions) < frequency.per_day
    if frequency.per_week:
        if sessions_on(today, sessions) > 0:
            return False  # one a day is plenty when the plan is counted by week
        week_start = today - timedelta(days=6)
        done = sum(1 for started in sessions if week_start <= started.date() <= today)
        return done < frequency.per_week
    return False


def reminder_due(
    frequency: Frequency | None,
    sessions: Iterable[datetime],
    now: datetime,
    *,
    at: time = DEFAULT_TIME,
    last_reminded: date | None = None,
) -> bool:
    if frequency is None or not (frequency.per_day or frequency.per_week):
        return False
    if last_reminded == now.date() or now.time() < at:
        return False
    return is_short_of(frequency, sessions, now.date())


def next_check(now: datetime, *, at: time = DEFAULT_TIME) -> datetime:
    """The next moment worth checking: today's reminder time, or tomorrow's."""
    today_at = datetime.combine(now.date(), at)
    return today_at if now < today_at else today_at + timedelta(days=1)


def when_to_check(
    now: datetime, *, at: time = DEFAULT_TIME, last_reminded: date | None = None, soon: timedelta = timedelta(seconds=1)
) -> datetime:
    """When to look again: ``soon`` once today's time has passed with no reminder yet today
    (the day may still be short), else the next time the clock reaches ``at``."""
    if now.time() >= at and last_reminded != now.date():
        return now + soon
    return next_check(now, at=at)


def done_session_starts(history: History) -> list[datetime]:
    """When the sessions of the past week that count as done began, in local wall-clock time
    (the reminder rule counts calendar days). A history that cannot be read counts none."""
    # Here, not at the top: the settings read DEFAULT_TIME at start-up, before sqlite3 is wanted.
    from stretch_gui.core.record.adherence import counts_as_done
    from stretch_gui.core.record.store import HistoryError

    try:
        records = history.sessions(since=history.today() - timedelta(days=7))
    except HistoryError:
        return []
    return [r.started_at.astimezone().replace(tzinfo=None) for r in records if counts_as_done(r)]


def reminder_text(title: str) -> tuple[str, str]:
    return ("Time for your back routine", f"{title} is ready when you are. Go gently.")
