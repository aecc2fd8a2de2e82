"""The ledger (台账) and the dashboard's figures, built once from the store. Qt-free.

The ledger lists every task with its lead, its participants and each department's latest feedback (progress,
completion date, the day it came in: data/feedback.py), and marks the tasks overdue: a deadline has passed
and the lead department has not reported the task done. A task's deadline is the one the office set
(`PlanStore.set_office_deadline`), else the plan's own wording read as a date where it can be ("2020年10月底前
完成" is 2020-10-31, "年内" the end of the plan's year); a wording that names no date ("长期坚持") makes no task
overdue. Per department it counts the tasks it leads and those it joins by the progress it reported (or no
answer), which the dashboard draws as bars; per reviewer (people, not departments) the review's progress.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .feedback import (BLOCKED, DONE, NOT_STARTED, PROGRESS, UNDER_WAY, Reply, feedback_department,
                       feedback_replies)
from .review import IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, ReviewStore

UNANSWERED = "unanswered"
# A department's tasks counted by what it reported, in the order the bars stack them.
ANSWER_KINDS = (DONE, UNDER_WAY, BLOCKED, NOT_STARTED, UNANSWERED)
# Each answer's colour (RGB hex), in the dashboard and the exports alike.
ANSWER_COLOURS = {DONE: "70AD47", UNDER_WAY: "5B9BD5", BLOCKED: "E0504A", NOT_STARTED: "A5A5A5",
                  UNANSWERED: "F2F2F2"}
OVERDUE_COLOUR = "F8CBAD"  # an overdue task's row
REVIEW_KINDS = (REVIEWED, IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED)  # a reviewer's tasks, in the order of its bar
REVIEW_COLOURS = {REVIEWED: "70AD47", IN_REVIEW: "FFC000", NEEDS_FOLLOW_UP: "E0504A", NOT_REVIEWED: "F2F2F2"}

_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_YEAR = r"(?P<year>(?:19|20)\d\d)\s*年?"
# The forms a deadline is written in, each read as the last day it allows; the plan's year where none is given.
_DEADLINE_FORMS = (
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年\-/.]\s*(?P<month>\d{1,2})\s*[月\-/.]\s*(?P<day>\d{1,2})\s*日?"),
     "day"),
    (re.compile(rf"(?:{_YEAR})?(?P<month>\d{{1,2}})\s*月(?:份|底|末|中旬|下旬|上旬)?"), "month"),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*[\-/.](?P<month>\d{1,2})(?!\d)"), "month"),
    (re.compile(rf"(?:{_YEAR})?(?:第)?(?P<quarter>[一二三四1-4])\s*季度"), "quarter"),
    (re.compile(rf"(?:{_YEAR})?(?P<half>上|下)半年"), "half"),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*年"), "year"),
    (re.compile(r"年内|年底|年末|本年|今年|全年|当年"), "year"),
    (re.compile(r"(?i)(?:end of |by |before )?(?P<month_name>" + "|".join(_MONTHS) + r")\s+(?P<year>(?:19|20)\d\d)"),
     "month"),
    (re.compile(r"(?i)(?:end of |by |in |before )(?P<year>(?:19|20)\d\d)"), "year"),
    (re.compile(r"(?i)within the year|by the end of the year|(?:by |before )?year[- ]end"), "year"),
)


def due_date(deadline: str | None, plan_year: int | None) -> date | None:
    """The last day a deadline as the plan words it allows, or None when it names no date.

    "2020年10月底前完成" → 2020-10-31; "2024年6月" → 2024-06-30; "年内持续推进" → 31 December of the plan's year;
    "上半年" → 30 June; "第三季度" → 30 September; "by the end of October 2020"; "2024-06-30". Where the wording
    names several dates ("6月底前启动，年底前完成"), the latest is the deadline.
    """
    if not deadline:
        return None
    text, found = deadline, []
    for form, kind in _DEADLINE_FORMS:
        for match in form.finditer(text):
            day = _last_day(kind, match.groupdict(), plan_year)
            if day is not None:
                found.append(day)
        text = form.sub(" ", text)  # a date read once is not read again by a looser form
    return max(found, default=None)


def _last_day(kind: str, parts: dict[str, str | None], plan_year: int | None) -> date | None:
    year = int(parts["year"]) if parts.get("year") else plan_year
    if year is None:
        return None
    try:
        if kind == "day":
            return date(year, int(parts["month"]), int(parts["day"]))
        month = {"month": lambda: int(parts["month"]) if parts.get("month") else _MONTHS[parts["month_name"].title()],
                 "quarter": lambda: 3 * _CHINESE_DIGITS[parts["quarter"]],
                 "half": lambda: 6 if parts["half"] == "上" else 12, "year": lambda: 12}[kind]()
        return date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, KeyError):  # "13月", "2月30日": no such date
        return None


@dataclass(frozen=True)
class LedgerTask:
    """A task as the ledger lists it."""

    task_id: int
    number: int
    text: str
    departments: tuple[str, ...]  # the lead first, then the participants
    deadline: str | None  # as the plan words it
    due: date | None  # the office's deadline, else the plan's read as a date
    due_from_office: bool
    replies: tuple[Reply | None, ...]  # each department's latest feedback (None: not answered), as `departments`
    overdue: bool

    @property
    def lead(self) -> str | None:
        return self.departments[0] if self.departments else None

    @property
    def participants(self) -> tuple[str, ...]:
        return self.departments[1:]

    @property
    def progress(self) -> str | None:
        """The task's progress: what its lead department reported (None when it has not)."""
        reply = self.replies[0] if self.replies else None
        return reply.progress if reply else None


