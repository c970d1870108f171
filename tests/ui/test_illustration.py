"""The exercise picture: routine files shown safely, and two pictures cross-fading with the breath.

Pictures are made by the tests (solid colours, so a pixel says which picture shows).
Broken files must show the placeholder with their name and log nothing: any Qt
warning fails a test here (qt_log_level_fail = WARNING), so the absence of
decoder and QtSvg warnings is checked by every test without saying so.
"""


from __future__ import annotations

import resource
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from stretch_gui.core.routine.model import DEFAULT_BREATHING
from stretch_gui.core.routine.plan import SegmentKind
from stretch_gui.core.session.breathing import breath_at
from stretch_gui.core.session.clock import FakeClock
from stretch_gui.qt import pictures as pictures_module
from stretch_gui.qt.settings import AppSettings
from stretch_gui.ui import theme
from stretch_gui.ui.parts import illustration as illustration_module
from stretch_gui.ui.parts.illustration import BLEND_STEPS, Illustration
from tests.support.window import MakeWindow, WriteRoutine, press, step

RED, BLUE, GREEN = QColor(255, 0, 0), QColor(0, 0, 255), QColor(0, 160, 0)
Key = Qt.Key


# -- making pictures --------------------------------------------------------------------------


def solid(path: Path, color: QColor, size: tuple[int, int] = (80, 60), fmt: str | None = None) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(color)
    assert image.save(str(path), fmt)
    return path


def halves(path: Path, left: QColor, right: QColor) -> Path:
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(right)
    painter = QPainter(image)
    painter.fillRect(0, 0, 40, 60, left)
    painter.end()
    assert image.save(str(path))
    return path


def noisy_jpeg(path: Path) -> Path:
    """A JPEG with real detail, so cutting it in half cuts into its image data."""
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    for y in range(240):
        for x in range(320):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 13) % 256, (x * y) % 256))
    assert image.save(str(path), "JPEG", 95)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(path: Path, side: int = 60_000) -> Path:
    """A few dozen bytes that claim to be a side × side RGBA picture (14 GB decoded)."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""))
    return path


def cut_in_half(path: Path) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


# -- looking at the widget ----------------------------------------------------------------------


@pytest.fixture
def picture_widget(qtbot: QtBot) -> Illustration:
    widget = Illustration()
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def colour_at(widget: QWidget, x: float = 0.5, y: float = 0.5) -> QColor:
    return grab(widget).pixelColor(int(widget.width() * x), int(widget.height() * y))


def close_to(actual: QColor, expected: QColor, tolerance: int = 12) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual.getRgb()[:3], expected.getRgb()[:3], strict=True))


def count_pixels(image: QImage, wanted: QColor, tolerance: int = 40) -> int:
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if close_to(image.pixelColor(x, y), wanted, tolerance):
                found += 1
    return found


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the pictures drawn into a fresh pixmap (an SVG parse or a raster rescale each)."""
    done: list[str] = []
    original = pictures_module.Picture.render

    def counting(self: pictures_module.Picture, *args: object) -> object:
        done.append(self.path.name)
        return original(self, *args)

    monkeypatch.setattr(pictures_module.Picture, "render", counting)
    return done


# -- 1. routine pictures that show ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["png", "jpg", "jpeg", "svg"])
def test_a_picture_next_to_the_routine_shows(picture_widget: Illustration, tmp_path: Path, suffix: str) -> None:
    if suffix == "svg":
        path = tmp_path / "pose.svg"
        path.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30" width="40" height="30">'
            '<rect width="40" height="30" fill="#0000ff"/></svg>'
        )
    else:
        path = solid(tmp_path / f"pose.{suffix}", BLUE)
    picture_widget.show_picture(path, mirrored=False, description="Pose")
    assert not picture_widget.showing_placeholder and picture_widget.placeholder_name == ""
    assert picture_widget.current_path == path
    assert close_to(colour_at(picture_widget), BLUE)
    assert picture_widget.accessibleDescription() == "Pose"


