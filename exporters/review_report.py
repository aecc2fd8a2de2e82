"""The review report: a plan's tasks with each reviewer's status, the flags and the notes, built once.

Both writers read only this model (xlsx.write_review_workbook, pdf.write_review_pdf). The department
sheets borrow the same review texts as extra columns (`review_columns`). Notes are user text: they are
cleaned here like every other text, so the writers never see a character they cannot hold.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from data.review import (ALL, ATTENTION, FLAGGED, FOLLOW_UP, IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED,
                         STATUS_COLOURS, Note, ReviewStore, TaskReview)
from data.store import PlanStore

from .document import NUMBER, PLACE, TEXT, Column, ExtraColumn, Table, TextCleaner, task_place
from .files import CancelCheck, check_cancel

STATUS_WORDS = {REVIEWED: "Reviewed", NEEDS_FOLLOW_UP: "Needs follow-up", IN_REVIEW: "In review",
                NOT_REVIEWED: "Not reviewed"}  # in the order the summary counts them

SELECTIONS = {ALL: "All tasks", FLAGGED: "Flagged tasks", FOLLOW_UP: "Tasks needing follow-up",
              ATTENTION: "Flagged tasks and tasks needing follow-up"}

TITLE = "Review report"
STATUS_HEADING = "Status"
STATUS_FILLS = {STATUS_WORDS[status]: rgb for status, rgb in STATUS_COLOURS.items()}  # by status word
NOTE_COLUMNS = (NUMBER, Column("Author", 18), Column("Written", 11), Column("Edited", 11), Column("Note", 80),
                Column("Conflict", 40))


@dataclass(frozen=True)
class ReviewReport:
    """What the report prints: a summary, then the chosen tasks with their review, then (xlsx) one row per note."""

    plan_title: str
    printed: date
    selection: str  # ALL, FLAGGED, FOLLOW_UP or ATTENTION
    summary: tuple[tuple[str, str], ...]  # (label, value), shown above the tasks
    tasks: Table
    notes: Table
    warnings: list[str] = field(default_factory=list)

    @property
    def status_column(self) -> int:
        """The index of the tasks' (overall) status column."""
        return [c.heading for c in self.tasks.columns].index(STATUS_HEADING)

    @property
    def heading(self) -> str:
        """What the task table holds, e.g. "Flagged tasks (3)"."""
        return f"{SELECTIONS[self.selection]} ({len(self.tasks.rows)})"


def is_selected(review: TaskReview, selection: str) -> bool:
    """Whether a task with this review belongs in a report of `selection`."""
    follow_up = review.status == NEEDS_FOLLOW_UP
    return {ALL: True, FLAGGED: review.flagged, FOLLOW_UP: follow_up,
            ATTENTION: review.flagged or follow_up}[selection]


def reviewer_statuses(review: TaskReview) -> str:
    """Each reviewer's status in words, one per line ("Ann: Reviewed")."""
    return "\n".join(f"{reviewer}: {STATUS_WORDS[status]}" for reviewer, status in review.statuses.items())


def _counted(count: int, thing: str) -> str:
    return f"{count} {thing}" + ("" if count == 1 else "s")


def _day(timestamp: str) -> str:
    return timestamp[:10]  # the date of an ISO timestamp


def conflict_text(note: Note) -> str:
    """The competing versions of a note edited on two computers, one per line; empty without a conflict."""
    return "\n".join("Deleted on another computer" if version.deleted else f"Other version: {version.text}"
                     for version in note.conflicts)


def notes_text(notes: Sequence[Note]) -> str:
    """A task's notes for one cell: author and date, the text, and any conflicting versions."""
    entries = []
    for note in notes:
        edited = f", edited {_day(note.updated)}" if _day(note.updated) != _day(note.created) else ""
        conflict = f"\n[Conflict] {conflict_text(note)}" if note.conflicts else ""
        entries.append(f"{note.author} ({_day(note.created)}{edited}): {note.text}{conflict}")
    return "\n\n".join(entries)


