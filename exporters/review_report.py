"""The review report: a plan's tasks with each reviewer's status, the flags and the notes, built once.

Both writers read only this model (xlsx.write_review_workbook, pdf.write_review_pdf). The department
sheets borrow the same review texts as extra columns (`review_columns`). Notes are user text: they are
cleaned here like every other text, so the writers never see a character they cannot hold.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from data.language import ENGLISH
from data.review import (ALL, ATTENTION, FLAGGED, FOLLOW_UP, IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED,
                         STATUS_COLOURS, Note, ReviewStore, TaskReview)
from data.store import PlanStore

from .document import Column, ExtraColumn, Table, TextCleaner, number_column, place_column, task_place, text_column
from .files import CancelCheck, check_cancel
from .wording import Words

STATUS_WORDS = {REVIEWED: "Reviewed", NEEDS_FOLLOW_UP: "Needs follow-up", IN_REVIEW: "In review",
                NOT_REVIEWED: "Not reviewed"}  # in the order the summary counts them

SELECTIONS = {ALL: "All tasks", FLAGGED: "Flagged tasks", FOLLOW_UP: "Tasks needing follow-up",
              ATTENTION: "Flagged tasks and tasks needing follow-up"}

TITLE = "Review report"


def status_fills(words: Words) -> dict[str, str]:
    """Each status word (in the report's language) with the RGB its cell is filled with."""
    return {words(STATUS_WORDS[status]): rgb for status, rgb in STATUS_COLOURS.items()}


def note_columns(words: Words) -> tuple[Column, ...]:
    return (number_column(words), Column(words("Author"), 18), Column(words("Written"), 11),
            Column(words("Edited"), 11), Column(words("Note"), 80), Column(words("Conflict"), 40))


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
    words: Words = Words()  # the report's language

    @property
    def title(self) -> str:
        return self.words(TITLE)

    @property
    def status_column(self) -> int:
        """The index of the tasks' (overall) status column."""
        return [c.heading for c in self.tasks.columns].index(self.words("Status"))

    @property
    def heading(self) -> str:
        """What the task table holds, e.g. "Flagged tasks (3)"."""
        return self.words("{selection} ({count})", selection=self.words(SELECTIONS[self.selection]),
                          count=len(self.tasks.rows))


def is_selected(review: TaskReview, selection: str) -> bool:
    """Whether a task with this review belongs in a report of `selection`."""
    follow_up = review.status == NEEDS_FOLLOW_UP
    return {ALL: True, FLAGGED: review.flagged, FOLLOW_UP: follow_up,
            ATTENTION: review.flagged or follow_up}[selection]


def reviewer_statuses(review: TaskReview, words: Words = Words()) -> str:
    """Each reviewer's status in words, one per line ("Ann: Reviewed")."""
    return "\n".join(words("{reviewer}: {status}", reviewer=reviewer, status=words(STATUS_WORDS[status]))
                     for reviewer, status in review.statuses.items())


def conflict_text(note: Note, words: Words = Words()) -> str:
    """The competing versions of a note edited on two computers, one per line; empty without a conflict."""
    return "\n".join(words("Deleted on another computer") if version.deleted
                     else words("Other version: {text}", text=version.text) for version in note.conflicts)


def notes_text(notes: Sequence[Note], words: Words = Words()) -> str:
    """A task's notes for one cell: author and date, the text, and any conflicting versions."""
    entries = []
    for note in notes:
        created, updated = words.day(note.created), words.day(note.updated)
        edited = words(", edited {date}", date=updated) if updated != created else ""
        conflict = "\n" + words("[Conflict] {versions}", versions=conflict_text(note, words)) if note.conflicts else ""
        entries.append(words("{author} ({date}{edited}): {text}", author=note.author, date=created, edited=edited,
                             text=note.text) + conflict)
    return "\n\n".join(entries)


class _PlanReview:
    """One read of a plan's review: every task's review and its notes (deleted notes left out)."""

    def __init__(self, store: PlanStore, plan_id: int, words: Words):
        reviews = ReviewStore(store)
        self.words = words
        self.task_ids = store.task_ids(plan_id)  # in number order
        self.reviews = reviews.task_reviews(self.task_ids)
        self.notes: dict[int, list[Note]] = {}
        for note in reviews.notes(plan_id):
            self.notes.setdefault(note.task_id, []).append(note)

    def status_text(self, task_id: int) -> str:
        """The overall status, who flagged it, and each reviewer's status (for a department sheet's cell)."""
        review, words = self.reviews[task_id], self.words
        lines = [words(STATUS_WORDS[review.status])]
        if review.flagged:
            lines.append(words("Flagged by {names}", names=", ".join(review.flagged_by)))
        return "\n".join(lines + ([reviewer_statuses(review, words)] if review.statuses else []))

    def summary(self, selection: str, shown: int) -> tuple[tuple[str, str], ...]:
        reviews, words = self.reviews.values(), self.words
        total = len(self.task_ids)
        counts = {status: sum(r.status == status for r in reviews) for status in STATUS_WORDS}
        reviewers = sorted({name for r in reviews for name in r.statuses}
                           | {n.author for notes in self.notes.values() for n in notes}, key=str.casefold)
        notes = sum(len(n) for n in self.notes.values())
        conflicts = sum(bool(n.conflicts) for notes in self.notes.values() for n in notes)
        percent = words(" ({percent}%)", percent=100 * counts[REVIEWED] // total) if total else ""
        return (((words("Review progress"), words("{reviewed} of {total} tasks reviewed{percent}",
                                                  reviewed=counts[REVIEWED], total=total, percent=percent)),)
                + tuple((words(word), str(counts[status])) for status, word in STATUS_WORDS.items())
                + ((words("Flagged"), str(sum(r.flagged for r in reviews))),
                   (words("Notes"), (words("{notes} on 1 task", notes=notes) if len(self.notes) == 1
                                     else words("{notes} on {tasks} tasks", notes=notes, tasks=len(self.notes)))
                    + (words(", {conflicts} with a conflict", conflicts=conflicts) if conflicts else "")),
                   (words("Reviewers"), ", ".join(reviewers) or words("none yet")),
                   (words("This report"), words("{selection}, {shown} of {total}",
                                                selection=words(SELECTIONS[selection]), shown=shown, total=total))))


def _cleaned(note: Note, clean: TextCleaner, where: str) -> Note:
    """The note with its author and every version's text cleaned (and reported once, as this note's)."""
    return replace(note, author=clean(note.author, where), text=clean(note.text, where),
                   conflicts=tuple(replace(v, text=clean(v.text, where)) for v in note.conflicts))


def review_columns(store: PlanStore, plan_id: int, language: str = ENGLISH) -> list[ExtraColumn]:
    """The review status and the notes of each task, as extra columns of the department sheets."""
    words = Words(language)
    review = _PlanReview(store, plan_id, words)
    return [ExtraColumn(words("Review status"), 26, lambda task: review.status_text(task.id)),
            ExtraColumn(words("Review notes"), 48, lambda task: notes_text(review.notes.get(task.id, ()), words))]


def build_review_report(store: PlanStore, plan_id: int, selection: str = ALL, *, printed: date | None = None,
                        language: str = ENGLISH, cancel: CancelCheck | None = None) -> ReviewReport:
    """The plan's review report, holding every task or only the `selection`, worded in the language."""
    if selection not in SELECTIONS:
        raise ValueError(f"unknown review report selection {selection!r}")
    words = Words(language)
    clean = TextCleaner(words)
    review = _PlanReview(store, plan_id, words)
    chosen = [task_id for task_id in review.task_ids if is_selected(review.reviews[task_id], selection)]
    check_cancel(cancel)
    task_rows, note_rows = [], []
    for task in store.task_rows(chosen):
        where = words("task {number}", number=task.number)
        task_review = review.reviews[task.id]
        notes = [_cleaned(note, clean, words("{where}, note by {author}", where=where, author=note.author))
                 for note in review.notes.get(task.id, ())]
        task_rows.append((task.number, clean(task_place(task, words), where), clean(task.text, where),
                          clean(words.department(task.lead) if task.lead else "", where),
                          words(STATUS_WORDS[task_review.status]),
                          clean(reviewer_statuses(task_review, words), where),
                          clean(", ".join(task_review.flagged_by), where), notes_text(notes, words)))
        note_rows += [(task.number, note.author, words.day(note.created),
                       words.day(note.updated) if note.updated != note.created else "", note.text,
                       conflict_text(note, words))
                      for note in notes]
    task_columns = (number_column(words), place_column(words, 26), text_column(words, 52),
                    Column(words("Lead department"), 20), Column(words("Status"), 16),
                    Column(words("Reviewers' statuses"), 30), Column(words("Flagged by"), 13),
                    Column(words("Notes"), 60))
    return ReviewReport(clean(store.plan_info(plan_id).title, words("plan title")), printed or date.today(), selection,
                        tuple((label, clean(value, label)) for label, value in review.summary(selection, len(chosen))),
                        Table(task_columns, tuple(task_rows)), Table(note_columns(words), tuple(note_rows)),
                        clean.warnings, words)
