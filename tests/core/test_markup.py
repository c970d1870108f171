"""Escaping for rich text: the same as html.escape, without loading html for plain lines."""

from __future__ import annotations

import html
import subprocess

import pytest

from stretch_gui.core.markup import escape


@pytest.mark.parametrize(
    "text",
    ["Breathe in 5 s", "", "Knees & hips", "a <b> tag", 'say "ah"', "it's fine", "5 > 3 & 2 < 4", "⚠ Stop"],
)
def test_escape_gives_what_html_escape_gives(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_markup_is_escaped_so_a_label_shows_it_as_typed() -> None:
    assert escape("<i>not italic</i> & so on") == "&lt;i&gt;not italic&lt;/i&gt; &amp; so on"


@pytest.mark.subprocess
def test_plain_lines_do_not_load_html(python: str, subprocess_env: dict[str, str]) -> None:
    code = (
        "import sys\n"
        "from stretch_gui.core.markup import escape\n"
        "escape('Breathe in 5 s, pause 1 s')\n"
        "print('html' in sys.modules)\n"
        "escape('Knees & hips')\n"
        "print('html' in sys.modules)\n"
    )
    result = subprocess.run([python, "-c", code], env=subprocess_env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
