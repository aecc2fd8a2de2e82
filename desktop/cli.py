"""The `plan-review` command: with no command it opens the window; commands serve scripts and tests.

Every command asks a review session (data/session.py), as the window does, so the two never disagree.
Qt loads only to open the window. Its messages speak the language of the environment (LANG: zh_CN gives
Chinese), worded from desktop/cli_zh.py and the core's own catalogue of failures (data/problems_zh.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from data.errors import EXIT_BAD_INPUT, EXIT_PARTLY_READ, PlanReviewError, worded
from data.language import CHINESE, LANGUAGES, environment_language, word
from data.model import LEAD, PARTICIPANT
from data.paths import default_database_path
from data.review import ALL, ATTENTION, FLAGGED, FOLLOW_UP, STATUSES, NoteVersion
from data.session import PlanSession, TaskFilter
from data.store import PlanStore, database_error
from exporters.document import LAYOUTS, STANDARD
from exporters.formats import FORMATS

from .cli_zh import CLI_ZH
from .licences import components, program_version, qt_notice

EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE: what a Unix tool ends with when its reader stops reading
ROLES = {"lead": LEAD, "participant": PARTICIPANT, "any": None}


def say(template: str, **values: object) -> str:
    """A line of the command line's output in the environment's language."""
    return word(template, environment_language(), CLI_ZH, **values)


def _add_language_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--language", choices=LANGUAGES, default=None,
                         help="the language of the sheets or report: zh (Chinese) or en (default: the environment's)")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help=f"the database file (default: {default_database_path()})")
    parser = argparse.ArgumentParser(prog="plan-review", parents=[common],
                                     description="Review a government work plan offline.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {program_version()}")
    parser.add_argument("--smoke", action="store_true",
                        help="open the window on the plan, paint it once and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = commands.add_parser("import", parents=[common],
                                  help="read a plan (text, JSON, Word, PDF, web page, ledger) into the database")
    command.add_argument("file", type=Path)
    command.add_argument("--dry-run", action="store_true",
                         help="print what was read (parts, sections, tasks, warnings, unknown departments); "
                              "store nothing")
    command.add_argument("--map", action="append", default=[], metavar="NAME=BODY",
                         help="read the unknown department NAME as the known BODY, and remember it for later "
                              "imports (not with --dry-run)")
    command.add_argument("--title", help="store the plan under this title instead of the one read (a web page's "
                                         "first line is not always the plan's name)")
    command = commands.add_parser("registry", parents=[common],
                                  help="the department registry as you have extended it (your bodies and spellings)")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True)
    action = actions.add_parser("export", parents=[common], help="write your bodies and spellings to a file")
    action.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    action = actions.add_parser("import", parents=[common], help="add a colleague's bodies and spellings")
    action.add_argument("file", type=Path)
    commands.add_parser("licences", help="list the components the program runs on, with their versions and licences")
    commands.add_parser("plans", parents=[common], help="list the stored plans")
    commands.add_parser("check", parents=[common],
                        help="check every page of the database (SQLite's integrity_check); exit 2 if damaged")
    command = commands.add_parser("dump", parents=[common], help="print a plan as JSON")
    command.add_argument("--plan", type=int, metavar="ID")
    command = commands.add_parser("departments", parents=[common],
                                  help="list departments with their lead and participant counts")
    command.add_argument("--plan", type=int, metavar="ID")
    _add_tasks_command(commands, common)
    _add_review_commands(commands, common)
    _add_backup_commands(commands, common)
    _add_export_command(commands, common)
    _add_feedback_command(commands, common)
    return parser


def _import(args: argparse.Namespace) -> int:
    from data.corrections import apply_aliases, unknown_departments
    from data.importing import read_plan

    plan_file = read_plan(args.file)  # a file refused leaves the database untouched
    result = plan_file.result
    if args.title and args.title.strip():
        result.plan.title = args.title.strip()
    if args.dry_run:
        if args.db.exists():
            with PlanStore(args.db, create=False) as store:
                registry, aliases = _with_mappings(store, args)
        else:
            registry, aliases = _with_mappings(None, args)
        apply_aliases(result, aliases, registry)
        _print_reading(result, unknown_departments(result), registry)
        return EXIT_PARTLY_READ if result.unplaced else 0
    with PlanStore(args.db) as store:
        registry, aliases = _with_mappings(store, args)
        apply_aliases(result, aliases, registry)
        outcome = plan_file.store_into(store, {name: aliases[name] for name in _mapped_names(args)})
    counts, plan = outcome.counts, result.plan
    if outcome.created:
        print(say("Imported plan {plan_id}: {title} ({year})", plan_id=outcome.plan_id, title=plan.title,
                  year=plan.year))
    else:
        print(say("Already stored as plan {plan_id}: {title}; nothing imported", plan_id=outcome.plan_id,
                  title=plan.title))
    print(say("  {parts} parts, {sections} sections, {tasks} tasks, {departments} departments", **counts))
    _print_clause_count(result, stored=True)
    for warning in outcome.warnings:
        print(say("warning: {warning}", warning=worded(warning, environment_language())))
    return EXIT_PARTLY_READ if result.unplaced else 0


def _with_mappings(store: PlanStore | None, args: argparse.Namespace):
    """The registry as the user has extended it, and the user's spellings with the --map ones added
    (NAME: official name of BODY); a BODY it does not know is refused."""
    from data.corrections import parse_mapping
    from data.user_registry import user_registry

    registry = user_registry(store)
    aliases = store.user_aliases() if store is not None else {}
    for text in args.map:
        name, body = parse_mapping(text, registry, str(args.file))
        aliases[name] = body.name
    return registry, aliases


def _mapped_names(args: argparse.Namespace) -> list[str]:
    return [text.partition("=")[0].strip() for text in args.map]


def _print_clause_count(result, stored: bool) -> None:
    if result.clauses:
        template = ("  {clauses} department clauses found, {tasks} tasks stored, {unplaced} clauses not placed"
                    if stored else
                    "  {clauses} department clauses found, {tasks} tasks read, {unplaced} clauses not placed")
        print(say(template, clauses=result.clauses, tasks=len(result.plan.tasks), unplaced=result.unplaced))


def _print_reading(result, unknown, registry) -> None:
    """The reading as the import preview shows it: structure, each task with its departments, warnings."""
    plan = result.plan
    counts = plan.counts()
    print(say("Read (nothing stored): {title} ({year})", title=plan.title, year=plan.year or say("year unknown")))
    print(say("  {parts} parts, {sections} sections, {tasks} tasks, {departments} departments", **counts))
    _print_clause_count(result, stored=False)
    for part in plan.parts:
        print(f"{part.number}. {part.title}" if part.number is not None else part.title or "(tasks outside any part)")
        for section in part.sections:
            if section.number is not None:
                print(f"  ({section.number}) {section.title}")
            for task in section.tasks:
                print(f"    {task.number}. {task.text}")
                print("       " + say("lead: {lead}; participants: {participants}", lead=task.lead or "-",
                                          participants=", ".join(task.participants) or "-")
                      + (say("; deadline: {deadline}", deadline=task.deadline) if task.deadline else ""))
    for warning in result.warnings:
        print(say("warning: {warning}", warning=worded(warning, environment_language())))
    for department in unknown:
        close = registry.suggestions(department.name)
        print(say("unknown department: {name}", name=department.name)
              + (say(" (close: {close}; map it with --map \"{name}=BODY\")", close="; ".join(close),
                     name=department.name) if close else ""))


def _plans(args: argparse.Namespace) -> None:
    with PlanStore(args.db, create=False) as store:
        for plan in store.plans():
            print(f"{plan.id}\t{plan.year or ''}\t{plan.title}")


def _check(args: argparse.Namespace) -> None:
    with PlanStore(args.db, create=False, full_check=True):
        print(say("{path}: no damage found", path=args.db))


def _dump(args: argparse.Namespace) -> None:
    with PlanSession.open(args.db, args.plan) as session:
        plan_id = session.required_plan()
        plan, corrections = session.store.load_plan(plan_id), session.store.corrections(plan_id)
    from dataclasses import asdict

    from data import json_format

    print(json_format.dumps(plan, [asdict(correction) for correction in corrections]))


def _departments(args: argparse.Namespace) -> None:
    with PlanSession.open(args.db, args.plan) as session:
        rows = session.store.departments(session.required_plan())
    table = [(say("department"), say("Chinese"), say("abbr."), say("leads"), say("takes part"), "")]
    table += [(r.name, r.name_zh or "—", r.abbreviation or "—", str(r.lead_count), str(r.participant_count),
               "" if r.verified else say("(unverified)")) for r in rows]
    _print_columns(table, right=(False, False, False, True, True, False))  # the counts line up on the right


def _print_columns(table: list[tuple[str, ...]], right: tuple[bool, ...]) -> None:
    """Rows of texts in columns lined up for a terminal (Chinese names too); `right`: columns aligned right."""
    from wcwidth import wcswidth  # 27 ms to import: only for these tables, not at every start

    widths = [max(wcswidth(row[column]) for row in table) for column in range(len(table[0]))]
    for row in table:
        cells = [_padded(text, width, align_right) for text, width, align_right in zip(row, widths, right)]
        print("  ".join(cells).rstrip())


def _padded(text: str, width: int, align_right: bool) -> str:
    """Text padded to `width` columns of a terminal, where a Chinese character takes two."""
    from wcwidth import wcswidth

    gap = " " * (width - wcswidth(text))
    return gap + text if align_right else text + gap


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 note", "2 notes" (in Chinese "2 条备注")."""
    return say(f"{{count}} {noun if count == 1 else plural or noun + 's'}", count=count)


