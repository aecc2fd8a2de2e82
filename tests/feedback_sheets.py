"""Feedback workbooks for the tests: exported from a store, filled in as a department would (openpyxl), and
saved again by LibreOffice as a department using it would."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl

from data.feedback import IDENTIFIERS_SHEET, KEY_PREFIX
from exporters.export import ExportRequest, export_assignment_sheets


def export_feedback(store, folder: Path, plan_id: int = 1, names: tuple[str, ...] = ()) -> dict[str, Path]:
    """Every department's feedback workbook (or the named ones'), by official name."""
    departments = [d for d in store.departments(plan_id) if not names or d.name in names]
    result = export_assignment_sheets(store, ExportRequest(plan_id, tuple(d.id for d in departments), "xlsx",
                                                           folder, for_feedback=True))
    return {d.name: path for d, path in zip(departments, result.paths)}


def task_sheet(workbook):
    return next(ws for ws in workbook.worksheets if ws.title != IDENTIFIERS_SHEET)


def columns(ws) -> tuple[int, dict[str, int]]:
    """The hidden key row's number and each column key's column number (1-based)."""
    for row in ws.iter_rows(min_row=1, max_row=10):
        keys = {str(c.value)[len(KEY_PREFIX):]: c.column for c in row if str(c.value).startswith(KEY_PREFIX)}
        if keys:
            return row[0].row, keys
    raise AssertionError("no key row")


def task_rows(ws) -> dict[int, int]:
    """Task number -> row number of the task table."""
    key_row, keys = columns(ws)
    return {ws.cell(row=r, column=keys["number"]).value: r for r in range(key_row + 2, ws.max_row + 1)
            if ws.cell(row=r, column=keys["number"]).value is not None}


def fill(path: Path, answers: dict[int, dict[str, object]], out: Path | None = None) -> Path:
    """Write answers (task number -> {"progress": ..., "completed": ..., "account": ..., "contact": ...})
    into the workbook, saved to `out` (default: in place)."""
    workbook = openpyxl.load_workbook(path)
    ws = task_sheet(workbook)
    _, keys = columns(ws)
    rows = task_rows(ws)
    for number, answer in answers.items():
        for key, value in answer.items():
            ws.cell(row=rows[number], column=keys[key]).value = value
    workbook.save(out or path)
    return out or path


def resave_with_libreoffice(paths: list[Path], folder: Path, profile: Path) -> list[Path]:
    """The workbooks opened and saved again as .xlsx by LibreOffice (headless), into `folder`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (the README's test command installs libreoffice-calc)"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    saved = [folder / path.name for path in paths]
    assert all(path.exists() for path in saved)
    return saved
