"""Peak memory (ru_maxrss) of one fresh process per plan size: importing the plan, and using the window.

    .venv/bin/python bench/memory.py [--sizes 1000 10000 100000] [--runs 3]

"import": read the plan file and store it into a new database (what `plan-review import` does).
"window": open the main window on a database holding the plan, paint it, filter by ten departments,
search five words, jump to the last row. Goal at 100,000 tasks: under 500 MB.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import common

SEARCHES = ["patent", "service", "the", "cooperation", "IP"]
DEPARTMENTS_TRIED = 10


def import_plan(source: Path) -> None:
    from data.importing import read_plan
    from data.store import PlanStore

    with tempfile.TemporaryDirectory() as folder, PlanStore(Path(folder) / "plans.sqlite") as store:
        read_plan(source).store_into(store)


def use_window(database: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from scroll_speed import open_window

    app = QApplication([])
    window = open_window(database)
    for row in range(min(DEPARTMENTS_TRIED, window.departments_model.rowCount())):
        window.departments_view.selectRow(row)
        app.processEvents()
    window.clear_filters()
    for word in SEARCHES:
        window.search_box.setText(word)
        window._apply_filter()
        app.processEvents()
    window.clear_filters()
    window.table.scrollToBottom()
    app.processEvents()
    window.close()
    window.store.close()


def database_holding(tasks: int | None) -> Path:
    """The cached database with this plan, made in a child process: a child's ru_maxrss starts from its
    parent's resident size, so this process must stay small."""
    script = f"import common; print(common.imported_database({tasks}))"
    found = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent, check=True,
                           capture_output=True, text=True)
    return Path(found.stdout.strip())


def peak_megabytes(command: list[str], environment: dict[str, str]) -> float:
    """The peak resident memory of a child process that runs this command, in MiB."""
    process = subprocess.Popen(command, cwd=common.REPO, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode})")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(common.SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["import", "window"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        (import_plan if args.child == "import" else use_window)(args.path)
        return
    common.print_machine()
    script = str(Path(__file__).resolve())
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        environment = {**os.environ, "XDG_CONFIG_HOME": folder, "XDG_DATA_HOME": folder}
        for tasks in [None, *args.sizes]:
            source = common.sample_plan_file() if tasks is None else common.synthetic_plan_file(tasks)
            database = database_holding(tasks)
            peaks = {kind: [peak_megabytes([sys.executable, script, "--child", kind, "--path", str(path)],
                                           environment) for _ in range(args.runs)]
                     for kind, path in (("import", source), ("window", database))}
            rows.append([common.size_label(tasks), *(f"{statistics.median(p):.0f}" for p in peaks.values()),
                         f"{database.stat().st_size / 1024 ** 2:.1f}"])
    common.print_table(f"Peak memory, ru_maxrss of a fresh process (MiB, median of {args.runs})",
                       ["plan", "import", "window", "database file"], rows)


if __name__ == "__main__":
    main()