def _add_tasks_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`plan-review tasks`: the tasks a filter keeps, chosen as in the window."""
    command = commands.add_parser("tasks", parents=[common], help="list the tasks a filter keeps, as the window does")
    command.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")
    command.add_argument("--department", action="append", default=[], metavar="NAME",
                         help="official name, alias, abbreviation or Chinese name; repeat for several")
    command.add_argument("--role", choices=tuple(ROLES), default="any",
                         help="the departments' role in the task (default: any)")
    command.add_argument("--search", default="", metavar="WORDS", help="words the task text holds, every one")
    command.add_argument("--status", choices=STATUSES, help="the reviewer's status")
    command.add_argument("--flagged", action="store_true", help="only tasks the reviewer flagged")
    command.add_argument("--has-notes", action="store_true", help="only tasks with notes")
    command.add_argument("--mine", action="store_true", help="only tasks the reviewer set a status on or wrote a note on")
    command.add_argument("--conflicts", action="store_true",
                         help="only tasks with a note changed on two computers, not yet settled")
    command.add_argument("--reviewer", metavar="NAME", help="whose status, flag and work count (default: as review)")
    command.add_argument("--format", choices=("table", "json"), default="table")


def _tasks(args: argparse.Namespace) -> None:
    with PlanSession.open(args.db, args.plan, reviewer=args.reviewer) as session:
        session.required_plan()
        session.task_filter = TaskFilter(
            department_ids=session.department_ids(args.department), role=ROLES[args.role], search=args.search.strip(),
            review=session.review_filter(args.status, args.flagged, args.has_notes, args.mine, args.conflicts))
        rows = session.tasks()
    if args.format == "json":
        print(json.dumps([{"number": r.number, "text": r.text, "lead": r.lead.name if r.lead else None,
                           "participants": [d.name for d in r.participants]} for r in rows],
                         ensure_ascii=False, indent=1))
        return
    for r in rows:
        participants = "; ".join(d.name for d in r.participants)
        print(f"{r.number}\t{r.lead.name if r.lead else ''}\t{participants}\t{r.text}")


def _add_review_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`plan-review review ...`: notes, statuses and flags, and review files (see data/review.py)."""
    on_plan = argparse.ArgumentParser(add_help=False, parents=[common])
    on_plan.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")
    as_reviewer = argparse.ArgumentParser(add_help=False)
    as_reviewer.add_argument("--reviewer", metavar="NAME",
                             help="default: your identity (review whoami --set), else "
                                  "$PLAN_REVIEW_REVIEWER, else your user name")
    review = commands.add_parser("review", parents=[common], help="notes, review statuses and flags; review files")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    action = actions.add_parser("note", parents=[on_plan, as_reviewer], help="add a note to a task; prints its id")
    action.add_argument("--task", type=int, required=True, metavar="N")
    action.add_argument("text")
    action = actions.add_parser("edit", parents=[common, as_reviewer], help="change the text of your note")
    action.add_argument("note_id", metavar="NOTE")
    action.add_argument("text")
    action = actions.add_parser("delete", parents=[common, as_reviewer], help="delete your note")
    action.add_argument("note_id", metavar="NOTE")
    action = actions.add_parser("set", parents=[on_plan, as_reviewer], help="set a task's review status or flag")
    action.add_argument("--task", type=int, required=True, metavar="N")
    action.add_argument("--status", choices=STATUSES)
    action.add_argument("--flag", action=argparse.BooleanOptionalAction, default=None)
    action = actions.add_parser("list", parents=[on_plan], help="print notes (deleted ones too) and statuses as JSON")
    action.add_argument("--task", type=int, metavar="N")
    actions.add_parser("conflicts", parents=[on_plan],
                       help="print the notes edited on two computers at once, with every version, as JSON")
    action = actions.add_parser("resolve", parents=[common], help="settle a note's conflict")
    action.add_argument("note_id", metavar="NOTE")
    action.add_argument("--keep", metavar="VERSION", help="the version to keep (default: the note as it is)")
    action = actions.add_parser("export", parents=[on_plan], help="write a review file")
    action.add_argument("--reviewer", metavar="NAME", help="only this reviewer's notes and statuses (default: all)")
    action.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    action = actions.add_parser("report", parents=[on_plan],
                                help="write a review report: every task with its statuses, flag and notes")
    action.add_argument("--format", choices=tuple(FORMATS), required=True)
    action.add_argument("--only", choices=(FLAGGED, FOLLOW_UP, ATTENTION), default=ALL,
                        help="only flagged tasks, tasks needing follow-up, or both (attention); default: every task")
    _add_language_option(action)
    action.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    action = actions.add_parser("import", parents=[on_plan], help="merge a colleague's review file")
    action.add_argument("file", type=Path)
    action = actions.add_parser("whoami", parents=[common],
                                help="print (or --set) your reviewer identity, shared with the window")
    action.add_argument("--set", metavar="NAME", dest="identity")
    action.add_argument("--key", action="store_true", help="also print the fingerprint of your signing key")
    actions.add_parser("reviewers", parents=[common],
                       help="print who wrote in this database (here or through merged files) and their trusted keys")
    action = actions.add_parser("trust", parents=[common],
                                help="trust a reviewer's new key to sign their review files")
    action.add_argument("reviewer", metavar="REVIEWER")
    action.add_argument("--key", required=True, metavar="FINGERPRINT",
                        help="the key's fingerprint, as the refusal of the reviewer's file printed it")


