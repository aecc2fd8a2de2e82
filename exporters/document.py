"""The neutral document model of department assignment sheets, built once from the store.

Both writers (xlsx, pdf) read only this model. Every text is cleaned here once: characters a
workbook or a PDF cannot hold are replaced and reported, so no writer can trip over them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from data.language import ENGLISH
from data.model import LEAD, PARTICIPANT
from data.store import DepartmentRow, PlanStore, TaskRow

from .files import CancelCheck, Progress, check_cancel
from .wording import Words

# What openpyxl refuses (its ILLEGAL_CHARACTERS_RE) and XML 1.0 cannot carry; tab, LF and CR stay.
UNWRITABLE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
SHORT_NAME_LIMIT = 31  # Excel's sheet name limit
STANDARD, OFFICIAL = "standard", "official"  # the layouts: the program's own, or a government office's (GB/T 9704)
LAYOUTS = (STANDARD, OFFICIAL)
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

    def cells(self, words: Words) -> tuple[str | int, ...]:
        """Its role, number, place, text, lead and other participants: the combined table's first columns."""
        role = words("Leads") if self.role == LEAD else words("Takes part")
        return (role, self.number, self.place, self.text, self.lead, "\n".join(self.others))


@dataclass(frozen=True)
class AssignmentSheet:
    """What one department must do under the plan."""

    department: DepartmentName
    tasks: tuple[AssignedTask, ...]
    extra_columns: tuple[Column, ...] = ()
    words: Words = Words()  # the sheet's language

    @property
    def title(self) -> str:
        """The department's names as the sheet is headed (English and Chinese; in Chinese, its full name)."""
        return self.words.sheet_title(self.department)

    @property
    def short_name(self) -> str:
        """The department as a sheet's or a file's name: its abbreviation, else its name (Chinese: its short form)."""
        if self.words.chinese:
            return self.words.department(self.department)
        return self.department.abbreviation or self.department.name

    @property
    def led(self) -> tuple[AssignedTask, ...]:
        return tuple(t for t in self.tasks if t.role == LEAD)

    @property
    def taking_part(self) -> tuple[AssignedTask, ...]:
        return tuple(t for t in self.tasks if t.role == PARTICIPANT)

    def led_table(self) -> Table:
        """The tasks it leads: number, part and section, text, participating departments."""
        words = self.words
        columns = (number_column(words), place_column(words), text_column(words),
                   Column(words("Participating departments"), 28))
        return Table(columns + self.extra_columns,
                     tuple((t.number, t.place, t.text, "\n".join(t.others)) + t.extras for t in self.led))

    def taking_part_table(self) -> Table:
        """The tasks it takes part in: number, part and section, text, lead, other participants."""
        words = self.words
        columns = (number_column(words), place_column(words), text_column(words),
                   Column(words("Lead department"), 26), Column(words("Other participants"), 28))
        return Table(columns + self.extra_columns,
                     tuple((t.number, t.place, t.text, t.lead, "\n".join(t.others)) + t.extras
                           for t in self.taking_part))

    def combined_table(self) -> Table:
        """All its tasks in one filterable table, the tasks it leads first, with its role in each."""
        words = self.words
        columns = (Column(words("Role"), 10), number_column(words), place_column(words), text_column(words),
                   Column(words("Lead department"), 26), Column(words("Other participants"), 28))
        return Table(columns + self.extra_columns, tuple(t.cells(words) + t.extras for t in self.tasks))


def number_column(words: Words) -> Column:
    return Column(words("No."), 6)  # wide enough for its heading beside review columns


def place_column(words: Words, width: int = 34) -> Column:
    return Column(words("Part and section"), width)


def text_column(words: Words, width: int = 56) -> Column:
    return Column(words("Task"), width)


@dataclass
class SheetBook:
    """The assignment sheets of several departments of one plan, and what building them reported."""

    plan_title: str
    printed: date
    sheets: list[AssignmentSheet]
    warnings: list[str] = field(default_factory=list)
    words: Words = Words()  # the book's language
    layout: str = STANDARD  # how the writers lay it out (LAYOUTS)
    attachment: bool = False  # official layout: each sheet headed 附件, as printed behind a document
    fingerprint: str = ""  # the plan's content fingerprint, which a feedback workbook carries

    def matrix(self) -> tuple[list[tuple[int, str]], dict[tuple[int, int], str]]:
        """Tasks × sheets: the (number, text) of every task on any sheet, and 'L'/'P' (牵/参) by (number, sheet)."""
        tasks: dict[int, str] = {}
        marks: dict[tuple[int, int], str] = {}
        lead, participant = self.words("L"), self.words("P")
        for index, sheet in enumerate(self.sheets):
            for task in sheet.tasks:
                tasks[task.number] = task.text
                marks[(task.number, index)] = lead if task.role == LEAD else participant
        return sorted(tasks.items()), marks


def role_summary(words: Words, led: int, taking_part: int) -> str:
    """"Leads 1 task, takes part in 22." (牵头任务 1 项，参与任务 22 项。) — a sheet's counts, in words."""
    if led == 1:
        return words("Leads 1 task, takes part in {taking_part}.", taking_part=taking_part)
    return words("Leads {led} tasks, takes part in {taking_part}.", led=led, taking_part=taking_part)


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
        base = NOT_IN_SHORT_NAMES.sub(" ", sheet.short_name)
        base = " ".join(base.split()).strip("'. ")[:SHORT_NAME_LIMIT].strip() or sheet.words("Department")
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

    def __init__(self, words: Words = Words()) -> None:
        self.warnings: list[str] = []
        self.words = words

    def __call__(self, text: str | None, where: str) -> str:
        cleaned, replaced = clean_text(text or "")
        if replaced:
            warning = self.words("{where}: {count} unprintable character(s) replaced with \ufffd", where=where,
                                 count=replaced)
            if warning not in self.warnings:
                self.warnings.append(warning)
        return cleaned


def task_place(task: TaskRow, words: Words = Words()) -> str:
    """The task's part and section, one per line."""
    part = words.part(task.part_number, task.part_title)
    if task.section_number is None:
        return part
    return f"{part}\n{words.section(task.part_number, task.section_number, task.section_title)}"


def build_book(store: PlanStore, plan_id: int, department_ids: Sequence[int], *,
               extra_columns: Sequence[ExtraColumn] = (), printed: date | None = None, language: str = ENGLISH,
               progress: Progress | None = None, cancel: CancelCheck | None = None) -> SheetBook:
    """The assignment sheets of these departments, in the order given, worded in the language."""
    words = Words(language)
    clean = TextCleaner(words)
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
                where = words("task {number}", number=row.number)
                others = tuple(clean(words.department(d), where) for d in row.participants if d.id != department_id)
                tasks.append(AssignedTask(
                    role, row.number, clean(task_place(row, words), where), clean(row.text, where),
                    clean(words.department(row.lead) if row.lead else "", where), others,
                    tuple(clean(column.value(row), where) for column in extra_columns), positions[row.id]))
        sheets.append(AssignmentSheet(
            DepartmentName(name, clean(department.name_zh, name) or None,
                           clean(department.abbreviation, name) or None),
            tuple(tasks), tuple(Column(c.heading, c.width) for c in extra_columns), words))
        if progress:
            progress(done + 1, len(department_ids))
    return SheetBook(clean(info.title, words("plan title")), printed or date.today(), sheets, clean.warnings, words,
                     fingerprint=info.fingerprint)
