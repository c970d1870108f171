"""PyYAML's scanner, mended where it refuses valid YAML 1.2 or reads it wrongly.

PyYAML follows YAML 1.1 and treats every tab as an error, and in ``[ ]`` and
``{ }`` it takes a ``?`` anywhere for the start of an explicit key. A physio's
file meets both: ``hold: 30s<TAB># per side`` and ``cautions: [Dizzy? Sit down.]``
are valid YAML. This subclass overrides the few scanning methods involved:

- a tab is accepted wherever YAML 1.2 allows separation between tokens on a
  line, on blank and comment-only lines, and inside plain text; a tab in a
  line's indentation (or just before something that opens a nested block) is
  refused with :class:`TabIndentError`, in plain words, at the tab;
- ``?`` is part of plain text in ``[ ]`` and ``{ }`` unless a space follows it,
  so ``[?x]`` is the text "?x" and ``{ ?foo: bar }`` has the key "?foo".

The methods copy PyYAML 6.0's structure and change only the lines marked YAML 1.2.
"""

from __future__ import annotations

from typing import Any

from yaml.error import Mark
from yaml.scanner import Scanner

_BREAKS = "\0\r\n\x85\u2028\u2029"
_SPACE_OR_BREAK = "\0 \t\r\n\x85\u2028\u2029"


class TabIndentError(Exception):
    """A tab where only spaces may indent."""

    def __init__(self, mark: Mark) -> None:
        super().__init__("tab used as indentation")
        self.mark = mark


class MendedScanner(Scanner):
    # PyYAML's Scanner is a mixin over its Reader: these come from there.
    peek: Any
    prefix: Any
    forward: Any
    get_mark: Any
    line: int
    column: int
    pointer: int
    index: int
    buffer: str
    scan_line_break: Any

    def __init__(self) -> None:
        super().__init__()
        # (line, column) of tokens that a tab separated from what came before on their line.
        self._after_tab: set[tuple[int, int]] = set()

    def scan_to_next_token(self) -> None:
        if self.index == 0 and self.peek() == "\uFEFF":
            self.forward()
        while True:
            tab: Mark | None = None
            while self.peek() in " \t":  # YAML 1.2: tabs separate too
                if self.peek() == "\t" and tab is None:
                    tab = self.get_mark()
                self.forward()
            if self.peek() == "#":
                while self.peek() not in _BREAKS:
                    self.forward()
            if self.scan_line_break():
                if not self.flow_level:
                    self.allow_simple_key = True
                continue
            if tab is not None and self.peek() != "\0":
                if not self.flow_level and self._line_so_far_is_blank_before(tab):
                    raise TabIndentError(tab)
                self._after_tab.add((self.line, self.column))
            return

    def _line_so_far_is_blank_before(self, mark: Mark) -> bool:
        start = self.buffer.rfind("\n", 0, mark.pointer) + 1
        return not self.buffer[start : mark.pointer].strip(" \ufeff")

    def add_indent(self, column: int) -> bool:
        opened = bool(super().add_indent(column))
        if opened and (self.line, column) in self._after_tab:
            # Something after a tab opens a nested block ("-<TAB>key: value"): YAML 1.2
            # does not count tabs as indentation, so this is the same slip as above.
            start = self.buffer.rfind("\n", 0, self.pointer) + 1
            where = self.buffer.rfind("\t", start, start + column)
            raise TabIndentError(Mark("", where, self.line, where - start, "", 0))
        return opened

    def check_key(self) -> bool:
        # YAML 1.2: '?' starts an explicit key only when a space or line break follows,
        # in [ ] and { } as in block lines.
        return bool(self.peek(1) in _SPACE_OR_BREAK)

    def check_plain(self) -> bool:
        ch, after = self.peek(), self.peek(1)
        if ch not in "\0 \t\r\n\x85\u2028\u2029-?:,[]{}#&*!|>'\"%@`":
            return True
        if after in _SPACE_OR_BREAK:
            return False
        if ch == "?":  # YAML 1.2: "?x" is text in [ ] and { } too
            return not (self.flow_level and after in ",[]{}")
        return ch == "-" or (ch == ":" and not self.flow_level)

    def scan_plain(self) -> Any:
        from yaml.tokens import ScalarToken

        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
                if (
                    ch in _SPACE_OR_BREAK
                    or (ch == ":" and self.peek(length + 1) in _SPACE_OR_BREAK + (",[]{}" if self.flow_level else ""))
                    or (self.flow_level and ch in ",[]{}")  # YAML 1.2: '?' is text here
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces)
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)

    def scan_plain_spaces(self, indent: int, start_mark: Mark) -> Any:
        chunks: list[str] = []
        length = 0
        while self.peek(length) in " \t":  # YAML 1.2: tabs inside text are text
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        ch = self.peek()
        if ch in "\r\n\x85\u2028\u2029":
            line_break = self.scan_line_break()
            self.allow_simple_key = True
            prefix = self.prefix(3)
            if prefix in ("---", "...") and self.peek(3) in _SPACE_OR_BREAK:
                return None
            breaks: list[str] = []
            while self.peek() in " \r\n\x85\u2028\u2029":
                if self.peek() == " ":
                    self.forward()
                else:
                    breaks.append(self.scan_line_break())
                    prefix = self.prefix(3)
                    if prefix in ("---", "...") and self.peek(3) in _SPACE_OR_BREAK:
                        return None
            if line_break != "\n":
                chunks.append(line_break)
            elif not breaks:
                chunks.append(" ")
            chunks.extend(breaks)
        elif whitespaces:
            chunks.append(whitespaces)
        return chunks

    def scan_block_scalar_ignored_line(self, start_mark: Mark) -> None:
        while self.peek() in " \t":  # YAML 1.2: "note: |<TAB># comment"
            self.forward()
        super().scan_block_scalar_ignored_line(start_mark)
