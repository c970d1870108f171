#!/usr/bin/env python3
"""Start-up, memory and CPU benchmark: stretch-gui against a bare PySide6 window.

    python benchmarks/run.py [--seconds 30] [--repeat 7] [--only startup,cpu]

Every figure comes from fresh child processes (benchmarks/_child.py) on Qt's
offscreen platform, alternating app and bare runs; see benchmarks/README.md for
what exactly is measured. A benchmark, not a test: it prints a table and exits
0 whatever the targets say (1 only if a child process fails).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = HERE / "_child.py"
KINDS = ("app", "bare")

# Issue 15's targets.
STARTUP_RATIO_TARGET = 1.5  # a routine opened before: first paint within 1.5 x the bare window
COLD_RATIO_TARGET = 1.8  # a routine never opened before: within 1.8 x
PEAK_RSS_TARGET_MIB = 70.0  # app peak RSS < 70 MiB, both cases
CPU_TARGET_PERCENT = 2.5  # pacer plus countdown < 2.5 % of one core on a hold

# Child-side phases of start-up, in order: (mark, label).
PHASES = (
    ("interpreter", "spawn -> interpreter runs child's first line"),
    ("qt_imported", "import PySide6 QtCore/QtWidgets"),
    ("app_imported", "import stretch_gui.ui.app"),
    ("qapplication", "QApplication()"),
    ("window_built", "build window (app: create_window(file))"),
    ("shown", "window.show()"),
    ("paint_event", "event loop -> first Paint event reaches the widget"),
    ("first_paint_done", "paint pass finished (zero-timer fires)"),
)


class ChildFailedError(RuntimeError):
    pass


def child_env(config_home: str, cache_home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Fresh, empty settings for every run: nothing of the user's is read or written.
    env["XDG_CONFIG_HOME"] = config_home
    # The cache holds which routine texts already passed the schema and what they were read as
    # (stretch_gui/core/routine/schema_memory.py).
    env["XDG_CACHE_HOME"] = cache_home
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # The code of this checkout, not whatever copy an editable install points at.
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    # An installed app starts from compiled bytecode (pip and distro packages write the .pyc files).
    # With PYTHONDONTWRITEBYTECODE set, as in some shells and CI, every start would compile the app's
    # ~80 modules afresh (~60 ms) while the bare window's PySide6 comes compiled: so the children write
    # and reuse .pyc files in a folder of this run (the warm-up writes them), unless --no-pyc.
    if PYCACHE is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


PYCACHE: str | None = None  # set by main()


def run_child(kind: str, mode: str, seconds: float = 0.0, timeout: float = 120.0, cache_home: str | None = None) -> dict:
    """Spawn one child; return its result with ``wall_to_paint`` as seen from here.

    Without ``cache_home`` the child starts with an empty cache: the routine is new to it.
    """
    config_home = tempfile.mkdtemp(prefix="stretch-bench-")
    try:
        cmd = [sys.executable, str(CHILD), kind, mode] + ([repr(seconds)] if mode == "cpu" else [])
        env = child_env(config_home, cache_home or os.path.join(config_home, "cache"))
        t_spawn = time.monotonic()  # the start-up clock starts just before the spawn
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, cwd=HERE.parent)
        t_painted = None
        result = None
        assert proc.stdout is not None
        for line in proc.stdout:
            if t_painted is None and line.strip() == "PAINTED":
                t_painted = time.monotonic()
            elif line.startswith("RESULT "):
                result = json.loads(line[len("RESULT "):])
        stderr = proc.stderr.read() if proc.stderr else ""
        code = proc.wait(timeout=timeout)
        if code != 0 or result is None or t_painted is None:
            raise ChildFailedError(f"{' '.join(cmd)} exited with {code}\n{stderr.strip()}")
        result["t_spawn"] = t_spawn
        result["wall_to_paint"] = t_painted - t_spawn
        return result
    finally:
        shutil.rmtree(config_home, ignore_errors=True)


# -- statistics and printing --------------------------------------------------


def med(values: list[float]) -> float:
    return statistics.median(values)


def fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def header(args: argparse.Namespace) -> None:
    import PySide6
    from PySide6 import QtCore

    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print("stretch-gui benchmark: app (routines/back-spasm-relief.yaml in the player) vs a bare PySide6 window")
    print(f"  Python   {platform.python_version()} ({sys.executable})")
    print(f"  PySide6  {PySide6.__version__}, Qt {QtCore.qVersion()} (built against {QtCore.__version__})")
    print(f"  machine  nproc={usable} (cpu_count={os.cpu_count()}), {platform.machine()}, {cpu_model or 'cpu model unknown'}, "
          f"{platform.system()} {platform.release()}")
    print(f"  load     {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min) at start")
    print(f"  QPA      offscreen; {args.repeat} repetitions per figure, app/bare alternating, each in a fresh process; "
          f"CPU runs {args.seconds:g} s")
    print(f"  code     {HERE.parent}; " + ("compiled from source at every start (--no-pyc)" if args.no_pyc
                                           else "bytecode cached by the warm-up run, as an installed app has it"))
    print()


def table(rows: list[tuple[str, ...]], heads: tuple[str, ...]) -> None:
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(len(heads))]
    line = "  ".join(h.ljust(widths[i]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(heads))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(widths[i]) if i in (0, len(r) - 1, len(r) - 2) else str(c).rjust(widths[i])
                        for i, c in enumerate(r)).rstrip())


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# -- the measurements -----------------------------------------------------------


def alternating(repeat: int, fn, kinds: tuple[str, ...] = KINDS) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """Run ``fn(kind)`` ``repeat`` times per kind, alternating which kind goes first."""
    results: dict[str, list[dict]] = {k: [] for k in kinds}
    for i in range(repeat):
        for kind in (kinds if i % 2 == 0 else kinds[::-1]):
            results[kind].append(fn(kind))
            print(".", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each CPU run (default 30)")
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per figure and per kind (default 7)")
    parser.add_argument("--only", default="startup,cpu",
                        help="comma-separated: startup (start-up and RSS at first paint), cpu (CPU, fps, RSS after the run)")
    parser.add_argument("--json", type=Path, help="also write every raw child result to this file")
    parser.add_argument("--floor", action="store_true",
                        help="with startup: also time the floor, the bare window in the app's theme showing the "
                             "routine's first words (what the app cannot skip before its first paint, without the player)")
    parser.add_argument("--no-pyc", action="store_true",
                        help="compile the app's source at every start, as with PYTHONDONTWRITEBYTECODE (not how it is installed)")
    args = parser.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    if not parts <= {"startup", "cpu"} or args.repeat < 1 or args.seconds <= 0:
        parser.error("--only takes startup and/or cpu; --repeat and --seconds must be positive")
    if args.floor and "startup" not in parts:
        parser.error("--floor is a start-up figure: use it with --only startup (or without --only)")

    header(args)
    sys.stdout.flush()  # before the progress dots on stderr
    raw: dict[str, dict] = {}
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    startup: dict[str, list[dict]] = {}
    first_open: dict[str, list[dict]] = {}
    no_file: dict[str, list[dict]] = {}
    floor: dict[str, list[dict]] = {}
    cpu: dict[str, list[dict]] = {}
    # One cache for the whole run: after the warm-up the routine is one the app has opened before,
    # as it is for a patient on every day but the first.
    shared_cache = tempfile.mkdtemp(prefix="stretch-bench-cache-")
    global PYCACHE
    PYCACHE = None if args.no_pyc else os.path.join(shared_cache, "pycache")
    try:
        if "startup" in parts:
            print(f"start-up: 1 warm-up + {args.repeat} runs per kind, {args.repeat} more with an empty cache, "
                  f"{args.repeat} with no file", file=sys.stderr)
            for kind in KINDS:  # warm the page cache and .pyc files; not counted
                run_child(kind, "startup", cache_home=shared_cache)
            run_child("start", "startup", cache_home=shared_cache)  # the built-in routines, remembered
            startup = raw["startup"] = alternating(args.repeat, lambda kind: run_child(kind, "startup", cache_home=shared_cache))
            first_open = raw["first_open"] = alternating(args.repeat, lambda kind: run_child(kind, "startup"))
            # No file: the start screen and its list of routines (built-in and recent, read through the warm cache).
            no_file = raw["no_file"] = alternating(
                args.repeat, lambda kind: run_child("start" if kind == "app" else kind, "startup", cache_home=shared_cache)
            )
            if args.floor:
                floor = raw["floor"] = alternating(
                    args.repeat, lambda kind: run_child(kind, "startup", cache_home=shared_cache), ("floor", "bare")
                )
        if "cpu" in parts:
            if not startup:
                run_child("app", "startup", cache_home=shared_cache)  # the routine is one the app has seen
            minutes = 2 * args.repeat * (args.seconds + 1.5) / 60
            print(f"cpu: {args.repeat} runs of {args.seconds:g} s per kind (~{minutes:.1f} min)", file=sys.stderr)
            cpu = raw["cpu"] = alternating(
                args.repeat,
                lambda kind: run_child(kind, "cpu", args.seconds, timeout=args.seconds + 120, cache_home=shared_cache),
            )
    except ChildFailedError as exc:
        print(f"a child process failed:\n{exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(shared_cache, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1))

    heads = ("measurement", "app med", "app min", "bare med", "bare min", "app/bare", "target", "result")
    peaks_app: list[float] = []
    if startup:
        ms = {k: [r["wall_to_paint"] * 1000 for r in startup[k]] for k in KINDS}
        ratio = med(ms["app"]) / med(ms["bare"])
        rows.append(("start-up to first paint, ms", fmt(med(ms["app"]), 0), fmt(min(ms["app"]), 0), fmt(med(ms["bare"]), 0),
                     fmt(min(ms["bare"]), 0), f"{ratio:.2f}x", f"app <= {STARTUP_RATIO_TARGET}x bare",
                     verdict(ratio <= STARTUP_RATIO_TARGET)))
        cold = {k: [r["wall_to_paint"] * 1000 for r in first_open[k]] for k in KINDS}
        cold_ratio = med(cold["app"]) / med(cold["bare"])
        rows.append(("  same, routine never opened before", fmt(med(cold["app"]), 0), fmt(min(cold["app"]), 0),
                     fmt(med(cold["bare"]), 0), fmt(min(cold["bare"]), 0), f"{cold_ratio:.2f}x",
                     f"app <= {COLD_RATIO_TARGET}x bare", verdict(cold_ratio <= COLD_RATIO_TARGET)))
        start_ms = {k: [r["wall_to_paint"] * 1000 for r in no_file[k]] for k in KINDS}
        start_ratio = med(start_ms["app"]) / med(start_ms["bare"])
        rows.append(("  same, no file (start screen)", fmt(med(start_ms["app"]), 0), fmt(min(start_ms["app"]), 0),
                     fmt(med(start_ms["bare"]), 0), fmt(min(start_ms["bare"]), 0), f"{start_ratio:.2f}x",
                     f"app <= {STARTUP_RATIO_TARGET}x bare", verdict(start_ratio <= STARTUP_RATIO_TARGET)))
        if floor:
            floor_ms = {k: [r["wall_to_paint"] * 1000 for r in floor[k]] for k in floor}
            floor_ratio = med(floor_ms["floor"]) / med(floor_ms["bare"])
            rows.append(("  floor: bare window in the app's theme, routine's words", fmt(med(floor_ms["floor"]), 0),
                         fmt(min(floor_ms["floor"]), 0), fmt(med(floor_ms["bare"]), 0), fmt(min(floor_ms["bare"]), 0),
                         f"{floor_ratio:.2f}x", "(no player: reference)", "info"))
        mib = {k: [r["maxrss_first_paint"] / 1024 for r in startup[k]] for k in KINDS}
        peaks_app.append(med(mib["app"]))
        cold_mib = {k: [r["maxrss_first_paint"] / 1024 for r in first_open[k]] for k in KINDS}
        peaks_app.append(med(cold_mib["app"]))
        rows.append(("peak RSS at first paint, MiB", fmt(med(mib["app"])), fmt(min(mib["app"])), fmt(med(mib["bare"])),
                     fmt(min(mib["bare"])), f"{med(mib['app']) / med(mib['bare']):.2f}x", f"app < {PEAK_RSS_TARGET_MIB:g} MiB",
                     verdict(med(mib["app"]) < PEAK_RSS_TARGET_MIB)))
        rows.append(("  same, routine never opened before", fmt(med(cold_mib["app"])), fmt(min(cold_mib["app"])),
                     fmt(med(cold_mib["bare"])), fmt(min(cold_mib["bare"])),
                     f"{med(cold_mib['app']) / med(cold_mib['bare']):.2f}x", f"app < {PEAK_RSS_TARGET_MIB:g} MiB",
                     verdict(med(cold_mib["app"]) < PEAK_RSS_TARGET_MIB)))
        start_mib = {k: [r["maxrss_first_paint"] / 1024 for r in no_file[k]] for k in KINDS}
        peaks_app.append(med(start_mib["app"]))
        rows.append(("  same, no file (start screen)", fmt(med(start_mib["app"])), fmt(min(start_mib["app"])),
                     fmt(med(start_mib["bare"])), fmt(min(start_mib["bare"])),
                     f"{med(start_mib['app']) / med(start_mib['bare']):.2f}x", f"app < {PEAK_RSS_TARGET_MIB:g} MiB",
                     verdict(med(start_mib["app"]) < PEAK_RSS_TARGET_MIB)))
        if floor:
            floor_mib = {k: [r["maxrss_first_paint"] / 1024 for r in floor[k]] for k in floor}
            rows.append(("  floor (as above)", fmt(med(floor_mib["floor"])), fmt(min(floor_mib["floor"])),
                         fmt(med(floor_mib["bare"])), fmt(min(floor_mib["bare"])),
                         f"{med(floor_mib['floor']) / med(floor_mib['bare']):.2f}x", "(reference)", "info"))
        if med(mib["bare"]) >= PEAK_RSS_TARGET_MIB:
            notes.append(
                f"The bare PySide6 window alone peaks at {med(mib['bare']):.1f} MiB,"
                f" above the {PEAK_RSS_TARGET_MIB:g} MiB target."
            )
    if cpu:
        mib = {k: [r["maxrss_after_run"] / 1024 for r in cpu[k]] for k in KINDS}
        peaks_app.append(med(mib["app"]))
        rows.append((f"peak RSS after the {args.seconds:g} s run, MiB", fmt(med(mib["app"])), fmt(min(mib["app"])),
                     fmt(med(mib["bare"])), fmt(min(mib["bare"])), f"{med(mib['app']) / med(mib['bare']):.2f}x",
                     f"app < {PEAK_RSS_TARGET_MIB:g} MiB", verdict(med(mib["app"]) < PEAK_RSS_TARGET_MIB)))
        if med(mib["bare"]) >= PEAK_RSS_TARGET_MIB:
            notes.append(f"The bare PySide6 window alone peaks at {med(mib['bare']):.1f} MiB after idling, "
                         f"above the {PEAK_RSS_TARGET_MIB:g} MiB target.")
        pct = {k: [100 * r["cpu"] / r["wall"] for r in cpu[k]] for k in KINDS}
        rows.append(("CPU, % of one core (app: pacer on a hold)", fmt(med(pct["app"]), 2), fmt(min(pct["app"]), 2),
                     fmt(med(pct["bare"]), 2), fmt(min(pct["bare"]), 2),
                     f"{med(pct['app']) / med(pct['bare']):.0f}x" if med(pct["bare"]) >= 0.05 else "- (bare ~0)",
                     f"app < {CPU_TARGET_PERCENT:g} %", verdict(med(pct["app"]) < CPU_TARGET_PERCENT)))
        fps = [r["paints"]["pacer"] / r["wall"] for r in cpu["app"]]
        idle_paints = [r["paints"]["label"] / r["wall"] for r in cpu["bare"]]
        rows.append(("pacer paint events per s (bare: label)", fmt(med(fps)), fmt(min(fps)), fmt(med(idle_paints)),
                     fmt(min(idle_paints)), "-", "animating (woken <= 25/s)", "info"))
        tick = [r["ticks"] / r["wall"] for r in cpu["app"]]
        dial = [r["paints"]["countdown"] / r["wall"] for r in cpu["app"]]
        player = [r["paints"]["player"] / r["wall"] for r in cpu["app"]]
        rows.append(("driver timer ticks per s", fmt(med(tick)), fmt(min(tick)), "-", "-", "-", "", "info"))
        rows.append(("countdown ring paint events per s", fmt(med(dial)), fmt(min(dial)), "-", "-", "-", "", "info"))
        rows.append(("player screen paint events per s", fmt(med(player)), fmt(min(player)), "-", "-", "-", "", "info"))
        if not all(r["still_running_hold"] and r["pacer_visible"] and r["timer_running"] for r in cpu["app"]):
            notes.append("WARNING: in some app runs the pacer was hidden, the driver's timer idle, "
                         "or the hold ended before the run did "
                         f"(the hold is {cpu['app'][0]['segment_seconds']:g} s): lower --seconds.")
        notes.append(f"CPU runs: app on {cpu['app'][0]['segment']} with the real MonotonicClock, started with "
                     "driver.toggle() (what Space does); bare window idling.")
    if peaks_app and max(peaks_app) >= PEAK_RSS_TARGET_MIB:
        notes.append(f"App peak RSS (max of the medians above) {max(peaks_app):.1f} MiB >= {PEAK_RSS_TARGET_MIB:g} MiB.")

    print()
    table(rows, heads)
    print()
    for note in notes:
        print(note)

    if startup:
        print()
        print("start-up breakdown, child side (median ms of each phase; RSS = VmRSS at the end of the phase, MiB)")
        brows = []
        for mark, label in PHASES:
            cells = [label]
            for kind in KINDS:
                runs = startup[kind]
                if mark not in runs[0]["marks"]:
                    cells += ["-", "-"]
                    continue
                index = [m for m, _ in PHASES if m in runs[0]["marks"]].index(mark)
                prev = [m for m, _ in PHASES if m in runs[0]["marks"]][index - 1] if index else None
                dur = [((r["marks"][mark] - (r["marks"][prev] if prev else r["t_spawn"])) * 1000) for r in runs]
                cells += [fmt(med(dur)), fmt(med([r["rss"][mark] / 1024 for r in runs]))]
            brows.append(tuple(cells))
        tail = [med([(r["wall_to_paint"] - (r["marks"]["first_paint_done"] - r["t_spawn"])) * 1000 for r in startup[k]])
                for k in KINDS]
        brows.append(("marker line reaches the parent", fmt(tail[0]), "", fmt(tail[1]), ""))
        print_breakdown(brows)
    print(f"\nload at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def print_breakdown(rows: list[tuple[str, ...]]) -> None:
    heads = ("phase", "app ms", "app RSS", "bare ms", "bare RSS")
    widths = [max(len(str(r[i])) for r in [heads, *rows]) for i in range(len(heads))]
    print("  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(heads)))
    for r in rows:
        print("  ".join(str(c).ljust(widths[0]) if i == 0 else str(c).rjust(widths[i]) for i, c in enumerate(r)))


if __name__ == "__main__":
    sys.exit(main())
