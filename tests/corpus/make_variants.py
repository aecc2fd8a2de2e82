"""Makes the corpus's variants: real documents laid out again as a reader meets them in other files.

    .venv/bin/python tests/corpus/make_variants.py

- <slug>-pdf-variant.txt: the document typeset on A4 pages with reportlab (an embedded CJK TrueType font,
  29 characters a line, a "— N —" page number at each page's foot, as official documents are printed) and
  extracted again with pypdf: hard line breaks inside sentences and page markers between them.
- <slug>-oneline-variant.txt: the document with its line breaks turned into spaces (a page whose paragraphs
  were flattened into one line).

Each variant's truth is its source document's truth (same tasks, same excerpts: the scorer compares text
without whitespace) with `variant_of` naming the source. Variants never count among the real documents.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
FONTS = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"]
PDF_SOURCE = "gov2018-cujin-jiuye-opinions-zh"
ONELINE_SOURCE = "gov2019-3-zonghe-baoshuiqu-opinions-zh"
CHARS_PER_LINE = 29
# Excerpts a page break cuts in the PDF variant, replaced by another passage of the same task.
PDF_EXCERPTS = {"制定出台具体实施办法，组织有关部门": "合理确定享受政策的困难企业范围"}


def _wrap(paragraph: str, width: int) -> list[str]:
    return [paragraph[i:i + width] for i in range(0, len(paragraph), width)] or [""]


def pdf_text(text: str) -> str:
    """The text typeset as a printed official document, then extracted from the PDF with pypdf."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = next(p for p in FONTS if Path(p).exists())
    pdfmetrics.registerFont(TTFont("CJK", font_path, subfontIndex=0))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    size, leading = 15.5, 28.0
    top, bottom, left = height - 37 * mm, 35 * mm, 28 * mm
    lines = []
    for paragraph in text.split("\n"):
        indent = "" if len(paragraph) < 30 else "\u3000\u3000"  # body paragraphs start two spaces in
        lines.extend(_wrap(indent + paragraph, CHARS_PER_LINE))
    number, y = 1, top

    def footer(n: int) -> None:
        page.setFont("CJK", 14)
        page.drawCentredString(width / 2, 20 * mm, f"— {n} —")

    page.setFont("CJK", size)
    for line in lines:
        if y < bottom:
            footer(number)
            page.showPage()
            page.setFont("CJK", size)
            number, y = number + 1, top
        page.drawString(left, y, line)
        y -= leading
    footer(number)
    page.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return "\n".join(p.extract_text() for p in reader.pages)


def write_variant(source: str, suffix: str, text: str, how: str, forms: list[str],
                  excerpts: dict[str, str] | None = None) -> None:
    truth = json.loads((CORPUS / f"{source}.truth.json").read_text("utf-8"))
    for item in truth["tasks"]:
        item["excerpt"] = (excerpts or {}).get(item["excerpt"], item["excerpt"])
    slug = f"{source}-{suffix}-variant"
    (CORPUS / f"{slug}.txt").write_text(text, "utf-8")
    truth["document"] = f"{truth['document']} (made variant: {how})"
    truth["obtained_from"] = f"made by tests/corpus/make_variants.py from tests/corpus/{source}.txt"
    truth["variant_of"] = source
    truth["forms"] = forms + truth["forms"]
    (CORPUS / f"{slug}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(slug, len(text), "characters")


def main() -> None:
    original = (CORPUS / f"{PDF_SOURCE}.txt").read_text("utf-8")
    write_variant(PDF_SOURCE, "pdf", pdf_text(original), "typeset as a PDF with reportlab, extracted with pypdf",
                  ["PDF-extracted text", "hard line breaks inside sentences and clauses", "— N — page markers"],
                  PDF_EXCERPTS)
    original = (CORPUS / f"{ONELINE_SOURCE}.txt").read_text("utf-8")
    write_variant(ONELINE_SOURCE, "oneline", " ".join(original.split("\n")), "line breaks turned into spaces",
                  ["whole text on one line"])


if __name__ == "__main__":
    main()
