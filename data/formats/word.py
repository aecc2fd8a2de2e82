"""A Word document (.docx) as the lines the plan reader takes: paragraphs in order, each with the list
number Word draws for it (not in the text: recovered from the numbering definitions), and tables row by
row (kept apart too, so a table that is a task ledger can be read as one)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import PlanFileError
from ..numbers import chinese, roman
from .archive import check_archive

LEVELS = 9
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class WordContent:
    """The document's lines in reading order, and its tables as rows of cell texts."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)


def read_word(path: Path) -> WordContent:
    """Lines and tables of a .docx, after the archive passed its checks."""
    check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise PlanFileError(path, "not a readable Word document: {reason}", reason=error) from None
    numbering = ListNumbering(document)
    content = WordContent()
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            number = numbering.label(block)
            text = block.text
            if text.strip():
                lines = [line for line in text.split("\n") if line.strip()]
                lines[0] = _joined(number, lines[0])
                content.lines += lines
        else:
            rows = table_rows(block)
            content.tables.append(rows)
            content.lines += [" ".join(cell for cell in row if cell) for row in rows if any(row)]
    return content


def _joined(number: str, text: str) -> str:
    if not number:
        return text
    return number + ("" if re.search(r"[\u3000-\u303f\uff00-\uffef]$", number) else " ") + text.lstrip()


def table_rows(table: Table) -> list[list[str]]:
    """Each row's cell texts on the table's grid: a vertically merged cell repeats its text on every row
    it spans; a cell spanning columns holds its text in its first column only."""
    rows = []
    for row in table.rows:
        texts, previous = [], None
        for cell in row.cells:
            same = previous is not None and cell._tc is previous  # one cell spanning this grid column too
            texts.append("" if same else cell.text.strip())
            previous = cell._tc
        rows.append(texts)
    return rows


class ListNumbering:
    """Word's automatic list numbers, counted as Word counts them: per list definition and level, deeper
    levels restarting when a higher level advances, a list instance's start override applied on first use."""

    def __init__(self, document):
        self.instances: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId -> level -> definition
        self.counters: dict[str, list[int | None]] = {}
        self.overrides_used: set[tuple[str, int]] = set()
        try:
            part = document.part.numbering_part
        except NotImplementedError:  # python-docx cannot make the part a document without lists lacks
            part = None
        if part is not None:
            self._read_definitions(part.element)

    def _read_definitions(self, root) -> None:
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = {
                    "start": int(_value(lvl, "w:start") or 1),
                    "format": _value(lvl, "w:numFmt") or "decimal",
                    "text": _value(lvl, "w:lvlText") or "",
                    "restart": _value(lvl, "w:lvlRestart"),
                    "legal": lvl.find(qn("w:isLgl")) is not None,
                }
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = _value(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            self.instances[num.get(qn("w:numId"))] = (_value(num, "w:abstractNumId"), overrides)

    def label(self, paragraph: Paragraph) -> str:
        """The number Word shows before the paragraph ("一、", "（一）", "1."), or ""."""
        num_id, level = self._numbering_of(paragraph)
        if num_id is None or num_id not in self.instances:
            return ""
        abstract_id, overrides = self.instances[num_id]
        levels = self.levels.get(abstract_id)
        if not levels or level not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * LEVELS)
        if level in overrides and (num_id, level) not in self.overrides_used:
            self.overrides_used.add((num_id, level))
            counters[level] = overrides[level] - 1
        start = levels[level]["start"]
        counters[level] = start if counters[level] is None else counters[level] + 1
        for deeper in range(level + 1, LEVELS):
            restart = levels.get(deeper, {}).get("restart")
            if restart is None or (restart != "0" and level < int(restart)):
                counters[deeper] = None
        definition = levels[level]
        if definition["format"] in ("bullet", "none"):
            return ""

        def number(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            shown_level = levels.get(shown, {"start": 1, "format": "decimal"})
            value = counters[shown] if counters[shown] is not None else shown_level["start"]
            return format_number(value, "decimal" if definition["legal"] else shown_level["format"])

        return _PLACEHOLDER.sub(number, definition["text"]).strip()

    def _numbering_of(self, paragraph: Paragraph) -> tuple[str | None, int]:
        """(numId, level) from the paragraph's own properties, else from its style and the styles it is
        based on; numId 0 switches numbering off."""
        num_id, level = None, None
        properties = paragraph._p.pPr
        chain = [properties.numPr if properties is not None else None]
        style = paragraph.style
        while style is not None:
            style_properties = style.element.pPr
            chain.append(style_properties.numPr if style_properties is not None else None)
            style = style.base_style
        for numbering in chain:
            if numbering is None:
                continue
            if num_id is None and numbering.numId is not None:
                num_id = str(numbering.numId.val)
            if level is None and numbering.ilvl is not None:
                level = int(numbering.ilvl.val)
        if num_id == "0":
            num_id = None
        return num_id, level or 0


def _value(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def format_number(value: int, number_format: str) -> str:
    """A list counter written in one of Word's number formats."""
    if number_format in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting",
                         "taiwaneseCounting", "taiwaneseCountingThousand") and 0 < value < 100:
        return chinese(value)
    if number_format == "chineseLegalSimplified" and 0 < value < 10:
        return _LEGAL_DIGITS[value]
    if number_format in ("ideographTraditional", "ideographZodiac") and 0 < value <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[value - 1]
    if number_format in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < value <= 20:
        return _CIRCLED[value - 1]
    if number_format == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if number_format in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if number_format == "lowerLetter" else letter.upper()
    if number_format in ("lowerRoman", "upperRoman") and value > 0:
        return roman(value).lower() if number_format == "lowerRoman" else roman(value)
    if number_format == "decimalZero" and value < 10:
        return f"0{value}"
    return str(value)
