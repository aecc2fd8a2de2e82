"""Qt models over the session (data/session.py): the plan tree, the task table and the departments list.

The models hold ids and fetch task rows lazily, a block at a time, so a plan of 100,000 tasks opens
and scrolls without loading every row.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (QAbstractItemModel, QAbstractTableModel, QCollator, QCoreApplication, QLocale,
                            QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from data.department_names import every_name, short_name
from data.language import CHINESE
from data.numbers import chinese
from data.session import PlanSession, TaskFilter
from data.store import DepartmentRow, PlanStore, TaskRow

from .translations import current_language

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_COLOUR = QColor("#ffe27a")  # a cell that holds what the search found (the detail pane marks words so too)
DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


# Wording shared by the table, the tree and the detail pane ---------------------------------------------
def department_name(department: DepartmentRow) -> str:
    """The department's name in the interface's language (a Chinese short form, or the official English name)."""
    return short_name(department, current_language())


def department_names(departments: Sequence[DepartmentRow]) -> str:
    """Several departments' names in one line, as the interface's language lists them."""
    return ("、" if current_language() == CHINESE else "; ").join(map(department_name, departments))


def name_order(name: Callable[[DepartmentRow], str] = department_name) -> Callable[[DepartmentRow], object]:
    """A sort key that orders departments by their names (`name`) as the interface's language does, Chinese
    by pinyin: Qt's collator, ICU's, is at hand at once, where pypinyin's dictionaries take 0.3 s to load."""
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return lambda department: collator.sortKey(name(department))


def department_label(department: DepartmentRow) -> str:
    """The name in the interface's language, then its other names (Chinese, English, abbreviation) in brackets."""
    name = department_name(department)
    others = [other for other in every_name(department) if other != name]
    if not others:
        return name
    return f"{name}（{'；'.join(others)}）" if current_language() == CHINESE else f"{name} ({'; '.join(others)})"


# How the departments panel names a department (View ▸ Department Names).
FULL_NAMES, ABBREVIATIONS, CHINESE_NAMES = "full", "abbreviation", "chinese"
NAMING_CHOICES = {FULL_NAMES: QT_TRANSLATE_NOOP("DepartmentsModel", "&Names and Abbreviations"),
                  ABBREVIATIONS: QT_TRANSLATE_NOOP("DepartmentsModel", "&Abbreviations"),
                  CHINESE_NAMES: QT_TRANSLATE_NOOP("DepartmentsModel", "&Chinese Names")}


def department_shown_name(department: DepartmentRow, naming: str) -> str:
    """The department as the panel lists it: its name with its abbreviation after it ("Supreme People's Court
    (SPC)": elided in the middle, the end still tells it apart; in a Chinese window its Chinese short form), or
    the abbreviation or the Chinese name alone when asked for; the name when the one asked for is not known."""
    if naming == ABBREVIATIONS and department.abbreviation:
        return department.abbreviation
    if naming == CHINESE_NAMES and department.name_zh:
        return department.name_zh
    if current_language() == CHINESE:
        return department_name(department)  # its Chinese short form (国家发展改革委), else its Chinese name
    if naming == FULL_NAMES and department.abbreviation:
        return f"{department.name} ({department.abbreviation})"
    return department.name


def department_tooltip(department: DepartmentRow) -> str:
    """Every name of the department, and a word when the registry does not know it."""
    text = department_label(department)
    if not department.verified:
        text += "\n" + QCoreApplication.translate(
            "DepartmentsModel", "Unverified: not in the department registry; the name is as the plan wrote it.")
    return text


def section_number(row: TaskRow) -> str:
    """'2.1' for a task in a numbered section, '4' for a task a part holds directly."""
    part = "" if row.part_number is None else str(row.part_number)
    return part if row.section_number is None else f"{part}.{row.section_number}"


def numeral(number: int | None) -> str:
    """A part's or section's number as the interface's language writes it: 2, or 二."""
    if number is None:
        return ""
    return chinese(number) if current_language() == CHINESE else str(number)


