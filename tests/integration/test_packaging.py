"""The wheel carries the routines, the exercise library, the pictures and the schema, and works alone."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]  # builds a wheel and runs it


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # pip fetches the build backend (hatchling) into an isolated build environment.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", str(out), str(repo_root)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("stretch_gui-*.whl")
    return built


def test_wheel_contains_the_data(wheel: Path, repo_root: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    routines = sorted(p.name for p in (repo_root / "routines").glob("*.yaml"))
    illustrations = sorted(p.name for p in (repo_root / "assets" / "illustrations").iterdir())
    assert routines and illustrations

    assert {f"stretch_gui/_data/routines/{name}" for name in routines} <= names
    assert "stretch_gui/_data/assets/exercises.yaml" in names
    assert {f"stretch_gui/_data/assets/illustrations/{name}" for name in illustrations} <= names
    icons = sorted(p.name for p in (repo_root / "assets" / "icons").glob("stretch-gui*"))
    assert "stretch-gui-16.png" in icons and {f"stretch_gui/_data/assets/icons/{name}" for name in icons} <= names
    assert "stretch_gui/core/routine/routine.schema.json" in names
    assert "stretch_gui/__main__.py" in names and "stretch_gui/cli/__init__.py" in names
    assert not any(name.startswith(("tests/", "routines/", "assets/")) for name in names), "data outside the package"


def test_unpacked_wheel_runs_on_its_own(wheel: Path, repo_root: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONPATH"] = str(unpacked)  # only the wheel; the interpreter's site-packages supply the dependencies
    code = f"""
import sys
from pathlib import Path
unpacked = Path({str(unpacked)!r}).resolve()
import stretch_gui, stretch_gui.cli
from stretch_gui.core.resources import builtin_routine_files, exercise_library_file, schema_file
assert Path(stretch_gui.__file__).resolve().is_relative_to(unpacked), stretch_gui.__file__
files = builtin_routine_files()
assert files, "no built-in routines found"
for path in [*files, exercise_library_file(), schema_file()]:
    assert path.resolve().is_relative_to(unpacked), path
print(" ".join(sorted(p.name for p in files)))
sys.stdout.flush()
sys.exit(stretch_gui.cli.main(["validate", *map(str, files)]))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    listed, *report = result.stdout.splitlines()
    assert listed.split() == sorted(p.name for p in (repo_root / "routines").glob("*.yaml"))
    assert len(report) == len(listed.split()) and all(": ok: " in line for line in report), report
    assert "Traceback" not in result.stderr
