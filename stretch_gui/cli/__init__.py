"""The ``stretch-gui`` command: open the window, or check and preview routine files."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from stretch_gui import __version__

COMMANDS = ("validate", "show", "schema", "history", "handout", "report")


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretch-gui",
        description="Guided stretching routines for back pain. Run with no command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"stretch-gui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check routine files; problems print as FILE:LINE:COL: message",
        description="Check routine files. Exit status 0 when all are valid, 1 when any is not.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", type=Path)
    show = commands.add_parser(
        "show",
        help="print a routine's timeline and total time",
        description="Print a routine's timeline and total time, with the doses its stages give on a day (default: today).",
    )
    show.add_argument("file", metavar="FILE", type=Path)
    show.add_argument("--on", metavar="YYYY-MM-DD", type=_iso_date, help="the day whose stage to show (default: today)")
    commands.add_parser("schema", help="print the JSON Schema of the routine format, for editors")
    history = commands.add_parser(
        "history",
        help="list recent sessions, or export them all with --csv FILE",
        description="List the most recent sessions from the history the window keeps, or export every session as CSV.",
    )
    history.add_argument("--csv", metavar="FILE", type=Path, help="write every session to FILE as CSV (for a spreadsheet)")
    history.add_argument("--database", metavar="PATH", type=Path, help="the history file (default: the one the window uses)")
    history.add_argument("--limit", metavar="N", type=int, default=10, help="how many sessions to list (default 10)")
    handout = commands.add_parser(
        "handout",
        help="write a printable PDF handout of a routine, with a two-week log",
        description="Write a routine as a printable PDF handout: pictures, instructions, doses, cautions "
        "and a two-week tick-box log. Exit status 1 for a broken routine, 2 when the PDF cannot be written.",
    )
    handout.add_argument("file", metavar="ROUTINE", type=Path, help="the routine file")
    handout.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write the PDF")
    handout.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    handout.add_argument(
        "--on", metavar="YYYY-MM-DD", type=_iso_date, help="the day whose doses to print, for a staged routine (default: today)"
    )
    report = commands.add_parser(
        "report",
        help="write a PDF progress report of a routine's sessions, for the next appointment",
        description="Write a one- or two-page PDF for the physio: sessions by week against the prescription, "
        "pain before and after, exercises marked as hurting, stopped sessions and the stages reached. "
        "Exit status 1 for a broken routine or history, 2 when the PDF cannot be written.",
    )
    report.add_argument("file", metavar="ROUTINE", type=Path, help="the routine file")
    report.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True, help="where to write the PDF")
    report.add_argument(
        "--since", metavar="YYYY-MM-DD", type=_iso_date, help="the first day to report on (default: the first session)"
    )
    report.add_argument("--database", metavar="PATH", type=Path, help="the history file (default: the one the window uses)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    return parser


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stretch-gui",
        usage="stretch-gui [FILE]\n       stretch-gui {validate,show,schema,history,handout,report} ...",
        description="Open the stretch-gui window, optionally straight into a routine file. "
        "Commands: validate FILE..., show FILE, schema, history [--csv FILE], handout FILE -o PDF, report FILE -o PDF "
        "(see 'stretch-gui COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"stretch-gui {__version__}")
    parser.add_argument("file", nargs="?", metavar="FILE", type=Path, help="a routine file to open, paused on its first step")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``stretch-gui history | head -1``): stop quietly. Python would
        # flush stdout again at exit and print a second error, so point it at /dev/null first.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        options = _command_parser().parse_args(args)
        if options.command == "validate":
            return _validate(options.files)
        if options.command == "show":
            return _show(options.file, options.on)
        if options.command == "history":
            from stretch_gui.cli.history import run_history

            return run_history(database=options.database, csv_file=options.csv, limit=options.limit)
        if options.command == "handout":
            return _handout(options.file, options.output, options.paper, options.on or datetime.date.today())
        if options.command == "report":
            from stretch_gui.cli.report import run_report

            return run_report(
                options.file,
                options.output,
                since=options.since,
                database=options.database,
                paper=options.paper,
                today=datetime.date.today(),
            )
        return _schema()
    options = _window_parser().parse_args(args)
    from stretch_gui.ui.app import run  # Qt is imported only when a window is wanted

    return run(options.file)


def _validate(files: list[Path]) -> int:
    from stretch_gui.core.routine.loader import check_routine_file
    from stretch_gui.core.routine.plan import build_plan
    from stretch_gui.core.wording import count, format_duration

    all_valid = True
    for file in files:
        routine, problems = check_routine_file(file)
        for problem in problems:
            print(problem)
        if routine is None:
            all_valid = False
        else:
            total = format_duration(build_plan(routine).total)
            print(f"{file}: ok: {routine.title}, {count(len(routine.steps), 'step')}, {total}")
    return 0 if all_valid else 1


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def _show(file: Path, on: datetime.date | None) -> int:
    from stretch_gui.core.routine.loader import load_routine_file
    from stretch_gui.core.routine.plan import build_plan
    from stretch_gui.core.routine.problems import RoutineError

    try:
        routine = load_routine_file(file)
    except RoutineError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(build_plan(routine, on=on or datetime.date.today()).describe())
    return 0


def _handout(file: Path, output: Path, paper: str, on: datetime.date) -> int:
    from stretch_gui.core.routine.loader import load_routine_file
    from stretch_gui.core.routine.problems import RoutineError
    from stretch_gui.core.routine.stages import for_day

    try:
        routine = for_day(load_routine_file(file), on)
    except RoutineError as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in routine.warnings:  # a picture the handout cannot print says why, as validate does
        print(warning, file=sys.stderr)
    from stretch_gui.qt.handout_pdf import (
        HandoutWriteError,
        ensure_gui_application,
        write_pdf,
    )

    ensure_gui_application()
    try:
        pages = write_pdf(routine, output, paper=paper)
    except HandoutWriteError as exc:
        kept = " (the existing file was left as it was)" if output.exists() else ""
        print(f"stretch-gui: {exc}{kept}", file=sys.stderr)
        return 2
    print(f"{output}: {pages} pages, {routine.title}")
    return 0


def _schema() -> int:
    from stretch_gui.core.resources import schema_file

    sys.stdout.write(schema_file().read_text(encoding="utf-8"))
    return 0
