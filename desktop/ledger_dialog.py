"""View ▸ Ledger… and View ▸ Dashboard…: the ledger (台账) of the departments' feedback in a window of tabs
(tasks, departments, the reminder list, the dashboard), the office's deadlines set there (undoable), the
dashboard printed; and File ▸ Export Ledger…, written on the thread pool like the other exports."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QDir, QThreadPool
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QScrollArea,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from data.errors import PlanReviewError
from data.language import CHINESE, ENGLISH
from data.ledger import Ledger, build_ledger
from data.session import PlanSession

from .context import AppContext
from .dashboard import DashboardWidget
from .export_dialog import BackgroundExportDialog
from .ledger_models import LedgerDepartmentsModel, LedgerTasksModel
from .messages import show_error
from .review_commands import MadeCommand
from .screens import fit_on_screen

TASK_COLUMN_WIDTHS = (5, 60, 28, 28, 22, 50, 9)  # characters: no., task, lead, participants, deadline, progress, overdue
TASKS_TAB, DEPARTMENTS_TAB, REMINDER_TAB, DASHBOARD_TAB = range(4)


class DeadlineCommand(MadeCommand):
    """Set Deadline: the office's deadline of a task, already set when pushed; undone and redone through the store."""

    def __init__(self, text: str, session: PlanSession, task_id: int, day: date | None, before: date | None,
                 failed: Callable[[PlanReviewError], None]):
        super().__init__(text, failed)
        self.session, self.task_id, self.day, self.before = session, task_id, day, before

    def _make(self, redo: bool) -> None:
        self.session.store.set_office_deadline(self.task_id, self.day if redo else self.before)


