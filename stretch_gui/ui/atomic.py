"""Saving a user's file whole or not at all, with Qt's QSaveFile (QtCore only, no QApplication)."""

from __future__ import annotations

from pathlib import Path


class SaveError(OSError):
    """A file could not be saved; the message says which and why, and the old file is untouched."""

    def __init__(self, message: str, *, path: Path) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        return str(self.args[0])


def save_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    On any failure (read-only folder, full disk, ``path`` a folder) the temporary file is
    removed, whatever was at ``path`` before stays as it was, and ``SaveError`` is raised.
    """
    from PySide6.QtCore import QIODevice, QSaveFile

    path = Path(path)
    file = QSaveFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(f"Could not save {path}: {file.errorString()}. Any earlier file there is unchanged.", path=path)
    written = file.write(data)
    if written != len(data):
        reason = file.errorString()
        file.cancelWriting()
        file.commit()  # with writing cancelled this only discards the temporary file
        raise SaveError(f"Could not save {path}: {reason}. Any earlier file there is unchanged.", path=path)
    if not file.commit():
        raise SaveError(f"Could not save {path}: {file.errorString()}. Any earlier file there is unchanged.", path=path)
