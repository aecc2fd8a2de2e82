"""Every feature run from the built bundle, as a user's machine would run it; then the bundle's size.

    .venv/bin/python release/bundle_check.py [dist/plan-review]

The bundled program opens its window once (`--smoke`: painted, a print page drawn by PDFium, the About box's
licences read from the bundled packages' metadata), imports the sample plan, a Word and a PDF plan (built
here from a Chinese corpus document with tests/plan_documents.py) and a Traditional-script text (OpenCC),
each read exactly as this checkout reads it; writes the sheets in Excel and PDF and a review report, and
passes a review file from one database to another. Exit status 1 on the first failure, naming it.
Run it with the project's Python from the repository root (it needs openpyxl and pypdf to read the results).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from data.readers import read_plan_file  # noqa: E402
from tests import plan_documents as documents  # noqa: E402

CORPUS = REPO / "tests" / "corpus"
CHINESE = "gov2018-cujin-jiuye-opinions-zh"
TRADITIONAL = "dongguan2021-wending-kuoda-jiuye-shishi-yijian-zh-hant-partial"


class CheckFailed(Exception):
    """A feature did not work from the bundle."""


class Bundle:
    """The built program, run with its own settings and data folders so the user's are never touched."""

    def __init__(self, folder: Path, scratch: Path):
        self.program = folder / ("plan-review.exe" if os.name == "nt" else "plan-review")
        self.scratch = scratch
        self.env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                    "XDG_CONFIG_HOME": str(scratch / "config"), "XDG_DATA_HOME": str(scratch / "data"),
                    "PLAN_REVIEW_REVIEWER": "Bundle Check"}

    def run(self, *args: str | Path, db: Path | None = None) -> str:
        """The program's standard output; CheckFailed when it ends with a status other than 0."""
        command = [str(self.program), *map(str, args), *(["--db", str(db)] if db else [])]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, encoding="utf-8",
                              timeout=300)
        if done.returncode != 0:
            raise CheckFailed(f"`{' '.join(command[1:])}` ended with status {done.returncode}:\n"
                              f"{done.stdout}{done.stderr}")
        return done.stdout


def latest_task_count(bundle: Bundle, db: Path) -> int:
    return len(json.loads(bundle.run("tasks", "--format", "json", db=db)))


def check_import(bundle: Bundle, path: Path) -> str:
    """The bundle stores as many tasks from the file as this checkout reads in it (in a database of its own)."""
    db = bundle.scratch / f"{path.name}.sqlite"
    bundle.run("import", path, db=db)
    stored, expected = latest_task_count(bundle, db), len(read_plan_file(path).plan.tasks)
    if stored != expected or stored == 0:
        raise CheckFailed(f"{path.name}: the bundle stored {stored} tasks, the checkout reads {expected}")
    return f"import {path.suffix} ({stored} tasks)"


def check_sheets(bundle: Bundle, db: Path, folder: Path) -> list[str]:
    """Every department's sheet in one workbook and one PDF."""
    import openpyxl
    import pypdf

    departments = len(bundle.run("departments", db=db).splitlines()) - 1  # below the header line
    bundle.run("export", "--format", "xlsx", "--all", "-o", folder / "sheets.xlsx", db=db)
    sheets = openpyxl.load_workbook(folder / "sheets.xlsx", read_only=True).sheetnames
    if len(sheets) < departments:
        raise CheckFailed(f"the workbook has {len(sheets)} sheets for {departments} departments")
    bundle.run("export", "--format", "pdf", "--all", "-o", folder / "sheets.pdf", db=db)
    reader = pypdf.PdfReader(folder / "sheets.pdf")
    text = "".join(page.extract_text() for page in reader.pages[:3])
    if len(reader.outline) < departments or "Page" not in text:
        raise CheckFailed(f"the PDF has {len(reader.outline)} bookmarks for {departments} departments")
    bundle.run("review", "report", "--format", "pdf", "-o", folder / "report.pdf", db=db)
    if not pypdf.PdfReader(folder / "report.pdf").pages:
        raise CheckFailed("the review report has no pages")
    return [f"xlsx export ({len(sheets)} sheets)", f"pdf export ({len(reader.pages)} pages)", "pdf review report"]


