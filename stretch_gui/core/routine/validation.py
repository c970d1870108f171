"""Schema validation with messages a physio can act on.

The JSON Schema shipped with the app is the single description of the format:
editors use it for completion and the loader checks every file against it. This
module turns jsonschema's errors into one-line problems that point at the key or
value in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from stretch_gui.core.resources import schema_file
from stretch_gui.core.routine.document import Document
from stretch_gui.core.routine.durations import DURATION_HINT, DURATION_PATTERN, parse_duration
from stretch_gui.core.routine.problems import Problem
from stretch_gui.core.routine.slips import first_invisible, invisible_space_message

if TYPE_CHECKING:
    import jsonschema
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "array": "a list (lines starting with '- ')",
    "object": "a set of 'key: value' lines",
    "boolean": "true or false",
}


def _close_matches(word: str, choices: Iterable[str], n: int, cutoff: float) -> list[str]:
    from difflib import get_close_matches  # only when a file has a problem to explain

    return get_close_matches(word, choices, n=n, cutoff=cutoff)


@cache
def routine_schema() -> dict[str, Any]:
    with open(schema_file(), encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _validator(definition: str | None) -> jsonschema.protocols.Validator:
    # Imported here: jsonschema takes ~50 ms and 8 MiB to import, and a file the
    # app has seen before does not need it (see loader.schema_problems).
    import jsonschema

    schema = routine_schema()
    if definition is not None:
        schema = {"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]}
    cls = jsonschema.validators.validator_for(schema)
    # The shipped schema is checked against its meta-schema by the tests, not on every start (~30 ms).
    # JSON Schema counts 2.0 as an integer; Python does not (range(2.0) raises), and
    # a count written as 2.0 is a typing slip worth pointing out.
    strict = cls.TYPE_CHECKER.redefine("integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
    extended = jsonschema.validators.extend(cls, type_checker=strict)  # type: ignore[no-untyped-call]
    return cast("jsonschema.protocols.Validator", extended(schema))


def _one_per_value(errors: list[ValidationError]) -> list[ValidationError]:
    """A value of the wrong type also fails its range or const check; report the type only."""
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    return [e for e in errors if e.validator == "type" or tuple(e.absolute_path) not in mistyped]


def validate(document: Document, source: str, definition: str | None = None) -> list[Problem]:
    """Problems with ``document`` against the routine schema (or one of its $defs). The loader's
    ``schema_problems`` remembers the texts that pass, so they are not checked again."""
    problems: list[Problem] = []
    for error in _one_per_value(list(_validator(definition).iter_errors(document.data))):
        problems.extend(_explain(error, document, source))
    return problems


def _field_name(path: tuple[Any, ...]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "this entry"


def _describe(value: Any, written: str | None = None) -> str:
    """A value as the physio typed it: ``1.10`` stays 1.10, ``1e2`` stays 1e2, an empty value is "nothing"."""
    if isinstance(value, (dict, list)):
        return "this"
    if value is None:
        return "nothing"
    text = written if written is not None else repr(value) if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _duration_problem(value: Any, written: str | None = None) -> str:
    if value is None:
        return f"no time is written; {DURATION_HINT}"
    if isinstance(value, str):
        try:
            parse_duration(value)
        except ValueError as exc:
            return str(exc)
    return f"{_describe(value, written)} is not a duration; {DURATION_HINT}"


# Where each key of the format is written, for a key found in the wrong place.
_HOMES = (
    ("step", "{key} belongs on a step, under '- exercise: …'"),
    ("routine", "{key} belongs at the top of the routine, not {here}"),
    ("customExercise", "{key} belongs inside an exercise written out under 'exercise:'"),
    ("breathing", "{key} belongs inside a breathing pattern, e.g. breathing: {{inhale: 5, exhale: 3}}"),
)
_HERE = {"step": "on a step", "customExercise": "inside the exercise", "breathing": "inside breathing", "routine": "here"}


@cache
def _properties_of() -> dict[str, frozenset[str]]:
    schema = routine_schema()
    kinds = {name: frozenset(schema["$defs"][name]["properties"]) for name in ("step", "customExercise", "breathing")}
    kinds["routine"] = frozenset(schema["properties"])
    return kinds


def _misplaced(key: str, known: set[str]) -> str | None:
    """Where ``key`` belongs when it is a key of the format written in the wrong place."""
    kinds = _properties_of()
    here = next((name for name, keys in kinds.items() if keys == known), None)
    if here is None:
        return None
    for home, message in _HOMES:
        if home != here and key in kinds[home]:
            if here == "customExercise" and home == "step":
                return f"{key} belongs on the step, not inside the exercise: line it up with 'exercise:'"
            return message.format(key=key, here=_HERE[here])
    return None


def _wrong_kind(error: ValidationError) -> bool:
    if error.relative_path:
        return False
    return error.validator == "type" or (error.validator in ("enum", "const") and isinstance(error.instance, (dict, list)))


def _schema(error: ValidationError) -> Mapping[str, Any]:
    """The schema an error was checked against; a boolean schema has no keywords to look up."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _explain_choice(error: ValidationError, document: Document, source: str) -> list[Problem] | None:
    """anyOf/oneOf: explain the branch the value was meant for, not "not valid under any of"."""
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.schema_path[0], []).append(sub)
    # A branch whose own type check failed is not the one the writer meant.
    meant = [errors for errors in branches.values() if not any(_wrong_kind(e) for e in errors)]
    if len(meant) == 1:
        return [p for sub in _one_per_value(meant[0]) for p in _explain(sub, document, source)]
    name = _field_name(tuple(error.absolute_path))
    line_col = document.positions.of_value(tuple(error.absolute_path))
    if any(_schema(sub).get("pattern") == DURATION_PATTERN for sub in error.context or ()):
        message = f"{name}: {_duration_problem(error.instance)}"
        if name == "breathe":
            message += ", or a number of breaths like {breaths: 10}"
        return [Problem(source, message, *(line_col or (None, None)))]
    if not meant:
        expected: list[str] = []
        for sub in error.context or ():
            if sub.validator == "type" and not sub.relative_path:
                types = sub.validator_value if isinstance(sub.validator_value, list) else [sub.validator_value]
                expected += [_TYPE_WORDS.get(str(t), str(t)) for t in types if _TYPE_WORDS.get(str(t), str(t)) not in expected]
        if expected:
            message = f"{name} should be {' or '.join(expected)}, not {_describe(error.instance)}"
            return [Problem(source, message, *(line_col or (None, None)))]
    return None


