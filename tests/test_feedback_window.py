"""Feedback in the window: the export dialog's box, File ▸ Import Feedback… and its report, undo, the pane."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from data.identity import Identity, store_identity
from data.review import ReviewStore
from desktop.export_dialog import ExportDialog
from tests.feedback_sheets import export_feedback, fill, task_rows, task_sheet
from tests.test_window import CNIPA, PLAN, click, open_window, settings_folder  # noqa: F401 (fixtures)

WAIT_MS = 20000
CNIPA_NAME = "China National Intellectual Property Administration"


@pytest.fixture
def window(open_window, sample_db):  # noqa: F811
    store_identity(Identity("Ann"))
    return open_window(sample_db)


def test_the_export_dialog_writes_feedback_workbooks_into_a_folder(qtbot, sample_db, store, tmp_path):
    cnipa = store.find_department("CNIPA")
    dialog = ExportDialog(sample_db, 1, store.departments(1), selected_ids=[cnipa.id], folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert not dialog.for_feedback.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.include_review.setChecked(True)
    dialog.for_feedback.setChecked(True)
    assert not dialog.per_department.isEnabled() and not dialog.include_review.isEnabled()
    assert dialog.destination.text() == str(tmp_path / "feedback-workbooks")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=WAIT_MS)
    written = tmp_path / "feedback-workbooks" / f"1 {CNIPA_NAME}.xlsx"
    assert dialog.result_box.text() == f"Wrote {written}"
    header = [c.value for c in task_sheet(openpyxl.load_workbook(written))[5]]
    assert "Review status" not in header and "Progress" in header
    dialog.result_box.reject()


def test_import_feedback_reports_shows_the_departments_progress_and_undoes_in_one_step(qtbot, window, store,
                                                                                      tmp_path, monkeypatch):
    sheets = export_feedback(store, tmp_path / "out", names=(CNIPA_NAME,))
    path = sheets[CNIPA_NAME]
    numbers = list(task_rows(task_sheet(openpyxl.load_workbook(path))))
    fill(path, {numbers[0]: {"progress": "done", "account": "Issued."}, numbers[1]: {"progress": "finished"}})
    stranger = tmp_path / "out" / "stranger.xlsx"
    openpyxl.Workbook().save(stranger)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path / "out"))
    window.review.actions["feedback-folder"].trigger()
    qtbot.waitUntil(lambda: getattr(window.review, "feedback_report", None) is not None
                    and window.review.feedback_report.isVisible(), timeout=WAIT_MS)
    box = window.review.feedback_report
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == (f"1 department answered:\n• {CNIPA_NAME}: 1 task\n\n1 task changed ({numbers[0]}).\n"
                          "1 file was refused: nothing was stored from it.\n"
                          "1 row could not be matched and was not read.")
    details = box.detailedText().splitlines()
    assert details[0] == f"{stranger}: is not a feedback workbook (it holds no Plan Review identifiers)"
    assert details[1].startswith(f"{path.name}, row ") and "'finished' is not one of" in details[1]
    box.close()
    model = window.table_model
    tip = model.data(model.index(model.row_of(store.task_id_by_number(PLAN, numbers[0])), model.column_of("status")),
                     Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Feedback: {CNIPA_NAME}: Done"
    window.choose_task(store.task_id_by_number(PLAN, numbers[0]))
    assert f"Feedback: {CNIPA_NAME}: <span" in window.review.pane.reviewers_label.text()
    assert "Done" in window.review.pane.reviewers_label.text()
    assert window.review.undo_stack.undoText() == "Import Feedback"
    window.review.undo_stack.undo()
    assert ReviewStore(store).notes(PLAN) == []
    window.review.undo_stack.redo()
    assert [n.text for n in ReviewStore(store).notes(PLAN)] == ["Progress: done.\nIssued."]
