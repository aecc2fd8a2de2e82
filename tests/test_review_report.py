"""The review report (xlsx and pdf) and the review columns of the department sheets, read back from the files."""
from __future__ import annotations

import itertools
import shutil
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest
from pypdf import PdfReader

from data.review import ReviewStore
from data.store import PlanStore
from exporters.export import ExportRequest, ReviewReportRequest, export_assignment_sheets, export_review_report
from exporters.review_report import ALL, ATTENTION, FLAGGED, FOLLOW_UP, build_review_report

FORMULA_NOTE = "=SUM(A1:A3) stays text"
MARKUP_NOTE = "<b>not bold</b> & ask 国家知识产权局"
CNIPA = "China National Intellectual Property Administration"
START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def ticking_clock():
    """A clock a minute later at each reading, so notes are in a known order."""
    minutes = itertools.count()
    return lambda: START + timedelta(minutes=next(minutes))


@pytest.fixture
def reviewed(sample_db, tmp_path):
    """The sample plan reviewed by Ann, 王芳 and Bob; task 1 has a note edited on two computers at once.

    1: Ann reviewed, 王芳 needs follow-up, flagged by Ann; notes (formula, markup, conflict)
    2: Ann in review; a deleted note       3: Ann reviewed
    4: 王芳 needs follow-up; a note with a control character       5: flagged by Bob
    """
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store, clock=ticking_clock())
        task = {n: store.task_id_by_number(1, n) for n in range(1, 6)}
        reviews.set_state(task[1], "Ann", status="reviewed", flagged=True)
        reviews.set_state(task[1], "王芳", status="needs-follow-up")
        reviews.set_state(task[2], "Ann", status="in-review")
        reviews.set_state(task[3], "Ann", status="reviewed")
        reviews.set_state(task[4], "王芳", status="needs-follow-up")
        reviews.set_state(task[5], "Bob", flagged=True)
        reviews.add_note(task[1], FORMULA_NOTE, "Ann")
        reviews.add_note(task[1], MARKUP_NOTE, "王芳")
        shared = reviews.add_note(task[1], "Shared note", "Ann")
        reviews.delete_note(reviews.add_note(task[2], "a deleted note", "Ann").id, "Ann")
        reviews.add_note(task[4], "a bell \x07 inside", "Ann")
    other = tmp_path / "other.sqlite"
    shutil.copy(sample_db, other)
    with PlanStore(other) as store:  # a copy: another replica
        ReviewStore(store).edit_note(shared.id, "Edited on the laptop", "Ann")
        ReviewStore(store).export_review(1, tmp_path / "laptop.json")
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        reviews.edit_note(shared.id, "Edited on the desktop", "Ann")
        reviews.import_review(1, tmp_path / "laptop.json")
        assert reviews.conflicts(1)
        yield store


def rows_under(sheet, first_heading="No."):
    """The table rows of a sheet as dicts, under the row whose first cell is `first_heading`."""
    header_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == first_heading)
    header = [c.value for c in sheet[header_row]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=header_row + 1)]


def write(store, tmp_path, format, selection=ALL):
    path = tmp_path / f"report.{format}"
    result = export_review_report(store, ReviewReportRequest(1, format, path, selection))
    return path, result


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def unwrapped(text: str) -> str:
    """The text without any white space, so words wrapped across lines compare as written."""
    return "".join(text.split())


@pytest.mark.parametrize("selection, numbers", [(ALL, list(range(1, 101))), (FLAGGED, [1, 5]),
                                                (FOLLOW_UP, [1, 4]), (ATTENTION, [1, 4, 5])])
def test_the_report_holds_the_tasks_asked_for(reviewed, selection, numbers):
    report = build_review_report(reviewed, 1, selection)
    assert [row[0] for row in report.tasks.rows] == numbers


def test_the_summary_counts_progress_statuses_and_reviewers(reviewed):
    summary = dict(build_review_report(reviewed, 1, FLAGGED).summary)
    assert summary["Review progress"] == "1 of 100 tasks reviewed (1%)"
    assert (summary["Reviewed"], summary["Needs follow-up"], summary["In review"], summary["Not reviewed"]) == (
        "1", "2", "1", "96")
    assert summary["Flagged"] == "2"
    assert summary["Notes"] == "4 on 2 tasks, 1 with a conflict"
    assert summary["Reviewers"] == "Ann, Bob, 王芳"
    assert summary["This report"] == "Flagged tasks, 2 of 100"


