"""The main window: start screen, player and completion, with menus, drops and file errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from stretch_gui.core import preferences as prefs
from stretch_gui.core.content import messages
from stretch_gui.core.placement import (
    MINIMUM_HEIGHT,
    MINIMUM_WIDTH,
    PREFERRED_HEIGHT,
    PREFERRED_WIDTH,
    Placement,
    Rect,
    opening_placement,
)
from stretch_gui.core.routine.catalogue import RoutineCatalogue, RoutineEntry
from stretch_gui.core.routine.model import Routine
from stretch_gui.core.routine.plan import build_plan
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.core.routine.stages import counts_from_first_session
from stretch_gui.core.session.clock import Clock
from stretch_gui.core.session.session import CarriedOver, Summary
from stretch_gui.core.wording import STOPPED_FOR_PAIN
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.dialogs.messages import Choice, ask, tell

if TYPE_CHECKING:
    from stretch_gui.core.record.recorder import SessionRecorder
    from stretch_gui.core.record.resume import ResumeOffer
    from stretch_gui.core.record.store import History, SessionRecord
    from stretch_gui.qt.owner_mark import OwnerMark
    from stretch_gui.ui.dialogs.goals import GoalsDialog
    from stretch_gui.ui.dialogs.history import HistoryDialog
    from stretch_gui.ui.reminders import Reminders
    from stretch_gui.ui.screens.completion import CompletionScreen
    from stretch_gui.ui.screens.player import PlayerScreen
    from stretch_gui.ui.screens.safety import HelpDialog, SafetyScreen
    from stretch_gui.ui.screens.start import StartScreen

ROUTINE_SUFFIXES = (".yaml", ".yml")
# While a routine plays, a save waits at most this long for another stretch-gui's write lock
# (the countdown must not freeze): a save that cannot wait is kept and retried with the next
# segment. Saves the patient asks for, and the last one at closing, wait up to WAIT_TO_SAVE.
WAIT_WHILE_PLAYING = 0.05
WAIT_TO_SAVE = 2.0


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: AppSettings,
        *,
        clock: Clock | None = None,
        history_file: Path | None = None,
        schema_memory: SchemaMemory | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``today``: the app's edge to the calendar, for the stages and the first-session days."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("stretch-gui")
        self.setAcceptDrops(True)
        self.settings = settings
        self._clock = clock
        self._current: RoutineEntry | None = None
        self.today = today
        self.catalogue = RoutineCatalogue(
            lambda: self.settings.recent_files,
            memory=schema_memory,
            today=lambda: self.today(),
            began=lambda file: self.settings.first_sessions.get(file),
            eased=lambda file: self.settings.easier_days.get(file),
        )
        # The record of sessions: opened after the window shows (sqlite3 is not needed to paint it).
        self.history_file = history_file
        self._history: History | None = None
        self._history_problem = ""
        self._owner_mark: OwnerMark | None = None  # held while this window may record sessions
        self.recorder: SessionRecorder | None = None
        self._first_show_done = False
        self.reminders: Reminders | None = None
        self.goals_dialog: GoalsDialog | None = None  # the goals dialog last opened (offered weekly, or from the menu)

        # Each screen is built the first time it is needed (the properties below): the first paint shows
        # one of them, and building the others first cost ~30 ms and the code of each.
        self._start_screen: StartScreen | None = None
        self._player: PlayerScreen | None = None
        self._completion: CompletionScreen | None = None
        self._safety_screen: SafetyScreen | None = None
        self._select_on_start: Path | None = None  # for the start screen's list, once it is built
        self._help_dialog: HelpDialog | None = None
        self._history_dialog: HistoryDialog | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_menus()
        settings.changed.connect(self._setting_changed)
        self.resize(PREFERRED_WIDTH, PREFERRED_HEIGHT)  # place_on_screen() fits it to the real screen
        self.setMinimumSize(MINIMUM_WIDTH, MINIMUM_HEIGHT)
        self._maximized_before_full_screen = False
        self._open_maximized = False

    # -- screens, built on first use ------------------------------------------

    @property
    def start_screen(self) -> StartScreen:
        if self._start_screen is None:
            from stretch_gui.ui.screens.start import StartScreen

            screen = self._start_screen = StartScreen()
            screen.startRequested.connect(self.play)
            screen.openRequested.connect(self.choose_file)
            screen.fullRoutineRequested.connect(self._full_routine_today)
            screen.list.currentRowChanged.connect(self._update_handout_actions)
            screen.set_source(self.catalogue.entries)
            screen.invalidate(select=self._select_on_start)
            self.stack.addWidget(screen)
        return self._start_screen

    @property
    def player(self) -> PlayerScreen:
        if self._player is None:
            from stretch_gui.ui.screens.player import PlayerScreen

            screen = self._player = PlayerScreen(self.settings)
            screen.sessionEnded.connect(self._session_ended)
            screen.checkedInBefore.connect(self._checked_in_before)
            screen.hurtMarked.connect(lambda _index: self._record(lambda recorder: recorder.mark_hurt()))
            self.stack.addWidget(screen)
        return self._player

    @property
    def completion(self) -> CompletionScreen:
        if self._completion is None:
            from stretch_gui.ui.screens.completion import CompletionScreen

            screen = self._completion = CompletionScreen()
            self._guard_with_clock(screen)
            screen.againRequested.connect(self._play_again)
            screen.routinesRequested.connect(self.show_start)
            screen.checkedIn.connect(self._checked_in_after)
            self.stack.addWidget(screen)
        return self._completion

    @property
    def safety_screen(self) -> SafetyScreen:
        if self._safety_screen is None:
            from stretch_gui.ui.screens.safety import SafetyScreen

            screen = self._safety_screen = SafetyScreen()
            self._guard_with_clock(screen)
            screen.finished.connect(self._checked_in_after)
            screen.finished.connect(lambda _pain, _note: self.show_start())
            self.stack.addWidget(screen)
        return self._safety_screen

    def _play_again(self) -> None:
        if self._current is not None:
            self.play(self._current)

    def _guard_with_clock(self, screen: CompletionScreen | SafetyScreen) -> None:
        if self._clock is not None:  # the moment of calm after a screen changes runs on the same clock as the session
            screen.key_guard.clock = self._clock.now

    def setVisible(self, visible: bool) -> None:
        if visible and self.stack.count() == 0:  # no routine opened: the window opens on the list of routines
            self.stack.setCurrentWidget(self.start_screen)
        super().setVisible(visible)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open routine file…", QKeySequence.StandardKey.Open, self.choose_file, "openAction")
        self._action(file_menu, "&Routines", "Ctrl+L", self.show_start, "routinesAction")
        file_menu.addSeparator()
        self.export_pdf_action = self._action(file_menu, "&Export PDF handout…", None, self.export_handout, "exportPdfAction")
        self.print_action = self._action(
            file_menu, "&Print handout…", QKeySequence.StandardKey.Print, self.print_handout, "printAction"
        )
        self.export_report_action = self._action(
            file_menu, "Export progress &report…", None, self.export_report, "exportReportAction"
        )
        for signal in (file_menu.aboutToShow, self.stack.currentChanged):  # and the list's row, in start_screen
            signal.connect(self._update_handout_actions)
        self._update_handout_actions()
        self._action(file_menu, "Export &history as CSV…", None, self.export_history, "exportHistoryAction")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close, "quitAction")
        view_menu = self.menuBar().addMenu("&View")
        self.fullscreen_action = self._action(view_menu, "&Full screen", "F11", self.toggle_full_screen, "fullScreenAction")
        view_menu.addSeparator()
        # Ctrl+= as well as Ctrl++: on most keyboards + needs Shift.
        self._action(view_menu, "&Larger text", "Ctrl+=", lambda: self.step_text_size(1), "largerTextAction").setShortcuts(
            [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence(QKeySequence.StandardKey.ZoomIn)]
        )
        self._action(
            view_menu, "S&maller text", QKeySequence.StandardKey.ZoomOut, lambda: self.step_text_size(-1), "smallerTextAction"
        )
        self._action(view_menu, "&Normal text size", "Ctrl+0", lambda: self.step_text_size(0), "normalTextAction")
        view_menu.addSeparator()
        self.sound_action = self._action(view_menu, "&Sound cues", "M", self.toggle_sound, "soundAction")
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(self.settings.sound)
        self._action(view_menu, "&History…", "Ctrl+H", self.show_history, "historyAction")
        self._action(view_menu, "My &goals…", None, self.show_goals, "goalsAction")
        settings_action = self._action(view_menu, "S&ettings…", "Ctrl+,", self.open_settings, "settingsAction")
        # Ctrl+, on every desktop (Linux names no standard key for it), and the desktop's own where it has one.
        settings_action.setShortcuts([QKeySequence("Ctrl+,"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)])
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&When to get help", QKeySequence.StandardKey.HelpContents, self.show_help, "getHelpAction")
        self._action(help_menu, "&Keyboard", None, self._show_keys, "keysAction")
        self._action(help_menu, "&About stretch-gui", None, self._show_about, "aboutAction")

    def _action(self, menu, text, shortcut, slot, name) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work even in full screen with the menu bar hidden
        return action

    # -- routines -----------------------------------------------------------

    def refresh_routines(self, select: Path | None = None) -> None:
        if self._start_screen is None:
            self._select_on_start = select or self._select_on_start
        else:
            self._start_screen.invalidate(select=select)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # as the message boxes: its enums wait until it opens

        start_dir = str(self.settings.recent_files[0].parent) if self.settings.recent_files else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open routine file", start_dir, "Routine files (*.yaml *.yml);;All files (*)")
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, *, play: bool = True) -> bool:
        """Load a routine; on failure show the loader's messages and change nothing."""
        try:
            entry = self.catalogue.entry(path)
        except RoutineError as exc:
            tell(self, "loadErrorDialog", messages.cannot_open(path.name, exc.problems))
            return False
        self.settings.remember(path)
        self.refresh_routines(select=entry.path)
        if play and self._under_way():
            # A routine under way is never swapped for another behind the patient's back: the same
            # question as leaving it, and the new one waits in the list.
            self.statusBar().showMessage(messages.opened_during_a_routine(entry.routine.title), 20000)
            self.player.ask_to_stop()
        elif play:
            self.play(entry)
        return True

    def _under_way(self) -> bool:
        """The routine on screen is under way (one not begun yet is simply replaced: nothing is lost)."""
        player = self._player
        on_screen = player is not None and self.stack.currentWidget() is player
        return on_screen and player is not None and player.driver is not None and player.driver.session.under_way

    def play(self, entry: RoutineEntry, *, resume: SessionRecord | None = None, carried: CarriedOver | None = None) -> None:
        self._current = entry
        start_index = resume.resume_index if resume is not None else 0
        self.player.play(build_plan(entry.routine), clock=self._clock, start_index=start_index, carried=carried)
        self._start_recording(resume)
        self.stack.setCurrentWidget(self.player)
        self.player.start_pause_button.setFocus()

    def show_start(self) -> None:
        player = self._player
        if player is not None:
            if self.stack.currentWidget() is player and player.driver and not player.driver.session.state.is_over:
                player.ask_to_stop()
                return
            player.close_session()
        self.stack.setCurrentWidget(self.start_screen)
        self.start_screen.list.setFocus()

    def show_help(self) -> None:
        if self._help_dialog is None:
            from stretch_gui.ui.screens.safety import HelpDialog

            self._help_dialog = HelpDialog(self)
        self._help_dialog.show()
        self._help_dialog.raise_()
        self._help_dialog.activateWindow()

    def _session_ended(self, summary: Summary) -> None:
        if summary.exercises_completed and self._current is not None:
            routine = self._current.routine
            if routine.source is not None and counts_from_first_session(routine):
                self._learn_first_sessions({str(routine.source): self.today()})
        if summary.stop_reason == STOPPED_FOR_PAIN:
            self.safety_screen.show_guidance()
            self.stack.setCurrentWidget(self.safety_screen)
            self.safety_screen.done_button.setFocus()
            return
        title = self._current.routine.title if self._current else "the routine"
        self.completion.show_summary(title, summary)
        self.stack.setCurrentWidget(self.completion)

    def _learn_first_sessions(self, learned: dict[str, date]) -> None:
        """Keep the first-session day of routines whose weeks count from it; the start screen follows."""
        from stretch_gui.core.record.first_sessions import with_learned

        merged = with_learned(self.settings.first_sessions, learned)
        if merged is not None:
            self.settings.first_sessions = merged
            self.refresh_routines()

    def _first_sessions_from_history(self) -> None:
        """After the first paint: first sessions played before they were kept (or cut short by a crash)."""
        history = self.history_store()
        if history is None:
            return
        from stretch_gui.core.record.first_sessions import first_days
        from stretch_gui.core.record.store import HistoryError

        try:
            found = first_days(history.sessions())
        except HistoryError:
            return
        known = self.settings.first_sessions
        learned = {}
        for file, day in found.items():
            if file in known and known[file] <= day:
                continue  # kept already: no need to read its file again at every start
            try:
                counted = counts_from_first_session(self.catalogue.load(Path(file)))
            except RoutineError:
                continue  # moved or broken: nothing to count weeks for
            if counted:
                learned[file] = day
        self._learn_first_sessions(learned)

    # -- handout ------------------------------------------------------------

    def handout_routine(self) -> Routine | None:
        """The routine playing or just finished, else the one selected in the list."""
        if self._start_screen is None or self.stack.currentWidget() is not self._start_screen:
            return self._current.routine if self._current else None
        # Only a list already filled: asking for entries would load every routine file.
        if self.start_screen.list.currentRow() < 0:
            return None
        entry = self.start_screen.current_entry()
        return entry.routine if entry else None

    def _update_handout_actions(self) -> None:
        enabled = self.handout_routine() is not None
        self.export_pdf_action.setEnabled(enabled)
        self.print_action.setEnabled(enabled)
        self.export_report_action.setEnabled(enabled)

    def export_handout(self) -> None:
        routine = self.handout_routine()
        if routine is None:
            return
        from stretch_gui.ui.dialogs.handout import export_pdf  # QtSvg and the PDF code load only when asked for

        path = export_pdf(routine, self)
        if path is not None:
            self.statusBar().showMessage(messages.handout_saved(path), 8000)

    def print_handout(self) -> None:
        routine = self.handout_routine()
        if routine is None:
            return
        from stretch_gui.ui.dialogs.handout import print_routine  # QtPrintSupport loads only when asked for

        if print_routine(routine, self):
            self.statusBar().showMessage(messages.HANDOUT_PRINTED, 8000)

    # -- view ---------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            # Back to how it was before: maximized stays maximized.
            self.showMaximized() if self._maximized_before_full_screen else self.showNormal()
            self.menuBar().show()
        else:
            self._maximized_before_full_screen = self.isMaximized()
            self.showFullScreen()
            self.menuBar().hide()

    # -- where the window sits ----------------------------------------------

    def place_on_screen(self) -> None:
        """Open where it was left if that fits this screen's free area; else a size that fits."""
        screen = self.screen().availableGeometry()
        free = Rect(screen.x(), screen.y(), screen.width(), screen.height())
        placement = opening_placement(self.settings.window_placement, free)
        frame = placement.frame
        self.setGeometry(frame.x, frame.y, frame.width, frame.height)
        self._open_maximized = placement.maximized

    def show_placed(self) -> None:
        """Show as ``place_on_screen`` decided."""
        self.showMaximized() if self._open_maximized else self.show()

    def _remember_placement(self) -> None:
        maximized = self.isMaximized() or (self.isFullScreen() and self._maximized_before_full_screen)
        normal = self.normalGeometry() if (self.isMaximized() or self.isFullScreen()) else self.geometry()
        if normal.width() > 0 and normal.height() > 0:
            frame = Rect(normal.x(), normal.y(), normal.width(), normal.height())
            self.settings.window_placement = Placement(frame, maximized)

    def step_text_size(self, steps: int) -> None:
        """Ctrl+= one size larger, Ctrl+- one smaller, Ctrl+0 (steps 0) back to normal."""
        size = prefs.text_size_step(self.settings.text_size, steps) if steps else prefs.TEXT_SIZE.default
        self.settings.text_size = size  # the restyle follows through settings.changed
        self.statusBar().showMessage(messages.text_size(prefs.TEXT_SIZE.label_of(size)), 3000)

    def toggle_sound(self) -> None:
        self.settings.sound = not self.settings.sound  # the M action's check follows through settings.changed
        self.statusBar().showMessage(messages.sound_cues(self.settings.sound), 3000)

    def open_settings(self) -> None:
        from stretch_gui.ui.dialogs.settings import SettingsDialog  # built when asked for, not at start-up

        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # its changes arrive one key at a time through settings.changed

    def apply_settings(self) -> None:
        """Bring everything in line with every setting at once (a restyle included)."""
        self._restyle()
        self.sound_action.setChecked(self.settings.sound)
        if self._player is not None:  # a player built later starts from the settings
            self._player.apply_settings()
        self._apply_reminders()

    def _setting_changed(self, key: str) -> None:
        """Redo only what shows ``key``: a volume slider's every step must not restyle the app."""
        if key in (prefs.THEME.key, prefs.TEXT_SIZE.key):
            self._restyle()
        elif key == prefs.SOUND.key:
            self.sound_action.setChecked(self.settings.sound)
        elif key in (prefs.SHOW_PACER.key, prefs.REDUCED_MOTION.key, prefs.BREATH_CUES.key):
            if self._player is not None:  # the pacer, the picture's motion and the cue player's breath tones
                self._player.apply_settings()
        elif key in (prefs.REMINDERS.key, prefs.REMINDER_TIME.key):
            self._apply_reminders()
        # volume and spoken_guidance: the cue player reads them as each cue sounds.

    def _restyle(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, self.settings.theme, self.settings.text_size)
        if self._player is not None:
            self._player.restyle()
        self.update()

    # -- reminders ----------------------------------------------------------

    def _apply_reminders(self) -> None:
        if self.reminders is None and self.settings.reminders:
            from stretch_gui.ui.reminders import Reminders

            self.reminders = Reminders(
                self.settings,
                routine=self._routine_to_remind,
                session_starts=self._done_session_starts,
                icon=QApplication.windowIcon(),
                parent=self,
            )
            self.reminders.activated.connect(self._come_forward)
        if self.reminders is not None:
            self.reminders.apply_settings()

    def _routine_to_remind(self) -> Routine | None:
        return self._current.routine if self._current is not None else self.catalogue.most_recent()

    def _done_session_starts(self) -> list[datetime]:
        history = self.history_store()
        if history is None:
            return []
        from stretch_gui.core.record.reminders import done_session_starts

        return done_session_starts(history)

    def _come_forward(self) -> None:
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    def _show_keys(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, messages.KEYBOARD.title, messages.KEYBOARD.text)

    def _show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from stretch_gui import __version__

        about = messages.about(__version__)
        QMessageBox.about(self, about.title, about.text)

    # -- drag and drop ------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().lower().endswith(ROUTINE_SUFFIXES) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            local = url.toLocalFile()
            if local.lower().endswith(ROUTINE_SUFFIXES):
                event.acceptProposedAction()
                self.open_file(Path(local))
                return

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._remember_placement()
        self._end_recording()
        if self._player is not None:
            self._player.close_session()
        if self.reminders is not None:
            self.reminders.shutdown()
        if self.goals_dialog is not None and self.goals_dialog.isVisible():
            self.goals_dialog.reject()  # while the history is open: closing the app on the weekly offer is a "Not now"
        if self._history is not None:
            self._history.close()
        if self._owner_mark is not None:
            self._owner_mark.release()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._first_show_done:
            self._first_show_done = True
            QTimer.singleShot(0, self._offer_resume)
            QTimer.singleShot(0, self._apply_reminders)
            QTimer.singleShot(0, self._offer_morning_check)
            QTimer.singleShot(0, self._first_sessions_from_history)

    def export_report(self) -> None:
        """File › Export progress report… for the routine the handout actions are about."""
        routine = self.handout_routine()
        history = self.history_store()
        if routine is None or history is None:
            return
        from stretch_gui.core.content.report import saved
        from stretch_gui.ui.dialogs.report import export_report  # the PDF code loads only when asked for

        path = export_report(routine, history, self)
        if path is not None:
            self.statusBar().showMessage(saved(path), 8000)

    # -- history ------------------------------------------------------------

    def history_store(self) -> History | None:
        """The history, opened on first use; None (after saying why, once) when it cannot be used."""
        if self._history is not None or self.history_file is None or self._history_problem:
            return self._history
        from stretch_gui.core.record.store import History, HistoryError, HistoryWriteError
        from stretch_gui.qt.owner_mark import OwnerMark

        try:
            mark = OwnerMark(self.history_file.parent)
            self._history = History(self.history_file, owner=mark.token, busy_timeout=WAIT_WHILE_PLAYING)
            self._owner_mark = mark
        except HistoryWriteError as exc:
            mark.release()
            # A read-only folder or a full disk: the sessions already kept can still be shown.
            try:
                self._history = History(self.history_file, read_only=True)
            except HistoryError:
                self._history_problem = str(exc)
                tell(self, "historyProblemDialog", messages.history_unusable(self._history_problem))
                return None
            tell(self, "historyReadOnlyDialog", messages.history_read_only(str(exc)))
            return self._history
        except HistoryError as exc:
            mark.release()
            self._history_problem = str(exc)
            tell(self, "historyProblemDialog", messages.history_unusable(self._history_problem))
            return None
        if self._history.notice:
            tell(self, "historyNoticeDialog", messages.history_damaged(self._history.notice))
        return self._history

    def show_history(self) -> None:
        """View › History…: read the history again each time it is opened."""
        from stretch_gui.ui.dialogs.history import HistoryDialog

        if self._history_dialog is None:
            self._history_dialog = HistoryDialog(self)
        history = self.history_store()
        routine = self._current.routine if self._current else None
        self._history_dialog.show_history(history, routine=routine, load=self.catalogue.load, problem=self._history_problem)

    def export_history(self) -> None:
        """File › Export history as CSV…"""
        from stretch_gui.ui.dialogs.history import NO_HISTORY, export_history, saved_message

        told = bool(self._history_problem)
        history = self.history_store()
        if history is None:
            if told or self.history_file is None:  # history_store() tells only the first time
                unusable = messages.Message(messages.HISTORY_UNUSABLE, self._history_problem or NO_HISTORY)
                tell(self, "historyProblemDialog", unusable)
            return
        saved = export_history(self, history)
        if saved is not None:
            self.statusBar().showMessage(saved_message(*saved), 8000)

    def _history_error(self, error: Exception) -> None:
        from stretch_gui.core.record.store import HistoryBusyError

        if isinstance(error, HistoryBusyError) and self.recorder is not None and self.recorder.last_error is error:
            # Another window is saving: the recorder keeps what waits and saves it with the next segment.
            self.statusBar().showMessage(messages.HISTORY_BUSY, 8000)
            return
        tell(self, "historyWriteDialog", messages.history_not_saved(str(error)))

    def _start_recording(self, resume: SessionRecord | None = None) -> None:
        self._end_recording()
        history = self.history_store()
        driver = self.player.driver
        if history is None or history.read_only or driver is None:
            return
        from stretch_gui.core.record.recorder import SessionRecorder

        self.recorder = SessionRecorder(history, driver.session, resume=resume, on_error=self._history_error)

    def _end_recording(self) -> None:
        if self.recorder is not None:
            if self._history is not None:
                with self._history.waiting(WAIT_TO_SAVE):
                    self.recorder.flush()
            self.recorder = None

    def _record(self, action: Callable[[SessionRecorder], None]) -> None:
        """A check-in or a hurt mark: saved when there is a record, and a failure is said, not raised."""
        if self.recorder is None:
            return
        from stretch_gui.core.record.store import HistoryError

        try:
            assert self._history is not None
            with self._history.waiting(WAIT_TO_SAVE):
                action(self.recorder)
        except HistoryError as exc:
            self._history_error(exc)

    def _checked_in_before(self, pain: int | None, note: str) -> None:
        if pain is not None or note:
            self._record(lambda recorder: recorder.check_in_before(rating=pain, note=note))

    def _checked_in_after(self, pain: int | None, note: str) -> None:
        if (pain is not None or note) and self.recorder is not None and self.recorder.session_id is not None:
            self._record(lambda recorder: recorder.check_in_after(rating=pain, note=note))

    def _offer_morning_check(self) -> None:
        """The day after a session: how is the back this morning? (ui.dialogs.morning)."""
        self.morning_check = None
        history = self.history_store()
        if history is not None:  # without one, the dialog's code (and sqlite3) is never loaded
            from stretch_gui.ui.dialogs.morning import offer_morning_check

            self.morning_check = offer_morning_check(
                self,
                history,
                load=self.catalogue.load,
                put_off_on=self.settings.morning_check_put_off,
                put_off=self._put_off_morning_check,
                ease=self._ease_today,
            )
        # The goals come after the morning check, never on top of it: one question at a time.
        if self.morning_check is not None:
            self.morning_check.finished.connect(lambda _result: self._offer_goals())
        else:
            self._offer_goals()

    def _put_off_morning_check(self, day: date) -> None:
        self.settings.morning_check_put_off = day

    def _ease_today(self, file: Path) -> None:
        """After a worse morning, the patient chose easier sessions of ``file`` for today."""
        days = self.settings.easier_days
        days.pop(str(file), None)  # newest last: the setting keeps the last few
        days[str(file)] = self.today()
        self.settings.easier_days = days
        self.refresh_routines(select=file)  # the start screen says so on that routine, ready to start

    def _full_routine_today(self, file: Path) -> None:
        """The patient takes the easier session back: ``file`` plays as written today."""
        days = self.settings.easier_days
        if days.pop(str(file), None) is not None:
            self.settings.easier_days = days
        self.refresh_routines(select=file)

    # -- the patient's own goals (PSFS) --------------------------------------------------

    def _goals_routine(self) -> Routine | None:
        """The routine whose file may switch the goals on: the one playing or last opened."""
        return self._current.routine if self._current is not None else self.catalogue.most_recent()

    def _offer_goals(self) -> None:
        """Once a week at start-up, when the goals are on (ui.dialogs.goals); never during a routine."""
        history = self.history_store()
        if history is None or self._start_screen is None or self.stack.currentWidget() is not self._start_screen:
            return
        from PySide6.QtWidgets import QMessageBox

        resume = self.findChild(QMessageBox, "resumeDialog")
        if resume is not None and resume.isVisible():
            return  # carrying on a routine comes first; the goals wait for the next start
        routine = self._goals_routine()
        from stretch_gui.ui.dialogs.goals import offer_goals

        prefilled = routine.patient_goals.activities if routine and routine.patient_goals else None
        self.goals_dialog = offer_goals(self, history, prefilled)

    def show_goals(self) -> None:
        """View › My goals…: the list and today's scores, whenever the patient wants."""
        history = self.history_store()
        if history is None:
            return
        from stretch_gui.ui.dialogs.goals import open_goals

        routine = self._goals_routine()
        prefilled = routine.patient_goals.activities if routine and routine.patient_goals else None
        self.goals_dialog = open_goals(self, history, prefilled)

    def _offer_resume(self) -> None:
        """After a crash: offer to carry on the routine that was cut short, where it was."""
        history = self.history_store()
        if history is None or history.read_only:  # nothing could be recorded, nor given up
            return
        from stretch_gui.core.record.resume import NotResumable, pending_resume
        from stretch_gui.core.record.store import HistoryError

        mark = self._owner_mark
        try:
            offer = pending_resume(history.unfinished_sessions(), self.catalogue.load, mark.is_live if mark else bool)
        except HistoryError:
            return
        if offer is None:
            return
        record = offer.record
        if isinstance(offer, NotResumable):
            self._record_abandoned(record)
            self.statusBar().showMessage(messages.resume_given_up(record.routine.title, offer.reason), 20000)
            return
        ask(
            self,
            "resumeDialog",
            messages.resume_offer(record.routine.title),
            [
                Choice(messages.RESUME, "accept", "resumeButton", "resume"),
                Choice(messages.NOT_NOW, "reject", "leaveButton", "leave"),
            ],
            default="resume",
            escape="leave",
            answered=lambda answer: self._resume(offer) if answer == "resume" else self._record_abandoned(record),
        )

    def _resume(self, offer: ResumeOffer) -> None:
        history = self.history_store()
        if history is None:
            return
        from stretch_gui.core.record.resume import carried_over
        from stretch_gui.core.record.store import HistoryError

        try:
            with history.waiting(WAIT_TO_SAVE):
                taken = history.take_over(offer.record.id, owner=offer.record.owner)
            carried = carried_over(history, offer.record)
        except HistoryError as exc:
            self._history_error(exc)
            return
        if not taken:  # another window carried it on while the question was up
            self.statusBar().showMessage(messages.resume_taken(offer.record.routine.title), 20000)
            return
        self.play(RoutineEntry(offer.routine, offer.path.resolve(), builtin=False), resume=offer.record, carried=carried)

    def _record_abandoned(self, record: SessionRecord) -> None:
        history = self.history_store()
        if history is None:
            return
        from stretch_gui.core.record.store import HistoryError

        try:
            with history.waiting(WAIT_TO_SAVE):
                history.mark_abandoned(record.id, owner=record.owner)
        except HistoryError as exc:
            self._history_error(exc)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen() and self.stack.currentWidget() is not self._player:
            self.toggle_full_screen()
            return
        super().keyPressEvent(event)
