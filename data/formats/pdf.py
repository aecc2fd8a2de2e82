"""A PDF with a text layer as the lines the plan reader takes, read with PDFium (pypdfium2: the library the
print preview renders with, holding its own character maps and decryption). Text in reading order; page
headers, footers and page markers removed; lines wrapped at the margin joined back into paragraphs by their
positions on the page."""
from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from ..clauses import labelled_line
from ..errors import PlanFileError, Problem
from ..pdfium import PDFIUM, pdf_document

MAX_PAGES = 2_000
_IMAGE_PAGES = 5  # the pages looked at for a scan's images when a PDF holds no text
# Characters drawn one after another are on one line when their heights overlap by more than half the lower
# one's and the gap between them is at most two ems (a wider gap parts a table's columns). PDFium's own line
# breaks are not followed: a row of several pieces can run on into the next row's first piece.
_LINE_OVERLAP = 0.5
_CHAR_MARGIN = 2.0
_NO_WIDTH = 0.01  # points: a text object narrower draws nothing but spaces
_GAP = "\0"  # where PDFium saw a gap between two drawn characters (a space it generated)
_FURNITURE_LINES = 2  # lines at a page's top and foot that may be a running header or footer
_PAGE_MARKER = re.compile(r"^(?:[—–\-－]?\s*\d{1,4}\s*[—–\-－]?|第\s*\d{1,4}\s*页.*|\d{1,4}\s*/\s*\d{1,4}|"
                          r"page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$", re.I)
_FIRST_WORD = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]+|.")  # "1." of "1.地区…", "Ministry", or one 字
_SENTENCE_END = re.compile(r"[。；！？：:;!?）)」”]$")
_NUMBERED_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.、．﹒]|[①-⑳]|"
                             r"第[一二三四五六七八九十]+)")


@dataclass
class PageLine:
    text: str
    left: float
    right: float
    baseline: float  # its height on the page, from the page's foot

    @property
    def character_width(self) -> float:
        return (self.right - self.left) / max(len(self.text), 1)


def read_pdf(path: Path) -> list[str]:
    """The document's paragraphs, one a line."""
    return _paragraphs(_without_furniture(_page_lines(path)))


def _page_lines(path: Path) -> list[list[PageLine]]:
    """Each page's lines; a PDF that cannot be opened, is too long or holds no text is refused."""
    try:
        with pdf_document(path.read_bytes()) as document:
            with PDFIUM:
                count = len(document)
            if count > MAX_PAGES:
                raise PlanFileError(path, "the PDF has more than {limit:,} pages: not read as a plan",
                                    limit=MAX_PAGES)
            pages = []
            for index in range(count):
                with PDFIUM:
                    pages.append(_lines_of(document, index))
            if not any(pages):
                with PDFIUM:
                    scanned = _has_images(document, min(count, _IMAGE_PAGES))
                raise PlanFileError(path, "the PDF has no text layer (a scanned document?): it must be run "
                                          "through text recognition (OCR) before it can be read"
                                    if scanned else "the PDF holds no text")
    except pypdfium2.PdfiumError as error:
        raise _refusal(path, error) from None
    return pages


def _refusal(path: Path, error: pypdfium2.PdfiumError) -> PlanFileError:
    """Why PDFium could not open or read the PDF (its error code, given when it opens a document)."""
    if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return PlanFileError(path, "the PDF is encrypted and needs a password to open")
    if error.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return PlanFileError(path, "the PDF is encrypted with a security handler that cannot be opened")
    reason = (Problem("its structure cannot be read") if error.err_code is not None
              else Problem("a page cannot be read"))
    return PlanFileError(path, "a damaged PDF: {reason}", reason=reason)


def _lines_of(document: pypdfium2.PdfDocument, index: int) -> list[PageLine]:
    """Page `index`'s text lines top down, left to right. Its characters, in the order the PDF draws them,
    are grouped into lines by their places, and the lines sorted by position: a wrapped clause's last
    characters ("责)"), drawn apart, come after the line they end."""
    page = document[index]
    text_page = page.get_textpage()
    try:
        lines = list(_drawn_lines(text_page, _DrawnSpaces(page)))
    finally:
        text_page.close()
        page.close()
    return sorted(lines, key=lambda line: (-round(line.baseline), line.left))


