"""Feedback workbooks (openpyxl): one department's tasks, the plan's columns locked, four open columns for
its progress, and the hidden identifiers that match the returned file to the plan (data/feedback.py reads
it back and explains them). Written with the assignment workbook's own helpers (exporters/xlsx.py), so it
looks and prints like the department's assignment sheet."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, NamedStyle, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from data.feedback import (IDENTIFIERS_SHEET, KEY_PREFIX, LOCKED_KEYS, OPEN_COLUMNS, PROGRESS_WORDS, ROW_KEY,
                           Identifiers, SheetTask, department_code, locked_checksum, row_key)

from .document import AssignmentSheet, Column, SheetBook, Table, role_summary, short_names
from .wording import Words
from .xlsx import CHINESE_FONT, FONT, _print_setup, _put, _Styles, _write_table

OPEN_FILL = "FFFFFF"  # the cells to fill in stay white; the locked ones are shaded
LOCKED_FILL = "F2F2F2"
OPEN_HEADER_FILL = "548235"
EARLIEST_DATE = 36526  # 2000-01-01 as a spreadsheet date serial
HEADER_ROW = 5  # the hidden key row is the one above it


class _FeedbackStyles(_Styles):
    """The assignment workbook's looks, plus cells the department fills in (unlocked) and locked shading."""

    OPEN_CELL = "Open cell"
    DATE_CELL = "Open date cell"

    def __init__(self, workbook: Workbook, words: Words) -> None:
        super().__init__(workbook, words)
        self.locked_fill = PatternFill("solid", fgColor=LOCKED_FILL)
        self.open_header_fill = PatternFill("solid", fgColor=OPEN_HEADER_FILL)
        for name, number_format in ((self.OPEN_CELL, "General"), (self.DATE_CELL, "yyyy-mm-dd")):
            workbook.add_named_style(NamedStyle(name, font=Font(name=CHINESE_FONT if words.chinese else FONT, size=11),
                                                border=self.border, alignment=self.wrapped,
                                                fill=PatternFill("solid", fgColor=OPEN_FILL),
                                                number_format=number_format, protection=Protection(locked=False)))


def feedback_identifiers(book: SheetBook, sheet: AssignmentSheet) -> Identifiers:
    """The hidden identifiers of a department's feedback workbook."""
    code = department_code(sheet.department.name)
    return Identifiers(book.fingerprint, book.plan_title, sheet.department.name, code,
                       tuple(SheetTask(row_key(t.position, code), t.position, t.number,
                                       locked_checksum(t.cells(book.words))) for t in sheet.tasks))


def write_feedback_workbook(book: SheetBook, sheet: AssignmentSheet, path: Path) -> None:
    """One department's feedback workbook: its tasks to report progress on, and the hidden identifiers."""
    words = book.words  # the sheet's language: the reader matches the returned file by its hidden identifiers
    workbook = Workbook()
    styles = _FeedbackStyles(workbook, words)
    ws = workbook.active
    ws.title = short_names([sheet])[0]
    identifiers = feedback_identifiers(book, sheet)
    _put(ws, 1, 1, sheet.title).font = styles.title_font
    _put(ws, 2, 1, book.plan_title).font = styles.subtitle_font
    instructions = words("Please fill in the white columns for each task: Progress (choose from the list), "
                         "Completion date, Account of work and Contact, then send the file back. The plan's columns "
                         "are locked.")
    _put(ws, 3, 1, words("{counts} {instructions}", counts=role_summary(words, len(sheet.led), len(sheet.taking_part)),
                         instructions=instructions))
    combined = sheet.combined_table()
    locked = len(LOCKED_KEYS)
    columns = (*combined.columns[:locked],
               *(Column(c.title_zh if words.chinese else c.title, c.width) for c in OPEN_COLUMNS),
               Column(words("Row key"), 12))
    blanks = ("",) * len(OPEN_COLUMNS)
    rows = tuple(task.cells(words) + blanks + (key.key,) for task, key in zip(sheet.tasks, identifiers.tasks))
    last_row = _write_table(ws, styles, Table(columns, rows), HEADER_ROW)
    for index, key in enumerate((*LOCKED_KEYS, *(c.key for c in OPEN_COLUMNS), ROW_KEY), start=1):
        _put(ws, HEADER_ROW - 1, index, KEY_PREFIX + key)
    ws.row_dimensions[HEADER_ROW - 1].hidden = True
    ws.column_dimensions[get_column_letter(len(columns))].hidden = True
    first_open = locked + 1
    for index, column in enumerate(OPEN_COLUMNS, start=first_open):  # room to write in, though empty
        ws.cell(row=HEADER_ROW, column=index).fill = styles.open_header_fill
        ws.column_dimensions[get_column_letter(index)].width = column.width
    date_column = first_open + [c.key for c in OPEN_COLUMNS].index("completed")
    for row_number in range(HEADER_ROW + 1, last_row + 1):
        for index in range(1, locked + 1):
            ws.cell(row=row_number, column=index).fill = styles.locked_fill
        for index in range(first_open, first_open + len(OPEN_COLUMNS)):
            cell = ws.cell(row=row_number, column=index)
            cell.value = None
            cell.style = styles.DATE_CELL if index == date_column else styles.OPEN_CELL
    _validate(ws, words, first_open, date_column, last_row)
    ws.protection.sheet = True  # no password: it keeps the plan from being changed by mistake
    ws.protection.sort = ws.protection.autoFilter = False  # allowed
    ws.protection.formatColumns = ws.protection.formatRows = False
    _print_setup(ws, words, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", footer=sheet.title,
                 plan_title=book.plan_title)
    _write_identifiers(workbook.create_sheet(IDENTIFIERS_SHEET), identifiers)
    workbook.save(path)


def _validate(ws, words: Words, progress_column: int, date_column: int, last_row: int) -> None:
    """A dropdown of the progress words (in the sheet's language; the reader knows both); a date (a warning
    only: '2026年3月底' is kept as written)."""
    if last_row <= HEADER_ROW:
        return
    choices = [both[1] if words.chinese else both[0] for both in PROGRESS_WORDS.values()]
    progress = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                              showErrorMessage=True,
                              error=words("Choose one of: {choices}.", choices=("、" if words.chinese else ", ").join(choices)))
    completed = DataValidation(type="date", operator="greaterThan", formula1=str(EARLIEST_DATE), allow_blank=True,
                               showErrorMessage=True, errorStyle="warning",
                               error=words("Type a date, for example 2026-03-31."))
    for validation, column in ((progress, progress_column), (completed, date_column)):
        letter = get_column_letter(column)
        validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row}")
        ws.add_data_validation(validation)


def _write_identifiers(ws, identifiers: Identifiers) -> None:
    for row_number, row in enumerate(identifiers.rows(), start=1):
        for column, value in enumerate(row, start=1):
            _put(ws, row_number, column, value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
