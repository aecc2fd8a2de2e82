"""The `plan-review` command: with no command it opens the window; commands serve scripts and tests."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from data import json_format
from data.errors import PlanReviewError
from data.paths import default_database_path
from data.readers import read_plan_file
from data.store import PlanStore

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help=f"the database file (default: {default_database_path()})")
    parser = argparse.ArgumentParser(prog="plan-review", parents=[common],
                                     description="Review a government work plan offline.")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window on the plan, paint it once and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = commands.add_parser("import", parents=[common], help="read a plan (text or JSON) into the database")
    command.add_argument("file", type=Path)
    commands.add_parser("plans", parents=[common], help="list the stored plans")
    command = commands.add_parser("dump", parents=[common], help="print a plan as JSON")
    command.add_argument("--plan", type=int, metavar="ID")
    command = commands.add_parser("departments", parents=[common],
                                  help="list departments with their lead and participant counts")
    command.add_argument("--plan", type=int, metavar="ID")
    return parser


def _plan_id(store: PlanStore, wanted: int | None) -> int:
    if wanted is not None:
        if not any(p.id == wanted for p in store.plans()):
            raise PlanReviewError(store.path, f"holds no plan with id {wanted}")
        return wanted
    latest = store.latest_plan_id()
    if latest is None:
        raise PlanReviewError(store.path, "holds no plan yet; import one first")
    return latest


def _import(args: argparse.Namespace) -> None:
    result = read_plan_file(args.file)  # read fully before the database is touched
    with PlanStore(args.db) as store:
        outcome = store.import_plan(result, source=args.file.name)
    counts = outcome.counts
    if outcome.created:
        print(f"Imported plan {outcome.plan_id}: {result.plan.title} ({result.plan.year})")
    else:
        print(f"Already stored as plan {outcome.plan_id}: {result.plan.title}; nothing imported")
    print(f"  {counts['parts']} parts, {counts['sections']} sections, {counts['tasks']} tasks, "
          f"{counts['departments']} departments")
    for warning in outcome.warnings:
        print(f"warning: {warning}")


def _plans(args: argparse.Namespace) -> None:
    with PlanStore(args.db, create=False) as store:
        for plan in store.plans():
            print(f"{plan.id}\t{plan.year or ''}\t{plan.title}")


def _dump(args: argparse.Namespace) -> None:
    with PlanStore(args.db, create=False) as store:
        plan = store.load_plan(_plan_id(store, args.plan))
    print(json_format.dumps(plan))


def _departments(args: argparse.Namespace) -> None:
    with PlanStore(args.db, create=False) as store:
        rows = store.departments(_plan_id(store, args.plan))
    width = max((len(r.name) for r in rows), default=10)
    print(f"{'department':<{width}}  {'Chinese':<14} {'abbr.':<9} {'leads':>5} {'takes part':>10}")
    for r in rows:
        mark = "" if r.verified else "  (unverified)"
        print(f"{r.name:<{width}}  {(r.name_zh or '—'):<14} {(r.abbreviation or '—'):<9} "
              f"{r.lead_count:>5} {r.participant_count:>10}{mark}")


COMMANDS = {"import": _import, "plans": _plans, "dump": _dump, "departments": _departments}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None) or default_database_path()
    if args.command is None:
        from desktop.app import run_window  # Qt loads only for the window

        return run_window(args.db, smoke=args.smoke)
    try:
        COMMANDS[args.command](args)
    except PlanReviewError as error:
        print(f"plan-review: {error.path}: {error.problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
