"""Reading a plan file of any supported kind, with failures as PlanFileError."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import PlanFileError
from .files import size_problem
from .json_format import ShapeError, plan_from_json
from .json_input import JsonInputError, load_json
from .model import ReadResult
from .registry import Registry, default_registry
from .text_reader import read_plan_text


MAX_TEXT_BYTES = 1024 ** 2  # plan text: real plans are under 100 KB; the reader takes about 1.5 s a MB
MAX_JSON_BYTES = 128 * 1024 ** 2  # plan JSON: 100,000 tasks take about 62 MB
JSON_STARTS = (b"{", b"[", b"\xef\xbb\xbf{", b"\xef\xbb\xbf[")  # with or without a UTF-8 BOM


def decode(raw: bytes, path: Path) -> str:
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


def read_plan_file(path: str | Path, registry: Registry | None = None) -> ReadResult:
    """Read plan text or the project's JSON from a file."""
    path = Path(path)
    registry = registry or default_registry()
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            is_json = handle.read(4096).lstrip().startswith(JSON_STARTS)
            problem = size_problem(size, MAX_JSON_BYTES if is_json else MAX_TEXT_BYTES,
                                   "a plan in JSON" if is_json else "plan text")
            if problem:
                raise PlanFileError(path, problem)
            handle.seek(0)
            raw = handle.read()
    except FileNotFoundError:
        raise PlanFileError(path, "no such file") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except OSError as error:
        raise PlanFileError(path, error.strerror or str(error)) from None
    text = decode(raw, path)
    if text.lstrip().startswith(("{", "[")):
        try:
            document = load_json(text)
        except JsonInputError as error:
            raise PlanFileError(path, f"is not a plan: {error}") from None
        try:
            return plan_from_json(document, registry)
        except ShapeError as error:
            raise PlanFileError(path, f"not a plan in the plan-review JSON format: {error}") from None
    try:
        return read_plan_text(text, registry)
    except ValueError:
        raise PlanFileError(path, "no recognisable numbered tasks with department clauses") from None
