"""Exporting every department's assignment sheet: the model alone, xlsx and pdf, one file or one per department.

    .venv/bin/python bench/bench_export.py [--sizes sample 1000] [--passes 5]

Each case runs `passes` times (after one warm-up run that also loads openpyxl and reportlab) and the
table gives the median, best and worst in milliseconds. Goal on the sample plan: 1-2 s per format.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import common
from data.store import PlanStore
from exporters.document import build_book
from exporters.export import ExportRequest, export_assignment_sheets


def measure(tasks: int | None, passes: int) -> list[list[object]]:
    rows = []
    with PlanStore(common.imported_database(tasks), create=False) as store, \
            tempfile.TemporaryDirectory() as folder:
        plan_id = store.latest_plan_id()
        ids = tuple(d.id for d in store.departments(plan_id))
        cases = {"document model only": lambda: build_book(store, plan_id, ids)}
        for fmt in ("xlsx", "pdf"):
            one = ExportRequest(plan_id, ids, fmt, Path(folder) / f"all.{fmt}")
            each = ExportRequest(plan_id, ids, fmt, Path(folder) / fmt, one_file_per_department=True)
            cases[f"{fmt}, one file"] = lambda request=one: export_assignment_sheets(store, request)
            cases[f"{fmt}, one file per department"] = lambda request=each: export_assignment_sheets(store, request)
        for name, action in cases.items():
            action()  # warm-up: imports, font registration
            times = [common.timed(action) for _ in range(passes)]
            size = ""
            if name.endswith("one file"):
                size = f"{(Path(folder) / ('all.' + name[:name.index(',')])).stat().st_size / 1024:.0f}"
            rows.append([common.size_label(tasks), f"{len(ids)}", name, *common.summary(times), size])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample"], help="'sample' and/or task counts")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    common.print_machine()
    rows = []
    for size in args.sizes:
        rows += measure(None if size == "sample" else int(size), args.passes)
    common.print_table(f"Export of every department (median of {args.passes} runs, ms)",
                       ["plan", "departments", "case", "median", "best", "worst", "KiB"], rows)


if __name__ == "__main__":
    main()
