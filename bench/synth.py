"""Synthetic plans in the project's JSON format, for measuring at scale.

Task texts are drawn from the sample plan's own sentences (so lengths and words are realistic);
departments follow a skewed spread: a few bodies lead most tasks, most tasks have 0-4 participants.

    python bench/synth.py 10000 -o /tmp/plan-10k.json [--departments 120] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from data.json_format import plan_to_json
from data.model import Part, Plan, Section, Task
from data.paths import bundled_plan_path
from data.readers import read_plan_file
from data.registry import default_registry


def _sentences() -> list[str]:
    plan = read_plan_file(bundled_plan_path()).plan
    return [s.strip() for t in plan.tasks for s in re.split(r"(?<=\.)\s+", t.text) if len(s.strip()) > 20]


def _department_names(count: int) -> list[str]:
    names = list(default_registry().departments)
    kinds = ["Bureau", "Office", "Commission", "Administration", "Department", "Centre"]
    fields = ["Standards", "Water Resources", "Transport", "Energy", "Housing", "Veterans Affairs",
              "Emergency Management", "Sport", "Grain Reserves", "Railways", "Civil Aviation", "Archives"]
    i = 0
    while len(names) < count:
        names.append(f"{fields[i % len(fields)]} {kinds[(i // len(fields)) % len(kinds)]} No. {i // 72 + 1}")
        i += 1
    return names[:count]


def synthetic_plan(tasks: int, departments: int = 80, seed: int = 1) -> Plan:
    rng = random.Random(seed)
    sentences = _sentences()
    names = _department_names(departments)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(names))]  # Zipf-like: a few lead most
    plan = Plan(f"Synthetic work plan with {tasks} tasks", 2030, "The first department leads; the others take part.")
    parts = max(1, round(tasks ** 0.5 / 4))
    per_part = -(-tasks // parts)
    number = 1
    for p in range(1, parts + 1):
        part = Part(p, f"Part {p}: " + rng.choice(sentences)[:60].rstrip(" ,."))
        sections = rng.randint(0, 6)
        buckets = [Section(s, rng.choice(sentences)[:70].rstrip(" ,.")) for s in range(1, sections + 1)] \
            or [Section(None, None)]
        for i in range(min(per_part, tasks - number + 1)):
            text = " ".join(rng.sample(sentences, rng.choices([1, 2, 3, 4], [4, 3, 2, 1])[0]))
            count = 1 + rng.choices(range(9), [30, 22, 16, 11, 8, 5, 4, 2, 2])[0]
            chosen = []
            while len(chosen) < count:
                name = rng.choices(names, weights)[0]
                if name not in chosen:
                    chosen.append(name)
            buckets[i * len(buckets) // per_part].tasks.append(Task(number, text, chosen))
            number += 1
        part.sections = buckets
        plan.parts.append(part)
    return plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--departments", type=int, default=80)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    plan = synthetic_plan(args.tasks, args.departments, args.seed)
    args.output.write_text(json.dumps(plan_to_json(plan), ensure_ascii=False), encoding="utf-8")
    print(f"{args.output}: {len(plan.tasks)} tasks, {len(plan.parts)} parts, {args.departments} departments")


if __name__ == "__main__":
    main()
