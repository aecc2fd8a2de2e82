"""Assignment sheets and the review report as PDF (reportlab platypus). exporters.export imports this
module only to write.

One pass lays the document out: the page total in "page x of y" and the contents page numbers are
PDF forms drawn once their number is known, so no second layout is needed. Each department starts
on a new page with a bookmark; task tables wrap their text and repeat their header on each page.
Chinese prints with a CJK TrueType font found on the machine (embedded), else reportlab's STSong-Light.
"""
from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph
from reportlab.platypus import Table as PdfTable

from data.ledger import OVERDUE_COLOUR

from .document import AssignmentSheet, Column, SheetBook, Table, role_summary
from .files import CancelCheck, Progress, check_cancel
from .ledger import (DEPARTMENTS_HEADING, OVERDUE, REMINDER_HEADING, REVIEWERS_HEADING, TASKS_HEADING,
                     LedgerDocument)
from .ledger import TITLE as LEDGER_TITLE
from .review_report import STATUS_FILLS, ReviewReport
from .review_report import TITLE as REVIEW_TITLE

CJK_FONT = "PlanReviewCJK"
CJK_FALLBACK = "STSong-Light"
CJK_FONT_FILES = [  # TrueType outlines only: reportlab cannot embed CFF (OpenType) Noto CJK files
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
    os.path.expandvars(r"%WINDIR%\Fonts\msyh.ttc"),
    os.path.expandvars(r"%WINDIR%\Fonts\simsun.ttc"),
    "/Library/Fonts/Arial Unicode.ttf",
]
BODY_FONT, BOLD_FONT = "Helvetica", "Helvetica-Bold"
HEADER_BLUE = "#305496"
TOTAL_PAGES_FORM = "total-pages"
MARGIN_MM = 14
CELL_SIDE_PADDING, CELL_TOP_PADDING, CELL_BOTTOM_PADDING = 3, 2, 3  # points, the table style's
CELL_LEADING = 10.5
ROW_LIMIT = 0.8  # of the page's height: a taller row is continued in rows below it


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """Register the first usable CJK TrueType font on this machine; its name, or the built-in fallback."""
    for path in CJK_FONT_FILES:
        if os.path.isfile(path):
            try:
                pdfmetrics.registerFont(TTFont(CJK_FONT, path, subfontIndex=0))
            except (TTFError, OSError):
                continue
            return CJK_FONT
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FALLBACK))
    return CJK_FALLBACK


# What reportlab's standard fonts can show (Windows-1252); any run of other characters takes the CJK font.
_BODY_CHARACTERS = bytes(range(256)).decode("cp1252", errors="ignore")
_OTHER_SCRIPT = re.compile(f"[^{re.escape(_BODY_CHARACTERS)}\n]+")


def markup(text: str) -> str:
    """Paragraph markup that prints `text` exactly as typed: escaped, other scripts in the CJK font."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    pieces, done = [], 0
    for run in _OTHER_SCRIPT.finditer(text):
        pieces.append(escape(text[done:run.start()]))
        pieces.append(f'<font name="{cjk_font()}">{escape(run.group())}</font>')
        done = run.end()
    pieces.append(escape(text[done:]))
    return "".join(pieces).replace("\n", "<br/>")


class _Styles:
    def __init__(self) -> None:
        self.cell = ParagraphStyle("cell", fontName=BODY_FONT, fontSize=8.5, leading=CELL_LEADING)
        # for text with Chinese: breaks between any two Chinese characters, keeps Latin words whole (slower)
        self.cjk_cell = ParagraphStyle("cjk-cell", parent=self.cell, wordWrap="CJK")
        self.header_cell = ParagraphStyle("header-cell", parent=self.cell, fontName=BOLD_FONT,
                                          textColor=colors.white)
        self.label = ParagraphStyle("label", parent=self.cell, fontName=BOLD_FONT)
        self.title = ParagraphStyle("title", fontName=BOLD_FONT, fontSize=16, leading=20, spaceAfter=2,
                                    wordWrap="CJK")
        self.subtitle = ParagraphStyle("subtitle", fontName=BODY_FONT, fontSize=10, leading=13,
                                       textColor=colors.HexColor("#404040"), wordWrap="CJK")
        self.heading = ParagraphStyle("heading", fontName=BOLD_FONT, fontSize=12, leading=15,
                                      spaceBefore=10, spaceAfter=4)
        self.page_left = ParagraphStyle("page-left", fontName=BODY_FONT, fontSize=8, leading=10,
                                        textColor=colors.HexColor("#404040"))
        self.page_right = ParagraphStyle("page-right", parent=self.page_left, alignment=TA_RIGHT)
        self.table = [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_BLUE)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP_PADDING),
            ("FONT", (0, 1), (-1, -1), BODY_FONT, 8.5, CELL_LEADING),  # the plain (number) cells
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_BOTTOM_PADDING),
        ]


class _CellParagraph(Paragraph):
    """A table cell's paragraph, laid out once per width: the table asks again when it draws the cell."""

    def wrap(self, availWidth, availHeight):
        # the lines depend on the width alone; split() may drop them (blPara) when nothing fits
        if self.__dict__.get("_wrapped_width") != availWidth or not hasattr(self, "blPara"):
            self._wrapped = super().wrap(availWidth, availHeight)
            self._wrapped_width = availWidth
        return self._wrapped


