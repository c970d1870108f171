"""The handout as a real PDF: read back page by page with QtPdf, and the command that writes it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QImage, QPageLayout, QPageSize

from stretch_gui.core.content.handout import build_handout
from stretch_gui.core.resources import builtin_routine_files
from stretch_gui.core.routine.loader import load_routine_file
from stretch_gui.qt.handout_pdf import HandoutWriteError, paint_handout, write_pdf

WriteRoutine = Callable[..., Path]
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")


@pytest.fixture
def pdf_pages(qapp):  # type: ignore[no-untyped-def]
    """``pdf_pages(path)`` -> the text of each page, as QtPdf reads it (whitespace collapsed)."""
    from PySide6.QtPdf import QPdfDocument

    documents: list[QPdfDocument] = []

    def read(path: Path) -> list[str]:
        document = QPdfDocument()
        documents.append(document)
        assert document.load(str(path)) == QPdfDocument.Error.None_
        assert document.status() == QPdfDocument.Status.Ready
        return [" ".join(document.getAllText(page).text().split()) for page in range(document.pageCount())]

    yield read
    for document in documents:
        document.close()


def page_size_in_points(path: Path) -> tuple[float, float]:
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_
        size = document.pagePointSize(0)
        return round(size.width()), round(size.height())
    finally:
        document.close()


def pages_with(pages: list[str], text: str) -> list[int]:
    """Pages holding ``text``, not counting "11. Title" as "1. Title"."""
    pattern = re.compile(rf"(?<!\d){re.escape(text)}")
    return [number for number, page in enumerate(pages, start=1) if pattern.search(page)]


def squashed(text: str) -> str:
    """Without any whitespace: QtPdf splits headings that are turned on their side into pieces."""
    return "".join(text.split())


@pytest.mark.parametrize("path", builtin_routine_files(), ids=lambda p: p.stem)
def test_builtin_handout_has_every_step_whole_and_a_log_last(path: Path, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    routine = load_routine_file(path)
    handout = build_handout(routine)
    out = tmp_path / "handout.pdf"
    count = write_pdf(routine, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" not in data, "the SVG illustrations should be vectors, not pictures of pixels"

    pages = pdf_pages(out)
    assert len(pages) == count >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {count}" in page
        assert path.name in page  # the footer names the file
    first = pages[0]
    for text in (routine.title, "For:", "From:", handout.frequency, handout.total, handout.breathing, *routine.cautions):
        assert text in first, text

    content, log = pages[:-1], pages[-1]
    for step in handout.steps:
        heading = f"{step.number}. {step.title}"
        (page,) = pages_with(content, heading)  # exactly one page: the block is never split or repeated
        for text in (step.dosage, *step.cautions, step.note):
            assert text in content[page - 1], (heading, text)
    assert pages_with(content, "When to stop and get help")
    assert "Your two-week log" in log and "Pain 0–10" in log
    for column in handout.log_columns:
        assert squashed(column) in squashed(log), column
    assert re.search(r"\b1 2 3 4 5 6 7 8 9 10 11 12 13 14\b", log), log


def test_one_step_routine_is_one_page_and_the_log(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    path = write_routine("format: 1\ntitle: Just breathe\npatient: A. Patient\nrevision: 2\nsteps: [{breathe: {breaths: 6}}]\n")
    out = tmp_path / "out.pdf"
    assert write_pdf(load_routine_file(path), out) == 2
    pages = pdf_pages(out)
    assert len(pages) == 2
    assert "For: A. Patient" in pages[0] and "Revision: 2" in pages[0]
    assert "revision 2" in pages[1]  # footer
    assert "Name: A. Patient" in pages[1]


def test_a_long_routine_breaks_between_blocks(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    steps = "".join(f"  - exercise: hamstring-stretch\n    hold: {10 + n}s\n" for n in range(14))
    path = write_routine(f"format: 1\ntitle: Many\nsteps:\n{steps}")
    out = tmp_path / "many.pdf"
    count = write_pdf(load_routine_file(path), out)
    pages = pdf_pages(out)
    assert count == len(pages) >= 5
    for n in range(14):
        (page,) = pages_with(pages[:-1], f"{n + 1}. Hamstring stretch")
        assert f"Hold {10 + n} s · each side · 2 sets" in pages[page - 1]
    assert "Done" in pages[-1]  # too many steps for a column each


def test_a_block_longer_than_a_page_is_shrunk_not_cut(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(["Breathe slowly and let the back go soft."] * 40)
    cautions = [f"      - Caution number {n} says something a patient must read to the end." for n in range(1, 21)]
    lines = [
        "format: 1", "title: Wordy", "steps:",
        "  - exercise:", "      title: Very long exercise", f"      instructions: {words}", "      cautions:", *cautions,
        "    hold: 30s",
    ]
    path = write_routine("\n".join(lines) + "\n")
    out = tmp_path / "wordy.pdf"
    write_pdf(load_routine_file(path), out)
    pages = pdf_pages(out)
    (page,) = pages_with(pages[:-1], "1. Very long exercise")
    assert "Caution number 1 says" in pages[page - 1]
    assert "Caution number 20 says something a patient must read to the end." in pages[page - 1]


def test_pictures_custom_missing_and_letter_paper(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x808080)
    assert image.save(str(tmp_path / "own.png"))
    path = write_routine(
        """
        format: 1
        title: Pictures
        steps:
          - exercise: {title: Own picture, instructions: Do it., image: own.png}
            hold: 10s
          - exercise: {title: Lost picture, instructions: Do it., image: gone.png}
            hold: 10s
          - exercise: {title: Words only, instructions: Do it.}
            hold: 10s
        """
    )
    out = tmp_path / "pictures.pdf"
    write_pdf(load_routine_file(path), out, paper="letter")
    assert page_size_in_points(out) == (612, 792)
    assert b"/Subtype /Image" in out.read_bytes()  # the PNG is embedded as an image
    pages = pdf_pages(out)
    assert pages[0].count("No picture") == 1  # a placeholder for the lost file only, none where none was given
    assert "3. Words only" in pages[0]


def test_a4_is_the_default(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "a4.pdf"
    write_pdf(load_routine_file(builtin_routine_files()[0]), out)
    assert page_size_in_points(out) == (595, 842)


def test_printing_paints_the_same_pages_on_a_printer(tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    routine = load_routine_file(builtin_routine_files()[0])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    count = paint_handout(build_handout(routine), printer)
    write_pdf(routine, tmp_path / "written.pdf")
    printed, written = pdf_pages(tmp_path / "printed.pdf"), pdf_pages(tmp_path / "written.pdf")
    assert len(printed) == count == len(written)
    assert printed == written


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    routine = load_routine_file(builtin_routine_files()[0])
    with pytest.raises(HandoutWriteError, match="cannot write"):
        write_pdf(routine, tmp_path / "no such folder" / "out.pdf")
    assert not (tmp_path / "no such folder").exists()
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous handout")
    (tmp_path / "out.pdf.lock").mkdir()  # harmless neighbour: only the target is replaced
    assert write_pdf(routine, target) >= 2
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf", "out.pdf.lock"]  # no temporary file left


# -- the command ------------------------------------------------------------------


@pytest.fixture
def handout_cli(tmp_path: Path, python: str, subprocess_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """``handout_cli(args..., file_size_limit=None)`` runs ``stretch-gui handout`` in a fresh process."""

    def run(*args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(subprocess_env)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("QT_QPA_PLATFORM", None)  # the command must find its own way without a display
        # A file size limit makes the write fail part-way, as a full disk would (Python ignores SIGXFSZ).
        limit = f"resource.setrlimit(resource.RLIMIT_FSIZE, ({file_size_limit}, {file_size_limit}))" if file_size_limit else ""
        code = (
            f"import resource, runpy, sys\n{limit}\n"
            "sys.argv = ['stretch-gui', 'handout', *sys.argv[1:]]\nrunpy.run_module('stretch_gui', run_name='__main__')"
        )
        result = subprocess.run(
            [python, "-c", code, *args], check=False, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
        )
        assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
        return result

    return run


def test_cli_writes_a_handout_without_a_display(handout_cli, repo_root: Path, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    routine_file = repo_root / "routines" / "back-spasm-relief.yaml"
    result = handout_cli(str(routine_file), "-o", "relief.pdf", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "relief.pdf"
    pages = pdf_pages(out)
    assert result.stdout.strip() == f"relief.pdf: {len(pages)} pages, Back spasm relief"
    assert page_size_in_points(out) == (612, 792)
    assert "Back spasm relief" in pages[0] and "Your two-week log" in pages[-1]


def test_cli_broken_routine_prints_where_and_exits_1(handout_cli, write_routine: WriteRoutine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_routine("format: 1\ntitle: Bad\nsteps:\n  - exercise: childs-pose\n    hodl: 30\n", name="bad.yaml")
    result = handout_cli("bad.yaml", "-o", "bad.pdf")
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    found = PROBLEM_LINE.match(line)
    assert found and (found["file"], found["line"], found["col"]) == ("bad.yaml", "5", "5"), line
    assert not (tmp_path / "bad.pdf").exists()


def test_cli_failed_write_keeps_the_old_file_and_exits_2(handout_cli, repo_root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "relief.pdf"
    old.write_bytes(b"last week's handout")
    result = handout_cli(str(repo_root / "routines" / "back-spasm-relief.yaml"), "-o", "relief.pdf", file_size_limit=8000)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cannot write relief.pdf" in result.stderr and "left as it was" in result.stderr
    assert old.read_bytes() == b"last week's handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relief.pdf"]


def test_cli_output_in_a_missing_folder_exits_2(handout_cli, repo_root: Path) -> None:  # type: ignore[no-untyped-def]
    result = handout_cli(str(repo_root / "routines" / "desk-break.yaml"), "-o", "missing/out.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("stretch-gui: cannot write missing/out.pdf")


# -- all thirteen built-in exercises, each with a picture big enough to read -----------

ALL_THIRTEEN = """\
format: 1
title: All thirteen
steps:
  - exercise: childs-pose
  - exercise: cat-cow
  - exercise: hamstring-stretch
  - exercise: tennis-ball-release
  - exercise: seated-twist
  - exercise: lying-twist
  - exercise: knee-to-chest
  - exercise: pelvic-tilt
  - exercise: partial-crunch
  - exercise: wall-sit
  - exercise: foam-roller-release
  - exercise: ball-back-stretch
  - exercise: ball-back-extension
