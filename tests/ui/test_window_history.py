"""The window keeps the record as a patient plays: sessions, check-ins, hurt marks, stops, resuming.

Windows here get a history file under tmp_path; the player tests run without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from stretch_gui.core.record.recorder import SessionRecorder
from stretch_gui.core.record.store import History, SessionStatus
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.core.session.session import Session, SessionState
from stretch_gui.core.wording import STOPPED_FOR_PAIN, format_duration
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui.app import create_window
from stretch_gui.ui.window import MainWindow
from tests.support.window import Key, activate, child, index_of, press, state_of, step

DIALOG_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def history_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def routine_file(tmp_path: Path, repo_root: Path) -> Path:
    # A copy, so the record names a file of this test's own.
    copy = tmp_path / "relief.yaml"
    copy.write_bytes((repo_root / "routines" / "back-spasm-relief.yaml").read_bytes())
    return copy


@pytest.fixture
def open_window(qtbot: QtBot, settings: AppSettings, clock: FakeClock, history_file: Path, no_dangling_timers):  # type: ignore[no-untyped-def]
    def make(file: Path | None = None, *, expect_dialog: bool = False) -> MainWindow:
        window = create_window(file, settings=settings, clock=clock, history_file=history_file)
        qtbot.addWidget(window)
        no_dangling_timers.append(window)
        window.show()
        qtbot.waitExposed(window)
        if not expect_dialog:  # a dialog opened right after the first paint takes the activation
            activate(qtbot, window)
        return window

    return make


def wait_for_dialog(qtbot: QtBot, window: MainWindow, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QMessageBox, name)), timeout=2000)
    (dialog,) = [d for d in window.findChildren(QMessageBox, name) if d.isVisible()]
    dialog.activateWindow()  # offscreen has no window manager to do it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def records(history_file: Path):  # type: ignore[no-untyped-def]
    with History(history_file) as history:
        return history.sessions()


def test_a_played_routine_is_recorded_with_both_check_ins(open_window, clock, qtbot, history_file, routine_file) -> None:  # type: ignore[no-untyped-def]
    window = open_window(routine_file)
    check_in = window.player.before_check_in
    check_in.buttons[0].setFocus()
    press(qtbot, Key.Key_5)
    window.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, window, 12)
    press(qtbot, Key.Key_H)  # it hurt here, and the routine goes on
    step(clock, window, window.player.driver.session.plan.total)
    assert window.stack.currentWidget() is window.completion
    clock.advance(1.1)  # past the moment in which keys are taken for leftovers from the player
    press(qtbot, Key.Key_3)
    qtbot.mouseClick(child(window, QPushButton, "backButton"), Qt.MouseButton.LeftButton)

    (record,) = records(history_file)
    assert record.status is SessionStatus.FINISHED
    assert record.routine.file == str(routine_file.resolve())
    assert record.routine.content_hash == load_routine_file(routine_file).content_hash
    assert (record.pain_before, record.pain_after, record.hurt_marks) == (5, 3, 1)
    with History(history_file) as history:
        assert history.hurt_marks(record.id)[0].segment_index == 0


def test_stop_this_hurts_is_recorded_with_its_reason(open_window, clock, qtbot, history_file, routine_file) -> None:  # type: ignore[no-untyped-def]
    window = open_window(routine_file)
    press(qtbot, Key.Key_Space)
    step(clock, window, 30)
    window.player.stop_for_pain()
    (record,) = records(history_file)
    assert (record.status, record.stop_reason) == (SessionStatus.STOPPED, STOPPED_FOR_PAIN)


def test_a_routine_opened_and_never_started_leaves_no_record(open_window, history_file, routine_file) -> None:  # type: ignore[no-untyped-def]
    window = open_window(routine_file)
    window.close()
    assert records(history_file) == []


def _crashed_session(history_file: Path, routine_file: Path, seconds: float, owner: str = "") -> int:
    """A session cut short, as a killed app leaves it: recorded up to where it was."""
    clock = FakeClock()
    with History(history_file, owner=owner) as history:
        session = Session(build_plan(load_routine_file(routine_file)), clock)
        recorder = SessionRecorder(history, session)
        session.start()
        clock.advance(seconds)
        session.update()
        assert recorder.session_id is not None
        return session.index


@DIALOG_NOISE
def test_after_a_crash_the_next_start_offers_to_resume(open_window, clock, qtbot, history_file, routine_file) -> None:  # type: ignore[no-untyped-def]
    where = _crashed_session(history_file, routine_file, seconds=200)
    assert where > 0
    window = open_window(expect_dialog=True)
    box = wait_for_dialog(qtbot, window, "resumeDialog")
    assert "Back spasm relief" in box.text()
    press(qtbot, Key.Key_Return)  # Resume is the default
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.player, timeout=2000)
    assert (index_of(window), state_of(window)) == (where, SessionState.READY)
    activate(qtbot, window)
    window.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, window, window.player.driver.session.plan.total)
    (record,) = records(history_file)  # the same record, carried on
    assert record.status is SessionStatus.FINISHED
    # The completion screen says what the history saved, the part before the crash included.
    assert window.stack.currentWidget() is window.completion
    shown = window.completion.summary_label.text()
    assert shown.startswith(f"{record.exercises_completed} exercises done"), shown
    assert "skipped" not in shown and record.exercises_skipped == 0
    assert format_duration(record.active_seconds) in shown


@DIALOG_NOISE
def test_not_now_leaves_the_cut_short_session_abandoned(open_window, qtbot, history_file, routine_file) -> None:  # type: ignore[no-untyped-def]
    _crashed_session(history_file, routine_file, seconds=200)
    window = open_window(expect_dialog=True)
    box = wait_for_dialog(qtbot, window, "resumeDialog")
    qtbot.mouseClick(child(box, QPushButton, "leaveButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert window.stack.currentWidget() is window.start_screen
    (record,) = records(history_file)
    assert record.status is SessionStatus.ABANDONED


def test_a_changed_routine_is_not_offered_for_resuming_and_the_window_says_why(  # type: ignore[no-untyped-def]
    open_window, qtbot, history_file, routine_file
) -> None:
    _crashed_session(history_file, routine_file, seconds=200)
    routine_file.write_text(routine_file.read_text().replace("reps: 10", "reps: 12"))  # a different plan
    window = open_window()
    qtbot.waitUntil(lambda: "cannot be resumed" in window.statusBar().currentMessage(), timeout=2000)
    assert not [d for d in window.findChildren(QMessageBox, "resumeDialog") if d.isVisible()]
    assert window.statusBar().currentMessage() == (
        "“Back spasm relief” stopped part-way last time, but cannot be resumed: "
        "its routine has changed since (different exercises or times)."
    )
    window.statusBar().clearMessage()  # its timer would outlive the test
    (record,) = records(history_file)
    assert record.status is SessionStatus.ABANDONED


@DIALOG_NOISE
def test_a_routine_edited_without_changing_its_plan_is_still_offered(  # type: ignore[no-untyped-def]
    open_window, qtbot, history_file, routine_file
) -> None:
    where = _crashed_session(history_file, routine_file, seconds=200)
    edited = routine_file.read_text().replace("Back spasm relief", "Back spasm relief, week 2")
    routine_file.write_text("# checked by the physio on Monday\n" + edited)  # other bytes, the same plan
    window = open_window(expect_dialog=True)
    box = wait_for_dialog(qtbot, window, "resumeDialog")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.player, timeout=2000)
    assert index_of(window) == where
    (record,) = records(history_file)
    assert record.status is SessionStatus.RUNNING
    assert box is not None


@DIALOG_NOISE
def test_a_second_window_never_offers_a_session_another_window_is_playing(  # type: ignore[no-untyped-def]
    open_window, clock, qtbot, history_file, routine_file
) -> None:
    first = open_window(routine_file)
    first.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, first, 200)  # playing, several segments recorded
    (playing,) = records(history_file)
    assert playing.status is SessionStatus.RUNNING and playing.owner
    second = open_window()
    qtbot.wait(100)  # the offer, if any, comes right after the first paint
    assert not [d for d in second.findChildren(QMessageBox, "resumeDialog") if d.isVisible()]
    assert second.statusBar().currentMessage() == ""
    (still,) = records(history_file)
    assert still.status is SessionStatus.RUNNING and still.owner == playing.owner  # not abandoned, not taken
    second.close()
    first.close()


@DIALOG_NOISE
def test_a_session_whose_window_died_is_offered(open_window, qtbot, history_file, routine_file, python, subprocess_env) -> None:  # type: ignore[no-untyped-def]
    """The owner's process is gone (kill -9): its lock file is left behind, but nobody holds it."""
    import subprocess

    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from stretch_gui.qt.owner_mark import OwnerMark\n"
        "mark = OwnerMark(Path(sys.argv[1]))\n"
        "print(mark.token, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([python, "-c", script, str(history_file.parent)], env=subprocess_env, capture_output=True, text=True,
                            timeout=60, check=False)
    token = result.stdout.strip()
    assert len(token) == 32 and (history_file.parent / "owners" / f"{token}.lock").exists()
    _crashed_session(history_file, routine_file, seconds=200, owner=token)
    window = open_window(expect_dialog=True)
    box = wait_for_dialog(qtbot, window, "resumeDialog")
    assert "Back spasm relief" in box.text()
    box.close()


