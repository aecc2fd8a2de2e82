"""Export speed: every department's assignment sheets to one xlsx and one pdf, beside LibreOffice.

    .venv/bin/python bench/export_speed.py [--sizes 10000] [--runs 3] [--no-libreoffice]
    .venv/bin/python bench/export_speed.py --sizes --no-libreoffice     # the sample plan alone

Each export runs in this process, as the window's export does, after a warm-up on the sample plan has
loaded openpyxl and reportlab. The LibreOffice column is `libreoffice --headless --convert-to pdf` on
the xlsx just written, a whole process each time (its profile made beforehand by the warm-up): the
usual way to print a workbook without this program's pdf writer. At 10,000 tasks each of the three
takes minutes, hence one run by default.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import common
from data.store import PlanStore
from exporters.export import ExportRequest, export_assignment_sheets
from exporters.formats import PDF, XLSX

RUNS = {None: 5, 1_000: 3}


def export_once(store: PlanStore, plan_id: int, departments: tuple[int, ...], kind: str, target: Path) -> float:
    start = time.perf_counter()
    export_assignment_sheets(store, ExportRequest(plan_id, departments, kind, target))
    return time.perf_counter() - start


def libreoffice_to_pdf(workbook: Path, profile: Path) -> float:
    """Seconds LibreOffice headless takes to turn the workbook into a PDF beside it."""
    start = time.perf_counter()
    subprocess.run(["libreoffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(workbook.parent / "libreoffice"), str(workbook)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)
    return time.perf_counter() - start


def pdf_pages(path: Path) -> int | str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return len(PdfReader(path).pages)


def measure(tasks: int | None, runs: int, libreoffice_profile: Path | None) -> list[object]:
    with tempfile.TemporaryDirectory() as name, PlanStore(common.imported_database(tasks), create=False) as store:
        folder = Path(name)
        plan_id = store.latest_plan_id()
        departments = tuple(d.id for d in store.departments(plan_id))
        times = {kind: [export_once(store, plan_id, departments, kind, folder / f"sheets.{kind}")
                        for _ in range(runs)] for kind in (XLSX, PDF)}
        office = "—"
        if libreoffice_profile:
            office = common.summary([libreoffice_to_pdf(folder / "sheets.xlsx", libreoffice_profile)
                                     for _ in range(runs)])[0]
        return [common.size_label(tasks), len(departments), runs, common.summary(times[XLSX])[0],
                common.summary(times[PDF])[0], pdf_pages(folder / "sheets.pdf"), office,
                f"{(folder / 'sheets.xlsx').stat().st_size / 1024:.0f}",
                f"{(folder / 'sheets.pdf').stat().st_size / 1024:.0f}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    parser.add_argument("--runs", type=int, help="runs per plan (default: fewer for bigger plans)")
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    common.print_machine()
    with tempfile.TemporaryDirectory() as name:
        profile = None
        if not args.no_libreoffice and shutil.which("libreoffice"):
            profile = Path(name) / "libreoffice-profile"
        measure(None, 1, profile)  # warm-up: loads the writers' libraries, makes LibreOffice's profile
        rows = [measure(tasks, args.runs or RUNS.get(tasks, 1), profile) for tasks in [None, *args.sizes]]
    common.print_table("Export of every department's sheets to one file (ms, median; warm process)",
                       ["plan", "departments", "runs", "xlsx", "pdf", "pdf pages", "LibreOffice xlsx→pdf",
                        "xlsx KiB", "pdf KiB"], rows)


if __name__ == "__main__":
    main()
