"""The ledger (台账) as a document: the tasks with each department's latest feedback and overdue marks, the
departments' answers counted (the dashboard's figures), the reviewers' progress and the reminder list; built
once from data.ledger, worded in the language chosen for it, written by xlsx.write_ledger_workbook and
pdf.write_ledger_pdf."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from data.department_names import Named, pinyin_order
from data.feedback import DONE, PROGRESS_WORDS
from data.language import ENGLISH
from data.ledger import ANSWER_KINDS, REVIEW_KINDS, UNANSWERED, DepartmentLedger, Ledger, LedgerTask

from .document import Column, DepartmentName, Table, TextCleaner, number_column, text_column
from .review_report import STATUS_WORDS
from .wording import Words


@dataclass(frozen=True)
class LedgerDocument:
    """What the ledger export prints, every text cleaned once, in one language."""

    plan_title: str
    printed: date
    summary: tuple[tuple[str, str], ...]
    tasks: Table
    overdue_rows: frozenset[int]  # indices of tasks.rows
    departments: Table
    reviewers: Table
    reminder: tuple[str, ...]  # lines, ready to paste into a message
    warnings: list[str] = field(default_factory=list)
    words: Words = Words()  # the ledger's language

    @property
    def title(self) -> str:
        return self.words("Ledger")

    @property
    def overdue_mark(self) -> str:
        """What the last column of an overdue task's row says."""
        return self.words("Overdue")

    @property
    def headings(self) -> tuple[str, str, str, str]:
        """The headings of the tasks, the departments' figures, the reviewers' progress and the reminder."""
        words = self.words
        return (words("Tasks ({count})", count=len(self.tasks.rows)), words("Departments"),
                words("Review progress per reviewer"), words("Reminder"))


class _Names:
    """Departments, known by their stored (English) names, as the ledger's language names them."""

    def __init__(self, departments: Sequence[Named], words: Words):
        self.words = words
        self.by_name = {d.name: d for d in departments}

    def department(self, name: str) -> Named:
        return self.by_name.get(name) or DepartmentName(name, None, None)

    def __call__(self, name: str) -> str:
        return self.words.department(self.department(name))

    def in_order(self, departments: Sequence[DepartmentLedger]) -> list[DepartmentLedger]:
        """The departments as the language lists them: in Chinese by pinyin, in English as the store orders them."""
        if not self.words.chinese:
            return list(departments)
        key = pinyin_order()
        return sorted(departments, key=lambda d: key(self.department(d.name)))


def answer_word(kind: str, words: Words) -> str:
    """A department's answer in words: a progress ("done", 已完成) or no answer (未反馈)."""
    if kind == UNANSWERED:
        return words("no answer")
    return PROGRESS_WORDS[kind][1 if words.chinese else 0]


def _day(text: str, words: Words) -> str:
    """A date a department gave, as the language writes it (as given when it is no ISO date)."""
    try:
        return words.date(date.fromisoformat(text))
    except ValueError:
        return text


def _deadline(task: LedgerTask, words: Words) -> str:
    if task.due_from_office:
        return words("{day} (set by the office)", day=words.date(task.due))
    if task.due is not None:
        return words("{wording}\n(by {day})", wording=task.deadline, day=words.date(task.due))
    return task.deadline or ""


def _replies(task: LedgerTask, names: _Names) -> str:
    words, lines = names.words, []
    for department, reply in zip(task.departments, task.replies):
        if reply is None:
            lines.append(words("{department}: no answer", department=names(department)))
            continue
        progress = answer_word(reply.progress, words) if reply.progress else "-"
        lines.append(words("{department}: {progress}", department=names(department), progress=progress)
                     + (words(", completed {completed}", completed=_day(reply.completed, words))
                        if reply.completed else "")
                     + (words(" (received {received})", received=_day(reply.received, words))
                        if reply.received else ""))
    return "\n".join(lines)


