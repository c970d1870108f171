"""Where the window opens: where it was left, if that still fits the screen."""

from __future__ import annotations

import pytest

from stretch_gui.core.placement import Placement, Rect, opening_placement

LAPTOP = Rect(0, 0, 1366, 740)  # 1366x768 less a 28 px panel
MONITOR = Rect(0, 0, 1920, 1050)


def test_first_launch_on_a_small_laptop_opens_maximized() -> None:
    placement = opening_placement(None, LAPTOP)
    assert placement.maximized
    assert LAPTOP.contains(placement.frame)


def test_first_launch_on_a_large_screen_opens_at_the_usual_size_centred() -> None:
    placement = opening_placement(None, MONITOR)
    assert (placement.frame.width, placement.frame.height, placement.maximized) == (1200, 800, False)
    assert placement.frame.x == (1920 - 1200) // 2


def test_a_saved_place_that_fits_is_kept_maximized_or_not() -> None:
    saved = Placement(Rect(50, 40, 1000, 650), maximized=True)
    assert opening_placement(saved, LAPTOP) == saved


def test_a_place_saved_on_a_monitor_is_not_used_on_the_laptop() -> None:
    saved = Placement(Rect(300, 100, 1500, 900), maximized=False)
    placement = opening_placement(saved, LAPTOP)
    assert LAPTOP.contains(placement.frame) and placement.maximized


@pytest.mark.parametrize(
    "text", ["", "1 2 3", "a b c d normal", "0 0 1200 800 sideways", "0 0 10 10 normal", "0 0 1200 800 normal extra"]
)
def test_damaged_text_is_no_placement(text: str) -> None:
    assert Placement.from_text(text) is None


def test_a_placement_reads_back_what_it_wrote() -> None:
    placement = Placement(Rect(-10, 20, 1024, 700), maximized=False)
    assert Placement.from_text(placement.text()) == placement