"""


def test_handout_of_all_thirteen_has_a_picture_each_at_least_45_mm_wide(
    qapp: object, write_routine: WriteRoutine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stretch_gui.qt import handout_pdf

    routine = load_routine_file(write_routine(ALL_THIRTEEN))
    drawn: list[tuple[str, float]] = []
    original = handout_pdf._Canvas.picture

    def picture(self: handout_pdf._Canvas, path: Path | None, x: float, y: float, w: float, h: float) -> None:
        if not self.dry and path is not None:
            assert handout_pdf.Picture(path).ok, path
            natural = handout_pdf.Picture(path).natural_size()
            drawn.append((path.name, min(w, h * natural.width() / natural.height())))  # the width it is drawn at
        original(self, path, x, y, w, h)

    monkeypatch.setattr(handout_pdf._Canvas, "picture", picture)
    write_pdf(routine, tmp_path / "all.pdf", paper="a4")
    names = {name for name, _ in drawn}
    ids = [step.exercise.id for step in routine.steps]  # type: ignore[union-attr]
    assert len(ids) == 13
    for exercise_id in ids:
        assert any(name.startswith(exercise_id) for name in names), exercise_id
    assert {"cat-cow-cow.svg", "cat-cow-cat.svg"} <= names  # the moving one shows both end poses
    for name, width_points in drawn:
        assert width_points * 25.4 / 72 >= 45, f"{name} is only {width_points * 25.4 / 72:.0f} mm wide"


def test_cli_prints_the_warning_for_a_picture_it_cannot_print(handout_cli, write_routine: WriteRoutine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_routine(
        "format: 1\ntitle: Pic\nsteps:\n  - exercise: {title: K, instructions: D, image: knee.png}\n    hold: 5\n",
        name="pic.yaml",
    )
    (tmp_path / "knee.png").write_bytes(b"")
    result = handout_cli("pic.yaml", "-o", "pic.pdf")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "pic.yaml:4:50: warning: knee.png is empty; save the picture again; a placeholder will show instead"
    ]


def test_cli_refuses_a_fifo_and_exits_2(handout_cli, repo_root: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    fifo = tmp_path / "some.fifo"
    os.mkfifo(fifo)
    result = handout_cli(str(repo_root / "routines" / "desk-break.yaml"), "-o", "some.fifo")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("stretch-gui: cannot write some.fifo: it is a named pipe, not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_the_pdf_prints_the_prescription_and_the_progression(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from stretch_gui.core.routine.stages import for_day
    from tests.support.routines import PRESCRIBED

    out = tmp_path / "out.pdf"
    write_pdf(for_day(load_routine_file(write_routine(PRESCRIBED)), date(2026, 3, 16)), out)
    text = " ".join(pdf_pages(out))
    for words in (
        "GOAL Sit through the school run without pain.",
        "PROGRAMME 8 weeks from 2 March 2026 · review by 27 April 2026",
        "YOU NEED A mat, A cushion",
        "PRESCRIBED BY Jane Doe, Physiotherapist, registration PH 12345",
        "HOW IT PROGRESSES Weeks 1–2: holds 20 s From week 3: holds 30 s, 3 sets",
        "The doses below are for week 3 (16 March 2026).",
        "If your pain flares up • Do only the breathing for two days.",
        "Starting position: Kneeling on the mat",
        "How it progresses: • Week 1: holds 15 s • From week 2: holds 5 s longer each week, up to 45 s",
    ):
        assert words in text, words


def test_the_pdf_states_the_pain_rule_with_the_physios_numbers(write_routine: WriteRoutine, tmp_path: Path, pdf_pages) -> None:  # type: ignore[no-untyped-def]
    path = write_routine(
        "format: 1\ntitle: Careful\npain_monitoring: {acceptable_pain: 3, worse_mornings: 3}\nsteps: [{breathe: {breaths: 6}}]\n"
    )
    out = tmp_path / "out.pdf"
    write_pdf(load_routine_file(path), out)
    text = " ".join(pdf_pages(out))
    assert "Checking your pain" in text
    assert "Pain up to 3 out of 10 during the exercises is acceptable." in text
    assert "worse three mornings in a row, contact your physio" in text
    assert "above 3 out of 10 the next morning" in text