def check_review_exchange(bundle: Bundle, db: Path, other: Path, folder: Path) -> str:
    """A note written in one database reaches another through a review file."""
    bundle.run("review", "note", "--task", "1", "Checked from the bundle", db=db)
    bundle.run("review", "set", "--task", "1", "--status", "reviewed", "--flag", db=db)
    bundle.run("review", "export", "-o", folder / "review.json", db=db)
    bundle.run("review", "import", folder / "review.json", db=other)
    listing = json.loads(bundle.run("review", "list", "--task", "1", db=other))
    if not any(note["text"] == "Checked from the bundle" for note in listing["notes"]):
        raise CheckFailed("the imported review file did not bring the note")
    return "review export and import"


def check_licences(bundle: Bundle) -> str:
    """The bundle knows its version and the licence of every component the program requires."""
    from importlib import metadata

    from packaging.requirements import Requirement

    version = bundle.run("--version").split()[-1]
    if version != metadata.version("plan-review"):
        raise CheckFailed(f"the bundle says it is version {version}, the checkout is {metadata.version('plan-review')}")
    listed = bundle.run("licences")
    names = {line.split()[0].lower().replace("_", "-") for line in listed.splitlines() if line.strip()}
    required = {Requirement(text).name.lower().replace("_", "-") for text in metadata.requires("plan-review")
                if "extra ==" not in text}
    required.add("python")  # and the bundled libraries' (build.spec: release/system_licences.py)
    if not required <= names or "LGPL" not in listed:
        raise CheckFailed(f"the licences leave out {sorted(required - names)} or Qt's LGPL notice:\n{listed}")
    return f"version {version} and the licences of {len(names) - 1} components"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def check(folder: Path) -> Iterator[str]:
    """Run every check, saying what passed as it goes."""
    with tempfile.TemporaryDirectory(prefix="plan-review-bundle-") as scratch_name:
        scratch = Path(scratch_name)
        bundle = Bundle(folder, scratch)
        db, other = scratch / "plans.sqlite", scratch / "colleague.sqlite"
        start = time.perf_counter()
        bundle.run("--smoke", db=db)  # first start: creates the database with the bundled sample plan
        yield f"--smoke on the sample plan ({time.perf_counter() - start:.2f} s, first start)"
        bundle.run("--smoke", db=other)
        lines = (CORPUS / f"{CHINESE}.txt").read_text(encoding="utf-8").splitlines()
        yield check_import(bundle, REPO / "data" / "plan-2020-en.txt") + ", the sample plan"
        yield check_import(bundle, documents.write_docx(lines, scratch / f"{CHINESE}.docx", True))
        if documents.CJK_FONT.exists():  # a TrueType Chinese font to embed (fonts-wqy-microhei on Debian)
            yield check_import(bundle, documents.write_pdf(lines, scratch / f"{CHINESE}.pdf"))
        stsong = documents.write_pdf(lines, scratch / f"{CHINESE}-stsong.pdf", font="STSong-Light")
        yield check_import(bundle, stsong) + ", Adobe's Chinese font (PDFium's own character maps)"
        yield check_import(bundle, CORPUS / f"{TRADITIONAL}.txt") + ", Traditional script"
        yield from check_sheets(bundle, db, scratch)
        yield check_review_exchange(bundle, db, other, scratch)
        yield check_licences(bundle)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "plan-review")
    parser.add_argument("--max-mb", type=float, help="fail when the bundle is larger (megabytes of 10^6 bytes)")
    args = parser.parse_args()
    try:
        for line in check(args.bundle):
            print(f"ok  {line}", flush=True)
    except CheckFailed as failure:
        print(f"FAILED  {failure}", file=sys.stderr)
        return 1
    size = folder_size(args.bundle) / 1e6
    print(f"bundle size: {size:.1f} MB ({args.bundle})")
    if args.max_mb is not None and size > args.max_mb:
        print(f"FAILED  the bundle is larger than {args.max_mb:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
