"""Pictures checked as the app will open them: validate warns about one that would not show."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from stretch_gui.core.routine.loader import check_routine_file, load_routine_text
from stretch_gui.core.routine.picturecheck import MAX_IMAGE_PIXELS, picture_problem
from stretch_gui.core.routine.problems import RoutineError
from tests.support.routines import PNG_1X1


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def nested_svg(levels: int) -> bytes:
    inner = '<rect width="10" height="10"/>'
    body = "<g>" * (levels - 2) + inner + "</g>" * (levels - 2)
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{body}</svg>'.encode()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("knee.png", png_header(9000, 9000), "knee.png is 9000x9000 pixels; the app shows pictures up to 4096x4096"),
        ("knee.jpg", jpeg_header(8000, 5000), "knee.jpg is 8000x5000 pixels"),
        ("knee.png", b"GIF89a" + struct.pack("<HH", 5000, 5000) + b"\x00" * 20, "5000x5000 pixels"),
        ("knee.png", b"this is a text file\n", "knee.png is not a PNG or JPEG picture"),
        ("knee.png", b"", "knee.png is empty"),
        ("knee.png", png_header(0, 10), "damaged"),
        ("knee.svg", nested_svg(33), "nests more than 32 levels"),
        ("knee.svg", b"<svg", "damaged"),
        ("knee.svg", b"<html></html>", "not an SVG picture"),
    ],
)
def test_a_picture_the_app_would_refuse_says_why(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problem = picture_problem(path)
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ok.png", PNG_1X1),
        ("ok.png", png_header(4096, 4096)),
        ("wide.png", png_header(8192, 2048)),  # the limit is on pixels, as in the app
        ("ok.jpg", jpeg_header(640, 480)),
        ("ok.svg", nested_svg(32)),  # QtSvg draws 32 levels (see test_pictures in tests/qt)
    ],
)
def test_a_picture_the_app_shows_passes(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert picture_problem(path) is None
    assert MAX_IMAGE_PIXELS == 4096 * 4096


def test_a_pipe_is_not_a_picture(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "knee.png")
    assert "not a picture file" in (picture_problem(tmp_path / "knee.png") or "")


def test_validate_warns_with_the_line_of_the_picture(write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(
        "format: 1\ntitle: T\nsteps:\n  - exercise:\n      title: Knee hug\n      instructions: Hug it.\n"
        "      image: knee.png\n    hold: 30s\n"
    )
    (path.parent / "knee.png").write_bytes(png_header(9000, 9000))
    routine, problems = check_routine_file(path)
    assert routine is not None
    [warning] = problems
    assert warning.warning and (warning.line, warning.col) == (7, 14)
    assert str(warning).endswith("warning: knee.png is 9000x9000 pixels; the app shows pictures up to 4096x4096; "
                                 "a placeholder will show instead")


def test_unknown_exercise_ids_are_reported_with_the_other_problems() -> None:
    text = "format: 1\ntitle: T\nsteps:\n  - exercise: childs-poze\n  - exercise: cat-cow\n    reps: 0\n"
    with pytest.raises(RoutineError) as info:
        load_routine_text(text, source="r.yaml")
    found = [(p.line, p.col, p.message.split(";")[0]) for p in info.value.problems]
    assert found == [(4, 15, "unknown exercise 'childs-poze'"), (6, 11, "reps must be at least 1, not 0")]