def _cell(value: str | int, styles: _Styles):
    """A wrapping paragraph; a number needs no wrapping (and a Paragraph costs)."""
    if isinstance(value, int):
        return str(value)
    text = markup(value)
    return _CellParagraph(text, styles.cjk_cell if "<font" in text else styles.cell)  # typed '<' is escaped


def _column_widths(columns: tuple[Column, ...], width: float) -> list[float]:
    """The columns' share of the width, by their hints."""
    hints = sum(c.width for c in columns)
    return [width * c.width / hints for c in columns]


def _text_width(column_width: float) -> float:
    """The width a cell's text has in a column, computed as reportlab's Table does (same float)."""
    return column_width - CELL_SIDE_PADDING - CELL_SIDE_PADDING


def _row_height(row: list, widths: list[float]) -> float:
    """The row's height as reportlab's Table measures it: its tallest cell's paragraph or lines, padded."""
    return max((cell.wrap(_text_width(width), math.inf)[1] if isinstance(cell, Paragraph)
                else CELL_LEADING * (str(cell).count("\n") + 1)) + (CELL_BOTTOM_PADDING + CELL_TOP_PADDING)
               for cell, width in zip(row, widths))


def _pdf_table(columns: tuple[Column, ...], rows: list[list], width: float, styles: _Styles,
               row_heights: list[float] | None = None) -> PdfTable:
    """Cells under a header row that repeats on every page; column widths follow the columns' hints.

    With the rows' heights given (`_row_height`), reportlab does not lay every cell out again to measure it.
    """
    widths = _column_widths(columns, width)
    header = [_CellParagraph(markup(c.heading), styles.header_cell) for c in columns]
    if row_heights is not None:
        row_heights = [_row_height(header, widths), *row_heights]
    result = PdfTable([header, *rows], colWidths=widths, rowHeights=row_heights, repeatRows=1)
    result.setStyle(styles.table)
    return result


def _pieces(paragraph: Paragraph, width: float, height: float) -> list[Paragraph]:
    """The paragraph cut into pieces no taller than `height`."""
    pieces = []
    while paragraph.wrap(width, height)[1] > height:
        split = paragraph.split(width, height)
        if len(split) < 2:
            break
        pieces.append(split[0])
        paragraph = split[1]
    return pieces + [paragraph]


class _Cells:
    """A document's table cells, laid out once per distinct text and column width.

    A task shows on the sheet of every department it names, so most cell texts repeat (the 1,000-task bench
    plan has 3,211 distinct texts in 10,844 text cells); one laid-out paragraph is drawn wherever it shows.
    """

    def __init__(self, styles: _Styles, frame: Frame):
        self.styles, self.width = styles, frame._width
        self.row_limit = ROW_LIMIT * frame._height  # a taller cell is continued in rows below its own
        self._pieces: dict[tuple[str, float], list[Paragraph]] = {}

    def pieces(self, value: str | int, width: float) -> list:
        """The value's cell in a column this wide, as pieces no taller than the row limit; a number as text."""
        if isinstance(value, int):
            return [str(value)]
        key = value, width
        if key not in self._pieces:
            self._pieces[key] = _pieces(_cell(value, self.styles), _text_width(width), self.row_limit)
        return self._pieces[key]

    def rows(self, values: tuple, widths: list[float]) -> list[list]:
        """The values as one row, or as several when a cell is taller than the row limit.

        reportlab keeps a table row on one page and fails on a row taller than a page (a very long note).
        """
        cells = [self.pieces(value, width) for value, width in zip(values, widths)]
        return [[pieces[i] if i < len(pieces) else "" for pieces in cells]
                for i in range(max(len(pieces) for pieces in cells))]


