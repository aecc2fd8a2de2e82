"""Damaged databases: how many reads of a damaged copy are refused as damage, and how many bytes change.

    .venv/bin/python bench/damaged_databases.py [--processes]

Makes the corpus of tests/damaged_databases.py (the sample plan with 40 notes and statuses, damaged in each
way the tests know), reads every copy with `plans`, `dump` and `review list`, and prints per kind: copies,
reads, reads refused with the damage message (exit status 2), tracebacks, files changed (sha256 of the file
and its -wal before and after) and the median time to refuse. By default each read is a call of the
command line's main() in this process; --processes runs each as its own `plan-review` process.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

import common
from data.importing import read_plan
from data.review import ReviewStore
from data.store import PlanStore
from desktop.cli import main as cli_main
from tests.damaged_databases import build_corpus

READS = [("plans",), ("dump",), ("review", "list")]


def clean_database(folder: Path) -> Path:
    path = folder / "clean" / "plans.sqlite"
    path.parent.mkdir()
    with PlanStore(path) as store:
        read_plan(common.sample_plan_file()).store_into(store)
        reviews = ReviewStore(store)
        for number in range(1, 41):
            task = store.task_id_by_number(1, number)
            reviews.add_note(task, f"note on task {number}", author="ana")
            reviews.set_state(task, "ana", status="reviewed")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def read(command: tuple[str, ...], db: Path, processes: bool) -> tuple[int, str]:
    """The exit status and what went to stderr (a traceback included)."""
    argv = [*command, "--db", str(db)]
    if processes:
        done = subprocess.run([sys.executable, "-m", "desktop.cli", *argv], capture_output=True, text=True,
                              cwd=common.REPO, timeout=120)
        return done.returncode, done.stderr
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            status = cli_main(argv)
        except BaseException:  # noqa: BLE001 - counted as a traceback
            traceback.print_exc()
            status = 1
    return status, err.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", action="store_true", help="each read in its own process")
    args = parser.parse_args()
    common.print_machine()
    figures: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    with tempfile.TemporaryDirectory() as folder:
        corpus = build_corpus(clean_database(Path(folder)), Path(folder) / "corpus")
        for damaged in corpus:
            kind = figures[damaged.kind]
            before = damaged.digest()
            kind["copies"].append(1)
            for command in READS:
                start = time.perf_counter()
                status, err = read(command, damaged.path, args.processes)
                kind["seconds"].append(time.perf_counter() - start)
                kind["refused"].append(status == 2 and "damaged" in err)
                kind["tracebacks"].append("Traceback" in err)
            kind["changed"].append(damaged.digest() != before)
    rows = [[name, len(k["copies"]), len(k["refused"]), sum(k["refused"]), sum(k["tracebacks"]), sum(k["changed"]),
             common.ms(statistics.median(k["seconds"]))] for name, k in sorted(figures.items())]
    totals = [sum(row[i] for row in rows) for i in range(1, 6)]
    rows.append(["all", *totals, common.ms(statistics.median(s for k in figures.values() for s in k["seconds"]))])
    how = "a process each" if args.processes else "main() in this process"
    common.print_table(f"Damaged databases read with plans, dump and review list ({how})",
                       ["kind", "copies", "reads", "refused as damaged", "tracebacks", "files changed",
                        "median ms"], rows)


if __name__ == "__main__":
    main()
