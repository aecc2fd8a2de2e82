"""Feedback workbooks: writing the sample plan's 40, and reading 40 returned ones into the review.

    .venv/bin/python bench/feedback_speed.py [--runs N]

Every department answers every task (progress, date, account, contact), so each workbook is as full as it
gets. Reading counts the archive checks, openpyxl's parse, the row checks and the one transaction that stores
the answers, into a fresh copy of the database each run (nothing stored yet), and once more into the copy
that holds them already (nothing changes). Goal: 40 returned workbooks read in under 3 s.
"""
from __future__ import annotations

import argparse
import datetime
import shutil
import tempfile
from pathlib import Path

import common
from data.feedback import PROGRESS_WORDS, import_feedback
from data.review import ReviewStore
from data.store import PlanStore
from exporters.export import ExportRequest, export_assignment_sheets


def write_all(store: PlanStore, folder: Path) -> list[Path]:
    ids = tuple(d.id for d in store.departments(1))
    return export_assignment_sheets(store, ExportRequest(1, ids, "xlsx", folder, for_feedback=True)).paths


def answer_all(paths: list[Path]) -> None:
    """Every row of every workbook answered, as a department filling its sheet would."""
    import openpyxl

    words = [w[0] for w in PROGRESS_WORDS.values()]
    for path in paths:
        workbook = openpyxl.load_workbook(path)
        ws = workbook.worksheets[0]
        key_row = next(r for r in range(1, 10) if str(ws.cell(row=r, column=1).value).startswith("plan-review:"))
        keys = {str(c.value).split(":", 1)[1]: c.column for c in ws[key_row] if c.value}
        for row in range(key_row + 2, ws.max_row + 1):
            ws.cell(row=row, column=keys["progress"]).value = words[row % 4]
            ws.cell(row=row, column=keys["completed"]).value = datetime.datetime(2026, 1 + row % 12, 15)
            ws.cell(row=row, column=keys["account"]).value = f"What was done on row {row}, in a sentence or two."
            ws.cell(row=row, column=keys["contact"]).value = "Li Wei, 010-1234 5678"
        workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    common.print_machine()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = common.imported_database(None)
        with PlanStore(source) as store:
            writes = [common.timed(lambda n=n: write_all(store, folder / f"out{n}")) for n in range(args.runs)]
            paths = write_all(store, folder / "returned")
        answer_all(paths)
        first, again = [], []
        for run in range(args.runs):
            copy = folder / f"db{run}.sqlite"
            shutil.copy(source, copy)
            with PlanStore(copy) as store:
                reviews = ReviewStore(store)
                first.append(common.timed(lambda: import_feedback(reviews, 1, [folder / "returned"])))
                again.append(common.timed(lambda: import_feedback(reviews, 1, [folder / "returned"])))
        common.print_table(f"Feedback workbooks of the sample plan ({len(paths)} departments, every task answered), "
                           f"{args.runs} runs, ms", ["step", "median", "best", "worst"],
                           [["write 40 workbooks", *common.summary(writes)],
                            ["read 40 returned workbooks, store the answers", *common.summary(first)],
                            ["read them again (nothing changes)", *common.summary(again)]])


if __name__ == "__main__":
    main()
