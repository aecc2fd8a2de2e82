"""Typed failures the user can act on. They carry data; the user interface words them."""
from __future__ import annotations

import shlex
from pathlib import Path

from .json_input import shown

EXIT_BAD_INPUT = 2  # the exit status of a program that ended on one of these failures
EXIT_PARTLY_READ = 3  # a plan was stored, but some of its department clauses close no task: check it


class PlanReviewError(Exception):
    """A known failure tied to one file."""

    def __init__(self, path: str | Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class PlanFileError(PlanReviewError):
    """A plan file that cannot be read as a plan (missing, empty, binary, malformed, no tasks)."""


class DatabaseError(PlanReviewError):
    """A database that cannot be used: not SQLite, corrupt, locked, or written by a newer program."""


class ExportError(PlanReviewError):
    """An export that could not be written (target open elsewhere, disk full, cancelled)."""


class ReviewFileError(PlanReviewError):
    """A review file that is refused: unreadable, not JSON, malformed, altered, or for another plan."""


class UntrustedKeyError(ReviewFileError):
    """A review file signed by a key this database does not trust for its signer: another person using the
    reviewer's name, or the reviewer's new key, which the user may accept deliberately."""

    def __init__(self, path: str | Path, reviewer: str, key: str, known: list[str]):
        super().__init__(path, f"is signed by {shown(reviewer)} with key {key}, but this database knows "
                               f"{shown(reviewer)}'s key as {known[0]}; if {shown(reviewer)} really has a new key, "
                               f"accept it with: plan-review review trust {shlex.quote(shown(reviewer))} --key {key}")
        self.reviewer, self.key, self.known = reviewer, key, known


class RegistryFileError(PlanReviewError):
    """A department registry file that is refused: unreadable, not JSON, or not in the registry format."""


class FeedbackFileError(PlanReviewError):
    """A returned feedback workbook that is refused: unreadable, not a feedback workbook, altered, or for
    another plan or department."""


class ReviewEditError(PlanReviewError):
    """A review edit that is not allowed: another author's note, a deleted note, an unknown task."""


class DamagedDatabaseError(DatabaseError):
    """A database whose pages, header or write-ahead log are damaged; it was left untouched."""

    def __init__(self, path: str | Path, problem: str, copy: str | Path):
        super().__init__(path, problem)
        self.copy = Path(copy)  # the untouched copy kept aside
