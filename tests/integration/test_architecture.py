"""Rules about the code's shape that no single feature test would notice breaking.

Which layer may import which is checked statically by import-linter (see pyproject.toml);
these check what only running the code shows.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

CORE = Path(__file__).resolve().parents[2] / "stretch_gui" / "core"


def core_files() -> list[Path]:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 20, files
    return files


def test_importing_and_using_the_core_loads_no_qt(repo_root: Path, python: str, subprocess_env: dict[str, str]) -> None:
    """Import every core module, load and plan the built-in routines and run 'validate', in a fresh interpreter."""
    code = """
import importlib, pkgutil, sys
import stretch_gui.core as core
names = sorted(m.name for m in pkgutil.walk_packages(core.__path__, "stretch_gui.core."))
for name in names:
    importlib.import_module(name)
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.resources import builtin_routine_files
for path in builtin_routine_files():
    build_plan(load_routine_file(path))
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()):
    from stretch_gui.cli import main
    assert main(["validate", *map(str, builtin_routine_files())]) == 0
qt = sorted(
    m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith(("stretch_gui.ui", "stretch_gui.qt"))
)
print(" ".join(names))
print("QT:", " ".join(qt))
"""
    result = subprocess.run(
        [python, "-c", code], cwd=repo_root.parent, env=subprocess_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    names_line, qt_line = result.stdout.splitlines()
    names = names_line.split()
    subjects = ("routine.loader", "routine.plan", "session.guidance", "record.store", "content.safety", "wording", "resources")
    for expected in subjects:
        assert f"stretch_gui.core.{expected}" in names
    expected = set()
    for path in core_files():
        parts = path.relative_to(CORE).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        if parts:
            expected.add(".".join(("stretch_gui", "core", *parts)))
    assert set(names) == expected
    assert qt_line.strip() == "QT:", f"the core pulled in Qt: {qt_line}"


# -- the PySide6 6.12.0 refcount trap ----------------------------------------------------------


def test_void_qt_calls_do_not_steal_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 on CPython < 3.12 over-decrements ``None`` on void-returning calls.

    Every call to a Qt method that returns nothing (``QWidget.update()``, ``QTimer.start()``,
    ...) drops one reference to ``None`` that it never took. The count falls by one per call
    until it reaches zero and the interpreter aborts with "none_dealloc" (Fatal Python error:
    deallocating None): in this app a few thousand repaints of the breathing animation, i.e.
    seconds. From CPython 3.12 on None is immortal and the bug is harmless, so pyproject.toml
    excludes exactly PySide6 6.12.0 on Python < 3.12. This test makes 100,000 such calls, far
    more than None's normal reference count, and checks the count did not fall.
    """
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    try:
        before = sys.getrefcount(None)
        for _ in range(100_000):
            widget.update()
        after = sys.getrefcount(None)
    finally:
        widget.deleteLater()
    assert after >= before, f"None lost {before - after} references over 100,000 void Qt calls"


def test_pyproject_excludes_the_broken_pyside6_on_old_pythons(repo_root: Path) -> None:
    with open(repo_root / "pyproject.toml", "rb") as handle:
        dependencies = [Requirement(text) for text in tomllib.load(handle)["project"]["dependencies"]]
    pyside = [req for req in dependencies if req.name == "PySide6"]
    assert pyside
    for python_version, allows_6_12_0 in (("3.11", False), ("3.12", True), ("3.13", True)):
        applicable = [req for req in pyside if req.marker is None or req.marker.evaluate({"python_version": python_version})]
        assert len(applicable) == 1, python_version
        assert applicable[0].specifier.contains("6.12.0") is allows_6_12_0, (python_version, str(applicable[0]))
        assert applicable[0].specifier.contains("6.12.1")
