"""The app's front door: what run() asks of the desktop, and when."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from stretch_gui.qt.settings import AppSettings


def test_the_app_follows_the_desktops_reduced_motion_once_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stretch_gui.qt import desktop
    from stretch_gui.ui import app

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(desktop, "prefers_reduced_motion", lambda: None)
    app.follow_desktop_motion(settings)
    assert settings.reduced_motion is False  # no answer: the app's own default
    monkeypatch.setattr(desktop, "prefers_reduced_motion", lambda: True)
    app.follow_desktop_motion(settings)
    assert settings.reduced_motion is True
