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
