"""Assignment sheets and the review report as Excel workbooks (openpyxl). exporters.export imports this
module only to write.

Every sheet prints on A4 fitted to the page width, with its header row repeated on each page and
the page number and department in the footer. Row heights are set from each row's wrapped line
count: openpyxl sets none, and LibreOffice does not fit wrapped rows, so printed rows would overlap.
"""
from __future__ import annotations

import contextlib
import math
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins

from data.ledger import OVERDUE_COLOUR

from .document import OFFICIAL, AssignmentSheet, Column, SheetBook, Table, role_summary, short_names
from .files import CancelCheck, Progress, check_cancel
from .ledger import DEPARTMENTS_HEADING, REMINDER_HEADING, REVIEWERS_HEADING, LedgerDocument
from .ledger import TITLE as LEDGER_TITLE
from .review_report import ReviewReport, status_fills
from .wording import Words

FONT = "Calibri"  # the workbook default; every font names it so no reader falls back to a serif
CHINESE_FONT = "宋体"  # SimSun: on every Chinese Windows; LibreOffice maps it to the CJK font it has
OVERVIEW_NAME_WIDTH = 48  # characters of the overview's department column; longer names wrap
LINE_HEIGHT = 14.4  # points per wrapped line of 11-point Calibri (Excel); LibreOffice needs less
ROW_PADDING = 2.0
MAX_ROW_HEIGHT = 409.0  # points: Excel's tallest row; the cell still holds a longer note whole
ESCAPE_LOOKALIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")  # what Excel would read as an escaped character
SHEET_NAME_LIMIT = 31  # characters Excel allows in a sheet's name
MATRIX_TEXT_LIMIT = 70  # characters of task text the matrix shows: one line


