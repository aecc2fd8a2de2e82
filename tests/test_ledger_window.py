"""The ledger and the dashboard in the window: View ▸ Ledger… and Dashboard…, the models, the reminder, an office
deadline set and undone, the dashboard drawn and printed to PDF, File ▸ Export Ledger…."""
from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QPushButton

from data.feedback import import_feedback
from data.identity import Identity, store_identity
from data.ledger import ANSWER_COLOURS, build_ledger
from data.review import ReviewStore
from desktop.dashboard import BAR_HEIGHT, MARGIN
from desktop.ledger_dialog import DASHBOARD_TAB, DEPARTMENTS_TAB, REMINDER_TAB, DeadlineDialog
from desktop.ledger_models import LedgerDepartmentsModel, LedgerTasksModel
from tests.feedback_sheets import export_feedback, fill
from tests.test_ledger import CNIPA, CYCLE, MOE, WORDS, department_numbers
from tests.test_window import open_window, settings_folder  # noqa: F401 (fixtures)



@pytest.fixture
def window(open_window, sample_db, tmp_path):  # noqa: F811
    store_identity(Identity("Ann"))
    window = open_window(sample_db)
    sheets = export_feedback(window.store, tmp_path / "out", names=(CNIPA, MOE))
    for name, path in sheets.items():
        fill(path, {n: {"progress": WORDS[CYCLE[i % 4]]} for i, n in enumerate(department_numbers(window.store, name))})
    import_feedback(ReviewStore(window.store), 1, list(sheets.values()))
    return window