def _drawn_lines(text_page: pypdfium2.PdfTextPage, spaces: _DrawnSpaces) -> Iterator[PageLine]:
    """The text page's lines in the order they are drawn. PDFium's own line breaks are not followed (a row
    of several pieces can run on into the next row's first piece), only the spaces it generates where it
    sees a gap between two characters; a space the PDF draws is kept."""
    drawn, left, right, baseline = "", math.inf, -math.inf, 0.0
    previous = None  # the box (left, bottom, right, top) of the line's last drawn character
    gap = False  # whether PDFium generated a space after it
    for index in range(text_page.count_chars()):
        char = _character(text_page, index)
        if not char or (previous is None and char.isspace()):
            continue
        if pdfium_c.FPDFText_IsGenerated(text_page, index) == 1:
            gap = gap or char == " "  # a generated line break is no space: places decide
            continue
        box = text_page.get_charbox(index, loose=True)
        if char.isspace() and box[3] <= box[1]:  # a space without a height (a font without metrics)
            drawn += " "
            continue
        if previous is None or not _same_line(previous, box):
            if line := _line_text(drawn):
                yield PageLine(line, left, right, baseline)
            drawn, left, right, baseline = "", math.inf, -math.inf, _baseline(text_page, index)
        elif spaces.between(baseline, previous[0], box[0]):
            drawn += " "
        elif gap:
            drawn += _GAP
        if char.isspace():
            drawn += " "
        else:
            drawn, left, right = drawn + char, min(left, box[0]), max(right, box[2])
        previous, gap = box, False
    if line := _line_text(drawn):
        yield PageLine(line, left, right, baseline)


class _DrawnSpaces:
    """Where a page draws a text object holding only a space (a word processor's run of its own, in another
    font): PDFium's text page leaves such objects out, having no width, and generates a space in its gap,
    which in Chinese is dropped with the gaps of justified text."""

    def __init__(self, page: pypdfium2.PdfPage):
        self._rows: dict[int, list[float]] = defaultdict(list)  # baseline height: where on it, left to right
        for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
            left, bottom, right, _ = text.get_bounds()
            if right - left < _NO_WIDTH:
                x, y = _on_page(text, left, bottom)
                self._rows[round(y)].append(x)
        for row in self._rows.values():
            row.sort()

    def between(self, baseline: float, start: float, end: float) -> bool:
        """Whether one is drawn on the baseline after `start` and before `end` (where two characters start:
        justified text can overlap their boxes)."""
        for row in (round(baseline) - 1, round(baseline), round(baseline) + 1):
            places = self._rows.get(row, ())
            at = bisect.bisect_right(places, start)
            if at < len(places) and places[at] < end:
                return True
        return False


def _on_page(item: pypdfium2.PdfObject, x: float, y: float) -> tuple[float, float]:
    """A point of a page object, which may stand inside form objects, in the page's coordinates."""
    container = item.container
    while container is not None:
        x, y = container.get_matrix().on_point(x, y)
        container = container.container
    return x, y


def _character(text_page: pypdfium2.PdfTextPage, index: int) -> str:
    """The character's text; "" for none (a glyph without a Unicode value)."""
    code = pdfium_c.FPDFText_GetUnicode(text_page, index)
    return chr(code) if 0 < code <= sys.maxunicode else ""


def _same_line(before: tuple[float, ...], box: tuple[float, ...]) -> bool:
    """Whether a character's box (left, bottom, right, top) goes on the line of the one drawn before it."""
    overlap = min(before[3], box[3]) - max(before[1], box[1])
    distance = max(0.0, box[0] - before[2], before[0] - box[2])
    heights = before[3] - before[1], box[3] - box[1]
    return overlap > _LINE_OVERLAP * min(heights) and distance <= _CHAR_MARGIN * max(heights)


