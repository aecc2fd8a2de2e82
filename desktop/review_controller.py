"""Local review in the window: reviewer identity, status and flag, notes, review filters, progress, and
review files — every edit one undoable command, saved at once by the review core (data/review.py).

The table shows the reviewer's own status and flag (a hollow flag: only others flagged the task) and, in its
Reviewers column (View ▸ Columns), every reviewer's statuses counted; the pane lists every reviewer's. The status
filter reads the reviewer's own status, another reviewer's or everyone's; the progress counts are the reviewer's own.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QT_TRANSLATE_NOOP, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QLabel, QLineEdit, QMenu, QMenuBar, QMessageBox, QProgressDialog, QStatusBar,
                               QToolBar, QWidget)

from data.errors import DatabaseError, ExportError, PlanReviewError, ReviewEditError, UntrustedKeyError
from data.identity import Identity, current_identity, identity_path, store_identity, stored_identity
from data.review import NOT_REVIEWED, STATUSES, DepartmentProgress, ExchangeSummary, ReviewStore, TaskReview
from data.session import EVERYONE, PlanSession, ReviewFilter
from data.store import DepartmentRow, TaskRow

from . import settings as keys
from .jobs import CancelCheck, Job, Progress
from .messages import problem_text, show_error, slow_work_dialog
from .context import AppContext
from .models import DepartmentsModel, TaskColumn, TaskTableModel, department_label, department_name, name_order
from .translations import current_language
from .review_commands import Record, RecordsCommand, ReviewCommand, Step
from .review_pane import NOT_STARTED_COLOUR, STATUS_COLOURS, ReviewPane, reviewer_status_word, status_word

if TYPE_CHECKING:
    from data.feedback import FeedbackReport  # loads with the first import of feedback

REVIEW_COLUMNS = ("status", "flag", "notes", "reviewers")
KNOWN_EDIT_ERRORS = (ReviewEditError, DatabaseError)
# The status actions; each undo command is named as its action, without the mnemonic's "&".
STATUS_ACTIONS = (QT_TRANSLATE_NOOP("ReviewController", "Set Status to &Not Reviewed"),
                  QT_TRANSLATE_NOOP("ReviewController", "Set Status to &In Review"),
                  QT_TRANSLATE_NOOP("ReviewController", "Set Status to &Reviewed"),
                  QT_TRANSLATE_NOOP("ReviewController", "Set Status to Needs &Follow-up"))
STATUS_SHORTCUTS = ("Alt+1", "Alt+2", "Alt+3", "Alt+4")


def _counted(count: int, one: str, many: str) -> str:
    """The words for one, or for `count` (its "%1"), as translated."""
    return one if count == 1 else many.replace("%1", str(count))


class ReviewerDialog(QDialog):
    """Asks who reviews: a name, and optionally the reviewer's department among the plan's."""

    def __init__(self, parent: QWidget, name: str, department: str, departments: list[DepartmentRow]):
        super().__init__(parent, objectName="reviewerDialog")
        self.setWindowTitle(self.tr("Reviewer Identity"))
        self.name_edit = QLineEdit(name, objectName="reviewerName")
        self.name_edit.setPlaceholderText(self.tr("Your name, as colleagues will see it on your notes"))
        self.department_combo = QComboBox(objectName="reviewerDepartment")
        self.department_combo.addItem(self.tr("(none)"), "")
        for row in sorted(departments, key=name_order()):
            self.department_combo.addItem(department_name(row), row.name)
            self.department_combo.setItemData(self.department_combo.count() - 1, department_label(row),
                                              Qt.ItemDataRole.ToolTipRole)
        self.department_combo.setCurrentIndex(max(0, self.department_combo.findData(department)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name.strip()))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Notes and review statuses are saved under this name.")))
        layout.addRow(self.tr("&Name:"), self.name_edit)
        layout.addRow(self.tr("&Department:"), self.department_combo)
        layout.addRow(buttons)

    def identity(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.department_combo.currentData()


class TaskReviewCache:
    """The TaskReview of tasks the table shows, fetched for a block of its rows at a time."""

    BLOCK = 200

    def __init__(self, model: TaskTableModel, reviews: ReviewStore):
        self._model, self._reviews = model, reviews
        self._cached: dict[int, TaskReview] = {}

    def review(self, task_id: int) -> TaskReview:
        if task_id not in self._cached:
            row = self._model.row_of(task_id)
            if row is None:
                ids = [task_id]
            else:
                start = row - row % self.BLOCK
                ids = [self._model.row_id(r) for r in range(start, min(start + self.BLOCK, self._model.rowCount()))]
            self._cached.update(self._reviews.task_reviews(ids))
        return self._cached[task_id]

    def forget(self, task_ids: list[int] | None = None) -> None:
        """Fetch these tasks (None: every task) again when next asked."""
        if task_ids is None:
            self._cached.clear()
        for task_id in task_ids or ():
            self._cached.pop(task_id, None)


class ReviewHost(Protocol):
    """The public parts of the window (MainWindow) that the review controller uses."""

    table_model: TaskTableModel
    departments_model: DepartmentsModel
    menus: dict[str, QMenu]
    named_actions: dict[str, QAction]
    plan_changed: SignalInstance  # another plan or database: the context holds its session
    task_shown: SignalInstance  # (task id or None, hidden) the task the detail pane shows; hidden: read-only
    filter_changed: SignalInstance  # the session's filter was set again
    database_changed: SignalInstance  # another program saved something in the open database

    def add_side_pane(self, pane: QWidget) -> None: ...
    def place_columns(self, keys: Sequence[str], after: str) -> None: ...
    def choose_task(self, task_id: int) -> None: ...
    def refresh_tasks(self) -> None: ...
    def enable_database_actions(self, enabled: bool) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def addToolBar(self, toolbar: QToolBar) -> None: ...
    def addToolBarBreak(self) -> None: ...


class ReviewController(QObject):
    """Adds local review to the window: menus, table columns, filters, progress, the review pane."""

    filters_changed = Signal()  # the user changed a review filter

    def __init__(self, context: AppContext, window: ReviewHost):
        super().__init__(window)  # type: ignore[arg-type]  # the host is a QMainWindow
        self.context, self.window = context, window
        self.undo_stack = QUndoStack(self)
        self._cache = TaskReviewCache(window.table_model, self.reviews)
        self._task_id: int | None = None
        self._read_only = False  # the task shown is one the filter hides: shown, not edited
        self._latest_count: Job | None = None  # the only count whose result is shown
        self._counted_role: str | None = None  # the departments' role it counted in
        self.department = current_identity().department
        self._build_pane()
        self.actions = self._build_actions()
        self._build_menus()
        self._build_filters()
        self._build_status_bar()
        self._add_columns()
        window.plan_changed.connect(self._plan_changed)
        window.task_shown.connect(self._show_task)
        window.filter_changed.connect(self._filter_changed)
        window.database_changed.connect(self._database_changed)

    @property
    def session(self) -> PlanSession:
        assert self.context.session is not None, "the window opens a session before it builds its controllers"
        return self.context.session

    @property
    def reviews(self) -> ReviewStore:
        return self.session.reviews

    @property
    def reviewer(self) -> str:
        return self.session.reviewer

    # Building -------------------------------------------------------------------------------------------
    def _build_pane(self) -> None:
        """The review pane goes beside the task detail, below the table."""
        self.pane = ReviewPane()
        self.window.add_side_pane(self.pane)
        self.pane.status_chosen.connect(self.set_status)
        self.pane.flag_toggled.connect(self.set_flag)
        self.pane.add_requested.connect(self.add_note)
        self.pane.edit_requested.connect(self.edit_note)
        self.pane.delete_requested.connect(self.delete_note)
        self.pane.resolve_requested.connect(self.resolve_conflict)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | QKeySequence.StandardKey | None,
                name: str) -> QAction:
        action = QAction(text, self.window, objectName=name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> dict[str, QAction]:
        actions = {
            "undo": self.undo_stack.createUndoAction(self.window, self.tr("&Undo")),
            "redo": self.undo_stack.createRedoAction(self.window, self.tr("&Redo")),
            "flag": self._action(self.tr("F&lag Task"), lambda: self.set_flag(self.actions["flag"].isChecked()),
                                 "Ctrl+Shift+F", "flagTask"),
            "note": self._action(self.tr("&Add Note…"), self.pane.start_note, "Ctrl+Shift+N", "addNote"),
            "identity": self._action(self.tr("Reviewer Identi&ty…"), self.ask_identity, None, "reviewerIdentity"),
            "export": self._action(self.tr("E&xport My Review…"), self._choose_export_file, None, "exportReview"),
            "import": self._action(self.tr("Import Revie&w…"), self._choose_import_file, None, "importReview"),
            "feedback": self._action(self.tr("Import &Feedback…"), self._choose_feedback_files, None,
                                     "importFeedback"),
            "feedback-folder": self._action(self.tr("Import Feedback F&older…"), self._choose_feedback_folder, None,
                                            "importFeedbackFolder"),
        }
        actions["undo"].setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        actions["redo"].setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        actions["flag"].setCheckable(True)
        self.status_group = QActionGroup(self.window)
        for status, name, shortcut in zip(STATUSES, STATUS_ACTIONS, STATUS_SHORTCUTS):
            action = self._action(self.tr(name), lambda checked=False, status=status: self.set_status(status),
                                  shortcut, f"status-{status}")
            action.setCheckable(True)
            self.status_group.addAction(action)
            actions[f"status-{status}"] = action
        return actions

    def _build_menus(self) -> None:
        menus = self.window.menus
        quit_action = self.window.named_actions["quit"]
        menus["file"].insertActions(quit_action, [self.actions["export"], self.actions["import"],
                                                  self.actions["feedback"], self.actions["feedback-folder"]])
        menus["file"].insertSeparator(quit_action)
        first_edit = menus["edit"].actions()[0]
        menus["edit"].insertActions(first_edit, [self.actions["undo"], self.actions["redo"]])
        menus["edit"].insertSeparator(first_edit)
        review = self.window.menuBar().addMenu(self.tr("&Review"))
        review.addActions(self.status_group.actions())
        review.addSeparator()
        review.addActions([self.actions["flag"], self.actions["note"]])
        review.addSeparator()
        review.addAction(self.actions["identity"])
        menus["review"] = review

    def _build_filters(self) -> None:
        """A toolbar that narrows the table by the reviewer's status and flag, notes, and own work."""
        self.status_filter = QComboBox(objectName="reviewStatusFilter")
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_word(status), status)
        self.flagged_filter = QCheckBox(self.tr("Flagged"), objectName="flaggedFilter")
        self.notes_filter = QCheckBox(self.tr("Has notes"), objectName="notesFilter")
        self.mine_filter = QCheckBox(self.tr("Mine"), objectName="mineFilter")
        self.mine_filter.setToolTip(self.tr("Tasks I set a status or flag on, or wrote a note on"))
        self.conflicts_filter = QCheckBox(self.tr("Conflicts"), objectName="conflictsFilter")
        self.conflicts_filter.setToolTip(self.tr("Tasks with a note changed on two computers, to settle"))
        self.whose_filter = QComboBox(objectName="reviewWhoseFilter")
        self.whose_filter.setToolTip(self.tr("Whose status and flag the filters read"))
        self.whose_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_whose()
        label = QLabel(self.tr("Revie&w:"))
        label.setBuddy(self.whose_filter)
        toolbar = QToolBar(self.tr("Review filters"), self.window, objectName="reviewToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(label)
        toolbar.addWidget(self.whose_filter)
        toolbar.addWidget(self.status_filter)
        for box in (self.flagged_filter, self.notes_filter, self.mine_filter, self.conflicts_filter):
            toolbar.addWidget(box)
            box.toggled.connect(self.filters_changed)
        self.status_filter.currentIndexChanged.connect(self.filters_changed)
        self.whose_filter.currentIndexChanged.connect(self.filters_changed)
        self.window.addToolBarBreak()  # a row of its own: beside the search it would not fit 1024 pixels
        self.window.addToolBar(toolbar)

    def _fill_whose(self) -> None:
        """The reviewers whose status a filter can read: mine, everyone's, and each other reviewer's."""
        chosen = self.whose_filter.currentData()
        blocked = self.whose_filter.blockSignals(True)
        self.whose_filter.clear()
        self.whose_filter.addItem(self.tr("My status"), None)
        self.whose_filter.addItem(self.tr("Anyone's status"), EVERYONE)
        plan_id = self.session.plan_id
        others = [] if plan_id is None else [r for r in self.reviews.reviewers(plan_id) if r != self.reviewer]
        for name in others:
            self.whose_filter.addItem(self.tr("%1's status").replace("%1", name), name)
        self.whose_filter.setCurrentIndex(max(0, self.whose_filter.findData(chosen)))
        self.whose_filter.blockSignals(blocked)

    def _build_status_bar(self) -> None:
        self.progress_label = QLabel(objectName="reviewProgress")
        self.reviewer_label = QLabel(objectName="reviewerLabel")
        bar = self.window.statusBar()
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.reviewer_label)
        self._show_reviewer()

    def _add_columns(self) -> None:
        review = self._review
        model = self.window.table_model
        own_status = self._own_status
        model.add_column(TaskColumn(
            "status", QT_TRANSLATE_NOOP("TaskColumn", "My status"), lambda row: status_word(own_status(row)),
            tooltip=lambda row: self._statuses_tip(review(row)),
            background=lambda row: STATUS_COLOURS.get(own_status(row)),
            foreground=lambda row: NOT_STARTED_COLOUR if own_status(row) == NOT_REVIEWED else None, width=112))
        model.add_column(TaskColumn(
            "flag", QT_TRANSLATE_NOOP("TaskColumn", "Flag"), lambda row: self._flag_mark(review(row)),
            tooltip=lambda row: self._flag_tip(review(row)), alignment=Qt.AlignmentFlag.AlignCenter, width=38))
        model.add_column(TaskColumn(
            "notes", QT_TRANSLATE_NOOP("TaskColumn", "Notes"), lambda row: self._notes_text(review(row)),
            tooltip=lambda row: self._notes_tip(review(row)),
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, width=52))
        model.add_column(TaskColumn(
            "reviewers", QT_TRANSLATE_NOOP("TaskColumn", "Reviewers"), lambda row: self._reviewers_text(review(row)),
            tooltip=lambda row: self._statuses_tip(review(row)), width=170, hidden=True))
        self.window.place_columns(REVIEW_COLUMNS, after="number")

    # What the columns show ----------------------------------------------------------------------------
    def _review(self, row: TaskRow) -> TaskReview:
        return self._cache.review(row.id)

    def _own_status(self, row: TaskRow) -> str:
        return self._review(row).statuses.get(self.reviewer, NOT_REVIEWED)

    def _statuses_tip(self, review: TaskReview) -> str | None:
        lines = [f"{reviewer}: {reviewer_status_word(reviewer, status)}"
                 for reviewer, status in review.statuses.items()]
        return "\n".join(lines) or None

    def _reviewers_text(self, review: TaskReview) -> str:
        """Every reviewer's status counted: "2 reviewed · 1 needs follow-up" (statuses not started left out)."""
        counts = Counter(review.statuses.values())
        return " · ".join(f"{counts[status]} {status_word(status).lower()}" for status in reversed(STATUSES)
                          if status != NOT_REVIEWED and counts[status])

    def _flag_mark(self, review: TaskReview) -> str:
        if self.reviewer in review.flagged_by:
            return "⚑"
        return "⚐" if review.flagged else ""

    def _flag_tip(self, review: TaskReview) -> str | None:
        if not review.flagged:
            return None
        return self.tr("Flagged by %1").replace("%1", ", ".join(review.flagged_by))

    @staticmethod
    def _notes_text(review: TaskReview) -> str:
        if not review.note_count:
            return ""
        return f"{review.note_count} ⚠" if review.conflict_count else str(review.note_count)

    def _notes_tip(self, review: TaskReview) -> str | None:
        if not review.conflict_count:
            return None
        return self.tr("%1 with a conflict to settle").replace("%1", self._notes_count(review.conflict_count))

    # Identity -----------------------------------------------------------------------------------------
    def ask_identity(self) -> ReviewerDialog:
        """Open the identity dialog (window-modal, not blocking); accepting it sets the identity."""
        plan_id = self.session.plan_id
        departments = self.session.store.departments(plan_id) if plan_id is not None else []
        dialog = ReviewerDialog(self.window, self.reviewer, self.department, departments)
        dialog.accepted.connect(lambda: self.set_identity(*dialog.identity()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def ask_identity_if_unknown(self) -> None:
        """On a first start: ask who reviews, once."""
        if stored_identity() is None:
            self.ask_identity()

    def set_identity(self, name: str, department: str = "") -> None:
        """Review as `name` from now on: the user's one identity, which the command line reads too."""
        try:
            store_identity(Identity(name, department))
        except PlanReviewError as error:
            show_error(self.window, self.tr("Reviewer Identity"), error)
            return
        self._follow_identity()
        self.refresh()

    def _follow_identity(self) -> bool:
        """Take the user's identity as it is stored now (the command line may have changed it); whether it
        changed."""
        identity = current_identity()
        changed = (identity.name, identity.department) != (self.session.reviewer, self.department)
        self.session.reviewer, self.department = identity.name, identity.department
        self._show_reviewer()
        return changed

    def _show_reviewer(self) -> None:
        text = self.tr("Reviewer: %1").replace("%1", self.reviewer)
        if self.department:
            known = self.session.store.find_department(self.department)
            department = department_name(known) if known else self.department
            text = self.tr("%1 (%2)", "the reviewer and their department").replace("%1", text).replace("%2", department)
        self.reviewer_label.setText(text)
        self.reviewer_label.setToolTip(self.tr("Your reviewer identity, the same in the window and on the command "
                                               "line; kept in %1").replace("%1", str(identity_path())))

    def _database_changed(self) -> None:
        self._follow_identity()
        self.refresh()

    # Filters ------------------------------------------------------------------------------------------
    def task_filter(self) -> ReviewFilter:
        """What the review filters choose; status and flag are the reviewer's own."""
        return self.session.review_filter(self.status_filter.currentData(), self.flagged_filter.isChecked(),
                                          self.notes_filter.isChecked(), self.mine_filter.isChecked(),
                                          self.conflicts_filter.isChecked(), self.whose_filter.currentData())

    def clear_filters(self) -> None:
        """Clear the review filters without filtering: the window filters again itself."""
        for control in (self.status_filter, self.whose_filter, self.flagged_filter, self.notes_filter,
                        self.mine_filter, self.conflicts_filter):
            blocked = control.blockSignals(True)
            if isinstance(control, QComboBox):
                control.setCurrentIndex(0)
            else:
                control.setChecked(False)
            control.blockSignals(blocked)

    # Following the window ---------------------------------------------------------------------------------
    def _plan_changed(self) -> None:
        """Another plan or database: its review, a new undo history, no review filter."""
        self.undo_stack.clear()
        self._cache = TaskReviewCache(self.window.table_model, self.reviews)
        self._follow_identity()
        self.clear_filters()  # the models dropped every filter with the plan
        self._task_id, self._read_only = None, False
        self.pane.forget_drafts()
        self.refresh()

    def _show_task(self, task_id: int | None, hidden: bool = False) -> None:
        self._task_id, self._read_only = task_id, hidden
        self._show_pane()

    def _show_pane(self) -> None:
        task_id, plan_id = self._task_id, self.session.plan_id
        state = None if task_id is None else self.reviews.state(task_id, self.reviewer)
        notes = [] if task_id is None else self.reviews.notes(plan_id, task_id)
        states = [] if task_id is None else self.reviews.states(plan_id, task_id)
        computers = self.reviews.computer_names() if any(note.conflicts for note in notes) else {}
        editable = self._editable_task() is not None
        self.pane.show_review(task_id, state, notes, self.reviewer, editable, states, computers)
        for action in (*self.status_group.actions(), self.actions["flag"], self.actions["note"]):
            action.setEnabled(editable)
        self.actions[f"status-{state.status if state else NOT_REVIEWED}"].setChecked(True)
        self.actions["flag"].setChecked(bool(state and state.flagged))

    def _show_progress(self) -> None:
        plan_id = self.session.plan_id
        if plan_id is None:
            self.progress_label.clear()
            return
        progress = self.session.progress()
        self.progress_label.setText(self.tr("%1 of %2 reviewed").replace("%1", str(progress.reviewed))
                                    .replace("%2", str(progress.total)))
        database, reviewer, role = self.session.path, self.reviewer, self.session.task_filter.role
        self._counted_role = role

        def count(progress: Progress, cancelled: CancelCheck) -> list[DepartmentProgress]:
            with PlanSession.open(database, plan_id, reviewer=reviewer) as session:
                return session.department_progress(role)

        job = self._latest_count = Job(count)  # a database that cannot be read gives no counts
        job.succeeded.connect(lambda counts: self._departments_counted(job, counts))
        job.start(self.context.thread_pool)

    def _filter_changed(self) -> None:
        """The departments' role counts in the progress: count again when the filter changed it."""
        if self.session.task_filter.role != self._counted_role:
            self._show_progress()

    def _departments_counted(self, job: Job, counts: list[DepartmentProgress]) -> None:
        """Show a department count unless a newer one was asked for since (or the plan changed)."""
        if job is self._latest_count:
            self.window.departments_model.set_progress({d.department_id: (d.reviewed, d.total) for d in counts})

    def refresh(self, task_ids: list[int] | None = None, recount: bool = True) -> None:
        """Show the review again after these tasks changed (None: any task may have); recount: their
        statuses may have changed, so count the progress again (slow on a huge plan)."""
        self._cache.forget(task_ids)
        if task_ids is None:  # an import or another identity may bring other reviewers
            self._fill_whose()
        if self.task_filter().is_empty():
            self.window.table_model.refresh_columns(REVIEW_COLUMNS, task_ids)
        else:
            self.window.refresh_tasks()
        if recount:
            self._show_progress()
        self._show_pane()

    # Edits ------------------------------------------------------------------------------------------------
    def _push(self, name: str, task_id: int, edit: Callable[[], Record], undo_step: Step,
              redo_step: Step | None = None, changed: Callable[[int], None] | None = None) -> bool:
        """Make an edit and put it on the undo stack (redo_step: undo_step's inverse when it is not its own;
        changed: what shows the task again, by default without counting the progress); a refused edit is
        said and changes nothing."""
        try:
            record = edit()
        except KNOWN_EDIT_ERRORS as error:
            self._show_failure(error)
            self._show_pane()  # the pane's controls back to what is stored
            return False
        changed = changed or self._changed
        self.undo_stack.push(ReviewCommand(name, task_id, record, undo_step, redo_step or undo_step,
                                           lambda task: self._stepped(task, changed), self._show_failure))
        changed(task_id)
        return True

    def _stepped(self, task_id: int, changed: Callable[[int], None]) -> None:
        """After an undo or redo: show the task it changed (choosing it in the tree, as a user would)."""
        if task_id != self._task_id:
            self.window.choose_task(task_id)
        changed(task_id)

    def _changed(self, task_id: int) -> None:
        self.refresh([task_id], recount=False)

    def _status_changed(self, task_id: int) -> None:
        self.refresh([task_id])

    def _show_failure(self, error: PlanReviewError) -> None:
        """A refused edit says why; a database that cannot be written names the file too."""
        if isinstance(error, ReviewEditError):
            QMessageBox.warning(self.window, self.tr("Review"),
                                self.tr("The change was not made.") + "\n\n" + self._sentence(problem_text(error)))
        else:
            show_error(self.window, self.tr("Review"), error)

    def _sentence(self, text: str) -> str:
        """A problem as a sentence of its own: its first letter up, a full stop after it."""
        return text[:1].upper() + text[1:] + self.tr(".", "ends a sentence")

    def _editable_task(self) -> int | None:
        """The task shown, when it may be edited (None: none shown, or the filter hides it)."""
        return None if self._read_only else self._task_id

    def set_status(self, status: str) -> None:
        task_id = self._editable_task()
        if task_id is None or status == self.reviews.state(task_id, self.reviewer).status:
            return
        self._push(self.tr(STATUS_ACTIONS[STATUSES.index(status)]).replace("&", ""), task_id,
                   lambda: self.reviews.set_state(task_id, self.reviewer, status=status), self.reviews.restore_state,
                   changed=self._status_changed)

    def set_flag(self, flagged: bool) -> None:
        task_id = self._editable_task()
        if task_id is None or flagged == self.reviews.state(task_id, self.reviewer).flagged:
            return
        self._push(self.tr("Flag Task") if flagged else self.tr("Unflag Task"), task_id,
                   lambda: self.reviews.set_state(task_id, self.reviewer, flagged=flagged), self.reviews.restore_state)

    def add_note(self, text: str) -> None:
        task_id = self._editable_task()
        reviews = self.reviews
        if task_id is not None and self._push(self.tr("Add Note"), task_id,
                                              lambda: reviews.add_note(task_id, text, self.reviewer),
                                              lambda note: reviews.delete_note(note.id, note.author),
                                              reviews.restore_note):
            self.pane.finish_edit()

    def edit_note(self, note_id: str, text: str) -> None:
        note = self.reviews.note(note_id)
        if self._push(self.tr("Edit Note"), note.task_id, lambda: self.reviews.edit_note(note_id, text, self.reviewer),
                      self.reviews.restore_note):
            self.pane.finish_edit()

    def delete_note(self, note_id: str) -> None:
        note = self.reviews.note(note_id)
        self._push(self.tr("Delete Note"), note.task_id, lambda: self.reviews.delete_note(note_id, self.reviewer),
                   self.reviews.restore_note)

    def resolve_conflict(self, note_id: str, keep: str) -> None:
        note = self.reviews.note(note_id)
        self._push(self.tr("Resolve Conflict"), note.task_id, lambda: self.reviews.resolve_conflict(note_id, keep),
                   self.reviews.restore_note)

    # Review files ---------------------------------------------------------------------------------------
    def _choose_export_file(self) -> None:
        if self.session.plan_id is None:
            return
        name = re.sub(r"[^\w.-]+", "-", self.reviewer).strip("-") or "reviewer"
        suggested = self._review_folder() / f"review-{name}-{date.today().isoformat()}.json"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export My Review"), str(suggested),
                                              self.tr("Review files (*.json);;All files (*)"))
        if path:
            self._remember_folder(Path(path))
            self.export_review(Path(path))

    def _review_folder(self) -> Path:
        """The folder review files were last written to or read from; the documents folder at first."""
        return self.context.settings.folder(keys.REVIEW_FOLDER)

    def _remember_folder(self, file: Path) -> None:
        self.context.settings.set(keys.REVIEW_FOLDER, str(file.parent))

    def export_review(self, path: Path) -> None:
        """Write the reviewer's notes and statuses of the shown plan to a review file."""
        try:
            summary = self.reviews.export_review(self.session.required_plan(), path, reviewer=self.reviewer)
        except (ExportError, DatabaseError) as error:
            show_error(self.window, self.tr("Export My Review"), error)
            return
        self.window.statusBar().showMessage(
            self.tr("Wrote %1 and %2 to %3").replace("%1", self._notes_count(summary.notes))
            .replace("%2", self._statuses_count(summary.states)).replace("%3", path.name), 8000)

    def _choose_import_file(self) -> None:
        if self.session.plan_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import Review"), str(self._review_folder()),
                                              self.tr("Review files (*.json);;All files (*)"))
        if path:
            self._remember_folder(Path(path))
            self.import_review(Path(path))

    def import_review(self, path: Path) -> None:
        """Merge a colleague's review file on a worker thread, then show everything again and a summary."""
        database, plan_id = self.session.path, self.session.required_plan()

        def merge(progress: Progress, cancelled: CancelCheck) -> ExchangeSummary:
            with PlanSession.open(database, plan_id) as session:
                return session.reviews.import_review(plan_id, path)

        job = Job(merge)
        progress = slow_work_dialog(self.window, self.tr("Merging %1…").replace("%1", path.name))
        job.succeeded.connect(lambda summary: (self._import_done(progress), self._imported(path, summary)))
        job.failed.connect(lambda error: (self._import_done(progress), self._import_refused(path, error)))
        self._enable_imports(False)
        job.start(self.context.thread_pool)

    def _import_refused(self, path: Path, error: PlanReviewError) -> None:
        if isinstance(error, UntrustedKeyError):
            self.ask_trust(path, error)
        else:
            show_error(self.window, self.tr("Import Review"), error)

    def ask_trust(self, path: Path, error: UntrustedKeyError) -> QMessageBox:
        """Show a file signed by a key this database does not know for its signer (window-modal, not blocking):
        the reviewer, the key known and the file's key; accepting the new key trusts it and imports the file."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unknown Signing Key"),
                          self.tr("“%1” says it was signed by %2, but with another key than the one this database "
                                  "knows for %2.").replace("%1", path.name).replace("%2", error.reviewer),
                          QMessageBox.StandardButton.Cancel, self.window, objectName="untrustedKeyDialog")
        known = "\n".join(error.known)
        box.setInformativeText(
            self.tr("Key known for %1:\n%2\n\nKey of this file:\n%3\n\nSomeone else may have written this file "
                    "under %1's name. Trust the new key only if %1 confirms it (for example by reading its "
                    "fingerprint to you: plan-review review whoami --key).")
            .replace("%1", error.reviewer).replace("%2", known).replace("%3", error.key))
        trust = box.addButton(self.tr("Trust New Key and Import"), QMessageBox.ButtonRole.AcceptRole)
        trust.setObjectName("trustKey")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        trust.clicked.connect(lambda: self._trust_and_import(path, error))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _trust_and_import(self, path: Path, error: UntrustedKeyError) -> None:
        try:
            self.reviews.trust_key(error.reviewer, error.key)
        except KNOWN_EDIT_ERRORS as failure:
            self._show_failure(failure)
            return
        self.import_review(path)

    def _import_done(self, progress: QProgressDialog) -> None:
        progress.close()
        progress.deleteLater()
        self._enable_imports(True)

    def _enable_imports(self, enabled: bool) -> None:
        """While a review file or feedback is read in, no other import starts and the window stays on its
        database."""
        for name in ("import", "feedback", "feedback-folder"):
            self.actions[name].setEnabled(enabled)
        self.window.enable_database_actions(enabled)

    # Feedback workbooks -----------------------------------------------------------------------------------
    def _choose_feedback_files(self) -> None:
        if self.session.plan_id is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import Feedback"), str(self._review_folder()),
                                                self.tr("Excel workbooks (*.xlsx);;All files (*)"))
        if paths:
            self._remember_folder(Path(paths[0]))
            self.import_feedback([Path(path) for path in paths])

    def _choose_feedback_folder(self) -> None:
        if self.session.plan_id is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import Feedback Folder"),
                                                  str(self._review_folder()))
        if folder:
            self.context.settings.set(keys.REVIEW_FOLDER, folder)
            self.import_feedback([Path(folder)])

    def import_feedback(self, paths: list[Path]) -> None:
        """Read returned feedback workbooks (files or folders) on a worker thread, in one transaction; then
        one step of Undo, everything shown again, and a report of what came in."""
        from data.feedback import import_feedback

        database, plan_id = self.session.path, self.session.required_plan()

        def read(progress: Progress, cancelled: CancelCheck) -> FeedbackReport:
            with PlanSession.open(database, plan_id) as session:
                return import_feedback(session.reviews, plan_id, paths)

        job = Job(read)
        progress = slow_work_dialog(self.window, self.tr("Reading feedback…"))
        job.succeeded.connect(lambda report: (self._import_done(progress), self._feedback_read(report)))
        job.failed.connect(lambda error: (
            self._import_done(progress),
            show_error(self.window, self.tr("Import Feedback"), error)))
        self._enable_imports(False)
        job.start(self.context.thread_pool)

    def _feedback_read(self, report: FeedbackReport) -> None:
        from data.feedback import restore

        if report.before:
            self.undo_stack.push(RecordsCommand(self.tr("Import Feedback"), report.before,
                                                lambda records: restore(self.reviews, records), self.refresh,
                                                self._show_failure))
        self.refresh()
        self.feedback_report = self._feedback_box(report)
        self.feedback_report.open()

    def _feedback_box(self, report: FeedbackReport) -> QMessageBox:
        """What came in: departments that answered, tasks changed; the refused files and rows in the details."""
        lines = []
        if report.departments:
            lines.append(_counted(len(report.departments), self.tr("1 department answered:"),
                                  self.tr("%1 departments answered:")))
            lines += [f"• {name}: " + _counted(count, self.tr("1 task"), self.tr("%1 tasks"))
                      for name, count in sorted(report.departments.items())]
            lines.append("")
        changed = report.changed_tasks
        lines.append(_counted(len(changed), self.tr("1 task changed"), self.tr("%1 tasks changed"))
                     + (f" ({', '.join(map(str, changed))})." if changed else "."))
        if report.unchanged:
            lines.append(_counted(report.unchanged, self.tr("1 answer was stored already and changed nothing."),
                                  self.tr("%1 answers were stored already and changed nothing.")))
        language = current_language()
        refused = [f"{error.path}: {problem_text(error)}" for error in report.refused_files]
        refused += [row.text.worded(language) for row in report.refused_rows]
        if report.refused_files:
            lines.append(_counted(len(report.refused_files), self.tr("1 file was refused: nothing was stored from it."),
                                  self.tr("%1 files were refused: nothing was stored from them.")))
        if report.refused_rows:
            lines.append(_counted(len(report.refused_rows), self.tr("1 row could not be matched and was not read."),
                                  self.tr("%1 rows could not be matched and were not read.")))
        icon = QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information
        box = QMessageBox(icon, self.tr("Import Feedback"), "\n".join(lines), QMessageBox.StandardButton.Close,
                          self.window, objectName="feedbackReport")
        if refused:
            box.setInformativeText(self.tr("Show Details… names each one and why."))
            box.setDetailedText("\n".join(refused))
        return box

    def _imported(self, path: Path, summary: ExchangeSummary) -> None:
        self.refresh()
        if summary.notes or summary.states:
            text = self.tr("Merged from “%1”: %2, %3.").replace("%1", path.name) \
                .replace("%2", self._notes_count(summary.notes)).replace("%3", self._statuses_count(summary.states))
            if summary.conflicts:
                tasks = ", ".join(str(number) for number in summary.conflict_tasks)
                text += "\n\n" + (self.tr("1 conflict to settle, in task %2.") if summary.conflicts == 1 else
                                   self.tr("%1 conflicts to settle, in tasks %2.")).replace(
                    "%1", str(summary.conflicts)).replace("%2", tasks)
                text += " " + self.tr("The Conflicts filter now shows them; choose the version to keep of each.")
                self.show_conflicts()
        else:
            text = self.tr("“%1” holds nothing new: it was merged before.").replace("%1", path.name)
        if summary.signer is None:
            text += "\n\n" + self.tr("This file is not signed (it was written by a Plan Review older than signed "
                                      "review files): who wrote it cannot be checked.")
            QMessageBox.warning(self.window, self.tr("Import Review"), text)
        else:
            text += "\n\n" + self.tr("Signed by %1.").replace("%1", summary.signer)
            QMessageBox.information(self.window, self.tr("Import Review"), text)

    def show_conflicts(self) -> None:
        """Narrow the table to the tasks with conflicts to settle, and choose the first of them."""
        self.conflicts_filter.setChecked(True)
        ids = self.window.table_model.task_ids
        if ids:
            self.window.choose_task(ids[0])

    def _notes_count(self, count: int) -> str:
        return self.tr("1 note") if count == 1 else self.tr("%1 notes").replace("%1", str(count))

    def _statuses_count(self, count: int) -> str:
        return self.tr("1 status") if count == 1 else self.tr("%1 statuses").replace("%1", str(count))
