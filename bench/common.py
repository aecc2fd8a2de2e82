"""What every benchmark script shares: timing, tables, the machine's description, cached inputs.

Run the scripts from the repository root with the project's Python, e.g.
`.venv/bin/python bench/import_speed.py`. Inputs (synthetic plans, imported databases) are cached in
$PLAN_REVIEW_BENCH_DIR (default: the system temp folder) so a second run starts at once.
"""
from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CACHE = Path(os.environ.get("PLAN_REVIEW_BENCH_DIR", Path(tempfile.gettempdir()) / "plan-review-bench"))
# Review files are signed with the user's key, made on first use: the benchmarks' own, not the user's
os.environ.setdefault("XDG_DATA_HOME", str(CACHE / "user-data"))
SIZES = {1_000: 40, 10_000: 100, 100_000: 200}  # tasks: departments


def timed(action: Callable[[], object]) -> float:
    """Seconds one call of `action` takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}" if seconds < 10 else f"{seconds * 1000:.0f}"


def summary(times: list[float]) -> tuple[str, str, str]:
    """Median, best and worst of several runs, in milliseconds."""
    return ms(statistics.median(times)), ms(min(times)), ms(max(times))


def _numeric(cell: str) -> bool:
    return cell.replace(".", "", 1).replace(",", "").rstrip("×%").isdigit()


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """A plain-text table; columns holding only numbers are right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    right = [all(_numeric(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate([header, *cells]):
        print("  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def machine() -> dict[str, str]:
    """The facts a reader needs to compare figures: cores, CPU, memory, versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    facts = {"cores (nproc)": str(os.cpu_count()), "CPU": cpu, "RAM": f"{memory_kb / 1024 ** 2:.1f} GiB",
             "OS": platform.platform(), "Python": platform.python_version(), "SQLite": sqlite3.sqlite_version}
    try:
        import PySide6
        from PySide6 import QtCore

        facts["PySide6 / Qt"] = f"{PySide6.__version__} / {QtCore.qVersion()}"
    except ImportError:
        facts["PySide6 / Qt"] = "not installed"
    return facts


def print_machine() -> None:
    print_table("Machine", ["fact", "value"], [[k, v] for k, v in machine().items()])


def synthetic_plan_file(tasks: int) -> Path:
    """A synthetic plan of this many tasks in the project's JSON format (made once, then cached)."""
    path = CACHE / f"plan-{tasks}.json"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(REPO / "bench" / "synth.py"), str(tasks), "-o", str(path),
                        "--departments", str(SIZES.get(tasks, 80))], check=True, cwd=REPO,
                       stdout=subprocess.DEVNULL)
    return path


def sample_plan_file() -> Path:
    from data.paths import bundled_plan_path

    return bundled_plan_path()


def imported_database(tasks: int | None) -> Path:
    """A database holding the sample plan (tasks=None) or a synthetic plan (made once, then cached).

    The cache is keyed by the store's source, so a change to data/store.py makes a new database (and
    drops the databases an older store made).
    """
    from data.importing import read_plan
    from data.store import PlanStore

    source = sample_plan_file() if tasks is None else synthetic_plan_file(tasks)
    stamp = int((REPO / "data" / "store.py").stat().st_mtime)
    name = "sample" if tasks is None else str(tasks)
    path = CACHE / f"{name}-{stamp}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".partial-{os.getpid()}")  # two benchmarks may run at once
        with PlanStore(partial) as store:
            read_plan(source).store_into(store)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.replace(path)
        for older in CACHE.glob(f"{name}-*.sqlite*"):
            if not older.name.startswith(path.name):
                older.unlink(missing_ok=True)
    return path


def size_label(tasks: int | None) -> str:
    return "sample" if tasks is None else f"{tasks:,} tasks"
