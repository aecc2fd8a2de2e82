"""Feedback workbooks: what a department writes back in its sheet, read into the review. Qt-free.

A feedback workbook (exporters/feedback.py writes it) holds one department's tasks: the plan's columns
locked, four open columns (progress, completion date, account of work, contact) and hidden identifiers:
- a hidden key row above the header names each column (`plan-review:progress`...), so columns are found
  whatever their titles say or wherever they were moved;
- a hidden column gives each row its key, `<task position>/<department code>`, so rows are matched
  however they were re-sorted or filtered, and a row pasted from another department's sheet is known;
- a hidden sheet holds the plan's fingerprint, the department, and per task its key, number and a checksum
  of its locked cells (an edited locked cell shows), the whole sealed by its own checksum.

How feedback enters the review: a department answers as the reviewer "Feedback: <official name>". Its
progress becomes that reviewer's status on the task (not started: not reviewed, under way: in review,
done: reviewed, blocked: needs follow-up), and its completion date, account of work and contact become that
reviewer's one note on the task (its id derived from plan, department and task, so every copy of the review
names it alike). They are review edits like any other: versioned, merged, undone, listed per reviewer.

A workbook is refused whole (nothing stored from it) when it is not a feedback workbook, its identifiers
were altered, it was written for another plan, or it names a department the plan does not; within a workbook
that checks out, a row is refused (and named) when its locked cells were edited, it comes from another
department's sheet, it repeats a task, or its progress is not one of the four. Importing a workbook again
changes nothing: a note or status already saying what the row says is left alone.
"""
from __future__ import annotations

import datetime
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .canonical import checksum
from .errors import FeedbackFileError, PlanFileError, Problem
from .review import IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, Note, ReviewState, ReviewStore

FEEDBACK_FORMAT = "plan-review/feedback"
FEEDBACK_VERSION = 1
IDENTIFIERS_SHEET = "plan-review"  # the hidden sheet of identifiers
KEY_PREFIX = "plan-review:"  # the hidden key row's cells: KEY_PREFIX + a column key
FEEDBACK_REVIEWER = "Feedback: {department}"  # the reviewer a department's feedback is stored as
CODE_LENGTH = 10  # hex characters of a department's code
NOTE_NAMESPACE = "1b0f7d3c-7a55-4f2e-9a7e-3f1c1b4b8e21"  # feedback notes' ids are uuid5 in it

# The locked columns, by key, in the order the sheet shows them; their titles are the document model's.
LOCKED_KEYS = ("role", "number", "place", "text", "lead", "others")
ROW_KEY = "key"  # the hidden column of row keys


@dataclass(frozen=True)
class OpenColumn:
    """A column the department fills in: its key, its titles in English and Chinese, its width."""

    key: str
    title: str
    title_zh: str
    width: int


# The open columns' titles, in one place (the writer heads the sheet with them, the reader names them).
OPEN_COLUMNS = (OpenColumn("progress", "Progress", "进展", 11),
                OpenColumn("completed", "Completion date", "完成时间", 15),
                OpenColumn("account", "Account of work", "工作情况", 34),
                OpenColumn("contact", "Contact", "联系人", 14))

NOT_STARTED, UNDER_WAY, DONE, BLOCKED = PROGRESS = ("not-started", "under-way", "done", "blocked")
# The dropdown's words (English, Chinese): the writer offers the first, the reader takes either.
PROGRESS_WORDS = {NOT_STARTED: ("not started", "未开始"), UNDER_WAY: ("under way", "推进中"),
                  DONE: ("done", "已完成"), BLOCKED: ("blocked", "受阻")}