@DIALOG_NOISE
def test_a_damaged_history_is_moved_aside_and_said(open_window, qtbot, history_file, routine_file, clock) -> None:  # type: ignore[no-untyped-def]
    history_file.parent.mkdir(parents=True)
    history_file.write_bytes(b"this is not a database" * 100)
    window = open_window(expect_dialog=True)
    box = wait_for_dialog(qtbot, window, "historyNoticeDialog")
    assert "corrupt" in box.text() or "damaged" in box.text().lower()
    moved = [p for p in history_file.parent.iterdir() if ".corrupt-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")
    press(qtbot, Key.Key_Return)
    activate(qtbot, window)
    window.open_file(routine_file)
    window.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, window, 5)
    window.player.stop_for_pain()
    assert len(records(history_file)) == 1  # and recording goes on in the fresh file


@DIALOG_NOISE
def test_a_history_that_cannot_be_opened_is_said_once_and_routines_still_play(  # type: ignore[no-untyped-def]
    open_window, qtbot, tmp_path, routine_file, clock, settings
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    window = create_window(routine_file, settings=settings, clock=clock, history_file=blocker / "history.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    box = wait_for_dialog(qtbot, window, "historyProblemDialog")
    assert "blocker" in box.text()
    press(qtbot, Key.Key_Return)
    activate(qtbot, window)
    window.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, window, window.player.driver.session.plan.total)
    assert window.stack.currentWidget() is window.completion
    assert len(window.findChildren(QMessageBox, "historyProblemDialog")) <= 1
    window.close()


WINDOW_ON_A_READ_ONLY_HISTORY = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.support.history import drop_privileges_if_asked
from tests.support.window import settings_over

app = QApplication([])  # before giving up root: Qt's plugins may be readable by root only
from stretch_gui.ui.app import create_window
import encodings.utf_8_sig, stretch_gui.core.record.store, stretch_gui.core.record.recorder
history_file, routine_file, settings_file = map(Path, sys.argv[1:])
window = create_window(settings=settings_over(settings_file), history_file=history_file)  # opens no history yet
window.catalogue.entry(routine_file)  # loaded (and kept) while the loader's modules can still be read
drop_privileges_if_asked()
window.open_file(routine_file)
window.show()
history = window.history_store()
app.processEvents()
for box in window.findChildren(QMessageBox):
    print(box.objectName(), "|", box.windowTitle(), "|", box.text().replace("\\n", " "))
print("sessions", [r.stop_reason for r in history.sessions()])
window.player.driver.session.start()
print("recording", window.recorder is not None)
window.close()
"""


def test_a_read_only_history_is_shown_and_new_sessions_are_said_not_to_be_saved(  # type: ignore[no-untyped-def]
    tmp_path: Path, routine_file: Path, python: str, subprocess_env: dict[str, str]
) -> None:
    import os
    import pwd
    import subprocess
    import tempfile
    import textwrap

    base = Path(tempfile.mkdtemp(prefix="stretch-gui-test-"))
    try:
        base.chmod(0o755)
        data = base / "data"
        history_file = data / "history.sqlite3"
        data.mkdir()
        with History(history_file) as history:
            session = Session(build_plan(load_routine_file(routine_file)), FakeClock())
            SessionRecorder(history, session)
            session.start()
            session.stop("kept from before")
        routine_copy = base / "relief.yaml"
        routine_copy.write_bytes(routine_file.read_bytes())
        (base / "settings").mkdir()
        env = dict(subprocess_env, HOME=str(base), XDG_RUNTIME_DIR=str(base))
        if os.geteuid() == 0:  # root ignores permission bits: run the window as someone else
            user = pwd.getpwnam("nobody").pw_uid
            for p in [base, *base.rglob("*")]:
                os.chown(p, user, user)
            env["STRETCH_GUI_TEST_UID"] = str(user)
        history_file.chmod(0o444)
        data.chmod(0o555)
        result = subprocess.run(
            [python, "-c", textwrap.dedent(WINDOW_ON_A_READ_ONLY_HISTORY), str(history_file), str(routine_copy),
             str(base / "settings" / "s.ini")],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )
        assert "Traceback" not in result.stderr and result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        name, title, text = lines[0].split(" | ")
        assert (name, title) == ("historyReadOnlyDialog", "Your history can be viewed but not saved")
        assert str(history_file) in text and "new sessions will not be saved" in text
        assert len(lines) == 3, lines  # one box only: not "cannot be used"
        assert lines[1] == "sessions ['kept from before']"
        assert lines[2] == "recording False"
    finally:
        for p in [base, *base.rglob("*")]:
            if p.is_dir():
                p.chmod(0o755)
        import shutil

        shutil.rmtree(base)


HOLD_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


@pytest.mark.realtime
def test_the_countdown_does_not_freeze_while_another_window_holds_the_lock(  # type: ignore[no-untyped-def]
    open_window, clock, qtbot, history_file, routine_file, python
) -> None:
    import subprocess
    import time

    window = open_window(routine_file)
    window.player.start_pause_button.setFocus()
    press(qtbot, Key.Key_Space)
    step(clock, window, 1)  # the session row exists
    holder = subprocess.Popen([python, "-c", HOLD_WRITE_LOCK, str(history_file)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    with holder:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline() == "locked\n"
        session = window.player.driver.session
        began = time.monotonic()
        for _ in range(3):  # three segment ends while the lock is held
            step(clock, window, session.remaining())
        took = time.monotonic() - began
        assert took < 1.0, f"the countdown froze for {took:.1f} s"
        assert window.recorder.last_error is not None  # kept, not lost
        assert not [d for d in window.findChildren(QMessageBox, "historyWriteDialog") if d.isVisible()]
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "released\n"
    step(clock, window, session.remaining())  # the next segment end saves everything that waited
    assert window.recorder.last_error is None
    with History(history_file) as history:
        (record,) = history.sessions()
        assert set(history.outcomes(record.id)) == set(range(session.index))
    window.statusBar().clearMessage()
