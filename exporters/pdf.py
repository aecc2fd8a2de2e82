"""Assignment sheets and the review report as PDF (reportlab platypus). exporters.export imports this
module only to write.

One pass lays the document out: the page total in "page x of y" and the contents page numbers are
PDF forms drawn once their number is known, so no second layout is needed. Each department starts
on a new page with a bookmark; task tables wrap their text and repeat their header on each page.
Chinese prints with a CJK TrueType font found on the machine (embedded), else reportlab's STSong-Light.

The official layout (document.OFFICIAL) prints the sheets as a government office prints an attachment,
after GB/T 9704-2012: A4 portrait, a 156 × 225 mm text area (top margin 37 mm, inner 28 mm), the title in 2号
小标宋, headings in 3号黑体, text in 仿宋, black rules, no running header, the page number "— 3 —" in 4号宋体
7 mm below the text, on the outside edge (odd pages right, even pages left), and 附件 above each sheet when
printed as an attachment. Fonts: the first of OFFICIAL_FONTS found on the machine, for each role.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
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

from .document import OFFICIAL, AssignmentSheet, Column, SheetBook, Table, role_summary
from .files import CancelCheck, Progress, check_cancel
from .ledger import (DEPARTMENTS_HEADING, OVERDUE, REMINDER_HEADING, REVIEWERS_HEADING, TASKS_HEADING,
                     LedgerDocument)
from .ledger import TITLE as LEDGER_TITLE
from .review_report import ReviewReport, status_fills
from .wording import Words

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
    markup = staticmethod(markup)  # how a cell's text becomes paragraph markup

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
    text = styles.markup(value)
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
    header = [_CellParagraph(styles.markup(c.heading), styles.header_cell) for c in columns]
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


def _printed(words: Words, plan_title: str, printed: date) -> str:
    return words("{plan}. Printed {date}.", plan=plan_title, date=words.date(printed))


def _department_flowables(book: SheetBook, index: int, cells: _Cells) -> list:
    sheet, styles, words = book.sheets[index], cells.styles, book.words
    led, taking_part = sheet.led_table(), sheet.taking_part_table()
    flowables = [
        _DepartmentStart(index),
        Paragraph(markup(sheet.title), styles.title),
        Paragraph(markup(_printed(words, book.plan_title, book.printed)), styles.subtitle),
        Paragraph(markup(role_summary(words, len(led.rows), len(taking_part.rows))), styles.subtitle),
    ]
    for heading, table in ((words("Tasks it leads ({count})", count=len(led.rows)), led),
                           (words("Tasks it takes part in ({count})", count=len(taking_part.rows)), taking_part)):
        flowables.append(Paragraph(markup(heading), styles.heading))
        flowables.append(_table(table, cells) if table.rows else Paragraph(markup(words("None.")), styles.cjk_cell))
    return flowables


def _contents_flowables(book: SheetBook, width: float, styles: _Styles) -> list:
    words = book.words
    flowables = [Paragraph(markup(words("Department assignment sheets")), styles.title),
                 Paragraph(markup(_printed(words, book.plan_title, book.printed)), styles.subtitle),
                 Paragraph(markup(words("Contents")), styles.heading)]
    other_name = "English name" if words.chinese else "Chinese name"  # the department's name in the other language
    name_widths = (40, 40) if words.chinese else (60, 20)  # Chinese names are short, the English ones long
    columns = (Column(words("Department"), name_widths[0]), Column(words(other_name), name_widths[1]),
               Column(words("Leads"), 7), Column(words("Takes part"), 9), Column(words("Page"), 6))
    rows = [[Paragraph(f'<a href="#{_bookmark(index)}" color="#0563C1">'
                       f'{markup(words.full_name(sheet.department))}</a>',
                       styles.cjk_cell),  # a link to the department's bookmark
             _cell(words.other_name(sheet.department), styles),
             _cell(len(sheet.led), styles), _cell(len(sheet.taking_part), styles), _FormNumber(_page_form(index))]
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


def _define_number_form(canv: Canvas, name: str, number: int | str, font: str = BODY_FONT) -> None:
    canv.beginForm(name)
    canv.setFont(font, 8.5)
    canv.drawString(0, 0, str(number))
    canv.endForm()


def _page_font(words: Words) -> str:
    """The font of the page numbers' words: the CJK font for Chinese ("第 3 页")."""
    return cjk_font() if words.chinese else BODY_FONT


