"""Builders of the files officials receive, made from a plan's text for the format tests and the PDF
benchmark: a Word document (optionally with Word's own list numbering), a PDF typeset as a printed
government document, a saved web page, a web archive and task ledgers."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PAGE_HEADER = "国务院办公厅文件"
_NUMBERED = [  # (Word number format, level text, level, pattern of the written number)
    ("chineseCounting", "%1、", 0, re.compile(r"^[一二三四五六七八九十]+、")),
    ("chineseCounting", "（%2）", 1, re.compile(r"^（[一二三四五六七八九十]+）")),
]


# Word -------------------------------------------------------------------------------------------------
def write_docx(lines: list[str], path: Path, word_numbering: bool = False) -> Path:
    """One paragraph per line. With word_numbering, "一、" and "（一）" are taken out of the text and drawn
    by Word's list numbering instead, as an official typing the plan in Word would have them (sections
    restarting at each part, or numbered straight through, as the text numbers them; a list started again
    at "一、" is a new list instance restarting at 1, as Word's "Restart at 1" makes it)."""
    import docx

    document = docx.Document()
    abstract_id = _add_chinese_list(document, _sections_restart(lines)) if word_numbering else None
    num_id = None
    for line in lines:
        level = next((lv for _, _, lv, written in _NUMBERED if written.match(line)), None)
        if abstract_id is None or level is None:
            document.add_paragraph(line)
            continue
        if num_id is None or (level == 0 and line.startswith("一、")):
            num_id = _add_list_instance(document, abstract_id, restart=num_id is not None)
        paragraph = document.add_paragraph(_NUMBERED[level][3].sub("", line))
        _number_paragraph(paragraph, num_id, level)
    document.save(path)
    return path


def _sections_restart(lines: list[str]) -> bool:
    """Whether the text numbers its sections from （一） again in each part."""
    after_part = [following for line, following in zip(lines, lines[1:]) if _NUMBERED[0][3].match(line)
                  and _NUMBERED[1][3].match(following)]
    return all(line.startswith("（一）") for line in after_part)


def _add_chinese_list(document, sections_restart: bool) -> str:
    """The list definition (一、 over （一）); returns its abstractNumId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + ("" if level == 0 or sections_restart else '<w:lvlRestart w:val="0"/>')
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for fmt, text, level, _ in _NUMBERED)
    abstract_id = "90"
    document.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'))
    return abstract_id


def _add_list_instance(document, abstract_id: str, restart: bool) -> str:
    """A list instance of the definition (numbering from 1 again when `restart`); returns its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    num_id = str(90 + len(numbering.findall(f"{{{numbering.nsmap['w']}}}num")))
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))
    return num_id


def _number_paragraph(paragraph, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                                f'<w:numId w:val="{num_id}"/></w:numPr>'))


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, as pypdf extracts it."""
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


# PDF --------------------------------------------------------------------------------------------------
def write_pdf(lines: list[str], path: Path, font_size: float = 14, encrypt: str | None = None,
              justified: bool = False, font: str = "WQY") -> Path:
    """Typeset as a printed document: hard-wrapped lines, first lines indented two characters, a header
    on every page and a "— n —" page marker at its foot. `justified` places each character of a Chinese
    line on its own, spread over the line as word processors print justified Chinese, and widens the spaces
    of a Latin line; font "STSong-Light" uses Adobe's
    standard CJK font (not embedded) instead of an embedded TrueType subset."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0) if font == "WQY"
                                else UnicodeCIDFont(font))
    width, height = A4
    margin, leading = 72, font_size * 1.6
    page = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    page_number, y = 1, None

    def new_page() -> float:
        page.setFont(font, 10)
        page.drawCentredString(width / 2, height - 40, PAGE_HEADER)
        page.drawCentredString(width / 2, 30, f"— {page_number} —")
        page.setFont(font, font_size)
        return height - margin

    y = new_page()
    for line in lines:
        indent = 0 if len(line) < 30 else 2 * font_size
        pieces = _wrapped(line, width - 2 * margin, indent, font_size, font)
        for index, piece in enumerate(pieces):
            if y < margin:
                page.showPage()
                page_number += 1
                y = new_page()
            x = margin + (indent if index == 0 else 0)
            if justified and index < len(pieces) - 1 and len(piece) > 1 and _is_cjk(piece[0]):
                step = (width - margin - x - pdfmetrics.stringWidth(piece[-1], font, font_size)) / (len(piece) - 1)
                for position, char in enumerate(piece):
                    page.drawString(x + position * step, y, char)
            elif justified and index < len(pieces) - 1 and " " in piece:
                text = page.beginText(x, y)
                text.setFont(font, font_size)
                text.setWordSpace((width - margin - x - pdfmetrics.stringWidth(piece, font, font_size))
                                  / piece.count(" "))
                text.textOut(piece)
                page.drawText(text)
            else:
                page.drawString(x, y, piece)
            y -= leading
    page.save()
    return path


