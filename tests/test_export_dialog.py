"""The Export Assignment Sheets dialog and the print preview, driven headless with qtbot."""
from __future__ import annotations

import io

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pypdf import PdfReader

from desktop import export_dialog
from desktop.export_dialog import ExportDialog
from desktop.pdf_print import department_sheet_pdf, preview_department_sheet

WAIT_MS = 20000


@pytest.fixture
def make_dialog(qtbot, sample_db, store):
    def make(**choices):
        dialog = ExportDialog(sample_db, 1, store.departments(1), **choices)
        qtbot.addWidget(dialog)
        return dialog
    return make


def export_and_wait(qtbot, dialog):
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=WAIT_MS)
    return dialog.result_box


def test_exports_all_departments_to_one_workbook(qtbot, make_dialog, tmp_path, store):
    dialog = make_dialog(folder=tmp_path)
    assert dialog.destination.text() == str(tmp_path / "assignment-sheets.xlsx")
    assert dialog.scope_radios["all"].isChecked()
    assert not dialog.scope_radios["selected"].isEnabled()
    dialog.destination.setText(str(tmp_path / "sheets.xlsx"))
    box = export_and_wait(qtbot, dialog)
    assert box.icon() == QMessageBox.Icon.Information
    assert any(b.text() == "Open" for b in box.buttons())
    workbook = openpyxl.load_workbook(tmp_path / "sheets.xlsx")
    assert len(workbook.sheetnames) == 2 + len(store.departments(1))
    box.reject()


def test_the_suggested_name_is_in_the_language_the_sheets_are_worded_in(qtbot, make_dialog, tmp_path):
    """Chinese sheets are suggested as 任务分工表.xlsx (a folder of them as 任务分工表), English ones as
    assignment-sheets.xlsx; the folder chosen stays."""
    from data.language import CHINESE, ENGLISH

    dialog = make_dialog(folder=tmp_path)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(CHINESE))
    assert dialog.destination.text() == str(tmp_path / "任务分工表.xlsx")
    dialog.per_department.setChecked(True)
    assert dialog.destination.text() == str(tmp_path / "任务分工表")
    dialog.for_feedback.setChecked(True)
    assert dialog.destination.text() == str(tmp_path / "反馈表")
    dialog.for_feedback.setChecked(False)
    dialog.per_department.setChecked(False)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(ENGLISH))
    assert dialog.destination.text() == str(tmp_path / "assignment-sheets.xlsx")


def test_exports_the_selected_departments_as_pdf_files(qtbot, make_dialog, tmp_path, store):
    cnipa, moe = store.find_department("CNIPA"), store.find_department("MOE")
    dialog = make_dialog(selected_ids=[cnipa.id, moe.id], shown_ids=[cnipa.id])
    assert dialog.scope_radios["selected"].isChecked()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.per_department.setChecked(True)
    assert dialog.destination.text().endswith("assignment-sheets")
    dialog.destination.setText(str(tmp_path / "pdfs"))
    box = export_and_wait(qtbot, dialog)
    assert sorted(p.name for p in (tmp_path / "pdfs").iterdir()) == [
        "1 China National Intellectual Property Administration.pdf", "2 Ministry of Education.pdf"]
    assert box.text() == (f"Wrote 2 files in {tmp_path / 'pdfs'}:\n• 1 China National Intellectual Property "
                          "Administration.pdf\n• 2 Ministry of Education.pdf")
    assert [b.text() for b in box.buttons() if b.text() != "Close"] == ["Open Folder"]
    box.reject()


def test_exports_the_departments_the_filter_shows(qtbot, make_dialog, tmp_path, store):
    cnipa = store.find_department("CNIPA")
    dialog = make_dialog(shown_ids=[cnipa.id])
    dialog.scope_radios["shown"].setChecked(True)
    assert dialog.chosen_ids() == [cnipa.id]
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.destination.text().endswith("assignment-sheets.pdf")
    dialog.destination.setText(str(tmp_path / "cnipa.xlsx"))  # the chosen format fixes the extension
    box = export_and_wait(qtbot, dialog)
    assert box.text() == f"Wrote {tmp_path / 'cnipa.pdf'}"
    assert sorted(b.text() for b in box.buttons() if b.text() != "Close") == ["Open", "Open Folder"]
    box.reject()
    assert [e.title for e in PdfReader(tmp_path / "cnipa.pdf").outline] == [
        "China National Intellectual Property Administration  国家知识产权局"]


def test_an_unwritable_destination_shows_the_problem(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    dialog.destination.setText(str(tmp_path / "missing folder" / "sheets.xlsx"))
    box = export_and_wait(qtbot, dialog)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "missing folder" in box.text()
    assert dialog.export_button.isEnabled()
    box.reject()


def test_a_slow_export_shows_progress_and_cancel_leaves_no_file(qtbot, make_dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(export_dialog, "SLOW_EXPORT_MS", 0)  # every export counts as slow
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = make_dialog()
    dialog.destination.setText(str(folder / "sheets.pdf"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.show()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.isVisible(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.job.cancelled, timeout=WAIT_MS):
        dialog.progress.findChild(QPushButton).click()
    assert dialog.result_box is None
    assert list(folder.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_the_print_preview_shows_the_departments_sheet(qtbot, store):
    cnipa = store.find_department("CNIPA")
    pages = PdfReader(io.BytesIO(department_sheet_pdf(store, 1, cnipa.id))).pages
    text = "".join(page.extract_text() for page in pages)
    assert "国家知识产权局" in text and "Tasks it leads (35)" in text and "Tasks it takes part in (22)" in text
    assert f"Page {len(pages)} of \n{len(pages)}" in pages[-1].extract_text()  # the total: a form the PDF draws later
    preview = preview_department_sheet(None, store, 1, cnipa.id)
    qtbot.addWidget(preview)
    assert preview.isVisible()
    preview.reject()


def test_printing_waits_while_an_import_reads_a_pdf(qtbot, store, tmp_path):
    """PDFium is not thread-safe: printing takes its turn after an import's worker thread is done with it."""
    import threading
    import time

    from PySide6.QtPrintSupport import QPrinter

    from data.pdfium import PDFIUM
    from desktop.pdf_print import PdfPages

    pages = PdfPages(department_sheet_pdf(store, 1, store.find_department("CNIPA").id))
    printer = pages.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    reading, done = threading.Event(), threading.Event()

    def import_reading_a_pdf():
        with PDFIUM:
            reading.set()
            done.wait(10)

    threading.Thread(target=import_reading_a_pdf, daemon=True).start()
    assert reading.wait(10)
    threading.Timer(0.5, done.set).start()
    start = time.perf_counter()
    pages.paint(printer)
    assert time.perf_counter() - start > 0.4
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(pages)


def test_the_sheets_can_include_the_review(qtbot, make_dialog, tmp_path, store):
    from data.review import ReviewStore

    cnipa = store.find_department("CNIPA")
    ReviewStore(store).add_note(store.task_id_by_number(1, 1), "=1+1 is a note, not a formula", "Ann")
    dialog = make_dialog(selected_ids=[cnipa.id])
    dialog.include_review.setChecked(True)
    dialog.destination.setText(str(tmp_path / "cnipa.xlsx"))
    export_and_wait(qtbot, dialog).reject()
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "cnipa.xlsx")["CNIPA"][5]]
    assert header[-2:] == ["Review status", "Review notes"]
