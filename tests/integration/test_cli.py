"""The command line, run as a user would: a real process, from some other folder."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from stretch_gui import __version__
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.wording import format_duration

PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")


@pytest.fixture
def cli(tmp_path: Path, python: str, subprocess_env: dict[str, str]):
    """``cli("validate", "x.yaml")`` runs ``python -m stretch_gui`` with tmp_path as the working folder."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [python, "-m", "stretch_gui", *args],
            cwd=cwd or tmp_path,
            env=subprocess_env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        return result

    return run


def builtin_routines(repo_root: Path) -> list[Path]:
    files = sorted((repo_root / "routines").glob("*.yaml"))
    assert files, "no routines/*.yaml"
    return files


def test_validate_all_builtin_routines(cli, repo_root: Path) -> None:
    files = builtin_routines(repo_root)
    result = cli("validate", *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    for file, line in zip(files, lines, strict=True):
        routine = load_routine_file(file)
        assert line.startswith(f"{file}: ok: {routine.title}, {len(routine.steps)} step"), line
        assert line.endswith(f", {format_duration(build_plan(routine).total)}"), line


def test_validate_a_bad_file(cli, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "format: 1\ntitle: Bad\nsteps:\n  - exercise: childs-pose\n    hodl: 30\n  - exercise: cat-cow\n    reps: 0\n",
        encoding="utf-8",
    )
    result = cli("validate", "bad.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    found = [PROBLEM_LINE.match(line) for line in lines]
    assert all(found), lines
    assert [(m["file"], m["line"], m["col"]) for m in found] == [("bad.yaml", "5", "5"), ("bad.yaml", "7", "11")]  # type: ignore[index]
    assert "did you mean 'hold'?" in found[0]["message"]  # type: ignore[index]


def test_validate_good_and_bad_together(cli, tmp_path: Path, repo_root: Path) -> None:
    good = builtin_routines(repo_root)[0]
    (tmp_path / "bad.yaml").write_text("format: 2\ntitle: Later\nsteps: [{breathe: 30}]\n", encoding="utf-8")
    result = cli("validate", str(good), "bad.yaml")
    assert result.returncode == 1
    assert f"{good}: ok: " in result.stdout
    (problem,) = [line for line in result.stdout.splitlines() if line.startswith("bad.yaml")]
    assert PROBLEM_LINE.match(problem) and "bad.yaml:1:9: " in problem and "newer version of stretch-gui" in problem


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("tag.yaml", b'!!python/object/apply:os.system ["touch MARKER"]\n', "tags"),
        ("laughs.yaml", b'a: &a ["lol","lol"]\nb: [*a,*a,*a]\n', "anchors"),
        ("deep.yaml", b"[" * 2000, "nested too deeply"),
        ("dup.yaml", b"format: 1\ntitle: A\ntitle: B\nsteps: [{breathe: 30}]\n", "duplicate key 'title'"),
        ("latin1.yaml", b"format: 1\ntitle: Caf\xe9\n", "UTF-8"),
    ],
)
def test_validate_hostile_files_prints_one_positioned_line(cli, tmp_path: Path, name: str, content: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(content)
    result = cli("validate", name)
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    match = PROBLEM_LINE.match(line)
    assert match and match["file"] == name and words in match["message"], line
    assert not (tmp_path / "MARKER").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "the file is empty"), (b"\x00\x01\x02", "not a text file"), (b"#" * 1_000_001, "too large")],
)
def test_validate_files_refused_before_parsing(cli, tmp_path: Path, content: bytes, words: str) -> None:
    (tmp_path / "x.yaml").write_bytes(content)
    result = cli("validate", "x.yaml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"x.yaml: {result.stdout.split(': ', 1)[1].strip()}"]
    assert words in result.stdout


def test_validate_a_missing_file(cli) -> None:
    result = cli("validate", "no-such-routine.yaml")
    assert result.returncode == 1
    assert result.stdout.strip() == "no-such-routine.yaml: no such file"


def test_validate_warning_still_passes(cli, tmp_path: Path) -> None:
    (tmp_path / "pic.yaml").write_text(
        "format: 1\ntitle: Pic\nsteps:\n  - exercise: {title: K, instructions: D, image: gone.png}\n    hold: 5\n",
        encoding="utf-8",
    )
    result = cli("validate", "pic.yaml")
    assert result.returncode == 0
    warning, ok = result.stdout.splitlines()
    assert PROBLEM_LINE.match(warning) and warning.startswith("pic.yaml:4:") and ": warning: " in warning
    assert ok.startswith("pic.yaml: ok: Pic, 1 step")


@pytest.mark.parametrize("command", ["validate", "show"])
def test_missing_arguments_exit_2(cli, command: str) -> None:
    result = cli(command)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert result.stdout == ""


def test_show(cli, repo_root: Path) -> None:
    path = repo_root / "routines" / "back-spasm-relief.yaml"
    result = cli("show", str(path))
    assert result.returncode == 0, result.stderr
    plan = build_plan(load_routine_file(path))
    lines = result.stdout.splitlines()
    assert len(lines) == len(plan.segments) + 2
    assert lines[0].startswith("Back spasm relief: ")
    for line, segment in zip(lines[1:-1], plan.segments, strict=True):
        assert line.endswith(segment.describe())
    assert lines[-1] == f"Total: {format_duration(plan.total)}"


def test_show_with_a_relative_path_from_the_checkout(cli, repo_root: Path) -> None:
    result = cli("show", "routines/back-spasm-relief.yaml", cwd=repo_root)
    assert result.returncode == 0
    assert any(line.startswith("Total: ") for line in result.stdout.splitlines())


STAGED = """\
format: 1
title: Staged
start_date: 2026-03-02
review_by: 2026-04-27
stages:
  - from_week: 1
    hold: 20s
  - from_week: 3
    hold: 30s
    sets: 2
steps:
  - exercise: childs-pose
"""


def test_show_on_a_day_plays_that_days_stage(cli, tmp_path: Path) -> None:
    (tmp_path / "staged.yaml").write_text(STAGED, encoding="utf-8")
    week1 = cli("show", "staged.yaml", "--on", "2026-03-02").stdout.splitlines()
    assert week1[1] == "On 2 March 2026: Week 1: holds 20 s"
    assert "Child's pose: hold" in week1[3] and "20s" in week1[3]
    week3 = cli("show", "staged.yaml", "--on", "2026-03-16").stdout.splitlines()
    assert week3[1] == "On 16 March 2026: Week 3: holds 30 s, 2 sets"
    assert any(line.endswith("Child's pose: hold, set 2 of 2") for line in week3)
    late = cli("show", "staged.yaml", "--on", "2026-06-01").stdout.splitlines()
    assert late[1] == "On 1 June 2026: Week 9: holds 30 s, 2 sets"
    assert late[2] == "Ask your physio to review this programme: it was due for review by 27 April 2026."
    wrong = cli("show", "staged.yaml", "--on", "16/03/2026")
    assert wrong.returncode == 2 and "'16/03/2026' is not a date; write it as YYYY-MM-DD" in wrong.stderr


def test_show_a_bad_file(cli, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("format: 1\ntitle: T\nsteps:\n  - exercise: chils-pose\n", encoding="utf-8")
    result = cli("show", "bad.yaml")
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert PROBLEM_LINE.match(line) and line.startswith("bad.yaml:4:15: ")


def test_version(cli) -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"stretch-gui {__version__}"


def test_schema_prints_the_json_schema(cli, repo_root: Path) -> None:
    result = cli("schema")
    assert result.returncode == 0
    printed = json.loads(result.stdout)
    shipped = json.loads((repo_root / "stretch_gui" / "core" / "routine" / "routine.schema.json").read_text(encoding="utf-8"))
    assert printed == shipped
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_validate_warns_about_a_picture_the_app_would_not_show(cli, tmp_path: Path) -> None:
    (tmp_path / "pic.yaml").write_text(
        "format: 1\ntitle: Pic\nsteps:\n  - exercise: {title: K, instructions: D, image: knee.png}\n    hold: 5\n",
        encoding="utf-8",
    )
    (tmp_path / "knee.png").write_bytes(b"not a picture at all")
    result = cli("validate", "pic.yaml")
    assert result.returncode == 0
    warning, ok = result.stdout.splitlines()
    assert warning == (
        "pic.yaml:4:50: warning: knee.png is not a PNG or JPEG picture (or it is damaged); save it again as PNG or JPEG; "
        "a placeholder will show instead"
    )
    assert ok.startswith("pic.yaml: ok: Pic")