def test_custom_pictures_show_in_the_player(
    make_window: MakeWindow, write_routine: WriteRoutine, tmp_path: Path, qtbot: QtBot
) -> None:
    (tmp_path / "pictures").mkdir()
    solid(tmp_path / "pictures" / "wall.png", GREEN)
    noisy_jpeg(tmp_path / "broken.jpg")
    cut_in_half(tmp_path / "broken.jpg")
    window = make_window(
        write_routine(
            """\
            format: 1
            title: Own pictures
            steps:
              - exercise:
                  title: Wall lean
                  instructions: Lean on the wall.
                  image: pictures/wall.png
                hold: 20s
                prepare: 0s
              - exercise:
                  title: Floor
                  instructions: Lie down.
                  image: broken.jpg
                hold: 20s
                prepare: 0s
            """
        )
    )
    shown = window.findChild(Illustration, "illustration")
    assert shown is window.player.illustration and shown.isVisible()
    assert shown.current_path == tmp_path / "pictures" / "wall.png"
    assert not shown.showing_placeholder
    assert close_to(colour_at(shown), GREEN)
    press(qtbot, Key.Key_Right)
    assert shown.showing_placeholder and shown.placeholder_name == "broken.jpg"
    assert shown.accessibleDescription().startswith("Picture not available: broken.jpg: ")  # and why


# -- 2. files that cannot be shown ---------------------------------------------------------------

def write(path: Path, content: bytes | str) -> Path:
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


XXE = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><text>&x;</text></svg>'
)

