"""The dashboard: per department, the tasks it leads and joins as bars coloured by the progress it reported;
per reviewer, the review's progress as a bar. Drawn with QPainter (no chart library) from the ledger's figures
(data/ledger.py), on screen and, page by page, on a printer or into a PDF.

The drawing is a list of lines (a heading, a legend, a department's two bars...), each a height and a way
to paint itself in logical pixels; the screen shows them one under another, a printer gets as many as fit
on each page, scaled to the page's width.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QSizePolicy, QWidget

from data.ledger import ANSWER_COLOURS, ANSWER_KINDS, REVIEW_COLOURS, REVIEW_KINDS, Ledger

from .ledger_models import answer_word
from .review_pane import STATUS_WORDS

WIDTH = 900  # logical pixels: the drawing's width on screen, and what a printed page's width stands for
MARGIN = 12
NAME_WIDTH = 300  # the departments' names, left of their bars
ROLE_WIDTH = 46  # "Leads" / "Joins"
BAR_HEIGHT = 14
TEXT_SIZE = 12  # pixels (not points: the same on screen and scaled onto paper)
HEADING_SIZE = 16
MIN_LABEL_WIDTH = 18  # a bar's segment shows its count when at least this wide


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class Line:
    """One line of the drawing: its height and how it paints itself at (0, 0) in a given width."""

    height: int
    paint: Callable[[QPainter, int], None]


def _segments(painter: QPainter, rect: QRectF, counts: list[tuple[int, str]], scale: int) -> None:
    """A stacked bar: each (count, RGB colour) a segment as wide as count/scale of the rect, its count on it."""
    x = rect.left()
    painter.setFont(_font(TEXT_SIZE - 2))
    for count, colour in counts:
        if not count:
            continue
        width = rect.width() * count / scale
        segment = QRectF(x, rect.top(), width, rect.height())
        painter.fillRect(segment, QColor(f"#{colour}"))
        painter.setPen(QColor("#808080"))
        painter.drawRect(segment)
        if width >= MIN_LABEL_WIDTH:
            painter.setPen(QColor("#000000"))
            painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, str(count))
        x += width


def _text(painter: QPainter, rect: QRectF, text: str, pixels: int = TEXT_SIZE, bold: bool = False,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(_font(pixels, bold))
    painter.setPen(QColor("#000000"))
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, elided)


def _heading(text: str) -> Line:
    return Line(HEADING_SIZE + 14, lambda p, w: _text(p, QRectF(0, 6, w, HEADING_SIZE + 6), text, HEADING_SIZE, True))


def _legend(entries: list[tuple[str, str]]) -> Line:
    """Coloured boxes with their words, in a row."""
    def paint(painter: QPainter, width: int) -> None:
        x = NAME_WIDTH + ROLE_WIDTH
        painter.setFont(_font(TEXT_SIZE))
        for word, colour in entries:
            painter.fillRect(QRectF(x, 4, 12, 12), QColor(f"#{colour}"))
            painter.setPen(QColor("#808080"))
            painter.drawRect(QRectF(x, 4, 12, 12))
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(x + 16, 0, 140, 20), Qt.AlignmentFlag.AlignVCenter, word)
            x += 22 + painter.fontMetrics().horizontalAdvance(word)
    return Line(22, paint)


def dashboard_lines(ledger: Ledger) -> list[Line]:
    """The dashboard as lines, from the ledger's figures."""
    answered = len(ledger.departments) - len(ledger.waiting)
    lines = [_heading(_tr("Departments: the tasks they lead and join, by the progress they reported")),
             Line(20, lambda p, w: _text(p, QRectF(0, 0, w, 18), _tr("%1 of %2 departments answered; %3 tasks overdue.")
                                         .replace("%1", str(answered)).replace("%2", str(len(ledger.departments)))
                                         .replace("%3", str(len(ledger.overdue))))),
             _legend([(answer_word(kind), ANSWER_COLOURS[kind]) for kind in ANSWER_KINDS])]
    scale = max((max(d.leads, d.joins) for d in ledger.departments), default=1) or 1
    for department in ledger.departments:
        def paint(painter: QPainter, width: int, department=department) -> None:
            _text(painter, QRectF(0, 0, NAME_WIDTH - 8, 2 * BAR_HEIGHT + 2), department.name)
            bar_width = width - NAME_WIDTH - ROLE_WIDTH - 40
            for row, (role, counts, total) in enumerate(((_tr("Leads"), department.led, department.leads),
                                                         (_tr("Joins"), department.joined, department.joins))):
                top = row * (BAR_HEIGHT + 2)
                _text(painter, QRectF(NAME_WIDTH, top, ROLE_WIDTH, BAR_HEIGHT), role, TEXT_SIZE - 2)
                bar = QRectF(NAME_WIDTH + ROLE_WIDTH, top, bar_width, BAR_HEIGHT)
                _segments(painter, bar, [(counts[kind], ANSWER_COLOURS[kind]) for kind in ANSWER_KINDS], scale)
                _text(painter, QRectF(bar.left() + bar_width * total / scale + 4, top, 36, BAR_HEIGHT), str(total),
                      TEXT_SIZE - 2)
        lines.append(Line(2 * BAR_HEIGHT + 8, paint))
    lines += [_heading(_tr("Review progress per reviewer")),
              _legend([(QCoreApplication.translate("Review", STATUS_WORDS[kind]), REVIEW_COLOURS[kind])
                       for kind in REVIEW_KINDS])]
    if not ledger.reviewers:
        lines.append(Line(20, lambda p, w: _text(p, QRectF(0, 0, w, 18), _tr("Nobody has reviewed yet."))))
    for reviewer in ledger.reviewers:
        def paint_reviewer(painter: QPainter, width: int, reviewer=reviewer) -> None:
            _text(painter, QRectF(0, 0, NAME_WIDTH - 8, BAR_HEIGHT), reviewer.reviewer)
            bar = QRectF(NAME_WIDTH + ROLE_WIDTH, 0, width - NAME_WIDTH - ROLE_WIDTH - 40, BAR_HEIGHT)
            _segments(painter, bar, [(reviewer.counts[kind], REVIEW_COLOURS[kind]) for kind in REVIEW_KINDS],
                      reviewer.total or 1)
        lines.append(Line(BAR_HEIGHT + 8, paint_reviewer))
    return lines