def _explain(error: ValidationError, document: Document, source: str) -> list[Problem]:
    if error.validator in ("anyOf", "oneOf"):
        explained = _explain_choice(error, document, source)
        if explained:
            return explained
    path = tuple(error.absolute_path)
    name = _field_name(path)
    value: Any = error.instance
    positions = document.positions

    def at_value(message: str) -> list[Problem]:
        line_col = positions.of_value(path)
        return [Problem(source, message, *(line_col or (None, None)))]

    written = positions.written.get(path)
    kind = error.validator
    if kind == "additionalProperties":
        known_all = set(_schema(error).get("properties", {}))
        known = sorted(known_all - {"$schema"})  # $schema is for editors; a physio never needs to type it
        extras = [key for key in value if key not in known_all]
        problems = []
        for key in extras:
            line_col = positions.of_key(path + (key,))
            problems.append(_key_problem(key, known, known_all, source, line_col))
        return problems
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "a key"
        known = _schema(error).get("properties", {})
        if any(key not in known and _close_matches(key, known, n=1, cutoff=0.6) == [missing] for key in value):
            return []  # a misspelt key: "unknown key 'titel'; did you mean 'title'?" says it all
        where = "the routine" if not path else f"'{name}'" if isinstance(path[-1], str) else "this entry"
        return at_value(f"{where} is missing '{missing}'")
    if isinstance(value, str):
        invisible = first_invisible(value)
        line_col = positions.of_value(path)
        if invisible is not None and line_col is not None and "\n" not in value[:invisible]:
            message = invisible_space_message(value, invisible)
            return [Problem(source, message, line_col[0], line_col[1] + invisible)]
    if kind == "pattern":
        if _schema(error).get("pattern") == DURATION_PATTERN:
            return at_value(f"{name}: {_duration_problem(value, written)}")
        if _schema(error).get("pattern") == r"\S":
            # An empty string is already reported by minLength.
            return at_value(f"{name} must not be blank") if value else []
        if name in ("prescribed", "start_date", "review_by"):
            return at_value(f"{name}: {_describe(value)} is not a date; write it as YYYY-MM-DD")
        if name == "exercise":
            return at_value(f"exercise: {_describe(value)} is not an exercise id; ids are lower-case words joined by '-'")
        return at_value(f"{name}: {_describe(value)} is not in the expected form")
    if kind == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        if _schema(error).get("pattern") == DURATION_PATTERN:
            return at_value(f"{name}: {_duration_problem(value, written)}")
        if isinstance(value, dict) and "array" in types:
            dashed = next((key for key in value if isinstance(key, str) and re.match(r"-[^\s-]", key)), None)
            if dashed is not None:
                line_col = positions.of_key(path + (dashed,))
                message = f"'{dashed.split()[0]}' needs a space after the dash: write '- {dashed[1:]}: …'"
                return [Problem(source, message, *(line_col or (None, None)))]
        words = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in types)
        return at_value(f"{name} should be {words}, not {_describe(value, written)}")
    if kind == "enum":
        choices: Any = error.validator_value
        allowed = ", ".join(str(v) for v in choices if isinstance(v, str))
        if name == "breathing":
            allowed += ", or a pattern like {inhale: 5, exhale: 3}"
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


def _key_problem(key: str, known: list[str], known_all: set[str], source: str, line_col: tuple[int, int] | None) -> Problem:
    invisible = first_invisible(key)
    if invisible is not None and line_col is not None:
        message = invisible_space_message(key, invisible)
        return Problem(source, message, line_col[0], line_col[1] + invisible)
    if re.match(r"-[^\s-]", key):
        return Problem(source, f"'{key}' needs a space after the dash: write '- {key[1:]}: …'", *(line_col or (None, None)))
    misplaced = _misplaced(key, known_all)
    if misplaced:
        return Problem(source, misplaced, *(line_col or (None, None)))
    message = f"unknown key '{key}'"
    close = _close_matches(key, known, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    elif known:
        message += f"; expected one of: {', '.join(known)}"
    return Problem(source, message, *(line_col or (None, None)))
