"""Assignment sheets in Excel: read the written workbook back and compare it with the store."""
from __future__ import annotations

import errno
import os
import zipfile

import openpyxl
import pytest
from openpyxl.utils.escape import unescape
from .export_plans import CONTROL_TASK, HOSTILE_TEXTS, hostile_store

from data.errors import ExportError
from data.model import LEAD
from exporters.document import AssignmentSheet, DepartmentName, short_names
from exporters.export import ExportRequest, export_assignment_sheets
from exporters.files import ExportCancelled
from exporters.xlsx import ooxml_text

HEADER_ROW = 5  # of a department sheet: title, plan, counts, blank, then the table


def export_all(store, path, one_file_per_department=False, **hooks):
    ids = tuple(d.id for d in store.departments(1))
    return export_assignment_sheets(store, ExportRequest(1, ids, "xlsx", path, one_file_per_department),
                                    **hooks)


@pytest.fixture
def workbook_path(store, tmp_path):
    path = tmp_path / "sheets.xlsx"
    export_all(store, path)
    return path


@pytest.fixture
def workbook(workbook_path):
    return openpyxl.load_workbook(workbook_path)


def table_rows(sheet, header_row=HEADER_ROW):
    header = [c.value for c in sheet[header_row]]
    return [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=header_row + 1)]


def sheet_of(workbook, name):
    overview = table_rows(workbook["Overview"], header_row=4)
    return workbook[next(row["Sheet"] for row in overview if row["Department"] == name)]


def test_every_department_sheet_holds_exactly_its_tasks_with_their_roles(store, workbook):
    for department in store.departments(1):
        rows = table_rows(sheet_of(workbook, department.name))
        for role, title in ((LEAD, "Leads"), ("participant", "Takes part")):
            expected = [t.number for t in store.task_rows(store.task_ids(1, department_ids=[department.id],
                                                                          role=role))]
            assert [r["No."] for r in rows if r["Role"] == title] == expected, (department.name, role)


def test_department_sheet_heading_names_the_department_and_counts(store, workbook):
    sheet = sheet_of(workbook, "China National Intellectual Property Administration")
    assert sheet["A1"].value == "China National Intellectual Property Administration  国家知识产权局"
    assert sheet["A2"].value == store.plan_info(1).title
    assert sheet["A3"].value.startswith("Leads 35 tasks, takes part in 22.")


def test_task_rows_carry_the_full_text_lead_and_other_participants(store, workbook):
    cnipa = store.find_department("CNIPA")
    rows = {r["No."]: r for r in table_rows(sheet_of(workbook, cnipa.name))}
    for task in store.task_rows(store.task_ids(1, department_ids=[cnipa.id])):
        row = rows[task.number]
        assert row["Task"] == task.text
        assert row["Lead department"] == task.lead.name
        others = [d.name for d in task.participants if d.id != cnipa.id]
        assert (row["Other participants"] or "") == "\n".join(others)


def test_matrix_marks_lead_and_participant(store, workbook):
    matrix = workbook["Matrix"]
    header = [c.value for c in matrix[1]]
    names = short_names([AssignmentSheet(DepartmentName(d.name, d.name_zh, d.abbreviation), ())
                         for d in store.departments(1)], taken=("Overview", "Matrix"))
    assert header[2:] == names
    marks = {(row[0].value, header[i]): row[i].value for row in matrix.iter_rows(min_row=2)
             for i in range(2, len(header))}
    for department, name in zip(store.departments(1), names):
        for task in store.task_rows(store.task_ids(1, department_ids=[department.id])):
            expected = "L" if task.lead.id == department.id else "P"
            assert marks.pop((task.number, name)) == expected
    assert set(marks.values()) <= {None, ""}


def test_overview_links_every_department_to_its_sheet(store, workbook):
    overview = workbook["Overview"]
    rows = table_rows(overview, header_row=4)
    assert [r["Department"] for r in rows] == [d.name for d in store.departments(1)]
    cnipa = next(r for r in rows if r["Abbreviation"] == "CNIPA")
    assert (cnipa["Leads"], cnipa["Takes part"]) == (35, 22)
    for row_number, row in enumerate(rows, start=5):
        link = overview.cell(row=row_number, column=1).hyperlink
        assert link.location == f"'{row['Sheet']}'!A1"
        assert row["Sheet"] in workbook.sheetnames


def test_the_overview_prints_near_full_size(workbook):
    overview = workbook["Overview"]
    assert overview.page_setup.orientation == "landscape" and overview.page_setup.fitToWidth == 1
    width = sum(overview.column_dimensions[letter].width for letter in "ABCDEF")
    assert width <= 125  # characters an A4 landscape page holds at 100% within these margins: no shrinking
    wrapped = [row for row in range(5, overview.max_row + 1) if overview.row_dimensions[row].height
               and overview.row_dimensions[row].height > overview.row_dimensions[5].height]
    assert wrapped  # the longest names wrap onto a second line instead


def test_short_names_are_valid_unique_sheet_names():
    def sheet(name, abbreviation=None):
        return AssignmentSheet(DepartmentName(name, None, abbreviation), ())

    names = short_names([sheet("A very long department name that goes on and on and on"),
                         sheet("x", "A/B:C*D?[E]\\F"), sheet("y", "MOE"), sheet("z", "moe"),
                         sheet("w", "Overview"), sheet("'quoted'")], taken=("Overview", "Matrix"))
    assert names == ["A very long department name tha", "A B C D E F", "MOE", "moe (2)", "Overview (2)",
                     "quoted"]
    assert all(len(n) <= 31 for n in names)


