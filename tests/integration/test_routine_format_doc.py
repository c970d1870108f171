"""docs/routine-format.md: every key of the schema is described, and the staged example works as it says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from stretch_gui.core.routine.loader import load_routine_text
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.stages import day_of
from stretch_gui.core.routine.validation import routine_schema


def guide(repo_root: Path) -> str:
    return (repo_root / "docs" / "routine-format.md").read_text(encoding="utf-8")


def test_every_key_of_the_routine_format_has_a_row_in_the_guide(repo_root: Path) -> None:
    schema = routine_schema()
    keys = set(schema["properties"])
    for definition in ("step", "customExercise", "breathing", "stage"):
        keys |= set(schema["$defs"][definition]["properties"])
    keys |= set(schema["properties"]["pain_monitoring"]["properties"])
    documented = set(re.findall(r"^\| `([a-z_$]+)` \|", guide(repo_root), flags=re.MULTILINE))
    assert keys - documented == set()


def test_the_staged_example_plays_what_the_guide_says(repo_root: Path) -> None:
    text = guide(repo_root)
    section = text[text.index("## A programme that progresses: stages") :]
    example = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert example is not None
    plan = build_plan(load_routine_text(example.group(1), source="guide"), on=date(2026, 3, 16))
    day = day_of(plan.routine)
    assert day is not None and day.week == 3
    assert f"*{day.line}*" in section  # the sentence the guide quotes is the one the app shows
    knee, cat, pose = plan.routine.steps[:3]
    assert (knee.hold, knee.sets, cat.reps, pose.hold) == (30, 3, 7, 25)  # type: ignore[union-attr]
