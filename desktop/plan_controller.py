"""Correcting a stored plan: Plan ▸ Edit Task… (text, departments, deadline; one undoable step each, on
the window's undo history) and Plan ▸ Remove Plan… (asks first, keeps a backup of the database); sharing
the department registry as the user has extended it: File ▸ Export / Import Department Registry…"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QWidget)

from data.corrections import departments_named
from data.errors import PlanReviewError
from data.model import Department
from data.store import TaskContent
from data.user_registry import import_registry_file, user_registry, write_registry_file

from .context import AppContext
from .import_preview import BodyChooser
from .models import department_names
from .messages import show_error
from .review_commands import MadeCommand


class EditTaskDialog(QDialog):
    """A task's text, departments (names separated by “;”, the first leads) and deadline."""

    def __init__(self, number: int, content: TaskContent, parent: QWidget | None = None, departments: str = ""):
        """departments: the task's departments as the window names them (default: their official names)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Task %1").replace("%1", str(number)))
        self.text_edit = QPlainTextEdit(content.text)
        self.departments_edit = QLineEdit(departments or "; ".join(content.departments))
        self.departments_edit.setCursorPosition(0)
        self.deadline_edit = QLineEdit(content.deadline or "")
        self.deadline_edit.setPlaceholderText(self.tr("None"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.textChanged.connect(self._check)
        self.departments_edit.textChanged.connect(self._check)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Text:"), self.text_edit)
        layout.addRow(self.tr("&Departments:"), self.departments_edit)
        layout.addRow("", QLabel(self.tr("Separated by “;” — the first leads, the others take part.")))
        layout.addRow(self.tr("D&eadline:"), self.deadline_edit)
        layout.addRow(self.buttons)
        self.resize(720, 360)

    def _check(self) -> None:
        """A task needs text and at least one department."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text_edit.toPlainText().strip()) and bool(self.departments_edit.text().strip(" ;；、")))


class MergeDialog(QDialog):
    """Which known body an unverified department is."""

    def __init__(self, name: str, registry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Into"))
        self.chooser = BodyChooser(registry)
        self.chooser.choose(next(iter(registry.suggestions(name)), None))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.chooser.currentTextChanged.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chooser.body() is not None))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Every task naming “%1” will name this body instead, and later imports will "
                                     "read “%1” as it:").replace("%1", name)))
        layout.addRow(self.tr("&Body:"), self.chooser)
        layout.addRow(self.buttons)
        self.resize(640, 140)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chooser.body() is not None)


class EditTaskCommand(MadeCommand):
    """One Edit Task… step, already made when pushed: undo puts the task back as it was, redo again."""

    def __init__(self, controller: PlanController, task_id: int, before: TaskContent, after: TaskContent,
                 departments: dict[str, Department]):
        super().__init__(controller.tr("Edit Task"), controller.edit_failed)
        self.controller, self.task_id = controller, task_id
        self.before, self.after, self.departments = before, after, departments

    def _make(self, redo: bool) -> None:
        self.controller.store_content(self.task_id, self.after if redo else self.before, self.departments)


