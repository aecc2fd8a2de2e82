"""File ▸ Import Plan…'s preview: what was read from the file, before anything is stored. Parts, sections
and tasks with lead, participants, deadline and the reader's warnings beside their task; the unknown
departments, each mapped to a known body or kept as a new one (remembered when the plan is stored); a task
split where a second starts, merged with the next, or given its departments again; a ledger's columns
given their roles. Store Plan stores the plan as corrected, Cancel stores nothing."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from data.errors import TASK_WARNING, Problem, worded
from data.language import CHINESE
from data.corrections import (departments_named, has_next, map_department, merge_with_next, set_task_departments,
                              split_task, unknown_departments)
from data.formats.ledger import (DEADLINE, LEAD, NUMBER, PART, PARTICIPANTS, ROLES, SECTION, TASK, LedgerResult,
                                 read_again)
from data.importing import PlanImport
from data.model import Department, Task
from data.registry import Registry
from data.user_registry import new_body

from .models import department_name, department_names, name_order, part_label, section_label
from .screens import fit_on_screen
from .translations import current_language

WARNING_COLOUR = QColor("#b45309")


class ImportPreviewDialog(QDialog):
    """The reading of one plan file, correctable, then stored (accepted) or dropped (rejected)."""

    COLUMNS = (QT_TRANSLATE_NOOP("ImportPreviewDialog", "Task"), QT_TRANSLATE_NOOP("ImportPreviewDialog", "Lead"),
               QT_TRANSLATE_NOOP("ImportPreviewDialog", "Participants"),
               QT_TRANSLATE_NOOP("ImportPreviewDialog", "Deadline"),
               QT_TRANSLATE_NOOP("ImportPreviewDialog", "Warnings"))

    def __init__(self, plan_file: PlanImport, registry: Registry, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan_file = plan_file
        self.registry = registry
        self.aliases: dict[str, str] = {}  # spelling -> official name, saved with the plan
        self.new_bodies: list[Department] = []  # bodies the user added, saved with the plan
        self.mapped: dict[str, Department] = {}  # unknown name -> body, made again on a ledger read anew
        self.setWindowTitle(self.tr("Import Plan: %1").replace("%1", plan_file.source))
        self.title_edit = QLineEdit(plan_file.result.plan.title)  # a page's title is not always the plan's
        self.title_edit.setPlaceholderText(plan_file.result.plan.title or plan_file.source)
        self.title_edit.setToolTip(self.tr("The plan is stored under this title (left empty: the title read)"))
        self.title_edit.textEdited.connect(self.set_title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([QCoreApplication.translate("ImportPreviewDialog", name) for name in self.COLUMNS])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 330)
        for column, width in ((1, 160), (2, 170), (3, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._task_chosen)
        self.other_warnings = QLabel()
        self.other_warnings.setWordWrap(True)

        self.unknown_list = QListWidget()
        self.unknown_list.setMaximumHeight(180)
        self.unknown_list.currentItemChanged.connect(self._unknown_chosen)
        self.body_combo = BodyChooser(registry)
        self.map_button = QPushButton(self.tr("Map to This Body"))
        self.map_button.clicked.connect(self.map_chosen_unknown)
        self.new_body_button = QPushButton(self.tr("Keep as a New Body…"))
        self.new_body_button.setToolTip(self.tr("A real body the registry lacks: give its English and Chinese "
                                                "names; later imports will know it"))
        self.new_body_button.clicked.connect(self.ask_new_body)
        unknown_box = QGroupBox(self.tr("Departments not in the registry"))
        unknown_layout = QVBoxLayout(unknown_box)
        unknown_layout.addWidget(self.unknown_list)
        unknown_layout.addWidget(QLabel(self.tr("Is the same body as:")))
        unknown_layout.addWidget(self.body_combo)
        unknown_layout.addWidget(self.map_button)
        unknown_layout.addWidget(self.new_body_button)

        self.departments_edit = QLineEdit()
        self.departments_edit.setPlaceholderText(self.tr("Names separated by “;” — the first leads"))
        self.apply_button = QPushButton(self.tr("Set Departments"))
        self.apply_button.clicked.connect(self.apply_task_departments)
        self.departments_edit.returnPressed.connect(self.apply_task_departments)
        task_box = QGroupBox(self.tr("The chosen task"))
        task_layout = QFormLayout(task_box)
        self.task_text = QPlainTextEdit()
        self.task_text.setReadOnly(True)
        self.task_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.task_text.setToolTip(self.tr("Click where a second task starts, then Split Here"))
        self.task_text.setMaximumHeight(150)
        self.task_text.cursorPositionChanged.connect(self._enable_task_actions)
        self.task_warnings = QLabel()
        self.task_warnings.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Split Here"))
        self.split_button.clicked.connect(self.split_chosen_task)
        self.merge_button = QPushButton(self.tr("Merge with Next Task"))
        self.merge_button.clicked.connect(self.merge_chosen_task)
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(self.split_button)
        task_buttons.addWidget(self.merge_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.departments_edit, 1)
        edit_row.addWidget(self.apply_button)
        task_layout.addRow(self.task_text)
        task_layout.addRow(self.task_warnings)
        task_layout.addRow(task_buttons)
        task_layout.addRow(QLabel(self.tr("Its departments (the first leads):")))
        task_layout.addRow(edit_row)

        side = QWidget()
        side.setMaximumWidth(440)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(unknown_box)
        side_layout.addWidget(task_box)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([960, 400])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.store_button = self.buttons.addButton(self.tr("Store Plan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.columns_button = self.buttons.addButton(self.tr("Ledger Columns…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.columns_button.setToolTip(self.tr("Say which column holds the task, the lead, the others, the deadline"))
        self.columns_button.clicked.connect(self.ask_ledger_columns)
        self.columns_button.setVisible(isinstance(plan_file.result, LedgerResult))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        title_row = QFormLayout()
        title_row.addRow(self.tr("Plan &title:"), self.title_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.other_warnings)
        layout.addWidget(self.buttons)
        fit_on_screen(self, 1280, 760)
        self.refresh()

    # Showing ------------------------------------------------------------------------------------------
    @property
    def result(self):
        return self.plan_file.result

    def set_title(self, typed: str) -> None:
        """The plan is stored under the title typed; an empty field stands for the title read."""
        self.result.plan.title = typed.strip() or self.title_edit.placeholderText()
        self.show_summary()

    def show_summary(self) -> None:
        """The plan's title, year and counts, over the reading."""
        plan, counts = self.result.plan, self.result.plan.counts()
        text = self.tr("%1 (%2): %3 parts, %4 sections, %5 tasks, %6 departments. Nothing is stored until "
                       "you choose Store Plan.")
        for placeholder, value in (("%1", plan.title or self.plan_file.source), ("%2", plan.year or "?"),
                                   ("%3", counts["parts"]), ("%4", counts["sections"]), ("%5", counts["tasks"]),
                                   ("%6", counts["departments"])):
            text = text.replace(placeholder, str(value))
        self.summary.setText(text)

    def refresh(self) -> None:
        """Show the reading as it now stands."""
        plan = self.result.plan
        self.show_summary()
        by_task: dict[int, list[str]] = {}
        others = []
        language = current_language()
        for warning in self.result.warnings:
            if isinstance(warning, Problem) and warning.template == TASK_WARNING:  # shown beside its task
                by_task.setdefault(warning.values["number"], []).append(worded(warning.values["warning"], language))
            else:
                others.append(worded(warning, language))
        chosen = self.chosen_task()
        self.tree.clear()
        self.task_items: dict[int, QTreeWidgetItem] = {}
        for part in plan.parts:
            part_item = QTreeWidgetItem(self.tree, [part_label(part.number, part.title)
                                                    or self.tr("(tasks outside any part)")])
            for section in part.sections:
                parent = part_item
                if section.number is not None:
                    parent = QTreeWidgetItem(part_item, [section_label(part.number, section.number, section.title)])
                for task in section.tasks:
                    self._task_item(parent, task, by_task.get(task.number, []))
        self.tree.expandAll()
        self.other_warnings.setText("\n".join(f"⚠ {warning}" for warning in others))
        self.other_warnings.setVisible(bool(others))
        self.unknown_list.clear()
        for department in unknown_departments(self.result):
            item = QListWidgetItem(department.name, self.unknown_list)
            close = self.registry.suggestions(department.name)
            item.setToolTip(self.tr("Close: %1").replace("%1", "; ".join(close)) if close else "")
            item.setData(Qt.ItemDataRole.UserRole, close)
        self.map_button.setEnabled(self.unknown_list.count() > 0)
        self.new_body_button.setEnabled(self.unknown_list.count() > 0)
        if self.unknown_list.count():
            self.unknown_list.setCurrentRow(0)
        if chosen is not None and id(chosen) in self.task_items:
            self.tree.setCurrentItem(self.task_items[id(chosen)])
        else:
            self._task_chosen(None)

    def _task_item(self, parent: QTreeWidgetItem, task: Task, warnings: list[str]) -> None:
        read = self.result.departments  # the departments by the names the tasks give: shown in the window's language
        participants = [read[name] for name in task.participants if name in read]
        item = QTreeWidgetItem(parent, [f"{task.number}. {task.text}",
                                        department_name(read[task.lead]) if task.lead in read else task.lead or "",
                                        department_names(participants) if len(participants) == len(task.participants)
                                        else "; ".join(task.participants), task.deadline or "", "\n".join(warnings)])
        item.setData(0, Qt.ItemDataRole.UserRole, task)
        item.setToolTip(0, task.text)
        if warnings:
            item.setForeground(4, QBrush(WARNING_COLOUR))
        self.task_items[id(task)] = item

    def chosen_task(self) -> Task | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _task_chosen(self, *_: object) -> None:
        task = self.chosen_task()
        self.departments_edit.setEnabled(task is not None)
        self.apply_button.setEnabled(task is not None)
        self.departments_edit.setText("; ".join(task.departments) if task is not None else "")
        self.departments_edit.setCursorPosition(0)
        item = self.tree.currentItem()
        warnings = item.text(4) if task is not None else ""
        self.task_text.setPlainText(task.text if task is not None else "")
        self.task_text.setPlaceholderText(self.tr("Choose a task to see it in full."))
        self.task_warnings.setText(f"⚠ {warnings}" if warnings else "")
        self.task_warnings.setVisible(bool(warnings))
        self._enable_task_actions()

    def _enable_task_actions(self) -> None:
        task = self.chosen_task()
        at = self.task_text.textCursor().position()
        self.split_button.setEnabled(task is not None and 0 < at < len(task.text.rstrip())
                                     and bool(task.text[:at].strip()))
        self.merge_button.setEnabled(task is not None and has_next(self.result, task))

    def _unknown_chosen(self, item: QListWidgetItem | None) -> None:
        close = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.body_combo.choose(close[0] if close else None)

    # Correcting ---------------------------------------------------------------------------------------
    def map_chosen_unknown(self) -> None:
        """The chosen unknown name is read as the chosen body in every task; remembered when stored."""
        item, body = self.unknown_list.currentItem(), self.body_combo.body()
        if item is None or body is None:
            return
        map_department(self.result, item.text(), body)
        self.mapped[item.text()] = body
        self.aliases[item.text()] = body.name
        self.refresh()

    def ask_new_body(self) -> NewBodyDialog | None:
        """Ask the English and Chinese names of the chosen unknown name, kept as a new body."""
        item = self.unknown_list.currentItem()
        if item is None:
            return None
        dialog = NewBodyDialog(item.text(), self)
        dialog.accepted.connect(lambda: self.keep_as_new_body(item.text(), dialog.body()))
        dialog.open()
        return dialog

    def keep_as_new_body(self, name: str, body: Department) -> None:
        """The unknown name is read as a new body the user named; it and its spelling are remembered."""
        map_department(self.result, name, body)
        self.mapped[name] = body
        self.new_bodies.append(body)
        if name != body.name:
            self.aliases[name] = body.name
        self.refresh()

    def ask_ledger_columns(self) -> LedgerColumnsDialog | None:
        """Let the user say which role each column of the ledger plays, then read its rows again."""
        if not isinstance(self.result, LedgerResult):
            return None
        dialog = LedgerColumnsDialog(self.result, self)
        dialog.accepted.connect(lambda: self.read_ledger_again(dialog.roles()))
        dialog.open()
        return dialog

    def read_ledger_again(self, roles: dict[str, list[int]]) -> bool:
        """The ledger's rows read with these column roles; the names mapped so far are mapped again."""
        try:
            result = read_again(self.result, roles, self.registry)
        except ValueError as error:
            QMessageBox.warning(self, self.tr("Ledger Columns"), str(error)[:1].upper() + str(error)[1:] + ".")
            return False
        for name, body in self.mapped.items():
            map_department(result, name, body)
        self.plan_file = PlanImport(self.plan_file.source, result)
        self.set_title(self.title_edit.text())  # a title typed stays
        self.refresh()
        return True

    def split_chosen_task(self) -> None:
        """Two tasks from the chosen one, split where the cursor stands in its text."""
        task = self.chosen_task()
        if task is None:
            return
        split_task(self.result, task, self.task_text.textCursor().position())
        self.refresh()

    def merge_chosen_task(self) -> None:
        """The chosen task and the next one of its section become one."""
        task = self.chosen_task()
        if task is None or not has_next(self.result, task):
            return
        merge_with_next(self.result, task)
        self.refresh()

    def apply_task_departments(self) -> None:
        """The chosen task's departments as typed: known bodies by any spelling, others kept as new."""
        task = self.chosen_task()
        if task is None:
            return
        read = self.result.departments
        departments = [read.get(d.name, d) for d in departments_named(
            self.departments_edit.text(), self.registry, lambda spelling: spelling if spelling in read else None)]
        if not departments:
            return
        set_task_departments(self.result, task, departments)
        self.result.warnings = [w for w in self.result.warnings  # the user has decided the task's departments
                                if not w.startswith(f"task {task.number}: department ")]
        self.refresh()


