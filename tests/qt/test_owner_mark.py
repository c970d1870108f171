"""The owner mark: live while its process runs, gone when it dies, even if its process id is reused."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from stretch_gui.qt.owner_mark import OwnerMark

HOLD = """
import os, signal, sys
from pathlib import Path
from stretch_gui.qt.owner_mark import OwnerMark
mark = OwnerMark(Path(sys.argv[1]))
print(mark.token, flush=True)
if sys.argv[2] == "die":
    os.kill(os.getpid(), signal.SIGKILL)
sys.stdin.readline()
"""


def start(folder: Path, python: str, env: dict[str, str], then: str) -> tuple[subprocess.Popen[str], str]:
    child = subprocess.Popen(
        [python, "-c", HOLD, str(folder), then], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    return child, child.stdout.readline().strip()


def test_another_running_process_is_live_and_a_dead_one_is_not(
    tmp_path: Path, python: str, subprocess_env: dict[str, str]
) -> None:
    mine = OwnerMark(tmp_path)
    with start(tmp_path, python, subprocess_env, "wait")[0] as running:
        token = (tmp_path / "owners").glob("*.lock")
        live_token = next(t.stem for t in token if t.stem != mine.token)
        assert mine.is_live(live_token)
        assert mine.is_live(mine.token) and not mine.is_live("") and not mine.is_live("f" * 32)
        running.kill()
        running.wait(timeout=10)
    assert not mine.is_live(live_token)
    assert not (tmp_path / "owners" / f"{live_token}.lock").exists()  # the stale file is cleared
    mine.release()


def test_a_reused_process_id_does_not_keep_a_dead_owner_alive(
    tmp_path: Path, python: str, subprocess_env: dict[str, str]
) -> None:
    mine = OwnerMark(tmp_path)
    child, token = start(tmp_path, python, subprocess_env, "die")
    with child:
        assert child.wait(timeout=10) == -signal.SIGKILL
    lock = tmp_path / "owners" / f"{token}.lock"
    # The dead owner's id now belongs to a running Python: this one, with the same program name.
    fields = lock.read_text().split("\n")
    fields[0] = str(os.getpid())
    lock.write_text("\n".join(fields))
    assert not mine.is_live(token)
    mine.release()
