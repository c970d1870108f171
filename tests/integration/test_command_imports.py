"""The commands a physio runs in a terminal load no widgets: they start fast and work without a desktop."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

COMMANDS = {
    "validate": ["validate", "routines/desk-break.yaml"],
    "show": ["show", "routines/desk-break.yaml"],
    "schema": ["schema"],
    "handout": ["handout", "routines/desk-break.yaml", "-o", "{tmp}/handout.pdf"],
    "history": ["history", "--database", "{tmp}/none.sqlite3"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_command_never_imports_qtwidgets(
    name: str, repo_root: Path, python: str, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in COMMANDS[name]]
    code = (
        "import sys, runpy\n"
        "sys.argv = ['stretch-gui', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('stretch_gui', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "else:\n"
        "    code = 0\n"
        "loaded = sorted(m for m in sys.modules if m == 'PySide6.QtWidgets' or m.startswith('stretch_gui.ui'))\n"
        "print('LOADED:', *loaded, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = dict(subprocess_env, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([python, "-c", code, *args], cwd=repo_root, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = result.stderr.strip().splitlines()[-1]
    assert loaded == "LOADED:", f"stretch-gui {name} loaded {loaded}"
