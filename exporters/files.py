"""Writing export files safely: a temporary name in the target folder, then one atomic replace.

Also the small vocabulary long exports share: progress callbacks, cancel checks, the result.
"""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from data.errors import ExportError
from data.files import give_usual_mode

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


def _problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot be written: it is open in another program, or the folder is read-only"
    if error.errno == errno.ENOSPC:
        return "cannot be written: the disk is full"
    return f"cannot be written ({error.strerror or error})"


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it replaces `path`.

    Any failure (or cancellation) removes the temporary file, so no half file is left; an
    unwritable target or a full disk becomes an ExportError naming the file.
    """
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise ExportError(path, _problem(error)) from None
    temporary = Path(temporary)
    try:
        yield temporary
        give_usual_mode(temporary, path)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportError(path, _problem(error)) from None
    finally:
        temporary.unlink(missing_ok=True)
