"""Reader scaling: reading time of plan text as it grows, in each layout the reader knows, and of texts
made to be slow (a stray parenthesis, a clause too long to be one, one huge line with no clause).

    .venv/bin/python bench/reader_scaling.py [--tasks 5000 20000 80000] [--runs N]

Goal: time linear in the text's length (the ms-per-1,000-tasks column stays flat as the plan grows), and
every text of a few MB read or refused within 2 s.
"""
from __future__ import annotations

import argparse
import statistics
import time

import common
from data.paths import bundled_plan_path
from data.registry import default_registry
from data.text_reader import read_plan_text

LAYOUTS = {
    "numbered lines": lambda n: "计划\n" + "".join(f"{i}.做事{i}（国务院负责）\n" for i in range(1, n + 1)),
    "one line, glued": lambda n: "计划\n" + "".join(f"{i}.做事{i}（国务院负责）" for i in range(1, n + 1)),
    "running paragraph": lambda n: "计划\n一、总则\n" + "".join(f"做事情{i}（国务院负责）。" for i in range(1, n + 1)),
    "labels on own lines": lambda n: "计划\n" + "".join(f"（{i}）做事{i}。\n牵头单位：国务院\n责任单位：财政部\n"
                                                      for i in range(1, n + 1)),
}


def hostile_texts() -> dict[str, str]:
    sample = bundled_plan_path().read_text("utf-8")
    return {
        "sample, stray ( and ) 30 KB later": sample[:200] + "(" + sample[200:30200] + ")" + sample[30200:],
        "a clause of 1,200 names": "计划\n1.做事。（" + "、".join(f"第{i}局" for i in range(1200)) + "负责）\n",
        "sample x30 on one line": sample.replace("\n", " ") * 30,
        "5 MB line, no clause": "字" * 5_000_000,
    }


def median_seconds(text: str, runs: int, registry) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            outcome = f"{len(read_plan_text(text, registry).plan.tasks)} tasks"
        except ValueError as error:
            outcome = f"refused ({error})"
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="*", default=[5_000, 20_000, 80_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    common.print_machine()
    registry = default_registry()
    print(f"{'layout':22s} {'tasks':>7s} {'MB':>6s} {'median s':>9s} {'ms/1000 tasks':>14s}")
    for name, make in LAYOUTS.items():
        for tasks in args.tasks:
            text = make(tasks)
            seconds, _ = median_seconds(text, args.runs, registry)
            print(f"{name:22s} {tasks:7d} {len(text.encode()) / 1e6:6.2f} {seconds:9.2f} {seconds / tasks * 1e6:14.1f}")
    print()
    print(f"{'made to be slow':36s} {'MB':>6s} {'median s':>9s}  outcome")
    for name, text in hostile_texts().items():
        seconds, outcome = median_seconds(text, args.runs, registry)
        print(f"{name:36s} {len(text.encode()) / 1e6:6.2f} {seconds:9.2f}  {outcome[:60]}")


if __name__ == "__main__":
    main()