class _TotalPagesCanvas(Canvas):
    """Defines the page total, for "page x of y" ("第 x 页 共 y 页"), once the last page is done."""

    def __init__(self, *args, words: Words, **kwargs):
        super().__init__(*args, **kwargs)
        self.words = words

    def save(self):
        total = self.words("{total}", total=self.getPageNumber() - 1)
        _define_number_form(self, TOTAL_PAGES_FORM, total, _page_font(self.words))
        super().save()


def _canvas_maker(words: Words) -> Callable[..., Canvas]:
    return lambda *args, **kwargs: _TotalPagesCanvas(*args, words=words, **kwargs)


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
                   plan_title: str, printed: date, what: str, words: Words) -> None:
    """Header (plan, what the page shows) and footer (printed date, page x of y) of every page."""
    width, height = doc.pagesize
    margin, half = MARGIN_MM * mm, (width - 2 * MARGIN_MM * mm) / 2
    for text, style, x, y in ((plan_title, styles.page_left, margin, height - 9 * mm),
                              (what, styles.page_right, width / 2, height - 9 * mm),
                              (words("Printed {date}", date=words.date(printed)), styles.page_left, margin, 6 * mm)):
        page_paragraph(text, style, half).drawOn(canv, x, y)
    canv.saveState()
    font = _page_font(words)
    canv.setFont(font, 8.5)
    right = width - margin - canv.stringWidth(words("{total}", total="000"), font, 8.5)
    canv.drawRightString(right, 6 * mm + 2, words("Page {page} of ", page=doc.page))
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
                       what: Callable[[BaseDocTemplate], str], words: Words) -> Frame:
    """One frame per page, decorated with the plan, `what(document)` and the page numbers; the frame."""
    margin = MARGIN_MM * mm
    width, height = document.pagesize
    frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin - 2 * mm, id="body")
    page_paragraph = functools.cache(_page_paragraph)  # pages repeat the same few texts: each laid out once
    document.addPageTemplates([PageTemplate(
        "page", [frame], onPageEnd=lambda canv, doc: _decorate_page(canv, doc, page_paragraph, styles, plan_title,
                                                                    printed, what(doc), words))])
    return frame


def write_pdf(book: SheetBook, path: Path, *, contents: bool = True, progress: Progress | None = None,
              cancel: CancelCheck | None = None) -> None:
    """All the book's departments in one PDF, each from a new page; with a contents page if asked (the standard
    layout: the official one has none)."""
    if book.layout == OFFICIAL:
        _write_official_pdf(book, path, progress, cancel)
        return
    styles, words = _Styles(), book.words
    document = _SheetDocument(path, book, progress, cancel,
                              **_page_settings(book.plan_title, words("Department assignment sheets")))
    frame = _add_page_template(document, styles, book.plan_title, book.printed,
                               lambda doc: doc.current.title if doc.current else words("Contents"), words)
    flowables = _contents_flowables(book, frame._width, styles) if contents else []
    cells = _Cells(styles, frame)
    for index in range(len(book.sheets)):
        if flowables:
            flowables.append(PageBreak())
        flowables += _department_flowables(book, index, cells)
    check_cancel(cancel, path)
    document.build(flowables, canvasmaker=_canvas_maker(words))


def write_department_pdf(book: SheetBook, sheet: AssignmentSheet, path: Path) -> None:
    """One department's sheet as a PDF of its own (no contents page)."""
    write_pdf(dataclasses.replace(book, sheets=[sheet], warnings=[]), path, contents=False)


def _status_fill(report: ReviewReport) -> RowStyle:
    """Each task's status cell filled with its status's colour, so follow-ups stand out."""
    column, fills = report.status_column, status_fills(report.words)

    def fill(index: int, values: tuple) -> list:
        rgb = fills.get(values[column])
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
    styles, words = _Styles(), report.words
    document = BaseDocTemplate(str(path), **_page_settings(report.plan_title, report.title))
    frame = _add_page_template(document, styles, report.plan_title, report.printed, lambda doc: report.title, words)
    flowables = [Paragraph(markup(report.title), styles.title),
                 Paragraph(markup(_printed(words, report.plan_title, report.printed)), styles.subtitle),
                 _summary_table(report.summary, frame, styles),
                 Paragraph(markup(report.heading), styles.heading),
                 _table(report.tasks, _Cells(styles, frame), _status_fill(report)) if report.tasks.rows
                 else Paragraph(markup(words("None.")), styles.cjk_cell)]
    document.build(flowables, canvasmaker=_canvas_maker(words))


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
    words = Words()  # the ledger speaks English for now
    frame = _add_page_template(pdf, styles, document.plan_title, document.printed, lambda doc: LEDGER_TITLE, words)
    cells = _Cells(styles, frame)
    flowables = [Paragraph(LEDGER_TITLE, styles.title),
                 Paragraph(markup(_printed(words, document.plan_title, document.printed)), styles.subtitle),
                 _summary_table(document.summary, frame, styles, label_width=50 * mm)]
    for heading, table, row_style in ((TASKS_HEADING, document.tasks, _overdue_fill(document)),
                                      (DEPARTMENTS_HEADING, document.departments, None),
                                      (REVIEWERS_HEADING, document.reviewers, None)):
        flowables.append(Paragraph(markup(heading), styles.heading))
        flowables.append(_table(table, cells, row_style) if table.rows else Paragraph("None.", styles.cell))
    flowables.append(Paragraph(markup(REMINDER_HEADING), styles.heading))
    flowables += [Paragraph(markup(line), styles.cjk_cell) for line in document.reminder]
    pdf.build(flowables, canvasmaker=_canvas_maker(words))


