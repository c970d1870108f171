"""The Qt-free heart of stretch-gui: routine model, loader, plan and session.

Nothing in this package may import PySide6; tests enforce it.
"""