def _task_id(session: PlanSession, number: int) -> int:
    plan_id = session.required_plan()
    task_id = session.store.task_id_by_number(plan_id, number)
    if task_id is None:
        raise PlanReviewError(session.path, "plan {plan_id} has no task {number}", plan_id=plan_id, number=number)
    return task_id


def _review_note(session: PlanSession, args: argparse.Namespace) -> None:
    print(session.reviews.add_note(_task_id(session, args.task), args.text, args.reviewer).id)


def _review_set(session: PlanSession, args: argparse.Namespace) -> None:
    if args.status is None and args.flag is None:
        raise PlanReviewError(session.path, "review set needs --status, --flag or --no-flag")
    session.reviews.set_state(_task_id(session, args.task), args.reviewer, status=args.status, flagged=args.flag)


def _review_list(session: PlanSession, args: argparse.Namespace) -> None:
    plan_id, reviews = session.required_plan(), session.reviews
    task_id = None if args.task is None else _task_id(session, args.task)
    listing = {"notes": [n.to_json() for n in reviews.notes(plan_id, task_id, include_deleted=True)],
               "states": [s.to_json() for s in reviews.states(plan_id, task_id)]}
    print(json.dumps(listing, ensure_ascii=False, indent=1))


def _review_conflicts(session: PlanSession, args: argparse.Namespace) -> None:
    def version(v: NoteVersion) -> dict:
        return {"version": v.key, "text": v.text, "deleted": v.deleted, "updated": v.updated}

    conflicts = [{**note.to_json(), "current": version(note.current), "others": [version(v) for v in note.conflicts]}
                 for note in session.reviews.conflicts(session.required_plan())]
    print(json.dumps({"conflicts": conflicts}, ensure_ascii=False, indent=1))


