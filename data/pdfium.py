"""PDFium (pypdfium2) for the whole program, one call at a time. PDFium is not thread-safe, not even on
separate documents, and the window may render a print preview while an import reads a PDF on a worker
thread: every call into PDFium holds `PDFIUM`. A document is opened and closed (its pages with it) under
the lock by `pdf_document`; in between, callers hold the lock around each piece of work (a page read, a
page rendered), so that neither thread waits for the other's whole document."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2
import pypdfium2.raw as pdfium_c

PDFIUM = threading.RLock()


@contextmanager
def pdf_document(pdf: bytes) -> Iterator[pypdfium2.PdfDocument]:
    """The PDF open for the block, and closed with every page and text page taken from it when the block
    ends (not when the garbage collector comes by, on whichever thread). A PDF PDFium cannot open raises
    pypdfium2.PdfiumError with PDFium's error code (FPDF_ERR_PASSWORD, FPDF_ERR_FORMAT...). Opened here
    rather than by PdfDocument(pdf), which refuses a PDF without pages with whatever error PDFium last
    reported, perhaps another file's."""
    with PDFIUM:
        handle = pdfium_c.FPDF_LoadMemDocument64(pdf, len(pdf), None)  # no password: PDFium tries an empty one
        if not handle:
            raise pypdfium2.PdfiumError("PDFium cannot open the PDF", err_code=pdfium_c.FPDF_GetLastError())
        document = pypdfium2.PdfDocument(handle)
    try:
        yield document  # `pdf` stays referenced here while PDFium reads from it
    finally:
        with PDFIUM:
            document.close()
