"""Remembered schema passes: jsonschema is needed only for a text not seen before."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from stretch_gui.core.digest import sha256
from stretch_gui.core.routine import loader, reader, validation
from stretch_gui.core.routine.document import Document
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.problems import RoutineError
from stretch_gui.core.routine.schema_memory import MAX_ENTRIES, SchemaMemory
from tests.support.routines import PNG_1X1

GOOD = """\
format: 1
title: Two holds
steps:
  - exercise: {title: Reach, instructions: Reach up.}
    hold: 20s
"""
# Passes the schema's shape but not a value check: `hold` is a duration pattern.
BAD = GOOD.replace("hold: 20s", "hold: 20 seconds please")


@pytest.fixture
def memory(tmp_path: Path) -> SchemaMemory:
    return SchemaMemory(tmp_path / "cache" / "schema-passes.txt")


@pytest.fixture
def schema_calls(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Counts real schema checks (each builds or reuses a jsonschema validator)."""
    calls: list[str | None] = []
    real = validation._validator

    def counting(definition: str | None):  # type: ignore[no-untyped-def]
        calls.append(definition)
        return real(definition)

    monkeypatch.setattr(validation, "_validator", counting)
    return calls


def test_a_text_that_passed_is_not_checked_again(memory, schema_calls, write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    first = load_routine_file(path, memory=memory)
    assert schema_calls == [None]
    assert memory.file.is_file()
    again = load_routine_file(path, memory=memory)
    assert schema_calls == [None]  # not checked a second time
    assert again == first


def test_the_memory_survives_a_restart(memory, schema_calls, write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    load_routine_file(path, memory=memory)
    memory = SchemaMemory(memory.file)  # a new run of the app reads the file
    load_routine_file(path, memory=memory)
    assert schema_calls == [None]


def test_a_changed_text_is_checked_again(memory, schema_calls, write_routine) -> None:  # type: ignore[no-untyped-def]
    load_routine_file(write_routine(GOOD), memory=memory)
    with pytest.raises(RoutineError) as caught:
        load_routine_file(write_routine(BAD), memory=memory)
    assert schema_calls == [None, None]
    assert "hold" in str(caught.value)


def test_a_failing_text_is_never_remembered(memory, schema_calls, write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(BAD)
    for _ in range(2):
        with pytest.raises(RoutineError) as caught:
            load_routine_file(path, memory=memory)
        assert ":5:" in str(caught.value)  # the full positioned message, every time
    assert schema_calls == [None, None]
    assert not memory.file.exists()


def test_a_new_schema_or_version_forgets_every_pass(memory, schema_calls, write_routine, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    load_routine_file(path, memory=memory)
    changed = tmp_path / "routine.schema.json"
    changed.write_bytes(validation.schema_file().read_bytes() + b"\n")
    monkeypatch.setattr("stretch_gui.core.routine.schema_memory.schema_file", lambda: changed)
    memory = SchemaMemory(memory.file)
    load_routine_file(path, memory=memory)
    monkeypatch.setattr("stretch_gui.core.routine.schema_memory.__version__", "99.0")
    memory = SchemaMemory(memory.file)
    load_routine_file(path, memory=memory)
    assert schema_calls == [None, None, None]


def test_the_loaders_own_checks_still_run_on_a_remembered_text(memory, write_routine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = GOOD.replace("instructions: Reach up.}", "instructions: Reach up., image: ball.png}")
    (tmp_path / "ball.png").write_bytes(PNG_1X1)
    path = write_routine(text)
    assert load_routine_file(path, memory=memory).warnings == ()
    (tmp_path / "ball.png").unlink()
    warnings = load_routine_file(path, memory=memory).warnings  # remembered, yet the missing picture is noticed
    assert any("ball.png" in str(w) for w in warnings)


@pytest.mark.parametrize("garbage", [b"", b"not a digest\n", b"\xff\xfe\x00binary", b"a" * 63 + b"\n"])
def test_a_damaged_memory_file_is_treated_as_empty(memory, schema_calls, write_routine, garbage) -> None:  # type: ignore[no-untyped-def]
    memory.file.parent.mkdir(parents=True)
    memory.file.write_bytes(garbage)
    path = write_routine(GOOD)
    load_routine_file(path, memory=memory)
    load_routine_file(path, memory=memory)
    assert schema_calls == [None]


def test_an_unwritable_memory_only_costs_time(tmp_path, schema_calls, write_routine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    memory = SchemaMemory(blocker / "cache" / "schema-passes.txt")
    path = write_routine(GOOD)
    assert load_routine_file(path, memory=memory).title == "Two holds"
    memory = SchemaMemory(memory.file)  # the next run has nothing to read
    assert load_routine_file(path, memory=memory).title == "Two holds"
    assert schema_calls == [None, None]


def test_the_memory_keeps_only_the_newest_entries(memory) -> None:  # type: ignore[no-untyped-def]
    texts = [f"title: {i}\n" for i in range(MAX_ENTRIES + 5)]
    for text in texts:
        memory.remember(text, None)
    reread = SchemaMemory(memory.file)
    assert not reread.passed(texts[0], None)
    assert reread.passed(texts[-1], None)
    assert len(memory.file.read_text().split()) == MAX_ENTRIES


def test_the_library_and_a_routine_are_remembered_apart(memory) -> None:  # type: ignore[no-untyped-def]
    memory.remember("same text", None)
    assert memory.passed("same text", None)
    assert not memory.passed("same text", "library")


def test_opening_a_remembered_file_never_imports_jsonschema(
    repo_root: Path, python: str, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    code = """
import sys
from pathlib import Path
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.core.routine.schema_memory import SchemaMemory
load_routine_file(sys.argv[2], memory=SchemaMemory(Path(sys.argv[1])))
print("jsonschema" in sys.modules, "yaml" in sys.modules)
"""
    args = [python, "-c", code, str(tmp_path / "passes.txt"), str(repo_root / "routines" / "back-spasm-relief.yaml")]
    first = subprocess.run(args, env=subprocess_env, capture_output=True, text=True, timeout=60, check=True)
    second = subprocess.run(args, env=subprocess_env, capture_output=True, text=True, timeout=60, check=True)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True True", "False False")


# -- remembered documents: PyYAML is needed only for bytes not seen loading cleanly --------


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts real YAML reads."""
    calls: list[str] = []
    real = reader.read_yaml

    def counting(content: str | bytes, source: str) -> Document:
        calls.append(source)
        return real(content, source)

    monkeypatch.setattr(reader, "read_yaml", counting)
    return calls


def test_a_clean_load_is_not_parsed_again(memory, parses, write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    first = load_routine_file(path, memory=memory)
    assert parses == [str(path)]
    memory = SchemaMemory(memory.file)  # a new run of the app
    again = load_routine_file(path, memory=memory)
    assert parses == [str(path)]
    assert again == first


def test_the_library_is_remembered_too(memory, parses) -> None:  # type: ignore[no-untyped-def]
    first = loader._exercise_library.__wrapped__(memory)
    again = loader._exercise_library.__wrapped__(SchemaMemory(memory.file))
    assert len(parses) == 1
    assert again.exercises == first.exercises and again.defaults == first.defaults


@pytest.mark.parametrize("edit", [lambda b: b + b"\n", lambda b: b"\xef\xbb\xbf" + b, lambda b: b.replace(b"20s", b"21s")])
def test_any_change_to_the_bytes_is_parsed_again(memory, parses, write_routine, tmp_path, edit) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    load_routine_file(path, memory=memory)
    path.write_bytes(edit(path.read_bytes()))
    load_routine_file(path, memory=memory)
    assert len(parses) == 2


def test_a_new_schema_or_version_parses_again(memory, parses, write_routine, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    load_routine_file(path, memory=memory)
    monkeypatch.setattr("stretch_gui.core.routine.schema_memory.__version__", "99.0")
    load_routine_file(path, memory=SchemaMemory(memory.file))
    assert len(parses) == 2


def test_a_failing_text_leaves_no_document(memory, parses, write_routine) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(BAD)
    for _ in range(2):
        with pytest.raises(RoutineError):
            load_routine_file(path, memory=memory)
    assert len(parses) == 2
    assert not list(memory.documents.glob("*"))


def test_problems_on_a_remembered_document_keep_their_positions(memory, parses, write_routine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = GOOD.replace("instructions: Reach up.}", "instructions: Reach up., image: ball.png}")
    path = write_routine(text)
    (tmp_path / "ball.png").write_bytes(PNG_1X1)
    load_routine_file(path, memory=memory)
    (tmp_path / "ball.png").unlink()
    remembered = load_routine_file(path, memory=SchemaMemory(memory.file)).warnings
    assert len(parses) == 1
    parsed = load_routine_file(path).warnings  # no memory: read afresh
    assert remembered == parsed and remembered
    assert all(w.line is not None for w in remembered)


def _entry(memory: SchemaMemory) -> Path:
    (entry,) = memory.documents.glob("*.json")
    return entry


def _rewritten(entry: Path, change) -> bytes:  # type: ignore[no-untyped-def]
    payload = json.loads(entry.read_bytes().partition(b"\n")[2])
    change(payload)
    return _signed(json.dumps(payload).encode())


def _signed(body: bytes) -> bytes:
    return b"stretch-gui document 1 " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body


DAMAGE = {
    "empty": lambda entry: b"",
    "truncated": lambda entry: entry.read_bytes()[:-10],
    "a byte changed": lambda entry: entry.read_bytes().replace(b"Reach", b"Peach"),
    "not json": lambda entry: b"stretch-gui document 1 " + hashlib.sha256(b"{").hexdigest().encode() + b"\n{",
    "another key": lambda entry: _rewritten(entry, lambda p: p.update(key="0" * 64)),
    "a line of 0": lambda entry: _rewritten(entry, lambda p: p["values"][0].__setitem__(1, 0)),
    "a path of true": lambda entry: _rewritten(entry, lambda p: p["keys"][0].__setitem__(0, [True])),
    "rows missing": lambda entry: _rewritten(entry, lambda p: p.pop("values")),
    "no data": lambda entry: _rewritten(entry, lambda p: p.pop("data")),
    "nested without end": lambda entry: _signed(
        b'{"key":"%s","data":%s%s,"values":[],"keys":[],"written":[]}' % (entry.stem.encode(), b"[" * 100_000, b"]" * 100_000)
    ),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_document_is_ignored_and_the_file_parsed(memory, parses, write_routine, damage) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(GOOD)
    first = load_routine_file(path, memory=memory)
    entry = _entry(memory)
    entry.write_bytes(damage(entry))
    again = load_routine_file(path, memory=SchemaMemory(memory.file))
    assert len(parses) == 2
    assert again == first
    load_routine_file(path, memory=SchemaMemory(memory.file))  # the entry was written afresh
    assert len(parses) == 2


def test_only_the_newest_documents_are_kept(memory, write_routine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("stretch_gui.core.routine.schema_memory.MAX_DOCUMENTS", 2)
    for title in ("One", "Two", "Three"):
        load_routine_file(write_routine(GOOD.replace("Two holds", title)), memory=memory)
    assert len(list(memory.documents.glob("*.json"))) == 2


def test_the_builtin_sha256_gives_hashlibs_digests() -> None:
    assert sha256(b"stretch").hexdigest() == hashlib.sha256(b"stretch").hexdigest()
    digest = sha256()
    digest.update(b"a")
    digest.update(b"b")
    assert digest.digest() == hashlib.sha256(b"ab").digest()