class _PlanReview:
    """One read of a plan's review: every task's review and its notes (deleted notes left out)."""

    def __init__(self, store: PlanStore, plan_id: int):
        reviews = ReviewStore(store)
        self.task_ids = store.task_ids(plan_id)  # in number order
        self.reviews = reviews.task_reviews(self.task_ids)
        self.notes: dict[int, list[Note]] = {}
        for note in reviews.notes(plan_id):
            self.notes.setdefault(note.task_id, []).append(note)

    def status_text(self, task_id: int) -> str:
        """The overall status, who flagged it, and each reviewer's status (for a department sheet's cell)."""
        review = self.reviews[task_id]
        lines = [STATUS_WORDS[review.status]]
        if review.flagged:
            lines.append(f"Flagged by {', '.join(review.flagged_by)}")
        return "\n".join(lines + ([reviewer_statuses(review)] if review.statuses else []))

    def summary(self, selection: str, shown: int) -> tuple[tuple[str, str], ...]:
        reviews = self.reviews.values()
        total = len(self.task_ids)
        counts = {status: sum(r.status == status for r in reviews) for status in STATUS_WORDS}
        reviewers = sorted({name for r in reviews for name in r.statuses}
                           | {n.author for notes in self.notes.values() for n in notes}, key=str.casefold)
        notes = sum(len(n) for n in self.notes.values())
        conflicts = sum(bool(n.conflicts) for notes in self.notes.values() for n in notes)
        percent = f" ({100 * counts[REVIEWED] // total}%)" if total else ""
        return ((("Review progress", f"{counts[REVIEWED]} of {total} tasks reviewed{percent}"),)
                + tuple((word, str(counts[status])) for status, word in STATUS_WORDS.items())
                + (("Flagged", str(sum(r.flagged for r in reviews))),
                   ("Notes", f"{notes} on {_counted(len(self.notes), 'task')}"
                             + (f", {conflicts} with a conflict" if conflicts else "")),
                   ("Reviewers", ", ".join(reviewers) or "none yet"),
                   ("This report", f"{SELECTIONS[selection]}, {shown} of {total}")))


def _cleaned(note: Note, clean: TextCleaner, where: str) -> Note:
    """The note with its author and every version's text cleaned (and reported once, as this note's)."""
    return replace(note, author=clean(note.author, where), text=clean(note.text, where),
                   conflicts=tuple(replace(v, text=clean(v.text, where)) for v in note.conflicts))


def review_columns(store: PlanStore, plan_id: int) -> list[ExtraColumn]:
    """The review status and the notes of each task, as extra columns of the department sheets."""
    review = _PlanReview(store, plan_id)
    return [ExtraColumn("Review status", 26, lambda task: review.status_text(task.id)),
            ExtraColumn("Review notes", 48, lambda task: notes_text(review.notes.get(task.id, ())))]


def build_review_report(store: PlanStore, plan_id: int, selection: str = ALL, *, printed: date | None = None,
                        cancel: CancelCheck | None = None) -> ReviewReport:
    """The plan's review report, holding every task or only the `selection`."""
    if selection not in SELECTIONS:
        raise ValueError(f"unknown review report selection {selection!r}")
    clean = TextCleaner()
    review = _PlanReview(store, plan_id)
    chosen = [task_id for task_id in review.task_ids if is_selected(review.reviews[task_id], selection)]
    check_cancel(cancel)
    task_rows, note_rows = [], []
    for task in store.task_rows(chosen):
        where = f"task {task.number}"
        task_review = review.reviews[task.id]
        notes = [_cleaned(note, clean, f"{where}, note by {note.author}") for note in review.notes.get(task.id, ())]
        task_rows.append((task.number, clean(task_place(task), where), clean(task.text, where),
                          clean(task.lead.name if task.lead else "", where), STATUS_WORDS[task_review.status],
                          clean(reviewer_statuses(task_review), where),
                          clean(", ".join(task_review.flagged_by), where), notes_text(notes)))
        note_rows += [(task.number, note.author, _day(note.created),
                       _day(note.updated) if note.updated != note.created else "", note.text, conflict_text(note))
                      for note in notes]
    task_columns = (NUMBER, Column(PLACE.heading, 26), Column(TEXT.heading, 52),
                    Column("Lead department", 20), Column(STATUS_HEADING, 16), Column("Reviewers' statuses", 30),
                    Column("Flagged by", 13), Column("Notes", 60))
    return ReviewReport(clean(store.plan_info(plan_id).title, "plan title"), printed or date.today(), selection,
                        tuple((label, clean(value, label)) for label, value in review.summary(selection, len(chosen))),
                        Table(task_columns, tuple(task_rows)), Table(NOTE_COLUMNS, tuple(note_rows)), clean.warnings)
