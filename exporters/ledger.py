"""The ledger (台账) as a document: the tasks with each department's latest feedback and overdue marks, the
departments' answers counted (the dashboard's figures), the reviewers' progress and the reminder list; built
once from data.ledger, written by xlsx.write_ledger_workbook and pdf.write_ledger_pdf."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from data.feedback import DONE, PROGRESS_WORDS
from data.ledger import ANSWER_KINDS, REVIEW_KINDS, UNANSWERED, Ledger, LedgerTask
from data.review import IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED

from .document import Column, Table, TextCleaner, number_column, text_column
from .wording import Words

TITLE = "Ledger"
TASKS_HEADING = "Tasks"
DEPARTMENTS_HEADING = "Departments"
REVIEWERS_HEADING = "Review progress per reviewer"
REMINDER_HEADING = "Reminder"
ANSWER_WORDS = {**{key: words[0] for key, words in PROGRESS_WORDS.items()}, UNANSWERED: "no answer"}
REVIEW_WORDS = {REVIEWED: "reviewed", IN_REVIEW: "in review", NEEDS_FOLLOW_UP: "needs follow-up",
                NOT_REVIEWED: "not reviewed"}
OVERDUE = "Overdue"
OFFICE_DEADLINE = "{day} (set by the office)"
PLAN_DEADLINE = "{wording}\n(by {day})"
REPLY = "{department}: {progress}"
COMPLETED = ", completed {completed}"
RECEIVED = " (received {received})"
NO_ANSWER = "{department}: no answer"
WAITING = "Not answered yet ({waiting} of {departments} departments):"
ALL_ANSWERED = "Every department has answered."
WAITING_LINE = "- {department} ({tasks} tasks)"
SUMMARY = (("Departments answered", "{answered} of {departments}"),
           ("Tasks overdue", "{overdue} of {tasks} (as of {today})"),
           ("Tasks the lead reported done", "{done} of {tasks}"))
TASK_COLUMNS = (number_column(Words()), text_column(Words(), 48),  # the ledger speaks English for now
                Column("Lead department", 20), Column("Participants", 22),
                Column("Deadline", 16), Column("Progress reported", 44), Column(OVERDUE, 9))


@dataclass(frozen=True)
class LedgerDocument:
    """What the ledger export prints, every text cleaned once."""

    plan_title: str
    printed: date
    summary: tuple[tuple[str, str], ...]
    tasks: Table
    overdue_rows: frozenset[int]  # indices of tasks.rows
    departments: Table
    reviewers: Table
    reminder: tuple[str, ...]  # lines, ready to paste into a message
    warnings: list[str] = field(default_factory=list)


def _deadline(task: LedgerTask) -> str:
    if task.due_from_office:
        return OFFICE_DEADLINE.format(day=task.due.isoformat())
    if task.due is not None:
        return PLAN_DEADLINE.format(wording=task.deadline, day=task.due.isoformat())
    return task.deadline or ""


def _replies(task: LedgerTask) -> str:
    lines = []
    for department, reply in zip(task.departments, task.replies):
        if reply is None:
            lines.append(NO_ANSWER.format(department=department))
            continue
        progress = ANSWER_WORDS[reply.progress] if reply.progress else "-"
        lines.append(REPLY.format(department=department, progress=progress)
                     + (COMPLETED.format(completed=reply.completed) if reply.completed else "")
                     + (RECEIVED.format(received=reply.received) if reply.received else ""))
    return "\n".join(lines)


def reminder_lines(ledger: Ledger) -> tuple[str, ...]:
    """The departments that have not answered, one per line under a heading, to print or paste."""
    waiting = ledger.waiting
    if not waiting:
        return (ALL_ANSWERED,)
    return (WAITING.format(waiting=len(waiting), departments=len(ledger.departments)),
            *(WAITING_LINE.format(department=d.name, tasks=d.tasks) for d in waiting))


def build_ledger_document(ledger: Ledger, printed: date | None = None) -> LedgerDocument:
    clean = TextCleaner()
    rows, overdue = [], set()
    for index, task in enumerate(ledger.tasks):
        where = f"task {task.number}"
        rows.append((task.number, clean(task.text, where), clean(task.lead, where),
                     clean("\n".join(task.participants), where), clean(_deadline(task), where),
                     clean(_replies(task), where), OVERDUE if task.overdue else ""))
        if task.overdue:
            overdue.add(index)
    kinds = [ANSWER_WORDS[kind] for kind in ANSWER_KINDS]
    department_columns = (Column("Department", 34), Column("Answered", 9), Column("Leads", 6),
                          *(Column(f"Led: {word}", 8) for word in kinds), Column("Joins", 6),
                          *(Column(f"Joined: {word}", 8) for word in kinds), Column("Overdue (led)", 8))
    departments = tuple((clean(d.name, d.name), f"{d.answered} of {d.tasks}", d.leads,
                         *(d.led[kind] for kind in ANSWER_KINDS), d.joins,
                         *(d.joined[kind] for kind in ANSWER_KINDS), d.overdue) for d in ledger.departments)
    reviewer_columns = (Column("Reviewer", 30), Column("Tasks", 7),
                        *(Column(REVIEW_WORDS[kind].capitalize(), 10) for kind in REVIEW_KINDS))
    reviewers = tuple((clean(r.reviewer, r.reviewer), r.total, *(r.counts[kind] for kind in REVIEW_KINDS))
                      for r in ledger.reviewers)
    figures = {"answered": len(ledger.departments) - len(ledger.waiting), "departments": len(ledger.departments),
               "overdue": len(ledger.overdue), "tasks": len(ledger.tasks), "today": ledger.today.isoformat(),
               "done": sum(t.progress == DONE for t in ledger.tasks)}
    return LedgerDocument(clean(ledger.plan_title, "plan title"), printed or date.today(),
                          tuple((label, value.format(**figures)) for label, value in SUMMARY),
                          Table(TASK_COLUMNS, tuple(rows)), frozenset(overdue), Table(department_columns, departments),
                          Table(reviewer_columns, reviewers), tuple(clean(line, REMINDER_HEADING)
                                                                    for line in reminder_lines(ledger)),
                          clean.warnings)