class DeadlineDialog(QDialog):
    """A date for the office's deadline of a task, or none (the plan's own deadline counts again)."""

    def __init__(self, number: int, day: date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set Deadline of Task %1").replace("%1", str(number)))
        self.date_edit = QDateEdit(objectName="deadlineDate", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_edit.setDate(QDate(day) if day else QDate.currentDate())
        self.clear_box = QCheckBox(self.tr("No deadline set by the office (the plan's own counts)"),
                                   objectName="clearDeadline")
        self.clear_box.toggled.connect(lambda checked: self.date_edit.setEnabled(not checked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Deadline:"), self.date_edit)
        form.addRow(self.clear_box)
        form.addRow(buttons)

    def chosen(self) -> date | None:
        return None if self.clear_box.isChecked() else self.date_edit.date().toPython()


class LedgerDialog(QDialog):
    """The ledger of the plan shown, as of today: tabs of tasks, departments, reminder and dashboard."""

    def __init__(self, context: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent, objectName="ledgerDialog")
        self.setWindowTitle(self.tr("Ledger"))
        self.context, self.undo_stack = context, undo_stack
        ledger = self._build()
        self.summary = QLabel(objectName="ledgerSummary")
        self.tasks_model = LedgerTasksModel(ledger, self)
        self.departments_model = LedgerDepartmentsModel(ledger, self)
        self.tasks_view = self._table(self.tasks_model, "ledgerTasks")
        self.tasks_view.setWordWrap(True)
        for column, characters in enumerate(TASK_COLUMN_WIDTHS):
            self.tasks_view.setColumnWidth(column, self.fontMetrics().averageCharWidth() * characters)
        self.tasks_view.doubleClicked.connect(self.set_deadline)
        self.departments_view = self._table(self.departments_model, "ledgerDepartments")
        self.departments_view.resizeColumnsToContents()
        self.departments_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reminder = QPlainTextEdit(objectName="reminder", readOnly=True)
        copy = QPushButton(self.tr("&Copy Reminder"), objectName="copyReminder")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.reminder.toPlainText()))
        reminder_tab = QWidget()
        reminder_layout = QVBoxLayout(reminder_tab)
        reminder_layout.addWidget(self.reminder)
        reminder_layout.addWidget(copy)
        self.dashboard = DashboardWidget(ledger)
        scroll = QScrollArea(objectName="dashboardScroll", widgetResizable=True)
        scroll.setWidget(self.dashboard)
        self.tabs = QTabWidget(objectName="ledgerTabs")
        self.tabs.addTab(self.tasks_view, self.tr("Tasks"))
        self.tabs.addTab(self.departments_view, self.tr("Departments"))
        self.tabs.addTab(reminder_tab, self.tr("Reminder"))
        self.tabs.addTab(scroll, self.tr("Dashboard"))
        deadline = QPushButton(self.tr("Set &Deadline…"), objectName="setDeadline")
        deadline.clicked.connect(lambda: self.set_deadline(self.tasks_view.currentIndex()))
        preview = QPushButton(self.tr("&Print Dashboard…"), objectName="printDashboard")
        preview.clicked.connect(self.preview_dashboard)
        buttons = QHBoxLayout()
        buttons.addWidget(deadline)
        buttons.addWidget(preview)
        buttons.addStretch()
        close = QPushButton(self.tr("Close"), objectName="closeLedger")
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self._show(ledger)
        fit_on_screen(self, 1100, 700)
        undo_stack.indexChanged.connect(self._edited)

    @property
    def session(self) -> PlanSession:
        """The window's session (the database and plan it shows now)."""
        assert self.context.session is not None, "the window opens a session before the ledger"
        return self.context.session

    def _edited(self) -> None:
        """An edit was made, undone or redone (feedback read in, a deadline set), or another plan is shown:
        show the ledger anew, while the window and the ledger are open."""
        if self.isVisible() and self.parentWidget() is not None and self.parentWidget().isVisible():
            self.refresh()

    def _build(self) -> Ledger:
        return build_ledger(self.session.reviews, self.session.required_plan())

    def _table(self, model, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        return view

    def _show(self, ledger: Ledger) -> None:
        """Show this ledger in every tab."""
        self.ledger = ledger
        answered = len(ledger.departments) - len(ledger.waiting)
        self.summary.setText(self.tr("%1 of %2 departments answered · %3 of %4 tasks overdue (as of %5)")
                             .replace("%1", str(answered)).replace("%2", str(len(ledger.departments)))
                             .replace("%3", str(len(ledger.overdue))).replace("%4", str(len(ledger.tasks)))
                             .replace("%5", ledger.today.isoformat()))
        self.reminder.setPlainText("\n".join(self.reminder_lines(ledger)))
        self.dashboard.set_ledger(ledger)
        self.tasks_view.resizeRowsToContents()  # wrapped texts, one line per department

    def reminder_lines(self, ledger: Ledger) -> list[str]:
        """The departments that have not answered, under a heading, ready to paste into a message."""
        if not ledger.waiting:
            return [self.tr("Every department has answered.")]
        return [self.tr("Not answered yet (%1 of %2 departments):").replace("%1", str(len(ledger.waiting)))
                .replace("%2", str(len(ledger.departments))),
                *(self.tr("- %1 (%2 tasks)").replace("%1", d.name).replace("%2", str(d.tasks))
                  for d in ledger.waiting)]

    def refresh(self) -> None:
        """Read the ledger again (feedback came in, a deadline was set)."""
        ledger = self._build()
        self.tasks_model.set_ledger(ledger)
        self.departments_model.set_ledger(ledger)
        self._show(ledger)

    def set_deadline(self, index) -> None:
        """Ask for the office's deadline of the task at `index`; set it as one undoable step."""
        if not index.isValid():
            return
        task = self.tasks_model.task(index.row())
        dialog = DeadlineDialog(task.number, task.due if task.due_from_office else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day = dialog.chosen()
        if day == (task.due if task.due_from_office else None):
            return
        title = self.tr("Set Deadline of Task %1").replace("%1", str(task.number))
        try:
            before = self.session.store.set_office_deadline(task.task_id, day)
        except PlanReviewError as error:
            show_error(self, title, error)
            return
        self.undo_stack.push(DeadlineCommand(title, self.session, task.task_id, day, before,
                                             lambda failure: show_error(self, title, failure)))

    def print_dashboard(self, printer: QPrinter) -> int:
        return self.dashboard.print_to(printer)

    def preview_dashboard(self) -> QPrintPreviewDialog:
        """A print preview of the dashboard; it prints (or saves a PDF) from there."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self, objectName="dashboardPreview")
        preview.setWindowTitle(self.tr("Print Dashboard"))
        preview.paintRequested.connect(self.print_dashboard)
        preview.printer = printer  # kept alive with the dialog
        preview.open()
        self.preview = preview
        return preview


class LedgerExportDialog(BackgroundExportDialog):
    """File ▸ Export Ledger…: format, language and destination of the ledger, as of today."""

    file_names = {ENGLISH: "ledger", CHINESE: "工作台账"}

    def __init__(self, db_path: Path, plan_id: int, thread_pool: QThreadPool | None = None,
                 folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(db_path, thread_pool, parent)
        self.setWindowTitle(self.tr("Export Ledger"))
        self.plan_id = plan_id
        destination_row = self._format_and_destination(Path(folder) if folder else Path(QDir.homePath()))
        self._suggest_destination()
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Save to:"), destination_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._buttons())

    def start_export(self) -> None:
        from exporters.export import LedgerRequest

        self._run(LedgerRequest(self.plan_id, self.chosen_format(), Path(self.destination.text()),
                                language=self.chosen_language()),
                  self.tr("Writing the ledger…"))
