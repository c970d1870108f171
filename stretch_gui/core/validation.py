"""Schema validation with messages a physio can act on.

The JSON Schema shipped with the app is the single description of the format:
editors use it for completion and the loader checks every file against it. This
module turns jsonschema's errors into one-line problems that point at the key or
value in the file.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from stretch_gui.core.durations import DURATION_HINT, DURATION_PATTERN, parse_duration
from stretch_gui.core.errors import Problem
from stretch_gui.core.resources import schema_file
from stretch_gui.core.yamlsafe import Document

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "array": "a list (lines starting with '- ')",
    "object": "a set of 'key: value' lines",
    "boolean": "true or false",
}


@cache
def routine_schema() -> dict[str, Any]:
    with open(schema_file(), encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _validator(definition: str | None) -> jsonschema.protocols.Validator:
    schema = routine_schema()
    if definition is not None:
        schema = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(document: Document, source: str, definition: str | None = None) -> list[Problem]:
    """Problems with ``document`` against the routine schema (or one of its $defs)."""
    problems: list[Problem] = []
    for error in _validator(definition).iter_errors(document.data):
        problems.extend(_explain(error, document, source))
    return problems


def _field_name(path: tuple[Any, ...]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "this entry"


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "this"
    text = repr(value) if isinstance(value, str) else json.dumps(value) if value is not None else "nothing"
    return text if len(text) <= 40 else text[:37] + "..."


def _duration_problem(value: Any) -> str:
    try:
        parse_duration(value)
    except ValueError as exc:
        return str(exc)
    return f"{_describe(value)} is not a duration; {DURATION_HINT}"


def _explain(error: ValidationError, document: Document, source: str) -> list[Problem]:
    if error.context:
        # anyOf/oneOf: report the branch that got furthest, not "not valid under any of".
        deepest = best_match(error.context)
        if deepest is not None and deepest.validator not in ("type", "enum", "const"):
            return _explain(deepest, document, source)
    path = tuple(error.absolute_path)
    name = _field_name(path)
    value = error.instance
    positions = document.positions

    def at_value(message: str) -> list[Problem]:
        line_col = positions.of_value(path)
        return [Problem(source, message, *(line_col or (None, None)))]

    kind = error.validator
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        extras = [key for key in value if key not in known]
        problems = []
        for key in extras:
            message = f"unknown key '{key}'"
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
            elif known:
                message += f"; expected one of: {', '.join(known)}"
            line_col = positions.of_key(path + (key,))
            problems.append(Problem(source, message, *(line_col or (None, None))))
        return problems
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a key"
        where = "the routine" if not path else f"'{name}'" if isinstance(path[-1], str) else "this entry"
        return at_value(f"{where} is missing '{missing}'")
    if kind == "pattern":
        if error.schema.get("pattern") == DURATION_PATTERN:
            return at_value(f"{name}: {_duration_problem(value)}")
        if name == "prescribed":
            return at_value(f"prescribed: {_describe(value)} is not a date; write it as YYYY-MM-DD")
        if name == "exercise":
            return at_value(f"exercise: {_describe(value)} is not an exercise id; ids are lower-case words joined by '-'")
        return at_value(f"{name}: {_describe(value)} is not in the expected form")
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        if error.schema.get("pattern") == DURATION_PATTERN:
            return at_value(f"{name}: {_duration_problem(value)}")
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        return at_value(f"{name} should be {words}, not {_describe(value)}")
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if isinstance(v, str))
        return at_value(f"{name}: {_describe(value)} is not allowed; use {allowed}")
    if kind == "const":
        return at_value(f"{name} must be {error.validator_value}")
    if kind in ("minimum", "maximum"):
        bound = error.validator_value
        side = "at least" if kind == "minimum" else "at most"
        return at_value(f"{name} must be {side} {bound}, not {_describe(value)}")
    if kind in ("minLength",):
        return at_value(f"{name} must not be empty")
    if kind == "maxLength":
        return at_value(f"{name} is too long (at most {error.validator_value} characters)")
    if kind == "minItems":
        return at_value(f"{name} needs at least {error.validator_value} entry")
    if kind == "maxItems":
        return at_value(f"{name} has too many entries (at most {error.validator_value})")
    if kind in ("minProperties", "maxProperties") and name == "frequency":
        return at_value("frequency takes exactly one of per_day or per_week")
    if kind == "minProperties":
        return at_value(f"{name} is empty")
    if kind == "propertyNames":
        return at_value(f"{name}: ids are lower-case words joined by '-'")
    return at_value(f"{name}: {error.message}")
