"""Typed failures the user can act on. They carry data; the user interface words them.

A failure's problem is an English template naming its values in braces ("malformed JSON at line {line}"),
with the values beside it: `worded(language)` gives the sentence in English or Chinese (data/problems_zh.py).
A value may itself be a Problem (what is wrong inside a file), worded in the same language. The warnings a
reading makes are Problems too; a Problem is the English sentence (a str), so code that reads it as text
(filters, logs) keeps working, and a front end words it in its own language.
"""
from __future__ import annotations

from pathlib import Path

from .language import CHINESE, ENGLISH, word

EXIT_BAD_INPUT = 2  # the exit status of a program that ended on one of these failures
EXIT_PARTLY_READ = 3  # a plan was stored, but some of its department clauses close no task: check it


class Problem(str):
    """What is wrong, as a template and its values: the English sentence itself, worded in another
    language when it is shown. A value may be a Problem, or a list of them (joined as the language lists)."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> Problem:
        problem = super().__new__(cls, word(template, ENGLISH, {}, **_worded_values(values, ENGLISH)))
        problem.template, problem.values = template, values
        return problem

    def worded(self, language: str = ENGLISH) -> str:
        from .problems_zh import PROBLEMS_ZH  # the catalogue loads only when a failure is worded

        return word(self.template, language, PROBLEMS_ZH, **_worded_values(self.values, language))


LIST_SEPARATORS = {ENGLISH: "; ", CHINESE: "；"}


def _worded_values(values: dict[str, object], language: str) -> dict[str, object]:
    """The values as the language shows them: Problems worded, lists of them joined."""
    def shown(value: object) -> object:
        if isinstance(value, Problem):
            return value.worded(language)
        if isinstance(value, list):
            return LIST_SEPARATORS[language].join(str(shown(item)) for item in value)
        return value
    return {key: shown(value) for key, value in values.items()}


def worded(text: str, language: str) -> str:
    """A text the core made, in the language: a Problem worded, any other text as it is."""
    return text.worded(language) if isinstance(text, Problem) else text


TASK_WARNING = "task {number}: {warning}"  # a warning about one task; the import preview shows it beside the task


def task_warning(number: int, template: str, **values: object) -> Problem:
    """A warning about one task ("task 3: a department is named twice; kept once")."""
    return Problem(TASK_WARNING, number=number, warning=Problem(template, **values))


def unknown_department_warning(number: int, name: str) -> Problem:
    """The warning that a task names a department the registry does not know."""
    return task_warning(number, "department \u201c{name}\u201d is not in the registry; kept as a new, unverified "
                                "department", name=name)


class PlanReviewError(Exception):
    """A known failure tied to one file: its path, and the problem (a template and its values)."""

    def __init__(self, path: str | Path, problem: str, **values: object):
        self.path = str(path)
        self.reason = problem if isinstance(problem, Problem) and not values else Problem(problem, **values)
        super().__init__(f"{path}: {self.reason}")

    @property
    def problem(self) -> Problem:
        """The problem (in English as a str; `worded` gives it in another language)."""
        return self.reason

    def worded(self, language: str) -> str:
        """The problem in the language."""
        return self.reason.worded(language)


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

    def __init__(self, path: str | Path, problem: Problem, reviewer: str, key: str, known: list[str]):
        super().__init__(path, problem)
        self.reviewer, self.key, self.known = reviewer, key, known  # the key's and the known keys' fingerprints


class RegistryFileError(PlanReviewError):
    """A department registry file that is refused: unreadable, not JSON, or not in the registry format."""


class FeedbackFileError(PlanReviewError):
    """A returned feedback workbook that is refused: unreadable, not a feedback workbook, altered, or for
    another plan or department."""


class ReviewEditError(PlanReviewError):
    """A review edit that is not allowed: another author's note, a deleted note, an unknown task."""


class DamagedDatabaseError(DatabaseError):
    """A database whose pages, header or write-ahead log are damaged; it was left untouched."""

    def __init__(self, path: str | Path, copy: str | Path | None, problem: str, **values: object):
        super().__init__(path, problem, **values)
        self.copy = Path(copy) if copy else None  # the untouched copy kept aside, if one could be
