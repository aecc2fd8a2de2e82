"""Backups of a database, made through SQLite's backup API (never a file copy of a live database), kept in
a `backups` folder beside it and thinned out as they age.

A backup is made before an import, a review merge, a reading of feedback workbooks, a migration, a plan
removal and a restore, and when the window starts on a database changed since its newest backup. Restoring copies a backup (after its full integrity check)
back into the live database through the same API, the current content first kept as a backup too.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .damage import companion, pages_problem, read_only_uri
from .errors import Problem
from .files import remove_leftovers, temporary_prefix

BACKUP_FOLDER = "backups"
PARTIAL_SUFFIX = ".partial"  # a backup being written
KEEP_NEWEST = 10  # every one of the newest ten is kept
KEEP_DAILY = 7  # then the newest of each of the last seven days
KEEP_WEEKLY = 8  # then the newest of each of the last eight weeks
STAMP = "%Y%m%dT%H%M%S%f"
REASONS = {"import": "before an import", "review-merge": "before a review merge", "migration": "before an upgrade",
           "restore": "before a restore", "removal": "before a plan was removed", "start": "at start",
           "feedback": "before feedback workbooks were read", "interval": "after a stretch of edits"}


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds (read without changing it)."""

    path: Path
    made: datetime
    reason: str
    plans: list[str]
    notes: int  # live notes
    statuses: int
    commits: int  # the database's count of writes when it was made (store_identity)
    problem: Problem | None = None  # why it cannot be read, or None

    @property
    def reason_text(self) -> str:
        """Why it was made, in words (a Problem when the reason is known: worded in either language)."""
        return Problem(REASONS[self.reason]) if self.reason in REASONS else self.reason


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def make_backup(conn: sqlite3.Connection, database: Path, reason: str, now: datetime | None = None) -> Path:
    """Copy the database behind `conn` into a new backup file (under a temporary name, then moved into
    place), thin out the old ones, and return the new one's path."""
    now = now or datetime.now(timezone.utc)
    made = now.strftime(STAMP)
    folder = backup_folder(database)
    folder.mkdir(exist_ok=True)
    path = folder / f"{database.stem}-{made}-{reason}{database.suffix}"
    remove_leftovers(folder, PARTIAL_SUFFIX)
    handle, name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=PARTIAL_SUFFIX, dir=folder)
    os.close(handle)
    partial = Path(name)
    try:
        target = sqlite3.connect(partial)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        finally:
            target.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    prune(database, now)
    return path


def _made(path: Path, database: Path) -> tuple[datetime, str] | None:
    """When a backup of `database` was made and why, from its name; None for another file."""
    name = path.name
    prefix, suffix = f"{database.stem}-", database.suffix
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return None
    stamp, _, reason = name[len(prefix):len(name) - len(suffix)].partition("-")
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=timezone.utc), reason
    except ValueError:
        return None


def backup_paths(database: Path) -> list[Path]:
    """The database's backup files, newest first."""
    folder = backup_folder(database)
    found = [(made, path) for path in folder.glob("*") if (made := _made(path, database))] if folder.is_dir() else []
    return [path for _, path in sorted(found, reverse=True)]


def prune(database: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups no rule keeps (the newest ten, the newest of each of the last seven days and of
    each of the last eight weeks); return those deleted."""
    now = now or datetime.now(timezone.utc)
    kept, days, weeks, deleted = 0, set(), set(), []
    for path in backup_paths(database):
        made = _made(path, database)[0]
        day, week = made.date(), made.isocalendar()[:2]
        keep = kept < KEEP_NEWEST
        if now - made < timedelta(days=KEEP_DAILY) and day not in days:
            keep, days = True, days | {day}
        if now - made < timedelta(weeks=KEEP_WEEKLY) and week not in weeks:
            keep, weeks = True, weeks | {week}
        if keep:
            kept += 1
        else:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def read_backup(path: Path, database: Path, full_check: bool = False) -> Backup:
    """What a backup holds; `full_check` runs SQLite's integrity_check on it first."""
    made, reason = _made(path, database) or (datetime.fromtimestamp(path.stat().st_mtime, timezone.utc), "")
    conn = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
    try:
        problem = pages_problem(conn, full_check=True) if full_check else None
        if problem:
            raise sqlite3.DatabaseError(problem)
        plans = [row[0] for row in conn.execute("SELECT title FROM plans ORDER BY id")]
        notes = conn.execute("SELECT count(*) FROM review_notes WHERE NOT deleted").fetchone()[0]
        statuses = conn.execute("SELECT count(*) FROM review_states").fetchone()[0]
        try:
            commits = conn.execute("SELECT commits FROM store_identity").fetchone()[0]
        except sqlite3.OperationalError:  # made before the database counted its writes
            commits = 0
        return Backup(path, made, reason, plans, notes, statuses, commits)
    except sqlite3.DatabaseError as error:
        return Backup(path, made, reason, [], 0, 0, 0, Problem("is damaged or not a backup ({reason})", reason=error))
    finally:
        conn.close()


def list_backups(database: Path) -> list[Backup]:
    """The database's backups, newest first, with what each holds."""
    return [read_backup(path, database) for path in backup_paths(database)]


def newest_sound_backup(database: Path) -> Backup | None:
    """The newest backup that passes SQLite's full integrity_check, or None."""
    for path in backup_paths(database):
        backup = read_backup(path, database, full_check=True)
        if backup.problem is None:
            return backup
    return None


def back_up_if_changed(conn: sqlite3.Connection, database: Path, reason: str = "start") -> Path | None:
    """A backup (made for `reason`) when the database counted writes since its newest backup (or has none);
    None otherwise."""
    commits = conn.execute("SELECT commits FROM store_identity").fetchone()[0]
    paths = backup_paths(database)
    if paths and read_backup(paths[0], database).commits == commits:
        return None
    return make_backup(conn, database, reason)


def replace_damaged(database: Path, backup: Path) -> None:
    """Put a sound backup in place of a damaged database file that was copied aside (DamagedDatabaseError):
    the backup is copied under a temporary name, the damaged file's log and index are removed, and the copy
    is moved over it."""
    handle, name = tempfile.mkstemp(prefix=temporary_prefix(database), suffix=PARTIAL_SUFFIX, dir=database.parent)
    os.close(handle)
    partial = Path(name)
    try:
        target = sqlite3.connect(partial)
        try:
            copy_into(backup, target)
            target.execute("PRAGMA journal_mode = WAL")
        finally:
            target.close()
        for suffix in ("-wal", "-shm"):
            companion(database, suffix).unlink(missing_ok=True)
        os.replace(partial, database)
    finally:
        partial.unlink(missing_ok=True)


def copy_into(backup: Path, conn: sqlite3.Connection) -> None:
    """Copy a backup's pages into the live database behind `conn`, in one write of SQLite's."""
    source = sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)
    try:
        source.backup(conn)
    finally:
        source.close()
