"""The neutral document model of department assignment sheets, built once from the store.

Both writers (xlsx, pdf) read only this model. Every text is cleaned here once: characters a
workbook or a PDF cannot hold are replaced and reported, so no writer can trip over them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from data.model import LEAD, PARTICIPANT
from data.store import DepartmentRow, PlanStore, TaskRow

from .files import CancelCheck, Progress, check_cancel

# What openpyxl refuses (its ILLEGAL_CHARACTERS_RE) and XML 1.0 cannot carry; tab, LF and CR stay.
UNWRITABLE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
SHORT_NAME_LIMIT = 31  # Excel's sheet name limit
NOT_IN_SHORT_NAMES = re.compile(r'[\[\]:*?/\\<>|"]')  # Excel sheet names and file names refuse these


@dataclass(frozen=True)
class Column:
    """A table column: its heading and a width hint in characters."""

    heading: str
    width: int


@dataclass(frozen=True)
class ExtraColumn:
    """A column a caller adds to every task table (e.g. review status, notes)."""

    heading: str
    width: int
    value: Callable[[TaskRow], str]


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str | int, ...], ...]  # task numbers stay numbers; everything else is text


@dataclass(frozen=True)
class DepartmentName:
    name: str
    name_zh: str | None
    abbreviation: str | None


@dataclass(frozen=True)
class AssignedTask:
    """One task as a department's sheet shows it."""

    role: str  # LEAD or PARTICIPANT: the sheet's department's role in the task
    number: int
    place: str  # part and section, one per line
    text: str
    lead: str
    others: tuple[str, ...]  # the participating departments other than the sheet's department
    extras: tuple[str, ...] = ()
    position: int = 0  # the task's place in the plan: what names it in every copy of the plan

    def cells(self) -> tuple[str | int, ...]:
        """Its role, number, place, text, lead and other participants: the combined table's first columns."""
        return (ROLE_NAMES[self.role], self.number, self.place, self.text, self.lead, "\n".join(self.others))


@dataclass(frozen=True)
class AssignmentSheet:
    """What one department must do under the plan."""

    department: DepartmentName
    tasks: tuple[AssignedTask, ...]
    extra_columns: tuple[Column, ...] = ()

    @property
    def title(self) -> str:
        """The department's English and Chinese names, as the sheet is headed."""
        return "  ".join(filter(None, (self.department.name, self.department.name_zh)))

    @property
    def led(self) -> tuple[AssignedTask, ...]:
        return tuple(t for t in self.tasks if t.role == LEAD)

    @property
    def taking_part(self) -> tuple[AssignedTask, ...]:
        return tuple(t for t in self.tasks if t.role == PARTICIPANT)

    def led_table(self) -> Table:
        """The tasks it leads: number, part and section, text, participating departments."""
        columns = (NUMBER, PLACE, TEXT, Column("Participating departments", 28))
        return Table(columns + self.extra_columns,
                     tuple((t.number, t.place, t.text, "\n".join(t.others)) + t.extras for t in self.led))

    def taking_part_table(self) -> Table:
        """The tasks it takes part in: number, part and section, text, lead, other participants."""
        columns = (NUMBER, PLACE, TEXT, Column("Lead department", 26), Column("Other participants", 28))
        return Table(columns + self.extra_columns,
                     tuple((t.number, t.place, t.text, t.lead, "\n".join(t.others)) + t.extras
                           for t in self.taking_part))

    def combined_table(self) -> Table:
        """All its tasks in one filterable table, the tasks it leads first, with its role in each."""
        columns = (Column("Role", 10), NUMBER, PLACE, TEXT, Column("Lead department", 26),
                   Column("Other participants", 28))
        return Table(columns + self.extra_columns, tuple(t.cells() + t.extras for t in self.tasks))


NUMBER = Column("No.", 6)  # wide enough for its heading beside review columns
PLACE = Column("Part and section", 34)
TEXT = Column("Task", 56)
ROLE_NAMES = {LEAD: "Leads", PARTICIPANT: "Takes part"}


