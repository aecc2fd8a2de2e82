"""Review speed: one edit (saved to disk), the table's review columns, filters, progress, exchange.

    .venv/bin/python bench/review_speed.py [--sizes 1000 10000 100000] [--runs N]

Each plan gets three reviewers' states on half its tasks and a note on every fifth task.
Goals: an edit under 20 ms (it waits for the disk); a page of 200 rows' review columns under 10 ms.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import common
from data.review import STATUSES, ReviewStore
from data.store import PlanStore

REVIEWERS = ("ann", "ben", "chen")
PAGE = 200


def fill(reviews: ReviewStore, task_ids: list[int]) -> None:
    """Review states on half the tasks, a note on every fifth, in one transaction."""
    with reviews.store.db.atomic():
        for i, task_id in enumerate(task_ids):
            if i % 2 == 0:
                for k, reviewer in enumerate(REVIEWERS):
                    reviews.set_state(task_id, reviewer, status=STATUSES[(i + k) % len(STATUSES)],
                                      flagged=i % 7 == 0)
            if i % 5 == 0:
                reviews.add_note(task_id, f"note on task {task_id}", REVIEWERS[i % len(REVIEWERS)])


def measure(folder: Path, tasks: int | None, runs: int) -> list[list[object]]:
    path = folder / "reviewed.sqlite"
    shutil.copy(common.imported_database(tasks), path)
    rows = []
    with PlanStore(path) as store:
        reviews = ReviewStore(store)
        task_ids = store.task_ids(1)
        fill(reviews, task_ids)
        page = task_ids[len(task_ids) // 2:len(task_ids) // 2 + PAGE]
        file = folder / "review.json"
        actions = {
            "add a note (one transaction, on disk)": lambda: reviews.add_note(task_ids[0], "one more", "ann"),
            "set a status (one transaction, on disk)": lambda: reviews.set_state(task_ids[1], "ann",
                                                                                 status="reviewed"),
            f"review columns of {PAGE} rows": lambda: reviews.task_reviews(page),
            "filter: reviewed (aggregated)": lambda: reviews.filter_task_ids(1, status="reviewed"),
            "filter: flagged by ann": lambda: reviews.filter_task_ids(1, flagged=True, reviewer="ann"),
            "filter: has notes": lambda: reviews.filter_task_ids(1, has_notes=True),
            "progress overall": lambda: reviews.progress(1),
            "progress per department": lambda: reviews.department_progress(1),
            "export everyone": lambda: reviews.export_review(1, file),
        }
        for name, action in actions.items():
            rows.append([common.size_label(tasks), name, *common.summary([common.timed(action)
                                                                          for _ in range(runs)])])
        colleague = folder / "colleague.sqlite"
        shutil.copy(common.imported_database(tasks), colleague)
        with PlanStore(colleague) as other:
            other_reviews = ReviewStore(other)
            for name in ("import into an empty review", "import the same file again"):
                rows.append([common.size_label(tasks), name,
                             *common.summary([common.timed(lambda: other_reviews.import_review(1, file))])])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    common.print_machine()
    rows = []
    for tasks in [None, *args.sizes]:
        with tempfile.TemporaryDirectory() as folder:
            rows += measure(Path(folder), tasks, args.runs)
    common.print_table("Review (ms)", ["plan", "action", "median", "best", "worst"], rows)


if __name__ == "__main__":
    main()
