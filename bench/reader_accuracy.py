"""Reader accuracy: the plan reader against the real-document corpus and its hand-checked truth.

    .venv/bin/python bench/reader_accuracy.py [--unseen] [--doc SLUG] [--runs N]

For every document in tests/corpus/ (and, with --unseen, tests/corpus/unseen/ as a separate block) the
text is read with `read_plan_text(text, default_registry())` and each task of the truth file is looked
for: a truth task is found when a task the reader found holds its excerpt (both sides compared without
whitespace, since readers join wrapped lines). A found task holding the excerpts of several truth tasks
has merged them: the first counts as found, the others as merged (not found). For found tasks the lead
and the participants (as a set) are compared through `Registry.canonical` on both sides, and so is a
deadline where the truth has one. Names written in Traditional script are folded to Simplified (OpenCC, when
installed) before `canonical`. A document the reader refuses (ValueError) has all its tasks missing.

Goal: >= 97% of the corpus's tasks found and leads right, no document below 90%.
The truth files are written by hand from the documents, never from a reader's output (tests/corpus/README.md).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

CORPUS = REPO / "tests" / "corpus"
UNSEEN = CORPUS / "unseen"
GOAL_TOTAL = 0.97  # tasks found and leads right over the corpus
GOAL_DOCUMENT = 0.90  # tasks found and leads right in every document
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text without any whitespace: how excerpts and task texts are compared."""
    return _SPACE.sub("", text)


@dataclass
class CorpusDocument:
    slug: str
    text: str
    truth: dict


@dataclass
class TaskOutcome:
    """What became of one truth task."""

    label: str
    excerpt: str
    status: str  # "found", "merged" or "missing"
    lead_right: bool = False
    participants_right: bool = False
    deadline_right: bool | None = None  # None: the truth names no deadline
    read_lead: str | None = None
    read_participants: list[str] = field(default_factory=list)
    read_deadline: str | None = None


class _Shares:
    """The shares of truth tasks found and with their lead right (of a document or of the set)."""

    truth_tasks: int
    found: int
    lead_right: int

    @property
    def found_share(self) -> float:
        return self.found / self.truth_tasks if self.truth_tasks else 1.0

    @property
    def lead_share(self) -> float:
        return self.lead_right / self.truth_tasks if self.truth_tasks else 1.0


@dataclass
class DocumentScore(_Shares):
    slug: str
    truth_tasks: int  # tasks listed in the truth file (a sample for sampled documents)
    read_tasks: int  # tasks the reader found in the whole document
    found: int
    merged: int
    lead_right: int
    participants_right: int
    deadlines: int  # truth tasks with a deadline
    deadlines_right: int
    refused: str | None  # the reader's message when it refused the document
    seconds: float  # median reading time
    outcomes: list[TaskOutcome] = field(default_factory=list)

    @property
    def meets_goal(self) -> bool:
        return self.found_share >= GOAL_DOCUMENT and self.lead_share >= GOAL_DOCUMENT


def load_corpus(folder: Path = CORPUS) -> list[CorpusDocument]:
    """Every <slug>.txt of a folder that has a <slug>.truth.json beside it, in name order (none when the
    folder is missing, as the unseen set's is between sets)."""
    documents = []
    for truth_path in sorted(folder.glob("*.truth.json")):
        slug = truth_path.name[: -len(".truth.json")]
        text = (folder / f"{slug}.txt").read_text("utf-8")
        documents.append(CorpusDocument(slug, text, json.loads(truth_path.read_text("utf-8"))))
    return documents


def _script_folder():
    """Traditional -> Simplified (OpenCC's t2s) when OpenCC is installed: 知識產權局 and 知识产权局 are one name."""
    try:
        import opencc
    except ImportError:
        return lambda name: name
    converter = opencc.OpenCC("t2s")
    return converter.convert


_fold = None


def name_key(registry, name: str) -> str:
    """The form two department names are compared in: script folded, then `Registry.canonical`."""
    global _fold
    if _fold is None:
        _fold = _script_folder()
    return registry.canonical(_fold(name))


def _read(text: str, registry):
    from data.text_reader import read_plan_text

    return read_plan_text(text, registry)


