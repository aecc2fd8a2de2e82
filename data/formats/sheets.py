"""The rows of a spreadsheet ledger as cell texts: an Excel workbook (openpyxl; merged cells repeated on
every row they span, so a lead merged over several tasks holds for each) or a CSV file."""
from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path

from ..errors import PlanFileError
from .archive import check_archive
from .detect import decode_text

MAX_CELLS = 2_000_000


def workbook_sheets(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Each worksheet's name and rows. Loaded in full (openpyxl's read-only mode does not report merged
    cells), after the archive passed its size checks; openpyxl parses through defusedxml when installed."""
    import openpyxl

    check_archive(path)
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise PlanFileError(path, f"not a readable Excel workbook: {error}") from None
    sheets = []
    try:
        for sheet in workbook.worksheets:
            if sheet.max_row * sheet.max_column > MAX_CELLS:
                raise PlanFileError(path, f"the sheet {sheet.title} has more than {MAX_CELLS:,} cells: "
                                          "not read as a plan")
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
        raise PlanFileError(path, f"malformed CSV: {error}") from None
