"""Calm light and dark looks, large type, and a focus ring you can see from the mat."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from stretch_gui.core import preferences
from stretch_gui.qt import desktop

STYLE = "Fusion"  # the same widgets on every desktop, drawn from the palette below
_STYLED = "stretchGuiStyled"  # a property of the application: its style is already STYLE


@dataclass(frozen=True)
class Theme:
    """One look: the colours the palette, the style sheet and the painted parts use."""

    name: str
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str
    track: str  # a soft fill behind rows and charts
    line: str  # a track you must see: 3:1 against the window, for rings and bars
    breath: str  # the breathing shape's fill: text stays readable on it
    breath_edge: str  # its outline: 3:1 against the window
    danger: str
    border: str  # a control's edge: 3:1 against the window and a card
    focus: str  # the focus ring on the window or a field
    focus_on_fill: str  # the focus ring of a button with a coloured fill

    @property
    def is_dark(self) -> bool:
        return self.name in ("dark", "contrast-dark")

    def color(self, role: str) -> QColor:
        return QColor(getattr(self, role))


LIGHT = Theme(
    name="light",
    window="#f5f3ee",
    surface="#ffffff",
    text="#1d2833",
    muted="#4f5f6c",
    accent="#2f6f9f",
    accent_text="#ffffff",
    track="#dfe5ea",
    line="#6f8496",
    breath="#cfe3da",
    breath_edge="#4b8a74",
    danger="#a8382f",
    border="#7a8793",
    focus="#2f6f9f",
    focus_on_fill="#000000",
)
DARK = Theme(
    name="dark",
    window="#171c21",
    surface="#222a31",
    text="#e9eef2",
    muted="#b3c0ca",
    accent="#7db4e6",
    accent_text="#0f1720",
    track="#34404a",
    line="#70859a",
    breath="#24453b",
    breath_edge="#6fb59d",
    danger="#f08a80",
    border="#7d8c99",
    focus="#7db4e6",
    focus_on_fill="#0f1720",
)


# For a desktop that asks for high contrast: black and white, every edge drawn.
HIGH_CONTRAST_LIGHT = Theme(
    name="contrast-light",
    window="#ffffff",
    surface="#ffffff",
    text="#000000",
    muted="#2b2b2b",
    accent="#00457f",
    accent_text="#ffffff",
    track="#e6e6e6",
    line="#000000",
    breath="#e8f2ff",
    breath_edge="#00457f",
    danger="#9a0000",
    border="#000000",
    focus="#00457f",
    focus_on_fill="#ffffff",
)
HIGH_CONTRAST_DARK = Theme(
    name="contrast-dark",
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#e0e0e0",
    accent="#9fd3ff",
    accent_text="#000000",
    track="#303030",
    line="#ffffff",
    breath="#10263a",
    breath_edge="#9fd3ff",
    danger="#ff9e9e",
    border="#ffffff",
    focus="#9fd3ff",
    focus_on_fill="#000000",
)

_current = LIGHT
_scale = 1.0


def current() -> Theme:
    return _current


def scale() -> float:
    return _scale


def px(size: float) -> int:
    """A font or spacing size in pixels, grown by the text-size setting."""
    return round(size * _scale)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> Theme:
    if choice == "dark":
        return DARK
    if choice == "light":
        return LIGHT
    # Following the system: its high-contrast preference too.
    if desktop.prefers_high_contrast():
        return HIGH_CONTRAST_DARK if system_prefers_dark() else HIGH_CONTRAST_LIGHT
    return DARK if system_prefers_dark() else LIGHT


def apply(app: QApplication, choice: str, text_size: str) -> Theme:
    global _current, _scale
    _current = resolve(choice)
    _scale = preferences.TEXT_SCALES.get(text_size, 1.0)
    theme = _current
    if not app.property(_STYLED):
        app.setStyle(STYLE)
        mark_styled(app)
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, theme.window),
        (QPalette.ColorRole.Base, theme.surface),
        (QPalette.ColorRole.AlternateBase, theme.window),
        (QPalette.ColorRole.Button, theme.surface),
        (QPalette.ColorRole.WindowText, theme.text),
        (QPalette.ColorRole.Text, theme.text),
        (QPalette.ColorRole.ButtonText, theme.text),
        (QPalette.ColorRole.PlaceholderText, theme.muted),
        (QPalette.ColorRole.Highlight, theme.accent),
        (QPalette.ColorRole.HighlightedText, theme.accent_text),
        (QPalette.ColorRole.ToolTipBase, theme.surface),
        (QPalette.ColorRole.ToolTipText, theme.text),
        (QPalette.ColorRole.Mid, theme.track),
        (QPalette.ColorRole.Link, theme.accent),
    ):
        palette.setColor(role, QColor(value))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(theme))
    return theme


def mark_styled(app: QApplication) -> None:
    """The application was made with STYLE (``-style`` on its command line): ``apply`` need not set it."""
    app.setProperty(_STYLED, True)


def style_sheet(theme: Theme) -> str:
    t = theme
    return f"""
    QWidget {{ font-size: {px(17)}px; color: {t.text}; }}
    QMainWindow, QStackedWidget > QWidget {{ background: {t.window}; }}
    QLabel[role="title"] {{ font-size: {px(44)}px; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: {px(28)}px; font-weight: 600; }}
    QLabel[role="section"] {{ font-size: {px(20)}px; font-weight: 600; padding-top: {px(8)}px; }}
    QLabel[role="side"] {{ font-size: {px(28)}px; color: {t.accent}; font-weight: 600; }}
    QLabel[role="body"] {{ font-size: {px(22)}px; line-height: 140%; }}
    QLabel[role="muted"] {{ font-size: {px(18)}px; color: {t.muted}; }}
    QLabel[role="cue"] {{ font-size: {px(26)}px; font-weight: 600; color: {t.accent}; }}
    QLabel[role="breath"] {{ font-size: {px(34)}px; font-weight: 600; color: {t.text}; }}
    QLabel[role="caution"] {{ font-size: {px(18)}px; color: {t.text};
        background: {t.surface}; border-left: 4px solid {t.danger}; padding: 8px 12px; }}
    QFrame[role="card"] {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 14px; }}
    QPushButton {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 12px;
        padding: {px(10)}px {px(22)}px; font-size: {px(19)}px; min-height: {px(30)}px; }}
    QPushButton:hover {{ border-color: {t.accent}; }}
    QPushButton:focus {{ border: 3px solid {t.focus}; outline: none; }}
    QPushButton[role="primary"] {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent};
        font-weight: 600; }}
    QPushButton[role="primary"]:focus {{ border: 4px solid {t.focus_on_fill}; }}
    QPushButton[role="stop"] {{ color: {t.danger}; border-color: {t.danger}; font-weight: 600; }}
    QPushButton[role="stop"]:focus {{ border: 4px solid {t.focus}; }}
    QPushButton[role="danger"] {{ background: {t.danger}; color: {t.window}; border-color: {t.danger};
        font-weight: 600; }}
    QPushButton[role="danger"]:focus {{ border: 4px solid {t.focus_on_fill}; }}
    QPushButton[role="scale"] {{ padding: {px(8)}px 0; min-width: {px(44)}px; font-size: {px(20)}px; }}
    QPushButton[role="scale"]:checked {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent};
        font-weight: 700; }}
    QPushButton[role="scale"]:checked:focus {{ border: 4px solid {t.focus_on_fill}; }}
    QLineEdit {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 8px; padding: 6px 10px; }}
    QLineEdit:focus {{ border: 3px solid {t.accent}; }}
    QListWidget {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 14px; padding: 6px;
        outline: none; }}
    QListWidget:focus {{ border: 3px solid {t.accent}; }}
    QListWidget::item {{ border-radius: 10px; padding: 4px; }}
    QListWidget::item:selected {{ background: {t.accent}; color: {t.accent_text}; }}
    QProgressBar {{ background: {t.window}; border: 1px solid {t.line}; border-radius: 5px; max-height: 10px; }}
    QProgressBar::chunk {{ background: {t.accent}; border-radius: 4px; }}
    QCheckBox, QRadioButton, QComboBox {{ font-size: {px(18)}px; }}
    QCheckBox {{ spacing: 10px; padding: 4px 6px; border: 2px solid transparent; border-radius: 8px; }}
    QCheckBox:focus {{ border: 2px solid {t.focus}; }}
    QCheckBox::indicator {{ width: {px(20)}px; height: {px(20)}px; border: 2px solid {t.border};
        border-radius: 4px; background: {t.surface}; }}
    QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; }}
    QCheckBox::indicator:disabled {{ border-color: {t.muted}; }}
    QRadioButton {{ spacing: 10px; padding: 4px 6px; border: 2px solid transparent; border-radius: 8px; }}
    QRadioButton:focus {{ border: 2px solid {t.focus}; }}
    QRadioButton::indicator {{ width: {px(20)}px; height: {px(20)}px; border: 2px solid {t.border};
        border-radius: {px(10) + 2}px; background: {t.surface}; }}
    QRadioButton::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; }}
    QAbstractSpinBox {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 8px; padding: 4px 8px; }}
    QAbstractSpinBox:focus {{ border: 3px solid {t.accent}; }}
    /* Stock icons on Save or Cancel and none elsewhere read as two styles in one window. */
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QScrollArea:focus {{ border: 2px solid {t.focus}; border-radius: 6px; }}
    QCheckBox:disabled {{ color: {t.muted}; }}
    QSlider:focus {{ border: 2px solid {t.accent}; border-radius: 6px; }}
    QComboBox {{ background: {t.surface}; border: 2px solid {t.border}; border-radius: 8px; padding: 4px 10px; }}
    QComboBox:focus {{ border: 3px solid {t.accent}; }}
    QMenuBar {{ background: {t.window}; }}
    QMenuBar::item:selected, QMenu::item:selected {{ background: {t.accent}; color: {t.accent_text}; }}
    QMenu {{ background: {t.surface}; border: 1px solid {t.border}; }}
    QScrollArea {{ border: 2px solid transparent; background: transparent; }}
    QScrollArea > QWidget#qt_scrollarea_viewport, QScrollArea > QWidget > QWidget {{ background: transparent; }}
    QToolTip {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; }}
    QTreeWidget {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px; outline: none; }}
    QTreeWidget:focus {{ border: 3px solid {t.accent}; }}
    QTreeWidget::item {{ padding: {px(4)}px 6px; }}
    QTreeWidget::item:selected {{ background: {t.accent}; color: {t.accent_text}; }}
    QHeaderView::section {{ background: {t.surface}; color: {t.muted}; border: none;
        border-bottom: 1px solid {t.border}; padding: 6px; font-size: {px(16)}px; }}
    """
