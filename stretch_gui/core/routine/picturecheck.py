"""Pictures checked the way the app will open them, without Qt.

``stretch-gui validate`` must say that a picture will not show before a patient
meets a placeholder. The limits here are the app's own (qt/pictures.py imports
them): a PNG, JPEG or GIF is judged from its header, an SVG by the same cleaning
the app gives it (svgsafe), so "ok" from validate means the app can draw it.
"""

from __future__ import annotations

import stat
import struct
from pathlib import Path
from typing import BinaryIO

from stretch_gui.core.routine.svgsafe import MAX_SVG_BYTES, UnsafeSvgError, sanitise_svg

MAX_IMAGE_PIXELS = 4096 * 4096  # checked from the file's header, before any pixel is decoded
MAX_IMAGE_SIDE = 2048  # larger pictures are kept scaled down: no screen shows them bigger
MAX_IMAGE_BYTES = 32_000_000
_LIMIT_WORDS = "4096x4096"

_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers, which carry the picture's size (not DHT C4, JPG C8, DAC CC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def picture_problem(path: Path) -> str | None:
    """Why the app would show a placeholder instead of the picture at ``path``, or None.

    The reason names the file and says what to do, e.g. "knee.png is 9000x9000
    pixels; the app shows pictures up to 4096x4096".
    """
    name = path.name
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return f"{name} is not a picture file (it is a folder, a pipe or a device)"
        if info.st_size == 0:
            return f"{name} is empty; save the picture again"
        if path.suffix.lower() == ".svg":
            return _svg_problem(path, info.st_size)
        if info.st_size > MAX_IMAGE_BYTES:
            return f"{name} is too large ({info.st_size:,} bytes); the app shows pictures up to {MAX_IMAGE_BYTES:,} bytes"
        with path.open("rb") as handle:
            size = raster_size(handle)
    except OSError as exc:
        return f"{name} cannot be opened: {exc.strerror or exc}"
    if size is None:
        return f"{name} is not a PNG or JPEG picture (or it is damaged); save it again as PNG or JPEG"
    width, height = size
    if width == 0 or height == 0:
        return f"{name} is damaged (it says it is {width}x{height} pixels); save it again"
    if width * height > MAX_IMAGE_PIXELS:
        return f"{name} is {width}x{height} pixels; the app shows pictures up to {_LIMIT_WORDS}"
    return None


def _svg_problem(path: Path, size: int) -> str | None:
    if size > MAX_SVG_BYTES:
        return f"{path.name} is too large ({size:,} bytes); the app shows SVG files up to {MAX_SVG_BYTES:,} bytes"
    with path.open("rb") as handle:
        raw = handle.read(MAX_SVG_BYTES + 1)
    try:
        sanitise_svg(raw, folder=path.parent)
    except UnsafeSvgError as exc:
        return f"{path.name}: {exc}"
    return None


def raster_size(handle: BinaryIO) -> tuple[int, int] | None:
    """(width, height) from a PNG, JPEG or GIF header, judged by content not name; None if it is none of them."""
    head = handle.read(32)
    if head.startswith(_PNG) and head[12:16] == b"IHDR" and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return int(width), int(height)
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return int(width), int(height)
    if head[:2] == b"\xff\xd8":
        return _jpeg_size(handle, 2)
    return None


def _jpeg_size(handle: BinaryIO, offset: int) -> tuple[int, int] | None:
    for _ in range(1000):  # markers before the frame: a real file has a few dozen at most
        handle.seek(offset)
        marker = handle.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        if marker[1] == 0xFF:  # fill byte
            offset += 1
            continue
        if marker[1] in (0xD8, 0x01) or 0xD0 <= marker[1] <= 0xD7:
            offset += 2
            continue
        length_bytes = handle.read(2)
        if len(length_bytes) < 2:
            return None
        (length,) = struct.unpack(">H", length_bytes)
        if marker[1] in _SOF:
            frame = handle.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return int(width), int(height)
        if length < 2 or marker[1] == 0xD9:
            return None
        offset += 2 + length
    return None
