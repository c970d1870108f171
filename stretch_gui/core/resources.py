"""Where the built-in routines, exercise library and assets live.

A wheel carries them inside the package (``stretch_gui/_data``); a source checkout
or an editable install reads them from the repository's top-level folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_CANDIDATES = (_PACKAGE / "_data", _PACKAGE.parent)


@cache
def data_dir(name: str) -> Path:
    """The folder ``routines`` or ``assets``, wherever this install keeps it."""
    for base in _CANDIDATES:
        folder = base / name
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"stretch-gui's '{name}' folder is missing from this installation")


def builtin_routine_files() -> list[Path]:
    return sorted(data_dir("routines").glob("*.yaml"))


def illustration(name: str) -> Path:
    return data_dir("assets") / "illustrations" / name


def exercise_library_file() -> Path:
    return data_dir("assets") / "exercises.yaml"


def schema_file() -> Path:
    return Path(__file__).resolve().parent / "routine" / "routine.schema.json"


def sound_file(file_name: str) -> Path:
    return data_dir("assets") / "sounds" / file_name
