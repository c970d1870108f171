"""SVG files from strangers, reduced to what draws a picture and nothing that reaches out.

A routine's SVG is written by someone else and opened on a patient's computer. Left
as it is, QtSvg 6.11 would read, for the file:

- ``<image href="../x.png">`` and ``href="/any/path.png"``: any picture on the disk
  (relative to the SVG's folder, or to the working directory when given bytes);
- ``<?xml-stylesheet href="/any/file.css"?>``: any file, read as CSS.

It ignores ``file://`` and ``http://`` addresses, external ``<use>`` targets and
XML entities, but this module does not rely on that: it rebuilds the document from
the parse events, keeping elements, attributes and text and dropping processing
instructions, comments and the DOCTYPE. An element whose ``href`` leads anywhere
but inside the document, an embedded PNG or JPEG (``data:``), or a PNG or JPEG
inside the routine's own folder, is dropped with everything in it. Files inside
the folder are rewritten to their full path, so where they resolve does not depend
on the working directory. A document that declares entities is refused outright.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from io import StringIO
from pathlib import Path, PurePosixPath

MAX_SVG_BYTES = 4_000_000  # an illustration with an embedded photo stays well under this
# QtSvg draws nothing below 32 nested elements (counting <svg> itself) and says so only
# as a log message, leaving a blank area: refused here so a placeholder shows instead.
MAX_DEPTH = 32
LOCAL_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg")
_EMBEDDED_PICTURE = re.compile(r"^data:image/(png|jpe?g)[;,]", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


# Not xml.sax.saxutils: it imports urllib.request, ~90 ms of start-up for two replace() calls.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


class UnsafeSvgError(ValueError):
    """The file cannot be shown; the message says why in plain words."""


def sanitise_svg(data: bytes, *, folder: Path | None) -> bytes:
    """The SVG in ``data`` with every outside reference removed, as UTF-8 bytes.

    ``folder`` is the only place local pictures may come from (the routine's
    folder); None allows none. Raises UnsafeSvgError for anything that is not a
    well-formed SVG document or that declares entities.
    """
    if len(data) > MAX_SVG_BYTES:
        raise UnsafeSvgError(f"the SVG file is too large ({len(data):,} bytes; the limit is {MAX_SVG_BYTES:,})")
    return _Rebuilder(folder.resolve() if folder else None).run(data)


def local_picture(href: str, folder: Path | None) -> Path | None:
    """The file ``href`` names when it is a PNG or JPEG inside ``folder``, else None."""
    if folder is None or not href or _SCHEME.match(href) or href.startswith(("/", "\\", "~")):
        return None
    if "\\" in href or ".." in PurePosixPath(href).parts or not href.lower().endswith(LOCAL_PICTURE_SUFFIXES):
        return None
    try:
        # resolve() follows links, so a link inside the folder that points out is refused too.
        full = (folder / href).resolve()
        return full if full.is_relative_to(folder) and full.is_file() else None
    except (OSError, RuntimeError):
        return None


class _Rebuilder:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.out = StringIO()
        self.depth = 0
        self.skipping = 0  # depth inside a dropped element; 0 when writing
        self.root_seen = False

    def run(self, data: bytes) -> bytes:
        parser = xml.parsers.expat.ParserCreate()  # no namespace processing: names stay as written
        parser.ordered_attributes = True
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        # Processing instructions, comments and the XML declaration have no handler: they are dropped.
        try:
            parser.Parse(data, True)
        except xml.parsers.expat.ExpatError as exc:
            raise UnsafeSvgError(f"the SVG file is damaged ({xml.parsers.expat.errors.messages.get(exc.code, exc)})") from None
        if not self.root_seen:
            raise UnsafeSvgError("the file has no SVG picture in it")
        return self.out.getvalue().encode("utf-8")

    def _doctype(self, name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        # A bare DOCTYPE (as some editors write) is harmless and left out; declarations are not.
        if has_internal_subset:
            raise UnsafeSvgError("the SVG file declares its own entities, which pictures never need")

    def _entity(self, *_args: object) -> None:
        raise UnsafeSvgError("the SVG file declares its own entities, which pictures never need")

    def _start(self, name: str, attributes: list[str]) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise UnsafeSvgError(f"the SVG file nests more than {MAX_DEPTH} levels deep")
        if not self.root_seen:
            self.root_seen = True
            if name.rpartition(":")[2] != "svg":
                raise UnsafeSvgError("the file is not an SVG picture")
        if self.skipping:
            self.skipping += 1
            return
        kept: list[tuple[str, str]] = []
        for key, value in zip(attributes[::2], attributes[1::2], strict=True):
            if key.rpartition(":")[2] == "href":
                allowed = self._allowed_href(value.strip())
                if allowed is None:
                    self.skipping = 1
                    return
                value = allowed
            kept.append((key, value))
        self.out.write(f"<{name}")
        for key, value in kept:
            self.out.write(f' {key}="{value.translate(_ATTRIBUTE_ESCAPES)}"')
        self.out.write(">")

    def _end(self, name: str) -> None:
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
            return
        self.out.write(f"</{name}>")

    def _text(self, text: str) -> None:
        if not self.skipping:
            self.out.write(text.translate(_TEXT_ESCAPES))

    def _allowed_href(self, href: str) -> str | None:
        if href.startswith("#") or _EMBEDDED_PICTURE.match(href):
            return href
        local = local_picture(href, self.folder)
        return str(local) if local else None