@dataclass
class SheetBook:
    """The assignment sheets of several departments of one plan, and what building them reported."""

    plan_title: str
    printed: date
    sheets: list[AssignmentSheet]
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""  # the plan's content fingerprint, which a feedback workbook carries

    def matrix(self) -> tuple[list[tuple[int, str]], dict[tuple[int, int], str]]:
        """Tasks × sheets: the (number, text) of every task on any sheet, and 'L'/'P' by (number, sheet index)."""
        tasks: dict[int, str] = {}
        marks: dict[tuple[int, int], str] = {}
        for index, sheet in enumerate(self.sheets):
            for task in sheet.tasks:
                tasks[task.number] = task.text
                marks[(task.number, index)] = "L" if task.role == LEAD else "P"
        return sorted(tasks.items()), marks


def role_summary(led: int, taking_part: int) -> str:
    """"Leads 1 task, takes part in 22." — a sheet's counts, in words."""
    tasks = "task" if led == 1 else "tasks"
    return f"Leads {led} {tasks}, takes part in {taking_part}."


def clean_text(text: str) -> tuple[str, int]:
    """The text with unwritable characters replaced by U+FFFD, and how many were replaced."""
    return UNWRITABLE_CHARACTERS.subn(REPLACEMENT, text)


def short_names(sheets: Sequence[AssignmentSheet], taken: Sequence[str] = ()) -> list[str]:
    """One short unique name per sheet, valid as an Excel sheet name and a file name.

    The abbreviation, else the name, without []:*?/\\ and the like, at most 31 characters;
    repeats get " (2)", " (3)"...; names in `taken` are avoided (case does not count).
    """
    used = {name.casefold() for name in taken}
    names = []
    for sheet in sheets:
        base = NOT_IN_SHORT_NAMES.sub(" ", sheet.department.abbreviation or sheet.department.name)
        base = " ".join(base.split()).strip("'. ")[:SHORT_NAME_LIMIT].strip() or "Department"
        name, copy = base, 1
        while name.casefold() in used:
            copy += 1
            suffix = f" ({copy})"
            name = base[:SHORT_NAME_LIMIT - len(suffix)].rstrip() + suffix
        used.add(name.casefold())
        names.append(name)
    return names


class TextCleaner:
    """Cleans texts and collects one warning per text that needed it."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(self, text: str | None, where: str) -> str:
        cleaned, replaced = clean_text(text or "")
        if replaced:
            warning = f"{where}: {replaced} unprintable character(s) replaced with \ufffd"
            if warning not in self.warnings:
                self.warnings.append(warning)
        return cleaned


def task_place(task: TaskRow) -> str:
    """The task's part and section, one per line."""
    part = f"{task.part_number}. {task.part_title}" if task.part_number is not None else task.part_title
    if task.section_number is None:
        return part
    return f"{part}\n{task.part_number}.{task.section_number} {task.section_title or ''}".rstrip()


def build_book(store: PlanStore, plan_id: int, department_ids: Sequence[int], *,
               extra_columns: Sequence[ExtraColumn] = (), printed: date | None = None,
               progress: Progress | None = None, cancel: CancelCheck | None = None) -> SheetBook:
    """The assignment sheets of these departments, in the order given."""
    clean = TextCleaner()
    info = store.plan_info(plan_id)
    by_id: dict[int, DepartmentRow] = {d.id: d for d in store.departments(plan_id)}
    positions = store.task_positions(plan_id)
    unknown = [i for i in department_ids if i not in by_id]
    if unknown:
        raise KeyError(f"plan {plan_id} names no department with id {unknown[0]}")
    sheets = []
    for done, department_id in enumerate(department_ids):
        check_cancel(cancel)
        department = by_id[department_id]
        name = clean(department.name, department.name)
        tasks = []
        for role in (LEAD, PARTICIPANT):
            ids = store.task_ids(plan_id, department_ids=[department_id], role=role)
            for row in store.task_rows(ids):
                where = f"task {row.number}"
                others = tuple(clean(d.name, where) for d in row.participants if d.id != department_id)
                tasks.append(AssignedTask(
                    role, row.number, clean(task_place(row), where), clean(row.text, where),
                    clean(row.lead.name if row.lead else "", where), others,
                    tuple(clean(column.value(row), where) for column in extra_columns), positions[row.id]))
        sheets.append(AssignmentSheet(
            DepartmentName(name, clean(department.name_zh, name) or None,
                           clean(department.abbreviation, name) or None),
            tuple(tasks), tuple(Column(c.heading, c.width) for c in extra_columns)))
        if progress:
            progress(done + 1, len(department_ids))
    return SheetBook(clean(info.title, "plan title"), printed or date.today(), sheets, clean.warnings,
                     info.fingerprint)
