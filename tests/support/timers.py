"""What the leaked-timer guard records: every QTimer started and every single shot asked for."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class _Started:
    where: str
    timer: Any = None  # a QTimer started with start()
    fired: bool = False  # for a single shot: has its callback run?
    context: Any = None  # for a single shot: the QObject whose deletion cancels it
    bound_to: Any = None  # for a single shot: the QObject a bound-method callback belongs to
    msec: int = 0


def _caller() -> str:
    """The first frame outside this file and outside Qt's own Python: where the timer was asked for."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        if frame.filename != __file__:
            return f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})"
    return "unknown"


class TimerWatch:
    """Records every QTimer started and every single shot asked for while a test runs."""

    def __init__(self) -> None:
        self.started: list[_Started] = []
        self.windows: list[Any] = []  # the windows a test opened; make_window fills it

    def append(self, window: Any) -> None:
        self.windows.append(window)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtCore import QObject, QTimer

        original_start = QTimer.start
        original_single_shot = QTimer.singleShot
        watch = self

        def recording_start(timer: QTimer, *args: object) -> None:
            watch.started.append(_Started(where=_caller(), timer=timer))
            original_start(timer, *args)

        def recording_single_shot(*args: Any) -> None:
            record = _Started(where=_caller(), msec=int(args[0]) if args and isinstance(args[0], int) else 0)
            args_list = list(args)
            for position in range(len(args_list) - 1, 0, -1):
                callback = args_list[position]
                if callable(callback) and not isinstance(callback, QObject):
                    bound = getattr(callback, "__self__", None)
                    record.bound_to = bound if isinstance(bound, QObject) else None

                    def firing(*inner: Any, _callback: Any = callback, _record: _Started = record) -> Any:
                        _record.fired = True
                        return _callback(*inner)

                    args_list[position] = firing
                    break
            else:
                record.fired = True  # a SLOT() string: nothing to follow
            record.context = next((a for a in args_list[1:-1] if isinstance(a, QObject)), None)
            watch.started.append(record)
            original_single_shot(*args_list)

        monkeypatch.setattr(QTimer, "start", recording_start)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(recording_single_shot))

    def dangling(self) -> list[str]:
        import shiboken6
        from PySide6.QtCore import QTimer

        def alive(obj: Any) -> bool:
            return obj is None or shiboken6.isValid(obj)

        found: dict[int, str] = {}
        for window in self.windows:
            if shiboken6.isValid(window):
                for timer in window.findChildren(QTimer):
                    if timer.isActive():
                        found[id(timer)] = f"{timer.objectName() or 'QTimer'} under {type(window).__name__}"
        for record in self.started:
            if record.timer is not None:
                if shiboken6.isValid(record.timer) and record.timer.isActive():
                    found[id(record.timer)] = (
                        f"{record.timer.objectName() or 'QTimer'} every {record.timer.interval()} ms, started at {record.where}"
                    )
            elif (not record.fired and record.context is not None and shiboken6.isValid(record.context)) or (
                not record.fired and record.context is None and alive(record.bound_to)
            ):
                found[id(record)] = f"single shot of {record.msec} ms, asked for at {record.where}"
        return list(found.values())

    def stop_all(self) -> None:
        import shiboken6

        for record in self.started:
            if record.timer is not None and shiboken6.isValid(record.timer):
                record.timer.stop()
