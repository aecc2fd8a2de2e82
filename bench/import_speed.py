"""Import speed: reading a plan file and storing it into a new database, median of several runs.

    .venv/bin/python bench/import_speed.py [--sizes 1000 10000 100000] [--runs N]

Goal: the sample plan (read and store) under 0.1 s.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import common
from data.readers import read_plan_file
from data.store import PlanStore

RUNS = {None: 15, 1_000: 9, 10_000: 5, 100_000: 3}


def import_once(source: Path) -> tuple[float, float]:
    """Seconds to read the file, and to store what was read into a new database file."""
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = read_plan_file(source)
        read = time.perf_counter() - start
        with PlanStore(Path(folder) / "plans.sqlite") as store:
            start = time.perf_counter()
            store.import_plan(result, source=source.name)
            stored = time.perf_counter() - start
    return read, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(common.SIZES))
    parser.add_argument("--runs", type=int, help="runs per input (default: fewer for bigger plans)")
    args = parser.parse_args()
    common.print_machine()
    rows = []
    for tasks in [None, *args.sizes]:
        source = common.sample_plan_file() if tasks is None else common.synthetic_plan_file(tasks)
        runs = [import_once(source) for _ in range(args.runs or RUNS.get(tasks, 3))]
        reads, stores = [r for r, _ in runs], [s for _, s in runs]
        totals = [r + s for r, s in runs]
        rows.append([common.size_label(tasks), len(runs), common.summary(reads)[0], common.summary(stores)[0],
                     *common.summary(totals)])
    common.print_table("Import: read + store into a new database (ms)",
                       ["plan", "runs", "read (median)", "store (median)", "total median", "best", "worst"], rows)


if __name__ == "__main__":
    main()
