"""The day each routine was first done, for the weeks of a staged routine whose file gives no date.

Kept in the settings (``preferences.FIRST_SESSIONS``), not read from the history each time: the
start screen shows "Week 2, counted from your first session on 1 December" before the first
paint, and the history is opened after it. Learned as a session ends with some work done, and
from the history once it is open, for sessions played before this was kept (or in a crash).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from stretch_gui.core.record.adherence import counts_as_done
from stretch_gui.core.record.store import SessionRecord


def first_days(records: Iterable[SessionRecord]) -> dict[str, date]:
    """The day of the first session that did some work, for each routine file in ``records``."""
    found: dict[str, date] = {}
    for record in records:
        file = record.routine.file
        if file and counts_as_done(record) and (file not in found or record.day < found[file]):
            found[file] = record.day
    return found


def with_learned(known: Mapping[str, date], learned: Mapping[str, date]) -> dict[str, date] | None:
    """``known`` with the earlier of each day learned; None when nothing changes (nothing to write)."""
    merged = dict(known)
    for file, day in learned.items():
        if file not in merged or day < merged[file]:
            merged.pop(file, None)  # moved to the end: the newest are the ones kept
            merged[file] = day
    return merged if merged != dict(known) else None
