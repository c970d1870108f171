"""When to remind the patient of their routine, from its prescribed frequency.

Reminders are about the calendar, so they use local wall-clock time, not the
monotonic clock that times holds. The rule is deliberately gentle: at most one
reminder a day, at the time the patient chose, and only while the day (or the
week) is still short of what was prescribed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from stretch_gui.core.routine.model import Frequency

DEFAULT_TIME = time(18, 0)


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


def reminder_text(title: str) -> tuple[str, str]:
    return ("Time for your back routine", f"{title} is ready when you are. Go gently.")
