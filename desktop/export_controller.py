"""File ▸ Export Assignment Sheets…, Export Review Report…, Export Ledger…, Print Preview… and Print…, and
View ▸ Ledger… and Dashboard… in the main window.

The dialogs and the printing support load when first used, not when the window starts.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from data.session import PlanSession

from .context import AppContext
from .models import department_name, name_order
from .settings import LAST_EXPORT_FOLDER

if TYPE_CHECKING:
    from .export_dialog import BackgroundExportDialog, ExportDialog
    from .ledger_dialog import LedgerDialog
    from .review_controller import ReviewController
    from .review_report_dialog import ReviewReportDialog


class ExportHost(Protocol):
    """The public parts of the window (MainWindow) that the export controller uses."""

    menus: dict[str, QMenu]
    named_actions: dict[str, QAction]
    review: ReviewController

    def selected_department_ids(self) -> tuple[int, ...]: ...


class ExportController(QObject):
    """Adds the assignment-sheet actions to the window's File menu and runs them."""

    def __init__(self, context: AppContext, window: ExportHost):
        super().__init__(window)  # type: ignore[arg-type]  # the host is a QMainWindow
        self.context, self.window = context, window
        self.dialog: BackgroundExportDialog | None = None
        self.ledger: LedgerDialog | None = None
        self.actions = {
            "export": self._action(self.tr("&Export Assignment Sheets…"), self.export_sheets, "Ctrl+E",
                                   "exportSheets"),
            "report": self._action(self.tr("Export Re&view Report…"), self.export_review_report, None,
                                   "exportReviewReport"),
            "ledger-export": self._action(self.tr("Export &Ledger…"), self.export_ledger, None, "exportLedger"),
            "preview": self._action(self.tr("Print Pre&view…"), self.preview_sheet, "Ctrl+Shift+P",
                                    "printPreview"),
            "print": self._action(self.tr("&Print…"), self.print_sheet, QKeySequence.StandardKey.Print,
                                  "printSheet"),
        }
        file_menu = window.menus["file"]
        before = window.named_actions["quit"]
        separator = file_menu.insertSeparator(before)
        file_menu.insertActions(separator, list(self.actions.values()))
        self.view_actions = {"ledger": self._action(self.tr("&Ledger…"), lambda: self.show_ledger(), None,
                                                    "showLedger"),
                             "dashboard": self._action(self.tr("Das&hboard…"), self.show_dashboard, None,
                                                       "showDashboard")}
        window.menus["view"].addSeparator()
        window.menus["view"].addActions(list(self.view_actions.values()))

    def _action(self, text: str, slot, shortcut, name: str) -> QAction:
        action = QAction(text, self.window, objectName=name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    @property
    def session(self) -> PlanSession:
        assert self.context.session is not None, "the window opens a session before it builds its controllers"
        return self.context.session

    # Export ---------------------------------------------------------------------------------------------
    def shown_department_ids(self) -> list[int]:
        """The departments named by the tasks the table shows now (lead or participant)."""
        return self.session.shown_department_ids()

    def _last_export_folder(self) -> Path:
        return self.context.settings.folder(LAST_EXPORT_FOLDER)

    def _open(self, dialog: BackgroundExportDialog) -> BackgroundExportDialog:
        """Show the dialog; when it closes, remember the folder it wrote to."""
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.context.settings.set(
            LAST_EXPORT_FOLDER, str(self._export_folder(dialog))))
        dialog.open()
        return dialog

    def export_sheets(self) -> ExportDialog:
        from .export_dialog import ExportDialog

        session, plan_id = self.session, self.session.required_plan()
        return self._open(ExportDialog(session.path, plan_id, session.store.departments(plan_id),
                                       selected_ids=self.window.selected_department_ids(),
                                       shown_ids=self.shown_department_ids(),
                                       thread_pool=self.context.thread_pool,
                                       folder=self._last_export_folder(), parent=self.window))

    def export_review_report(self) -> ReviewReportDialog:
        from .review_report_dialog import ReviewReportDialog

        return self._open(ReviewReportDialog(self.session.path, self.session.required_plan(),
                                             thread_pool=self.context.thread_pool,
                                             folder=self._last_export_folder(), parent=self.window))

    def export_ledger(self) -> BackgroundExportDialog:
        from .ledger_dialog import LedgerExportDialog

        return self._open(LedgerExportDialog(self.session.path, self.session.required_plan(),
                                             thread_pool=self.context.thread_pool,
                                             folder=self._last_export_folder(), parent=self.window))

    # Ledger and dashboard -------------------------------------------------------------------------------
    def show_ledger(self, tab: int | None = None) -> LedgerDialog:
        """The ledger window (one, kept), read anew, on the tab asked for."""
        from .ledger_dialog import LedgerDialog

        if self.ledger is None:
            self.ledger = LedgerDialog(self.context, self.window.review.undo_stack, self.window)
        else:
            self.ledger.refresh()
        if tab is not None:
            self.ledger.tabs.setCurrentIndex(tab)
        self.ledger.show()
        self.ledger.raise_()
        return self.ledger

    def show_dashboard(self) -> LedgerDialog:
        from .ledger_dialog import DASHBOARD_TAB

        return self.show_ledger(DASHBOARD_TAB)

    @staticmethod
    def _export_folder(dialog: BackgroundExportDialog) -> Path:
        """The folder the export wrote into: a file's folder, or the folder that holds the per-department
        folder (so the next export does not start inside that one)."""
        return Path(dialog.destination.text()).parent

    # Print ----------------------------------------------------------------------------------------------
    def department_to_print(self) -> int | None:
        """The department selected in the Departments panel, else one the user picks."""
        selected = self.window.selected_department_ids()
        if selected:
            return selected[0]
        departments = sorted(self.session.store.departments(self.session.required_plan()), key=name_order())
        names = [department_name(d) for d in departments]
        name, chosen = QInputDialog.getItem(self.window, self.tr("Print Assignment Sheet"),
                                            self.tr("Department:"), names, 0, False)
        return departments[names.index(name)].id if chosen and name in names else None

    def preview_sheet(self) -> None:
        department_id = self.department_to_print()
        if department_id is not None:
            from .pdf_print import preview_department_sheet

            self.preview = preview_department_sheet(self.window, self.session.store, self.session.required_plan(),
                                                    department_id)

    def print_sheet(self) -> None:
        department_id = self.department_to_print()
        if department_id is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from .pdf_print import PdfPages, department_sheet_pdf

        pages = PdfPages(department_sheet_pdf(self.session.store, self.session.required_plan(), department_id))
        printer = pages.printer()
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        pages.paint(printer)
        if printer.printerState() == QPrinter.PrinterState.Error:
            QMessageBox.warning(self.window, self.tr("Print"), self.tr("The printer reported an error."))