def _reminder_lines(ledger: Ledger, names: _Names) -> tuple[str, ...]:
    """The departments that have not answered, one per line under a heading, to print or paste."""
    words, waiting = names.words, ledger.waiting
    if not waiting:
        return (words("Every department has answered."),)
    return (words("Not answered yet ({waiting} of {departments} departments):", waiting=len(waiting),
                  departments=len(ledger.departments)),
            *(words("- {department} ({tasks} tasks)", department=names(d.name), tasks=d.tasks)
              for d in names.in_order(waiting)))


def _summary(ledger: Ledger, words: Words) -> tuple[tuple[str, str], ...]:
    tasks = len(ledger.tasks)
    return ((words("Departments answered"), words("{answered} of {departments}",
                                                  answered=len(ledger.departments) - len(ledger.waiting),
                                                  departments=len(ledger.departments))),
            (words("Tasks overdue"), words("{overdue} of {tasks} (as of {today})", overdue=len(ledger.overdue),
                                           tasks=tasks, today=words.date(ledger.today))),
            (words("Tasks the lead reported done"), words("{done} of {tasks}", tasks=tasks,
                                                          done=sum(t.progress == DONE for t in ledger.tasks))))


def build_ledger_document(ledger: Ledger, departments: Sequence[Named] = (), printed: date | None = None,
                          language: str = ENGLISH) -> LedgerDocument:
    """The ledger as printed, worded in the language; `departments` (the plan's) give their names in it."""
    words = Words(language)
    names = _Names(departments, words)
    clean = TextCleaner(words)
    rows, overdue = [], set()
    for index, task in enumerate(ledger.tasks):
        where = words("task {number}", number=task.number)
        rows.append((task.number, clean(task.text, where), clean(names(task.lead) if task.lead else "", where),
                     clean("\n".join(map(names, task.participants)), where), clean(_deadline(task, words), where),
                     clean(_replies(task, names), where), words("Overdue") if task.overdue else ""))
        if task.overdue:
            overdue.add(index)
    task_columns = (number_column(words), text_column(words, 48), Column(words("Lead department"), 20),
                    Column(words("Participants"), 22), Column(words("Deadline"), 16),
                    Column(words("Progress reported"), 44), Column(words("Overdue"), 9))
    kinds = [answer_word(kind, words) for kind in ANSWER_KINDS]
    department_columns = (Column(words("Department"), 34), Column(words("Answered"), 9), Column(words("Leads"), 6),
                          *(Column(words("Led: {answer}", answer=word), 8) for word in kinds),
                          Column(words("Joins"), 6),
                          *(Column(words("Joined: {answer}", answer=word), 8) for word in kinds),
                          Column(words("Overdue (led)"), 8))
    department_rows = tuple((clean(names(d.name), d.name), words("{answered} of {tasks}", answered=d.answered,
                                                                 tasks=d.tasks),
                             d.leads, *(d.led[kind] for kind in ANSWER_KINDS), d.joins,
                             *(d.joined[kind] for kind in ANSWER_KINDS), d.overdue)
                            for d in names.in_order(ledger.departments))
    reviewer_columns = (Column(words("Reviewer"), 30), Column(words("Tasks"), 7),
                        *(Column(words(STATUS_WORDS[kind]), 10) for kind in REVIEW_KINDS))
    reviewers = tuple((clean(r.reviewer, r.reviewer), r.total, *(r.counts[kind] for kind in REVIEW_KINDS))
                      for r in ledger.reviewers)
    reminder = words("Reminder")
    return LedgerDocument(clean(ledger.plan_title, words("plan title")), printed or date.today(),
                          _summary(ledger, words), Table(task_columns, tuple(rows)), frozenset(overdue),
                          Table(department_columns, department_rows), Table(reviewer_columns, reviewers),
                          tuple(clean(line, reminder) for line in _reminder_lines(ledger, names)),
                          clean.warnings, words)
