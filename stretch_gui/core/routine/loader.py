"""Routine files to a checked Routine: strict YAML, the schema, then the checks a schema cannot make."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from stretch_gui.core import resources
from stretch_gui.core.digest import sha256
from stretch_gui.core.routine.document import MAX_BYTES, Document
from stretch_gui.core.routine.durations import parse_duration
from stretch_gui.core.routine.model import (
    DEFAULT_BREATHING,
    DEFAULT_REST_BETWEEN_SETS,
    SIDES_BY_NAME,
    BreatheStep,
    Breathing,
    Exercise,
    ExerciseStep,
    Frequency,
    PainMonitoring,
    PatientGoals,
    Routine,
    Stage,
    Step,
)
from stretch_gui.core.routine.picturecheck import picture_problem
from stretch_gui.core.routine.problems import Problem, RoutineError
from stretch_gui.core.routine.schema_memory import SchemaMemory
from stretch_gui.core.wording import format_duration

FORMAT_VERSION = 1
MAX_ROUTINE_SECONDS = 4 * 3600
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")

# (smallest, largest) in seconds for every duration the format has.
DURATION_LIMITS = {
    "hold": (1, 3600),
    "rest": (0, 600),
    "switch": (1, 120),
    "prepare": (0, 300),
    "breathe": (1, 3600),
    "inhale": (1, 30),
    "pause": (0, 30),
    "exhale": (1, 30),
    "pause_after_exhale": (0, 30),
    "add_hold": (1, 600),
    "max_hold": (1, 3600),
}

DEFAULT_SWITCH = 5
DEFAULT_PREPARE = 5
EXERCISE_STEP_ONLY = ("exercise", "hold", "reps", "sets", "rest", "sides", "switch", "between", "cautions")

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class _Collector:
    """Gathers problems with positions so one run reports everything it can."""

    def __init__(self, source: str, document: Document) -> None:
        self.source = source
        self.document = document
        self.problems: list[Problem] = []

    def error(self, path: tuple[Any, ...], message: str, *, key: bool = False, warning: bool = False) -> None:
        positions = self.document.positions
        line, col = (positions.of_key(path) if key else positions.of_value(path)) or (None, None)
        self.problems.append(Problem(self.source, message, line, col, warning=warning))

    @property
    def failed(self) -> bool:
        return any(not p.warning for p in self.problems)



def schema_problems(
    document: Document, source: str, definition: str | None = None, *, memory: SchemaMemory | None = None
) -> list[Problem]:
    """Problems with ``document`` against the schema. ``memory`` remembers the texts that passed, so they
    skip jsonschema, and the schema's messages (``validation``) are imported only for a text not seen before."""
    if memory is not None and memory.passed(document.text, definition):
        return []
    from stretch_gui.core.routine.validation import validate

    problems = validate(document, source, definition)
    if memory is not None and not problems:
        memory.remember(document.text, definition)
    return problems