RowStyle = Callable[[int, tuple], list]  # (row index in the PDF table, the row's values) -> table style commands


def _table(table: Table, cells: _Cells, row_style: RowStyle | None = None) -> PdfTable:
    """The table's cells wrapped in the frame's width; rows taller than most of its height are continued."""
    widths = _column_widths(table.columns, cells.width)
    rows, commands = [], []
    for values in table.rows:
        if row_style:
            commands += row_style(len(rows) + 1, values)  # + 1: the header row
        rows += cells.rows(values, widths)
    result = _pdf_table(table.columns, rows, cells.width, cells.styles, [_row_height(row, widths) for row in rows])
    if commands:
        result.setStyle(commands)
    return result


def _department_flowables(book: SheetBook, index: int, cells: _Cells) -> list:
    sheet, styles = book.sheets[index], cells.styles
    led, taking_part = sheet.led_table(), sheet.taking_part_table()
    flowables = [
        _DepartmentStart(index),
        Paragraph(markup(sheet.title), styles.title),
        Paragraph(markup(f"{book.plan_title}. Printed {book.printed.isoformat()}."), styles.subtitle),
        Paragraph(markup(role_summary(len(led.rows), len(taking_part.rows))), styles.subtitle),
    ]
    for heading, table in ((f"Tasks it leads ({len(led.rows)})", led),
                           (f"Tasks it takes part in ({len(taking_part.rows)})", taking_part)):
        flowables.append(Paragraph(markup(heading), styles.heading))
        flowables.append(_table(table, cells) if table.rows else Paragraph("None.", styles.cell))
    return flowables


def _contents_flowables(book: SheetBook, width: float, styles: _Styles) -> list:
    flowables = [Paragraph("Department assignment sheets", styles.title),
                 Paragraph(markup(f"{book.plan_title}. Printed {book.printed.isoformat()}."), styles.subtitle),
                 Paragraph("Contents", styles.heading)]
    columns = (Column("Department", 60), Column("Chinese name", 20), Column("Leads", 7), Column("Takes part", 9),
               Column("Page", 6))
    rows = [[Paragraph(f'<a href="#{_bookmark(index)}" color="#0563C1">{markup(sheet.department.name)}</a>',
                       styles.cell),  # a link to the department's bookmark
             _cell(sheet.department.name_zh or "", styles), _cell(len(sheet.led), styles),
             _cell(len(sheet.taking_part), styles), _FormNumber(_page_form(index))]
            for index, sheet in enumerate(book.sheets)]
    flowables.append(_pdf_table(columns, rows, width, styles))
    return flowables


def _bookmark(index: int) -> str:
    return f"department-{index}"


def _page_form(index: int) -> str:
    return f"department-page-{index}"