def test_workbook_rows_carry_statuses_in_words_flags_and_notes(reviewed, tmp_path):
    path, _ = write(reviewed, tmp_path, "xlsx")
    workbook = openpyxl.load_workbook(path)
    rows = {row["No."]: row for row in rows_under(workbook["Review"])}
    assert sorted(rows) == list(range(1, 101))
    first = rows[1]
    assert first["Status"] == "Needs follow-up"
    assert first["Reviewers' statuses"] == "Ann: Reviewed\n王芳: Needs follow-up"
    assert first["Flagged by"] == "Ann"
    assert FORMULA_NOTE in first["Notes"] and MARKUP_NOTE in first["Notes"]
    assert "[Conflict] Other version: Edited on the" in first["Notes"]
    assert rows[2]["Status"] == "In review" and rows[2]["Notes"] is None  # the deleted note is left out
    assert rows[6]["Status"] == "Not reviewed" and rows[6]["Reviewers' statuses"] is None
    assert workbook["Review"]["A1"].value == "Review report"


def test_the_notes_sheet_holds_each_note_exactly_and_formulas_stay_text(reviewed, tmp_path):
    path, _ = write(reviewed, tmp_path, "xlsx")
    sheet = openpyxl.load_workbook(path)["Notes"]
    notes = rows_under(sheet)
    assert [(n["No."], n["Author"]) for n in notes] == [(1, "Ann"), (1, "王芳"), (1, "Ann"), (4, "Ann")]
    assert notes[0]["Note"] == FORMULA_NOTE and notes[1]["Note"] == MARKUP_NOTE
    assert sheet.cell(2, 5).data_type == "s"
    assert notes[2]["Conflict"].startswith("Other version: Edited on the")
    assert "a deleted note" not in [n["Note"] for n in notes]


def test_control_characters_in_notes_are_replaced_and_reported(reviewed, tmp_path):
    path, result = write(reviewed, tmp_path, "xlsx")
    assert result.warnings == ["task 4, note by Ann: 1 unprintable character(s) replaced with \ufffd"]
    notes = rows_under(openpyxl.load_workbook(path)["Notes"])
    assert notes[3]["Note"] == "a bell \ufffd inside"


def test_the_report_sheets_are_set_up_for_printing(reviewed, tmp_path):
    path, _ = write(reviewed, tmp_path, "xlsx", FOLLOW_UP)
    workbook = openpyxl.load_workbook(path)
    review = workbook["Review"]
    header_row = next(r for r in range(1, 30) if review.cell(r, 1).value == "No.")
    for sheet, title_row in ((review, header_row), (workbook["Notes"], 1)):
        assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${title_row}:${title_row}"
        assert sheet.freeze_panes == f"A{title_row + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{title_row}:")
        assert sheet.oddFooter.right.text == "Page &P of &N"
        assert all(sheet.row_dimensions[r].height for r in range(title_row + 1, sheet.max_row + 1))
    assert review.oddFooter.left.text == "Review report: Tasks needing follow-up (2)"
    assert [row["No."] for row in rows_under(review)] == [1, 4]


def test_the_pdf_prints_statuses_notes_chinese_and_markup_literally(reviewed, tmp_path):
    path, result = write(reviewed, tmp_path, "pdf", ATTENTION)
    text = pdf_text(path)
    assert "Review report" in text and "Flagged tasks and tasks needing follow-up (3)" in text
    assert "1 of 100 tasks reviewed" in text
    for words in ("Needs follow-up", "Ann: Reviewed", FORMULA_NOTE, "<b>not bold</b> &", "国家知识产权局",
                  "[Conflict] Other version", "a bell \ufffd inside"):
        assert unwrapped(words) in unwrapped(text), words
    assert "a deleted note" not in text
    pages = PdfReader(path).pages
    assert f"Page1of{len(pages)}" in unwrapped(pages[0].extract_text())
    assert result.warnings


def test_a_note_longer_than_a_page_splits_across_pages(reviewed, tmp_path):
    ReviewStore(reviewed).add_note(reviewed.task_id_by_number(1, 5), "Overlong note. " * 900, "Bob")
    path, _ = write(reviewed, tmp_path, "pdf", FLAGGED)
    reader = PdfReader(path)
    assert len(reader.pages) > 2
    assert pdf_text(path).count("Overlong") == 900


def test_department_sheets_can_carry_the_review_columns(reviewed, tmp_path):
    cnipa = reviewed.find_department(CNIPA)
    path = tmp_path / "cnipa.xlsx"
    export_assignment_sheets(reviewed, ExportRequest(1, (cnipa.id,), "xlsx", path, include_review=True))
    sheet = openpyxl.load_workbook(path)["CNIPA"]
    rows = {row["No."]: row for row in rows_under(sheet, "Role")}
    assert rows[1]["Review status"] == "Needs follow-up\nFlagged by Ann\nAnn: Reviewed\n王芳: Needs follow-up"
    assert rows[1]["Review notes"].startswith(f"Ann (2026-03-01): {FORMULA_NOTE}\n\n王芳 (2026-03-01): ")
    assert all(row["Review status"] for row in rows.values())

    pdf_path = tmp_path / "cnipa.pdf"
    export_assignment_sheets(reviewed, ExportRequest(1, (cnipa.id,), "pdf", pdf_path, include_review=True))
    text = pdf_text(pdf_path)
    assert "Review status" in text and "Review notes" in text and "<b>not bold</b> &" in text


