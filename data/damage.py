"""Finding damage in a database file before the program trusts it: its header, its pages, its write-ahead log.

A damaged file is never shown as data and never changed: it is checked through read-only connections, then
copied aside untouched. The checks that read the files with Python (the header, the log, its index) run
only while no SQLite connection of this process holds the file: closing any descriptor of it would drop
every POSIX lock those connections hold (SQLite's "How To Corrupt An SQLite Database File", 2.2), and the
next program to close would take itself for the last one and delete the log under them.
"""
from __future__ import annotations

import shutil
import sqlite3
import struct
import urllib.parse
from collections.abc import Callable
from typing import BinaryIO
from pathlib import Path

from .errors import Problem

SQLITE_HEADER = b"SQLite format 3\x00"
DAMAGED_FOLDER = "damaged"  # beside the database: untouched copies of damaged files
WAL_MAGIC = (0x377F0682, 0x377F0683)  # the low bit: checksums in big-endian (3) or little-endian (2) words
WAL_HEADER_SIZE, FRAME_HEADER_SIZE, INDEX_HEADER_SIZE = 32, 24, 48
DAMAGE_CODES = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR_SHORT_READ"}  # SQLite's words for damage


def pages_problem(conn: sqlite3.Connection, full_check: bool) -> str | None:
    """What SQLite's quick_check (or full integrity_check) finds wrong with the pages, or None."""
    rows = conn.execute("PRAGMA integrity_check" if full_check else "PRAGMA quick_check").fetchall()
    return None if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:3])


def companion(path: Path, suffix: str) -> Path:
    """The database's -wal or -shm file."""
    return path.with_name(path.name + suffix)


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """An SQLite URI opening the file read-only: such a connection never checkpoints the log into the file
    nor deletes it when it closes; `immutable` also ignores the log and takes no locks."""
    return "file:" + urllib.parse.quote(str(path.resolve())) + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite's error says the file is damaged (rather than locked, read-only, full...)."""
    return getattr(error, "sqlite_errorname", "") in DAMAGE_CODES or "malformed" in str(error)


def header_problem(path: Path) -> Problem | None:
    """What is wrong with the file's header (empty, not SQLite, cut short, impossible page size), or None."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as error:
        return Problem("cannot be read ({reason})", reason=error.strerror)
    if not header:
        return Problem("is empty (0 bytes), not a Plan Review database; it was left as it is")
    if not header.startswith(SQLITE_HEADER):
        return Problem("is not an SQLite database (or its header is damaged)")
    if len(header) < 100:
        return Problem("is damaged: its header is cut short")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Problem("is damaged: its header names an impossible page size ({size})", size=page_size)
    if size % page_size:
        return Problem("is damaged: it is not a whole number of pages (cut short?)")
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        return Problem("is damaged: its header names an unknown file format ({write}, {read})", write=header[18],
                       read=header[19])
    pages = int.from_bytes(header[28:32], "big")
    if not pages:
        return Problem("is damaged: its header's page count is zeroed")
    if pages and header[24:28] == header[92:96] and size < pages * page_size:
        return Problem("is damaged: it is cut short ({found} of its {pages} pages)", found=size // page_size,
                       pages=pages)
    return None


def _wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    """SQLite's log checksum (wal.c, walChecksumBytes) of `data`, going on from (s0, s1)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for first, second in zip(words[::2], words[1::2]):
        s0 = (s0 + first + s1) & 0xFFFFFFFF
        s1 = (s1 + second + s0) & 0xFFFFFFFF
    return s0, s1


def wal_header_problem(path: Path) -> Problem | str | None:
    """A log holding frames whose header SQLite would refuse, dropping every saved change in it; or None."""
    wal = companion(path, "-wal")
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER_SIZE + FRAME_HEADER_SIZE)
    except OSError:
        return None
    if len(header) <= WAL_HEADER_SIZE:
        return None  # no frame: nothing to lose
    magic = int.from_bytes(header[:4], "big")
    if magic not in WAL_MAGIC:
        return Problem("its write-ahead log ({log}) is damaged: its header is not SQLite's", log=wal.name)
    page_size = int.from_bytes(header[8:12], "big")
    stored = (int.from_bytes(header[24:28], "big"), int.from_bytes(header[28:32], "big"))
    if _wal_checksum(header[:24], bool(magic & 1)) != stored or page_size < 512 or page_size & (page_size - 1):
        return Problem("its write-ahead log ({log}) is damaged: its header fails its checksum", log=wal.name)
    return None


def _frames_taken(path: Path, salts: bytes) -> int | None:
    """How many frames of the log SQLite took, from its index (-shm); None when the index cannot tell."""
    try:
        with companion(path, "-shm").open("rb") as handle:
            index = handle.read(2 * INDEX_HEADER_SIZE)
    except OSError:
        return None
    first, second = index[:INDEX_HEADER_SIZE], index[INDEX_HEADER_SIZE:]
    if len(index) < 2 * INDEX_HEADER_SIZE or first != second or first[12] != 1 or first[32:40] != salts:
        return None  # not written yet, being written, or indexing an earlier round of the log
    return int.from_bytes(first[16:20], "little")


def dropped_commits_problem(path: Path) -> Problem | str | None:
    """Saved changes in the log past the frames SQLite took (it stops at the first frame failing its
    checksum and silently drops every later one); None when there are none.

    Call after an SQLite connection has read the log (so its index counts the frames taken) and closed.
    Only the frames past that count are read, each checked against the checksum its predecessor stored.
    Damage is a frame that fails followed by an intact commit frame. A torn last transaction, as a crash
    or a kill leaves it, has no intact commit after its torn frame; a transaction another program is
    committing right now has no torn frame (it writes and flushes its frames before it counts them).
    """
    wal = companion(path, "-wal")
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER_SIZE)
            if len(header) < WAL_HEADER_SIZE:
                return None
            salts, page_size = header[16:24], int.from_bytes(header[8:12], "big")
            taken = _frames_taken(path, salts)
            if taken is None or page_size < 512:
                return None
            return _commit_past_a_broken_frame(handle, header, taken, page_size, wal.name)
    except OSError:
        return None