def _review_export(session: PlanSession, args: argparse.Namespace) -> None:
    written = session.reviews.export_review(session.required_plan(), args.output, args.reviewer)
    print(say("Wrote {notes} and {states} to {path}", notes=counted(written.notes, "note"),
              states=counted(written.states, "status", "statuses"), path=args.output))


def _review_import(session: PlanSession, args: argparse.Namespace) -> None:
    merged = session.reviews.import_review(session.required_plan(), args.file)
    if merged.signer is None:
        print(say("plan-review: warning: {path} is not signed (written by a Plan Review older than signed review "
                  "files): who wrote it cannot be checked", path=args.file), file=sys.stderr)
    tasks = ", ".join(map(str, merged.conflict_tasks))
    print(say("Merged {path}: {notes} and {states} changed, {conflicts}", path=args.file,
              notes=counted(merged.notes, "note"), states=counted(merged.states, "status", "statuses"),
              conflicts=counted(merged.conflicts, "new conflict"))
          + (say(" (task {tasks})" if len(merged.conflict_tasks) == 1 else " (tasks {tasks})", tasks=tasks)
             if merged.conflict_tasks else ""))


def _review_report(session: PlanSession, args: argparse.Namespace) -> None:
    from exporters.export import ReviewReportRequest, export_review_report

    request = ReviewReportRequest(session.required_plan(), args.format, args.output, args.only,
                                  args.language or environment_language())
    result = export_review_report(session.store, request)
    for warning in result.warnings:
        print(say("warning: {warning}", warning=worded(warning, environment_language())))
    print(say("Wrote the review report to {path}", path=result.paths[0]))


