"""Assignment sheets from the main window: File ▸ Export Assignment Sheets…, Print Preview…, Print…."""
from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QInputDialog

from desktop.settings import LAST_EXPORT_FOLDER
from exporters.export import ExportRequest, export_assignment_sheets

from .test_window import CNIPA, choose_department, dialogs, open_window, settings_folder, window  # noqa: F401


def file_menu_names(window) -> list[str]:
    return [a.objectName() for a in window.menus["file"].actions() if a.objectName()]


def test_file_menu_offers_export_and_print_with_shortcuts(window):
    names = file_menu_names(window)
    assert names.index("exportSheets") < names.index("printPreview") < names.index("printSheet") < names.index("quit")
    actions = window.exports.actions
    assert actions["export"].shortcut().toString() == "Ctrl+E"
    assert not actions["print"].shortcut().isEmpty()


def test_export_offers_the_selected_department_and_writes_its_sheet(qtbot, window, tmp_path):
    choose_department(qtbot, window, CNIPA)
    window.exports.actions["export"].trigger()
    dialog = window.exports.dialog
    assert dialog.isVisible() and dialog.scope_radios["selected"].isChecked()
    cnipa_id = window.store.find_department(CNIPA).id
    assert dialog.chosen_ids() == [cnipa_id]
    assert sorted(dialog.choices["shown"]) == window.exports.shown_department_ids()
    target = tmp_path / "cnipa.xlsx"
    dialog.destination.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=20000)
    workbook = load_workbook(target)
    assert len(workbook.sheetnames) == 3  # overview, matrix, the department's sheet
    dialog.result_box.close()
    dialog.reject()
    assert window.context.settings.get(LAST_EXPORT_FOLDER) == str(tmp_path)


def test_file_menu_exports_the_review_report(qtbot, window, tmp_path):
    assert file_menu_names(window).index("exportSheets") < file_menu_names(window).index("exportReviewReport")
    window.exports.actions["report"].trigger()
    dialog = window.exports.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Export Review Report"
    target = tmp_path / "review.xlsx"
    dialog.destination.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=20000)
    assert load_workbook(target).sheetnames == ["Review", "Notes"]
    dialog.result_box.close()
    dialog.reject()
    assert window.context.settings.get(LAST_EXPORT_FOLDER) == str(tmp_path)


def test_the_filter_decides_which_departments_are_shown(qtbot, window):
    window.search_box.setText("Kunlun")  # task 53: Ministry of Public Security alone
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 1)
    shown = window.exports.shown_department_ids()
    assert [window.store.find_department("Ministry of Public Security").id] == shown


def exported_pdf(window, name: str, tmp_path) -> PdfReader:
    department = window.store.find_department(name)
    request = ExportRequest(1, (department.id,), "pdf", tmp_path / "sheets", one_file_per_department=True)
    return PdfReader(export_assignment_sheets(window.store, request).paths[0])  # its own file: no contents page


def test_print_preview_shows_the_pages_the_pdf_export_writes(qtbot, window, tmp_path):
    choose_department(qtbot, window, CNIPA)
    window.exports.actions["preview"].trigger()
    previews = [w for w in window.findChildren(QPrintPreviewDialog) if w.isVisible()]
    assert len(previews) == 1
    exported = exported_pdf(window, CNIPA, tmp_path)
    shown = previews[0].findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: shown.pageCount() > 0)
    assert shown.pageCount() == len(exported.pages) > 1  # 57 tasks: several pages, cut where the export cuts
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert previews[0].width() >= 0.8 * screen.width() and previews[0].height() >= 0.8 * screen.height()
    printed = tmp_path / "printed.pdf"  # what "Print" sends: the same pages, page for page, size for size
    printer = previews[0].pages.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    previews[0].pages.paint(printer)
    printed_pages = PdfReader(printed).pages
    assert len(printed_pages) == len(exported.pages)
    for ours, theirs in zip(printed_pages, exported.pages):
        assert abs(float(ours.mediabox.width) - float(theirs.mediabox.width)) < 1
        assert abs(float(ours.mediabox.height) - float(theirs.mediabox.height)) < 1
    previews[0].close()


def test_print_preview_asks_for_a_department_when_none_is_selected(qtbot, window, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args: asked.append(args[3]) or ("Ministry of Education", True))
    window.exports.actions["preview"].trigger()
    assert len(asked[0]) == 40
    preview = next(w for w in window.findChildren(QPrintPreviewDialog) if w.isVisible())
    assert len(preview.pages) == len(exported_pdf(window, "Ministry of Education", tmp_path).pages)
    preview.close()


def test_the_next_export_starts_beside_a_per_department_folder_not_in_it(qtbot, window, tmp_path):
    window.exports.actions["export"].trigger()
    dialog = window.exports.dialog
    dialog.per_department.setChecked(True)
    dialog.scope_radios["shown"].setChecked(True)
    window_shown = dialog.chosen_ids()
    assert len(window_shown) == 40
    dialog.destination.setText(str(tmp_path / "sheets"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=20000)
    dialog.result_box.close()
    dialog.reject()
    assert window.context.settings.get(LAST_EXPORT_FOLDER) == str(tmp_path)
    window.exports.actions["export"].trigger()
    assert Path(window.exports.dialog.destination.text()).parent == tmp_path
    window.exports.dialog.reject()


def test_file_dialogs_start_in_the_documents_folder_until_one_is_used(window, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from desktop.settings import PLAN_FOLDER, REVIEW_FOLDER

    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    first = documents if documents.is_dir() else Path.home()
    settings = window.context.settings
    assert settings.folder(REVIEW_FOLDER) == settings.folder(PLAN_FOLDER) == first
    assert window.review._review_folder() == first
    used = tmp_path / "reviews"
    used.mkdir()
    settings.set(REVIEW_FOLDER, str(used))
    assert window.review._review_folder() == used
    used.rmdir()  # a folder since removed (a USB stick taken out): back to the documents folder
    assert window.review._review_folder() == first