class BodyChooser(QComboBox):
    """A body of the registry, chosen from the list (official and Chinese names) or typed as any of its
    spellings, the list narrowing to the names that hold what is typed."""

    def __init__(self, registry: Registry, parent: QWidget | None = None):
        super().__init__(parent)
        self.registry = registry
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        chinese = current_language() == CHINESE  # its Chinese name first, and in pinyin order
        for department in sorted(registry.departments.values(), key=name_order() if chinese else lambda d: d.name):
            names = (department.name_zh, department.name) if chinese else (department.name, department.name_zh)
            self.addItem(" — ".join(filter(None, names)), department.name)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText(self.tr("Choose or type a body the registry knows"))
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def choose(self, name: str | None) -> None:
        """Show the body of this official name (None: none)."""
        self.setCurrentIndex(self.findData(name) if name else -1)

    def body(self) -> Department | None:
        """The body chosen or typed, if the registry knows it."""
        typed = self.currentText().strip()
        index = self.findText(typed)
        return self.registry.find(self.itemData(index) if index >= 0 else typed.split(" — ")[0])


class NewBodyDialog(QDialog):
    """The names of a body the registry lacks: official English name and Chinese name, one of them at least
    (the unknown name fills the one its script fits)."""

    def __init__(self, spelling: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Body"))
        chinese = bool(re.search(r"[\u4e00-\u9fff]", spelling))
        self.name_edit = QLineEdit("" if chinese else spelling)
        self.name_zh_edit = QLineEdit(spelling if chinese else "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("“%1” is kept as a body of its own, known to later imports.")
                             .replace("%1", spelling)))
        layout.addRow(self.tr("&English name:"), self.name_edit)
        layout.addRow(self.tr("&Chinese name:"), self.name_zh_edit)
        layout.addRow(self.buttons)
        for edit in (self.name_edit, self.name_zh_edit):
            edit.textChanged.connect(self._check)

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name_edit.text().strip() or self.name_zh_edit.text().strip()))

    def body(self) -> Department:
        return new_body(self.name_edit.text(), self.name_zh_edit.text())