def _wrapped(text: str, width: float, indent: float, font_size: float, font: str) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces, current = [], ""
    for char in text:
        room = width - (indent if not pieces else 0)
        if current and stringWidth(current + char, font, font_size) > room:
            cut = current.rfind(" ") if char != " " and not _is_cjk(char) and " " in current else -1
            if cut > 0:
                pieces.append(current[:cut])
                current = current[cut + 1:]
            else:
                pieces.append(current)
                current = ""
        current += char
    pieces.append(current)
    return [piece.strip() for piece in pieces if piece.strip()]


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def write_placed_pdf(rows: list[tuple[float, list[tuple[float, str]]]], path: Path, font_size: float = 14) -> Path:
    """One page drawing each row's pieces where they stand, each a text object of its own, as a word processor
    writes its runs: rows of (baseline, [(x, text), ...]); a piece of one character per character of the
    text places them one by one, as justified Chinese is printed."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(CJK_FONT), subfontIndex=0))
    page = canvas.Canvas(str(path))
    page.setFont("WQY", font_size)
    for baseline, pieces in rows:
        for x, text in pieces:
            page.drawString(x, baseline, text)
    page.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF whose page is only an image, as a scanner makes it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = _grey_png(200, 280)
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawImage(ImageReader(io.BytesIO(png)), 50, 50, 400, 560)
    page.save()
    return path


def _grey_png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# Web pages --------------------------------------------------------------------------------------------
def page_html(lines: list[str], title: str) -> str:
    """A government site's article page: navigation, breadcrumbs, the article, related links, footer."""
    from html import escape

    article = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    navigation = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("首页", "新闻", "政策", "互动", "服务", "数据"))
    related = "".join(f'<li><a href="/r{i}">相关文件第{i}号关于做好有关工作的通知</a></li>' for i in range(8))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)}_政府信息公开</title>
