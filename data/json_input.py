"""Reading JSON that someone else wrote: what the json module lets through is refused with a message.

Deep nesting (RecursionError), integers longer than Python converts (ValueError), NaN and infinities,
duplicate keys (the last silently wins), lone surrogates (a UnicodeEncodeError when the text is stored or
printed) and numbers SQLite cannot store (OverflowError) all end in JsonInputError, worded for the user.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

from .errors import Problem

MAX_DEPTH = 32  # the program's formats nest 8 deep
MAX_NUMBER_DIGITS = 15  # every number the formats hold fits, and SQLite stores it exactly
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a pair is joined by the parser; one left alone is not text


class JsonInputError(ValueError):
    """JSON that is malformed or that the program refuses; its problem says why and where."""

    def __init__(self, problem: str, **values: object):
        self.problem = Problem(problem, **values)
        super().__init__(self.problem)


class MalformedJsonError(JsonInputError):
    """Text that is not JSON at all (or is cut short)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise JsonInputError("the key “{key}” appears twice in one object", key=shown(twice))
    return document


def _number(text: str) -> int | float:
    if len(text.lstrip("-").split(".")[0].split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
        raise JsonInputError("the number {number}… is too large", number=text[:20])
    number = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(number, float) and (not math.isfinite(number) or abs(number) >= 10 ** MAX_NUMBER_DIGITS):
        raise JsonInputError("the number {number} is too large", number=text[:20])
    return number


def _constant(name: str) -> None:
    raise JsonInputError("{name} is not a number JSON allows", name=name)


def shown(value: object) -> str:
    """A value safe to print in a one-line message: at most 40 characters, no line breaks or other control
    characters, lone surrogates replaced."""
    text = value if isinstance(value, str) else repr(value)
    short = LONE_SURROGATE.sub("\ufffd", text[:40])
    return "".join(c if c.isprintable() else "\ufffd" for c in short) + ("…" if len(text) > 40 else "")


def load_json(text: str) -> Any:
    """The parsed document, or JsonInputError."""
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys, parse_int=_number, parse_float=_number,
                              parse_constant=_constant)
    except JsonInputError:
        raise
    except json.JSONDecodeError as error:
        raise MalformedJsonError("malformed JSON at line {line}, column {column}: {reason}", line=error.lineno,
                                 column=error.colno, reason=error.msg) from None
    except RecursionError:
        raise JsonInputError("it is nested more than {depth} deep", depth=MAX_DEPTH) from None
    _check_values(document)
    return document


def _check_values(document: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and text holding lone surrogates (keys included)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if LONE_SURROGATE.search(value):
                raise JsonInputError("the text “{text}” holds a lone surrogate (\\ud800–\\udfff), which is not "
                                     "Unicode text", text=shown(value))
        elif isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise JsonInputError("it is nested more than {depth} deep", depth=MAX_DEPTH)
            items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
            for key, item in items:
                if key is not None:
                    stack.append((key, depth))
                stack.append((item, depth + 1))
