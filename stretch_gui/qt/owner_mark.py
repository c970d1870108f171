"""This stretch-gui's owner mark: a lock file held for as long as the process runs.

Each window that records sessions holds ``<data folder>/owners/<token>.lock`` (a QLockFile)
and writes ``token`` as the owner of the sessions it plays. Another stretch-gui asks
``is_live(token)`` before offering such a session for resuming: only a session whose owner
is gone is cut short. The rule itself is ``stretch_gui.core.record.resume``.

Liveness survives a reused process id: QLockFile also holds an OS lock (flock) on the file,
which the kernel drops when the process dies, whatever process later gets its id. A lock
file nobody holds is stale and is removed.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile

FOLDER = "owners"


class OwnerMark:
    """Held from creation until ``release()`` (or the process's end, however it ends)."""

    def __init__(self, data_folder: Path) -> None:
        self.folder = data_folder / FOLDER
        self.token = ""
        self._lock: QLockFile | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only data folder: nothing is recorded, so nothing needs a mark
        token = uuid.uuid4().hex
        lock = QLockFile(str(self.folder / f"{token}.lock"))
        lock.setStaleLockTime(0)  # never stale by age: a session may run for an hour
        if lock.tryLock(0):
            self.token, self._lock = token, lock

    def is_live(self, token: str) -> bool:
        """Whether the stretch-gui that holds ``token`` still runs."""
        if not token:
            return False
        if token == self.token:
            return True
        path = self.folder / f"{token}.lock"
        probe = QLockFile(str(path))
        probe.setStaleLockTime(0)
        if probe.tryLock(0):  # nobody held it (a dead owner's file is removed as stale)
            probe.unlock()  # removes the file
            return False
        if probe.error() is not QLockFile.LockError.LockFailedError:
            return path.exists()  # cannot tell (no rights to look): left alone, as if it ran
        return _held(path)

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def _held(path: Path) -> bool:
    """QLockFile thinks the owner runs (its process id is in use): ask the OS lock, which cannot be fooled."""
    try:
        import fcntl
    except ImportError:  # Windows: QLockFile's own check (the id and the process name) is all there is
        return True
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True  # held by a running process
    except OSError:
        return True
    else:
        # Nobody holds it: its process died and the id now belongs to someone else.
        fcntl.flock(fd, fcntl.LOCK_UN)
        path.unlink(missing_ok=True)
        return False
    finally:
        os.close(fd)