def paint_lines(painter: QPainter, lines: list[Line], width: int) -> None:
    """The lines one under another, from the painter's origin."""
    painter.save()
    for line in lines:
        line.paint(painter, width)
        painter.translate(0, line.height)
    painter.restore()


class DashboardWidget(QWidget):
    """The dashboard of one ledger, as tall as its lines (put it in a scroll area)."""

    def __init__(self, ledger: Ledger, parent: QWidget | None = None):
        super().__init__(parent, objectName="dashboard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)
        self.set_ledger(ledger)

    def set_ledger(self, ledger: Ledger) -> None:
        self.ledger, self.lines = ledger, dashboard_lines(ledger)
        self.setMinimumWidth(WIDTH // 2)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, self.heightForWidth(WIDTH))

    def heightForWidth(self, width: int) -> int:
        return sum(line.height for line in self.lines) + 2 * MARGIN

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(MARGIN, MARGIN)
        paint_lines(painter, self.lines, self.width() - 2 * MARGIN)
        painter.end()

    def print_to(self, printer: QPrinter) -> int:
        """Draw the dashboard on the printer, as many lines on each page as fit; returns the pages printed."""
        painter = QPainter(printer)
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = page.width() / WIDTH
            page_height = page.height() / scale
            pages, used = [[]], 0.0
            for line in self.lines:
                if used + line.height > page_height and pages[-1]:
                    pages.append([])
                    used = 0.0
                pages[-1].append(line)
                used += line.height
            for number, lines in enumerate(pages):
                if number:
                    printer.newPage()
                painter.save()
                painter.scale(scale, scale)
                paint_lines(painter, lines, WIDTH)
                painter.restore()
            return len(pages)
        finally:
            painter.end()