def test_ledger_models_pass_the_model_tester_and_show_the_counts(qtmodeltester, store, tmp_path):
    ledger = build_ledger(ReviewStore(store), 1, date(2021, 1, 1))
    tasks, departments = LedgerTasksModel(ledger), LedgerDepartmentsModel(ledger)
    qtmodeltester.check(tasks)
    qtmodeltester.check(departments)
    assert tasks.rowCount() == len(ledger.tasks) and departments.rowCount() == len(ledger.departments)
    assert departments.data(departments.index(0, 1)) == "No"
    store.set_office_deadline(ledger.tasks[0].task_id, date(2020, 5, 1))
    tasks.set_ledger(build_ledger(ReviewStore(store), 1, date(2021, 1, 1)))
    qtmodeltester.check(tasks)
    assert tasks.data(tasks.index(0, tasks.OVERDUE)) == "Overdue"
    assert tasks.data(tasks.index(0, tasks.DEADLINE)) == "2020-05-01 (set by the office)"
    assert tasks.data(tasks.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None


def test_view_ledger_shows_the_tasks_the_departments_and_the_reminder_to_copy(qtbot, window):
    window.exports.view_actions["ledger"].trigger()
    dialog = window.exports.ledger
    qtbot.waitExposed(dialog)
    ledger = dialog.ledger
    assert dialog.tasks_view.model().rowCount() == len(ledger.tasks)
    assert dialog.summary.text().startswith(f"2 of {len(ledger.departments)} departments answered")
    model = dialog.departments_model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == MOE)
    moe = len(department_numbers(window.store, MOE))
    assert [model.data(model.index(row, c)) for c in range(1, 8)] == [
        "Yes", f"{moe} / {moe}", *(sum(i % 4 == k for i in range(moe)) for k in range(4)), 0]
    dialog.tabs.setCurrentIndex(REMINDER_TAB)
    lines = dialog.reminder.toPlainText().split("\n")
    assert lines[0] == f"Not answered yet ({len(ledger.departments) - 2} of {len(ledger.departments)} departments):"
    assert CNIPA not in dialog.reminder.toPlainText() and len(lines) == len(ledger.departments) - 1
    qtbot.mouseClick(dialog.findChild(QPushButton, "copyReminder"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.reminder.toPlainText()
    dialog.tabs.setCurrentIndex(DEPARTMENTS_TAB)
    shoot(dialog, "ledger-departments")
    dialog.tabs.setCurrentIndex(0)
    shoot(dialog, "ledger-tasks")


def test_an_office_deadline_marks_the_task_overdue_and_undo_takes_it_back(qtbot, window, monkeypatch):
    window.exports.show_ledger()
    dialog = window.exports.ledger
    qtbot.waitExposed(dialog)
    task = dialog.ledger.tasks[3]
    monkeypatch.setattr(DeadlineDialog, "exec", lambda self: (self.date_edit.setDate(QDate(2020, 1, 31)),
                                                              QDialog.DialogCode.Accepted)[1])
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(3, 0))
    qtbot.mouseClick(dialog.findChild(QPushButton, "setDeadline"), Qt.MouseButton.LeftButton)
    assert window.store.office_deadlines(1) == {task.task_id: date(2020, 1, 31)}
    assert dialog.tasks_model.data(dialog.tasks_model.index(3, dialog.tasks_model.OVERDUE)) == "Overdue"
    assert "1 of 100 tasks overdue" in dialog.summary.text()
    window.review.undo_stack.undo()
    assert window.store.office_deadlines(1) == {}
    assert dialog.tasks_model.data(dialog.tasks_model.index(3, dialog.tasks_model.OVERDUE)) == ""
    window.review.undo_stack.redo()
    assert window.store.office_deadlines(1) == {task.task_id: date(2020, 1, 31)}


def test_the_dashboard_draws_each_departments_bars_and_prints_them_to_pdf(qtbot, window, tmp_path):
    window.exports.view_actions["dashboard"].trigger()
    dialog = window.exports.ledger
    qtbot.waitExposed(dialog)
    assert dialog.tabs.currentIndex() == DASHBOARD_TAB
    dashboard = dialog.dashboard
    assert dashboard.height() >= len(dialog.ledger.departments) * 2 * BAR_HEIGHT  # two bars per department
    image = dashboard.grab().toImage()
    shoot(dialog, "dashboard")
    colours = {image.pixelColor(x, y).name().upper()[1:] for x in range(MARGIN, image.width(), 3)
               for y in range(MARGIN, image.height(), 3)}
    assert {ANSWER_COLOURS[kind] for kind in CYCLE} <= colours  # done, under way, blocked and not started drawn
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dashboard.pdf"))
    pages = dialog.print_dashboard(printer)
    assert pages >= 2
    text = subprocess.run(["pdftotext", str(tmp_path / "dashboard.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert MOE in text and "Review progress per reviewer" in text
    assert text.count("\f") == pages
    preview = dialog.preview_dashboard()
    qtbot.waitExposed(preview)
    preview.close()


def shoot(widget, name: str) -> None:
    """Save the widget as a PNG into the folder PLAN_REVIEW_SHOTS names, when set (to look at)."""
    folder = os.environ.get("PLAN_REVIEW_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def test_file_export_ledger_writes_the_chosen_format(qtbot, window, tmp_path):
    dialog = window.exports.export_ledger()
    qtbot.waitExposed(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.destination.setText(str(tmp_path / "ledger.pdf"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.result_box is not None, timeout=20000)
    assert (tmp_path / "ledger.pdf").read_bytes().startswith(b"%PDF")
    dialog.result_box.close()


def test_file_export_ledger_writes_the_language_chosen_whatever_the_interface(qtbot, window, tmp_path):
    dialog = window.exports.export_ledger()
    qtbot.waitExposed(dialog)
    assert dialog.chosen_language() == "en"  # the interface's language
    assert dialog.layout().itemAt(0).layout().labelForField(dialog.language_combo).text() == "Language:"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    dialog.destination.setText(str(tmp_path / "台账.xlsx"))
    shoot(dialog, "ledger-export-dialog")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None, timeout=20000)
    workbook = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    assert workbook.sheetnames == ["工作台账", "各单位反馈情况", "各审阅人审阅进度", "催报名单"]
    assert "国家知识产权局" in {row[0] for row in workbook["各单位反馈情况"].iter_rows(values_only=True)}
    dialog.result_box.close()