def part_label(number: int | None, title: str) -> str:
    """A part as the tree lists it: "2. Title", or "二、标题"."""
    if number is None:
        return title
    return QCoreApplication.translate("PlanTreeModel", "%1. %2").replace("%1", numeral(number)).replace("%2", title)


def section_label(part_number: int | None, number: int, title: str | None) -> str:
    """A numbered section as the tree lists it: "2.1 Title", or "（一）标题"."""
    shown = numeral(number) if current_language() == CHINESE else f"{numeral(part_number)}.{number}"
    return QCoreApplication.translate("PlanTreeModel", "%1 %2").replace("%1", shown).replace("%2", title or "").rstrip()


def place_lines(row: TaskRow) -> list[str]:
    """The task's part and section, one per line ("Part 2: …", "Section 2.1: …"; in Chinese "二、…", "（一）…")."""
    part = QCoreApplication.translate("TaskColumn", "Part %1: %2")
    lines = [part.replace("%1", numeral(row.part_number)).replace("%2", row.part_title)]
    if row.section_title:
        number = numeral(row.section_number) if current_language() == CHINESE else section_number(row)
        section = QCoreApplication.translate("TaskColumn", "Section %1: %2")
        lines.append(section.replace("%1", number).replace("%2", row.section_title))
    return lines


def rich_tooltip(text: str) -> str:
    """A tooltip Qt wraps at a readable width (plain-text tooltips stay one long line)."""
    return f"<p>{html.escape(text)}</p>"


# Caching rows --------------------------------------------------------------------------------------------
class TaskRowCache:
    """Task rows fetched from the store in blocks of the id list a view shows."""

    BLOCK = 200
    LIMIT = 20_000

    def __init__(self, store: PlanStore):
        self._store = store
        self._rows: dict[int, TaskRow] = {}

    def row(self, ids: Sequence[int], position: int) -> TaskRow:
        """The row of ids[position], loading the block of ids around it when it is not cached."""
        task_id = ids[position]
        if task_id not in self._rows:
            if len(self._rows) > self.LIMIT:
                self._rows.clear()
            start = position - position % self.BLOCK
            for row in self._store.task_rows(ids[start:start + self.BLOCK]):
                self._rows[row.id] = row
        return self._rows[task_id]

    def forget(self, task_ids: Sequence[int]) -> None:
        """Fetch these tasks again when next shown: they changed."""
        for task_id in task_ids:
            self._rows.pop(task_id, None)


# The task table --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TaskColumn:
    """One column of the task table. Other modules add theirs with TaskTableModel.add_column."""

    key: str  # stable name, used to remember the column layout
    title: str  # source text, translated in the "TaskColumn" context
    display: Callable[[TaskRow], str]
    tooltip: Callable[[TaskRow], str | None] = field(default=lambda row: None)
    sort_key: str | None = None  # a PlanStore.task_ids order_by key; None: not sortable
    alignment: Qt.AlignmentFlag | None = None
    width: int = 150  # initial width in pixels
    hidden: bool = False  # hidden at first (the header's menu shows it)
    background: Callable[[TaskRow], QColor | None] = field(default=lambda row: None)
    foreground: Callable[[TaskRow], QColor | None] = field(default=lambda row: None)


def _section_tooltip(row: TaskRow) -> str:
    return "\n".join(place_lines(row))


def _lead_name(row: TaskRow) -> str:
    return department_name(row.lead) if row.lead else ""


STANDARD_COLUMNS = (
    TaskColumn("number", QT_TRANSLATE_NOOP("TaskColumn", "No."), lambda r: str(r.number),
               sort_key="number", alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
               width=44),
    TaskColumn("section", QT_TRANSLATE_NOOP("TaskColumn", "Part / section"),
               lambda r: f"{section_number(r)}  {r.section_title or r.part_title}",
               tooltip=_section_tooltip, sort_key="section", width=120, hidden=True),  # the tree shows it
    TaskColumn("text", QT_TRANSLATE_NOOP("TaskColumn", "Task"), lambda r: r.text,
               tooltip=lambda r: rich_tooltip(r.text), sort_key="text", width=290),
    TaskColumn("lead", QT_TRANSLATE_NOOP("TaskColumn", "Lead department"), _lead_name,
               tooltip=lambda r: department_label(r.lead) if r.lead else None, sort_key="lead", width=160),
    TaskColumn("participants", QT_TRANSLATE_NOOP("TaskColumn", "Participating departments"),
               lambda r: department_names(r.participants),
               tooltip=lambda r: "\n".join(department_label(d) for d in r.participants) or None,
               sort_key="participants", width=180),
)


