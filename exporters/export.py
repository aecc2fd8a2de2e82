"""Exporting assignment sheets, review reports and the ledger: the entry points the command line and the window call.

openpyxl and reportlab load here, when the first export runs, not when the program starts.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from data.errors import ExportError
from data.department_names import pinyin_order
from data.language import CHINESE, ENGLISH
from data.files import atomic_target
from data.ledger import build_ledger
from data.review import ReviewStore
from data.store import PlanStore

from .document import STANDARD, ExtraColumn, SheetBook, build_book
from .files import CancelCheck, ExportResult, Progress, check_cancel, numbered_file_names
from .formats import export_format, with_extension
from .ledger import build_ledger_document
from .review_report import ALL, build_review_report, review_columns


@dataclass(frozen=True)
class ExportRequest:
    """What to export: departments of a plan, in a format, to one file or one file per department."""

    plan_id: int
    department_ids: tuple[int, ...]
    format: str  # a key of formats.FORMATS
    target: Path  # the file; with one_file_per_department, the folder
    one_file_per_department: bool = False
    include_review: bool = False  # add each task's review status and notes as columns
    language: str = ENGLISH  # what the sheets are worded in (data.language: "en" or "zh")
    layout: str = STANDARD  # document.LAYOUTS: the program's own, or the official one (GB/T 9704)
    attachment: bool = False  # official layout: each sheet headed 附件
    for_feedback: bool = False  # one feedback workbook per department into the folder `target` (data/feedback.py)


@dataclass(frozen=True)
class LedgerRequest:
    """The plan's ledger (data/ledger.py) as of a day (default: today), in a format and a language."""

    plan_id: int
    format: str  # a key of formats.FORMATS
    target: Path
    today: date | None = None
    language: str = ENGLISH  # what the ledger is worded in


@dataclass(frozen=True)
class ReviewReportRequest:
    """A plan's review report, of every task or only a selection (see review_report.SELECTIONS), in a format."""

    plan_id: int
    format: str  # a key of formats.FORMATS
    target: Path
    selection: str = ALL
    language: str = ENGLISH  # what the report is worded in


def export_assignment_sheets(store: PlanStore, request: ExportRequest, *,
                             extra_columns: Sequence[ExtraColumn] = (), progress: Progress | None = None,
                             cancel: CancelCheck | None = None) -> ExportResult:
    """Write the assignment sheets the request asks for; progress counts building, then writing.

    Raises ExportCancelled when `cancel` returns True, ExportError when a file cannot be written;
    either way no half-written file is left.
    """
    writers = export_format(request.format).load()
    count = len(request.department_ids)
    if request.include_review:
        extra_columns = (*extra_columns, *review_columns(store, request.plan_id, request.language))

    def building(done: int, _total: int) -> None:
        if progress:
            progress(done, 2 * count)

    def writing(done: int, _total: int) -> None:
        if progress:
            progress(count + done, 2 * count)

    book = build_book(store, request.plan_id, _in_name_order(store, request), extra_columns=extra_columns,
                      language=request.language, progress=building, cancel=cancel)
    book.layout, book.attachment = request.layout, request.attachment
    if request.for_feedback:
        if writers.feedback is None:
            raise ValueError(f"the {request.format} format writes no feedback workbooks")
        paths = _write_per_department(book, request, writers.feedback, writing, cancel)
    elif request.one_file_per_department:
        paths = _write_per_department(book, request, writers.department, writing, cancel)
    else:
        target = with_extension(request.target, request.format)
        with atomic_target(target) as temporary:
            writers.sheets(book, temporary, progress=writing, cancel=cancel)
        paths = [target]
    return ExportResult(paths, list(book.warnings))


def _in_name_order(store: PlanStore, request: ExportRequest) -> tuple[int, ...]:
    """The departments in the order their names take in the sheets' language: Chinese sheets by pinyin,
    English ones as the request lists them."""
    departments = {d.id: d for d in store.departments(request.plan_id)}
    if request.language != CHINESE or not set(request.department_ids) <= departments.keys():
        return request.department_ids  # (build_book names an unknown department)
    key = pinyin_order()
    return tuple(sorted(request.department_ids, key=lambda i: key(departments[i])))


def export_review_report(store: PlanStore, request: ReviewReportRequest, *, progress: Progress | None = None,
                         cancel: CancelCheck | None = None) -> ExportResult:
    """Write the review report the request asks for; progress counts building (1), then writing (2).

    Raises ExportCancelled when `cancel` returns True, ExportError when the file cannot be written.
    """
    report = build_review_report(store, request.plan_id, request.selection, language=request.language, cancel=cancel)
    write = export_format(request.format).load().review_report
    return _write_document(write, report, report.warnings, request.target, request.format, progress, cancel)


def export_ledger(store: PlanStore, request: LedgerRequest, *, progress: Progress | None = None,
                  cancel: CancelCheck | None = None) -> ExportResult:
    """Write the plan's ledger; progress counts building (1), then writing (2)."""
    document = build_ledger_document(build_ledger(ReviewStore(store), request.plan_id, request.today),
                                     store.departments(request.plan_id), language=request.language)
    write = export_format(request.format).load().ledger
    return _write_document(write, document, document.warnings, request.target, request.format, progress, cancel)


def _write_document(write, document, warnings: list[str], target: Path, format_name: str,
                    progress: Progress | None, cancel: CancelCheck | None) -> ExportResult:
    """One document built (progress step 1) written to one file atomically (step 2)."""
    if progress:
        progress(1, 2)
    target = with_extension(target, format_name)
    check_cancel(cancel, target)
    with atomic_target(target) as temporary:
        write(document, temporary)
    if progress:
        progress(2, 2)
    return ExportResult([target], list(warnings))


def run_export(store: PlanStore, request: ExportRequest | ReviewReportRequest | LedgerRequest, *,
               progress: Progress | None = None, cancel: CancelCheck | None = None) -> ExportResult:
    """Write what the request asks for: assignment sheets, a review report or the ledger."""
    export = {ReviewReportRequest: export_review_report, LedgerRequest: export_ledger}.get(
        type(request), export_assignment_sheets)
    return export(store, request, progress=progress, cancel=cancel)


def _write_per_department(book: SheetBook, request: ExportRequest, write: Callable[..., None],
                          progress: Progress, cancel: CancelCheck | None) -> list[Path]:
    """One file per department in the target folder, numbered in the book's order and named by its full name."""
    try:
        request.target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(request.target, "cannot be made a folder ({reason})",
                          reason=error.strerror or error) from None
    paths = []
    names = numbered_file_names([book.words.full_name(sheet.department) for sheet in book.sheets], request.format)
    for done, (sheet, name) in enumerate(zip(book.sheets, names), start=1):
        check_cancel(cancel, request.target)
        path = request.target / name
        with atomic_target(path) as temporary:
            write(book, sheet, temporary)
        paths.append(path)
        progress(done, len(book.sheets))
    return paths