@dataclass(frozen=True)
class DepartmentLedger:
    """A department's tasks as lead and as participant, each counted by what it reported (an ANSWER_KINDS key
    -> tasks; a task answered without a progress is in no count), and the tasks it leads that are overdue."""

    name: str
    leads: int
    joins: int
    led: dict[str, int]
    joined: dict[str, int]
    overdue: int

    @property
    def tasks(self) -> int:
        return self.leads + self.joins

    @property
    def answered(self) -> int:
        return self.tasks - self.led[UNANSWERED] - self.joined[UNANSWERED]

    @property
    def has_answered(self) -> bool:
        return self.answered > 0

    def count(self, kind: str) -> int:
        """Its tasks (both roles) with this answer."""
        return self.led[kind] + self.joined[kind]


@dataclass(frozen=True)
class ReviewerProgress:
    """A reviewer's statuses over the plan's tasks: a REVIEW_KINDS key -> tasks (not reviewed: the rest)."""

    reviewer: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Ledger:
    plan_title: str
    today: date  # what "overdue" is measured against
    tasks: tuple[LedgerTask, ...]
    departments: tuple[DepartmentLedger, ...]
    reviewers: tuple[ReviewerProgress, ...]

    @property
    def waiting(self) -> tuple[DepartmentLedger, ...]:
        """The departments that have not answered at all: the reminder list."""
        return tuple(d for d in self.departments if not d.has_answered)

    @property
    def overdue(self) -> tuple[LedgerTask, ...]:
        return tuple(t for t in self.tasks if t.overdue)


def build_ledger(reviews: ReviewStore, plan_id: int, today: date | None = None) -> Ledger:
    """The plan's ledger as of `today` (default: today)."""
    today = today or date.today()
    store = reviews.store
    info = store.plan_info(plan_id)
    replies = feedback_replies(reviews, plan_id)
    office = store.office_deadlines(plan_id)
    tasks = []
    for row in store.task_rows(store.task_ids(plan_id)):
        names = tuple(d.name for d in ((row.lead,) if row.lead else ()) + row.participants)
        due = office.get(row.id) or due_date(row.deadline, info.year)
        task_replies = tuple(replies.get((name, row.id)) for name in names)
        lead_done = bool(task_replies) and task_replies[0] is not None and task_replies[0].progress == DONE
        tasks.append(LedgerTask(row.id, row.number, row.text, names, row.deadline, due, row.id in office,
                                task_replies, due is not None and due < today and not lead_done))
    return Ledger(info.title, today, tuple(tasks), _departments(store.departments(plan_id), tasks),
                  _reviewers(reviews, plan_id, len(tasks)))


def _departments(departments, tasks: list[LedgerTask]) -> tuple[DepartmentLedger, ...]:
    counts = {d.name: [0, 0, dict.fromkeys(ANSWER_KINDS, 0), dict.fromkeys(ANSWER_KINDS, 0), 0] for d in departments}
    for task in tasks:
        for index, (name, reply) in enumerate(zip(task.departments, task.replies)):
            figures, role = counts[name], 0 if index == 0 else 1  # role 0: leads, 1: joins
            figures[role] += 1
            kind = UNANSWERED if reply is None else reply.progress
            if kind is not None:
                figures[2 + role][kind] += 1
            figures[4] += index == 0 and task.overdue
    return tuple(DepartmentLedger(name, *figures) for name, figures in counts.items())


def _reviewers(reviews: ReviewStore, plan_id: int, total: int) -> tuple[ReviewerProgress, ...]:
    people = [name for name in reviews.reviewers(plan_id) if feedback_department(name) is None]
    counts = {name: dict.fromkeys(REVIEW_KINDS, 0) for name in people}
    for state in reviews.states(plan_id):
        if state.reviewer in counts and state.status != NOT_REVIEWED:
            counts[state.reviewer][state.status] += 1
    for figures in counts.values():
        figures[NOT_REVIEWED] = total - sum(figures.values())
    return tuple(ReviewerProgress(name, figures) for name, figures in counts.items())


@dataclass(frozen=True)
class DepartmentAnswers:
    """How far a department has answered: its tasks (any role), those it answered, and its progress counted."""

    name: str
    tasks: int
    answered: int
    progress: dict[str, int]  # PROGRESS key -> tasks; tasks answered without a progress are not counted

    @property
    def has_answered(self) -> bool:
        return self.answered > 0


def department_answers(reviews: ReviewStore, plan_id: int) -> list[DepartmentAnswers]:
    """Per department of the plan (by name): how many of its tasks it answered, and their progress (the
    ledger's figures, both roles together)."""
    return [DepartmentAnswers(d.name, d.tasks, d.answered, {kind: d.count(kind) for kind in PROGRESS})
            for d in build_ledger(reviews, plan_id).departments]
