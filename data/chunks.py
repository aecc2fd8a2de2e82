"""Long id lists in SQL: SQLite takes a limited number of parameters per statement, so an `IN (…)` over many
ids runs once per chunk."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

CHUNK = 500


def in_chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[tuple[list[int], str]]:
    """Each chunk of the ids, with the `?,?,…` marks of its IN list."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start:start + size])
        yield chunk, ",".join("?" * len(chunk))