def _review_whoami(session: PlanSession, args: argparse.Namespace) -> None:
    from data.identity import Identity, current_identity, identity_path, signing_key, store_identity

    if args.identity is not None:
        if not args.identity.strip():
            raise PlanReviewError(identity_path(), "a reviewer name cannot be empty")
        store_identity(Identity(args.identity, current_identity().department))
    print(session.reviews.default_reviewer())
    if args.key:
        print(say("key {fingerprint}", fingerprint=signing_key().fingerprint))


def _review_reviewers(session: PlanSession, args: argparse.Namespace) -> None:
    for name, first_seen, wrote_here, merged, keys in session.reviews.known_reviewers():
        print(say("{name}\tfirst seen {first_seen}\twrote here {wrote_here}\tmerged {merged}\tkeys {keys}", name=name,
                  first_seen=first_seen or "-", wrote_here=wrote_here or "-", merged=merged or "-",
                  keys=", ".join(keys) or "-"))


def _review_trust(session: PlanSession, args: argparse.Namespace) -> None:
    session.reviews.trust_key(args.reviewer, args.key)
    print(say("{reviewer}'s review files signed with key {key} are now accepted", reviewer=args.reviewer,
              key=args.key))


REVIEW_ACTIONS = {
    "note": _review_note,
    "edit": lambda session, args: session.reviews.edit_note(args.note_id, args.text, args.reviewer),
    "delete": lambda session, args: session.reviews.delete_note(args.note_id, args.reviewer),
    "set": _review_set,
    "list": _review_list,
    "conflicts": _review_conflicts,
    "resolve": lambda session, args: session.reviews.resolve_conflict(args.note_id, args.keep),
    "export": _review_export,
    "import": _review_import,
    "report": _review_report,
    "whoami": _review_whoami,
    "reviewers": _review_reviewers,
    "trust": _review_trust,
}