class _DepartmentStart(Flowable):
    """An invisible mark where a department's sheet begins."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class _FormNumber(Flowable):
    """A number drawn by a PDF form that is defined later in the layout (a page number)."""

    def __init__(self, form: str):
        super().__init__()
        self.form = form

    def wrap(self, available_width, available_height):
        return 20, 8

    def draw(self):
        self.canv.doForm(self.form)


def _define_number_form(canv: Canvas, name: str, number: int) -> None:
    canv.beginForm(name)
    canv.setFont(BODY_FONT, 8.5)
    canv.drawString(0, 0, str(number))
    canv.endForm()


class _TotalPagesCanvas(Canvas):
    """Defines the page total, for "page x of y", once the last page is done."""

    def save(self):
        _define_number_form(self, TOTAL_PAGES_FORM, self.getPageNumber() - 1)
        super().save()


class _SheetDocument(BaseDocTemplate):
    """Notices where each department starts: bookmark, outline entry, page-number form, progress."""

    def __init__(self, path: Path, book: SheetBook, progress: Progress | None, cancel: CancelCheck | None,
                 **settings):
        super().__init__(str(path), **settings)
        self.book, self.progress, self.cancel = book, progress, cancel
        self.current: AssignmentSheet | None = None

    def afterFlowable(self, flowable):
        if not isinstance(flowable, _DepartmentStart):
            return
        check_cancel(self.cancel, self.filename)
        sheet = self.current = self.book.sheets[flowable.index]
        key = _bookmark(flowable.index)
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(sheet.title, key, level=0)
        _define_number_form(self.canv, _page_form(flowable.index), self.page)
        if self.progress:
            self.progress(flowable.index + 1, len(self.book.sheets))


def _page_paragraph(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A header or footer text laid out in `width`."""
    paragraph = Paragraph(markup(text), style)
    paragraph.wrap(width, 20)
    return paragraph


def _decorate_page(canv: Canvas, doc: BaseDocTemplate, page_paragraph: Callable[..., Paragraph], styles: _Styles,
                   plan_title: str, printed: date, what: str) -> None:
    """Header (plan, what the page shows) and footer (printed date, page x of y) of every page."""
    width, height = doc.pagesize
    margin, half = MARGIN_MM * mm, (width - 2 * MARGIN_MM * mm) / 2
    for text, style, x, y in ((plan_title, styles.page_left, margin, height - 9 * mm),
                              (what, styles.page_right, width / 2, height - 9 * mm),
                              (f"Printed {printed.isoformat()}", styles.page_left, margin, 6 * mm)):
        page_paragraph(text, style, half).drawOn(canv, x, y)
    canv.saveState()
    canv.setFont(BODY_FONT, 8.5)
    right = width - margin - canv.stringWidth("000", BODY_FONT, 8.5)
    canv.drawRightString(right, 6 * mm + 2, f"Page {doc.page} of ")
    canv.translate(right, 6 * mm + 2)
    canv.doForm(TOTAL_PAGES_FORM)
    canv.restoreState()
    canv.setStrokeColor(colors.HexColor("#808080"))
    canv.setLineWidth(0.4)
    canv.line(margin, height - 10 * mm, width - margin, height - 10 * mm)


def _page_settings(plan_title: str, subject: str) -> dict:
    """The document settings every PDF here shares: A4 landscape, margins, metadata."""
    margin = MARGIN_MM * mm
    return dict(pagesize=landscape(A4), leftMargin=margin, rightMargin=margin, topMargin=margin,
                bottomMargin=margin, title=plan_title, author="Plan Review", subject=subject)


def _add_page_template(document: BaseDocTemplate, styles: _Styles, plan_title: str, printed: date,
                       what: Callable[[BaseDocTemplate], str]) -> Frame:
    """One frame per page, decorated with the plan, `what(document)` and the page numbers; the frame."""
    margin = MARGIN_MM * mm
    width, height = document.pagesize
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin - 2 * mm, id="body")
    page_paragraph = functools.cache(_page_paragraph)  # pages repeat the same few texts: each laid out once
    document.addPageTemplates([PageTemplate(
        "page", [frame], onPageEnd=lambda canv, doc: _decorate_page(canv, doc, page_paragraph, styles, plan_title,
                                                                    printed, what(doc)))])
    return frame


def write_pdf(book: SheetBook, path: Path, *, contents: bool = True, progress: Progress | None = None,
              cancel: CancelCheck | None = None) -> None:
    """All the book's departments in one PDF, each from a new page; with a contents page if asked."""
    styles = _Styles()
    document = _SheetDocument(path, book, progress, cancel,
                              **_page_settings(book.plan_title, "Department assignment sheets"))
    frame = _add_page_template(document, styles, book.plan_title, book.printed,
                               lambda doc: doc.current.title if doc.current else "Contents")
    flowables = _contents_flowables(book, frame._width, styles) if contents else []
    cells = _Cells(styles, frame)
    for index in range(len(book.sheets)):
        if flowables:
            flowables.append(PageBreak())
        flowables += _department_flowables(book, index, cells)
    check_cancel(cancel, path)
    document.build(flowables, canvasmaker=_TotalPagesCanvas)