# The official layout (GB/T 9704) ---------------------------------------------------------------------------
WINDOWS_FONTS = os.path.expandvars(r"%WINDIR%\Fonts")
USER_FONTS = os.path.expanduser("~/.local/share/fonts")
ARPHIC = "/usr/share/fonts/truetype/arphic"
OFFICIAL_FONTS = {  # role -> (the typeface GB/T 9704 asks for, the font files to use, best first);
    # a role none of whose files is on the machine prints in cjk_font()
    "title": ("方正小标宋简体", [os.path.join(WINDOWS_FONTS, "FZXBSJW.TTF"), os.path.join(USER_FONTS, "FZXBSJW.TTF"),
                            os.path.join(WINDOWS_FONTS, "simsun.ttc"), os.path.join(ARPHIC, "uming.ttc")]),
    "body": ("仿宋", [os.path.join(WINDOWS_FONTS, "simfang.ttf"), os.path.join(USER_FONTS, "simfang.ttf"),
                    os.path.join(WINDOWS_FONTS, "simkai.ttf"), os.path.join(ARPHIC, "ukai.ttc")]),
    "heading": ("黑体", [os.path.join(WINDOWS_FONTS, "simhei.ttf"), "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                       "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"]),
    "number": ("宋体", [os.path.join(WINDOWS_FONTS, "simsun.ttc"), os.path.join(ARPHIC, "uming.ttc")]),
}
OFFICIAL_MARGINS = (28 * mm, 26 * mm, 37 * mm, 35 * mm)  # inner (left), outer, top, bottom: a 156 × 225 mm text area
TITLE_SIZE, HEADING_SIZE, TEXT_SIZE, TABLE_SIZE, NUMBER_SIZE = 22, 16, 16, 12, 14  # 2号, 3号, 3号, 小四, 4号
NUMBER_DROP = 7 * mm  # the page number's distance below the text area
OFFICIAL_WIDTHS = (9, 24, 60, 22, 22)  # 序号, part and section, task, departments…: a portrait page's shares


def _official_table(table: Table) -> Table:
    """The table with its columns' widths for a portrait page (序号 wide enough for its two characters)."""
    widths = OFFICIAL_WIDTHS + (22,) * (len(table.columns) - len(OFFICIAL_WIDTHS))
    return Table(tuple(dataclasses.replace(c, width=w) for c, w in zip(table.columns, widths)), table.rows)


@functools.lru_cache(maxsize=None)
def official_font(role: str) -> str:
    """The registered name of the font for a role of the official layout (OFFICIAL_FONTS), else cjk_font()."""
    for path in OFFICIAL_FONTS[role][1]:
        if os.path.isfile(path):
            name = f"PlanReviewOfficial-{role}"
            try:
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
            except (TTFError, OSError):
                continue
            return name
    return cjk_font()


def official_font_files() -> dict[str, str | None]:
    """The file each role of the official layout prints with on this machine (None: cjk_font()'s)."""
    return {role: next((p for p in paths if os.path.isfile(p)), None) for role, (_, paths) in OFFICIAL_FONTS.items()}


def _plain_markup(text: str) -> str:
    """Paragraph markup of text printed in the style's own font (the official fonts hold Latin letters too)."""
    return escape(str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")).replace("\n", "<br/>")


class _OfficialStyles(_Styles):
    """The official layout's looks: 仿宋 text, 黑体 headings, 小标宋 title, black rules, nothing coloured."""

    markup = staticmethod(_plain_markup)

    def __init__(self) -> None:
        super().__init__()
        body, heading = official_font("body"), official_font("heading")
        self.cell = self.cjk_cell = ParagraphStyle("official-cell", fontName=body, fontSize=TABLE_SIZE,
                                                   leading=TABLE_SIZE * 1.5, wordWrap="CJK")
        self.header_cell = ParagraphStyle("official-header", parent=self.cell, fontName=heading, alignment=TA_CENTER)
        self.title = ParagraphStyle("official-title", fontName=official_font("title"), fontSize=TITLE_SIZE,
                                    leading=TITLE_SIZE * 1.5, alignment=TA_CENTER, wordWrap="CJK", spaceAfter=6)
        self.subtitle = ParagraphStyle("official-subtitle", fontName=body, fontSize=TEXT_SIZE,
                                       leading=TEXT_SIZE * 1.75, alignment=TA_CENTER, wordWrap="CJK", spaceAfter=12)
        self.heading = ParagraphStyle("official-heading", fontName=heading, fontSize=HEADING_SIZE,
                                      leading=HEADING_SIZE * 1.75, spaceBefore=12, spaceAfter=6, wordWrap="CJK")
        self.attachment = ParagraphStyle("official-attachment", parent=self.heading, spaceBefore=0, spaceAfter=18)
        self.text = ParagraphStyle("official-text", fontName=body, fontSize=TEXT_SIZE, leading=TEXT_SIZE * 1.75,
                                   firstLineIndent=2 * TEXT_SIZE, wordWrap="CJK")
        self.table = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),  # 序号
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_BOTTOM_PADDING),
            ("FONT", (0, 1), (-1, -1), body, TABLE_SIZE, TABLE_SIZE * 1.5),
        ]


