"""The small vocabulary long exports share: progress callbacks, cancel checks, the result.

Files are written through data.files.atomic_target: a temporary name in the target folder, then one atomic replace.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from data.errors import ExportError

Progress = Callable[[int, int], None]  # (done, total)
CancelCheck = Callable[[], bool]  # True: stop as soon as possible


class ExportCancelled(ExportError):
    """The user stopped the export; nothing half-written was left behind."""


@dataclass
class ExportResult:
    """The files an export wrote, and what it had to change to write them."""

    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check_cancel(cancel: CancelCheck | None, path: str | Path = "export") -> None:
    if cancel is not None and cancel():
        raise ExportCancelled(path, "cancelled")
