"""Undo commands for review edits: one per user action, each saved at once by the review core.

A command is pushed after its edit has been made (so a refused edit never reaches the stack); the
stack's first redo() therefore does nothing. Undo and redo are steps of the core that take the record
the command holds and return the one to hold next: for most edits both are `restore_*`, which puts a
record back and returns what it replaced; an added note is undone by deleting it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from data.errors import PlanReviewError
from data.review import Note, ReviewState

Record = Note | ReviewState
Step = Callable[[Record], Record]


class MadeCommand(QUndoCommand):
    """A command pushed after its edit was made: the stack's first redo() does nothing; a later step that
    meets a known failure changes nothing and drops the command from the stack."""

    def __init__(self, text: str, failed: Callable[[PlanReviewError], None]):
        super().__init__(text)
        self._failed = failed
        self._made = True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._step(redo=True)

    def undo(self) -> None:
        self._step(redo=False)

    def _step(self, redo: bool) -> None:
        try:
            self._make(redo)
        except PlanReviewError as error:
            self.setObsolete(True)
            self._failed(error)

    def _make(self, redo: bool) -> None:
        """Make the redo (or undo) step; each command says how."""
        raise NotImplementedError


class ReviewCommand(MadeCommand):
    """A review edit of one task, already made; `record` is what undo_step takes first."""

    def __init__(self, text: str, task_id: int, record: Record, undo_step: Step, redo_step: Step,
                 changed: Callable[[int], None], failed: Callable[[PlanReviewError], None]):
        super().__init__(text, failed)
        self.task_id = task_id
        self._record = record
        self._undo_step, self._redo_step = undo_step, redo_step
        self._changed = changed

    def _make(self, redo: bool) -> None:
        self._record = (self._redo_step if redo else self._undo_step)(self._record)
        self._changed(self.task_id)


class RecordsCommand(MadeCommand):
    """An edit of many tasks' review at once (an import of feedback), already made; `records` is what it
    replaced. Undo and redo each put back the records held and hold what they replaced."""

    def __init__(self, text: str, records: list[Record], restore: Callable[[list[Record]], list[Record]],
                 changed: Callable[[], None], failed: Callable[[PlanReviewError], None]):
        super().__init__(text, failed)
        self._records, self._restore = records, restore
        self._changed = changed

    def _make(self, redo: bool) -> None:
        self._records = self._restore(self._records)
        self._changed()
