"""Contrast, computed from the theme's own colours: 4.5:1 for text, 3:1 for what must be seen (WCAG 1.4.3, 1.4.11)."""

from __future__ import annotations

import pytest

from stretch_gui.ui import theme
from stretch_gui.ui.theme import Theme

TEXT = 4.5
COMPONENT = 3.0


def luminance(hex_colour: str) -> float:
    red, green, blue = (int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pairs(t: Theme) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, needed) for every pairing the app paints."""
    return [
        ("text on the window", t.text, t.window, TEXT),
        ("text on a card or field", t.text, t.surface, TEXT),
        ("muted text and placeholders on the window", t.muted, t.window, TEXT),
        ("muted text and placeholders on a field", t.muted, t.surface, TEXT),
        ("accent text (side, cue) on the window", t.accent, t.window, TEXT),
        ("a primary button's label", t.accent_text, t.accent, TEXT),
        ("the stop button's label", t.danger, t.surface, TEXT),
        ("the red button's label", t.window, t.danger, TEXT),
        ("text on the breathing shape", t.text, t.breath, TEXT),
        ("the caption on the breathing shape", t.muted, t.breath, TEXT),
        ("the ring and bars' track", t.line, t.window, COMPONENT),
        ("the time-left arc", t.accent, t.window, COMPONENT),
        ("the breathing shape's outline", t.breath_edge, t.window, COMPONENT),
        ("a button's, field's or box's border", t.border, t.window, COMPONENT),
        ("a border on a card", t.border, t.surface, COMPONENT),
        ("the focus ring on the window", t.focus, t.window, COMPONENT),
        ("the focus ring on a field", t.focus, t.surface, COMPONENT),
        ("the focus ring around a primary button's fill", t.focus_on_fill, t.accent, COMPONENT),
        ("the focus ring around the red button", t.focus_on_fill, t.danger, COMPONENT),
        ("a chosen item's fill on a card", t.accent, t.surface, COMPONENT),
    ]


@pytest.mark.parametrize(
    "look",
    [theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST_LIGHT, theme.HIGH_CONTRAST_DARK],
    ids=["light", "dark", "high-contrast-light", "high-contrast-dark"],
)
def test_every_pairing_has_enough_contrast(look: Theme) -> None:
    weak = [
        f"{what}: {contrast(fore, back):.2f}:1 (needs {needed}:1)"
        for what, fore, back, needed in pairs(look)
        if contrast(fore, back) < needed
    ]
    assert not weak, "\n".join(weak)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_following_the_system_follows_its_high_contrast_preference(monkeypatch: pytest.MonkeyPatch) -> None:
    from stretch_gui.qt import desktop

    monkeypatch.setattr(desktop, "prefers_high_contrast", lambda: True)
    assert theme.resolve("system") in (theme.HIGH_CONTRAST_LIGHT, theme.HIGH_CONTRAST_DARK)
    assert theme.resolve("light") is theme.LIGHT  # a look the patient chose is kept
    monkeypatch.setattr(desktop, "prefers_high_contrast", lambda: False)
    assert theme.resolve("system") in (theme.LIGHT, theme.DARK)
