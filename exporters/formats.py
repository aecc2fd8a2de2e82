"""The export formats, in one table: the command line's choices, the dialog's list and the writers all come
from it. A format's writers (openpyxl, reportlab) load when the first export in that format runs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import AssignmentSheet, SheetBook
    from .ledger import LedgerDocument
    from .review_report import ReviewReport


@dataclass(frozen=True)
class Writers:
    """What a format writes: several departments' sheets in one file, one department's sheet, a review report,
    the ledger."""

    sheets: Callable[..., None]  # (book, path, *, progress, cancel)
    department: Callable[[SheetBook, AssignmentSheet, Path], None]
    review_report: Callable[[ReviewReport, Path], None]
    ledger: Callable[[LedgerDocument, Path], None]
    feedback: Callable[[SheetBook, AssignmentSheet, Path], None] | None = None  # a department's feedback workbook


@dataclass(frozen=True)
class ExportFormat:
    key: str  # also the file name's extension
    description: str  # what the file is, for a file dialog
    load: Callable[[], Writers]
    feedback: bool = False  # writes feedback workbooks (Writers.feedback)


def _xlsx() -> Writers:
    from . import feedback, xlsx

    return Writers(xlsx.write_workbook, xlsx.write_department_workbook, xlsx.write_review_workbook,
                   xlsx.write_ledger_workbook, feedback.write_feedback_workbook)


def _pdf() -> Writers:
    from . import pdf

    return Writers(pdf.write_pdf, pdf.write_department_pdf, pdf.write_review_pdf, pdf.write_ledger_pdf)


XLSX, PDF = "xlsx", "pdf"
FORMATS = {XLSX: ExportFormat(XLSX, "Excel workbook", _xlsx, feedback=True),
           PDF: ExportFormat(PDF, "PDF document", _pdf)}


def export_format(key: str) -> ExportFormat:
    """The format by its key; an unknown key is a programming error."""
    if key not in FORMATS:
        raise ValueError(f"unknown export format {key!r}")
    return FORMATS[key]


def with_extension(path: Path, format_key: str) -> Path:
    """The path ending in the format's extension: another format's extension is replaced ("all.xlsx" written
    as PDF is "all.pdf"), any other suffix kept and the extension added."""
    if path.suffix.lower() == f".{format_key}":
        return path
    if path.suffix.lower().lstrip(".") in FORMATS:
        return path.with_suffix(f".{format_key}")
    return path.with_name(f"{path.name}.{format_key}")
