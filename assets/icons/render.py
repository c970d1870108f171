"""Render the app icon to PNGs at the sizes desktops ask for.

Run ``python assets/icons/render.py`` (needs PySide6; runs offscreen). It writes
``stretch-gui-<N>.png`` next to ``stretch-gui.svg`` for every size in SIZES.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "stretch-gui.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for size in SIZES:
        path = HERE / f"stretch-gui-{size}.png"
        if not render(size).save(str(path)):
            raise SystemExit(f"cannot write {path}")
        print(f"wrote {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
