"""Killing the program mid-write: a child process makes the program's writes and reports each one once it
is committed; the parent kills it with SIGKILL at a random moment and checks what the next start finds.

Used by tests/test_crash.py (a few dozen kills) and bench/crash_stress.py (a thousand).
"""
from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BATCH = 30  # tasks whose status one action sets at once

# The child: cycles through the program's writes, printing one line after each is committed (flushed).
WRITER = textwrap.dedent("""
    import hashlib, sys
    from pathlib import Path
    from data.importing import read_plan
    from data.review import REVIEWED, IN_REVIEW, ReviewStore
    from data.store import PlanStore
    from exporters.export import ExportRequest, run_export

    db, folder, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    store = PlanStore(db, create=False)
    reviews = ReviewStore(store)
    tasks = store.task_ids(1)
    departments = tuple(d.id for d in store.departments(1)[:3])

    def report(*words):
        print(*words, flush=True)

    for step in range(start, start + 10_000):
        action = step % 5
        if action == 0:
            note = reviews.add_note(tasks[step % len(tasks)], f"note {step}", "child")
            report("note", note.id)
        elif action == 1:
            status = (REVIEWED, IN_REVIEW)[step // 5 % 2]
            with store.transaction():
                for task in tasks[:BATCH]:
                    reviews.set_state(task, "child", status=status)
            report("statuses", status)
        elif action == 2:
            plan = folder / f"plan-{step}.txt"
            plan.write_text(Path(sys.argv[4]).read_text("utf-8").replace("2023", str(3000 + step)), "utf-8")
            outcome = read_plan(plan).store_into(store)
            report("plan", outcome.plan_id, outcome.counts["tasks"])
        elif action == 3:
            count = reviews.import_review(1, Path(sys.argv[5])).notes
            report("merge", count)
        else:
            target = folder / "export.xlsx"
            run_export(store, ExportRequest(1, departments, "xlsx", target))
            report("export", hashlib.sha256(target.read_bytes()).hexdigest())
""").replace("BATCH", str(BATCH))


@dataclass
class Findings:
    """What the checks after the kills found: each list holds the problems, empty when all is well."""

    kills: int = 0
    writes_reported: int = 0
    writes_checked: int = 0
    problems: list[str] = field(default_factory=list)


def prepare(folder: Path, template: Path, plan_text: Path) -> tuple[Path, Path]:
    """The database the child writes to, and a colleague's review file it merges."""
    from data.review import ReviewStore
    from data.store import PlanStore

    database = folder / "plans.sqlite"
    shutil.copy(template, database)
    colleague = folder / "colleague.sqlite"
    shutil.copy(template, colleague)
    with PlanStore(colleague) as store:
        reviews = ReviewStore(store)
        for number in range(1, 21):
            reviews.add_note(store.task_id_by_number(1, number), f"colleague's note {number}", "colleague")
        reviews.export_review(1, folder / "colleague.json")
    colleague.unlink()
    return database, folder / "colleague.json"


def kill_once(database: Path, review_file: Path, plan_text: Path, step: int, after: float) -> list[list[str]]:
    """Start the writer at `step`, kill it after `after` seconds; the writes it reported."""
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(database), str(database.parent), str(step),
                              str(plan_text), str(review_file)], cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    if child.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the writer ended by itself ({child.returncode}): {err}")
    return [line.split() for line in out.splitlines()]


def check(database: Path, reported: list[list[str]], imported_tasks: int, findings: Findings) -> None:
    """What the next start must find: every reported write, whole multi-row actions, clean checks, no
    temporary file, an export that is the complete old or new file."""
    from data.review import ReviewStore
    from data.store import PlanStore

    folder = database.parent
    with PlanStore(database, create=False) as store:  # opens without help (its checks pass)
        problems = findings.problems
        for name in ("integrity_check", "foreign_key_check"):
            rows = store.conn.execute(f"PRAGMA {name}").fetchall()
            if rows not in ([("ok",)], []):
                problems.append(f"{name}: {rows[:3]}")
        reviews = ReviewStore(store)
        notes = {note.id for note in reviews.notes(1)}
        statuses = {state.status for state in reviews.states(1, reviewer="child")}
        plans = {plan.id: plan.task_count for plan in store.plans()}
        for words in reported:
            findings.writes_checked += 1
            if words[0] == "note" and words[1] not in notes:
                problems.append(f"note {words[1]} was reported saved and is gone")
            elif words[0] == "plan" and plans.get(int(words[1])) != int(words[2]):
                problems.append(f"plan {words[1]} was reported with {words[2]} tasks, holds {plans.get(int(words[1]))}")
        merged = sum(note.author == "colleague" for note in reviews.notes(1))
        if merged not in (0, 20) or (merged == 0 and any(words[0] == "merge" for words in reported)):
            problems.append(f"a review merge is half there or lost: {merged} of its 20 notes")
        child_states = reviews.states(1, reviewer="child")
        if child_states and (len(child_states) != BATCH or len(statuses) != 1):
            problems.append(f"a batch of statuses is half applied: {len(child_states)} states, {statuses}")
        for plan_id, count in plans.items():
            if count != (plans[1] if plan_id == 1 else imported_tasks):
                problems.append(f"plan {plan_id} is half imported ({count} tasks)")
    export = folder / "export.xlsx"
    if export.exists():
        from openpyxl import load_workbook

        try:
            load_workbook(export, read_only=True).close()
        except Exception as error:  # noqa: BLE001 - any failure to read it is the finding
            problems.append(f"the export is not a complete workbook ({error})")
    from data.files import TEMPORARY_SUFFIX, remove_leftovers

    remove_leftovers(folder, TEMPORARY_SUFFIX)  # what the next export into the folder does first
    left = [p.name for p in folder.iterdir() if p.name.startswith(".")] + [
        p.name for p in (folder / "backups").glob(".*")]
    if left:
        findings.problems.append(f"temporary files left behind: {left}")


def run(kills: int, folder: Path, template: Path, plan_text: Path, seed: int = 12,
        longest: float = 1.5) -> Findings:
    """Kill the writer `kills` times at random moments, checking after each kill."""
    from data.importing import read_plan

    rng = random.Random(seed)
    database, review_file = prepare(folder, template, plan_text)
    imported_tasks = read_plan(plan_text).result.plan.counts()["tasks"]
    findings, step = Findings(), 0
    for _ in range(kills):
        reported = kill_once(database, review_file, plan_text, step, rng.uniform(0.25, longest))
        findings.kills += 1
        findings.writes_reported += len(reported)
        step += len(reported) + 1  # the next run goes on from the action after the last reported
        check(database, reported, imported_tasks, findings)
        if findings.problems:
            break
        for leftover in folder.glob("plan-*.txt"):
            leftover.unlink()
    return findings


