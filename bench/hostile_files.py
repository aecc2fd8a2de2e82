"""Hostile files: how long a refusal takes and how much memory reading them costs.

    .venv/bin/python bench/hostile_files.py [--runs N]

Each file is read by `read_plan_file` in a fresh Python process (so its peak memory is its own); the
table gives the median seconds to the refusal and the process's peak resident memory beside that of a
process that read a two-line plan in plain text. Goal: every refusal within 2 s, memory bounded (no more than the
baseline plus a few tens of MB whatever the file claims to hold).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import common
from tests import plan_documents

_PROBE = """
import json, re, sys, time
sys.path.insert(0, {repo!r})
from data.errors import PlanFileError
from data.readers import read_plan_file
def peak_mb():  # the high-water mark of this process since exec (ru_maxrss keeps the parent's)
    status = open("/proc/self/status").read()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
start = time.perf_counter()
problem = None
try:
    read_plan_file({path!r})
except PlanFileError as error:
    problem = error.problem
print(json.dumps({{"seconds": time.perf_counter() - start, "problem": problem,
                  "peak_mb": peak_mb()}}))
"""
PLAN = ["一、任务", "1.做好工作。（财政部负责）"]


def probe(path: Path) -> dict:
    code = _PROBE.format(repo=str(common.REPO), path=str(path))
    return json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout)


def make_files(folder: Path) -> dict[str, Path]:
    bomb = plan_documents.write_docx(PLAN, folder / "bomb.docx")
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/padding.xml", "w") as part:
        for _ in range(400):  # 400 MB of spaces in ~0.4 MB
            part.write(b" " * 1024 * 1024)
    laughs = folder / "laughs.docx"
    entities = "".join(f'<!ENTITY l{n} "{"&l%d;" % (n - 1) * 10 if n else "ha"}">' for n in range(10))
    with zipfile.ZipFile(plan_documents.write_docx(PLAN, folder / "plain.docx")) as source, \
            zipfile.ZipFile(laughs, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "word/document.xml":
                content = content.replace(b"?>", f"?><!DOCTYPE w:document [{entities}]>".encode(), 1) \
                    .replace("做好工作".encode(), b"&l9;")
            target.writestr(entry, content)
    cells = folder / "cells.xlsx"  # 1.6 million empty styled cells in a 3 MB file
    small = plan_documents.write_xlsx([plan_documents.LEDGER_HEADER, ["1", "做好工作", "财政部", "", "", ""]],
                                      folder / "small.xlsx")
    sheet_data = "".join(f'<row r="{n}">' + "".join(f'<c r="{column}{n}" s="0"/>' for column in "ABCDEFGH")
                         + "</row>" for n in range(1, 200_001))
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(cells, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                start, end = content.index(b"<sheetData>"), content.index(b"</sheetData>")
                content = content[:start] + f"<sheetData>{sheet_data}".encode() + content[end:]
            target.writestr(entry, content)
    huge = folder / "huge.pdf"
    with huge.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(200 * 1024 * 1024)
    lines = (common.REPO / "tests" / "corpus" / "gov2018-cujin-jiuye-opinions-zh.txt").read_text().splitlines()
    return {
        "zip bomb (.docx, 400 MB part)": bomb,
        "billion laughs (.docx)": laughs,
        "1.6 million empty cells (.xlsx)": cells,
        "200 MB PDF (sparse)": huge,
        "encrypted PDF": plan_documents.write_pdf(lines, folder / "locked.pdf", encrypt="secret"),
        "scanned PDF (image only)": plan_documents.write_scanned_pdf(folder / "scan.pdf"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    common.print_machine()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plan.txt"
        plain.write_text("\n".join(PLAN), encoding="utf-8")
        baseline = statistics.median(probe(plain)["peak_mb"] for _ in range(args.runs))
        for name, path in make_files(Path(folder)).items():
            runs = [probe(path) for _ in range(args.runs)]
            rows.append([name, common.ms(statistics.median(r["seconds"] for r in runs)),
                         f"{statistics.median(r['peak_mb'] for r in runs) - baseline:.1f}", runs[0]["problem"]])
    common.print_table(f"Hostile files (median of {args.runs} runs; baseline peak {baseline:.0f} MB)",
                       ["file", "ms to refusal", "MB above baseline", "refusal"], rows)


if __name__ == "__main__":
    main()