def score_document(text: str, truth: dict, slug: str = "", registry=None, runs: int = 1,
                   reader=None) -> DocumentScore:
    """Read one document `runs` times (timing the median) and compare the last reading with its truth."""
    if registry is None:
        from data.registry import default_registry

        registry = default_registry()
    reader = reader or _read
    times, tasks, refused = [], [], None
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        try:
            result = reader(text, registry)
        except ValueError as error:
            times.append(time.perf_counter() - start)
            refused = str(error) or type(error).__name__
            tasks = []
            break
        times.append(time.perf_counter() - start)
        tasks = list(result.plan.tasks)

    def canonical(name: str) -> str:
        return name_key(registry, name)

    flat_tasks = [squash(task.text) for task in tasks]
    claimed: set[int] = set()
    outcomes = []
    for item in truth["tasks"]:
        wanted = squash(item["excerpt"])
        holders = [i for i, flat in enumerate(flat_tasks) if wanted in flat]
        outcome = TaskOutcome(item.get("label", ""), item["excerpt"], "missing")
        if holders:
            free = [i for i in holders if i not in claimed]
            if not free:
                outcome.status = "merged"
            else:
                index = free[0]
                claimed.add(index)
                task = tasks[index]
                names = list(task.departments)
                outcome.status = "found"
                outcome.read_lead = names[0] if names else None
                outcome.read_participants = names[1:]
                outcome.lead_right = bool(names) and canonical(names[0]) == canonical(item["lead"])
                outcome.participants_right = (
                    {canonical(n) for n in names[1:]} == {canonical(n) for n in item["participants"]})
                outcome.read_deadline = getattr(task, "deadline", None)
                if item.get("deadline"):
                    outcome.deadline_right = squash(outcome.read_deadline or "") == squash(item["deadline"])
        if item.get("deadline") and outcome.deadline_right is None:
            outcome.deadline_right = False
        outcomes.append(outcome)
    return DocumentScore(
        slug=slug,
        truth_tasks=len(outcomes),
        read_tasks=len(tasks),
        found=sum(o.status == "found" for o in outcomes),
        merged=sum(o.status == "merged" for o in outcomes),
        lead_right=sum(o.lead_right for o in outcomes),
        participants_right=sum(o.participants_right for o in outcomes),
        deadlines=sum(1 for item in truth["tasks"] if item.get("deadline")),
        deadlines_right=sum(bool(o.deadline_right) for o in outcomes),
        refused=refused,
        seconds=statistics.median(times),
        outcomes=outcomes,
    )


def score_corpus(documents: list[CorpusDocument], runs: int = 1, registry=None) -> list[DocumentScore]:
    return [score_document(d.text, d.truth, d.slug, registry=registry, runs=runs) for d in documents]


@dataclass
class Totals(_Shares):
    documents: int
    truth_tasks: int
    found: int
    merged: int
    lead_right: int
    participants_right: int
    deadlines: int
    deadlines_right: int
    refused: int
    below_goal: list[str]
    median_seconds: float

    @property
    def meets_goal(self) -> bool:
        return self.found_share >= GOAL_TOTAL and self.lead_share >= GOAL_TOTAL and not self.below_goal


