"""Reading a plan file of any supported kind, with failures as PlanFileError.

The kind is found by content (data/formats/detect.py) and the file's size checked against its kind's
limit before it is read. Plain text and the project's JSON are read here; Word documents, PDFs and web
pages become lines for the one plan-text reader; ledgers (Excel, CSV, a Word table) are read row by row.
"""
from __future__ import annotations

from pathlib import Path

from .errors import PlanFileError, Problem
from .formats.conversion import read_converted
from .formats.detect import Kind, check_size, decode_text, detect_kind, kind_by_name, read_head
from .formats.ledger import find_ledger_columns, ledger_title, read_ledger
from .formats.pdf import read_pdf
from .formats.sheets import csv_rows, workbook_sheets
from .formats.web_page import read_web_archive, read_web_page
from .formats.word import read_word
from .json_format import ShapeError, plan_from_json
from .json_input import JsonInputError, load_json
from .model import ReadResult
from .registry import Registry, default_registry
from .text_reader import read_plan_text


def read_plan_file(path: str | Path, registry: Registry | None = None) -> ReadResult:
    """Read a plan from a file of any supported kind."""
    path = Path(path)
    registry = registry or default_registry()
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        head = read_head(path)
    except FileNotFoundError:
        raise PlanFileError(path, "no such file") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except OSError as error:
        raise PlanFileError(path, "cannot be read ({reason})", reason=error.strerror or str(error)) from None
    kind = detect_kind(path, head)
    check_size(path, size, kind)
    try:
        result = _read(path, kind, registry)
    except OSError as error:
        raise PlanFileError(path, "cannot be read ({reason})", reason=error.strerror or str(error)) from None
    claimed = kind_by_name(path)
    if claimed is not None and claimed is not kind and kind not in (Kind.TEXT, Kind.JSON):
        result.warnings.insert(0, Problem("the file is named {suffix} but is a {kind}; read as one", suffix=path.suffix,
                                          kind=Problem(kind.description)))
    return result


def _read(path: Path, kind: Kind, registry: Registry) -> ReadResult:
    if kind is Kind.DOCX:
        return _read_word(path, registry)
    if kind is Kind.XLSX:
        return _read_workbook(path, registry)
    if kind is Kind.PDF:
        return _read_lines(path, read_pdf(path), registry)
    if kind is Kind.HTML:
        return _read_lines(path, read_web_page(path, path.read_bytes()), registry)
    if kind is Kind.MHT:
        return _read_lines(path, read_web_archive(path, path.read_bytes()), registry)
    if kind is Kind.CSV:
        return _read_ledger(path, csv_rows(path, path.read_bytes()), path.stem, registry)
    if kind is Kind.LEGACY_DOCUMENT:
        return read_converted(path, "docx", lambda converted: _read_word(converted, registry, path))
    if kind is Kind.LEGACY_WORKBOOK:
        return read_converted(path, "xlsx", lambda converted: _read_workbook(converted, registry, path))
    return _read_text(path, decode_text(path.read_bytes(), path), registry)


def _read_text(path: Path, text: str, registry: Registry) -> ReadResult:
    """Plain plan text, or the project's JSON."""
    if text.lstrip().startswith(("{", "[")):
        try:
            document = load_json(text)
        except JsonInputError as error:
            raise PlanFileError(path, "is not a plan: {reason}", reason=error.problem) from None
        try:
            return plan_from_json(document, registry)
        except ShapeError as error:
            raise PlanFileError(path, "not a plan in the plan-review JSON format: {reason}", reason=error.problem) from None
    return _read_lines(path, [text], registry)


def _read_lines(path: Path, lines: list[str], registry: Registry) -> ReadResult:
    try:
        return read_plan_text("\n".join(lines), registry)
    except ValueError:
        raise PlanFileError(path, "no recognisable numbered tasks with department clauses") from None


def _read_word(path: Path, registry: Registry, shown_as: Path | None = None) -> ReadResult:
    """A Word document: a task ledger if one of its tables is one, else its text."""
    shown_as = shown_as or path
    content = read_word(path)
    for rows in content.tables:
        columns = find_ledger_columns(rows)
        if columns.usable:
            title = next((line for line in content.lines if line.strip()), shown_as.stem)
            return _read_ledger(shown_as, rows, title, registry)
    if not content.lines:
        raise PlanFileError(shown_as, "the Word document holds no text")
    return _read_lines(shown_as, content.lines, registry)


def _read_workbook(path: Path, registry: Registry, shown_as: Path | None = None) -> ReadResult:
    """The first worksheet that is a task ledger."""
    shown_as = shown_as or path
    sheets = workbook_sheets(path)
    for name, rows in sheets:
        if find_ledger_columns(rows).usable:
            return _read_ledger(shown_as, rows, name, registry)
    headers = sheets[0][1][0] if sheets and sheets[0][1] else []
    raise _no_ledger_header(shown_as, headers)


def _read_ledger(path: Path, rows: list[list[str]], fallback_title: str, registry: Registry) -> ReadResult:
    columns = find_ledger_columns(rows)
    if not columns.usable:
        raise _no_ledger_header(path, rows[0] if rows else [])
    try:
        return read_ledger(rows, columns, ledger_title(rows, columns, fallback_title), registry)
    except ValueError:  # the only one read_ledger raises
        raise PlanFileError(path, "no task rows under the ledger's header") from None


def _no_ledger_header(path: Path, first_row: list[str]) -> PlanFileError:
    found = "、".join(f"\u201c{cell}\u201d" for cell in first_row if cell.strip())
    return PlanFileError(path, "no task ledger header found (a task column such as 重点任务/Task and a lead or "
                               "responsible column such as 牵头单位/Lead); the columns found: {found}",
                         found=found or Problem("none"))