def _commit_past_a_broken_frame(handle: BinaryIO, header: bytes, taken: int, page_size: int,
                                name: str) -> str | None:
    frame_size = FRAME_HEADER_SIZE + page_size
    if taken:
        handle.seek(WAL_HEADER_SIZE + (taken - 1) * frame_size)
        previous = handle.read(FRAME_HEADER_SIZE)[16:24]
    else:
        previous = header[24:32]
    if len(previous) < 8:
        return None
    big_endian = bool(int.from_bytes(header[:4], "big") & 1)
    handle.seek(WAL_HEADER_SIZE + taken * frame_size)
    broken, number = None, taken
    while len(frame := handle.read(frame_size)) == frame_size and frame[8:16] == header[16:24]:
        number += 1  # frames of an earlier round of the log (other salts) end the walk: SQLite stops there too
        stored = frame[16:24]
        sums = _wal_checksum(frame[:8] + frame[FRAME_HEADER_SIZE:], big_endian,
                             int.from_bytes(previous[:4], "big"), int.from_bytes(previous[4:], "big"))
        intact = sums == (int.from_bytes(stored[:4], "big"), int.from_bytes(stored[4:], "big"))
        if not intact and broken is None:
            broken = number
        elif intact and broken is not None and int.from_bytes(frame[4:8], "big"):
            return Problem("its write-ahead log ({log}) is damaged: frame {first} fails its checksum and the saved "
                           "changes up to frame {last} would be dropped", log=name, first=broken, last=number)
        previous = stored
    return None


def missing_wal_problem(path: Path) -> Problem | str | None:
    """A -shm that counts committed frames in a -wal that is gone: the changes those frames held are lost."""
    wal, shm = companion(path, "-wal"), companion(path, "-shm")
    if wal.exists() or not shm.exists():
        return None
    try:
        with shm.open("rb") as handle:
            index_header = handle.read(INDEX_HEADER_SIZE)
    except OSError:
        return None
    frames = int.from_bytes(index_header[16:20], "little") if len(index_header) == INDEX_HEADER_SIZE else 0
    if index_header[12:13] == b"\x01" and frames:
        return Problem("its write-ahead log ({log}) is missing: the last {frames} saved page changes are lost",
                       log=wal.name, frames=frames)
    return None


def foreign_wal_problem(path: Path, checked: sqlite3.Connection, identity_query: str) -> Problem | str | None:
    """Whether the log beside the file was written for another database: the file read alone (immutable,
    ignoring the log) and read with its log (`checked`) must name the same identity."""
    wal = companion(path, "-wal")
    if not wal.exists() or not wal.stat().st_size:
        return None
    try:
        with_log = checked.execute(identity_query).fetchone()
        alone = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
        try:
            without_log = alone.execute(identity_query).fetchone()
        finally:
            alone.close()
    except sqlite3.OperationalError:
        return None  # an older schema, without an identity yet
    if with_log != without_log:
        return Problem("the write-ahead log beside it ({log}) belongs to another database", log=wal.name)
    return None


def _stamp(path: Path) -> tuple:
    """Size and modification time of the file and its log: what a program writing meanwhile changes."""
    stamps = []
    for file in (path, companion(path, "-wal")):
        try:
            stat = file.stat()
            stamps.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def find_damage(path: Path, connect: Callable[[bool], sqlite3.Connection], full_check: bool,
                identity_query: str) -> Problem | str | None:
    """What damage the file shows, or None: its log missing or refused, its pages (quick_check, or the full
    integrity_check), a foreign log, saved changes SQLite would drop. `connect(immutable)` opens a read-only
    connection. A finding made while another program wrote the file is looked at once more."""
    for _ in range(2):
        before = _stamp(path)
        problem = _look(path, connect, full_check, identity_query)
        if problem is None or _stamp(path) == before:
            return problem
    return problem


def _look(path: Path, connect: Callable[[bool], sqlite3.Connection], full_check: bool,
          identity_query: str) -> Problem | str | None:
    problem = missing_wal_problem(path) or wal_header_problem(path)
    if problem:
        return problem
    try:  # without a log, immutable: a read creates no -wal or -shm beside a file that had none
        conn = connect(not companion(path, "-wal").exists())
    except sqlite3.Error as error:
        return str(error) if is_damage(error) else None
    try:
        problem = pages_problem(conn, full_check) or foreign_wal_problem(path, conn, identity_query)
    except sqlite3.Error as error:
        if not is_damage(error):
            raise
        return str(error)
    finally:
        conn.close()
    return problem or dropped_commits_problem(path)


def keep_damaged_copy(path: Path) -> Path | None:
    """Copy a damaged file (and its -wal) into the `damaged` folder beside it, once per version of it; the
    file is only read. None when there is nowhere to keep one (read-only media)."""
    stat = path.stat()
    folder = path.parent / DAMAGED_FOLDER
    copy = folder / f"{path.stem}-{stat.st_mtime_ns}-{stat.st_size}{path.suffix}"
    if copy.exists():
        return copy
    try:
        folder.mkdir(exist_ok=True)
        for suffix in ("-wal", ""):
            source = companion(path, suffix) if suffix else path
            if source.exists():
                shutil.copyfile(source, companion(copy, suffix) if suffix else copy)
    except OSError:
        return None
    return copy