class LedgerColumnsDialog(QDialog):
    """Each column of a ledger, its header and first value, and the role it plays (or none)."""

    ROLE_NAMES = {NUMBER: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Number"),
                  PART: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Part"),
                  SECTION: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Section"),
                  TASK: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Task"),
                  LEAD: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Lead department"),
                  PARTICIPANTS: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Responsible / participating"),
                  DEADLINE: QT_TRANSLATE_NOOP("LedgerColumnsDialog", "Deadline")}

    def __init__(self, result: LedgerResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ledger Columns"))
        columns, rows = result.columns, result.rows
        first = rows[columns.first_row] if columns.first_row < len(rows) else []
        self.table = QTableWidget(len(columns.headers), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("First row"), self.tr("Read as")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.role_boxes: list[QComboBox] = []
        for index, header in enumerate(columns.headers):
            self.table.setItem(index, 0, QTableWidgetItem(header))
            self.table.setItem(index, 1, QTableWidgetItem(first[index] if index < len(first) else ""))
            box = QComboBox()
            box.addItem(self.tr("Not read"), None)
            for role in ROLES:
                box.addItem(QCoreApplication.translate("LedgerColumnsDialog", self.ROLE_NAMES[role]), role)
            box.setCurrentIndex(box.findData(columns.role_of_column(index)) if columns.role_of_column(index) else 0)
            self.table.setCellWidget(index, 2, box)
            self.role_boxes.append(box)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 230)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Say what each column holds; the rows are then read again.")))
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(760, 360)

    def roles(self) -> dict[str, list[int]]:
        """Role: the columns the user gave it."""
        chosen: dict[str, list[int]] = {}
        for index, box in enumerate(self.role_boxes):
            if box.currentData() is not None:
                chosen.setdefault(box.currentData(), []).append(index)
        return chosen