def _review(args: argparse.Namespace) -> None:
    with PlanSession.open(args.db, getattr(args, "plan", None)) as session:
        REVIEW_ACTIONS[args.review_command](session, args)


def _add_backup_commands(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`plan-review backup list|restore`: the backups kept beside the database (data/backups.py)."""
    command = commands.add_parser("backup", parents=[common], help="list the database's backups or restore one")
    actions = command.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="the backups, newest first: number, date, why, what they hold")
    action = actions.add_parser("restore", parents=[common],
                                help="put a backup's content back (the current content is backed up first)")
    action.add_argument("backup", metavar="NUMBER|FILE", help="a number from `backup list`, or a backup file")


def _backup(args: argparse.Namespace) -> None:
    from data import backups

    if args.backup_command == "list":
        language = environment_language()
        for number, backup in enumerate(backups.list_backups(Path(args.db)), start=1):
            holds = worded(backup.problem, language) if backup.problem else say(
                "{plans} plan(s), {notes} note(s), {statuses} status(es)", plans=len(backup.plans), notes=backup.notes,
                statuses=backup.statuses)
            print(f"{number}\t{backup.made:%Y-%m-%d %H:%M:%S} UTC\t{worded(backup.reason_text, language)}\t{holds}\t"
                  f"{backup.path}")
        return
    chosen = Path(args.backup)
    if args.backup.isdigit():
        paths = backups.backup_paths(Path(args.db))
        if not 1 <= int(args.backup) <= len(paths):
            raise PlanReviewError(args.db, "has no backup number {number} (see plan-review backup list)",
                                  number=args.backup)
        chosen = paths[int(args.backup) - 1]
    with PlanStore(args.db, create=False) as store:
        before = store.restore_from(chosen)
    print(say("Restored {backup}; the content it replaced is kept as {before}", backup=chosen.name, before=before.name))


def _add_export_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`plan-review export`: department assignment sheets in Excel or PDF (see exporters/)."""
    command = commands.add_parser("export", parents=[common], help="write department assignment sheets")
    command.add_argument("--format", choices=tuple(FORMATS), required=True)
    which = command.add_mutually_exclusive_group(required=True)
    which.add_argument("--department", action="append", metavar="NAME",
                       help="official name, alias or abbreviation; repeat for several")
    which.add_argument("--all", action="store_true", help="every department the plan names")
    command.add_argument("--one-file-per-department", action="store_true",
                         help="write one file per department into the folder -o names")
    command.add_argument("--with-review", action="store_true",
                         help="add each task's review status and notes as columns")
    _add_language_option(command)
    command.add_argument("--layout", choices=LAYOUTS, default=STANDARD,
                         help="official: A4 portrait as a government office prints an attachment (GB/T 9704)")
    command.add_argument("--attachment", action="store_true", help="official layout: head each sheet 附件")
    command.add_argument("--for-feedback", action="store_true",
                         help="one feedback workbook per department into the folder -o names: the plan's columns "
                              "locked, Progress, Completion date, Account of work and Contact to fill in "
                              "(read back with: feedback import)")
    command.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    command.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")


def _export(args: argparse.Namespace) -> None:
    from exporters.export import ExportRequest, export_assignment_sheets

    if args.for_feedback and not FORMATS[args.format].feedback:
        raise PlanReviewError(args.output, "feedback workbooks are written as {formats}, not {format}",
                              formats=_feedback_formats(), format=args.format)
    with PlanSession.open(args.db, args.plan) as session:
        plan_id = session.required_plan()
        ids = (tuple(d.id for d in session.store.departments(plan_id)) if args.all
               else session.department_ids(args.department))
        request = ExportRequest(plan_id, ids, args.format, args.output, args.one_file_per_department,
                                include_review=args.with_review, language=args.language or environment_language(),
                                layout=args.layout, attachment=args.attachment, for_feedback=args.for_feedback)
        result = export_assignment_sheets(session.store, request)
    for warning in result.warnings:
        print(say("warning: {warning}", warning=worded(warning, environment_language())))
    print(say("Wrote the sheets of {departments} department(s) to {files} file(s):", departments=len(ids),
              files=len(result.paths)))
    for path in result.paths:
        print(f"  {path}")


def _feedback_formats() -> str:
    return " or ".join(key for key, export_format in FORMATS.items() if export_format.feedback)


def _add_feedback_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """`plan-review feedback import`: the departments' returned feedback workbooks read into the review."""
    command = commands.add_parser("feedback", parents=[common],
                                  help="read the feedback workbooks departments returned (export --for-feedback)")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True)
    action = actions.add_parser("import", parents=[common],
                                help="read returned workbooks (files, or folders of them) into the review")
    action.add_argument("files", type=Path, nargs="+", metavar="FILE")
    action.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")
    action = actions.add_parser("status", parents=[common],
                                help="per department: tasks answered and their progress; then the departments "
                                     "that have not answered, to chase")
    action.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")
    action = actions.add_parser("ledger", parents=[common],
                                help="write the ledger: every task with each department's latest progress, overdue "
                                     "tasks marked, the departments' answers counted, the reminder list")
    action.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")
    action.add_argument("--format", choices=sorted(FORMATS), default="xlsx")
    action.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    action.add_argument("--on", type=_iso_date, metavar="YYYY-MM-DD",
                        help="the day overdue is measured against (default: today)")
    _add_language_option(action)
    action = actions.add_parser("deadline", parents=[common],
                                help="set the office's deadline of a task (it overrides the plan's), or clear it")
    action.add_argument("task", type=int, metavar="TASK", help="the task's number")
    action.add_argument("day", type=_deadline_day, metavar="YYYY-MM-DD|none")
    action.add_argument("--plan", type=int, metavar="ID", help="the plan (default: the latest)")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _deadline_day(text: str) -> date | None:
    return None if text.casefold() == "none" else _iso_date(text)


