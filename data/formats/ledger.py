"""Task ledgers (台账): a table with one task per row and columns for the task, its lead and responsible
departments and its deadline. The header row(s) are found by their names; each row becomes a task."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clauses import ClauseGrammar, NameResolver, labelled_line, split_inline_labels
from ..errors import Problem, unknown_department_warning
from ..model import Department, Part, Plan, ReadResult, Section, Task
from ..registry import Registry
from ..plan_text import plan_year

NUMBER, PART, SECTION, TASK, LEAD, PARTICIPANTS, DEADLINE, OTHER = (
    "number", "part", "section", "task", "lead", "participants", "deadline", "other")
# Roles by the words of a header, tried in this order (a "责任单位（牵头）" header is a lead column).
_ROLE_WORDS = [
    (LEAD, re.compile(r"牵头|主责|^lead|lead (?:department|unit|agency|body)|^responsible lead", re.I)),
    (PARTICIPANTS, re.compile(r"配合|参与|协办|协助|责任单位|责任部门|承办|participa|cooperat|support|co-?lead|"
                              r"responsib|other (?:departments|units)", re.I)),
    (DEADLINE, re.compile(r"时限|时间|节点|进度|期限|deadline|timeline|time ?frame|due|complet", re.I)),
    (NUMBER, re.compile(r"^(?:序号|编号|序|no\.?|#|number|item)$", re.I)),
    (SECTION, re.compile(r"二级|子项|subtask|section|sub-?area", re.I)),
    (PART, re.compile(r"类别|领域|板块|方面|一级|^part$|area|category|field", re.I)),
    (TASK, re.compile(r"任务|措施|内容|要点|事项|举措|目标|指标|task|measure|action|description|content", re.I)),
    (OTHER, re.compile(r"备注|完成情况|进展|成效|说明|note|status|remark|progress", re.I)),
]
_HEADER_ROWS_SEARCHED = 10
_NUMBERED_HEADING = re.compile(r"^(?:第[一二三四五六七八九十百]+(?:部分|章|篇)|[一二三四五六七八九十]+\s*[、.．]|"
                               r"[IVX]+\s*[.、]|part\s+\w+[.:]?)\s*", re.I)
_SECTION_HEADING = re.compile(r"^[（(]\s*[一二三四五六七八九十\d]+\s*[）)]\s*")
_ENGLISH_SEPARATORS = re.compile(r"\s*(?:[,;，；、/\n]|\band\b)\s*", re.I)


@dataclass
class LedgerColumns:
    """Which column plays which role, where the data rows start, and how sure the match is."""

    roles: dict[str, list[int]] = field(default_factory=dict)
    header_row: int = 0  # index of the (first) header row
    first_row: int = 0  # index of the first data row
    headers: list[str] = field(default_factory=list)  # the header text of each column, as found
    sureness: float = 0.0  # the share of the named header cells whose role was recognised

    def role_of_column(self, index: int) -> str | None:
        return next((role for role, indexes in self.roles.items() if index in indexes), None)

    @property
    def usable(self) -> bool:
        """A task column and a lead or responsible column were found."""
        return bool(self.roles.get(TASK)) and bool(self.roles.get(LEAD) or self.roles.get(PARTICIPANTS))


def role_of(header: str) -> str | None:
    """The role a header name gives its column, or None."""
    name = re.sub(r"\s+", " ", header).strip()
    if not name:
        return None
    return next((role for role, words in _ROLE_WORDS if words.search(name)), None)


def find_ledger_columns(rows: list[list[str]]) -> LedgerColumns:
    """The best header reading among the first rows, one header row or two (a group name over its
    columns, as "责任单位" over "牵头单位 | 配合单位")."""
    best = LedgerColumns()
    for start in range(min(_HEADER_ROWS_SEARCHED, len(rows))):
        for depth in (1, 2):
            if start + depth > len(rows):
                continue
            headers = _header_names(rows[start:start + depth])
            columns = _columns_from(headers, start, start + depth)
            if _preference(columns) > _preference(best):
                best = columns
    return best


def _preference(columns: LedgerColumns) -> tuple:
    """Usable first, then more roles, surer names, and one header row rather than two (a caption or a
    metadata row above the header is no part of it)."""
    return columns.usable, len(columns.roles), columns.sureness, columns.header_row - columns.first_row


def _header_names(header_rows: list[list[str]]) -> list[str]:
    """Each column's header: with two rows, the upper name (carried across the columns it spans) and the
    lower one together."""
    if len(header_rows) == 1:
        return [cell.strip() for cell in header_rows[0]]
    upper, lower = header_rows
    names, carried = [], ""
    for index in range(max(len(upper), len(lower))):
        top = upper[index].strip() if index < len(upper) else ""
        bottom = lower[index].strip() if index < len(lower) else ""
        carried = top or (carried if bottom else "")
        names.append(carried + bottom if bottom and carried != bottom else (top or bottom))
    return names


def _columns_from(headers: list[str], header_row: int, first_row: int) -> LedgerColumns:
    roles: dict[str, list[int]] = {}
    named = recognised = 0
    for index, header in enumerate(headers):
        if not header:
            continue
        named += 1
        role = role_of(header)
        if role:
            recognised += 1
            roles.setdefault(role, []).append(index)
    _assign_task_columns(roles)
    roles.pop(OTHER, None)
    return LedgerColumns(roles, header_row, first_row, headers, recognised / named if named else 0.0)


def _assign_task_columns(roles: dict[str, list[int]]) -> None:
    """Several task columns ("重点任务 | 具体措施"): the last holds the task, the ones before it the section
    (and the part) each task belongs to."""
    tasks = roles.get(TASK, [])
    if len(tasks) < 2:
        return
    roles[TASK] = [tasks[-1]]
    for role, index in zip((SECTION, PART), reversed(tasks[:-1])):
        roles.setdefault(role, [index])


ROLES = (NUMBER, PART, SECTION, TASK, LEAD, PARTICIPANTS, DEADLINE)  # a column plays one, or none


@dataclass
class LedgerResult(ReadResult):
    """A plan read from a ledger, with the rows and the columns it was read by, so that the columns can be
    assigned again (the import preview's Ledger Columns…) and the rows read anew."""

    rows: list[list[str]] = field(default_factory=list)
    columns: LedgerColumns = field(default_factory=LedgerColumns)
    title: str = ""


def read_ledger(rows: list[list[str]], columns: LedgerColumns, title: str, registry: Registry) -> LedgerResult:
    """A plan with one task per data row. `rows` have merged cells already repeated on every row they span.
    When some header names were not recognised, a warning says how each column was read."""
    reader = _LedgerReader(columns, registry)
    for offset, row in enumerate(rows[columns.first_row:]):
        reader.add_row(row, columns.first_row + offset + 1)
    result = reader.result(title)
    if columns.sureness < 1:
        result.warnings.insert(0, Problem("the ledger's columns were read as: {columns}", columns=[
            Problem("\u201c{header}\u201d {role}", header=header, role=Problem(columns.role_of_column(index) or "not read"))
            for index, header in enumerate(columns.headers) if header]))
    return LedgerResult(result.plan, result.departments, result.warnings, result.clauses, result.unplaced,
                        rows=rows, columns=columns, title=title)


def read_again(result: LedgerResult, roles: dict[str, list[int]], registry: Registry) -> LedgerResult:
    """The same rows read with the columns given their roles by the user (role: column indexes)."""
    columns = LedgerColumns({role: indexes for role, indexes in roles.items() if indexes}, result.columns.header_row,
                            result.columns.first_row, result.columns.headers, 1.0)
    if not columns.usable:
        raise ValueError("a task column and a lead or responsible column are needed")
    return read_ledger(result.rows, columns, result.title, registry)


class _LedgerReader:
    def __init__(self, columns: LedgerColumns, registry: Registry):
        self.columns = columns
        self.registry = registry
        self.resolver = NameResolver(registry)
        self.grammar = ClauseGrammar(self.resolver)
        self.plan = Plan("", None, None)
        self.warnings: list[str] = []
        self.written_numbers: list[int | None] = []
        self.task_count = 0
        self.part_value: str | None = None
        self.section_value: str | None = None

    def _cell(self, row: list[str], role: str) -> str:
        return " ".join(row[i].strip() for i in self.columns.roles.get(role, []) if i < len(row) and row[i].strip())

    def add_row(self, row: list[str], row_number: int) -> None:
        text = self._cell(row, TASK)
        leads, others = self._cell(row, LEAD), self._cell(row, PARTICIPANTS)
        if not text:
            if not leads and not others:
                self._heading(row)
            return
        part, section = self._cell(row, PART), self._cell(row, SECTION)
        if part and part != self.part_value:
            self._start_part(part)
        if section and section != self.section_value:
            self._start_section(section)
        self.task_count += 1  # counted, not len(self.plan.tasks): that list is built anew on each call
        departments = self._departments(self._cell_names(leads) + self._cell_names(others), self.task_count)
        if not departments:
            self.warnings.append(Problem("row {row}: no lead or responsible department", row=row_number))
        number = self._cell(row, NUMBER)
        self.written_numbers.append(int(number) if number.isdigit() else None)
        self._current_section().tasks.append(
            Task(self.task_count, text, departments, self._cell(row, DEADLINE) or None))

    def _heading(self, row: list[str]) -> None:
        """A row holding only a heading (often merged across the table) starts a part or a section."""
        text = " ".join(dict.fromkeys(cell.strip() for cell in row if cell.strip()))
        if not text:
            return
        if _SECTION_HEADING.match(text) and self.plan.parts:
            self._start_section(text)
        else:
            self._start_part(text)

    def _start_part(self, heading: str) -> None:
        self.part_value, self.section_value = heading, None
        self.plan.parts.append(Part(len(self.plan.parts) + 1, _NUMBERED_HEADING.sub("", heading).strip(),
                                    [Section(None, None)]))

    def _start_section(self, heading: str) -> None:
        if not self.plan.parts:
            self.plan.parts.append(Part(None, "", []))
        part = self.plan.parts[-1]
        self.section_value = heading
        numbered = sum(1 for s in part.sections if s.number is not None)
        if part.sections and not part.sections[-1].tasks and part.sections[-1].number is None:
            part.sections.pop()
        part.sections.append(Section(numbered + 1, _SECTION_HEADING.sub("", heading).strip()))

    def _current_section(self) -> Section:
        if not self.plan.parts:
            self.plan.parts.append(Part(None, "", [Section(None, None)]))
        return self.plan.parts[-1].sections[-1]

    def _cell_names(self, cell: str) -> list[str]:
        """The names a cell lists; a cell of labels ("牵头单位:X 责任单位:Y、Z") is read as a clause, leads first."""
        if labelled_line(cell):
            clause = self.grammar.parse("；".join(split_inline_labels(cell).split("\n")))
            if clause:
                return clause[0]
        return self._names(cell)

    def _names(self, listing: str) -> list[str]:
        if not listing:
            return []
        if re.search(r"[\u4e00-\u9fff]", listing):
            return self.grammar.chinese_names(re.sub(r"\s+", "、", listing.strip()))
        return [name for name in _ENGLISH_SEPARATORS.split(listing) if name.strip(" .")]

    def _departments(self, spellings: list[str], task_number: int) -> list[str]:
        names = []
        for spelling in spellings:
            department, new = self.resolver.resolve(spelling)
            if new:
                self.warnings.append(unknown_department_warning(task_number, department.name))
            names.append(department.name)
        return list(dict.fromkeys(names))

    def result(self, title: str) -> ReadResult:
        tasks = self.plan.tasks
        if not tasks:
            raise ValueError("no task rows under the ledger's header")
        numbers = self.written_numbers
        if all(n is not None for n in numbers) and all(b > a for a, b in zip(numbers, numbers[1:])):
            for task, number in zip(tasks, numbers):
                task.number = number
        self.plan.parts = [part for part in self.plan.parts if part.tasks]
        for part in self.plan.parts:
            part.sections = [section for section in part.sections if section.tasks]
        self.plan.title = title
        self.plan.year = plan_year(title, " ".join(task.text for task in tasks[:5]))
        departments: dict[str, Department] = {}
        for task in tasks:
            for name in task.departments:
                departments[name] = self.registry.departments.get(name) or self.resolver.department(name)
        return ReadResult(self.plan, departments, self.warnings, clauses=sum(1 for t in tasks if t.departments))


def ledger_title(rows: list[list[str]], columns: LedgerColumns, fallback: str) -> str:
    """The plan's title: a line above the header (the ledger's caption), else the fallback."""
    for row in rows[:columns.header_row]:
        cells = [cell.strip() for cell in row if cell.strip()]
        if len(set(cells)) == 1 and len(cells[0]) >= 4:
            return cells[0]
    return fallback