def text_width(text: str) -> float:
    """The width of a line in Excel's column units (one unit: one digit); wide characters count double."""
    if text.isascii():  # no wide character: most texts, without a look-up per character
        return float(len(text))
    return sum(2.2 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines a wrapped cell of this column width shows the text on (a slight overestimate)."""
    capacity = max(width * 1.2 - 1, 1.0)  # text runs ~1.2 characters per digit width
    lines = 0
    for paragraph in str(text).split("\n"):
        line = 0.0
        lines += 1
        for word in paragraph.split():
            size = text_width(word)
            if line and line + 1 + size > capacity:
                lines += 1
                line = 0.0
            if size > capacity:  # a word longer than the line breaks across lines
                lines += math.ceil(size / capacity) - 1
                size %= capacity
            line += size + (1 if line else 0)
    return lines


class _Styles:
    """The workbook's few looks, shared by every cell that has them.

    Table cells take a named style registered once: assigning a border and an alignment to each cell
    would make openpyxl hash them cell by cell (60% of a large export's time).
    """

    TABLE_CELL = "Table cell"

    def __init__(self, workbook: Workbook, words: Words) -> None:
        font = CHINESE_FONT if words.chinese else FONT
        edge = Side(style="thin", color="808080")
        self.border = Border(left=edge, right=edge, top=edge, bottom=edge)
        self.header_font = Font(name=font, bold=True, color="FFFFFF")
        self.header_fill = PatternFill("solid", fgColor="305496")
        self.title_font = Font(name=font, bold=True, size=14)
        self.subtitle_font = Font(name=font, italic=not words.chinese, color="404040")  # no slanted Chinese
        self.link_font = Font(name=font, color="0563C1", underline="single")
        self.wrapped = Alignment(wrap_text=True, horizontal="left", vertical="top")
        self.centered = Alignment(horizontal="center", vertical="top")
        self.rotated = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
        workbook.add_named_style(NamedStyle(self.TABLE_CELL, font=Font(name=font, size=11), border=self.border,
                                            alignment=self.wrapped))


def ooxml_text(text: str) -> str:
    """Text in the workbook's own escape: a CR (which XML reads back as LF) as _x000D_, a literal _xHHHH_ kept."""
    return ESCAPE_LOOKALIKE.sub(r"_x005F_\1", text).replace("\r", "_x000D_")


def _put(ws, row: int, column: int, value: str | int):
    """Write a value; text is always stored as text, never as a formula (even when it starts with '=')."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ooxml_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _footer_text(text: str) -> str:
    return text.replace("&", "&&")  # '&' starts a code in Excel headers and footers


def _print_setup(ws, words: Words, *, landscape: bool, title_rows: str, footer: str, plan_title: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.25, footer=0.25)
    ws.oddHeader.left.text = _footer_text(plan_title)
    ws.oddHeader.left.size = 8
    ws.oddFooter.left.text = _footer_text(footer)
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = words("Page &P of &N")
    ws.oddFooter.right.size = 8


def _write_table(ws, styles: _Styles, table: Table, first_row: int) -> int:
    """Write a table with a styled header row at `first_row`; fit widths and heights. Returns the last row."""
    widths = []
    for index, column in enumerate(table.columns):
        longest = max((text_width(line) for row in table.rows for line in str(row[index]).split("\n")),
                      default=0)
        widths.append(min(max(longest, text_width(column.heading)) + 2, column.width))
        ws.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
    for index, column in enumerate(table.columns, start=1):
        cell = _put(ws, first_row, index, column.heading)
        cell.font, cell.fill, cell.border, cell.alignment = (styles.header_font, styles.header_fill,
                                                             styles.border, styles.wrapped)
    for row_number, row in enumerate(table.rows, start=first_row + 1):
        for index, value in enumerate(row, start=1):
            _put(ws, row_number, index, value).style = styles.TABLE_CELL
        lines = max(wrapped_lines(value, width) for value, width in zip(row, widths))
        ws.row_dimensions[row_number].height = min(lines * LINE_HEIGHT + ROW_PADDING, MAX_ROW_HEIGHT)
    last_row = first_row + len(table.rows)
    ws.auto_filter.ref = f"A{first_row}:{get_column_letter(len(table.columns))}{last_row}"
    ws.freeze_panes = ws.cell(row=first_row + 1, column=1).coordinate
    return last_row


def _write_department(ws, styles: _Styles, book: SheetBook, sheet: AssignmentSheet) -> None:
    if book.layout == OFFICIAL:
        _write_official_department(ws, book, sheet)
        return
    words = book.words
    _put(ws, 1, 1, sheet.title).font = styles.title_font
    _put(ws, 2, 1, book.plan_title).font = styles.subtitle_font
    _put(ws, 3, 1, words("{counts} {printed}", counts=role_summary(words, len(sheet.led), len(sheet.taking_part)),
                         printed=words("Printed {date}", date=words.date(book.printed))))
    header_row = 5
    _write_table(ws, styles, sheet.combined_table(), header_row)
    _print_setup(ws, words, landscape=True, title_rows=f"{header_row}:{header_row}", footer=sheet.title,
                 plan_title=book.plan_title)


def _write_overview(ws, styles: _Styles, book: SheetBook, names: list[str]) -> None:
    words = book.words
    _put(ws, 1, 1, words("Department assignment sheets")).font = styles.title_font
    _put(ws, 2, 1, words("{plan}. Printed {date}.", plan=book.plan_title,
                         date=words.date(book.printed))).font = styles.subtitle_font
    header_row = 4
    # Narrow enough to print near full size on A4 landscape (long names wrap): 80 + 34 shrank it to half.
    other_name = "English name" if words.chinese else "Chinese name"  # the department's name in the other language
    table = Table((Column(words("Department"), OVERVIEW_NAME_WIDTH), Column(words(other_name), 20),
                   Column(words("Abbreviation"), 14), Column(words("Leads"), 8), Column(words("Takes part"), 12),
                   Column(words("Sheet"), 16)),
                  tuple((words.full_name(s.department), words.other_name(s.department), s.department.abbreviation or "",
                         len(s.led), len(s.taking_part), name) for s, name in zip(book.sheets, names)))
    _write_table(ws, styles, table, header_row)
    for row_number, name in enumerate(names, start=header_row + 1):
        cell = ws.cell(row=row_number, column=1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{name}'!A1", display=cell.value)
        cell.font = styles.link_font
    _print_setup(ws, words, landscape=True, title_rows=f"{header_row}:{header_row}", footer=words("Overview"),
                 plan_title=book.plan_title)


def _write_matrix(ws, styles: _Styles, book: SheetBook, names: list[str]) -> None:
    tasks, marks = book.matrix()
    words = book.words
    columns = (Column(words("No."), 5), Column(words("Task"), 60)) + tuple(Column(name, 4) for name in names)
    rows = tuple((number, text if len(text) <= MATRIX_TEXT_LIMIT else text[:MATRIX_TEXT_LIMIT - 1] + "…")
                 + tuple(marks.get((number, index), "") for index in range(len(names)))
                 for number, text in tasks)
    _write_table(ws, styles, Table(columns, rows), 1)
    for index in range(len(names)):
        ws.cell(row=1, column=index + 3).alignment = styles.rotated
        for row_number in range(2, len(rows) + 2):
            ws.cell(row=row_number, column=index + 3).alignment = styles.centered
    ws.row_dimensions[1].height = max(text_width(name) for name in names) * 6.5 + 8 if names else LINE_HEIGHT
    ws.freeze_panes = "C2"
    ws.print_title_cols = "A:B"
    _print_setup(ws, words, landscape=True, title_rows="1:1",
                 footer=words("Tasks × departments (L leads, P takes part)"),
                 plan_title=book.plan_title)


def save(workbook: Workbook, path: Path) -> None:
    """Workbook.save, except that a failure (a full disk) closes the half-written archive at once: left to
    its finalizer, the archive would try to write its end again and print a second error."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.modified = datetime.now(timezone.utc).replace(tzinfo=None)  # as Workbook.save sets it
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()  # closes the archive
    except BaseException:
        with contextlib.suppress(OSError, ValueError):
            archive.close()
        raise


def write_workbook(book: SheetBook, path: Path, *, progress: Progress | None = None,
                   cancel: CancelCheck | None = None) -> None:
    """One workbook: an overview, the tasks × departments matrix, and a sheet per department (in the official
    layout, only the departments' sheets: what an office prints as attachments)."""
    workbook = Workbook()
    styles = _Styles(workbook, book.words)
    if book.layout == OFFICIAL:
        names = short_names(book.sheets)
        workbook.remove(workbook.active)
    else:
        overview_name, matrix_name = book.words("Overview"), book.words("Matrix")
        names = short_names(book.sheets, taken=(overview_name, matrix_name))
        overview = workbook.active
        overview.title = overview_name
        _write_overview(overview, styles, book, names)
        _write_matrix(workbook.create_sheet(matrix_name), styles, book, names)
    for done, (sheet, name) in enumerate(zip(book.sheets, names), start=1):
        check_cancel(cancel, path)
        _write_department(workbook.create_sheet(name), styles, book, sheet)
        if progress:
            progress(done, len(book.sheets))
    check_cancel(cancel, path)
    save(workbook, path)


def write_department_workbook(book: SheetBook, sheet: AssignmentSheet, path: Path) -> None:
    """A workbook holding one department's sheet."""
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = short_names([sheet])[0]
    _write_department(worksheet, styles=_Styles(workbook, book.words), book=book, sheet=sheet)
    save(workbook, path)


def _fill_statuses(ws, report: ReviewReport, header_row: int) -> None:
    """Each task's status cell filled with its status's colour, so follow-ups stand out."""
    column = report.status_column + 1
    fills = {word: PatternFill("solid", fgColor=rgb) for word, rgb in status_fills(report.words).items()}
    for row_number in range(header_row + 1, header_row + 1 + len(report.tasks.rows)):
        cell = ws.cell(row=row_number, column=column)
        if cell.value in fills:
            cell.fill = fills[cell.value]


def write_review_workbook(report: ReviewReport, path: Path) -> None:
    """The review report: the summary above the tasks with their review, and a sheet with one row per note."""
    words = report.words
    workbook = Workbook()
    styles = _Styles(workbook, words)
    tasks = workbook.active
    tasks.title = words("Review")
    _put(tasks, 1, 1, report.title).font = styles.title_font
    _put(tasks, 2, 1, words("{plan}. Printed {date}.", plan=report.plan_title,
                            date=words.date(report.printed))).font = styles.subtitle_font
    for row, (label, value) in enumerate(report.summary, start=3):
        _put(tasks, row, 1, words("{reviewer}: {status}", reviewer=label, status=value))
    header_row = 3 + len(report.summary) + 1
    _write_table(tasks, styles, report.tasks, header_row)
    _fill_statuses(tasks, report, header_row)
    _print_setup(tasks, words, landscape=True, title_rows=f"{header_row}:{header_row}",
                 footer=words("{report}: {what}", report=report.title, what=report.heading),
                 plan_title=report.plan_title)
    notes = workbook.create_sheet(words("Notes"))
    _write_table(notes, styles, report.notes, 1)
    _print_setup(notes, words, landscape=True, title_rows="1:1",
                 footer=words("{report}: {what}", report=report.title, what=words("Notes")),
                 plan_title=report.plan_title)
    save(workbook, path)


def write_ledger_workbook(document: LedgerDocument, path: Path) -> None:
    """The ledger: the summary above the tasks (overdue rows shaded), then sheets of the departments' figures,
    the reviewers' progress and the reminder list."""
    words = Words()  # the ledger speaks English for now
    workbook = Workbook()
    styles = _Styles(workbook, words)
    tasks = workbook.active
    tasks.title = LEDGER_TITLE
    _put(tasks, 1, 1, LEDGER_TITLE).font = styles.title_font
    _put(tasks, 2, 1, f"{document.plan_title}. Printed {document.printed.isoformat()}.").font = styles.subtitle_font
    for row, (label, value) in enumerate(document.summary, start=3):
        _put(tasks, row, 1, f"{label}: {value}")
    header_row = 3 + len(document.summary) + 1
    _write_table(tasks, styles, document.tasks, header_row)
    overdue = PatternFill("solid", fgColor=OVERDUE_COLOUR)
    for index in document.overdue_rows:
        for column in range(1, len(document.tasks.columns) + 1):
            tasks.cell(row=header_row + 1 + index, column=column).fill = overdue
    _print_setup(tasks, words, landscape=True, title_rows=f"{header_row}:{header_row}", footer=LEDGER_TITLE,
                 plan_title=document.plan_title)
    for title, table in ((DEPARTMENTS_HEADING, document.departments), (REVIEWERS_HEADING, document.reviewers)):
        sheet = workbook.create_sheet(title[:SHEET_NAME_LIMIT])
        _write_table(sheet, styles, table, 1)
        _print_setup(sheet, words, landscape=True, title_rows="1:1", footer=f"{LEDGER_TITLE}: {title}",
                     plan_title=document.plan_title)
    reminder = workbook.create_sheet(REMINDER_HEADING)
    for row, line in enumerate(document.reminder, start=1):
        _put(reminder, row, 1, line)
    reminder.column_dimensions["A"].width = max(text_width(line) for line in document.reminder) + 2
    _print_setup(reminder, words, landscape=False, title_rows="1:1", footer=f"{LEDGER_TITLE}: {REMINDER_HEADING}",
                 plan_title=document.plan_title)
    save(workbook, path)


# The official layout (GB/T 9704) ---------------------------------------------------------------------------
# As exporters/pdf.py lays it out: A4 portrait, a 156 × 225 mm text area, 小标宋 title, 黑体 headings, 仿宋 text,
# black rules, "— 3 —" on the outside edge. The fonts are named as Chinese Windows names them; a reader that
# lacks one substitutes its own.
OFFICIAL_FONTS = {"title": "方正小标宋简体", "heading": "黑体", "body": "仿宋_GB2312", "number": "宋体"}
OFFICIAL_MARGINS = PageMargins(left=28 / 25.4, right=26 / 25.4, top=37 / 25.4, bottom=35 / 25.4,
                               header=0.5, footer=(35 - 7 - 5) / 25.4)  # inches; the number 7 mm below the text
OFFICIAL_WIDTHS = (5, 14, 38, 13, 14)  # 序号, part and section, task, departments…: 84 units, 156 mm
OFFICIAL_LINE_HEIGHT = 18.0  # points per line of 12-point (小四) text


def _write_official_department(ws, book: SheetBook, sheet: AssignmentSheet) -> None:
    """A department's sheet as an attachment: (附件,) its title, the plan, and its two numbered task tables."""
    words = book.words
    edge = Side(style="thin", color="000000")
    border = Border(left=edge, right=edge, top=edge, bottom=edge)
    body = Font(name=OFFICIAL_FONTS["body"], size=12)
    heading_font = Font(name=OFFICIAL_FONTS["heading"], size=16)
    led, taking_part = sheet.led_table(), sheet.taking_part_table()
    count = len(led.columns)
    widths = (OFFICIAL_WIDTHS + (14,) * count)[:count]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    row = 1
    if book.attachment:
        _put(ws, row, 1, words("Attachment")).font = heading_font
        row += 2
    for text, font, height in ((words("{department}: assignment of tasks", department=sheet.title),
                                Font(name=OFFICIAL_FONTS["title"], size=22), 36),
                               (words("({plan})", plan=book.plan_title), Font(name=OFFICIAL_FONTS["body"], size=16), 28)):
        cell = _put(ws, row, 1, text)
        cell.font, cell.alignment = font, Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)
        ws.row_dimensions[row].height = height * max(1, wrapped_lines(text, sum(widths) * 0.55))
        row += 1
    for number, (heading, table) in enumerate(((words("Tasks it leads ({count})", count=len(led.rows)), led),
                                               (words("Tasks it takes part in ({count})", count=len(taking_part.rows)),
                                                taking_part)), start=1):
        row += 1
        _put(ws, row, 1, words.part(number, heading)).font = heading_font
        ws.row_dimensions[row].height = 28
        row += 1
        if not table.rows:
            _put(ws, row, 1, words("None.")).font = Font(name=OFFICIAL_FONTS["body"], size=16)
            row += 1
            continue
        for column, value in enumerate(table.columns, start=1):
            cell = _put(ws, row, column, value.heading)
            cell.font = Font(name=OFFICIAL_FONTS["heading"], size=12)
            cell.border, cell.alignment = border, Alignment(horizontal="center", vertical="center", wrap_text=True)
        lines = max(wrapped_lines(c.heading, width * 11 / 12) for c, width in zip(table.columns, widths))
        ws.row_dimensions[row].height = lines * OFFICIAL_LINE_HEIGHT + ROW_PADDING
        for values in table.rows:
            row += 1
            for column, value in enumerate(values, start=1):
                cell = _put(ws, row, column, value)
                cell.font, cell.border = body, border
                cell.alignment = Alignment(horizontal="center" if column == 1 else "left", vertical="center",
                                           wrap_text=True)
            lines = max(wrapped_lines(value, width * 11 / 12) for value, width in zip(values, widths))
            ws.row_dimensions[row].height = min(lines * OFFICIAL_LINE_HEIGHT + ROW_PADDING, MAX_ROW_HEIGHT)
        row += 1
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = OFFICIAL_MARGINS
    ws.HeaderFooter.differentOddEven = True
    for footer in (ws.oddFooter.right, ws.evenFooter.left):  # the outside edge of odd and even pages
        footer.text = "\u2014 &P \u2014"
        footer.font, footer.size = OFFICIAL_FONTS["number"], 14
