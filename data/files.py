"""Writing a file safely: under a temporary name beside it, flushed to disk, then moved into place at once.

Exports and review files are written this way, so a crash, a full disk or a cancelled export never leaves
a half-written file, and a file that is replaced keeps the permissions it had. Files read are held to a
size (size_problem), so a huge one is refused at once instead of filling the memory.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import ExportError, Problem

NEW_FILE_MODE = 0o666  # what open() asks for; the umask takes away from it


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux: /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(target: Path) -> int:
    """The mode `target` should have once written: the old file's, else a new file's (0666 minus the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return NEW_FILE_MODE & ~_umask()


def _sync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if path.is_dir() and os.name != "posix":
        return  # a folder cannot be opened for flushing elsewhere; its rename is durable there
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def size_problem(size: int, limit: int, kind: Problem) -> Problem | None:
    """The words for a file too large to be read as `kind` (Problem("a review file")), or None."""
    if size <= limit:
        return None
    return Problem("is too large to be {kind} ({size:,.1f} MB; at most {limit:,.0f} MB)", kind=kind,
                   size=size / 1024 ** 2, limit=limit / 1024 ** 2)


TEMPORARY_SUFFIX = ".part"


def temporary_prefix(path: Path) -> str:
    """The start of a temporary file's name beside `path`: hidden, and naming the process that writes it,
    so that one a killed process left behind can be told from one being written."""
    return f".{path.name}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or no pid at all: leave its file alone
    return True


def remove_leftovers(folder: Path, suffix: str) -> list[Path]:
    """Delete the temporary files (named by temporary_prefix, ending in `suffix`, with their SQLite journals)
    that processes no longer running left in the folder, as a crash or a kill leaves them; return those
    deleted."""
    removed = []
    try:
        candidates = list(folder.glob(f".*-*-*{suffix}*"))
    except OSError:
        return removed
    for candidate in candidates:
        name, _, rest = candidate.name.rpartition(suffix)
        parts = name.rsplit("-", 2)
        if rest not in ("", "-journal", "-wal", "-shm") or len(parts) < 3:
            continue
        pid = parts[-2]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                candidate.unlink()
                removed.append(candidate)
            except OSError:
                pass
    return removed


def write_error(path: Path, error: OSError) -> ExportError:
    """The file cannot be written: why, for the user."""
    if isinstance(error, PermissionError):
        return ExportError(path, "cannot be written: it is open in another program, or the folder is read-only")
    if error.errno == errno.ENOSPC:
        return ExportError(path, "cannot be written: the disk is full")
    return ExportError(path, "cannot be written ({reason})", reason=error.strerror or error)


@contextlib.contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path` to write to; when the block succeeds, the file is flushed to
    disk, given the mode `path` should have and moved over it, and the folder is flushed.

    Any failure (or cancellation) removes the temporary file, so no half file is left; an unwritable
    target or a full disk becomes an ExportError naming the file.
    """
    path = Path(path)
    remove_leftovers(path.parent, TEMPORARY_SUFFIX)
    try:
        handle, temporary = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=TEMPORARY_SUFFIX, dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise write_error(path, error) from None
    temporary = Path(temporary)
    try:
        yield temporary
        _sync(temporary)
        os.chmod(temporary, usual_mode(path))
        os.replace(temporary, path)
        _sync(path.parent)
    except OSError as error:
        raise write_error(path, error) from None
    finally:
        temporary.unlink(missing_ok=True)
