"""Hostile input for the readers (hypothesis strategies): random and mutated bytes, deep nesting, huge
numbers, lone surrogates, duplicate keys and ids, wrong encodings, SQL and markup in values, PDF syntax
broken where PDF readers broke.

Each strategy starts from a valid file (a plan in JSON, a review file, plan text, a PDF) and breaks it, so that
most inputs get past the first check and reach the deeper ones. Used by tests/test_hostile_input.py and
bench/fuzz_readers.py.
"""
from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from data.review.file_format import file_checksum
from data.identity import SEED_BYTES, SigningKey

# Stand-ins for what json.dumps cannot write, put in the text after it: a list nested thousands deep, an
# integer longer than Python converts.
WRITTEN_LATER = {"<deep nesting>": "[" * 5000 + "]" * 5000, "<huge number>": "1" + "0" * 5000}
# Values that broke a reader once, or that a reader must survive.
NASTY_VALUES: list[Any] = [*WRITTEN_LATER,
    "\ud800", "a\udfffb", 10 ** 30, -(10 ** 30), 2 ** 63, 1e308, -1, 0, "", " ", "\x00", "\u202e", "𝕏" * 3,
    "'; DROP TABLE review_notes; --", "<script>alert(1)</script>", "%s%n%x", "\n" * 50, "(" * 500, None, True,
    [], {}, [[[[[]]]]], "ok" * 10_000, "00000000-0000-0000-0000-000000000000",
]
NASTY_TEXTS = [
    '"\\ud800"', '"\\udfff\\ud800"', "1" * 5000, "1e999", "-1e999", "NaN", "Infinity", "[" * 50_000, "{" * 3_000,
    '{"a": 1, "a": 2}', "'; DROP TABLE tasks; --", "<b>", "\x00", "\\", '"', "\ufeff", "(" * 3_000, ")" * 3_000,
]
any_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
    | st.sampled_from(NASTY_VALUES),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
json_values = st.one_of(st.sampled_from(NASTY_VALUES), st.sampled_from(NASTY_VALUES), any_values)


def dumped(document: Any) -> bytes:
    """JSON bytes of a document, lone surrogates kept and the stand-ins written out."""
    text = json.dumps(document, ensure_ascii=False)
    for stand_in, written in WRITTEN_LATER.items():
        text = text.replace(json.dumps(stand_in), written)
    return text.encode("utf-8", "surrogatepass")


def _places(document: Any, path: tuple = ()) -> list[tuple]:
    """Every path to a value inside the document (keys and indexes)."""
    places = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            places += _places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            places += _places(value, (*path, index))
    return places


def _replaced(document: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    changed = copy.copy(document)
    changed[path[0]] = _replaced(document[path[0]], path[1:], value)
    return changed


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> bytes:
    """The base text, broken at the byte level: cut, spliced, with nasty pieces or random bytes put in."""
    raw = base.encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        end = draw(st.integers(at, min(len(raw), at + 200)))
        nasty = st.sampled_from(NASTY_TEXTS).map(lambda t: t.encode("utf-8", "surrogatepass"))
        piece = draw(nasty | nasty | nasty | st.binary(max_size=40) | st.just(b"") | st.text(max_size=40).map(
                         lambda t: t.encode("utf-8", "surrogatepass")) | st.just(raw[at:end] * 50))
        raw = raw[:at] + piece + raw[end:]
    if draw(st.integers(0, 9)) == 0:
        raw = raw.decode("utf-8", "replace").encode(draw(st.sampled_from(["utf-16", "gb18030", "latin-1"])),
                                                   "replace")
    return raw


@st.composite
def mutated_document(draw: st.DrawFn, base: Any) -> Any:
    """The base document with one to three values replaced by random or nasty ones."""
    document = base
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(document)))
        document = _replaced(document, path, draw(json_values))
    return document


def plan_json_inputs(base: dict) -> st.SearchStrategy[bytes]:
    """A plan in JSON, broken in its structure or its bytes, or random bytes."""
    text = json.dumps(base, ensure_ascii=False)
    structured = mutated_document(base).map(dumped)
    return st.one_of(structured, structured, mutated_text(text), st.binary(max_size=200))


def forger_key() -> SigningKey:
    """A key of the forger's own (the reviewer's key stays on the reviewer's computer)."""
    return SigningKey.from_seed(os.urandom(SEED_BYTES))


def signed_again(document: dict, key: SigningKey, signer: str = "mallory") -> dict:
    """The document with its signer, checksum and signature made to match its content again, as a forger would
    with a key of their own."""
    import base64

    content = document["content"]
    if isinstance(content, dict) and isinstance(content.get("signer"), dict):
        content = {**content, "signer": {**content["signer"], "reviewer": signer,
                                         "public_key": base64.b64encode(key.public).decode("ascii")}}
    digest = file_checksum(document["version"], content)
    return {**document, "content": content, "sha256": digest, "signature": key.sign(digest)}


def _resigned(document: dict, key: SigningKey | None = None) -> dict:
    """The document signed again by a forger, so that the deeper checks are reached."""
    try:
        return signed_again(document, key or forger_key())
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):  # content no checksum can be made of
        return document