class _RowTableModel(QAbstractTableModel):
    """A flat table whose rows are known by id: selectable cells, and reordering that keeps persistent indexes."""

    def row_id(self, row: int) -> int:
        raise NotImplementedError

    def row_of(self, row_id: int) -> int | None:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _reorder(self, reorder: Callable[[], None]) -> None:
        """Run reorder() (same rows, new order) and move the views' persistent indexes with their rows."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self.row_id(index.row()), index.column()) for index in persistent]
        reorder()
        self.changePersistentIndexList(persistent, [self.index(self.row_of(row_id), column)
                                                    for row_id, column in kept])
        self.layoutChanged.emit()


class TaskTableModel(_RowTableModel):
    """One row per task that the session's filter keeps, in the session's order (sorting sets it)."""

    def __init__(self, session: PlanSession, parent=None):
        super().__init__(parent)
        self._session = session
        self._cache = TaskRowCache(session.store)
        self._columns: list[TaskColumn] = list(STANDARD_COLUMNS)
        self._ids: list[int] = []
        self._row_of_task: dict[int, int] = {}
        self.total = 0
        self._words: list[str] = []  # the search's words, folded, and the departments it names
        self._named: frozenset[int] = frozenset()
        self._load()

    # What the model shows -------------------------------------------------------------------------------
    @property
    def columns(self) -> tuple[TaskColumn, ...]:
        return tuple(self._columns)

    @property
    def task_filter(self) -> TaskFilter:
        return self._session.task_filter

    def add_column(self, column: TaskColumn) -> None:
        """Append a column (review status, flag, notes...) supplied by another module."""
        position = len(self._columns)
        self.beginInsertColumns(QModelIndex(), position, position)
        self._columns.append(column)
        self.endInsertColumns()

    def column_of(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self._columns) if c.key == key), None)

    def set_session(self, session: PlanSession) -> None:
        """Show the session's plan (another plan, or another database) from the top."""
        self.beginResetModel()
        self._session, self._cache = session, TaskRowCache(session.store)
        self._load()
        self.endResetModel()

    def set_filter(self, task_filter: TaskFilter) -> None:
        if task_filter == self._session.task_filter:
            return
        self.beginResetModel()
        self._session.task_filter = task_filter
        self._load()
        self.endResetModel()

    def reload(self, changed_tasks: Sequence[int] = ()) -> None:
        """Filter again: the review data a review filter reads has changed, or these tasks have."""
        self.beginResetModel()
        self._cache.forget(changed_tasks)
        self._load()
        self.endResetModel()

    def refresh_columns(self, keys: Sequence[str], task_ids: Sequence[int] | None = None) -> None:
        """Tell the views that these columns changed, on the rows of these tasks (None: every row)."""
        columns = [c for c in map(self.column_of, keys) if c is not None]
        rows = range(len(self._ids)) if task_ids is None else [r for r in map(self.row_of, task_ids) if r is not None]
        if not columns or not rows:
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                 Qt.ItemDataRole.ForegroundRole]
        self.dataChanged.emit(self.index(min(rows), min(columns)), self.index(max(rows), max(columns)), roles)

    def row_id(self, row: int) -> int:
        """The id of the task on this row."""
        return self._ids[row]

    def row_of(self, task_id: int) -> int | None:
        return self._row_of_task.get(task_id)

    @property
    def task_ids(self) -> list[int]:
        """The ids of the tasks the table shows, in its order."""
        return list(self._ids)

    def task_row(self, row: int) -> TaskRow:
        return self._cache.row(self._ids, row)

    def _load(self) -> None:
        if self._session.order_by in ("lead", "participants"):  # the departments as this window names them
            self._session.department_order = [department.id for department in
                                               sorted(self._session.store.all_departments(), key=name_order())]
        self._ids, self.total = self._session.task_ids(), self._session.total()
        self.search_matches = self._session.search_matches()  # why rows passed: the detail pane marks it too
        words, self._named = self.search_matches
        self._words = [word.casefold() for word in words]
        self._row_of_task = {task_id: row for row, task_id in enumerate(self._ids)}

    # QAbstractTableModel ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(self.task_row(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(self.task_row(index.row()))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return column.alignment
        if role == Qt.ItemDataRole.BackgroundRole:
            row = self.task_row(index.row())
            return MATCH_COLOUR if self._matched(column.key, row) else column.background(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground(self.task_row(index.row()))
        if role == TASK_ID_ROLE:
            return self._ids[index.row()]
        return None

    def _matched(self, key: str, row: TaskRow) -> bool:
        """Whether this cell shows why the task passed the search: a department the search names, or a
        searched word in its text when the search names departments too (else every row matched by its text,
        and marking them all would say nothing)."""
        if not self._named:
            return False
        if key == "text":
            text = row.text.casefold()
            return any(word in text for word in self._words)
        if key == "lead":
            return row.lead is not None and row.lead.id in self._named
        if key == "participants":
            return any(d.id in self._named for d in row.participants)
        return False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TaskColumn", self._columns[section].title)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows in SQL by the column's store key; columns without one, or the order the rows are
        already in (the view asks again when sorting is switched on), change nothing."""
        if not 0 <= column < len(self._columns) or self._columns[column].sort_key is None:
            return
        session = self._session
        wanted = (self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
        if wanted == (session.order_by, session.descending):
            return
        session.order_by, session.descending = wanted
        self._reorder(self._load)


# The plan tree -----------------------------------------------------------------------------------------
ALL, PART, SECTION = "all", "part", "section"


@dataclass
class _Node:
    """A row of the tree that is not a task: "all tasks", a part or a numbered section."""

    kind: str
    id: int | None
    label: str
    tooltip: str
    count: int
    parent: int = 0  # key of the parent node; 0 is the invisible root (set by PlanTreeModel._add)
    row: int = 0
    children: list[int] = field(default_factory=list)  # keys of child nodes, shown first
    task_ids: list[int] = field(default_factory=list)  # tasks held directly, shown after the child nodes


class PlanTreeModel(QAbstractItemModel):
    """Parts, then sections, then tasks, with task counts; a part's unnumbered section is not shown.

    An index's internal id is the key of its parent node, so task rows need no objects of their own.
    """

    COLUMN_TITLES = (QT_TRANSLATE_NOOP("PlanTreeModel", "Part, section and task"),
                     QT_TRANSLATE_NOOP("PlanTreeModel", "Tasks"))

    def __init__(self, session: PlanSession, parent=None):
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._task_places: dict[int, tuple[int, int]] = {}
        self._build(session.store, session.plan_id)

    def set_session(self, session: PlanSession) -> None:
        """Show the session's plan (another plan, or another database)."""
        self.beginResetModel()
        self._build(session.store, session.plan_id)
        self.endResetModel()

    def _build(self, store: PlanStore, plan_id: int | None) -> None:
        self._cache = TaskRowCache(store)
        self._nodes = [_Node(ALL, None, "", "", 0)]  # the invisible root
        self._task_places = {}
        if plan_id is None:
            return
        total = store.plan_info(plan_id).task_count
        self._add(0, _Node(ALL, None, self.tr("All tasks"), "", total))
        parts = {part.id: part for part in store.parts(plan_id)}
        part_keys = {}
        for part in parts.values():
            label = part_label(part.number, part.title)
            part_keys[part.id] = self._add(0, _Node(PART, part.id, label, part.title, part.task_count))
        section_tasks: dict[int, list[int]] = {}
        for task_id, section_id in store.task_sections(plan_id):
            section_tasks.setdefault(section_id, []).append(task_id)
        for section in store.sections(plan_id):
            ids = section_tasks.get(section.id, [])
            if section.number is None:
                self._nodes[part_keys[section.part_id]].task_ids += ids
                continue
            label = section_label(parts[section.part_id].number, section.number, section.title)
            key = self._add(part_keys[section.part_id],
                            _Node(SECTION, section.id, label, section.title or "", section.task_count))
            self._nodes[key].task_ids = ids
        self._task_places = {task_id: (key, len(node.children) + row)
                             for key, node in enumerate(self._nodes)
                             for row, task_id in enumerate(node.task_ids)}

    def task_changed(self, task_id: int) -> None:
        """Show a task's number and text again after an edit."""
        self._cache.forget([task_id])
        index = self.task_index(task_id)
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def _add(self, parent_key: int, node: _Node) -> int:
        parent = self._nodes[parent_key]
        node.parent, node.row = parent_key, len(parent.children)
        self._nodes.append(node)
        parent.children.append(len(self._nodes) - 1)
        return len(self._nodes) - 1

    def _node_key(self, index: Index) -> int | None:
        """The node an index shows (0 for the root), or None for a task."""
        if not index.isValid():
            return 0
        parent = self._nodes[index.internalId()]
        return parent.children[index.row()] if index.row() < len(parent.children) else None

    # Looking things up --------------------------------------------------------------------------------
    def node(self, index: Index) -> tuple[str, int | None] | None:
        """(kind, id) of a part, section or the "all tasks" row; None for a task."""
        key = self._node_key(index)
        return None if not key else (self._nodes[key].kind, self._nodes[key].id)

    def task_index(self, task_id: int) -> QModelIndex:
        place = self._task_places.get(task_id)
        return QModelIndex() if place is None else self.createIndex(place[1], 0, place[0])

    def node_index(self, kind: str, node_id: int | None) -> QModelIndex:
        for node in self._nodes[1:]:
            if node.kind == kind and node.id == node_id:
                return self.createIndex(node.row, 0, node.parent)
        return QModelIndex()

    # QAbstractItemModel -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node_key(parent))

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        parent = self._nodes[index.internalId()]
        return self.createIndex(parent.row, 0, parent.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        key = self._node_key(parent)
        return 0 if key is None else len(self._nodes[key].children) + len(self._nodes[key].task_ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.COLUMN_TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self._node_key(index)
        if key is None:
            return self._task_data(index, role)
        node = self._nodes[key]
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if index.column() == 0 else str(node.count)
        if role == Qt.ItemDataRole.ToolTipRole and node.tooltip:
            return rich_tooltip(node.tooltip)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _task_data(self, index: Index, role: int):
        parent = self._nodes[index.internalId()]
        position = index.row() - len(parent.children)
        if role == TASK_ID_ROLE:
            return parent.task_ids[position]
        if index.column() != 0 or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._cache.row(parent.task_ids, position)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.number}  {row.text}"
        return rich_tooltip(row.text)

    def widest_text(self, column: int) -> str:
        """The longest text of the count column (1), whose width the window fits to it."""
        assert column == 1, "only the count column is fitted"
        return str(max((node.count for node in self._nodes), default=0))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMN_TITLES)):
            return QCoreApplication.translate("PlanTreeModel", self.COLUMN_TITLES[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemNeverHasChildren if self._node_key(index) is None else flags


# The departments list ------------------------------------------------------------------------------------
class DepartmentsModel(_RowTableModel):
    """Every department the plan names, with the number of tasks it leads and takes part in, and how many
    of its tasks are reviewed (once the review module has said so with set_progress).

    Names are full (in a Chinese window, the Chinese short forms), abbreviations or Chinese (set_naming); every
    name is in the tooltip, and the detail pane shows them too. A department the registry does not know
    (unverified) is in italics, with a warning icon.
    """

    # Short titles leave the names the room in a narrow dock; the header's tooltips say them in full.
    COLUMN_TITLES = (QT_TRANSLATE_NOOP("DepartmentsModel", "Department"),
                     QT_TRANSLATE_NOOP("DepartmentsModel", "Lead"),
                     QT_TRANSLATE_NOOP("DepartmentsModel", "Part"),
                     QT_TRANSLATE_NOOP("DepartmentsModel", "Rev."))
    COLUMN_TIPS = (QT_TRANSLATE_NOOP("DepartmentsModel", "The department (every name of it on hover)"),
                   QT_TRANSLATE_NOOP("DepartmentsModel", "Tasks it leads"),
                   QT_TRANSLATE_NOOP("DepartmentsModel", "Tasks it takes part in"),
                   QT_TRANSLATE_NOOP("DepartmentsModel", "Its tasks you reviewed, of all its tasks in the role chosen"))
    REVIEWED = 3

    def __init__(self, session: PlanSession, parent=None):
        super().__init__(parent)
        self._departments = self._read(session)
        self._progress: dict[int, tuple[int, int]] = {}
        self.naming = FULL_NAMES
        self._sort_keys: tuple[Callable[[DepartmentRow], object], ...] = (
            name_order(lambda d: department_shown_name(d, self.naming)), lambda d: d.lead_count,
            lambda d: d.participant_count, lambda d: self._progress.get(d.id, (0, 0)))

    def set_naming(self, naming: str) -> None:
        """Name the departments by FULL_NAMES, ABBREVIATIONS or CHINESE_NAMES."""
        self.naming = naming
        if self._departments:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._departments) - 1, 0),
                                  [Qt.ItemDataRole.DisplayRole])

    def set_session(self, session: PlanSession) -> None:
        """Show the session's plan (another plan, or another database), its progress not yet counted."""
        self.beginResetModel()
        self._departments = self._read(session)
        self._progress = {}
        self.endResetModel()

    def reload(self, session: PlanSession) -> None:
        """Read the departments again after a task's departments changed: rows of departments no task
        names any more are removed, the counts of the others change, new ones are appended; rows that
        stay keep their place (and the views their selection)."""
        fresh = {department.id: department for department in self._read(session)}
        for row in reversed(range(len(self._departments))):
            if self._departments[row].id not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._departments[row]
                self.endRemoveRows()
        self._departments = [fresh.pop(department.id) for department in self._departments]
        if self._departments:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._departments) - 1, self.REVIEWED - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        if fresh:
            start = len(self._departments)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._departments += fresh.values()
            self.endInsertRows()

    @staticmethod
    def _read(session: PlanSession) -> list[DepartmentRow]:
        return [] if session.plan_id is None else session.store.departments(session.plan_id)

    def set_progress(self, progress: dict[int, tuple[int, int]]) -> None:
        """Per department id: (reviewed, total) of its tasks, shown as "3/12"."""
        self._progress = progress
        if self._departments:
            self.dataChanged.emit(self.index(0, self.REVIEWED), self.index(len(self._departments) - 1, self.REVIEWED),
                                  [Qt.ItemDataRole.DisplayRole])

    def widest_text(self, column: int) -> str:
        """The longest text the column shows (the window fits the column's width to it)."""
        texts = (self.data(self.index(row, column)) or "" for row in range(len(self._departments)))
        return max(texts, key=len, default="")

    def department(self, row: int) -> DepartmentRow:
        return self._departments[row]

    def row_id(self, row: int) -> int:
        return self._departments[row].id

    def row_of(self, department_id: int) -> int | None:
        return next((i for i, d in enumerate(self._departments) if d.id == department_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._departments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMN_TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        department = self._departments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.REVIEWED:
                progress = self._progress.get(department.id)
                return None if progress is None else f"{progress[0]}/{progress[1]}"
            return (department_shown_name(department, self.naming), str(department.lead_count),
                    str(department.participant_count))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return department_tooltip(department)
        if not department.verified and index.column() == 0:
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.DecorationRole:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == DEPARTMENT_ID_ROLE:
            return department.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMN_TITLES):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DepartmentsModel", self.COLUMN_TITLES[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("DepartmentsModel", self.COLUMN_TIPS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._sort_keys):
            self._reorder(lambda: self._departments.sort(key=self._sort_keys[column],
                                                         reverse=order == Qt.SortOrder.DescendingOrder))
