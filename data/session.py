"""The review session: one open database as a front end sees it — the plan shown, who reviews, and what the
filter keeps — answering which tasks, in which order, how many, and how far the review has come.

The window's models and controllers, the command line and the exports all ask a session, so they never
disagree. Pure Python; every answer is one SQL query or a few. A session is one SQLite connection: work
on another thread opens a session of its own on the same file.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .errors import PlanReviewError
from .review import DepartmentProgress, Progress, ReviewStore
from .store import PlanStore, TaskRow


EVERYONE = "*"  # whose status a review filter reads: every reviewer's, taken together


@dataclass(frozen=True)
class ReviewFilter:
    """What narrows the tasks by review (the arguments of ReviewStore.filter_query)."""

    status: str | None = None
    flagged: bool | None = None
    has_notes: bool | None = None
    reviewer: str | None = None  # whose status and flag count; None: everyone's
    touched_by: str | None = None  # "mine": tasks this reviewer set a state on or wrote a note on
    conflicts: bool | None = None  # tasks with a note edited on two computers, not yet settled

    def is_empty(self) -> bool:
        return self == ReviewFilter()


@dataclass(frozen=True)
class TaskFilter:
    """What narrows the tasks: a part or section, departments in a role, search words and review."""

    part_id: int | None = None
    section_id: int | None = None
    department_ids: tuple[int, ...] = ()
    role: str | None = None  # data.model.LEAD, PARTICIPANT, or None for either
    search: str = ""
    review: ReviewFilter = ReviewFilter()

    def is_empty(self) -> bool:
        return self == TaskFilter(role=self.role)


class PlanSession:
    """The store, the plan shown (None: the database holds none), the reviewer, the filter and the order."""

    def __init__(self, store: PlanStore, plan_id: int | None = None, reviewer: str | None = None):
        self.store = store
        self.reviews = ReviewStore(store)
        self.plan_id = plan_id
        self.reviewer = reviewer or self.reviews.default_reviewer()
        self.task_filter = TaskFilter()
        self.order_by, self.descending = "number", False  # a data.store.SORT_KEYS key
        self.department_order: list[int] | None = None  # sorting by department follows it (None: by name)

    @classmethod
    def open(cls, path: str | Path, plan_id: int | None = None, *, reviewer: str | None = None,
             create: bool = False) -> PlanSession:
        """A session on the database file showing the plan asked for, else the latest; an unknown plan is an error."""
        store = PlanStore(path, create=create)
        try:
            if plan_id is None:
                return cls(store, store.latest_plan_id(), reviewer)
            try:
                return cls(store, store.plan_info(plan_id).id, reviewer)
            except KeyError:
                raise PlanReviewError(store.path, "holds no plan with id {plan_id}", plan_id=plan_id) from None
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> PlanSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.store.path

    def required_plan(self) -> int:
        """The plan shown; a database that holds none is an error for whatever needs one."""
        if self.plan_id is None:
            raise PlanReviewError(self.store.path, "holds no plan yet; import one first")
        return self.plan_id

    def show_plan(self, plan_id: int | None) -> None:
        """Show another plan of the database, every filter cleared but the departments' role."""
        self.plan_id = plan_id
        self.task_filter = TaskFilter(role=self.task_filter.role)

    # Choosing ------------------------------------------------------------------------------------------
    def review_filter(self, status: str | None = None, flagged: bool = False, has_notes: bool = False,
                      mine: bool = False, conflicts: bool = False, whose: str | None = None) -> ReviewFilter:
        """The review filter a front end offers: a status and flag (`whose`: a reviewer's, by default the session's;
        EVERYONE: over every reviewer), tasks with notes, with conflicts, and "mine" (tasks the reviewer set a
        state on or wrote a note on)."""
        chosen = ReviewFilter(status=status, flagged=True if flagged else None, has_notes=True if has_notes else None,
                              touched_by=self.reviewer if mine else None, conflicts=True if conflicts else None)
        whose = whose or self.reviewer
        return chosen if chosen.is_empty() else replace(chosen, reviewer=None if whose == EVERYONE else whose)

    def department_ids(self, spellings: Iterable[str]) -> tuple[int, ...]:
        """The plan's departments by name, alias, abbreviation or Chinese name; an unknown name is an error
        suggesting the nearest names."""
        from .registry import default_registry  # the registry file loads only when a name is looked up

        plan_id = self.required_plan()
        in_plan = {d.id for d in self.store.departments(plan_id)}
        ids = []
        for spelling in spellings:
            department = self.store.find_department(spelling)
            if department is None:
                nearest = default_registry().suggestions(spelling)
                if nearest:
                    raise PlanReviewError(self.store.path, "knows no department '{name}'; did you mean {suggestions}?",
                                          name=spelling, suggestions=" / ".join(f"'{n}'" for n in nearest))
                raise PlanReviewError(self.store.path, "knows no department '{name}'", name=spelling)
            if department.id not in in_plan:
                raise PlanReviewError(self.store.path, "plan {plan_id} gives no task to {department}", plan_id=plan_id,
                                      department=department.name)
            ids.append(department.id)
        return tuple(dict.fromkeys(ids))

    # Answers -------------------------------------------------------------------------------------------
    def task_ids(self) -> list[int]:
        """The ids of the tasks the filter keeps, in the session's order, in one query."""
        if self.plan_id is None:
            return []
        f = self.task_filter
        within = None if f.review.is_empty() else self.reviews.filter_query(self.plan_id, **asdict(f.review))
        return self.store.task_ids(self.plan_id, part_id=f.part_id, section_id=f.section_id,
                                   department_ids=f.department_ids, role=f.role if f.department_ids else None,
                                   search=f.search or None, within=within, order_by=self.order_by,
                                   descending=self.descending, department_order=self.department_order)

    def tasks(self) -> list[TaskRow]:
        """The rows of the tasks the filter keeps, in order."""
        return self.store.task_rows(self.task_ids())

    def total(self) -> int:
        """How many tasks the plan holds, filter or not."""
        return 0 if self.plan_id is None else self.store.plan_info(self.plan_id).task_count

    def search_matches(self) -> tuple[list[str], frozenset[int]]:
        """Why a task passes the search: the words looked for in the text, and the departments the search
        names (a task naming one of them matches by it)."""
        terms = self.store.search_terms(self.task_filter.search)
        return ([word for words, _ in terms for word in words],
                frozenset(department for _, named in terms for department in named))

    def shown_department_ids(self) -> list[int]:
        """The departments (lead or participant) named by the tasks the filter keeps."""
        return self.store.department_ids_of(self.task_ids())

    def progress(self) -> Progress:
        """How many of the plan's tasks the reviewer has reviewed."""
        return self.reviews.progress(self.required_plan(), self.reviewer)

    def department_progress(self, role: str | None = None) -> list[DepartmentProgress]:
        """Per department: its tasks (in `role`, or any role) and how many the reviewer has reviewed."""
        return self.reviews.department_progress(self.required_plan(), self.reviewer, role)
