"""Print Preview and Print of a department's assignment sheet: the very PDF the export writes (same layout
engine: reportlab), each page rendered by PDFium (pypdfium2) and drawn on the printer's page. Rows are never
split, the department's header runs on every page and the footer says "page x of y", as in the export.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from data.store import PlanStore

from .translations import current_language

POINTS_PER_INCH = 72
PRINT_DPI = 300  # the finest a page is rendered for a printer (a preview asks for its screen's)
PREVIEW_SHARE = 0.85  # of the screen's width and height the preview opens at


def department_sheet_pdf(store: PlanStore, plan_id: int, department_id: int) -> bytes:
    """The department's assignment sheet as the PDF export writes it, in the window's language."""
    from exporters.document import build_book
    from exporters.pdf import write_department_pdf

    book = build_book(store, plan_id, [department_id], language=current_language())
    with tempfile.TemporaryDirectory(prefix="plan-review-print-") as folder:
        path = Path(folder) / "sheet.pdf"
        write_department_pdf(book, book.sheets[0], path)
        return path.read_bytes()


class PdfPages:
    """A PDF's pages, drawn one per printer page at the printer's resolution."""

    def __init__(self, pdf: bytes):
        self._document = pypdfium2.PdfDocument(pdf)

    def __len__(self) -> int:
        return len(self._document)

    def page_size(self) -> QSizeF:
        """The first page's size in points."""
        width, height = self._document[0].get_size()
        return QSizeF(width, height)

    def printer(self) -> QPrinter:
        """A printer whose paper is the PDF's page, printed edge to edge (the PDF has its own margins)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = self.page_size()
        orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                       else QPageLayout.Orientation.Portrait)
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageLayout(QPageLayout(QPageSize(portrait, QPageSize.Unit.Point), orientation, QMarginsF()))
        printer.setFullPage(True)
        return printer

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` rendered at `dpi` dots per inch."""
        bitmap = self._document[index].render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)  # RGB, white
        return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGB888).copy()

    def paint(self, printer: QPrinter) -> None:
        """Draw every page on the printer, one per sheet of paper."""
        painter = QPainter(printer)
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for index in range(len(self)):
                if index:
                    printer.newPage()
                painter.drawImage(QRectF(painter.viewport()), self.image(index, dpi))
        finally:
            painter.end()


def preview_department_sheet(parent: QWidget | None, store: PlanStore, plan_id: int,
                             department_id: int) -> QPrintPreviewDialog:
    """Open a large print preview of one department's sheet, exactly as exported; it prints from there too."""
    pages = PdfPages(department_sheet_pdf(store, plan_id, department_id))
    printer = pages.printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "Print Preview"))
    dialog.paintRequested.connect(pages.paint)
    available = QGuiApplication.primaryScreen().availableGeometry()
    dialog.resize(int(available.width() * PREVIEW_SHARE), int(available.height() * PREVIEW_SHARE))
    dialog.pages, dialog.sheet_printer = pages, printer  # Qt owns neither: kept alive with the dialog
    dialog.open()
    return dialog