class PlanController(QObject):
    """Adds Edit Task… and Remove Plan… to the window's Plan menu."""

    def __init__(self, context: AppContext, window):
        super().__init__(window)
        self.context, self.window = context, window
        plan_menu = window.menus["plan"]
        first = plan_menu.actions()[0] if plan_menu.actions() else None
        self.edit_action = window.named_actions["edit_task"] = self._action(
            self.tr("&Edit Task…"), self.edit_chosen_task, "Ctrl+Shift+E")
        self.remove_action = window.named_actions["remove_plan"] = self._action(
            self.tr("&Remove Plan…"), self.remove_shown_plan, "Ctrl+Shift+Del")
        plan_menu.insertActions(first, [self.edit_action, self.remove_action])
        plan_menu.insertSeparator(first)
        file_menu = window.menus["file"]
        before = window.named_actions["import"]
        after_import = file_menu.actions()[file_menu.actions().index(before) + 1]
        self.export_registry_action = QAction(self.tr("Export &Department Registry…"), window)
        self.export_registry_action.triggered.connect(self.export_registry)
        self.import_registry_action = QAction(self.tr("Import Department Re&gistry…"), window)
        self.import_registry_action.triggered.connect(self.import_registry)
        file_menu.insertActions(after_import, [self.import_registry_action, self.export_registry_action])
        self.merge_action = QAction(self.tr("&Merge Into…"), window)
        self.merge_action.setToolTip(self.tr("Merge the chosen unverified department into a body the registry knows"))
        self.merge_action.triggered.connect(self.merge_chosen_department)
        departments_menu = window.menuBar().addMenu(self.tr("Depar&tments"))
        departments_menu.addAction(self.merge_action)
        departments_menu.aboutToShow.connect(self._enable_merge)
        window.task_shown.connect(lambda task_id: self.edit_action.setEnabled(task_id is not None))
        window.plan_changed.connect(lambda: self.remove_action.setEnabled(window.plan_id is not None))
        self.edit_action.setEnabled(False)
        self.remove_action.setEnabled(window.plan_id is not None)

    def _action(self, text: str, slot, shortcut: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    @property
    def store(self):
        return self.window.store

    # Edit Task… -----------------------------------------------------------------------------------------
    def edit_chosen_task(self) -> EditTaskDialog | None:
        """Open the editor on the task the detail pane shows; the change is made when it is accepted."""
        task_id = self.window.task_id
        if task_id is None:
            return None
        before, task = self.store.task_content(task_id), self.store.task(task_id)
        dialog = EditTaskDialog(task.number, before, self.window,
                                department_names([task.lead, *task.participants] if task.lead else task.participants))
        dialog.accepted.connect(lambda: self._edited(task_id, before, dialog))
        dialog.open()
        return dialog

    def _edited(self, task_id: int, before: TaskContent, dialog: EditTaskDialog) -> None:
        named = departments_named(dialog.departments_edit.text(), user_registry(self.store), self._stored_name)
        after = TaskContent(dialog.text_edit.toPlainText().strip(), tuple(d.name for d in named),
                            dialog.deadline_edit.text().strip() or None)
        if after == before:
            return
        departments = {department.name: department for department in named}
        if self.set_content(task_id, after, departments):
            self.window.review.undo_stack.push(EditTaskCommand(self, task_id, before, after, departments))

    def _stored_name(self, spelling: str) -> str | None:
        found = self.store.find_department(spelling)
        return found.name if found else None

    def set_content(self, task_id: int, content: TaskContent, departments: dict[str, Department]) -> bool:
        """Store the task's content and show it; a failure is said and changes nothing."""
        try:
            self.store_content(task_id, content, departments)
        except PlanReviewError as error:
            self.edit_failed(error)
            return False
        return True

    def store_content(self, task_id: int, content: TaskContent, departments: dict[str, Department]) -> None:
        """Store the task's content and show it (PlanReviewError when the store refuses)."""
        self.store.set_task_content(task_id, content, departments, self.window.session.reviewer)
        if self.window.task_id != task_id:
            self.window.choose_task(task_id)
        self.window.task_edited(task_id)

    def edit_failed(self, error: PlanReviewError) -> None:
        show_error(self.window, self.tr("Edit Task"), error)

    # Departments ▸ Merge Into… ------------------------------------------------------------------------
    def chosen_unverified(self):
        """The one department chosen in the departments panel, if it is an unverified one."""
        ids = self.window.selected_department_ids()
        model = self.window.departments_model
        if len(ids) != 1 or model.row_of(ids[0]) is None:
            return None
        department = model.department(model.row_of(ids[0]))
        return None if department.verified else department

    def _enable_merge(self) -> None:
        self.merge_action.setEnabled(self.chosen_unverified() is not None)

    def merge_chosen_department(self) -> MergeDialog | None:
        """Ask which known body the chosen unverified department is, then merge it into that body."""
        department = self.chosen_unverified()
        if department is None:
            return None
        registry = user_registry(self.store)
        dialog = MergeDialog(department.name, registry, self.window)
        dialog.accepted.connect(lambda: self._merge(department.id, dialog.chooser.body()))
        dialog.open()
        return dialog

    def _merge(self, department_id: int, body: Department | None) -> None:
        if body is None:
            return
        try:
            self.store.merge_department(department_id, body, self.window.session.reviewer)
        except PlanReviewError as error:
            show_error(self.window, self.tr("Merge Into"), error)
            return
        self.window.plans = self.store.plans()
        self.window.show_plan(self.window.plan_id)

    # Remove Plan… ---------------------------------------------------------------------------------------
    def remove_shown_plan(self) -> bool:
        """Ask, copy the database, remove the plan shown, and show another (the newest left)."""
        plan_id = self.window.plan_id
        if plan_id is None:
            return False
        info = self.store.plan_info(plan_id)
        question = (self.tr("Remove “%1” (%2 tasks) and every note and status written on it from this database?")
                    .replace("%1", info.title).replace("%2", str(info.task_count)) + "\n\n"
                    + self.tr("A backup of the database as it is now is kept first (File ▸ Restore from "
                              "Backup…)."))
        answer = QMessageBox.question(self.window, self.tr("Remove Plan"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.store.remove_plan(plan_id)
        except PlanReviewError as error:
            show_error(self.window, self.tr("Remove Plan"), error)
            return False
        self.window.plans = self.store.plans()
        self.window.show_plan(self.store.latest_plan_id())
        return True

    # The department registry as extended ---------------------------------------------------------------
    def export_registry(self) -> bool:
        """Write the bodies and spellings the user added to a file a colleague can import."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export Department Registry"),
                                              str(self.store.path.parent / "departments.json"),
                                              self.tr("Department registry (*.json)"))
        if not path:
            return False
        try:
            entries = write_registry_file(self.store, Path(path))
        except PlanReviewError as error:
            show_error(self.window, self.tr("Export Department Registry"), error)
            return False
        QMessageBox.information(self.window, self.tr("Export Department Registry"),
                                self.tr("%1 departments you added or spell your own way were written to\n%2")
                                .replace("%1", str(entries)).replace("%2", path))
        return True

    def import_registry(self) -> bool:
        """Add a colleague's bodies and spellings: later imports know them."""
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Department Registry"),
                                              str(self.store.path.parent), self.tr("Department registry (*.json)"))
        if not path:
            return False
        try:
            bodies, spellings = import_registry_file(self.store, Path(path))
        except PlanReviewError as error:
            show_error(self.window, self.tr("Import Department Registry"), error)
            return False
        QMessageBox.information(self.window, self.tr("Import Department Registry"),
                                self.tr("%1 new departments and %2 spellings were added; the next plans you "
                                        "import will know them.").replace("%1", str(bodies))
                                .replace("%2", str(spellings)))
        return True
