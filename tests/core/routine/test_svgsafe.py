"""SVG files from routine folders are rebuilt without references that reach outside (no Qt)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from stretch_gui.core.routine.svgsafe import (
    MAX_SVG_BYTES,
    UnsafeSvgError,
    local_picture,
    sanitise_svg,
)

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 100 100" width="100" height="100">'
)
KEEP = '<rect id="keep" width="10" height="10" fill="green"/>'
PNG_BYTES = base64.b64decode(  # a 1 x 1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    routine = tmp_path / "routine"
    (routine / "pictures").mkdir(parents=True)
    (routine / "inside.png").write_bytes(PNG_BYTES)
    (routine / "pictures" / "deeper.jpg").write_bytes(PNG_BYTES)
    (routine / "drawing.svg").write_text("<svg/>")
    (tmp_path / "secret.png").write_bytes(PNG_BYTES)
    return routine


def clean(body: str, folder: Path | None) -> str:
    return sanitise_svg((HEAD + body + KEEP + "</svg>").encode(), folder=folder).decode()


@pytest.mark.parametrize(
    "element",
    [
        '<image width="9" height="9" href="../secret.png"/>',
        '<image width="9" height="9" xlink:href="../secret.png"/>',
        '<image width="9" height="9" xlink:href="file:///etc/passwd"/>',
        '<image width="9" height="9" href="FILE:///etc/passwd"/>',
        '<image width="9" height="9" href="/tmp/secret.png"/>',
        '<image width="9" height="9" href="~/secret.png"/>',
        '<image width="9" height="9" href="http://example.org/track.png"/>',
        '<image width="9" height="9" href="https://example.org/track.png"/>',
        '<image width="9" height="9" href="//example.org/track.png"/>',
        '<image width="9" height="9" href="pictures\\..\\..\\secret.png"/>',
        '<image width="9" height="9" href="drawing.svg"/>',  # inside, but an SVG QtSvg would not sanitise
        '<image width="9" height="9" href="missing.png"/>',
        '<image width="9" height="9" href="data:image/svg+xml;base64,PHN2Zy8+"/>',
        '<use href="other.svg#a"/>',
        '<g><a xlink:href="/etc/passwd"><rect width="9" height="9"/></a></g>',
    ],
)
def test_references_outside_the_document_are_dropped_with_their_element(element: str, folder: Path) -> None:
    result = clean(element, folder)
    assert "href" not in result
    assert "secret" not in result and "passwd" not in result and "example.org" not in result
    assert '<rect id="keep"' in result  # the rest of the picture is still there


def test_internal_links_embedded_pictures_and_pictures_in_the_folder_stay(folder: Path) -> None:
    embedded = "data:image/png;base64," + base64.b64encode(PNG_BYTES).decode()
    result = clean(
        '<linearGradient id="g"/><use xlink:href="#g"/>'
        f'<image width="9" height="9" href="{embedded}"/>'
        '<image width="9" height="9" href="inside.png"/>'
        '<image width="9" height="9" xlink:href="pictures/deeper.jpg"/>',
        folder,
    )
    assert 'xlink:href="#g"' in result
    assert f'href="{embedded}"' in result
    # Rewritten to the full path, so QtSvg finds them wherever the app was started from.
    assert f'href="{folder.resolve() / "inside.png"}"' in result
    assert f'xlink:href="{folder.resolve() / "pictures" / "deeper.jpg"}"' in result


def test_without_a_folder_no_file_is_allowed(folder: Path) -> None:
    assert "href" not in clean('<image width="9" height="9" href="inside.png"/>', None)


def test_a_link_inside_the_folder_that_points_out_is_refused(folder: Path) -> None:
    (folder / "sneaky.png").symlink_to(folder.parent / "secret.png")
    assert local_picture("sneaky.png", folder.resolve()) is None
    assert local_picture("inside.png", folder.resolve()) == folder.resolve() / "inside.png"


def test_processing_instructions_comments_and_a_bare_doctype_are_left_out(folder: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<?xml-stylesheet href="/etc/passwd" type="text/css"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        + HEAD + "<!-- made by hand --><style>.a { fill: red; }</style>" + KEEP + "</svg>"
    )
    result = sanitise_svg(text.encode(), folder=folder).decode()
    assert "passwd" not in result and "DOCTYPE" not in result and "<?" not in result and "made by hand" not in result
    assert "<style>.a { fill: red; }</style>" in result


def test_text_and_attributes_are_escaped_again(folder: Path) -> None:
    result = clean(
        '<text x="1" y="2" data-note="a &amp; &quot;b&quot; &lt;c&gt;">1 &lt; 2 &amp; <![CDATA[3 > 2]]></text>', folder
    )
    assert "1 &lt; 2 &amp; 3 &gt; 2" in result
    assert "<c>" not in result


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "damaged"),
        (b"hello, I am a text file", "damaged"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "damaged"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', "damaged"),
        (b"<html><body/></html>", "not an SVG"),
        (
            (
                b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
            ),
            "entities",
        ),
        (
            (
                b'<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
            ),
            "entities",
        ),
        (b'<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://example.org/x.dtd"> %p;]><svg/>', "entities"),
        (b"<svg>" + b"<g>" * 100 + b"</g>" * 100 + b"</svg>", "nests"),
        (b"<svg>" + b" " * MAX_SVG_BYTES + b"</svg>", "too large"),
    ],
)
def test_what_is_not_a_safe_svg_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnsafeSvgError, match=reason):
        sanitise_svg(data, folder=None)
