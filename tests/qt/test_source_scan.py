"""The answers the app gives PySide6 in place of its source scan are the ones that matter: Qt used or not."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stretch_gui.qt.source_scan import uses_qt

REPO = Path(__file__).resolve().parents[2]


def _app_modules() -> dict[str, Path]:
    modules = {}
    for path in sorted((REPO / "stretch_gui").rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imports_qt(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in names):
            return True
    return False


@pytest.mark.parametrize(("name", "path"), _app_modules().items(), ids=list(_app_modules()))
def test_an_app_module_said_not_to_use_qt_imports_none(name: str, path: Path) -> None:
    answer = uses_qt(name)
    assert answer is not None
    if not answer:
        assert not _imports_qt(path)
    elif _imports_qt(path):
        assert name.split(".")[1] in ("qt", "ui")


def test_the_standard_library_is_answered_and_others_are_left_to_the_scan() -> None:
    assert uses_qt("json.decoder") is False
    assert uses_qt("PySide6.QtCore") is None
    assert uses_qt("yaml") is None


@pytest.mark.subprocess
@pytest.mark.slow
def test_once_installed_no_app_or_standard_module_imported_later_is_read() -> None:
    script = textwrap.dedent(
        """
        import sys
        import PySide6.QtCore
        feature = sys.modules["shibokensupport.feature"]
        read = []
        scan = feature._mod_uses_pyside
        feature._mod_uses_pyside = lambda module: read.append(module.__name__) or scan(module)
        before = set(sys.modules)
        import stretch_gui.ui.app, stretch_gui.ui.screens.player, json
        print(sorted(name for name in read if name not in before and not name.startswith("PySide6")))
        table = feature.pyside_feature_dict
        print(table["stretch_gui.ui.window"], table["stretch_gui.core.routine.model"], table["json"])
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True,
        env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
    ).stdout.splitlines()
    # Read: only the package that holds the answerer, imported before it can answer (and PySide6's own modules).
    assert out == ["['stretch_gui.qt']", "0 -1 -1"]