def _baseline(text_page: pypdfium2.PdfTextPage, index: int) -> float:
    """The height of a character's baseline on the page (a box's top varies with the glyph in PDFium)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(text_page, index, x, y)
    return y.value


def _line_text(drawn: str) -> str:
    """One line's text. Spaces the PDF draws are kept (in Chinese they can part a name from a label);
    the gaps PDFium sees between characters are spaces in Latin text (words placed one by one) and dropped
    in Chinese, where justified text spreads every character ("5 0 %", "A I G C")."""
    # PDFium on Windows gives a character beyond the BMP as its two UTF-16 halves; a lone half is no text
    drawn = drawn.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    gaps = " " if not _mostly_cjk(drawn.replace(_GAP, "")) else ""
    return re.sub(r"\s+", " ", drawn.replace(_GAP, gaps)).strip()


def _mostly_cjk(text: str) -> bool:
    letters = text.replace(" ", "")
    return sum(map(_is_cjk, letters)) * 2 > len(letters)


def _has_images(document: pypdfium2.PdfDocument, pages: int) -> bool:
    """Whether any of the first pages draws an image (inside a form object too), as a scan's pages do."""
    for index in range(pages):
        page = document[index]
        try:
            if next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]), None) is not None:
                return True
        finally:
            page.close()
    return False


def _furniture_key(line: PageLine) -> tuple[str, int]:
    """A line as a running header or footer repeats it: its text (numbers aside) at its height."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.baseline / 4)


def _without_furniture(pages: list[list[PageLine]]) -> list[PageLine]:
    """All pages' lines without page markers and the running headers and footers: lines at a page's top or
    foot that recur (numbers aside) at the same height on most pages. (A body line that often falls at a
    page's foot, as a ledger's "市发改委" does, stands at a different height on each page.)"""
    edges = Counter()
    for lines in pages:
        edge_lines = lines[:_FURNITURE_LINES] + lines[-_FURNITURE_LINES:]
        edges.update({_furniture_key(line) for line in edge_lines})
    recurring = {key for key, count in edges.items() if len(pages) >= 2 and count >= max(2, 0.6 * len(pages))}
    kept = []
    for lines in pages:
        for index, line in enumerate(lines):
            at_edge = index < _FURNITURE_LINES or index >= len(lines) - _FURNITURE_LINES
            if at_edge and (_PAGE_MARKER.match(line.text) or _furniture_key(line) in recurring):
                continue
            kept.append(line)
    return kept


def _paragraphs(lines: list[PageLine]) -> list[str]:
    """Lines joined where the text ran on: a line reaching the right margin (the next line's first word
    would not have fitted) followed by a line starting at the left margin, not opening a numbered item
    nor a label ("牵头单位："), nor a short fragment after a sentence's end (a name, a signature)."""
    if not lines:
        return []
    left = Counter(round(line.left) for line in lines).most_common(1)[0][0]
    longest = max(line.right for line in lines)
    right = statistics.median(line.right for line in lines if line.right >= 0.9 * longest)  # the right margin:
    # where the long lines end (not the most common ends: in a text of short label lines those are short)
    paragraphs: list[str] = []
    previous: PageLine | None = None
    for line in lines:
        if previous is not None and _runs_on(previous, line, left, right):
            latin = paragraphs[-1][-1].isascii() and line.text[0].isascii() and not _mostly_cjk(previous.text)
            paragraphs[-1] += (" " if latin else "") + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _runs_on(line: PageLine, following: PageLine, left: float, right: float) -> bool:
    width = line.character_width
    first_word = _FIRST_WORD.match(following.text).group()
    reaches_margin = line.right + width * (len(first_word) + 1) > right
    starts_at_margin = abs(following.left - left) < width * 0.8
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    opens_item = ends_sentence and bool(_NUMBERED_START.match(following.text))
    # a short line ending no sentence after a sentence's end: a name, a signature, a table cell ("市发改委")
    short = following.right < left + 0.6 * (right - left)
    fragment = ends_sentence and short and not _SENTENCE_END.search(following.text)
    return (reaches_margin and starts_at_margin and not opens_item and not fragment
            and not labelled_line(following.text))


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
