"""Plain text made safe for the rich text that Qt labels and the help page show."""

from __future__ import annotations

_MARKUP = ("&", "<", ">", '"', "'")


def escape(text: str) -> str:
    """``text`` with the characters rich text reads as markup written as entities, as ``html.escape``.

    Most of the app's lines have none of them: ``html`` is imported only for one that has, as it
    loads its tables of every named entity (0.3 MiB), which escaping never uses.
    """
    if not any(mark in text for mark in _MARKUP):
        return text
    from html import escape as html_escape

    return html_escape(text)
