"""The review report (model, xlsx, pdf) and every department's sheets with review columns.

    .venv/bin/python bench/review_report_speed.py [--sizes sample 1000] [--passes 5]

The plan is reviewed as in review_speed.py (three reviewers' states on half the tasks, a note on every
fifth). Each case runs `passes` times after one warm-up run; the table gives median, best and worst in ms.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import common
from data.review import ReviewStore
from data.store import PlanStore
from exporters.export import ExportRequest, ReviewReportRequest, export_assignment_sheets, export_review_report
from exporters.review_report import ALL, ATTENTION, build_review_report
from review_speed import fill


def measure(folder: Path, tasks: int | None, passes: int) -> list[list[object]]:
    path = folder / "reviewed.sqlite"
    shutil.copy(common.imported_database(tasks), path)
    rows = []
    with PlanStore(path) as store:
        plan_id = store.latest_plan_id()
        fill(ReviewStore(store), store.task_ids(plan_id))
        ids = tuple(d.id for d in store.departments(plan_id))
        cases = {"report model, all tasks": lambda: build_review_report(store, plan_id, ALL)}
        for fmt in ("xlsx", "pdf"):
            for selection in (ALL, ATTENTION):
                request = ReviewReportRequest(plan_id, fmt, folder / f"report-{selection}.{fmt}", selection)
                cases[f"report {fmt}, {selection}"] = lambda r=request: export_review_report(store, r)
            sheets = ExportRequest(plan_id, ids, fmt, folder / f"sheets.{fmt}", include_review=True)
            cases[f"all sheets {fmt} with review"] = lambda r=sheets: export_assignment_sheets(store, r)
        for name, action in cases.items():
            action()  # warm-up: imports, font registration
            times = [common.timed(action) for _ in range(passes)]
            rows.append([common.size_label(tasks), name, *common.summary(times)])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample"], help="'sample' and/or task counts")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    common.print_machine()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            rows += measure(Path(folder), None if size == "sample" else int(size), args.passes)
    common.print_table(f"Review report and sheets with review (median of {args.passes} runs, ms)",
                       ["plan", "case", "median", "best", "worst"], rows)


if __name__ == "__main__":
    main()
