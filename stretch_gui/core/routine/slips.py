"""Typing slips explained in plain words, on the line the physio must fix.

The YAML parser reports what it expected ("could not find expected ':'",
"expected <block end>, but found '?'") and where it noticed, which is often the
line after the slip. This module looks at the text itself around that place
and says what went wrong and how to fix it, in the words of someone who has
typed the file in Notepad, Word or VS Code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spaces that look like spaces but are not, as Word and e-mail programs paste them.
INVISIBLE = {
    "\u00a0": "a non-breaking space (from Word or e-mail)",
    "\u202f": "a narrow non-breaking space (from Word or e-mail)",
    "\u2007": "a figure space (from Word or e-mail)",
    "\u200b": "an invisible zero-width space (from a web page or e-mail)",
    "\u2060": "an invisible word joiner (from a web page or e-mail)",
    "\u3000": "a wide space (from a Japanese or Chinese keyboard)",
    "\ufeff": "an invisible byte-order mark",
    **{chr(c): "an unusual space (from Word or e-mail)" for c in range(0x2000, 0x200B)},
}
CURLY_QUOTES = "\u2018\u2019\u201c\u201d\u201a\u201e"
CURLY_MESSAGE = "Word's curly quotes \u2018 \u2019 \u201c \u201d are not quotes here; use straight quotes or none"
TAB_MESSAGE = "tabs can't indent in a routine file; use spaces (your editor can turn tabs into spaces)"
GENERIC = "this line does not fit the lines around it; check its indentation, its colons and its quotes"


@dataclass(frozen=True)
class Slip:
    message: str
    line: int  # 1-based
    col: int  # 1-based


def invisible_space_message(text: str, index: int) -> str:
    """What the invisible character at ``text[index]`` is, where it sits, and what to do."""
    what = INVISIBLE.get(text[index], "an invisible character")
    start = text.rfind("\n", 0, index) + 1
    before = text[start:index].rstrip("".join(INVISIBLE) + " \t")
    if not before.strip():
        after = re.match(r"[^\s:]*", text[index:].lstrip("".join(INVISIBLE) + " \t"))
        word = after.group() if after else ""
        return f"{what} in the indentation before '{word}'; retype the spaces" if word else f"{what}; delete it"
    shown = before.split()[-1]
    return f"{what} after '{shown}'; retype the space"


def first_invisible(text: str, *, start: int = 0, end: int | None = None) -> int | None:
    """Index of the first invisible space in ``text[start:end]``, or None."""
    for index in range(start, len(text) if end is None else end):
        if text[index] in INVISIBLE and not (index == 0 and text[index] == "\ufeff"):
            return index
    return None


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")

    def get(self, line: int) -> str:
        """1-based line, without its line break; "" past the end."""
        return self.lines[line - 1].rstrip("\r") if 1 <= line <= len(self.lines) else ""

    def last_written(self, line: int) -> int:
        """``line``, or the nearest line above it with something on it (a mark past the end comes back)."""
        line = min(line, len(self.lines))
        while line > 1 and not self.get(line).strip():
            line -= 1
        return max(line, 1)

    def offset(self, line: int) -> int:
        return sum(len(x) + 1 for x in self.lines[: line - 1])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_of(line: str) -> str:
    match = re.match(r"\s*(?:-\s+)?([^\s:#]+)\s*:(\s|$)", line)
    return match.group(1) if match else ""


def _first_word(line: str) -> str:
    return line.strip().split()[0] if line.strip() else ""


def explain(problem: str | None, context: str | None, problem_at: tuple[int, int] | None,
            context_at: tuple[int, int] | None, text: str, known_keys: frozenset[str]) -> Slip:
    """Plain words for a parser complaint; positions are 0-based (line, column) as the parser gives them."""
    lines = _Lines(text)
    p_line, p_col = (problem_at[0] + 1, problem_at[1] + 1) if problem_at else (None, None)
    c_line, c_col = (context_at[0] + 1, context_at[1] + 1) if context_at else (None, None)
    line = lines.last_written(p_line or c_line or 1)
    col = p_col if p_line == line and p_col is not None else 1

    # Invisible characters and curly quotes are the slip whatever the parser said.
    upto = lines.offset(line + 1)
    invisible = first_invisible(text, end=min(upto, len(text)))
    if invisible is not None:
        at_line = text.count("\n", 0, invisible) + 1
        return Slip(invisible_space_message(text, invisible), at_line, invisible - lines.offset(at_line) + 1)
    for where in dict.fromkeys(x for x in (c_line, line) if x):
        found = next((i for i, ch in enumerate(lines.get(where)) if ch in CURLY_QUOTES), None)
        if found is not None:
            return Slip(CURLY_MESSAGE, where, found + 1)

    problem = problem or ""
    if problem == "could not find expected ':'" and c_line is not None:
        return _missing_colon(lines, c_line, c_col or 1, known_keys)
    if problem.startswith("expected <block end>, but found") or problem.startswith("expected <block mapping end>"):
        return _misplaced_line(lines, line, known_keys) or Slip(GENERIC, line, 1)
    if problem == "mapping values are not allowed here":
        written = lines.get(line)
        before = written[: (p_col or 1) - 1]
        key = _key_of(written)
        if key and ": " in before + " ":
            value = written.split(":", 1)[1].strip()
            return Slip(f"the text after '{key}:' contains ': '; put the text in quotes: {key}: \"{value}\"",
                        line, written.index(":") + 3 if len(written) > written.index(":") + 2 else 1)
        return _misplaced_line(lines, line, known_keys) or Slip(GENERIC, line, 1)
    if "<stream end>" in problem:
        bracket = _unclosed_bracket(text)
        if bracket is not None:
            at_line = text.count("\n", 0, bracket) + 1
            opener = text[bracket]
            closer = "]" if opener == "[" else "}"
            return Slip(f"the '{opener}' opened here is not closed with '{closer}'", at_line, bracket - lines.offset(at_line) + 1)
        return Slip("the file ends too soon: something is missing at the end of this line", line, col)
    if problem.endswith("sequence entries are not allowed here"):
        return Slip("a list entry ('- ') must start a line of its own, below the key it belongs to", line, col)
    unclosed = problem.startswith(("found unexpected end of stream", "found unexpected document separator"))
    if unclosed and context and "quoted scalar" in context and c_line:
        quote = lines.get(c_line)[(c_col or 1) - 1 : c_col] or '"'
        return Slip(f"the quote {quote} opened here is never closed; add a closing {quote} at the end of the text",
                    c_line, c_col or 1)
    if problem.startswith("found unknown escape character") or problem.startswith("expected escape sequence"):
        return Slip("inside \"double quotes\" a backslash starts a special character; write \\\\ for a backslash, "
                    "or use 'single quotes'", line, col)
    if problem.startswith("expected ',' or ']'") or problem.startswith("expected ',' or '}'"):
        opener = "[" if "]" in problem else "{"
        closer = "]" if opener == "[" else "}"
        at = (c_line or line, c_col or 1)
        return Slip(f"the '{opener}' opened here is not closed with '{closer}', or an entry in it needs a ',' before it",
                    *at)
    if problem.startswith(("expected chomping or indentation indicators", "expected a comment or a line break")):
        return Slip("after '|' or '>' start the text on the next line, indented", line, col)
    if problem.startswith("found character") and "cannot start any token" in problem:
        char = lines.get(line)[col - 1 : col]
        return Slip(f"text can't start with '{char}'; put the text in quotes", line, col)
    if problem.startswith("expected alphabetic or numeric character"):
        return Slip("text that starts with '*', '&' or '!' must be in quotes", c_line or line, c_col or col)
    return Slip(GENERIC, line, col)


def _missing_colon(lines: _Lines, line: int, col: int, known_keys: frozenset[str]) -> Slip:
    written = lines.get(line)[col - 1 :].rstrip()
    stripped = written.lstrip("- ").strip()
    word = _first_word(stripped)
    rest = stripped[len(word) :].strip()
    if word in known_keys or not rest:
        fixed = f"{word}: {rest}" if rest else f"{word}: ..."
        return Slip(f"'{stripped}' needs a colon after {word}: write '{fixed}'", line, col)
    return Slip(f"'{stripped}' is not a 'key: value' line; if it goes on from the line above, "
                "indent it further than that line's key, or put the whole text in quotes", line, col)


def _misplaced_line(lines: _Lines, line: int, known_keys: frozenset[str]) -> Slip | None:
    written = lines.get(line)
    stripped = written.strip()
    indent = _indent(written)
    dash = re.match(r"-([^\s-][^\s:]*)", stripped)
    if dash:
        return Slip(f"'-{dash.group(1)}' needs a space after the dash: write '- {stripped[1:]}'", line, indent + 1)
    if stripped.startswith("- ") and not _key_of(written):
        return Slip("this list entry ('- ') is not under a key that takes a list; check its indentation", line, indent + 1)
    key = _key_of(written)
    if not key:
        return None
    # The nearest line above with a key further right: the keys this one should line up with.
    for above in range(line - 1, 0, -1):
        text = lines.get(above)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        other = _key_of(text)
        if not other:
            continue
        other_col = text.index(other)
        if other.startswith("-") and len(other) > 1:
            return Slip(f"'{other}' needs a space after the dash: write '- {text.strip()[1:]}'", above, other_col + 1)
        if other_col == indent:
            return None  # lined up with something: not an indentation slip
        if other_col > indent:
            more = other_col - indent
            spaces = "space" if more == 1 else "spaces"
            return Slip(f"'{key}' must line up with '{other}' above it: indent it {more} more {spaces}", line, indent + 1)
        if other_col < indent:
            less = indent - other_col
            spaces = "space" if less == 1 else "spaces"
            return Slip(f"'{key}' is indented further than '{other}' above it: remove {less} {spaces} so they line up",
                        line, indent + 1)
    return None


def _unclosed_bracket(text: str) -> int | None:
    """Index of the last '[' or '{' never closed, skipping quoted text and comments (roughly)."""
    stack: list[int] = []
    quote = ""
    for index, ch in enumerate(text):
        if quote:
            if ch == quote or ch == "\n" and quote == "#":
                quote = ""
            continue
        if ch in "\"'" and (index == 0 or text[index - 1] in " \t[{,:\n"):
            quote = ch
        elif ch == "#" and (index == 0 or text[index - 1] in " \t\n"):
            quote = "#"
        elif ch in "[{":
            stack.append(index)
        elif ch in "]}" and stack:
            stack.pop()
    return stack[-1] if stack else None
