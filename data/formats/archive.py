"""Opening a Word or Excel file (a zip of XML parts) without trusting it: the zip directory is checked
before anything is inflated, and every XML part is refused if it declares a DTD or entities."""
from __future__ import annotations

import xml.sax
import xml.sax.handler
import zipfile
from pathlib import Path
from typing import IO

import defusedxml.sax
from defusedxml import DefusedXmlException

from ..errors import PlanFileError
from .detect import MB

MAX_ENTRIES = 10_000
MAX_INFLATED = 300 * MB  # all parts together, once inflated (pictures included)
MAX_XML = 100 * MB  # the XML parts together, which the readers parse into memory (~5-10x their size)
MAX_RATIO = 200  # inflated / compressed, for a part of more than RATIO_FLOOR: Office files compress ~5-20x
RATIO_FLOOR = 1 * MB


def check_archive(path: Path) -> None:
    """Refuse a zip bomb (too many entries, too large once inflated, too compressed) and XML parts with a
    DTD or entity declarations, each with the reason."""
    check_directory(path)
    check_xml_parts(path)


def check_directory(path: Path) -> None:
    """The zip bomb checks, on the archive's directory alone: nothing is inflated.

    Python's zipfile stops inflating a part at the size its directory entry declares (and then fails its
    checksum), so the declared sizes checked here bound what is inflated later.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            _check_directory(path, archive.infolist())
    except zipfile.BadZipFile as error:
        raise PlanFileError(path, "a damaged zip archive: {reason}", reason=error) from None


def check_xml_parts(path: Path) -> None:
    """Refuse XML parts that declare a DTD or entities, parsing each as a stream."""
    try:
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                if entry.filename.endswith((".xml", ".rels")):
                    with archive.open(entry) as part:
                        _refuse_dtd(path, entry.filename, part)
    except zipfile.BadZipFile as error:
        raise PlanFileError(path, "a damaged zip archive: {reason}", reason=error) from None


def _check_directory(path: Path, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise PlanFileError(path, "the archive holds {parts:,} parts (more than {limit:,}): refused as a zip bomb",
                            parts=len(entries), limit=MAX_ENTRIES)
    inflated = sum(entry.file_size for entry in entries)
    if inflated > MAX_INFLATED:
        raise PlanFileError(path, "the archive would inflate to {size:,.0f} MB (more than {limit} MB): refused as a "
                                  "zip bomb", size=inflated / MB, limit=MAX_INFLATED // MB)
    xml = sum(entry.file_size for entry in entries if entry.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML:
        raise PlanFileError(path, "the document's XML would inflate to {size:,.1f} MB (more than {limit:,.1f} MB): "
                                  "too large to be read as a plan", size=xml / MB, limit=MAX_XML / MB)
    for entry in entries:
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise PlanFileError(path, "the part {part} is compressed {ratio:,} to 1 (more than {limit} to 1): refused "
                                      "as a zip bomb", part=entry.filename,
                                ratio=entry.file_size // max(entry.compress_size, 1), limit=MAX_RATIO)


def _refuse_dtd(path: Path, part: str, content: IO[bytes]) -> None:
    """Office parts never declare a DTD: one that does (entity expansion, external entities) is refused.
    The part is parsed as a stream, so a large one is never held in memory whole."""
    try:
        defusedxml.sax.parse(content, xml.sax.handler.ContentHandler(), forbid_dtd=True)
    except DefusedXmlException:
        raise PlanFileError(path, "the part {part} declares a DTD or entities (refused: they can expand without "
                                  "bound or read other files)", part=part) from None
    except xml.sax.SAXParseException as error:
        raise PlanFileError(path, "the part {part} is not well-formed XML: {reason}", part=part,
                            reason=error.getMessage()) from None