PROGRESS_STATUS = {NOT_STARTED: NOT_REVIEWED, UNDER_WAY: IN_REVIEW, DONE: REVIEWED, BLOCKED: NEEDS_FOLLOW_UP}
STATUS_PROGRESS = {status: progress for progress, status in PROGRESS_STATUS.items()}
_WORD_PROGRESS = {word.casefold(): key for key, words in PROGRESS_WORDS.items() for word in words}
_DATE_FORMS = (re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"),)


def feedback_reviewer(department: str) -> str:
    """The reviewer a department's feedback is stored as: "Feedback: Ministry of Education"."""
    return FEEDBACK_REVIEWER.format(department=department)


_FEEDBACK_PREFIX = FEEDBACK_REVIEWER.split("{", 1)[0]  # "Feedback: "


def feedback_department(reviewer: str) -> str | None:
    """The department whose feedback a reviewer name carries, or None for a person."""
    return reviewer[len(_FEEDBACK_PREFIX):] if reviewer.startswith(_FEEDBACK_PREFIX) else None


def department_code(name: str) -> str:
    """A short code naming the department in row keys (the same in every database: from its official name)."""
    return checksum(["department", name])[:CODE_LENGTH]


def row_key(position: int, code: str) -> str:
    return f"{position}/{code}"


def cell_text(value: object) -> str:
    """A cell's value as the checksum reads it, whatever program saved it: numbers without '.0', line
    breaks as LF, Unicode composed, no trailing spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def locked_checksum(cells: Sequence[object]) -> str:
    """The checksum of a row's locked cells (LOCKED_KEYS order)."""
    return checksum([cell_text(value) for value in cells])[:16]


@dataclass(frozen=True)
class SheetTask:
    """A task as its feedback sheet identifies it."""

    key: str
    position: int
    number: int
    locked: str  # locked_checksum of the row as written


@dataclass(frozen=True)
class Identifiers:
    """What the hidden sheet says: the plan, the department and its tasks."""

    fingerprint: str
    plan_title: str
    department: str
    code: str
    tasks: tuple[SheetTask, ...]

    def seal(self) -> str:
        return checksum({"format": FEEDBACK_FORMAT, "plan": self.fingerprint, "department": self.department,
                         "code": self.code, "tasks": [[t.key, t.position, t.number, t.locked] for t in self.tasks]})

    def rows(self) -> list[list[object]]:
        """The hidden sheet's rows (written by the exporter, read by `read_identifiers`)."""
        return [[FEEDBACK_FORMAT, FEEDBACK_VERSION], ["plan", self.fingerprint], ["plan title", self.plan_title],
                ["department", self.department], ["department code", self.code], ["seal", self.seal()], [],
                ["row key", "task position", "task number", "locked cells"],
                *([t.key, t.position, t.number, t.locked] for t in self.tasks)]


def read_identifiers(path: Path, rows: list[tuple]) -> Identifiers:
    """The identifiers from the hidden sheet's rows; altered or missing ones refuse the workbook."""
    label = {cell_text(row[0]): row[1] if len(row) > 1 else None for row in rows[:7] if row and row[0] is not None}
    version = label.get(FEEDBACK_FORMAT)
    if not isinstance(version, (int, float)) or int(version) > FEEDBACK_VERSION:
        raise FeedbackFileError(path, "was written by a newer Plan Review (feedback version {version})", version=version)
    try:
        tasks = tuple(SheetTask(cell_text(row[0]), int(row[1]), int(row[2]), cell_text(row[3]))
                      for row in rows[8:] if row and row[0] is not None)
        found = Identifiers(cell_text(label["plan"]), cell_text(label["plan title"]),
                            cell_text(label["department"]), cell_text(label["department code"]), tasks)
    except (KeyError, IndexError, TypeError, ValueError):
        raise FeedbackFileError(path, "its hidden identifiers are incomplete: it cannot be matched") from None
    if cell_text(label.get("seal")) != found.seal():
        raise FeedbackFileError(path, "its hidden identifiers were altered (their checksum does not match)")
    return found


@dataclass(frozen=True)
class Answer:
    """What a department wrote on one task's row."""

    key: str
    position: int
    number: int
    progress: str | None  # a PROGRESS key, None when left blank
    completed: str  # ISO date when it reads as one, else as written; "" when blank
    account: str
    contact: str

    def note_text(self) -> str:
        """The department's note: its progress and date on the first line, the account, the contact."""
        head = []
        if self.progress:
            head.append(f"Progress: {PROGRESS_WORDS[self.progress][0]}.")
        if self.completed:
            head.append(f"Completed {self.completed}.")
        lines = [" ".join(head), self.account, f"Contact: {self.contact}" if self.contact else ""]
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class RefusedRow:
    """A row of a workbook that could not be matched, and why."""

    path: Path
    row: int  # the spreadsheet's row number
    task_number: int | None
    problem: Problem

    @property
    def text(self) -> Problem:
        """The row and why, for a list of what was refused (worded in either language)."""
        if self.task_number is None:
            return Problem("{file}, row {row}: {problem}", file=self.path.name, row=self.row, problem=self.problem)
        return Problem("{file}, row {row} (task {task}): {problem}", file=self.path.name, row=self.row,
                       task=self.task_number, problem=self.problem)

    def __str__(self) -> str:
        return str(self.text)


@dataclass(frozen=True)
class FeedbackWorkbook:
    """A returned workbook that checks out: its identifiers, the rows answered, the rows refused."""

    path: Path
    identifiers: Identifiers
    answers: tuple[Answer, ...]
    refused: tuple[RefusedRow, ...]


def _sheet_rows(path: Path) -> list[tuple[str, list[tuple]]]:
    """Each worksheet's name and rows of values, the archive checked first (zip bombs, XML entities)."""
    import openpyxl

    from .formats.archive import check_archive

    try:
        check_archive(path)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:  # read-only: each sheet's XML is parsed here, as its rows are read
            return [(sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)])
                    for sheet in workbook.worksheets]
        finally:
            workbook.close()
    except PlanFileError as error:
        raise FeedbackFileError(path, error.problem) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, SyntaxError) as error:  # XML: SyntaxError
        raise FeedbackFileError(path, "is not a readable Excel workbook ({reason})", reason=error) from None


