"""A strict YAML reader for files that strangers hand over.

PyYAML's own loaders follow YAML 1.1: ``no`` becomes False, ``1:30`` becomes 90,
``010`` becomes 8, aliases can expand exponentially, duplicate keys silently keep
the last value and tags can construct objects. This reader composes the node tree
itself, refuses what a routine never needs (tags, anchors, aliases, deep nesting,
duplicate keys) and resolves plain scalars by YAML 1.2 core rules. Alongside the
data it returns where every key and value was written, so later checks can point
at a line and column.
"""

from __future__ import annotations

import math
import re
from typing import Any, cast

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver

from stretch_gui.core.routine.document import Document, Path_, Positions, text_of
from stretch_gui.core.routine.problems import Problem, RoutineError
from stretch_gui.core.routine.scanner import MendedScanner, TabIndentError
from stretch_gui.core.routine.slips import TAB_MESSAGE, explain

MAX_DEPTH = 32

class _RefusedError(Exception):
    def __init__(self, message: str, mark: Any) -> None:  # a yaml Mark from the pure or the C parser, or None
        super().__init__(message)
        self.message = message
        self.mark = mark


class _StrictComposer(Composer):
    """Refuses anchors, aliases, tags and deep nesting while the tree is built.

    Checking here, event by event, means a billion-laughs file is refused at its
    first anchor and 2,000 nested brackets stop at MAX_DEPTH, long before Python's
    recursion limit.
    """

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = cast(Any, self).peek_event()  # the composer is mixed into a Parser (see _StrictLoader)
        if isinstance(event, AliasEvent):
            raise _RefusedError("YAML aliases (*name) are not allowed; write the value out", event.start_mark)
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            if event.anchor is not None:
                raise _RefusedError("YAML anchors (&name) are not allowed; write the value out", event.start_mark)
            if event.tag not in (None, "!"):
                shown = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise _RefusedError(
                    f"YAML tags like '{shown}' are not allowed; quote the value instead",
                    event.start_mark,
                )
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _RefusedError(f"nested too deeply (more than {MAX_DEPTH} levels)", event.start_mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)

    def compose_scalar_node(self, anchor: Any) -> ScalarNode:
        event = cast(Any, self).peek_event()
        node: ScalarNode = super().compose_scalar_node(anchor)
        if event.tag == "!":
            node.tag = _TEXT  # "! 12": the non-specific tag makes a plain value text
        return node


_TEXT = "!"


class _StrictLoader(Reader, MendedScanner, Parser, _StrictComposer, BaseResolver):
    # BaseResolver has no implicit resolvers: every plain scalar arrives as a
    # string and _scalar() applies the YAML 1.2 core rules itself.
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        MendedScanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self)
        BaseResolver.__init__(self)


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.style is not None or node.tag == _TEXT:  # quoted, block or "! value": always text
        return text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.fullmatch(text):
        if len(text) > 30:
            # int() refuses more than 4,300 digits with a bare ValueError; no count
            # or duration in a routine needs a fraction of that.
            raise _RefusedError(f"the number {text[:12]}... is far too long", node.start_mark)
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    lowered = text.lower()
    if lowered in (".inf", "+.inf"):
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    return text


def _mark(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _build(node: Node, path: Path_, positions: Positions) -> Any:
    positions.values[path] = _mark(node)
    if isinstance(node, ScalarNode):
        value = _scalar(node)
        if not isinstance(value, str):
            positions.written[path] = node.value
        return value
    if isinstance(node, SequenceNode):
        return [_build(item, path + (i,), positions) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _RefusedError("keys must be plain words, not lists or mappings", key_node.start_mark)
        key = key_node.value if key_node.style is not None else _scalar(key_node)
        if key == "<<" and key_node.style is None:
            raise _RefusedError("YAML merge keys (<<) are not allowed; write the keys out", key_node.start_mark)
        if not isinstance(key, str):
            key = key_node.value
        if key in result:
            first_line = positions.keys[path + (key,)][0]
            raise _RefusedError(
                f"duplicate key '{key}' (first on line {first_line}, again on line {key_node.start_mark.line + 1})",
                key_node.start_mark,
            )
        positions.keys[path + (key,)] = _mark(key_node)
        result[key] = _build(value_node, path + (key,), positions)
    return result


def read_yaml(content: str | bytes, source: str) -> Document:
    """Parse one YAML document strictly; raise RoutineError with a position on any problem."""
    text = text_of(content, source)
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        raise RoutineError([Problem(source, "the file is empty")])
    loader = None
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
        if node is None:
            raise RoutineError([Problem(source, "the file is empty")])
        positions = Positions()
        data = _build(node, (), positions)
    except _RefusedError as exc:
        raise RoutineError([_problem_at(source, exc.message, exc.mark)]) from None
    except TabIndentError as exc:
        raise RoutineError([_problem_at(source, TAB_MESSAGE, exc.mark)]) from None
    except yaml.MarkedYAMLError as exc:
        if exc.context == "expected a single document in the stream":
            message = "a routine file holds one set of 'key: value' lines; remove the second '---' and what follows"
            raise RoutineError([_problem_at(source, message, exc.problem_mark or exc.context_mark)]) from None
        slip = explain(exc.problem, exc.context, _at(exc.problem_mark), _at(exc.context_mark), text, known_keys())
        raise RoutineError([Problem(source, slip.message, slip.line, slip.col)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise RoutineError(
            [Problem(source, f"this file contains a control character (#x{exc.character:04x}) that text files do not", line, col)]
        ) from None
    except yaml.YAMLError:
        raise RoutineError(
            [Problem(source, "this file cannot be read as a routine; check its indentation, colons and quotes")]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(data, positions, text)


def _at(mark: yaml.Mark | None) -> tuple[int, int] | None:
    return (mark.line, mark.column) if mark is not None else None


def known_keys() -> frozenset[str]:
    """Every key the routine format has, for telling a missing colon from stray text."""
    from stretch_gui.core.routine.validation import routine_schema

    schema = routine_schema()
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        keys.update(definition.get("properties", {}))
    return frozenset(keys - {"$schema"})


def _problem_at(source: str, message: str, mark: yaml.Mark | None) -> Problem:
    if mark is None:
        return Problem(source, message)
    return Problem(source, message, mark.line + 1, mark.column + 1)
