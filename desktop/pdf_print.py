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

from data.pdfium import PDFIUM, pdf_document
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
    """A PDF's pages, drawn one per printer page at the printer's resolution. PDFium opens the PDF for each
    use and closes it after, holding the program's one PDFium lock (data/pdfium.py) while it works: an
    import may be reading another PDF on a worker thread meanwhile."""

    def __init__(self, pdf: bytes):
        self._pdf = pdf
        with pdf_document(pdf) as document, PDFIUM:
            self._count = len(document)
            width, height = document.get_page_size(0)
        self._size = QSizeF(width, height)

    def __len__(self) -> int:
        return self._count

    def page_size(self) -> QSizeF:
        """The first page's size in points."""
        return self._size

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

    def paint(self, printer: QPrinter) -> None:
        """Draw every page on the printer, one per sheet of paper."""
        painter = QPainter(printer)
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            with pdf_document(self._pdf) as document:
                for index in range(len(self)):
                    if index:
                        printer.newPage()
                    painter.drawImage(QRectF(painter.viewport()), _page_image(document, index, dpi))
        finally:
            painter.end()


def _page_image(document: pypdfium2.PdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` rendered at `dpi` dots per inch (RGB on white), the page and its bitmap closed after."""
    with PDFIUM:
        page = document[index]
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
        try:
            return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                          QImage.Format.Format_RGB888).copy()
        finally:
            bitmap.close()
            page.close()


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