def totals(scores: list[DocumentScore]) -> Totals:
    return Totals(
        documents=len(scores),
        truth_tasks=sum(s.truth_tasks for s in scores),
        found=sum(s.found for s in scores),
        merged=sum(s.merged for s in scores),
        lead_right=sum(s.lead_right for s in scores),
        participants_right=sum(s.participants_right for s in scores),
        deadlines=sum(s.deadlines for s in scores),
        deadlines_right=sum(s.deadlines_right for s in scores),
        refused=sum(s.refused is not None for s in scores),
        below_goal=[s.slug for s in scores if not s.meets_goal],
        median_seconds=statistics.median([s.seconds for s in scores]) if scores else 0.0,
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


HEADER = ["document", "truth", "read", "found", "merged", "lead ok", "parts ok", "deadl. ok",
          "found %", "lead %", "parts %", "ms"]


def _row(name: str, truth: int, read: int | str, found: int, merged: int, lead: int, parts: int,
         deadlines: int, deadlines_right: int, seconds: float) -> list[str]:
    return [name, str(truth), str(read), str(found), str(merged), str(lead), str(parts),
            f"{deadlines_right}/{deadlines}" if deadlines else "-",
            _pct(found, truth), _pct(lead, truth), _pct(parts, truth), _ms(seconds)]


def _print_table(title: str, rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    print(f"\n{title}")
    for n, row in enumerate([HEADER, *rows]):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip())
        if n == 0 or n == len(rows) - 1:
            print("  ".join("-" * w for w in widths))


def print_block(title: str, scores: list[DocumentScore]) -> Totals:
    rows = []
    for s in scores:
        name = s.slug
        if s.refused is not None:
            name += "  [refused]"
        if not s.meets_goal:
            name += "  *"
        rows.append(_row(name, s.truth_tasks, s.read_tasks, s.found, s.merged, s.lead_right,
                         s.participants_right, s.deadlines, s.deadlines_right, s.seconds))
    total = totals(scores)
    rows.append(_row(f"TOTAL ({total.documents} documents)", total.truth_tasks, "", total.found, total.merged,
                     total.lead_right, total.participants_right, total.deadlines, total.deadlines_right,
                     total.median_seconds))
    _print_table(title, rows)
    print(f"  ms: median reading time of each document; on the TOTAL line, the median over documents.")
    print(f"  * below {GOAL_DOCUMENT:.0%} found or leads right.  Goal: >= {GOAL_TOTAL:.0%} found and leads "
          f"right over the set, no document below {GOAL_DOCUMENT:.0%}: "
          f"{'MET' if total.meets_goal else 'NOT MET'} (found {_pct(total.found, total.truth_tasks)}, "
          f"leads {_pct(total.lead_right, total.truth_tasks)}, {len(total.below_goal)} below)")
    return total


def print_details(score: DocumentScore, truth: dict) -> None:
    """Every truth task that was not found, or found with a wrong lead, participants or deadline."""
    print(f"\n{score.slug}: {truth['document']}")
    if score.refused is not None:
        print(f"  refused: {score.refused}")
    by_label = {o.excerpt: item for o, item in zip(score.outcomes, truth["tasks"])}
    for o in score.outcomes:
        item = by_label[o.excerpt]
        if o.status != "found":
            print(f"  {o.label:12} {o.status:7} «{o.excerpt}»")
            continue
        problems = []
        if not o.lead_right:
            problems.append(f"lead {o.read_lead!r}, truth {item['lead']!r}")
        if not o.participants_right:
            problems.append(f"participants {o.read_participants}, truth {item['participants']}")
        if o.deadline_right is False:
            problems.append(f"deadline {o.read_deadline!r}, truth {item['deadline']!r}")
        if problems:
            print(f"  {o.label:12} found   «{o.excerpt}»: " + "; ".join(problems))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unseen", action="store_true", help="also score the unseen set, as a separate block")
    parser.add_argument("--doc", help="score one document (of the corpus) and list what went wrong in it")
    parser.add_argument("--runs", type=int, default=3, help="readings per document for the timing (default 3)")
    args = parser.parse_args()
    from data.registry import default_registry

    registry = default_registry()
    documents = load_corpus(CORPUS)
    if args.doc:
        chosen = [d for d in documents if d.slug == args.doc]
        if not chosen:
            sys.exit(f"no corpus document {args.doc!r} (the unseen set is not shown one by one)")
        document = chosen[0]
        score = score_document(document.text, document.truth, document.slug, registry, args.runs)
        print_block("Reader accuracy: one document", [score])
        print_details(score, document.truth)
        return
    scores = score_corpus(documents, args.runs, registry)
    print_block("Reader accuracy: corpus (tests/corpus)", scores)
    variants = {d.slug for d in documents if d.truth.get("variant_of")}
    if variants:
        real = totals([s for s in scores if s.slug not in variants])
        print(f"  real documents only ({real.documents}, the {len(variants)} made variants aside): "
              f"found {_pct(real.found, real.truth_tasks)}, leads {_pct(real.lead_right, real.truth_tasks)}, "
              f"participants {_pct(real.participants_right, real.truth_tasks)} of {real.truth_tasks} tasks")
    if args.unseen:
        unseen = load_corpus(UNSEEN)
        if unseen:
            print_block("Reader accuracy: unseen set (tests/corpus/unseen)", score_corpus(unseen, args.runs, registry))
        else:
            print(f"\nReader accuracy: no unseen documents in {UNSEEN.relative_to(REPO)} (the next set goes there)")


if __name__ == "__main__":
    main()
