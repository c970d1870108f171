"""Qt widgets: they show the core's state and send it commands, nothing more."""

from stretch_gui.qt import source_scan

source_scan.install()  # before the widgets' modules are imported
