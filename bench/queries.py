"""Store queries the window runs: filter by department, text search, sorting, fetching a page of rows.

    .venv/bin/python bench/queries.py [--sizes 1000 10000 100000] [--passes 3]

Each query is timed `passes` times; a department's or a word's figure is its median over the passes.
The table gives the median and the worst over all departments (or words). Goal at 100,000 tasks:
filter and search under 50 ms.
"""
from __future__ import annotations

import argparse
import re
import statistics
from collections import Counter

import common
from data.store import SORT_KEYS, PlanStore

PAGE = 100  # rows a table view asks for at once, about two screens


def search_words(store: PlanStore, plan_id: int, count: int = 24) -> list[str]:
    """Words of the plan's own texts, from the most to the least frequent, spread evenly."""
    texts = (row[0] for row in store.conn.execute("SELECT text FROM tasks WHERE plan_id = ?", (plan_id,)))
    frequency = Counter(w.lower() for text in texts for w in re.findall(r"[A-Za-z]{3,}", text))
    ranked = [word for word, _ in frequency.most_common()]
    step = max(1, len(ranked) // count)
    return ranked[::step][:count]


def per_item(passes: int, items: list, query) -> list[float]:
    """Each item's median time over the passes."""
    times = {i: [] for i in range(len(items))}
    for _ in range(passes):
        for i, item in enumerate(items):
            times[i].append(common.timed(lambda: query(item)))
    return [statistics.median(t) for t in times.values()]


def measure(tasks: int | None, passes: int) -> list[list[object]]:
    with PlanStore(common.imported_database(tasks), create=False) as store:
        plan_id = store.latest_plan_id()
        departments = [d.id for d in store.departments(plan_id)]
        words = search_words(store, plan_id)
        short_words = ["of", "in", "IP", "5G"]
        all_ids = store.task_ids(plan_id)
        window_order = [d.id for d in sorted(store.all_departments(), key=lambda d: d.name_zh or d.name)]
        cases = {
            "all tasks (ids)": per_item(passes, [None], lambda _: store.task_ids(plan_id)),
            f"department filter ({len(departments)} depts)":
                per_item(passes, departments, lambda d: store.task_ids(plan_id, department_ids=[d])),
            "department as lead": per_item(passes, departments,
                                           lambda d: store.task_ids(plan_id, department_ids=[d], role="lead")),
            f"search, 1 word ({len(words)} words)":
                per_item(passes, words, lambda w: store.task_ids(plan_id, search=w)),
            "search, 2 words": per_item(passes, list(zip(words, words[1:])),
                                        lambda pair: store.task_ids(plan_id, search=" ".join(pair))),
            "search, short word (LIKE)": per_item(passes, short_words,
                                                  lambda w: store.task_ids(plan_id, search=w)),
            "department + word": per_item(passes, list(zip(departments, words * len(departments))),
                                          lambda dw: store.task_ids(plan_id, department_ids=[dw[0]],
                                                                    search=dw[1])),
            **{f"sort all by {key}": per_item(passes, [key], lambda k: store.task_ids(plan_id, order_by=k))
               for key in SORT_KEYS if key != "number"},
            # as the window sorts: by the departments in the order its language lists them
            **{f"sort all by {key}, the window's order": per_item(
                passes, [key], lambda k: store.task_ids(plan_id, order_by=k, department_order=window_order))
               for key in ("lead", "participants")},
            f"task_rows, a page of {PAGE}": per_item(
                passes, [all_ids[i:i + PAGE] for i in range(0, len(all_ids), max(PAGE, len(all_ids) // 20))],
                store.task_rows),
        }
    label = common.size_label(tasks)
    return [[label, case, len(times), *(common.ms(f(times)) for f in (statistics.median, max))]
            for case, times in cases.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(common.SIZES))
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    common.print_machine()
    rows = [row for tasks in [None, *args.sizes] for row in measure(tasks, args.passes)]
    common.print_table(f"Store queries (ms; each item's median of {args.passes} passes)",
                       ["plan", "query", "items", "median", "worst"], rows)


if __name__ == "__main__":
    main()
