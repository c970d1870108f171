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



@pytest.mark.subprocess
@pytest.mark.parametrize(
    ("make", "set_style_calls"),
    [
        ("application.make_application()", 0),  # the real app: named on its command line, not set again
        ("QApplication([])", 1),  # a script's or a test's application: the theme sets it
    ],
)
def test_the_app_shows_in_its_own_style_whatever_the_desktop_asks(
    make: str, set_style_calls: int, python: str, subprocess_env: dict[str, str]
) -> None:
    import subprocess

    code = f"""
from PySide6.QtWidgets import QApplication
from stretch_gui.ui import application, theme
application = {make}
set_style = QApplication.setStyle
calls = []
QApplication.setStyle = staticmethod(lambda style: calls.append(style) or set_style(style))
theme.apply(application, "light", "normal")
theme.apply(application, "dark", "large")
application.setStyleSheet("")  # under a style sheet, style() is the sheet's own; the style beneath is back
print(application.style().name(), len(calls))
"""
    env = {**subprocess_env, "QT_STYLE_OVERRIDE": "Windows"}  # a desktop that asks for another style
    result = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fusion", str(set_style_calls)]
