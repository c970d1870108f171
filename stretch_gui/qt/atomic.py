"""Saving a user's file whole or not at all, with Qt's QSaveFile (QtCore only, no QApplication)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSaveFile


class SaveError(OSError):
    """A file could not be saved; the message says which and why, and the old file is untouched."""

    def __init__(self, message: str, *, path: Path, reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason or message

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
        raise _error(path, file)
    if file.write(data) != len(data):
        error = _error(path, file)
        file.cancelWriting()
        file.commit()  # with writing cancelled this only removes the temporary file
        raise error
    if not file.commit():
        raise _error(path, file)


def _error(path: Path, file: QSaveFile) -> SaveError:
    from PySide6.QtCore import QFileDevice

    reason = file.errorString()
    if not reason or reason == "Unknown error":
        # A buffered write that fails at commit() (EFBIG, ENOSPC) leaves Qt without a message.
        reason = {
            QFileDevice.FileError.WriteError: "writing failed; the disk may be full",
            QFileDevice.FileError.ResourceError: "out of space or resources",
            QFileDevice.FileError.OpenError: "the file cannot be created there",
            QFileDevice.FileError.PermissionsError: "permission denied",
        }.get(file.error(), "the file could not be written")
    return SaveError(f"Could not save {path}: {reason}. Any earlier file there is unchanged.", path=path, reason=reason)
