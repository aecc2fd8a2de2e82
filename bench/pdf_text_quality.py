"""PDF text quality: the program's PDF reader against pypdf and pdfminer.six on PDFs typeset from the corpus.

    .venv/bin/python bench/pdf_text_quality.py [--runs N] [--documents SLUG ...]

Each corpus document (tests/corpus, not the unseen set) is typeset three ways by tests/plan_documents.py
(lines drawn whole with an embedded TrueType font; justified, each character placed on its own; Adobe's
STSong-Light, not embedded) and read by each reader: the program's (data/formats/pdf.py: its paragraphs,
page furniture dropped and wraps joined) and, for comparison, the text pypdf and pdfminer.six (the
program's former PDF library; the bench extra installs it) extract as it is. Scores, whitespace ignored:
- lines intact: the share of the document's lines found whole, in order, in the reading (a line broken
  by a foreign piece, a reordered wrap or a lost character is not);
- characters: difflib's similarity of the whole reading to the document's text;
- plan read the same: of the documents of more than one page (a one-page document's running header is
  its first line, and so its title), those whose plan (title, parts, sections, tasks with departments and
  deadline) reads as from the plain text: the program's reader as an import reads the file, the others'
  text given to the plan reader as it is (its own cleaning drops "— 3 —" markers and joins wraps).
Milliseconds per page are medians over the runs.
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import statistics
import tempfile
import time
from pathlib import Path

import common
from tests import plan_documents

CORPUS = common.REPO / "tests" / "corpus"
STYLES = {"lines": {}, "justified": {"justified": True}, "STSong": {"font": "STSong-Light"}}
PROGRAM = "program"
_FURNITURE = re.compile(rf"{plan_documents.PAGE_HEADER}|—\d+—")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_program(path: Path) -> str:
    from data.formats.pdf import read_pdf

    return "\n".join(read_pdf(path))


def extract_pypdf(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def extract_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(path)


READERS = {PROGRAM: read_program, "pypdf": extract_pypdf}
if importlib.util.find_spec("pdfminer"):
    READERS["pdfminer.six"] = extract_pdfminer


def scores(lines: list[str], extracted: str) -> tuple[float, float]:
    """(share of lines intact and in order, character similarity), whitespace and page furniture aside."""
    text = _FURNITURE.sub("", _squeezed(extracted))
    position, intact = 0, 0
    for line in filter(None, map(_squeezed, lines)):
        found = text.find(line, position)
        if found >= 0:
            intact, position = intact + 1, found + len(line)
    wanted = _squeezed("".join(lines))
    similarity = difflib.SequenceMatcher(None, wanted, text, autojunk=False).ratio()
    return intact / max(1, sum(1 for line in lines if line.strip())), similarity


def plan_read_same(source: Path, pdf: Path, reader: str) -> bool | None:
    """Whether the PDF's plan reads as the plain text's: the program's reader as an import reads the file,
    the others' text handed to the plan reader as it is. None when the plain text holds no plan."""
    from data.errors import PlanFileError
    from data.readers import read_plan_file
    from data.registry import default_registry
    from data.text_reader import read_plan_text
    from tests.plan_documents import same_reading

    registry = default_registry()
    try:
        plain = read_plan_text(source.read_text(encoding="utf-8"), registry)
    except ValueError:
        return None
    try:
        read = (read_plan_file(pdf, registry) if reader == PROGRAM
                else read_plan_text(READERS[reader](pdf), registry))
    except (ValueError, PlanFileError):  # no plan found in what was extracted
        return False
    return same_reading(plain, read)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--documents", nargs="*", help="corpus slugs (default: every document)")
    args = parser.parse_args()
    common.print_machine()
    sources = [CORPUS / f"{slug}.txt" for slug in args.documents] if args.documents else sorted(CORPUS.glob("*.txt"))
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for style, options in STYLES.items():
            made = []
            for source in sources:
                lines = source.read_text(encoding="utf-8").splitlines()
                pdf = plan_documents.write_pdf(lines, Path(folder) / f"{source.stem}-{style}.pdf", **options)
                made.append((source, lines, pdf, len(plan_documents.pdf_pages(pdf))))
            for reader, extract in READERS.items():
                intact, similar, per_page = [], [], []
                for source, lines, pdf, pages in made:
                    times = []
                    for _ in range(args.runs):
                        start = time.perf_counter()
                        text = extract(pdf)
                        times.append(time.perf_counter() - start)
                    per_page.append(statistics.median(times) / pages)
                    paragraphs, characters = scores(lines, text)
                    intact.append(paragraphs)
                    similar.append(characters)
                judged = [plan_read_same(s, p, reader) for s, _, p, pages in made if pages > 1]
                same = f"{sum(filter(None, judged))}/{sum(j is not None for j in judged)}"
                rows.append([style, reader, f"{statistics.mean(intact):.1%}", f"{min(intact):.1%}",
                             f"{statistics.mean(similar):.1%}", common.ms(statistics.median(per_page)), same])
    common.print_table(f"PDF text quality over {len(sources)} corpus documents (whitespace ignored)",
                       ["typeset", "reader", "lines intact", "worst doc", "characters", "ms/page",
                        "plan read the same"], rows)


if __name__ == "__main__":
    main()