def write_department_pdf(book: SheetBook, sheet: AssignmentSheet, path: Path) -> None:
    """One department's sheet as a PDF of its own (no contents page)."""
    write_pdf(SheetBook(book.plan_title, book.printed, [sheet]), path, contents=False)


def _status_fill(report: ReviewReport) -> RowStyle:
    """Each task's status cell filled with its status's colour, so follow-ups stand out."""
    column = report.status_column

    def fill(index: int, values: tuple) -> list:
        rgb = STATUS_FILLS.get(values[column])
        return [("BACKGROUND", (column, index), (column, index), colors.HexColor(f"#{rgb}"))] if rgb else []
    return fill


def _summary_table(summary: tuple[tuple[str, str], ...], frame: Frame, styles: _Styles,
                   label_width: float = 35 * mm) -> PdfTable:
    """Labels and values, unruled, above a report's tables."""
    return PdfTable([[Paragraph(markup(label), styles.label), Paragraph(markup(value), styles.cjk_cell)]
                     for label, value in summary], colWidths=[label_width, frame._width - label_width],
                    hAlign="LEFT", style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                          ("TOPPADDING", (0, 0), (-1, -1), 0),
                                          ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])


def write_review_pdf(report: ReviewReport, path: Path) -> None:
    """The review report: the summary, then the tasks with their statuses, flags and notes."""
    styles = _Styles()
    document = BaseDocTemplate(str(path), **_page_settings(report.plan_title, REVIEW_TITLE))
    frame = _add_page_template(document, styles, report.plan_title, report.printed, lambda doc: REVIEW_TITLE)
    flowables = [Paragraph(REVIEW_TITLE, styles.title),
                 Paragraph(markup(f"{report.plan_title}. Printed {report.printed.isoformat()}."), styles.subtitle),
                 _summary_table(report.summary, frame, styles),
                 Paragraph(markup(report.heading), styles.heading),
                 _table(report.tasks, _Cells(styles, frame), _status_fill(report)) if report.tasks.rows
                 else Paragraph("None.", styles.cell)]
    document.build(flowables, canvasmaker=_TotalPagesCanvas)


def _overdue_fill(document: LedgerDocument) -> RowStyle:
    """An overdue task's row shaded, so it stands out on paper."""
    shade = colors.HexColor(f"#{OVERDUE_COLOUR}")

    def fill(index: int, values: tuple) -> list:
        overdue = values[-1] == OVERDUE  # the last column marks it
        return [("BACKGROUND", (0, index), (-1, index), shade)] if overdue else []
    return fill


def write_ledger_pdf(document: LedgerDocument, path: Path) -> None:
    """The ledger: the summary, the tasks (overdue rows shaded), the departments' figures, the reviewers'
    progress, and the reminder list."""
    styles = _Styles()
    pdf = BaseDocTemplate(str(path), **_page_settings(document.plan_title, LEDGER_TITLE))
    frame = _add_page_template(pdf, styles, document.plan_title, document.printed, lambda doc: LEDGER_TITLE)
    cells = _Cells(styles, frame)
    flowables = [Paragraph(LEDGER_TITLE, styles.title),
                 Paragraph(markup(f"{document.plan_title}. Printed {document.printed.isoformat()}."), styles.subtitle),
                 _summary_table(document.summary, frame, styles, label_width=50 * mm)]
    for heading, table, row_style in ((TASKS_HEADING, document.tasks, _overdue_fill(document)),
                                      (DEPARTMENTS_HEADING, document.departments, None),
                                      (REVIEWERS_HEADING, document.reviewers, None)):
        flowables.append(Paragraph(markup(heading), styles.heading))
        flowables.append(_table(table, cells, row_style) if table.rows else Paragraph("None.", styles.cell))
    flowables.append(Paragraph(markup(REMINDER_HEADING), styles.heading))
    flowables += [Paragraph(markup(line), styles.cjk_cell) for line in document.reminder]
    pdf.build(flowables, canvasmaker=_TotalPagesCanvas)