def _completed(value: object) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = cell_text(value)
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            try:
                return datetime.date(*map(int, match.groups())).isoformat()
            except ValueError:
                break
    return text


def read_feedback_workbook(path: str | Path) -> FeedbackWorkbook:
    """The answers of a returned feedback workbook; FeedbackFileError when it is not one or was altered."""
    path = Path(path)
    if not path.is_file():
        raise FeedbackFileError(path, "does not exist or is not a file")
    sheets = _sheet_rows(path)
    hidden = [rows for _, rows in sheets if rows and rows[0] and cell_text(rows[0][0]) == FEEDBACK_FORMAT]
    if not hidden:
        raise FeedbackFileError(path, "is not a feedback workbook (it holds no Plan Review identifiers)")
    identifiers = read_identifiers(path, hidden[0])
    for _, rows in sheets:
        for index, row in enumerate(rows):
            keys = {cell_text(value)[len(KEY_PREFIX):]: column for column, value in enumerate(row)
                    if cell_text(value).startswith(KEY_PREFIX)}
            if ROW_KEY in keys:
                return _read_rows(path, identifiers, keys, rows, index + 2)  # below the header row
    raise FeedbackFileError(path, "has lost its task table (no sheet carries the hidden column keys)")


def _read_rows(path: Path, identifiers: Identifiers, columns: dict[str, int], rows: list[tuple],
               first: int) -> FeedbackWorkbook:
    """The answers in the rows from index `first` on; `columns` gives each column key's index."""
    missing = [key for key in (*LOCKED_KEYS, *(c.key for c in OPEN_COLUMNS)) if key not in columns]
    if missing:
        raise FeedbackFileError(path, "has lost its column '{column}': it cannot be read", column=missing[0])
    tasks = {task.key: task for task in identifiers.tasks}
    answers: list[Answer] = []
    refused: list[RefusedRow] = []
    seen: set[str] = set()

    def cell(row: tuple, key: str) -> object:
        column = columns[key]
        return row[column] if column < len(row) else None

    for row_number, row in enumerate(rows[first:], start=first + 1):
        written = {column.key: cell(row, column.key) for column in OPEN_COLUMNS}
        if not any(cell_text(value) for value in written.values()):
            continue  # not answered (the header and blank rows too)
        key = cell_text(cell(row, ROW_KEY))
        task = tasks.get(key)
        number = cell(row, "number")
        shown_number = int(number) if isinstance(number, (int, float)) else None

        def refuse(problem: Problem) -> None:
            refused.append(RefusedRow(path, row_number, task.number if task else shown_number, problem))

        if task is None:
            code = key.partition("/")[2]
            refuse(Problem("a row from another department's sheet") if code and code != identifiers.code
                   else Problem("a row this sheet did not send (its hidden key is missing or unknown)"))
        elif locked_checksum([cell(row, k) for k in LOCKED_KEYS]) != task.locked:
            refuse(Problem("the plan's locked columns were edited; the row is not read"))
        elif key in seen:
            refuse(Problem("the task appears twice; only its first row is read"))
        else:
            progress_text = cell_text(written["progress"])
            progress = _WORD_PROGRESS.get(progress_text.casefold()) if progress_text else None
            if progress_text and progress is None:
                choices = " / ".join(words[0] for words in PROGRESS_WORDS.values())
                refuse(Problem("progress '{written}' is not one of {choices}", written=progress_text, choices=choices))
                continue
            seen.add(key)
            answers.append(Answer(key, task.position, task.number, progress, _completed(written["completed"]),
                                  cell_text(written["account"]), cell_text(written["contact"])))
    return FeedbackWorkbook(path, identifiers, tuple(answers), tuple(refused))


