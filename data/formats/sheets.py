"""The rows of a spreadsheet ledger as cell texts: an Excel workbook (openpyxl; merged cells repeated on
every row they span, so a lead merged over several tasks holds for each) or a CSV file."""
from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

from ..errors import PlanFileError
from .archive import check_directory, check_xml_parts
from .detect import decode_text

MAX_CELLS = 1_000_000  # a sheet loaded whole costs ~0.5 KB a cell: ~500 MB at the limit
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_CHUNK = 1024 * 1024


def workbook_sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Each worksheet's name and rows. The archive passes its checks and its sheets' cells are counted
    before the workbook is loaded in full (openpyxl's read-only mode does not report merged cells);
    openpyxl parses through defusedxml when it is installed."""
    import openpyxl

    check_directory(path)
    try:
        _count_cells(path)  # before the XML is parsed at all: counting is quicker than parsing
        check_xml_parts(path)
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise PlanFileError(path, "not a readable Excel workbook: {reason}", reason=error) from None
    sheets = []
    try:
        for sheet in workbook.worksheets:
            rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
            for merged in sheet.merged_cells.ranges:
                if merged.max_row == merged.min_row:
                    continue  # merged across columns only: a heading row, its text in its first cell
                value = rows[merged.min_row - 1][merged.min_col - 1]
                for row in range(merged.min_row, merged.max_row + 1):
                    rows[row - 1][merged.min_col - 1] = value
            sheets.append((sheet.title, rows))
    finally:
        workbook.close()
    return sheets


def _count_cells(path: Path) -> None:
    """Refuse a sheet of more than MAX_CELLS cells (its declared size may lie, and an empty styled cell
    costs as much memory as a full one), counting the cell elements of its XML as it streams by."""
    with zipfile.ZipFile(path) as archive:
        for entry in archive.infolist():
            if not _SHEET_PART.match(entry.filename):
                continue
            cells, carried = 0, b""
            with archive.open(entry) as part:
                while chunk := part.read(_CHUNK):
                    data = carried + chunk
                    end = data.rfind(b">") + 1  # a cell's start tag is never cut: the rest waits for more
                    cells += len(_CELL_TAG.findall(data, 0, end))
                    carried = data[end:]
                    if cells > MAX_CELLS:
                        name = entry.filename.rsplit("/", 1)[-1]
                        raise PlanFileError(path, "the sheet {sheet} has more than {limit:,} cells: not read as "
                                                  "a plan", sheet=name, limit=MAX_CELLS)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def csv_rows(path: Path, raw: bytes) -> list[list[str]]:
    """A CSV ledger's rows (UTF-8 or GB18030; comma, tab or semicolon between cells)."""
    text = decode_text(raw, path)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as error:
        raise PlanFileError(path, "malformed CSV: {reason}", reason=error) from None
