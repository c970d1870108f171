"""Start the Qt application (a minimal window until the player lands)."""

from __future__ import annotations

import sys
from pathlib import Path


def run(file: Path | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("stretch-gui" if file is None else f"stretch-gui: {file}")
    label.setObjectName("placeholderWindow")
    label.resize(640, 400)
    label.show()
    return app.exec()