def test_department_sheets_leave_the_review_out_unless_asked(reviewed, tmp_path):
    cnipa = reviewed.find_department(CNIPA)
    path = tmp_path / "cnipa.xlsx"
    export_assignment_sheets(reviewed, ExportRequest(1, (cnipa.id,), "xlsx", path))
    assert "Review status" not in next(openpyxl.load_workbook(path)["CNIPA"].iter_rows(min_row=5, values_only=True))


def run(capsys, *argv):
    from desktop.cli import main

    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_line_writes_a_report_of_the_flagged_tasks(reviewed, sample_db, tmp_path, capsys):
    target = tmp_path / "flagged.xlsx"
    status, out, err = run(capsys, "review", "report", "--db", sample_db, "--format", "xlsx", "--only", "flagged",
                           "-o", target)
    assert (status, err) == (0, "")
    assert f"Wrote the review report to {target}" in out and "warning: task 4, note by Ann" not in out
    assert [row["No."] for row in rows_under(openpyxl.load_workbook(target)["Review"])] == [1, 5]


def test_the_command_line_reports_replaced_characters(reviewed, sample_db, tmp_path, capsys):
    status, out, _ = run(capsys, "review", "report", "--db", sample_db, "--format", "pdf", "-o", tmp_path / "r.pdf")
    assert status == 0 and "warning: task 4, note by Ann: 1 unprintable character(s)" in out


def test_a_bad_selection_is_a_usage_error(sample_db, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        run(capsys, "review", "report", "--db", sample_db, "--format", "pdf", "--only", "mine", "-o", tmp_path / "r")
    assert exit.value.code == 2
    assert "invalid choice: 'mine'" in capsys.readouterr().err


def test_an_unknown_plan_ends_with_status_2(sample_db, tmp_path, capsys):
    target = tmp_path / "r.pdf"
    status, _, err = run(capsys, "review", "report", "--db", sample_db, "--format", "pdf", "--plan", 9, "-o", target)
    assert status == 2 and "holds no plan with id 9" in err and not target.exists()


def test_export_with_review_adds_the_review_columns(reviewed, sample_db, tmp_path, capsys):
    target = tmp_path / "cnipa.xlsx"
    status, _, _ = run(capsys, "export", "--db", sample_db, "--format", "xlsx", "--department", "CNIPA",
                       "--with-review", "-o", target)
    assert status == 0
    rows = {row["No."]: row for row in rows_under(openpyxl.load_workbook(target)["CNIPA"], "Role")}
    assert rows[1]["Review status"].startswith("Needs follow-up\nFlagged by Ann")


def test_the_dialog_writes_the_report_it_is_asked_for(qtbot, reviewed, sample_db, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.review_report_dialog import ReviewReportDialog

    dialog = ReviewReportDialog(sample_db, 1, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.destination.text() == str(tmp_path / "review-report.xlsx")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert dialog.destination.text() == str(tmp_path / "review-report.pdf")
    dialog.selection_combo.setCurrentIndex(dialog.selection_combo.findData(ATTENTION))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=20000)
    box = dialog.result_box
    assert box.icon() == QMessageBox.Icon.Information and any(b.text() == "Open" for b in box.buttons())
    assert "task 4, note by Ann" in box.text()  # what was replaced
    assert "Flagged tasks and tasks needing follow-up (3)" in pdf_text(tmp_path / "review-report.pdf")
    box.reject()


def test_a_department_sheet_prints_a_note_longer_than_a_page(reviewed, tmp_path):
    ReviewStore(reviewed).add_note(reviewed.task_id_by_number(1, 1), "Overlong note. " * 900, "Bob")
    cnipa = reviewed.find_department(CNIPA)
    path = tmp_path / "cnipa.pdf"
    export_assignment_sheets(reviewed, ExportRequest(1, (cnipa.id,), "pdf", path, include_review=True))
    assert pdf_text(path).count("Overlong") == 900


def test_status_cells_are_filled_by_status(reviewed, tmp_path):
    path, _ = write(reviewed, tmp_path, "xlsx", ATTENTION)
    sheet = openpyxl.load_workbook(path)["Review"]
    header_row = next(r for r in range(1, 30) if sheet.cell(r, 1).value == "No.")
    status = [c.value for c in sheet[header_row]].index("Status") + 1
    fills = {sheet.cell(r, 1).value: sheet.cell(r, status).fill.fgColor.rgb[-6:]
             for r in range(header_row + 1, sheet.max_row + 1)}
    assert fills == {1: "FCE4D6", 4: "FCE4D6", 5: "000000"}  # task 5 is flagged but not reviewed: no fill