def test_every_sheet_is_set_up_for_printing(workbook):
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9, sheet.title  # A4
        assert setup.orientation == "landscape"
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows.startswith("$")
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text
        assert sheet.oddFooter.left.text
        assert sheet.freeze_panes and sheet.auto_filter.ref


def test_department_sheets_repeat_their_header_and_fit_their_rows(workbook):
    sheet = sheet_of(workbook, "China National Intellectual Property Administration")
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert "China National Intellectual Property Administration" in sheet.oddFooter.left.text
    heights = [sheet.row_dimensions[r].height for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    assert all(h and h >= 14 for h in heights)
    assert max(heights) > 4 * 14  # long task texts get several lines
    assert sheet.cell(row=HEADER_ROW + 1, column=4).alignment.wrap_text


@pytest.fixture
def hostile(tmp_path):
    with hostile_store(tmp_path / "hostile.sqlite") as opened:
        yield opened


def test_formula_looking_text_stays_text(hostile, tmp_path):
    path = tmp_path / "hostile.xlsx"
    export_all(hostile, path)
    sheet = openpyxl.load_workbook(path)["CNIPA"]
    cells = {row[1].value: row[3] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)}
    for number, text in HOSTILE_TEXTS.items():
        if number != CONTROL_TASK:
            assert unescape(cells[number].value) == text  # Excel's own _xHHHH_ escape keeps the CR
            assert cells[number].data_type == "s"
    assert openpyxl.load_workbook(path)["CNIPA"]["A2"].value == "Hostile <plan> & =title"
    with zipfile.ZipFile(path) as archive:
        assert not any("<f>" in archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))


def test_text_that_looks_like_an_escape_survives():
    assert unescape(ooxml_text("a _x0041_ b\r")) == "a _x0041_ b\r"


def test_control_characters_are_replaced_and_reported(hostile, tmp_path):
    path = tmp_path / "hostile.xlsx"
    result = export_all(hostile, path)
    sheet = openpyxl.load_workbook(path)["CNIPA"]
    text = next(row[3].value for row in sheet.iter_rows(min_row=HEADER_ROW + 1) if row[1].value == CONTROL_TASK)
    assert text == "a bell \ufffd and a null \ufffd inside"
    assert result.warnings == [f"task {CONTROL_TASK}: 2 unprintable character(s) replaced with \ufffd"]


def test_one_workbook_per_department_into_a_folder(store, tmp_path):
    folder = tmp_path / "sheets"
    result = export_all(store, folder, one_file_per_department=True)
    assert len(result.paths) == len(store.departments(1)) == len(list(folder.iterdir()))
    names = sorted(p.name for p in folder.iterdir())
    assert names[0] == "01 Central Political and Legal Affairs Commission.xlsx"  # numbered, in the book's order
    assert "11 Member units of the Inter-ministerial Joint Meeting.xlsx" in names  # the full name, not cut
    cnipa = openpyxl.load_workbook(folder / "05 China National Intellectual Property Administration.xlsx")
    assert cnipa.sheetnames == ["CNIPA"]
    assert len(table_rows(cnipa["CNIPA"])) == 35 + 22


def test_progress_counts_up_to_the_total(store, tmp_path):
    seen = []
    export_all(store, tmp_path / "s.xlsx", progress=lambda done, total: seen.append((done, total)))
    departments = len(store.departments(1))
    assert seen[-1] == (2 * departments, 2 * departments)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelling_leaves_no_file(store, tmp_path):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 45  # after building, while writing the sheets

    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(ExportCancelled):
        export_all(store, target / "sheets.xlsx", cancel=cancel)
    assert list(target.iterdir()) == []


def test_an_error_while_writing_leaves_no_file_and_keeps_the_old_one(store, tmp_path, monkeypatch):
    target = tmp_path / "out"
    target.mkdir()
    (target / "sheets.xlsx").write_bytes(b"the previous export")

    def failing_save(writer):  # the archive is open (the file begun) when the disk fills
        raise OSError(errno.ENOSPC, "No space left on device")

    from openpyxl.writer.excel import ExcelWriter

    monkeypatch.setattr(ExcelWriter, "save", failing_save)
    with pytest.raises(ExportError) as caught:
        export_all(store, target / "sheets.xlsx")
    assert caught.value.path == str(target / "sheets.xlsx")
    assert "disk is full" in caught.value.problem
    assert [p.name for p in target.iterdir()] == ["sheets.xlsx"]
    assert (target / "sheets.xlsx").read_bytes() == b"the previous export"


def test_a_target_held_open_gives_an_export_error_naming_it(store, tmp_path, monkeypatch):
    def locked(source, destination):
        raise PermissionError(13, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_all(store, tmp_path / "sheets.xlsx")
    assert caught.value.path == str(tmp_path / "sheets.xlsx")
    assert "open in another program" in caught.value.problem
    assert list(tmp_path.glob("*.part")) == list(tmp_path.glob(".*.part")) == []


def test_a_missing_folder_gives_an_export_error(store, tmp_path):
    with pytest.raises(ExportError) as caught:
        export_all(store, tmp_path / "no such folder" / "sheets.xlsx")
    assert "no such folder" in caught.value.path


def test_extra_columns_follow_the_task_columns(store, tmp_path):
    from exporters.document import ExtraColumn

    status = ExtraColumn("Review status", 14, lambda task: "reviewed" if task.number % 2 else "open")
    cnipa = store.find_department("CNIPA")
    path = tmp_path / "cnipa.xlsx"
    export_assignment_sheets(store, ExportRequest(1, (cnipa.id,), "xlsx", path), extra_columns=[status])
    rows = table_rows(openpyxl.load_workbook(path)["CNIPA"])
    assert all(r["Review status"] == ("reviewed" if r["No."] % 2 else "open") for r in rows)