def _feedback(args: argparse.Namespace) -> int:
    return {"import": _feedback_import, "status": _feedback_status, "ledger": _feedback_ledger,
            "deadline": _feedback_deadline}[args.action](args)


def _feedback_ledger(args: argparse.Namespace) -> None:
    from exporters.export import LedgerRequest, run_export

    with PlanSession.open(args.db, args.plan) as session:
        result = run_export(session.store, LedgerRequest(session.required_plan(), args.format, args.output, args.on,
                                                         args.language or environment_language()))
    for warning in result.warnings:
        print(say("warning: {warning}", warning=worded(warning, environment_language())), file=sys.stderr)
    print(say("Wrote {path}", path=result.paths[0]))


def _feedback_deadline(args: argparse.Namespace) -> None:
    day = args.day
    with PlanSession.open(args.db, args.plan) as session:
        plan_id = session.required_plan()
        task_id = session.store.task_id_by_number(plan_id, args.task)
        if task_id is None:
            raise PlanReviewError(session.path, "plan {plan_id} has no task {number}", plan_id=plan_id, number=args.task)
        session.store.set_office_deadline(task_id, day)
    print(say("Task {task}: deadline {day} (set by the office)", task=args.task, day=day.isoformat()) if day
          else say("Task {task}: the office's deadline cleared", task=args.task))