def feedback_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read: each file given, and the workbooks (.xlsx) in each folder given, by name;
    a spreadsheet program's lock files (~$…, .~lock…) are left out."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx" and p.is_file()
                            and not p.name.startswith(("~$", ".")))
        else:
            files.append(path)
    return files


@dataclass
class FeedbackReport:
    """What an import of feedback workbooks brought in."""

    departments: dict[str, int] = field(default_factory=dict)  # department -> tasks it answered
    changed_tasks: list[int] = field(default_factory=list)  # numbers of the tasks whose feedback changed
    unchanged: int = 0  # answers already stored as they are
    refused_rows: list[RefusedRow] = field(default_factory=list)
    refused_files: list[FeedbackFileError] = field(default_factory=list)
    before: list[Note | ReviewState] = field(default_factory=list)  # what the import replaced (to undo it)


def note_id(fingerprint: str, department: str, position: int) -> str:
    """The id of a department's feedback note on a task: the same in every copy of the review."""
    import uuid  # as data.review.storage does: the window's start does not need it

    return str(uuid.uuid5(uuid.UUID(NOTE_NAMESPACE), f"{fingerprint}/{department}/{position}"))


def check_workbooks(store: ReviewStore, plan_id: int,
                    paths: Iterable[str | Path]) -> tuple[list[FeedbackWorkbook], list[FeedbackFileError]]:
    """Read every workbook and check it against the plan; nothing is stored."""
    info = store.store.plan_info(plan_id)
    departments = {d.name for d in store.store.departments(plan_id)}
    accepted, refused = [], []
    for path in feedback_files(paths):
        try:
            workbook = read_feedback_workbook(path)
            found = workbook.identifiers
            if found.fingerprint != info.fingerprint:
                raise FeedbackFileError(path, "is a feedback workbook for another plan (“{title}”), not for plan "
                                              "{plan_id}", title=found.plan_title, plan_id=plan_id)
            if found.department not in departments or department_code(found.department) != found.code:
                raise FeedbackFileError(path, "names a department plan {plan_id} gives no task: {department}",
                                        plan_id=plan_id, department=found.department)
            accepted.append(workbook)
        except FeedbackFileError as error:
            refused.append(error)
    return accepted, refused


