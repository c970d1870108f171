"""The app's pictures refuse what validate warns about, and the placeholder says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretch_gui.core.routine.picturecheck import picture_problem


@pytest.mark.qt_log_ignore("Too many nested nodes")  # QtSvg says so when it stops drawing: the evidence here
@pytest.mark.parametrize(("levels", "drawn"), [(32, True), (33, False)])
def test_svg_depth_limit_matches_what_qtsvg_draws(qapp, tmp_path: Path, levels: int, drawn: bool) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from stretch_gui.qt.pictures import Picture

    body = "<g>" * (levels - 2) + '<rect width="10" height="10" fill="red"/>' + "</g>" * (levels - 2)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{body}</svg>'
    path = tmp_path / "deep.svg"
    path.write_text(svg, encoding="utf-8")
    # What QtSvg itself draws, trusted or not: the limit must be the same.
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, 10, 10))
    painter.end()
    assert (image.pixelColor(5, 5).red() == 255) is drawn
    picture = Picture(path)
    assert picture.ok is drawn
    assert (picture_problem(path) is None) is drawn
    if not drawn:
        assert "nests more than 32 levels" in picture.placeholder_text


def test_placeholder_gives_the_same_reason_as_validate(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from stretch_gui.qt.pictures import Picture

    path = tmp_path / "knee.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (9000).to_bytes(4, "big") * 2 + b"\x08\x06\x00\x00\x00")
    picture = Picture(path)
    assert not picture.ok
    assert picture.placeholder_text == "Picture not available\n" + (picture_problem(path) or "")
    assert "9000x9000 pixels" in picture.placeholder_text
