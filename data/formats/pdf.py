"""A PDF with a text layer as the lines the plan reader takes, read with pdfminer.six (chosen over pypdf
by bench/pdf_text_quality.py: pdfminer's layout analysis keeps lines whole where a word processor places
each character on its own). Text in reading order; page headers, footers and page markers removed;
lines wrapped at the margin joined back into paragraphs by their positions on the page."""
from __future__ import annotations

import re
import statistics
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect, PDFTextExtractionNotAllowedWarning
from pdfminer.psparser import PSException

from ..clauses import labelled_line
from ..errors import PlanFileError

MAX_PAGES = 2_000
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
    top: float

    @property
    def character_width(self) -> float:
        return (self.right - self.left) / max(len(self.text), 1)


def read_pdf(path: Path) -> list[str]:
    """The document's paragraphs, one a line."""
    pages = _page_lines(path)
    if not any(pages):
        raise PlanFileError(path, "the PDF has no text layer (a scanned document?): it must be run through "
                                  "text recognition (OCR) before it can be read"
                            if _has_images(path) else "the PDF holds no text")
    return _paragraphs(_without_furniture(pages))


def _page_lines(path: Path) -> list[list[PageLine]]:
    pages: list[list[PageLine]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PDFTextExtractionNotAllowedWarning)
            for page in extract_pages(path, password="", maxpages=MAX_PAGES + 1, laparams=LAParams()):
                if len(pages) == MAX_PAGES:
                    raise PlanFileError(path, "the PDF has more than {limit:,} pages: not read as a plan",
                                        limit=MAX_PAGES)
                pages.append(_lines_of(page))
    except PDFPasswordIncorrect:
        raise PlanFileError(path, "the PDF is encrypted and needs a password to open") from None
    except PDFEncryptionError as error:
        raise PlanFileError(path, "the PDF is encrypted in a way that cannot be opened: {reason}",
                            reason=error) from None
    except (PSException, ValueError, KeyError, TypeError) as error:
        raise PlanFileError(path, "a damaged PDF: {reason}", reason=error or type(error).__name__) from None
    return pages


def _lines_of(page: LTPage) -> list[PageLine]:
    """The page's text lines top down, left to right. The lines are taken out of pdfminer's text boxes
    and sorted by position: its box order can put a wrapped clause's last characters ("责)"), grouped
    in a box of their own, before the line they end."""
    lines = []
    for box in page:
        if isinstance(box, LTTextContainer):
            for line in (box if not isinstance(box, LTTextLine) else [box]):
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    lines.append(PageLine(line_text(line), line.x0, line.x1, line.y1))
    return sorted(lines, key=lambda line: (-round(line.top), line.left))


def line_text(line: LTTextLine) -> str:
    """One line's text. Spaces the PDF draws are kept (in Chinese they can part a name from a label);
    the spaces pdfminer adds where it sees a gap between characters are kept in Latin text (words placed
    one by one) and dropped in Chinese, where justified text spreads every character ("5 0 %", "A I G C")."""
    drawn = "".join(item.get_text() if isinstance(item, LTChar) else "\0" for item in line)
    gaps = " " if not _mostly_cjk(drawn.replace("\0", "")) else ""
    return re.sub(r"\s+", " ", drawn.replace("\0", gaps)).strip()


def _mostly_cjk(text: str) -> bool:
    letters = text.replace(" ", "")
    return sum(map(_is_cjk, letters)) * 2 > len(letters)


def _has_images(path: Path) -> bool:
    def holds_image(item) -> bool:
        return isinstance(item, LTImage) or (isinstance(item, LTFigure) and any(holds_image(i) for i in item))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PDFTextExtractionNotAllowedWarning)
        return any(holds_image(item) for page in extract_pages(path, maxpages=5) for item in page)


def _furniture_key(line: PageLine) -> tuple[str, int]:
    """A line as a running header or footer repeats it: its text (numbers aside) at its height."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.top / 4)


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
