"""Spare the app's own modules PySide6's source scan at import.

Once PySide6 is imported, its ``__feature__`` support asks of every module imported after it
whether it uses PySide6, by reading the module's whole source (``inspect.getsource``) and
looking for the word: the app's ~80 modules and ~40 of the standard library's at start-up, ~10 ms.
The answer only decides how a module takes part in ``from __feature__ import snake_case``-style
switching, which this app never uses. Where the answer is known without reading (the app's own
modules, and the standard library, which never uses PySide6), it is written where PySide6 looks
first (``pyside_feature_dict``, the same value the scan would give: 0 for a module that uses
Qt, -1 for one that does not), so the scan is skipped. A PySide6 without that table is left as
it is.
"""

import sys
from typing import TYPE_CHECKING

# Imported for the type checker only: where PySide6 comes first (a script, the benchmark), every
# module imported here before install() is read by the scan (types and pathlib are 10 and 48 KB).
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

PACKAGE = "stretch_gui"
# Where Qt is used; the core and the command line are Qt-free (checked by import-linter).
QT_LAYERS = (f"{PACKAGE}.qt", f"{PACKAGE}.ui")


def uses_qt(name: str) -> bool | None:
    """Whether the module ``name`` uses PySide6, or None when only reading it would tell."""
    if name == PACKAGE or name.startswith(PACKAGE + "."):
        return any(name == layer or name.startswith(layer + ".") for layer in QT_LAYERS)
    if name.partition(".")[0] in sys.stdlib_module_names:
        return False
    return None


def _answer(table: dict[str, int], name: str) -> None:
    if name not in table:
        answer = uses_qt(name)
        if answer is not None:
            table[name] = 0 if answer else -1


class _Answered:
    """A finder of sys.meta_path that finds nothing itself: it notes the answer for a module about to be imported.

    (Not an importlib.abc.MetaPathFinder: that module loads importlib.resources, tempfile and more.)
    """

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def find_spec(
        self, fullname: str, path: "Sequence[str] | None", target: "ModuleType | None" = None
    ) -> "ModuleSpec | None":
        _answer(self.table, fullname)
        return None


def install() -> None:
    """Answer for the modules already imported (they are scanned at their next import), then for each new one."""
    import PySide6.QtCore  # noqa: F401  (installs the scan and its table)

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict) or any(isinstance(finder, _Answered) for finder in sys.meta_path):
        return
    for name in list(sys.modules):
        _answer(table, name)
    sys.meta_path.insert(0, _Answered(table))
