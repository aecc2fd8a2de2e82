"""What kind of file a plan file is, found by its content (signatures, the parts inside a zip), and the
size each kind may have, checked with stat before anything is read."""
from __future__ import annotations

import re
import zipfile
from enum import Enum
from pathlib import Path

from ..errors import PlanFileError, Problem

MB = 1024 * 1024


class Kind(Enum):
    """A format, with the largest file of it the program reads."""

    TEXT = ("plain text", 50 * MB)
    JSON = ("plan JSON", 128 * MB)  # a plan of 100,000 tasks is about 62 MB
    DOCX = ("Word document (.docx)", 50 * MB)
    XLSX = ("Excel workbook (.xlsx)", 50 * MB)
    PDF = ("PDF", 100 * MB)
    HTML = ("web page", 50 * MB)
    MHT = ("saved web archive (.mht)", 50 * MB)
    CSV = ("CSV task ledger", 50 * MB)
    LEGACY_DOCUMENT = ("older Word or WPS document (.doc/.wps/.rtf)", 50 * MB)
    LEGACY_WORKBOOK = ("older Excel or WPS workbook (.xls/.et)", 50 * MB)

    def __init__(self, description: str, max_bytes: int):
        self.description = description
        self.max_bytes = max_bytes


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p)\b", re.I | re.S)
_MHT_HEADER = re.compile(rb"^(?:[\w-]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){0,30}?"
                         rb"content-type:\s*multipart/related", re.I)
_EXTENSIONS = {".txt": Kind.TEXT, ".json": Kind.JSON, ".docx": Kind.DOCX, ".xlsx": Kind.XLSX, ".pdf": Kind.PDF, ".html": Kind.HTML, ".htm": Kind.HTML,
               ".mht": Kind.MHT, ".mhtml": Kind.MHT, ".csv": Kind.CSV, ".doc": Kind.LEGACY_DOCUMENT,
               ".wps": Kind.LEGACY_DOCUMENT, ".rtf": Kind.LEGACY_DOCUMENT, ".xls": Kind.LEGACY_WORKBOOK,
               ".et": Kind.LEGACY_WORKBOOK}
_HEAD = 4096  # bytes read to tell the kind


def kind_by_name(path: Path) -> Kind | None:
    """The kind a file's extension claims, if it claims one."""
    return _EXTENSIONS.get(path.suffix.lower())


def detect_kind(path: Path, head: bytes) -> Kind:
    """The kind of a file from its first bytes (and, for a zip, the parts it holds)."""
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if b"%PDF-" in head[:1024]:
        return Kind.PDF
    if head.startswith(_OLE2):
        return _ole_kind(path)
    if head.lstrip().startswith(b"{\\rtf"):
        return Kind.LEGACY_DOCUMENT
    text = head.lstrip(b"\xef\xbb\xbf")
    if text.lstrip().startswith((b"{", b"[")):
        return Kind.JSON
    if _MHT_HEADER.match(text):
        return Kind.MHT
    if _HTML_START.match(text) or _HTML_START.match(_utf16_to_ascii(text)):
        return Kind.HTML
    if kind_by_name(path) is Kind.CSV:
        return Kind.CSV
    return Kind.TEXT


def read_head(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(_HEAD)


def check_size(path: Path, size: int, kind: Kind) -> None:
    """Refuse a file larger than its kind allows, before reading it."""
    if size > kind.max_bytes:
        raise PlanFileError(path, "the file is {size:,.0f} MB; a {kind} of more than {limit} MB is not read as a plan",
                            size=size / MB, kind=Problem(kind.description), limit=kind.max_bytes // MB)


def _utf16_to_ascii(data: bytes) -> bytes:
    """A UTF-16 page's ASCII, enough to see its first tag."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[2:].replace(b"\x00", b"")
    return b""


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        raise PlanFileError(path, "a damaged zip archive (a Word or Excel file?): {reason}", reason=error) from None
    if "word/document.xml" in names:
        return Kind.DOCX
    if "xl/workbook.xml" in names:
        return Kind.XLSX
    raise PlanFileError(path, "a zip archive that holds no Word document or Excel workbook")


def _ole_kind(path: Path) -> Kind:
    """An older Office file: its stream names (UTF-16 in the directory) tell a document from a workbook."""
    with path.open("rb") as file:
        data = file.read(Kind.LEGACY_DOCUMENT.max_bytes)
    if "WordDocument".encode("utf-16-le") in data:
        return Kind.LEGACY_DOCUMENT
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return Kind.LEGACY_WORKBOOK
    claimed = kind_by_name(path)
    if claimed in (Kind.LEGACY_DOCUMENT, Kind.LEGACY_WORKBOOK):
        return claimed
    raise PlanFileError(path, "an older Office file that is neither a Word document nor a workbook")


def decode_text(raw: bytes, path: Path) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else GB18030 as Chinese documents use."""
    if not raw.strip():
        raise PlanFileError(path, "the file is empty")
    if b"\x00" in raw[:8192]:
        raise PlanFileError(path, "the file is binary, not plan text or JSON")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PlanFileError(path, "the file is not text in UTF-8 or GB18030")
