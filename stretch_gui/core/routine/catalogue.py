"""The routines on offer: the built-in ones and the files this patient opened lately.

Each file is loaded once per version of it (its path, size and modification time), so
the list can be refreshed after every open without reading every file again.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.prescription import prescription
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.core.routine.stages import counts_from_first_session, day_of, for_day
from stretch_gui.core.wording import count, easier_line, format_duration

BUILT_IN = "Built in"
YOUR_FILE = "Your file"


@dataclass(frozen=True)
class RoutineEntry:
    """A routine that loaded cleanly, the file it came from, and whether it ships with the app."""

    routine: Routine
    path: Path
    builtin: bool

    @property
    def total(self) -> float:
        return build_plan(self.routine).total

    def meta(self) -> str:
        """The line under the title in the list: who wrote it, how many exercises, how long."""
        exercises = self.routine.exercise_count
        author = self.routine.author if not self.builtin and self.routine.author else (BUILT_IN if self.builtin else YOUR_FILE)
        parts = [author]
        if exercises:
            parts.append(count(exercises, "exercise"))
        parts.append(format_duration(self.total))
        return " · ".join(parts)

    def details(self) -> str:
        """The facts line beside the chosen routine: length, steps, how often, which revision."""
        routine = self.routine
        # The same count as the list beside it, with the breathing steps named apart.
        breathing = len(routine.steps) - routine.exercise_count
        parts = [format_duration(self.total)]
        if routine.exercise_count:
            parts.append(count(routine.exercise_count, "exercise"))
        if breathing:
            parts.append(count(breathing, "breathing step"))
        if routine.frequency:
            parts.append(routine.frequency.describe())
        if routine.revision:
            parts.append(f"revision {routine.revision}")
        return " · ".join(parts)

    def prescription_lines(self) -> tuple[str, ...]:
        """Goal, programme dates, equipment, who prescribed it and the flare-up plan: what the file gives."""
        return prescription(self.routine).lines()

    def stage_line(self) -> str:
        """The stage that applies on the day the routine was loaded for ("Week 3: holds 30 s, 3 sets"), with
        the request to see the physio once the review date has passed; "" for a routine without stages."""
        day = day_of(self.routine)
        eased = easier_line(self.routine.easier) if self.routine.easier else ""
        return ". ".join(part for part in (day.summary if day is not None else "", eased) if part)


class RoutineCatalogue:
    """Loads routine files for the window: the list on the start screen, a file opened, a resume.

    Every routine comes with the doses its stages give for ``today()``, asked at each load, so a
    window left open overnight plays the new day's stage. ``today`` is the app's edge to the
    calendar (``datetime.date.today``); tests pass a fixed day. ``began(file)`` is the day of the
    patient's first session of a routine file, if known: the weeks of a staged file with no date
    count from it (kept in the settings, so this needs no history before the first paint).
    ``eased(file)`` is the day the patient last chose an easier session of it after a worse
    morning: on that day the routine comes eased (``easier.easier_session``).
    """

    def __init__(
        self,
        recent_files: Callable[[], list[Path]],
        *,
        memory: SchemaMemory | None = None,
        builtin_files: Callable[[], list[Path]] = builtin_routine_files,
        today: Callable[[], datetime.date] = datetime.date.today,
        began: Callable[[str], datetime.date | None] = lambda _file: None,
        eased: Callable[[str], datetime.date | None] = lambda _file: None,
    ) -> None:
        self._today = today
        self._began = began
        self._eased = eased
        self._recent_files = recent_files
        self._builtin_files = builtin_files
        self._memory = memory
        self._loaded: dict[tuple[Path, int, int], Routine] = {}

    def load(self, path: Path) -> Routine:
        """The routine in ``path`` with today's doses; raises RoutineError with the loader's own messages."""
        try:
            stat = path.stat()
        except OSError:
            return load_routine_file(path, memory=self._memory)  # raises the loader's clear message
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
        if key not in self._loaded:
            self._loaded[key] = load_routine_file(path, memory=self._memory)
        routine = self._loaded[key]
        began = self._began(str(routine.source)) if counts_from_first_session(routine) else None
        today = self._today()
        dosed = for_day(routine, today, began=began)
        if self._eased(str(routine.source)) == today:
            from stretch_gui.core.routine.easier import easier_session  # only on a day the patient eased back

            easier = easier_session(dosed)
            if easier is not None:
                return easier.routine
        return dosed

    def entry(self, path: Path) -> RoutineEntry:
        """A file the patient opened (or a resumed session's file); raises RoutineError."""
        return RoutineEntry(self.load(path), path.resolve(), builtin=False)

    def entries(self) -> list[RoutineEntry]:
        """Recent files first (those that still load), then the built-in routines."""
        builtins = self._builtin_files()
        entries: list[RoutineEntry] = []
        for path in self._recent_files():
            if path in builtins:
                continue
            try:
                entries.append(RoutineEntry(self.load(path), path, builtin=False))
            except RoutineError:
                continue  # moved or edited since; it stays listed in settings for when it returns
        entries.extend(RoutineEntry(self.load(path), path, builtin=True) for path in builtins)
        return entries

    def most_recent(self) -> Routine | None:
        """The routine opened last, if it still loads: the one reminders are about."""
        for path in self._recent_files()[:1]:
            try:
                return self.load(path)
            except RoutineError:
                return None
        return None
