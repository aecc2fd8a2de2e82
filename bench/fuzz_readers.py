"""Fuzzing the readers: hostile plan JSON, review files, plan text and PDF plans, and huge files.

    .venv/bin/python bench/fuzz_readers.py [--inputs 300] [--huge] [--readers json review text pdf]

Inputs come from tests/hostile_inputs.py (hypothesis). Each is written to a file and read as the program
reads it: a plan is read and stored, a review file is merged into a database holding the sample plan with
notes. Each reader runs in a worker process that is killed after LIMIT seconds. Printed per reader: inputs
tried, read correctly, refused with the program's message, Python tracebacks by type, inputs over 2 s,
killed at the limit, crashes (the worker process died: PDFium is C), the longest time, the workers' peak
memory, and (review files) refusals that changed the database. An input that crashed a worker is kept in
$PLAN_REVIEW_BENCH_DIR/fuzz-crashes to be tried again. --huge also times the refusal of a 200 MB text, a 60 MB one-line text and a 200 MB JSON file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

import common
from hypothesis import HealthCheck, given, settings

from tests import hostile_inputs

LIMIT = 20.0  # seconds before a worker is killed
CRASHES = common.CACHE / "fuzz-crashes"
READERS = {"json": "plan JSON", "review": "review file", "text": "plan text", "pdf": "PDF plan"}
SLOW = 2.0
REVIEW_TABLES = ("review_notes", "review_conflicts", "review_states", "review_exchanges")


def review_digest(store) -> str:
    rows = [store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in REVIEW_TABLES]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def worker(kind: str, folder: str, pipe: Connection) -> None:
    """Read each input sent and answer (outcome, detail, seconds, changed, peak MB)."""
    from data.errors import PlanReviewError
    from data.importing import read_plan
    from data.review import ReviewStore
    from data.store import PlanStore

    database = Path(folder) / f"{kind}-{multiprocessing.current_process().pid}.sqlite"
    shutil.copy(Path(folder) / "reviewed.sqlite", database)
    store = PlanStore(database)
    reviews = ReviewStore(store)
    path = Path(folder) / f"input-{multiprocessing.current_process().pid}"
    while True:
        try:
            raw = pipe.recv()
        except EOFError:
            return
        if isinstance(raw, bytes):
            path.write_bytes(raw)
        else:  # a huge file, written by the caller: its path
            path = Path(raw)
        before = review_digest(store) if kind == "review" else None
        start = time.perf_counter()
        try:
            if kind == "review":
                reviews.import_review(1, path)
            else:
                read_plan(path).store_into(store)
            outcome, detail = "read", ""
        except PlanReviewError as error:
            outcome, detail = "refused", error.problem
        except Exception as error:  # noqa: BLE001 - what the bench counts
            outcome, detail = "traceback", type(error).__name__
        seconds = time.perf_counter() - start
        changed = outcome != "read" and kind == "review" and review_digest(store) != before
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pipe.send((outcome, detail, seconds, changed, peak))


class Reader:
    """A worker process for one reader, started again when it is killed."""

    def __init__(self, kind: str, folder: str):
        self.kind, self.folder = kind, folder
        self.process: multiprocessing.Process | None = None
        self.peak = 0.0

    def start(self) -> None:
        self.pipe, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=worker, args=(self.kind, self.folder, child), daemon=True)
        self.process.start()

    def read(self, raw: bytes | str) -> tuple:
        if self.process is None:
            self.start()
        self.pipe.send(raw)
        try:
            if self.pipe.poll(LIMIT):
                answer = self.pipe.recv()
                self.peak = max(self.peak, answer[4])
                return answer
        except EOFError:  # the worker died
            self.process.join()
            code, self.process = self.process.exitcode, None
            return ("crashed", f"exit status {code}", 0.0, False, 0.0)
        self.process.kill()
        self.process.join()
        self.process = None
        return ("killed", "", LIMIT, False, 0.0)

    def stop(self) -> None:
        if self.process is not None:
            self.pipe.close()
            self.process.join(5)


def fuzz(reader: Reader, strategy, inputs: int) -> Counter:
    outcomes: Counter = Counter()
    longest = [0.0]

    @settings(max_examples=inputs, database=None, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(raw=strategy)
    def one(raw: bytes) -> None:
        outcome, detail, seconds, changed, _ = reader.read(raw)
        outcomes["tried"] += 1
        outcomes[outcome] += 1
        if outcome == "traceback":
            outcomes[f"traceback {detail}"] += 1
        if outcome == "crashed":
            CRASHES.mkdir(parents=True, exist_ok=True)
            (CRASHES / hashlib.sha256(raw).hexdigest()[:16]).write_bytes(raw)
        outcomes["over 2 s"] += seconds > SLOW
        outcomes["changed on refusal"] += changed
        longest[0] = max(longest[0], seconds)

    one()
    outcomes["longest ms"] = round(longest[0] * 1000)
    return outcomes


def base_inputs(folder: Path) -> dict[str, object]:
    """The valid files the inputs are made from, and the database the review files merge into."""
    from data import json_format
    from data.importing import read_plan
    from data.review import ReviewStore
    from data.store import PlanStore

    plan = read_plan(common.sample_plan_file())
    with PlanStore(folder / "reviewed.sqlite") as store:
        plan.store_into(store)
        reviews = ReviewStore(store)
        for number in range(1, 21):
            task = store.task_id_by_number(1, number)
            reviews.add_note(task, f"note {number}", "ana")
            reviews.set_state(task, "ana", status="reviewed", flagged=number % 3 == 0)
        reviews.export_review(1, folder / "review.json")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lines = (common.REPO / "tests" / "corpus" / "gov2019-3-zonghe-baoshuiqu-opinions-zh.txt").read_text("utf-8")
    return {"json": json_format.plan_to_json(plan.result.plan),
            "review": json.loads((folder / "review.json").read_text("utf-8")),
            "text": common.sample_plan_file().read_text("utf-8"),
            "pdf": hostile_inputs.pdf_bases(lines.splitlines()[:40], folder)}


def huge_files(folder: Path) -> list[list[object]]:
    """Time the refusal of huge files, each read in a fresh worker."""
    rows = []
    cases = {"200 MB of plan text": lambda: (b"1. Task text (Ministry of Finance)\n" * 6_000_000)[:200 * 1024 ** 2],
             "one 60 MB line": lambda: b"x" * (60 * 1024 ** 2),
             "200 MB of JSON": lambda: b'{"format": "plan-review/plan", "pad": "' + b"x" * (200 * 1024 ** 2) + b'"}'}
    for name, make in cases.items():
        raw = make()
        path = folder / "huge"
        path.write_bytes(raw)
        del raw
        reader = Reader("plan", str(folder))
        outcome, detail, seconds, _, _ = reader.read(str(path))
        reader.stop()
        rows.append([name, outcome, common.ms(seconds), f"{reader.peak:.0f}", detail[:70]])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=300, help="inputs per reader")
    parser.add_argument("--huge", action="store_true", help="also time the refusal of huge files")
    parser.add_argument("--readers", nargs="*", choices=READERS, default=READERS, help="the readers to fuzz")
    args = parser.parse_args()
    common.print_machine()
    with tempfile.TemporaryDirectory() as folder:
        bases = base_inputs(Path(folder))
        strategies = {"json": ("plan", hostile_inputs.plan_json_inputs(bases["json"])),
                      "review": ("review", hostile_inputs.review_file_inputs(bases["review"])),
                      "text": ("plan", hostile_inputs.plan_text_inputs(bases["text"])),
                      "pdf": ("plan", hostile_inputs.pdf_inputs(bases["pdf"]))}
        rows = []
        for key in args.readers:
            name, (kind, strategy) = READERS[key], strategies[key]
            reader = Reader(kind, folder)
            outcomes = fuzz(reader, strategy, args.inputs)
            reader.stop()
            tracebacks = ", ".join(f"{k.split()[1]} {v}" for k, v in sorted(outcomes.items())
                                   if k.startswith("traceback ")) or "0"
            rows.append([name, outcomes["tried"], outcomes["read"], outcomes["refused"], tracebacks,
                         outcomes["over 2 s"], outcomes["killed"], outcomes["crashed"], outcomes["longest ms"],
                         f"{reader.peak:.0f}", outcomes["changed on refusal"]])
        common.print_table(f"Hostile input, {args.inputs} inputs per reader (killed after {LIMIT:.0f} s)",
                           ["reader", "tried", "read", "refused", "tracebacks", "over 2 s", "killed", "crashed",
                            "longest ms", "peak MB", "changed on refusal"], rows)
        if args.huge:
            common.print_table("Huge files", ["file", "outcome", "ms", "peak MB", "message"],
                               huge_files(Path(folder)))


if __name__ == "__main__":
    sys.setrecursionlimit(1000)
    main()
