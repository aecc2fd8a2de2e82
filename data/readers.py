"""Reading a plan file of any supported kind, with failures as PlanFileError."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import PlanFileError
from .json_format import ShapeError, plan_from_json
from .model import ReadResult
from .registry import Registry, default_registry
from .text_reader import read_plan_text


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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(path, "no such file") from None
    except IsADirectoryError:
        raise PlanFileError(path, "this is a folder, not a plan file") from None
    except OSError as error:
        raise PlanFileError(path, "cannot be read ({reason})", reason=error.strerror or str(error)) from None
    text = decode(raw, path)
    if text.lstrip().startswith(("{", "[")):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise PlanFileError(path, "malformed JSON at line {line}, column {column}: {reason}",
                                line=error.lineno, column=error.colno, reason=error.msg) from None
        try:
            return plan_from_json(document, registry)
        except ShapeError as error:
            raise PlanFileError(path, "not a plan in the plan-review JSON format: {reason}", reason=error.problem) from None
    try:
        return read_plan_text(text, registry)
    except ValueError:
        raise PlanFileError(path, "no recognisable numbered tasks with department clauses") from None
