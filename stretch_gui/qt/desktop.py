"""What the desktop says about motion and contrast, for the app's own defaults.

Reduced motion comes from the freedesktop settings portal (``org.freedesktop.appearance``
``reduced-motion``, or GNOME's ``enable-animations`` where the portal passes it on).
Without a session bus, a portal or an answer within a short wait, there is no
preference and the app's own default stands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SETTINGS = "org.freedesktop.portal.Settings"
WAIT_MS = 300  # a portal that takes longer must not hold up the first paint


def _read_portal(namespace: str, key: str) -> object | None:
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
    except ImportError:
        return None
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    portal = QDBusInterface(PORTAL, PORTAL_PATH, SETTINGS, bus)
    if not portal.isValid():
        return None
    portal.setTimeout(WAIT_MS)
    reply = portal.call("ReadOne", namespace, key)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    value: object = reply.arguments()[0]
    return value


def prefers_reduced_motion() -> bool | None:
    """True or False when the desktop says; None when it does not."""
    value = _read_portal("org.freedesktop.appearance", "reduced-motion")
    if isinstance(value, int) and not isinstance(value, bool):
        return value == 1  # 0: no preference, 1: reduce
    animations = _read_portal("org.gnome.desktop.interface", "enable-animations")
    if isinstance(animations, bool):
        return not animations
    return None


def prefers_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)