def _feedback_status(args: argparse.Namespace) -> None:
    """One line per department (tasks, answered, progress counted), then the list of those to chase."""
    from data.feedback import PROGRESS, PROGRESS_WORDS
    from data.ledger import department_answers

    with PlanSession.open(args.db, args.plan) as session:
        answers = department_answers(session.reviews, session.required_plan())
    chinese = environment_language() == CHINESE
    table = [(say("department"), say("tasks"), say("answered"),
              *(PROGRESS_WORDS[key][1 if chinese else 0] for key in PROGRESS))]
    table += [(a.name, str(a.tasks), str(a.answered), *(str(a.progress[key]) for key in PROGRESS)) for a in answers]
    _print_columns(table, right=(False, *(True,) * (len(table[0]) - 1)))
    waiting = [a.name for a in answers if not a.has_answered]
    print("\n" + say("{answered} of {total} answered.", answered=counted(len(answers) - len(waiting), "department"),
                     total=len(answers)))
    if waiting:
        print(say("Not answered yet ({count}):", count=len(waiting)))
        for name in waiting:
            print(f"- {name}")


def _feedback_import(args: argparse.Namespace) -> int:
    """Print what came in; exit 2 when a workbook was refused, 3 when rows were."""
    from data.feedback import import_feedback

    with PlanSession.open(args.db, args.plan) as session:
        report = import_feedback(session.reviews, session.required_plan(), args.files)
    for department, answered in sorted(report.departments.items()):
        print(say("{department}: {tasks} answered", department=department, tasks=counted(answered, "task")))
    print(say("{departments} answered; {tasks} changed", departments=counted(len(report.departments), "department"),
              tasks=counted(len(report.changed_tasks), "task"))
          + (f" ({', '.join(map(str, report.changed_tasks))})" if report.changed_tasks else "")
          + (say("; {answers} already stored", answers=counted(report.unchanged, "answer")) if report.unchanged else ""))
    language = environment_language()
    for row in report.refused_rows:
        print(say("row not read: {row}", row=row.text.worded(language)))
    for error in report.refused_files:
        print(say("plan-review: {path}: {problem}; nothing stored from it", path=error.path,
                  problem=error.worded(language)), file=sys.stderr)
    if report.refused_files:
        return EXIT_BAD_INPUT
    return EXIT_PARTLY_READ if report.refused_rows else 0


def _registry(args: argparse.Namespace) -> None:
    from data.user_registry import import_registry_file, write_registry_file

    if args.action == "export":
        with PlanStore(args.db, create=False) as store:
            entries = write_registry_file(store, args.output)
        print(say("Wrote {entries} departments to {path}", entries=entries, path=args.output))
        return
    with PlanStore(args.db) as store:
        bodies, spellings = import_registry_file(store, args.file)
    print(say("Added {bodies} departments and {spellings} spellings from {path}", bodies=bodies, spellings=spellings,
              path=args.file))


def _licences(args: argparse.Namespace) -> None:
    listed = components()
    width = max(len(component.name) for component in listed)
    for component in listed:
        print(f"{component.name:<{width}}  {component.version:<10}  {component.licence_label(environment_language())}")
    print(f"\n{qt_notice(environment_language())}")


COMMANDS = {"import": _import, "licences": _licences, "registry": _registry, "plans": _plans, "check": _check,
            "dump": _dump, "departments": _departments, "tasks": _tasks, "review": _review, "backup": _backup,
            "export": _export, "feedback": _feedback}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None) or default_database_path()
    if args.command is None:
        from desktop.app import run_window  # Qt loads only for the window

        return run_window(args.db, smoke=args.smoke)
    try:
        status = COMMANDS[args.command](args)
        sys.stdout.flush()
    except PlanReviewError as error:
        print(f"plan-review: {error.path}: {error.worded(environment_language())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as error:  # damage SQLite found while reading, past the checks at open
        failure = database_error(args.db, error)
        print(f"plan-review: {failure.path}: {failure.worded(environment_language())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader left (`plan-review dump | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's own flush is quiet too
        return EXIT_CLOSED_PIPE
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
