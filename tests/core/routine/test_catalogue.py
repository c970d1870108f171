"""The routines on offer: recent files first, each loaded once per version, counted alike everywhere."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import stretch_gui.core.routine.catalogue as catalogue_module
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.catalogue import RoutineCatalogue
from stretch_gui.core.routine.problems import RoutineError

ROUTINE = """\
format: 1
title: Mine
steps:
  - exercise: childs-pose
  - breathe: {breaths: 3}
"""


def test_the_list_and_the_details_count_the_same_things(write_routine: Callable[..., Path]) -> None:
    entry = RoutineCatalogue(lambda: []).entry(write_routine(ROUTINE))
    assert "1 exercise" in entry.meta()
    assert "1 exercise · 1 breathing step" in entry.details()


def test_recent_files_come_first_and_a_broken_one_is_left_out(write_routine: Callable[..., Path]) -> None:
    good = write_routine(ROUTINE, name="good.yaml")
    broken = write_routine("format: 1\ntitle: [\n", name="broken.yaml")
    entries = RoutineCatalogue(lambda: [good, broken]).entries()
    assert entries[0].path == good and not entries[0].builtin
    assert [e.path for e in entries[1:]] == builtin_routine_files()
    assert broken not in [e.path for e in entries]


def test_a_file_is_read_again_only_when_it_changes(
    write_routine: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_routine(ROUTINE)
    loads: list[Path] = []
    real = catalogue_module.load_routine_file

    def counting(file: Path, **kwargs: object) -> object:
        loads.append(file)
        return real(file, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalogue_module, "load_routine_file", counting)
    catalogue = RoutineCatalogue(lambda: [])
    first = catalogue.load(path)
    assert catalogue.load(path) is first and len(loads) == 1
    path.write_text(ROUTINE.replace("Mine", "Mine, edited"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different version, even within the same clock tick
    assert catalogue.load(path).title == "Mine, edited" and len(loads) == 2


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(RoutineError, match="no such file"):
        RoutineCatalogue(lambda: []).load(tmp_path / "gone.yaml")


PRESCRIBED = """\
format: 1
title: Prescribed
author: Jane Doe
profession: Physiotherapist
registration: PH 12345
start_date: 2026-03-02
review_by: 2026-04-27
weeks: 8
goal: Sit through the school run without pain.
flare_up: Do only the breathing for two days, then start again at week 1.
equipment: [A mat]
stages:
  - from_week: 1
    hold: 20s
  - from_week: 3
    hold: 30s
    sets: 3
steps:
  - exercise: childs-pose
    position: Kneeling on the mat
    equipment: [A cushion, A mat]
"""


def test_the_details_give_the_prescription_and_the_stage_of_the_injected_day(write_routine: Callable[..., Path]) -> None:
    from datetime import date

    path = write_routine(PRESCRIBED)
    entry = RoutineCatalogue(lambda: [], today=lambda: date(2026, 3, 16)).entry(path)
    assert entry.prescription_lines() == (
        "Goal: Sit through the school run without pain.",
        "Programme: 8 weeks from 2 March 2026 · review by 27 April 2026",
        "You need: A mat, A cushion",
        "Prescribed by: Jane Doe, Physiotherapist, registration PH 12345",
        "If your pain flares up: Do only the breathing for two days, then start again at week 1.",
    )
    assert entry.stage_line() == "Week 3: holds 30 s, 3 sets"
    step = entry.routine.steps[0]
    assert (step.hold, step.sets) == (30, 3)  # type: ignore[union-attr]  # what the window will play
    late = RoutineCatalogue(lambda: [], today=lambda: date(2026, 5, 1)).entry(path)
    assert late.stage_line() == (
        "Week 9: holds 30 s, 3 sets. Ask your physio to review this programme: it was due for review by 27 April 2026."
    )
    plain = RoutineCatalogue(lambda: []).entry(write_routine(ROUTINE, name="plain.yaml"))
    assert plain.prescription_lines() == () and plain.stage_line() == ""


def test_the_catalogue_asks_for_the_day_at_every_load(write_routine: Callable[..., Path]) -> None:
    from datetime import date

    days = iter([date(2026, 3, 2), date(2026, 3, 16)])
    catalogue = RoutineCatalogue(lambda: [], today=lambda: next(days))
    path = write_routine(PRESCRIBED)
    assert catalogue.entry(path).stage_line().startswith("Week 1: ")
    assert catalogue.entry(path).stage_line().startswith("Week 3: ")  # a window left open overnight moves on


def test_a_builtin_staged_routine_counts_its_weeks_from_the_first_session_kept() -> None:
    import datetime

    desk = next(path for path in builtin_routine_files() if path.name == "desk-break.yaml")
    asked: list[str] = []

    def began(file: str) -> datetime.date | None:
        asked.append(file)
        return datetime.date(2026, 12, 1)

    today = datetime.date(2026, 12, 9)
    entry = RoutineCatalogue(lambda: [], today=lambda: today, began=began).entry(desk)
    assert asked == [str(desk.resolve())]
    assert entry.stage_line().startswith("Week 2")
    assert entry.stage_line().endswith("(counted from your first session on 1 December 2026)")
    never = RoutineCatalogue(lambda: [], today=lambda: today).entry(desk)
    assert never.stage_line().startswith("Week 1") and "count from your first session" in never.stage_line()


def test_only_a_staged_routine_without_dates_asks_for_its_first_session(write_routine: Callable[..., Path]) -> None:
    asked: list[str] = []
    RoutineCatalogue(lambda: [], began=lambda file: asked.append(file)).entry(write_routine(ROUTINE))  # type: ignore[func-returns-value]
    assert asked == []