BROKEN: dict[str, Callable[[Path], Path]] = {
    "missing": lambda d: d / "missing.png",
    "truncated PNG": lambda d: cut_in_half(solid(d / "half.png", BLUE, (300, 200))),
    "PNG cut inside its header": lambda d: write(d / "head.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIH"),
    "truncated JPEG": lambda d: cut_in_half(noisy_jpeg(d / "half.jpg")),
    "JPEG cut inside its header": lambda d: write(d / "head.jpg", noisy_jpeg(d / "full.jpg").read_bytes()[:30]),
    "text named .png": lambda d: write(d / "notes.png", "these are my notes, not a picture\n"),
    "empty PNG": lambda d: write(d / "empty.png", b""),
    "empty JPEG": lambda d: write(d / "empty.jpeg", b""),
    "empty SVG": lambda d: write(d / "empty.svg", b""),
    "a folder named .png": lambda d: folder(d / "folder.png"),
    "PNG claiming 60000 x 60000": lambda d: huge_png(d / "huge.png"),
    "malformed SVG": lambda d: write(d / "bad.svg", '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'),
    "text named .svg": lambda d: write(d / "notes.svg", "just words"),
    "HTML named .svg": lambda d: write(d / "page.svg", "<html><body>hi</body></html>"),
    "SVG with an external entity": lambda d: write(d / "xxe.svg", XXE),
    "SVG with nothing to draw": lambda d: write(d / "nothing.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>'),
}


@pytest.mark.parametrize("make", BROKEN.values(), ids=BROKEN.keys())
def test_a_file_that_cannot_be_shown_gives_the_placeholder_with_its_name(
    picture_widget: Illustration, tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    background = theme.current().color("window")
    picture_widget.show_picture(path, mirrored=False, description="Pose")
    assert picture_widget.showing_placeholder
    assert picture_widget.placeholder_name == path.name
    assert picture_widget.accessibleDescription().startswith(f"Picture not available: {path.name}")
    image = grab(picture_widget)  # painting it must not fail either
    drawn = image.width() * image.height() // 4 - count_pixels(image, background, tolerance=4)
    assert drawn > 50  # the dashed frame and the words, not an empty box


def test_the_huge_png_is_refused_from_its_header_without_allocating(picture_widget: Illustration, tmp_path: Path) -> None:
    path = huge_png(tmp_path / "huge.png")
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    picture_widget.show_picture(path, mirrored=False, description="Pose")
    grab(picture_widget)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert picture_widget.placeholder_name == "huge.png"
    assert grown < 8 * 1024, f"peak memory grew by {grown} KiB"


def test_a_big_but_allowed_picture_is_kept_scaled_down(picture_widget: Illustration, tmp_path: Path) -> None:
    path = solid(tmp_path / "photo.png", GREEN, (3000, 1000))
    picture_widget.show_picture(path, mirrored=False, description="Photo")
    assert not picture_widget.showing_placeholder
    kept = picture_widget._pictures[path].image
    assert kept is not None and kept.width() == pictures_module.MAX_IMAGE_SIDE
    assert close_to(colour_at(picture_widget), GREEN)


# -- 3. SVG files that reach outside their folder -------------------------------------------------


@pytest.fixture
def routine_folder(tmp_path: Path) -> Path:
    """A routine folder with a blue picture inside it; red pictures and red CSS outside it."""
    folder = tmp_path / "routine"
    folder.mkdir()
    solid(folder / "inside.png", BLUE)
    solid(tmp_path / "secret.png", RED)
    (tmp_path / "red.css").write_text("rect { fill: #ff0000; }")
    return folder


def svg_with(folder: Path, body: str, *, before: str = "") -> Path:
    """A full-canvas reference under test, and a green square in a corner to show the rest still draws."""
    path = folder / "pose.svg"
    path.write_text(
        before
        + '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 100 100" width="100" height="100">'
        + body
        + '<circle cx="10" cy="10" r="8" fill="#00a000"/></svg>'
    )
    return path


OUTSIDE = {
    "relative ../": lambda f: svg_with(f, '<image width="100" height="100" href="../secret.png"/>'),
    "xlink:href ../": lambda f: svg_with(f, '<image width="100" height="100" xlink:href="../secret.png"/>'),
    "absolute path": lambda f: svg_with(f, f'<image width="100" height="100" href="{f.parent / "secret.png"}"/>'),
    "file:// URL": lambda f: svg_with(f, f'<image width="100" height="100" xlink:href="file://{f.parent / "secret.png"}"/>'),
    "http URL": lambda f: svg_with(f, '<image width="100" height="100" href="http://127.0.0.1:9/secret.png"/>'),
    "stylesheet instruction": lambda f: svg_with(
        f,
        '<rect width="100" height="100" fill="none"/>',
        before=f'<?xml-stylesheet href="{f.parent / "red.css"}" type="text/css"?>',
    ),
}


@pytest.mark.parametrize("make", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_an_svg_draws_without_what_lies_outside_its_folder(
    picture_widget: Illustration, routine_folder: Path, make: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(routine_folder)  # so '../secret.png' would be found from here too
    picture_widget.show_picture(make(routine_folder), mirrored=False, description="Pose")
    assert not picture_widget.showing_placeholder
    image = grab(picture_widget)
    assert count_pixels(image, RED) == 0, "something from outside the routine's folder was drawn"
    assert count_pixels(image, GREEN) > 20  # the picture's own drawing is there


def test_an_svg_may_use_a_picture_inside_its_folder(
    picture_widget: Illustration, routine_folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The control for the test above: the same pixel check does see a referenced picture that is drawn."""
    monkeypatch.chdir(tmp_path)  # the working directory is not the routine's folder
    path = svg_with(routine_folder, '<image width="100" height="100" href="inside.png"/>')
    picture_widget.show_picture(path, mirrored=False, description="Pose")
    assert close_to(colour_at(picture_widget), BLUE)


def test_without_the_sanitiser_qtsvg_would_draw_the_outside_picture(routine_folder: Path) -> None:
    """Why the sanitiser exists: QtSvg itself follows '../' and absolute paths from a file."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_with(routine_folder, '<image width="100" height="100" href="../secret.png"/>')))
    image = QImage(100, 100, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert close_to(image.pixelColor(50, 50), RED)


# -- 4. two pictures that move with the breath ------------------------------------------------------

MOVING = """\
format: 1
title: Moving
steps:
  - exercise:
      title: Rock
      instructions: Rock gently with the breath.
      image: in.png
      image_exhale: out.png
    reps: 4
    prepare: 0s
"""


@pytest.fixture
def moving_routine(write_routine: WriteRoutine, tmp_path: Path) -> Path:
    solid(tmp_path / "in.png", RED)
    solid(tmp_path / "out.png", BLUE)
    return write_routine(MOVING)


def expected_mix(weight: float) -> QColor:
    return QColor(round(255 * weight), 0, round(255 * (1 - weight)))


def test_the_two_pictures_cross_fade_with_the_breath(
    make_window: MakeWindow, moving_routine: Path, clock: FakeClock, qtbot: QtBot, renders: list[str]
) -> None:
    window = make_window(moving_routine)
    shown = window.findChild(Illustration, "illustration")
    pacer = window.player.countdown
    assert shown is not None
    assert window.player.driver.session.segment.kind is SegmentKind.REPS
    assert shown.blend_weight == 0.0 and shown.current_path.name == "out.png"  # a rep starts breathed out
    press(qtbot, Key.Key_Space)
    QApplication.processEvents()  # the pain check-in leaves with the start: the picture gets its room, once
    settled = len(renders)

    seen: list[tuple[float, float]] = []
    elapsed = 0.0
    for moment, expected in [(1.0, None), (2.5, 0.5), (4.0, None), (5.0, 1.0), (5.5, 1.0), (7.5, 0.5), (9.0, 0.0)]:
        step(clock, window, moment - elapsed)
        elapsed = moment
        weight = shown.blend_weight
        seen.append((pacer.fill, weight))
        if expected is not None:
            assert weight == expected, f"at {moment} s"
        assert weight * BLEND_STEPS == int(weight * BLEND_STEPS)  # whole steps only
        assert close_to(colour_at(shown), expected_mix(weight), tolerance=6), f"at {moment} s"
        assert shown.current_path.name == ("in.png" if weight >= 0.5 else "out.png")
    inhale = seen[:4]
    # Through the in-breath the picture moves the way the pacer does, and further the fuller it is.
    assert [w for _, w in inhale] == sorted(w for _, w in inhale) and len({w for _, w in inhale}) == 4
    assert [f for f, _ in inhale] == sorted(f for f, _ in inhale)
    assert 0 < seen[0][1] < seen[0][0] < 0.5  # early in the breath: less of the in-breath picture than the fill
    assert 0.5 < seen[2][0] < seen[2][1] < 1  # late in the breath: more
    playing = renders[settled:]
    assert sorted(set(renders)) == ["in.png", "out.png"] and len(playing) == len(set(playing))  # each drawn once, then mixed


def test_ticks_repaint_only_when_the_blend_moves_a_step(
    make_window: MakeWindow, moving_routine: Path, clock: FakeClock, qtbot: QtBot, renders: list[str]
) -> None:
    window = make_window(moving_routine)
    shown = window.player.illustration
    press(qtbot, Key.Key_Space)
    QApplication.processEvents()  # the pain check-in hides on start, so the picture grows once
    drawn_before = len(renders)
    counter = PaintCounter(shown)
    changes, ticks, last = 0, 0, shown.blend_weight
    for _ in range(int(DEFAULT_BREATHING.cycle * 25)):  # one breath at 25 frames a second
        step(clock, window, 0.04)
        QApplication.processEvents()
        ticks += 1
        changes += shown.blend_weight != last
        last = shown.blend_weight
    assert changes > 40  # it did move, in many small steps
    assert counter.paints <= changes + 1  # the other ticks painted nothing
    assert counter.paints < ticks * 0.6
    during = renders[drawn_before:]
    assert len(during) == len(set(during)) <= 2  # each frame drawn at most once: no SVG parse or rescale per tick


def test_reduced_motion_shows_the_nearer_picture_whole(
    make_window: MakeWindow, moving_routine: Path, clock: FakeClock, qtbot: QtBot, settings: AppSettings
) -> None:
    settings.reduced_motion = True
    window = make_window(moving_routine)
    shown = window.player.illustration
    press(qtbot, Key.Key_Space)
    seen = []
    for _ in range(45):  # one breath, every 0.2 s as the reduced-motion driver ticks
        step(clock, window, 0.2)
        seen.append(shown.blend_weight)
        assert close_to(colour_at(shown), RED if shown.blend_weight else BLUE)
    assert set(seen) == {0.0, 1.0}
    fill = breath_at(DEFAULT_BREATHING, 2.0).fill
    assert fill < 0.5 and seen[9] == 0.0  # 2 s in: the breath is not half in yet


def test_one_broken_picture_stops_the_blend_but_not_the_other_picture(
    make_window: MakeWindow, write_routine: WriteRoutine, tmp_path: Path, clock: FakeClock, qtbot: QtBot
) -> None:
    solid(tmp_path / "in.png", RED)
    (tmp_path / "out.png").write_text("not a picture")
    window = make_window(write_routine(MOVING))
    shown = window.player.illustration
    press(qtbot, Key.Key_Space)
    step(clock, window, 2.0)
    assert shown.blend_weight == 0.0 and shown.placeholder_name == "out.png"
    step(clock, window, 1.5)
    assert shown.blend_weight == 1.0 and not shown.showing_placeholder
    assert close_to(colour_at(shown), RED)


# -- 5. drawing: mirrored, resized, re-themed ------------------------------------------------------------


@pytest.mark.parametrize("mirrored", [False, True])
def test_a_blend_is_mirrored_for_the_right_side(picture_widget: Illustration, tmp_path: Path, mirrored: bool) -> None:
    first = halves(tmp_path / "first.png", RED, BLUE)
    second = halves(tmp_path / "second.png", RED, GREEN)
    picture_widget.show_picture(first, mirrored=mirrored, description="Pose", other=second, weight=0.5)
    assert picture_widget.blend_weight == 0.5
    left, right = colour_at(picture_widget, 0.3), colour_at(picture_widget, 0.7)
    mixed = QColor(0, 80, 128)  # half blue, half green
    assert (close_to(left, RED), close_to(right, mixed)) == (not mirrored, not mirrored)
    assert (close_to(left, mixed), close_to(right, RED)) == (mirrored, mirrored)


def test_pictures_are_drawn_again_only_for_a_new_size_or_theme(
    picture_widget: Illustration, tmp_path: Path, renders: list[str], qapp: QApplication, restore_theme: None
) -> None:
    path = tmp_path / "pose.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><rect width="4" height="3" fill="blue"/></svg>')
    picture_widget.show_picture(path, mirrored=False, description="Pose")
    grab(picture_widget)
    grab(picture_widget)
    assert renders == ["pose.svg"]
    picture_widget.resize(400, 300)
    grab(picture_widget)
    assert len(renders) == 2
    theme.apply(qapp, "dark" if not theme.current().is_dark else "light", "normal")
    grab(picture_widget)
    assert len(renders) == 3
    assert close_to(colour_at(picture_widget), BLUE)


def test_many_pictures_do_not_pile_up(picture_widget: Illustration, tmp_path: Path) -> None:
    for number in range(illustration_module.PICTURES_KEPT + 5):
        picture_widget.show_picture(solid(tmp_path / f"p{number}.png", GREEN), mirrored=False, description="Pose")
        grab(picture_widget)
    assert len(picture_widget._pictures) == illustration_module.PICTURES_KEPT
    assert {key[0] for key in picture_widget._rendered} <= set(picture_widget._pictures)


def test_a_blending_picture_animates_even_with_the_breathing_guide_hidden(
    make_window: MakeWindow, moving_routine: Path, clock: FakeClock, qtbot: QtBot, settings: AppSettings
) -> None:
    from stretch_gui.qt.driver import ANIMATION_INTERVAL_MS

    settings.show_pacer = False
    window = make_window(moving_routine)
    press(qtbot, Key.Key_Space)
    driver = window.player.driver
    while driver.session.segment.kind is not SegmentKind.REPS:
        driver.next()
    assert driver.timer.interval() == ANIMATION_INTERVAL_MS  # smooth, not the 5-a-second label rate
    settings.reduced_motion = True
    window.player.apply_settings()
    assert driver.timer.interval() != ANIMATION_INTERVAL_MS