def import_feedback(store: ReviewStore, plan_id: int, paths: Iterable[str | Path]) -> FeedbackReport:
    """Read returned workbooks (files or folders) into the plan's review, in one transaction; a workbook
    that does not check out stores nothing. The report names what came in and what was refused."""
    workbooks, refused_files = check_workbooks(store, plan_id, paths)
    report = FeedbackReport(refused_files=refused_files)
    ids = {position: task_id for task_id, position in store.store.task_positions(plan_id).items()}
    changed: set[int] = set()
    if any(workbook.answers for workbook in workbooks):
        store.store.back_up("feedback")  # as before a review merge
    with store.store.transaction():
        for workbook in workbooks:
            department = workbook.identifiers.department
            reviewer = feedback_reviewer(department)
            report.refused_rows += workbook.refused
            answered = 0
            for answer in workbook.answers:
                task_id = ids[answer.position]
                answered += 1
                befores = []
                if answer.progress is not None:
                    status = PROGRESS_STATUS[answer.progress]
                    if store.state(task_id, reviewer).status != status:
                        befores.append(store.set_state(task_id, reviewer, status=status))
                before = store.put_note(task_id, note_id(workbook.identifiers.fingerprint, department,
                                                         answer.position), reviewer, answer.note_text())
                if before is not None:
                    befores.append(before)
                if befores:
                    report.before += befores
                    changed.add(answer.number)
                else:
                    report.unchanged += 1
            if answered:
                report.departments[department] = report.departments.get(department, 0) + answered
    report.changed_tasks = sorted(changed)
    return report


def restore(store: ReviewStore, records: Sequence[Note | ReviewState]) -> list[Note | ReviewState]:
    """Put these notes and states back as they were (undoing an import, or redoing it), in one transaction;
    returns what they replaced, in reverse order so that restoring that undoes this."""
    with store.store.transaction():
        replaced = [store.restore_state(r) if isinstance(r, ReviewState) else store.restore_note(r)
                    for r in reversed(records)]
    return replaced


_NOTE_HEAD = re.compile(r"(?:Progress: (?P<progress>[^.]+)\.)?\s*(?:Completed (?P<completed>.+)\.)?")


def note_head(text: str) -> tuple[str | None, str]:
    """The progress (a PROGRESS key, or None) and completion date a feedback note's first line gives
    (`Answer.note_text` writes it)."""
    match = _NOTE_HEAD.fullmatch(text.split("\n", 1)[0])
    if match is None:
        return None, ""
    word = match["progress"]
    return (_WORD_PROGRESS.get(word.casefold()) if word else None), match["completed"] or ""


@dataclass(frozen=True)
class Reply:
    """A department's latest word on a task, as stored: its progress (None when it gave none), the completion
    date it gave (ISO when it read as one), and the day it was read in."""

    department: str
    task_id: int
    progress: str | None
    completed: str
    received: str  # ISO date


def feedback_replies(store: ReviewStore, plan_id: int) -> dict[tuple[str, int], Reply]:
    """Every department's stored feedback on the plan's tasks, by (department, task id).

    Its progress is the feedback reviewer's status; "not started" is stored as no status (the review's
    "not reviewed"), so it is read from the note's first line."""
    found: dict[tuple[str, int], dict] = {}
    for state in store.states(plan_id):
        department = feedback_department(state.reviewer)
        if department is not None and state.status != NOT_REVIEWED:
            found[(department, state.task_id)] = {"progress": STATUS_PROGRESS[state.status],
                                                  "received": (state.updated or "")[:10]}
    for note in store.notes(plan_id):
        department = feedback_department(note.author)
        if department is None:
            continue
        progress, completed = note_head(note.text)
        reply = found.setdefault((department, note.task_id), {"progress": progress, "received": ""})
        reply["completed"] = completed
        reply["received"] = max(reply["received"], note.updated[:10])
    return {(department, task_id): Reply(department, task_id, reply["progress"], reply.get("completed", ""),
                                         reply["received"])
            for (department, task_id), reply in found.items()}