<script>var tracker = "（财政部负责）";</script><style>p {{ text-indent: 2em; }}</style></head>
<body><div class="header"><div class="logo">中国政府网</div><ul class="nav">{navigation}</ul></div>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/zc">政策</a> &gt; 正文</div>
<div class="article"><h1>{escape(title)}</h1><div class="info">来源：政府网 发布时间：2019-01-02 字号：大 中 小</div>
<div id="UCAP-CONTENT" class="pages_content">
{article}
</div><div class="share">分享到：微信 微博 打印本页 关闭窗口</div></div>
<div class="related"><h3>相关文件</h3><ul>{related}</ul></div>
<div class="footer"><p>主办单位：政府办公厅 网站标识码 bm01000001 京ICP备05070218号</p>
<p>版权所有 联系我们 网站地图</p></div></body></html>"""


def write_mht(html: str, path: Path) -> Path:
    """A page saved by a browser as a single-file web archive (MIME, quoted-printable)."""
    from email.charset import QP, Charset
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related", type="text/html")
    archive["Subject"] = "saved page"
    archive["Snapshot-Content-Location"] = "http://www.example.gov.cn/zhengce/content.htm"
    charset = Charset("utf-8")
    charset.body_encoding = QP
    part = MIMEText(html, "html", charset)
    archive.attach(part)
    path.write_bytes(archive.as_bytes())
    return path


# Ledgers ----------------------------------------------------------------------------------------------
LEDGER_HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]


def write_csv(rows: list[list[str]], path: Path, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", newline="", encoding=encoding) as file:
        csv.writer(file).writerows(rows)
    return path


# Comparing readings -----------------------------------------------------------------------------------
def _plain(text: str | None) -> str | None:
    """Text with whitespace runs made one space and no space beside a Chinese character (typesetting and
    extraction change those, not what the text says)."""
    if text is None:
        return None
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ?([\u3000-\u9fff\uff00-\uffef“”‘’]) ?", r"\1", text)


def reading(result) -> dict:
    """What a reader made of a plan, as a person checks it: title, parts, sections and each task's
    number, text, departments in order and deadline."""
    plan = result.plan
    return {
        "title": _plain(plan.title),
        "parts": [(part.number, _plain(part.title), [(section.number, _plain(section.title))
                                                      for section in part.sections]) for part in plan.parts],
        "tasks": [(task.number, _plain(task.text), task.departments, _plain(task.deadline))
                  for task in plan.tasks],
    }


def same_reading(expected, got) -> bool:
    return reading(expected) == reading(got)


# Ledgers built from a reading -------------------------------------------------------------------------
def ledger_rows(result) -> list[list[str]]:
    """A task ledger of a plan as an office keeps one: a caption, the header, a heading row per part and a
    row per task (number, section, task, lead, the others, deadline), departments by their Chinese names."""
    def chinese(name: str) -> str:
        return result.departments[name].name_zh or name

    rows = [[result.plan.title] + [""] * 5, LEDGER_HEADER]
    for part in result.plan.parts:
        rows.append([f"{_CHINESE_NUMBERS[part.number]}、{part.title}"] + [""] * 5)
        for section in part.sections:
            for task in section.tasks:
                rows.append([str(task.number), section.title or "", task.text, chinese(task.lead),
                             "、".join(map(chinese, task.participants)), task.deadline or ""])
    return rows


_CHINESE_NUMBERS = dict(enumerate("零一二三四五六七八九十", start=0))


def write_xlsx(rows: list[list[str]], path: Path) -> Path:
    """The ledger as an office's workbook: the caption and each part's heading merged across the table,
    and a section's name merged down over its tasks' rows."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "台账"
    for row in rows:
        sheet.append(row)
    width = len(LEDGER_HEADER)
    for number, row in enumerate(rows, start=1):
        if row[0] and not any(row[1:]):
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    start = None
    for number in range(3, len(rows) + 2):
        same = number <= len(rows) and start is not None and rows[number - 1][1] and \
            rows[number - 1][1] == rows[start - 1][1]
        if not same:
            if start is not None and number - 1 > start:
                for below in range(start + 1, number):
                    sheet.cell(below, 2).value = None
                sheet.merge_cells(start_row=start, start_column=2, end_row=number - 1, end_column=2)
            start = number if number <= len(rows) and rows[number - 1][1] else None
    workbook.save(path)
    return path


def write_docx_table(rows: list[list[str]], path: Path) -> Path:
    """The ledger as a table in a Word document, as offices send them: the caption as a paragraph above,
    each part's heading merged across the table, a section's name merged down over its tasks."""
    import docx

    document = docx.Document()
    document.add_paragraph(rows[0][0])
    body = rows[1:]
    table = document.add_table(rows=len(body), cols=len(LEDGER_HEADER))
    for r, row in enumerate(body):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for r, row in enumerate(body):
        if row[0] and not any(row[1:]):
            table.cell(r, 0).merge(table.cell(r, len(LEDGER_HEADER) - 1)).text = row[0]
    start = None
    for r in range(1, len(body) + 1):
        same = r < len(body) and start is not None and body[r][1] and body[r][1] == body[start][1]
        if not same:
            if start is not None and r - 1 > start:
                for below in range(start + 1, r):
                    table.cell(below, 1).text = ""
                table.cell(start, 1).merge(table.cell(r - 1, 1)).text = body[start][1]
            start = r if r < len(body) and body[r][1] else None
    document.save(path)
    return path
