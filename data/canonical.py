"""Canonical JSON: sorted keys, no spaces, UTF-8; the same value always gives the same bytes, and so the same digest."""
from __future__ import annotations

import json


def canonical_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def checksum(value: object) -> str:
    """SHA-256 of the value's canonical JSON, in hex."""
    import hashlib  # loaded when first needed: opening the window does not

    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
