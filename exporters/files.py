"""The small vocabulary long exports share: progress callbacks, cancel checks, the result.

Files are written through data.files.atomic_target: a temporary name in the target folder, then one atomic replace.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from data.errors import ExportError

FILE_NAME_LIMIT = 120  # characters of a file name written, extension included: room under any path limit

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


def numbered_file_names(names: Sequence[str], format_key: str) -> list[str]:
    """One file name per name, in order: "07 Ministry of Education.pdf". The number keeps the order in a
    folder listing; the rest is the name made safe on Windows, macOS and Linux (no reserved characters or
    names such as CON), the whole at most FILE_NAME_LIMIT characters."""
    from pathvalidate import sanitize_filename  # loads with the first export, like the writers

    width = len(str(len(names)))
    files = []
    for number, name in enumerate(names, start=1):
        prefix, extension = f"{number:0{width}d} ", f".{format_key}"
        room = FILE_NAME_LIMIT - len(prefix) - len(extension)
        safe = " ".join(sanitize_filename(name, replacement_text=" ", platform="universal").split())
        safe = sanitize_filename(safe[:room].rstrip(), platform="universal") or "department"
        files.append(f"{prefix}{safe}{extension}")
    return files