def _official_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    """The page number, "— 3 —", 7 mm below the text area, one character in from the outside edge."""
    width, _ = doc.pagesize
    inner, outer, _, bottom = OFFICIAL_MARGINS
    font = official_font("number")
    text = f"\u2014 {doc.page} \u2014"
    canv.saveState()
    canv.setFont(font, NUMBER_SIZE)
    y = bottom - NUMBER_DROP - NUMBER_SIZE * 0.8
    if doc.page % 2:
        canv.drawRightString(width - outer - NUMBER_SIZE, y, text)
    else:
        canv.drawString(inner + NUMBER_SIZE, y, text)
    canv.restoreState()


def _official_flowables(book: SheetBook, index: int, cells: _Cells) -> list:
    """A department's sheet as an attachment: (附件,) its title, the plan, and its two numbered task lists."""
    sheet, styles, words = book.sheets[index], cells.styles, book.words
    led, taking_part = sheet.led_table(), sheet.taking_part_table()
    flowables: list = [_DepartmentStart(index)]
    if book.attachment:
        flowables.append(Paragraph(_plain_markup(words("Attachment")), styles.attachment))
    flowables += [Paragraph(_plain_markup(words("{department}: assignment of tasks", department=sheet.title)),
                            styles.title),
                  Paragraph(_plain_markup(words("({plan})", plan=book.plan_title)), styles.subtitle)]
    for number, (heading, table) in enumerate(((words("Tasks it leads ({count})", count=len(led.rows)), led),
                                               (words("Tasks it takes part in ({count})", count=len(taking_part.rows)),
                                                taking_part)), start=1):
        flowables.append(Paragraph(_plain_markup(words.part(number, heading)), styles.heading))
        flowables.append(_table(_official_table(table), cells) if table.rows
                         else Paragraph(_plain_markup(words("None.")), styles.text))
    return flowables


def _write_official_pdf(book: SheetBook, path: Path, progress: Progress | None, cancel: CancelCheck | None) -> None:
    """The book in the official layout: A4 portrait, each department from a new page, numbered outside."""
    inner, outer, top, bottom = OFFICIAL_MARGINS
    styles = _OfficialStyles()
    document = _SheetDocument(path, book, progress, cancel, pagesize=A4, leftMargin=inner, rightMargin=outer,
                              topMargin=top, bottomMargin=bottom, title=book.plan_title, author="Plan Review",
                              subject=book.words("Department assignment sheets"))
    width, height = A4
    frames = [Frame(inner, bottom, width - inner - outer, height - top - bottom, id="odd", leftPadding=0,
                    rightPadding=0, topPadding=0, bottomPadding=0)]
    document.addPageTemplates([PageTemplate("official", frames, onPageEnd=_official_page)])
    cells = _Cells(styles, frames[0])
    flowables: list = []
    for index in range(len(book.sheets)):
        if flowables:
            flowables.append(PageBreak())
        flowables += _official_flowables(book, index, cells)
    check_cancel(cancel, path)
    document.build(flowables)