def load_routine_file(path: str | Path, *, memory: SchemaMemory | None = None) -> Routine:
    """Read and check a routine file; raise RoutineError listing every problem found.

    ``memory`` lets a text that passed the schema before skip it (see SchemaMemory).
    """
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RoutineError([Problem(source, f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})")])
        if not path.is_file() and not path.is_dir():
            # A device or pipe: /dev/zero reports size 0 and never ends.
            raise RoutineError([Problem(source, "this is not a regular file")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # read_yaml reports anything past the limit
    except IsADirectoryError:
        raise RoutineError([Problem(source, "this is a folder, not a routine file")]) from None
    except FileNotFoundError:
        raise RoutineError([Problem(source, "no such file")]) from None
    except OSError as exc:
        raise RoutineError([Problem(source, f"cannot read this file: {exc.strerror or exc}")]) from None
    return load_routine_text(raw, source=source, base_dir=path.resolve().parent, file=path, memory=memory)


def load_routine_text(
    content: str | bytes,
    *,
    source: str = "<routine>",
    base_dir: Path | None = None,
    file: Path | None = None,
    memory: SchemaMemory | None = None,
) -> Routine:
    """Check routine text; images resolve against ``base_dir`` when one is given."""
    # The strict reader first: it refuses text that cannot be UTF-8 (lone surrogates).
    document, remembered = _read(content, source, None, memory)
    raw = content.encode("utf-8") if isinstance(content, str) else content
    routine = _RoutineBuilder(source, document, base_dir, memory).build()
    if memory is not None and not remembered:
        memory.remember_document(content, None, document)  # it loaded cleanly: no need to parse it again
    return _with_origin(routine, file, sha256(raw).hexdigest())


def _read(content: str | bytes, source: str, definition: str | None, memory: SchemaMemory | None) -> tuple[Document, bool]:
    """The document, and whether it was remembered from a clean load of the same bytes (then PyYAML is not needed)."""
    if memory is not None:
        document = memory.recall_document(content, definition, source)
        if document is not None:
            return document, True
    from stretch_gui.core.routine.reader import read_yaml  # PyYAML: ~20 ms to import, ~60 ms to read the library

    return read_yaml(content, source), False


def check_routine_file(path: str | Path, *, memory: SchemaMemory | None = None) -> tuple[Routine | None, list[Problem]]:
    """For ``validate``: the routine (if usable) and every problem, warnings included."""
    try:
        routine = load_routine_file(path, memory=memory)
    except RoutineError as exc:
        return None, exc.problems
    return routine, list(routine.warnings)


def _with_origin(routine: Routine, file: Path | None, digest: str) -> Routine:
    return replace(routine, source=file.resolve() if file else None, content_hash=digest)


class _RoutineBuilder:
    def __init__(self, source: str, document: Document, base_dir: Path | None, memory: SchemaMemory | None) -> None:
        self.source = source
        self.memory = memory
        self.data = document.data
        self.base_dir = base_dir
        self.report = _Collector(source, document)

    def build(self) -> Routine:
        data = self.data
        if not isinstance(data, dict):
            problem = Problem(self.source, "a routine file is a set of 'key: value' lines (format, title, steps, ...)", 1, 1)
            raise RoutineError([problem])
        fmt = data.get("format")
        if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT_VERSION:
            self.report.error(
                ("format",),
                f"this routine was made for a newer version of stretch-gui (format {fmt};"
                f" this version reads format {FORMAT_VERSION}); please update stretch-gui",
            )
            raise RoutineError(self.report.problems)
        self.report.problems.extend(schema_problems(self.report.document, self.source, memory=self.memory))
        if self.report.failed:
            self._check_exercise_ids(data.get("steps"))  # reported with the rest, not after they are fixed
            raise RoutineError(self.report.problems)

        breathing = self._breathing(data.get("breathing"), ("breathing",)) or DEFAULT_BREATHING
        steps = [self._step(raw, ("steps", i), breathing) for i, raw in enumerate(data["steps"])]
        prescribed = data.get("prescribed", "")
        dates = {key: self._date(data, key) for key in ("prescribed", "start_date", "review_by")}
        if dates["start_date"] and dates["review_by"] and dates["review_by"] < dates["start_date"]:
            self.report.error(("review_by",), f"review_by ({data['review_by']}) is before start_date ({data['start_date']})")
        routine_stages = self._stages(data.get("stages"), ("stages",), None)
        goals = self._patient_goals(data.get("patient_goals"))
        if self.report.failed:
            raise RoutineError(self.report.problems)

        freq = data.get("frequency")
        routine = Routine(
            title=data["title"].strip(),
            steps=tuple(s for s in steps if s is not None),
            format=data["format"],
            description=data.get("description", "").strip(),
            author=data.get("author", "").strip(),
            patient=data.get("patient", "").strip(),
            prescribed=prescribed,
            revision=self._as_written(("revision",), data.get("revision", "")),
            profession=data.get("profession", "").strip(),
            registration=self._as_written(("registration",), data.get("registration", "")).strip(),
            start_date=data.get("start_date", ""),
            review_by=data.get("review_by", ""),
            weeks=data.get("weeks"),
            goal=data.get("goal", "").strip(),
            flare_up=data.get("flare_up", "").strip(),
            equipment=tuple(item.strip() for item in data.get("equipment", ())),
            stages=routine_stages,
            frequency=Frequency(**freq) if freq else None,
            cautions=tuple(data.get("cautions", ())),
            breathing=breathing,
            patient_goals=goals,
            pain_monitoring=PainMonitoring(**data.get("pain_monitoring", {})),
        )
        from stretch_gui.core.routine.plan import build_plan

        # The longest the routine gets: every stage's week is tried (a growing dose is capped by its max).
        from stretch_gui.core.routine.stages import for_day

        weeks = {stage.from_week for stage in routine_stages}
        for step in routine.steps:
            if isinstance(step, ExerciseStep):
                weeks.update(stage.from_week for stage in step.stages)
        start = datetime.date(2000, 1, 3)
        undated = replace(routine, start_date=start.isoformat(), review_by="")
        # Far enough past each stage's start for any growth to reach its most.
        trials = [routine] + [for_day(undated, start + datetime.timedelta(weeks=w + 104)) for w in weeks]
        total = max(build_plan(trial).total for trial in trials)
        if total > MAX_ROUTINE_SECONDS:
            self.report.error(
                ("steps",),
                f"the whole routine would take {format_duration(total)}; the limit is {format_duration(MAX_ROUTINE_SECONDS)}",
                key=True,
            )
            raise RoutineError(self.report.problems)
        return replace(routine, warnings=tuple(p for p in self.report.problems if p.warning))

    # -- pieces -------------------------------------------------------------

    def _date(self, data: dict[str, Any], key: str) -> datetime.date | None:
        written = data.get(key, "")
        if not written:
            return None
        try:
            return datetime.date.fromisoformat(written)
        except ValueError:
            self.report.error((key,), f"{key}: '{written}' is not a real date")
            return None

    def _patient_goals(self, raw: Any) -> PatientGoals | None:
        """The goals the file switches on; the schema has checked the shape, this finds an activity listed twice."""
        if raw is None:
            return None
        activities: list[str] = []
        seen: dict[str, int] = {}
        for index, written in enumerate(raw.get("activities", ())):
            name = " ".join(written.split())
            key = name.casefold()  # "Walking" and "walking " are the same activity to the patient
            if key in seen:
                first = (self.report.document.positions.of_value(("patient_goals", "activities", seen[key])) or (0, 0))[0]
                self.report.error(
                    ("patient_goals", "activities", index), f"activity '{name}' is listed twice (first on line {first}); keep one"
                )
                continue
            seen[key] = index
            activities.append(name)
        return PatientGoals(tuple(activities))

    def _stages(self, raw: Any, path: tuple[Any, ...], step: ExerciseStep | None) -> tuple[Stage, ...]:
        """Stages checked for order and fit; ``step`` is the step they belong to (None: the routine's)."""
        if not raw:
            return ()
        stages = []
        previous = 0
        for index, entry in enumerate(raw):
            here = path + (index,)
            week = entry["from_week"]
            if week <= previous:
                message = f"from_week {week} must come after week {previous} of the stage before; list the stages in order"
                self.report.error(here + ("from_week",), message)
            previous = max(previous, week)
            if step is not None:
                counted = "reps" if step.reps is not None else "hold"
                other = "hold" if counted == "reps" else "reps"
                for key in (other, f"add_{other}", f"max_{other}"):
                    if key in entry:
                        done = "reps" if counted == "reps" else "a hold"
                        message = f"'{step.title}' is done with {done}, so its stages cannot set '{key}'"
                        self.report.error(here + (key,), message, key=True)
            for kind in ("hold", "reps"):
                add, most = f"add_{kind}", f"max_{kind}"
                if (add in entry) != (most in entry):
                    given, missing = (add, most) if add in entry else (most, add)
                    example = "add_hold: 5s with max_hold: 45s" if kind == "hold" else "add_reps: 1 with max_reps: 12"
                    self.report.error(here + (given,), f"'{given}' needs '{missing}' beside it (e.g. {example})", key=True)
            line = (self.report.document.positions.of_value(here) or (0, 0))[0]
            stages.append(
                Stage(
                    from_week=week,
                    hold=self._seconds(entry, "hold", here, None),
                    reps=entry.get("reps"),
                    sets=entry.get("sets"),
                    rest=self._seconds(entry, "rest", here, None),
                    add_hold=self._seconds(entry, "add_hold", here, None),
                    max_hold=self._seconds(entry, "max_hold", here, None),
                    add_reps=entry.get("add_reps"),
                    max_reps=entry.get("max_reps"),
                    line=line,
                )
            )
        return tuple(stages)

    def _check_exercise_ids(self, steps: Any) -> None:
        if not isinstance(steps, list):
            return
        for i, raw in enumerate(steps):
            ref = raw.get("exercise") if isinstance(raw, dict) else None
            if isinstance(ref, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", ref):
                self._known_exercise(ref, ("steps", i, "exercise"))

    def _known_exercise(self, ref: str, path: tuple[Any, ...]) -> bool:
        library = exercise_library(self.memory)
        if ref in library.exercises:
            return True
        from difflib import get_close_matches  # only for a mistyped id: not on every start

        close = get_close_matches(ref, list(library.exercises), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        self.report.error(path, f"unknown exercise '{ref}'; {hint}built-in exercises: {', '.join(library.exercises)}")
        return False

    def _as_written(self, path: tuple[Any, ...], value: Any) -> str:
        """A value as the physio typed it: revision 1.10 stays "1.10", not the number 1.1."""
        return self.report.document.positions.written.get(path, str(value))

    def _seconds(self, raw: dict[str, Any], key: str, path: tuple[Any, ...], default: int | None) -> int | None:
        if key not in raw:
            return default
        try:
            seconds = parse_duration(raw[key])
        except ValueError as exc:
            self.report.error(path + (key,), f"{key}: {exc}")
            return default
        low, high = DURATION_LIMITS[key]
        if seconds < low:
            self.report.error(
                path + (key,), f"{key} must be at least {format_duration(low)}" if low else f"{key} cannot be negative"
            )
            return default
        if seconds > high:
            self.report.error(
                path + (key,), f"{key} of {format_duration(seconds)} is too long; the most is {format_duration(high)}"
            )
            return default
        return seconds

    def _breathing(self, raw: Any, path: tuple[Any, ...]) -> Breathing | None:
        if raw is None or raw is False or raw == "off":
            return None
        # The schema requires inhale and exhale. A pattern that is written out means
        # what it says, so an omitted pause is no pause, not the default's 1 s.
        phases = ("inhale", "pause", "exhale", "pause_after_exhale")
        return Breathing(**{key: self._seconds(raw, key, path, 0) or 0 for key in phases})

    def _step(self, raw: dict[str, Any], path: tuple[Any, ...], routine_breathing: Breathing) -> Step | None:
        line = (self.report.document.positions.of_value(path) or (0, 0))[0]
        has_exercise, has_breathe = "exercise" in raw, "breathe" in raw
        if has_exercise == has_breathe:
            self.report.error(path, "a step has either 'exercise:' or 'breathe:'" + (", not both" if has_exercise else ""))
            return None
        breathing: Breathing | None = routine_breathing
        if "breathing" in raw:
            breathing = self._breathing(raw["breathing"], path + ("breathing",))
        if has_breathe:
            return self._breathe_step(raw, path, breathing, line)
        return self._exercise_step(raw, path, breathing, line)

    def _breathe_step(self, raw: dict[str, Any], path: tuple[Any, ...], breathing: Breathing | None, line: int) -> Step | None:
        for key in EXERCISE_STEP_ONLY:
            if key in raw:
                self.report.error(path + (key,), f"'{key}' does not apply to a breathing step", key=True)
        if breathing is None:
            self.report.error(path + ("breathing",), "a breathing step cannot have breathing off")
            return None
        target = raw["breathe"]
        duration = breaths = None
        if isinstance(target, dict):
            breaths = target["breaths"]
        else:
            duration = self._seconds(raw, "breathe", path, None)
            if duration is None:
                return None
        return BreatheStep(
            breathing=breathing,
            duration=duration,
            breaths=breaths,
            prepare=self._seconds(raw, "prepare", path, 0) or 0,
            note=raw.get("note", "").strip(),
            line=line,
        )

    def _exercise_step(self, raw: dict[str, Any], path: tuple[Any, ...], breathing: Breathing | None, line: int) -> Step | None:
        defaults: dict[str, Any] = {}
        exercise: Exercise | None
        ref = raw["exercise"]
        if isinstance(ref, str):
            library = exercise_library(self.memory)
            if not self._known_exercise(ref, path + ("exercise",)):
                return None
            exercise = library.exercises[ref]
            defaults = library.defaults[ref]
        else:
            exercise = self._custom_exercise(ref, path + ("exercise",))
            if exercise is None:
                return None

        merged = {**defaults, **raw}
        if "hold" in raw and "reps" in raw:
            self.report.error(path + ("reps",), "a step has 'hold' or 'reps', not both", key=True)
            return None
        if "hold" in raw:
            merged.pop("reps", None)
        if "reps" in raw:
            merged.pop("hold", None)
        hold = self._seconds(merged, "hold", path, None) if "hold" in merged else None
        reps = merged.get("reps")
        if hold is None and reps is None:
            if "hold" not in merged:
                self.report.error(path, f"'{exercise.title}' needs a hold time (e.g. hold: 30s) or reps (e.g. reps: 8)")
            return None
        if reps is not None and breathing is None:
            self.report.error(path + ("breathing",), "reps are paced by the breath, so breathing cannot be off for this step")
            return None
        sets = merged.get("sets", 1)
        rest = self._seconds(merged, "rest", path, DEFAULT_REST_BETWEEN_SETS if sets > 1 else 0) or 0
        step = ExerciseStep(
            exercise=exercise,
            hold=hold,
            reps=reps,
            sets=sets,
            rest=rest if sets > 1 else 0,
            sides=SIDES_BY_NAME[merged["sides"]] if "sides" in merged else (),
            switch=self._seconds(merged, "switch", path, DEFAULT_SWITCH) or DEFAULT_SWITCH,
            prepare=self._seconds(merged, "prepare", path, DEFAULT_PREPARE) or 0,
            between=merged.get("between", "").strip(),
            breathing=breathing,
            note=raw.get("note", "").strip(),
            cautions=tuple(raw.get("cautions", ())),
            line=line,
            position=raw.get("position", "").strip(),
            equipment=tuple(item.strip() for item in raw.get("equipment", ())),
        )
        return replace(step, stages=self._stages(raw.get("stages"), path + ("stages",), step))

    def _custom_exercise(self, raw: dict[str, Any], path: tuple[Any, ...]) -> Exercise | None:
        images = {key: self._image(raw[key], path + (key,)) for key in ("image", "image_exhale") if key in raw}
        frames = [self._image(frame, path + ("frames", index)) for index, frame in enumerate(raw.get("frames", ()))]
        title = raw["title"].strip()
        return Exercise(
            id=re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "custom",
            title=title,
            instructions=raw["instructions"].strip(),
            cues=tuple(raw.get("cues", ())),
            cautions=tuple(raw.get("cautions", ())),
            image=images.get("image"),
            image_exhale=images.get("image_exhale"),
            frames=tuple(frame for frame in frames if frame is not None),
            on_inhale=raw.get("on_inhale", "").strip(),
            on_exhale=raw.get("on_exhale", "").strip(),
        )

    def _image(self, raw: str, path: tuple[Any, ...]) -> Path | None:
        problem = image_path_problem(raw)
        if problem:
            self.report.error(path, f"image '{raw}': {problem}")
            return None
        if self.base_dir is None:
            return Path(raw)
        folder = self.base_dir.resolve()
        full = folder / raw
        try:
            # resolve() follows symlinks, so a link inside the folder that points out is caught here.
            inside = full.resolve().is_relative_to(folder)
            found = full.is_file()
        except (OSError, RuntimeError) as exc:  # a name too long, a link loop (RuntimeError before 3.13)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it leads round in a loop of links"
            self.report.error(path, f"image '{raw}' cannot be used: {reason}")
            return None
        if not inside:
            self.report.error(
                path, f"image '{raw}' points outside the routine's folder (through a link); copy the picture into the folder"
            )
            return None
        if not found and not full.exists():
            self.report.error(
                path, f"image '{raw}' was not found next to the routine; a placeholder will show instead", warning=True
            )
            return full
        unusable = picture_problem(full)  # opened as the app will open it
        if unusable:
            self.report.error(path, f"{unusable}; a placeholder will show instead", warning=True)
        return full


def image_path_problem(raw: str) -> str | None:
    """Why an image path written in a routine is refused, or None when it is acceptable."""
    if _URL.match(raw) and not re.match(r"^[A-Za-z]:[\\/]", raw):
        return "web addresses are not allowed; put the picture next to the routine file"
    if raw.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", raw):
        return "write the path relative to the routine file, not from the top of the disk"
    if "\\" in raw:
        return "use '/' between folder names"
    if any(ord(char) < 32 or ord(char) == 127 for char in raw):
        return "the file name contains a control character"
    if ".." in PurePosixPath(raw).parts:
        return "pictures must be in the routine's folder or a folder inside it"
    if not raw.lower().endswith(IMAGE_SUFFIXES):
        return "pictures must be PNG, JPEG or SVG files"
    return None


# -- the built-in exercise library ---------------------------------------------


class ExerciseLibrary:
    def __init__(self, exercises: dict[str, Exercise], defaults: dict[str, dict[str, Any]]) -> None:
        self.exercises = exercises
        self.defaults = defaults


_LIBRARY_DOSAGE_KEYS = ("hold", "reps", "sets", "rest", "sides", "switch", "prepare", "between")


def exercise_library(memory: SchemaMemory | None = None) -> ExerciseLibrary:
    """The built-in exercises; a broken library is a bug in the app, reported like any file.

    ``memory`` spares the schema check of a library text that passed before.
    """
    return _exercise_library(memory)


@cache  # read once per memory: every routine shares the same Exercise objects
def _exercise_library(memory: SchemaMemory | None) -> ExerciseLibrary:
    path = resources.exercise_library_file()
    source = str(path)
    content = path.read_bytes()
    document, remembered = _read(content, source, "library", memory)
    problems = schema_problems(document, source, definition="library", memory=memory)
    if problems:
        raise RoutineError(problems)
    exercises: dict[str, Exercise] = {}
    defaults: dict[str, dict[str, Any]] = {}
    for exercise_id, raw in document.data["exercises"].items():
        exercises[exercise_id] = Exercise(
            id=exercise_id,
            title=raw["title"].strip(),
            summary=raw["summary"].strip(),
            instructions=raw["instructions"].strip(),
            cues=tuple(raw.get("cues", ())),
            cautions=tuple(raw.get("cautions", ())),
            image=resources.illustration(raw["image"]),
            image_exhale=resources.illustration(raw["image_exhale"]) if "image_exhale" in raw else None,
            frames=tuple(resources.illustration(frame) for frame in raw.get("frames", ())),
            on_inhale=raw.get("on_inhale", "").strip(),
            on_exhale=raw.get("on_exhale", "").strip(),
            builtin=True,
        )
        defaults[exercise_id] = {key: raw[key] for key in _LIBRARY_DOSAGE_KEYS if key in raw}
    if memory is not None and not remembered:
        memory.remember_document(content, "library", document)
    return ExerciseLibrary(exercises, defaults)
