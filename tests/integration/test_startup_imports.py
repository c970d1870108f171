"""What start-up must not load: the history's code waits until the window has shown."""

from __future__ import annotations

import subprocess

import pytest


@pytest.mark.subprocess
def test_starting_the_window_or_validating_loads_no_history_code(python: str, subprocess_env: dict[str, str]) -> None:
    """sqlite3 and csv cost start-up time: the window imports the history lazily, after it shows."""
    code = """
import sys
from PySide6.QtWidgets import QApplication
from stretch_gui.ui.app import create_window
app = QApplication([])
window = create_window()
window.show()
app.processEvents()
import contextlib, io
from stretch_gui.cli import main
from stretch_gui.core.resources import builtin_routine_files
with contextlib.redirect_stdout(io.StringIO()):
    main(["validate", *map(str, builtin_routine_files())])
late = ("sqlite3", "csv", "stretch_gui.core.record.store", "stretch_gui.qt.atomic")
print(" ".join(sorted(m for m in late if m in sys.modules)))
"""
    result = subprocess.run([python, "-c", code], env=subprocess_env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"loaded at start-up: {result.stdout}"
