"""Start-up: process start to the first painted window, `plan-review --smoke` against the floor.

    .venv/bin/python bench/startup.py [--runs 15] [--tasks N]

The floor is bench/floor_window.py (Python + PySide6 + an empty QMainWindow, painted once); beside it,
bench/layout_window.py paints the review window's layout in plain PySide6 with no program code. They run
alternately, so a noisy machine slows all alike. Each figure is a whole process, spawn to exit.
Goal: the smoke run on the sample plan at most 1.5x the floor.

Both run with Python's bytecode caches, as an installed program does (pip compiles its modules on
install, the bundle holds them compiled): PYTHONDONTWRITEBYTECODE, which this workplace sets, is dropped
for the children, so the warm-up run writes the caches.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

FLOOR = "floor: empty QMainWindow"
LAYOUT = "the window's layout in plain Qt"


def run(command: list[str], environment: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=common.REPO, env=environment,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tasks", type=int, nargs="*", default=[],
                        help="also time the smoke run on synthetic plans of these sizes")
    args = parser.parse_args()
    common.print_machine()
    with tempfile.TemporaryDirectory() as folder:
        environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        environment |= {"QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                        "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder}  # no user settings read or written
        commands = {FLOOR: [sys.executable, str(common.REPO / "bench" / "floor_window.py")],
                    LAYOUT: [sys.executable, str(common.REPO / "bench" / "layout_window.py")]}
        for tasks in [None, *args.tasks]:
            database = Path(folder) / f"{common.size_label(tasks).replace(' ', '-')}.sqlite"
            shutil.copy(common.imported_database(tasks), database)
            commands[f"plan-review --smoke, {common.size_label(tasks)}"] = [
                sys.executable, "-m", "desktop", "--smoke", "--db", str(database)]
        for command in commands.values():  # warm the disk cache and write the bytecode caches
            run(command, environment)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(run(command, environment))
    floor, layout = statistics.median(times[FLOOR]), statistics.median(times[LAYOUT])
    rows = [[name, len(t), *common.summary(t), f"{statistics.median(t) / floor:.2f}×",
             f"{statistics.median(t) / layout:.2f}×"] for name, t in times.items()]
    common.print_table("Start-up, process spawn to exit after the first paint (ms)",
                       ["process", "runs", "median", "best", "worst", "× floor", "× layout"], rows)


if __name__ == "__main__":
    main()