def review_file_inputs(base: dict) -> st.SearchStrategy[bytes]:
    """A review file, broken in its structure (and signed again, so the deeper checks are reached) or its
    bytes, or random bytes."""
    text = json.dumps(base, ensure_ascii=False)
    structured = mutated_document(base).map(
        lambda document: dumped(_resigned(document) if isinstance(document, dict) else document))
    return st.one_of(structured, structured, mutated_text(text), st.binary(max_size=200))


DEPARTMENTS = ["Ministry of Finance", "National Development and Reform Commission", "财政部", "教育部", "各地区"]


@st.composite
def long_name_lists(draw: st.DrawFn, base: str) -> bytes:
    """The base text with a task whose clause lists hundreds of names, or whose "(" closes far away."""
    names = draw(st.integers(100, 1500))
    separator = draw(st.sampled_from([", ", "、", "，", " and "]))
    listed = separator.join(f"{DEPARTMENTS[i % len(DEPARTMENTS)]}{i}" for i in range(names))
    at = draw(st.integers(0, len(base)))
    clause = draw(st.sampled_from([f"\n99. Do the work. ({listed})\n", f"\n99. 做好工作。（{listed}负责）\n",
                                   "(" + base[at:] + "x" * 20_000 + ")"]))
    return (base[:at] + clause + base[at:]).encode("utf-8")


def plan_text_inputs(base: str) -> st.SearchStrategy[bytes]:
    """Plan text, broken at the byte level, with long name lists, or random text."""
    return st.one_of(mutated_text(base), mutated_text(base), long_name_lists(base),
                     st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")))


# Pieces of PDF syntax that broke PDF readers once: counts and lengths out of range, references to nowhere
# or in a loop, deep nesting, broken streams and filters, absurd font sizes and positions, a wrong password.
NASTY_PDF = [
    b"/Count 2147483647", b"/Count -1", b"/Count 0", b"/Length 999999999", b"/Length -5", b"99999999 0 R", b"0 0 R",
    b"/Kids [3 0 R 3 0 R 3 0 R]", b"/Parent 3 0 R", b"[" * 5000, b"<<" * 3000, b"(" * 3000, b"q " * 3000,
    b"1 0 obj", b"endobj", b"stream\n", b"endstream", b"xref\n0 99999999\n", b"startxref\n-1\n%%EOF",
    b"trailer << /Root 1 0 R /Size 2147483647 >>", b"/Filter /FlateDecode", b"/Filter [/LZWDecode /ASCII85Decode]",
    b"/DecodeParms << /Predictor 15 /Columns 99999999 >>", b"BT /F1 1e30 Tf 1e30 0 Td (x) Tj ET",
    b"BT /F1 0 Tf 0 0 0 0 0 0 Tm <0041> Tj ET", b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 >>",
    b"/Type /XObject /Subtype /Image /Width 99999 /Height 99999 /BitsPerComponent 8", b"/Rotate 45",
    b"/MediaBox [0 0 -1 1e30]", b"/ToUnicode 9 0 R", b"beginbfrange <0000> <FFFF> <D800> endbfrange", b"\x00" * 40,
]
_PDF_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
NASTY_NUMBERS = [b"0", b"-1", b"2147483648", b"-2147483649", b"9223372036854775808", b"1e308", b"99999999", b".5",
                 b"00000000000000000000000000001"]


@st.composite
def mutated_pdf(draw: st.DrawFn, bases: list[bytes]) -> bytes:
    """One of the base PDFs, broken: cut, spliced, with nasty syntax or random bytes put in, its numbers (object
    numbers, offsets, lengths, counts, coordinates) changed."""
    raw = draw(st.sampled_from(bases))
    for _ in range(draw(st.integers(1, 4))):
        numbers = list(_PDF_NUMBER.finditer(raw))
        if numbers and draw(st.booleans()):
            number = draw(st.sampled_from(numbers))
            raw = raw[:number.start()] + draw(st.sampled_from(NASTY_NUMBERS)) + raw[number.end():]
            continue
        at = draw(st.integers(0, len(raw)))
        end = draw(st.integers(at, min(len(raw), at + 200)))
        piece = draw(st.sampled_from(NASTY_PDF) | st.binary(max_size=40) | st.just(b"") | st.just(raw[at:end] * 20))
        raw = raw[:at] + piece + raw[end:]
    return raw


def pdf_bases(lines: list[str], folder: Path) -> list[bytes]:
    """The plan's lines as the PDFs the fuzzer breaks: an embedded TrueType subset, and Adobe's STSong-Light
    (PDFium's own character maps), their content streams left uncompressed so that they can be broken too."""
    from .plan_documents import write_pdf

    return [write_pdf(lines, folder / f"base-{font}.pdf", font=font, compress=False).read_bytes()
            for font in ("WQY", "STSong-Light")]


def pdf_inputs(bases: list[bytes]) -> st.SearchStrategy[bytes]:
    """A PDF (one of pdf_bases) broken in its syntax or its numbers, or random bytes after a PDF header."""
    return st.one_of(mutated_pdf(bases), mutated_pdf(bases), mutated_pdf(bases),
                     st.binary(max_size=400).map(lambda tail: b"%PDF-1.7\n" + tail))
