"""Saving a user's file whole or not at all, with Qt's QSaveFile (QtCore only, no QApplication)."""

from __future__ import annotations

import os
import stat
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


class NotAFileError(SaveError):
    """The output path names something that is not a regular file (a device, a pipe, a folder)."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def check_output_path(path: str | Path) -> None:
    """Refuse an output path that exists and is not a regular file; every save goes through here.

    Replacing ``/dev/full`` or a FIFO with a file (QSaveFile renames over whatever is there)
    would break the system or another program. A link is followed: a link to a regular file
    is fine, a link to a device is not.

    Raises:
        NotAFileError: ``path`` is a folder, device, named pipe, socket or other special file.
    """
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (or unreadable): the save itself says what is wrong
    if stat.S_ISREG(mode):
        return
    kind = next((words for test, words in _KINDS if test(mode)), "not a regular file")
    reason = f"it is {kind}, not a regular file"
    raise NotAFileError(f"Will not write to {path}: {reason}. Choose a file name instead.", path=path, reason=reason)


def save_atomically(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    On any failure (read-only folder, full disk, ``path`` a folder) the temporary file is
    removed, whatever was at ``path`` before stays as it was, and ``SaveError`` is raised;
    ``NotAFileError`` when ``path`` exists and is not a regular file (``check_output_path``).
    """
    from PySide6.QtCore import QIODevice, QSaveFile

    path = Path(path)
    check_output_path(path)
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
