"""Crash stress: the program's writes killed with SIGKILL at random moments, checked after every kill.

    .venv/bin/python bench/crash_stress.py [--kills 50] [--seed 12]

tests/crash_harness.py's writer cycles through a note, statuses on 30 tasks at once, a plan import, a
review merge and an xlsx export, reporting each once committed; it is killed after 0.25–1.5 s, then the
next start is checked: every reported write there, no multi-row action half applied, integrity_check and
foreign_key_check clean, the database opens without help, no temporary file left, the export a complete
workbook. Printed: kills, writes reported and checked, problems, seconds. The README quotes 1,000 kills.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import common
from data.importing import read_plan
from data.store import PlanStore

from tests import crash_harness
from tests.test_reader import ANOTHER_YEAR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    common.print_machine()
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.sqlite"
        with PlanStore(template) as store:
            read_plan(common.sample_plan_file()).store_into(store)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plan_text = Path(folder) / "plan-2023.txt"
        plan_text.write_text(ANOTHER_YEAR, encoding="utf-8")
        work = Path(folder) / "work"
        work.mkdir()
        start = time.perf_counter()
        findings = crash_harness.run(args.kills, work, template, plan_text, seed=args.seed)
        seconds = time.perf_counter() - start
    common.print_table("Crash stress (SIGKILL at random moments)", ["figure", "value"], [
        ["kills", findings.kills], ["writes reported", findings.writes_reported],
        ["writes checked", findings.writes_checked], ["problems", len(findings.problems)],
        ["seconds", f"{seconds:.0f}"]])
    for problem in findings.problems:
        print(f"problem: {problem}")


if __name__ == "__main__":
    main()
