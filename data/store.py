"""The SQLite store: plans, their parts, sections, tasks and departments, with full-text search.

All SQL of the program lives in this package. One PlanStore is one connection; a thread that needs
the database opens its own PlanStore on the same path.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .canonical import canonical_json
from .chunks import in_chunks
from .backups import BACKUP_FOLDER, PARTIAL_SUFFIX
from .damage import find_damage, header_problem, is_damage, keep_damaged_copy, read_only_uri
from .errors import DamagedDatabaseError, DatabaseError, Problem
from .files import remove_leftovers, temporary_prefix
from .model import LEAD, PARTICIPANT, Department, Part, Plan, ReadResult, Section, Task
from .registry import normalize_name

if TYPE_CHECKING:
    import sqlite_utils

IDENTITY_QUERY = "SELECT id FROM store_identity"  # see _migration_5
NEW_SUFFIX = ".new"  # a new database file, before it is linked into place
READ_ONLY_PROBLEM = "is on read-only media or in a read-only folder: opened read-only, nothing can be saved"
FTS_INSERT_TRIGGER = "tasks_ai"  # made by sqlite-utils' enable_fts: indexes each inserted task

SORT_KEYS = {
    "number": ("t.number",),
    "section": ("pa.position", "se.position", "t.number"),
    "text": ("t.text COLLATE NOCASE", "t.number"),
    "lead": ("lr.rank", "t.number"),
    "participants": ("participant_ranks", "t.number"),
}


@dataclass(frozen=True)
class PlanInfo:
    id: int
    title: str
    year: int | None
    note: str | None
    fingerprint: str
    source: str | None
    imported: str
    task_count: int


@dataclass(frozen=True)
class PartRow:
    id: int
    number: int | None
    title: str
    task_count: int


@dataclass(frozen=True)
class SectionRow:
    id: int
    part_id: int
    number: int | None
    title: str | None
    task_count: int


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    name_zh: str | None
    abbreviation: str | None
    verified: bool
    lead_count: int = 0
    participant_count: int = 0
    kind: str = "body"  # "body", "group" (a collective such as 各地区) or "local" (省科技厅)


@dataclass(frozen=True)
class TaskRow:
    """One task as the table and the sheets show it."""

    id: int
    number: int
    part_id: int
    part_number: int | None
    part_title: str
    section_id: int
    section_number: int | None
    section_title: str | None
    text: str
    lead: DepartmentRow | None
    participants: tuple[DepartmentRow, ...]
    deadline: str | None = None


@dataclass(frozen=True)
class TaskContent:
    """What Plan ▸ Edit Task… changes: a task's text, departments (official names, the first leads) and
    deadline."""

    text: str
    departments: tuple[str, ...]
    deadline: str | None

    def changes_from(self, before: TaskContent) -> str:
        """The change from `before`, in words, for the plan's record of corrections."""
        changes = []
        if self.text != before.text:
            changes.append("text")
        if self.departments != before.departments:
            changes.append(f"departments: {'; '.join(before.departments) or '-'} → {'; '.join(self.departments) or '-'}")
        if self.deadline != before.deadline:
            changes.append(f"deadline: {before.deadline or '-'} → {self.deadline or '-'}")
        return ", ".join(changes)


@dataclass(frozen=True)
class Correction:
    task_number: int | None
    change: str
    made: str
    author: str | None


@dataclass(frozen=True)
class ImportOutcome:
    plan_id: int
    created: bool  # False: the same plan was already stored, and was left as it was
    counts: dict[str, int]
    warnings: list[str]


def _containing(text: str) -> str:
    """A LIKE pattern (escape character backslash) for values holding `text`."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fingerprint(plan: Plan) -> str:
    """A digest of the plan's content, the same wherever and whenever it was imported.

    It hashes the plan's canonical JSON (sorted keys, no spaces) part by part, the same bytes as the
    whole text would be, without holding that text: ~50 MB less at the peak of a 100,000-task import.
    """
    import hashlib  # loaded when a plan is imported, not when the window starts

    from .json_format import plan_to_json

    empty = canonical_json(plan_to_json(Plan(plan.title, plan.year, plan.note))["plan"]).encode("utf-8")
    before, _, after = empty.partition(b'"parts":[]')
    digest = hashlib.sha256(before + b'"parts":[')
    for position, part in enumerate(plan.parts):
        one_part = plan_to_json(Plan(plan.title, plan.year, plan.note, [part]))["plan"]["parts"][0]
        digest.update((b"," if position else b"") + canonical_json(one_part).encode("utf-8"))
    digest.update(b"]" + after)
    return digest.hexdigest()


def _migration_1(db: sqlite_utils.Database) -> None:
    db["plans"].create({"id": int, "title": str, "year": int, "note": str, "fingerprint": str,
                        "source": str, "imported": str}, pk="id", not_null={"title", "fingerprint"})
    db["plans"].create_index(["fingerprint"], unique=True)
    db["parts"].create({"id": int, "plan_id": int, "position": int, "number": int, "title": str},
                       pk="id", foreign_keys=[("plan_id", "plans", "id")], not_null={"plan_id", "title"})
    db["sections"].create({"id": int, "plan_id": int, "part_id": int, "position": int, "number": int,
                           "title": str}, pk="id",
                          foreign_keys=[("plan_id", "plans", "id"), ("part_id", "parts", "id")],
                          not_null={"plan_id", "part_id"})
    db["departments"].create({"id": int, "name": str, "name_zh": str, "abbreviation": str,
                              "verified": int}, pk="id", not_null={"name"})
    db["departments"].create_index(["name"], unique=True)
    db["department_aliases"].create({"alias": str, "department_id": int}, pk="alias",
                                    foreign_keys=[("department_id", "departments", "id")])
    db["tasks"].create({"id": int, "plan_id": int, "part_id": int, "section_id": int, "position": int,
                        "number": int, "text": str}, pk="id",
                       foreign_keys=[("plan_id", "plans", "id"), ("part_id", "parts", "id"),
                                     ("section_id", "sections", "id")],
                       not_null={"plan_id", "part_id", "section_id", "number", "text"})
    db["tasks"].create_index(["plan_id", "number"])
    db["tasks"].create_index(["section_id"])
    db["tasks"].create_index(["part_id"])
    db["assignments"].create({"task_id": int, "department_id": int, "role": str, "position": int},
                             pk=("task_id", "position"),
                             foreign_keys=[("task_id", "tasks", "id"), ("department_id", "departments", "id")],
                             not_null={"role", "department_id"})
    db["assignments"].create_index(["department_id", "role"])
    db["tasks"].enable_fts(["text"], fts_version="FTS5", tokenize="trigram", create_triggers=True)


def _migration_2(db: sqlite_utils.Database) -> None:
    """Local review: notes (tombstoned, with conflict copies), review states, settings, exchanges.

    `versions` columns hold a version vector as canonical JSON: {replica id: edits made there}.
    """
    db["review_settings"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["review_notes"].create({"id": str, "task_id": int, "author": str, "text": str, "created": str,
                               "updated": str, "deleted": int, "versions": str}, pk="id",
                              foreign_keys=[("task_id", "tasks", "id")],
                              not_null={"task_id", "author", "text", "created", "updated", "deleted", "versions"})
    db["review_notes"].create_index(["task_id"])
    db["review_conflicts"].create({"note_id": str, "versions": str, "text": str, "deleted": int,
                                   "updated": str}, pk=("note_id", "versions"),
                                  foreign_keys=[("note_id", "review_notes", "id")],
                                  not_null={"text", "deleted", "updated"})
    db["review_states"].create({"task_id": int, "reviewer": str, "status": str, "flagged": int,
                                "updated": str, "versions": str}, pk=("task_id", "reviewer"),
                               foreign_keys=[("task_id", "tasks", "id")],
                               not_null={"status", "flagged", "updated", "versions"})
    db["review_exchanges"].create({"checksum": str, "plan_id": int, "replica": str, "imported": str,
                                   "changed": int}, pk="checksum", foreign_keys=[("plan_id", "plans", "id")])


def _migration_3(db: sqlite_utils.Database) -> None:
    """The department filter reads task ids from an index alone, without visiting the table's rows."""
    db["assignments"].create_index(["department_id", "role", "task_id"])
    db.execute("DROP INDEX idx_assignments_department_id_role")


def _migration_4(db: sqlite_utils.Database) -> None:
    """Real documents: a task's deadline as its clause gives it; a department's kind (body, group, local)."""
    db.execute("ALTER TABLE tasks ADD COLUMN deadline TEXT")
    db.execute("ALTER TABLE departments ADD COLUMN kind TEXT NOT NULL DEFAULT 'body'")


def _migration_5(db: sqlite_utils.Database) -> None:
    """The file's identity: a random id, renewed when the file is found copied or moved (`home`: its device
    and inode), and a count of commits, bumped by every write so that each write-ahead log carries them:
    a log from another database beside the file shows another id (data.damage.foreign_wal_problem)."""
    db.execute("CREATE TABLE store_identity (id TEXT NOT NULL, home TEXT NOT NULL, commits INTEGER NOT NULL)")
    db.execute("INSERT INTO store_identity VALUES (lower(hex(randomblob(16))), '', 0)")


def _migration_6(db: sqlite_utils.Database) -> None:
    """The user's own names for known bodies ("NAME=BODY", from an import's preview or --map) and the
    bodies the user added, used by every later import; the corrections made to a stored plan (what, when,
    by whom)."""
    db["user_aliases"].create({"alias": str, "spelling": str, "body": str, "created": str}, pk="alias",
                              not_null={"spelling", "body", "created"})
    db["user_bodies"].create({"name": str, "name_zh": str, "abbreviation": str, "created": str}, pk="name",
                             not_null={"created"})
    db["plan_corrections"].create({"id": int, "plan_id": int, "task_number": int, "change": str, "made": str,
                                   "author": str}, pk="id", foreign_keys=[("plan_id", "plans", "id")],
                                  not_null={"plan_id", "change", "made"})
    db["plan_corrections"].create_index(["plan_id"])


def _migration_7(db: sqlite_utils.Database) -> None:
    """A deleted note keeps no text: its tombstone (id, author, versions) is all that stays and travels."""
    db.execute("UPDATE review_notes SET text = '' WHERE deleted")
    db.execute("UPDATE review_conflicts SET text = '' WHERE deleted")


def _migration_8(db: sqlite_utils.Database) -> None:
    """A deadline the office sets on a task (an ISO date), beside the one the plan gives: not part of the plan's
    content, so setting it leaves the plan's fingerprint (and the feedback workbooks sent out) as they are."""
    db.execute("ALTER TABLE tasks ADD COLUMN office_deadline TEXT")


def _migration_9(db: sqlite_utils.Database) -> None:
    """The reviewers who wrote in this database (here, or through a merged review file), and the keys trusted
    to sign each reviewer's review files (trust on first use, or accepted by the user)."""
    db.execute("CREATE TABLE reviewers (name TEXT PRIMARY KEY, first_seen TEXT NOT NULL, wrote_here TEXT, "
               "merged TEXT)")
    db.execute("INSERT INTO reviewers (name, first_seen) SELECT who, min(time) FROM ("
               "SELECT author AS who, created AS time FROM review_notes UNION ALL "
               "SELECT reviewer, updated FROM review_states) GROUP BY who")
    db.execute("CREATE TABLE reviewer_keys (reviewer TEXT NOT NULL, fingerprint TEXT NOT NULL, "
               "trusted TEXT NOT NULL, how TEXT NOT NULL, PRIMARY KEY (reviewer, fingerprint))")


MIGRATIONS = [_migration_1, _migration_2, _migration_3, _migration_4, _migration_5, _migration_6, _migration_7,
              _migration_8, _migration_9]
SCHEMA_VERSION = len(MIGRATIONS)


def database_error(path: str | Path, error: sqlite3.Error) -> DatabaseError:
    """A failed SQLite operation worded for the user: locked, read-only, full disk, damaged, or as SQLite
    says."""
    if "locked" in str(error) or "busy" in str(error):
        return DatabaseError(path, "is locked by another program; close it and try again")
    if "readonly" in str(error) or "read-only" in str(error):
        return DatabaseError(path, "cannot be written (read-only file or folder)")
    if "disk" in str(error) and "full" in str(error):
        return DatabaseError(path, "cannot be written: the disk is full")
    if is_damage(error):
        return DatabaseError(path, "is damaged: {reason}", reason=error)
    return DatabaseError(path, "cannot be used ({reason})", reason=error)


class PlanStore:
    """A Plan Review database file."""

    _open_stores: weakref.WeakSet[PlanStore] = weakref.WeakSet()  # this process's open connections

    def __init__(self, path: str | Path, create: bool = True, busy_timeout: float = 5.0, *,
                 full_check: bool = False):
        """Open (or create) the database. An existing file is checked first (see _check_file): its header,
        its write-ahead log and its pages (PRAGMA quick_check; the full integrity_check with `full_check`)."""
        self.path = Path(path)
        self.read_only = False  # set when the file or its folder cannot be written (read-only media)
        self._home_settled = True  # see _settle_home: looked at before the first write after opening
        self._check_file(create, busy_timeout, full_check)
        try:
            self.conn = self._connect(busy_timeout)
        except sqlite3.Error as error:
            raise DatabaseError(self.path, "cannot be opened ({reason})", reason=error) from None
        try:
            self._prepare()
        except BaseException:
            self.conn.close()
            raise
        PlanStore._open_stores.add(self)

    def _connect(self, busy_timeout: float, check: bool = False, immutable: bool = False) -> sqlite3.Connection:
        """A connection to the file; a read-only one (for the checks, or on read-only media) through a
        `mode=ro` URI, which never checkpoints the log into the file nor deletes it when it closes.
        Read-only media without a -shm, or `immutable`: the file alone, as it is."""
        if not (self.read_only or check):
            return sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        if not immutable:
            conn = sqlite3.connect(read_only_uri(self.path), uri=True, timeout=busy_timeout, isolation_level=None)
            try:
                conn.execute("PRAGMA user_version").fetchone()
                return conn
            except sqlite3.OperationalError as error:
                conn.close()
                if not self.read_only or "unable to open" not in str(error):
                    raise
        return sqlite3.connect(read_only_uri(self.path, immutable=True), uri=True, timeout=busy_timeout,
                               isolation_level=None)

    def _check_file(self, create: bool, busy_timeout: float, full_check: bool) -> None:
        """Refuse a folder, a missing file (unless creating), an unreadable or empty file, one that is not
        SQLite, and a damaged one (data.damage.find_damage); note read-only media.

        The checks read the file with Python, so they run only while no other store of this process has
        it open (see data/damage.py); that store checked it when it opened.
        A damaged file is copied aside untouched (with its -wal) and refused: it is never repaired in
        place, and a damaged or foreign log is never checkpointed into it.
        """
        if self.path.is_dir():
            raise DatabaseError(self.path, "this is a folder, not a database file")
        remove_leftovers(self.path.parent, NEW_SUFFIX)  # what a program killed while writing left behind
        remove_leftovers(self.path.parent / BACKUP_FOLDER, PARTIAL_SUFFIX)
        if not self.path.exists():
            if not create:
                raise DatabaseError(self.path, "no such database; import a plan first")
            self._create()
            return
        if not os.access(self.path, os.R_OK):
            raise DatabaseError(self.path, "cannot be read (permission denied)")
        self.read_only = not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK))
        if self._open_elsewhere_in_process():
            return
        problem = header_problem(self.path)
        if problem and not problem.template.startswith("is damaged"):
            raise DatabaseError(self.path, problem.template, **problem.values)
        if problem is None:
            try:
                damage = find_damage(self.path, lambda immutable: self._connect(busy_timeout, True, immutable),
                                     full_check, IDENTITY_QUERY)
            except sqlite3.OperationalError as error:
                raise self.database_error(error) from None
            problem = damage and Problem("is damaged: {reason}", reason=damage)
        if problem:
            copy = keep_damaged_copy(self.path)
            if copy:
                raise DamagedDatabaseError(self.path, copy, "{damage}. It was left untouched; a copy is kept at {kept}",
                                           damage=problem, kept=copy)
            raise DamagedDatabaseError(self.path, copy, "{damage}. It was left untouched; no copy could be kept "
                                                        "beside it (read-only folder)", damage=problem)

    def _create(self) -> None:
        """Make a new, empty database file that appears whole (never as 0 bytes another program would take
        for a damaged file): an SQLite header is written under a temporary name, then linked into place; a
        file another program made meanwhile is kept and this one dropped."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=temporary_prefix(self.path), suffix=NEW_SUFFIX,
                                            dir=self.path.parent)
            os.close(handle)
        except OSError as error:
            raise DatabaseError(self.path, "cannot be created ({reason})", reason=error.strerror) from None
        temporary = Path(name)
        try:
            conn = sqlite3.connect(temporary, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = WAL")  # writes the header
            finally:
                conn.close()
            try:
                os.link(temporary, self.path)
            except FileExistsError:
                pass
            except OSError:  # no hard links here (FAT): a plain rename, unless the file appeared meanwhile
                if not self.path.exists():
                    os.replace(temporary, self.path)
        except (OSError, sqlite3.Error) as error:
            raise DatabaseError(self.path, "cannot be created ({reason})", reason=error) from None
        finally:
            temporary.unlink(missing_ok=True)

    def _open_elsewhere_in_process(self) -> bool:
        return any(store._same_file(self.path) for store in PlanStore._open_stores if store is not self)

    def _same_file(self, path: Path) -> bool:
        try:
            return self.path.samefile(path)
        except OSError:
            return False

    def _prepare(self) -> None:
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.OperationalError as error:
            raise self.database_error(error) from None
        except sqlite3.DatabaseError as error:
            raise DatabaseError(self.path, "is damaged: {reason}", reason=error) from None
        if version > SCHEMA_VERSION:
            raise DatabaseError(self.path, "was written by a newer Plan Review (schema {version}; "
                                           "this program knows up to {known})", version=version, known=SCHEMA_VERSION)
        if version == 0 and tables:
            raise DatabaseError(self.path, "is an SQLite database, but not a Plan Review database")
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise DatabaseError(self.path, "{read_only}, and it needs an upgrade this program cannot write",
                                    read_only=Problem(READ_ONLY_PROBLEM))
            return
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
            self.conn.execute("PRAGMA secure_delete = ON")  # a deleted note's text is overwritten in the file
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")  # a committed edit survives a power cut
        except sqlite3.OperationalError as error:
            raise self.database_error(error) from None
        if 0 < version < SCHEMA_VERSION:
            self.back_up("migration")
        if version < SCHEMA_VERSION:
            with self.transaction():
                version = self.conn.execute("PRAGMA user_version").fetchone()[0]  # another program may have
                for migrate in MIGRATIONS[version:]:                              # migrated meanwhile
                    migrate(self.db)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._home_settled = False

    def back_up(self, reason: str) -> Path:
        """A backup of the database as it is now (data/backups.py); `reason` names why in its file name."""
        from . import backups

        try:
            return backups.make_backup(self.conn, self.path, reason)
        except OSError as error:
            raise DatabaseError(self.path, "cannot be backed up before this change ({reason}); nothing was changed",
                                reason=error.strerror) from None
        except sqlite3.Error as error:
            raise DatabaseError(self.path, "cannot be backed up before this change ({reason}); nothing was changed",
                                reason=error) from None

    def restore_from(self, backup: Path) -> Path:
        """Replace the database's content with a backup's, after the backup's full integrity check; the
        current content is backed up first. Returns that backup."""
        from . import backups

        checked = backups.read_backup(backup, self.path, full_check=True)
        if checked.problem:
            raise DatabaseError(backup, checked.problem)
        version = self._backup_version(backup)
        if version > SCHEMA_VERSION:
            raise DatabaseError(backup, "was written by a newer Plan Review (schema {version})", version=version)
        before = self.back_up("restore")
        if self.read_only:
            raise DatabaseError(self.path, READ_ONLY_PROBLEM)
        try:
            backups.copy_into(backup, self.conn)
        except sqlite3.Error as error:
            raise self.database_error(error) from None
        self._prepare()  # an older backup is migrated
        return before

    @staticmethod
    def _backup_version(backup: Path) -> int:
        conn = sqlite3.connect(read_only_uri(backup, immutable=True), uri=True)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()

    def _settle_home(self) -> None:
        """A file found at another device and inode than it was written at is a copy: it takes a new id,
        flushed into the file at once, so that the logs of the two copies can be told apart. Done before
        this store's first write, never on a read: reading a copied file changes no byte of it."""
        self._home_settled = True
        stat = self.path.stat()
        home = f"{stat.st_dev}:{stat.st_ino}"
        if self.conn.execute("SELECT home FROM store_identity").fetchone()[0] == home:
            return
        with self.transaction():
            self.conn.execute("UPDATE store_identity SET id = lower(hex(randomblob(16))), home = ?", (home,))
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, its lock taken at the start (BEGIN IMMEDIATE): another program's write
        is waited for up to the busy timeout instead of failing at once, as a deferred BEGIN that later
        needs the lock does. Nested, it is a savepoint. SQLite's failures become DatabaseError."""
        if self.read_only:
            raise DatabaseError(self.path, READ_ONLY_PROBLEM)
        if not self._home_settled and not self.conn.in_transaction:
            self._settle_home()
        nested = self.conn.in_transaction
        try:
            self.conn.execute("SAVEPOINT nested" if nested else "BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK TO nested" if nested else "ROLLBACK")
                    if nested:
                        self.conn.execute("RELEASE nested")
                raise
            if not nested:  # every log of this file carries its id (see _migration_5)
                self.conn.execute("UPDATE store_identity SET commits = commits + 1")
            self.conn.execute("RELEASE nested" if nested else "COMMIT")
        except sqlite3.OperationalError as error:
            if not nested and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise self.database_error(error) from None

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection, made on first use: importing it costs ~0.1 s of start-up."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def database_error(self, error: sqlite3.Error) -> DatabaseError:
        return database_error(self.path, error)

    def close(self) -> None:
        PlanStore._open_stores.discard(self)
        self.conn.close()

    def data_version(self) -> int:
        """A number that changes when another connection (or program) commits to the database."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    # Writing ----------------------------------------------------------------------------------------
    def import_plan(self, result: ReadResult, source: str | None = None) -> ImportOutcome:
        """Store a plan that was read; a plan already stored is left as it was."""
        plan = result.plan
        digest = fingerprint(plan)
        with self.transaction():  # the check inside: two programs importing one plan store it once
            existing = self.conn.execute("SELECT id FROM plans WHERE fingerprint = ?", (digest,)).fetchone()
            if existing:
                return ImportOutcome(existing[0], False, plan.counts(), result.warnings)
            plan_id = self._insert_plan(plan, digest, source, result.departments)
        return ImportOutcome(plan_id, True, plan.counts(), result.warnings)

    def _insert_plan(self, plan: Plan, digest: str, source: str | None,
                     departments: dict[str, Department]) -> int:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        plan_id = self.db["plans"].insert({"title": plan.title, "year": plan.year, "note": plan.note,
                                           "fingerprint": digest, "source": source, "imported": now}).last_pk
        department_ids = {name: self._department_id(department) for name, department in departments.items()}
        task_rows, assignment_rows = [], []
        first_task_id = (self.conn.execute("SELECT max(id) FROM tasks").fetchone()[0] or 0) + 1
        task_id = first_task_id - 1
        for part_position, part in enumerate(plan.parts):
            part_id = self.db["parts"].insert({"plan_id": plan_id, "position": part_position,
                                               "number": part.number, "title": part.title}).last_pk
            for section_position, section in enumerate(part.sections):
                section_id = self.db["sections"].insert({
                    "plan_id": plan_id, "part_id": part_id, "position": section_position,
                    "number": section.number, "title": section.title}).last_pk
                for task in section.tasks:
                    task_id += 1
                    task_rows.append((task_id, plan_id, part_id, section_id, len(task_rows), task.number,
                                      task.text, task.deadline))
                    assignment_rows += [(task_id, department_ids[name], LEAD if i == 0 else PARTICIPANT, i)
                                        for i, name in enumerate(task.departments)]
        self._insert_tasks(task_rows, first_task_id)
        self.conn.executemany("INSERT INTO assignments (task_id, department_id, role, position) "
                              "VALUES (?, ?, ?, ?)", assignment_rows)
        return plan_id

    def _insert_tasks(self, rows: list[tuple], first_id: int) -> None:
        """Insert many tasks, then index their text in one statement (inside the caller's transaction).

        The per-row insert trigger is set aside meanwhile: it makes a 100,000-task import ~3x slower.
        """
        trigger = self.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                    (FTS_INSERT_TRIGGER,)).fetchone()[0]
        self.conn.execute(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
        self.conn.executemany("INSERT INTO tasks (id, plan_id, part_id, section_id, position, number, text, "
                              "deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.conn.execute("INSERT INTO tasks_fts (rowid, text) SELECT id, text FROM tasks WHERE id >= ?",
                          (first_id,))
        self.conn.execute(trigger)

    def _department_id(self, department: Department) -> int:
        """The stored department's id, storing it first if it is new."""
        stored = self._stored_department_id(department.name)
        if stored is not None:
            return stored
        department_id = self.db["departments"].insert({
            "name": department.name, "name_zh": department.name_zh,
            "abbreviation": department.abbreviation, "verified": int(department.verified),
            "kind": department.kind}).last_pk
        spellings = [department.name, *department.aliases,
                     *(n for n in (department.name_zh, department.abbreviation) if n)]
        self.db["department_aliases"].insert_all(
            [{"alias": normalize_name(s), "department_id": department_id} for s in spellings], ignore=True)
        return department_id

    def save_user_alias(self, spelling: str, body: str) -> None:
        """Remember that `spelling` names the body officially called `body`, for later imports
        (and for the stored department, if there is one, so that filters and exports know it too)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            self.db["user_aliases"].upsert({"alias": normalize_name(spelling), "spelling": spelling.strip(),
                                            "body": body, "created": now}, pk="alias")
            stored = self._stored_department_id(body)
            if stored is not None:
                self.conn.execute("INSERT OR IGNORE INTO department_aliases (alias, department_id) VALUES (?, ?)",
                                  (normalize_name(spelling), stored))

    def save_user_body(self, department: Department) -> None:
        """Remember a body the user added (not in the shipped registry), for later imports."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction():
            self.db["user_bodies"].upsert({"name": department.name, "name_zh": department.name_zh,
                                           "abbreviation": department.abbreviation, "created": now}, pk="name")

    def user_bodies(self) -> list[Department]:
        """The bodies the user added, oldest first."""
        return [Department(row["name"], row["name_zh"], row["abbreviation"], verified=True)
                for row in self._query("SELECT * FROM user_bodies ORDER BY created, name")]

    def user_aliases(self) -> dict[str, str]:
        """The user's spellings and the official name of the body each names, oldest first."""
        return {row["spelling"]: row["body"]
                for row in self._query("SELECT spelling, body FROM user_aliases ORDER BY created, alias")}

    # Correcting a stored plan -----------------------------------------------------------------------
    def task_content(self, task_id: int) -> TaskContent:
        row = self.task(task_id)
        names = tuple(d.name for d in ([row.lead] if row.lead else []) + list(row.participants))
        return TaskContent(row.text, names, row.deadline)

    def set_task_content(self, task_id: int, content: TaskContent, departments: dict[str, Department],
                         author: str | None) -> TaskContent:
        """Give a task new text, departments and deadline, in one transaction; record the correction and
        name the plan by the fingerprint of its content as corrected (a review file then names it so, and
        a colleague who made the same corrections merges). `departments`: the Department of each name not
        stored yet. Returns the content it replaced."""
        before = self.task_content(task_id)
        if content == before:
            return before
        plan_id, number = self.conn.execute("SELECT plan_id, number FROM tasks WHERE id = ?", (task_id,)).fetchone()
        with self.transaction():
            self.conn.execute("UPDATE tasks SET text = ?, deadline = ? WHERE id = ?",
                              (content.text, content.deadline, task_id))
            self._set_assignments(task_id, [self._stored_department_id(name) or self._department_id(departments[name])
                                            for name in content.departments])
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self.db["plan_corrections"].insert({"plan_id": plan_id, "task_number": number,
                                                "change": content.changes_from(before), "made": now,
                                                "author": author})
            self._refingerprint(plan_id)
        return before

    def _set_assignments(self, task_id: int, department_ids: list[int]) -> None:
        """The task's departments, the first leading, in place of those it had."""
        self.conn.execute("DELETE FROM assignments WHERE task_id = ?", (task_id,))
        self.conn.executemany("INSERT INTO assignments (task_id, department_id, role, position) VALUES (?, ?, ?, ?)",
                              [(task_id, department_id, LEAD if i == 0 else PARTICIPANT, i)
                               for i, department_id in enumerate(department_ids)])

    def _stored_department_id(self, name: str) -> int | None:
        row = self.conn.execute("SELECT id FROM departments WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def _refingerprint(self, plan_id: int) -> None:
        digest = fingerprint(self.load_plan(plan_id))
        other = self.conn.execute("SELECT id FROM plans WHERE fingerprint = ? AND id != ?", (digest, plan_id)).fetchone()
        if other:
            raise DatabaseError(self.path, "the plan would read exactly as plan {other}, which is stored already; "
                                           "the change was not made", other=other[0])
        self.conn.execute("UPDATE plans SET fingerprint = ? WHERE id = ?", (digest, plan_id))

    def corrections(self, plan_id: int) -> list[Correction]:
        """The corrections made to a stored plan, oldest first."""
        return [Correction(r["task_number"], r["change"], r["made"], r["author"])
                for r in self._query("SELECT * FROM plan_corrections WHERE plan_id = ? ORDER BY id", (plan_id,))]

    def merge_department(self, department_id: int, into: Department, author: str | None) -> int:
        """Merge a stored department (an unverified copy of a body, as a reader kept an unknown name) into
        `into`, stored or not yet: every task naming it names `into` instead (once, where it stood), its
        spellings become `into`'s (for later imports too), and it is gone. Each plan changed records the
        correction and is named by its corrected content. Returns the number of tasks changed."""
        source = self.conn.execute("SELECT name FROM departments WHERE id = ?", (department_id,)).fetchone()
        if source is None:
            raise KeyError(department_id)
        with self.transaction():
            target_id = self._department_id(into)
            if target_id == department_id:
                return 0
            tasks = [row[0] for row in self.conn.execute(
                "SELECT task_id FROM assignments WHERE department_id = ?", (department_id,))]
            plans = [row[0] for row in self.conn.execute(
                "SELECT DISTINCT t.plan_id FROM tasks t JOIN assignments a ON a.task_id = t.id "
                "WHERE a.department_id = ? ORDER BY t.plan_id", (department_id,))]
            for task_id in tasks:
                names = [row[0] for row in self.conn.execute(
                    "SELECT department_id FROM assignments WHERE task_id = ? ORDER BY position", (task_id,))]
                merged = list(dict.fromkeys(target_id if d == department_id else d for d in names))
                self._set_assignments(task_id, merged)
            self.conn.execute("UPDATE OR IGNORE department_aliases SET department_id = ? WHERE department_id = ?",
                              (target_id, department_id))
            self.conn.execute("DELETE FROM department_aliases WHERE department_id = ?", (department_id,))
            self.conn.execute("DELETE FROM departments WHERE id = ?", (department_id,))
            self.save_user_alias(source[0], into.name)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            for plan_id in plans:
                self.db["plan_corrections"].insert({"plan_id": plan_id, "task_number": None,
                                                    "change": f"department {source[0]} merged into {into.name}",
                                                    "made": now, "author": author})
                self._refingerprint(plan_id)
        return len(tasks)

    def remove_plan(self, plan_id: int) -> Path:
        """Remove a plan with its tasks and their reviews, after a backup of the whole database (SQLite's
        online backup: a consistent copy even while other programs use the file); returns the backup."""
        self.plan_info(plan_id)  # a KeyError for a plan that is not stored
        backup = self.back_up("removal")
        tasks = "SELECT id FROM tasks WHERE plan_id = ?"
        with self.transaction():
            for statement in (
                    f"DELETE FROM review_conflicts WHERE note_id IN (SELECT id FROM review_notes WHERE task_id IN ({tasks}))",
                    f"DELETE FROM review_notes WHERE task_id IN ({tasks})",
                    f"DELETE FROM review_states WHERE task_id IN ({tasks})",
                    "DELETE FROM review_exchanges WHERE plan_id = ?",
                    f"DELETE FROM assignments WHERE task_id IN ({tasks})",
                    "DELETE FROM tasks WHERE plan_id = ?", "DELETE FROM sections WHERE plan_id = ?",
                    "DELETE FROM parts WHERE plan_id = ?", "DELETE FROM plan_corrections WHERE plan_id = ?",
                    "DELETE FROM plans WHERE id = ?"):
                self.conn.execute(statement, (plan_id,))
        return backup

    # Reading ----------------------------------------------------------------------------------------
    def _plan_infos(self, where: str = "", params: Sequence = ()) -> list[PlanInfo]:
        rows = self._query("SELECT p.*, (SELECT count(*) FROM tasks t WHERE t.plan_id = p.id) AS task_count "
                           f"FROM plans p {where} ORDER BY p.id", params)
        return [PlanInfo(r["id"], r["title"], r["year"], r["note"], r["fingerprint"], r["source"],
                         r["imported"], r["task_count"]) for r in rows]

    def plans(self) -> list[PlanInfo]:
        return self._plan_infos()

    def plan_info(self, plan_id: int) -> PlanInfo:
        """One plan, its tasks counted (not every plan's, as plans() does)."""
        found = self._plan_infos("WHERE p.id = ?", (plan_id,))
        if not found:
            raise KeyError(plan_id)
        return found[0]

    def latest_plan_id(self) -> int | None:
        row = self.conn.execute("SELECT max(id) FROM plans").fetchone()
        return row[0]

    def parts(self, plan_id: int) -> list[PartRow]:
        rows = self._query("SELECT pa.id, pa.number, pa.title, count(t.id) AS n FROM parts pa "
                           "LEFT JOIN tasks t ON t.part_id = pa.id WHERE pa.plan_id = ? "
                           "GROUP BY pa.id ORDER BY pa.position", (plan_id,))
        return [PartRow(r["id"], r["number"], r["title"], r["n"]) for r in rows]

    def sections(self, plan_id: int) -> list[SectionRow]:
        rows = self._query("SELECT se.id, se.part_id, se.number, se.title, count(t.id) AS n FROM sections se "
                           "JOIN parts pa ON pa.id = se.part_id LEFT JOIN tasks t ON t.section_id = se.id "
                           "WHERE se.plan_id = ? GROUP BY se.id ORDER BY pa.position, se.position", (plan_id,))
        return [SectionRow(r["id"], r["part_id"], r["number"], r["title"], r["n"]) for r in rows]

    def departments(self, plan_id: int) -> list[DepartmentRow]:
        """Every department the plan names, with its lead and participant task counts, by name.

        A plan holding most of the database's tasks is counted from the covering assignments index in one
        pass (twice as fast at 100,000 tasks); a smaller plan from its own tasks' assignments.
        """
        plan_tasks = self.conn.execute("SELECT count(*) FROM tasks WHERE plan_id = ?", (plan_id,)).fetchone()[0]
        all_tasks = self.conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
        if 2 * plan_tasks >= all_tasks:
            assignments = "assignments a WHERE +a.task_id IN (SELECT id FROM tasks WHERE plan_id = ?)"
        else:
            assignments = "tasks t JOIN assignments a ON a.task_id = t.id WHERE t.plan_id = ?"
        rows = self._query(
            "SELECT d.*, c.leads, c.takes_part FROM departments d JOIN ("
            "SELECT a.department_id, sum(a.role = 'lead') AS leads, sum(a.role = 'participant') AS takes_part "
            f"FROM {assignments} GROUP BY a.department_id) c ON c.department_id = d.id ORDER BY d.name",
            (plan_id,))
        return [DepartmentRow(r["id"], r["name"], r["name_zh"], r["abbreviation"], bool(r["verified"]),
                              r["leads"], r["takes_part"], r["kind"]) for r in rows]

    def find_department(self, spelling: str) -> DepartmentRow | None:
        """A stored department by official name, alias, Chinese name or abbreviation."""
        rows = self._query("SELECT d.* FROM department_aliases a JOIN departments d ON d.id = a.department_id "
                           "WHERE a.alias = ?", (normalize_name(spelling),))
        return self._department(rows[0]) if rows else None

    def all_departments(self) -> list[DepartmentRow]:
        """Every department the database holds (without task counts), by name."""
        return [self._department(row) for row in self._query("SELECT * FROM departments ORDER BY name")]

    @staticmethod
    def _department(row: sqlite3.Row) -> DepartmentRow:
        return DepartmentRow(row["id"], row["name"], row["name_zh"], row["abbreviation"], bool(row["verified"]),
                             kind=row["kind"])

    def task_ids(self, plan_id: int, *, part_id: int | None = None, section_id: int | None = None,
                 department_ids: Iterable[int] = (), role: str | None = None, search: str | None = None,
                 within: tuple[str, Sequence] | None = None, order_by: str = "number",
                 descending: bool = False, department_order: Sequence[int] | None = None) -> list[int]:
        """Ids of the plan's tasks that pass every filter given, in the order asked for.

        department_ids: tasks naming any of them, as `role` (lead or participant) or in any role.
        search: words found in the task text (full-text index; a LIKE scan below three characters) or in the
        names of the departments the task names (see search_terms).
        within: a query selecting task ids, and its parameters: only the tasks it selects (a review filter).
        department_order: department ids in the order sorting by lead or participants follows (a Chinese window
        lists them by the pinyin of their Chinese names); by default the departments' official names.
        """
        where, params = ["t.plan_id = ?"], [plan_id]
        if part_id is not None:
            where.append("t.part_id = ?")
            params.append(part_id)
        if section_id is not None:
            where.append("t.section_id = ?")
            params.append(section_id)
        department_ids = list(department_ids)
        if department_ids:
            marks = ",".join("?" * len(department_ids))
            role_clause = " AND a.role = ?" if role else ""
            where.append(f"t.id IN (SELECT a.task_id FROM assignments a WHERE a.department_id IN ({marks})"
                         f"{role_clause})")
            params += department_ids + ([role] if role else [])
        where += self._search_clauses(search, params)
        if within is not None:
            where.append(f"t.id IN ({within[0]})")
            params += within[1]
        order = ", ".join(f"{key} DESC" if descending else key for key in SORT_KEYS[order_by])
        ranks, columns, joins = "", "t.id", ""
        if order_by in ("lead", "participants"):  # departments ranked once, not a name looked up per task
            ranked = "SELECT id, rank() OVER (ORDER BY name COLLATE NOCASE) FROM departments"
            if department_order is not None:  # the CAST gives the ids an integer affinity, so SQLite indexes
                ranked = "SELECT CAST(value AS INTEGER), key FROM json_each(?)"  # them (100,000 tasks: 0.09 s, not 0.8)
                params.insert(0, json.dumps(list(department_order)))
            ranks = f"WITH ranks(id, rank) AS MATERIALIZED ({ranked}) "
        if order_by == "section":
            joins = " JOIN parts pa ON pa.id = t.part_id JOIN sections se ON se.id = t.section_id"
        if order_by == "lead":
            joins = (" LEFT JOIN assignments la ON la.task_id = t.id AND la.position = 0"
                     " LEFT JOIN ranks lr ON lr.id = la.department_id")
        if order_by == "participants":  # the participants' ranks, in their order, as text that sorts alike
            columns += (", (SELECT group_concat(printf('%08d', rank), ',') FROM (SELECT r.rank FROM assignments a "
                        "JOIN ranks r ON r.id = a.department_id WHERE a.task_id = t.id AND a.position > 0 "
                        "ORDER BY a.position)) AS participant_ranks")
        sql = f"SELECT {columns} FROM tasks t{joins} WHERE {' AND '.join(where)} ORDER BY {order}"
        # One JSON array instead of a row per id: 100,000 ids arrive in ~60% of the time. SQLite keeps a
        # FROM-clause subquery's ORDER BY under an order-sensitive aggregate such as json_group_array.
        return json.loads(self.conn.execute(f"{ranks}SELECT json_group_array(id) FROM ({sql})", params).fetchone()[0])

    def departments_matching(self, words: str) -> list[int]:
        """Departments one of whose names (official, Chinese, abbreviation, or an alias the registry knows)
        holds these words; none for a Latin word under three letters ("of", "and")."""
        needle = normalize_name(words)
        if len(needle) < 2 or (needle.isascii() and len(needle) < 3):
            return []
        return [row[0] for row in self.conn.execute(
            "SELECT DISTINCT department_id FROM department_aliases WHERE alias LIKE ? ESCAPE '\\'",
            (_containing(needle),))]

    def search_terms(self, search: str | None) -> list[tuple[list[str], list[int]]]:
        """The search split into terms a task must each match, in its text (the words) or in the departments
        it names (the ids): the whole search when it names a department ("Ministry of Education"), else
        each word ("patent CNIPA")."""
        words = (search or "").split()
        if len(words) > 1:
            named = self.departments_matching(" ".join(words))
            if named:
                return [(words, named)]
        return [([word], self.departments_matching(word)) for word in words]

    def _search_clauses(self, search: str | None, params: list) -> list[str]:
        """Per term: its words in the text (three characters or more in one full-text MATCH, shorter ones as
        LIKE scans), or a department it names. Terms naming no department share one MATCH (FTS5 intersects
        them: twice as fast at 100,000 tasks as a sub-query per word)."""
        terms = self.search_terms(search)
        clauses = [self._text_clause([w for words, named in terms if not named for w in words], params)]
        for words, named in terms:
            if named:
                text = self._text_clause(words, params)
                clauses.append(f"({text} OR t.id IN (SELECT a.task_id FROM assignments a WHERE a.department_id "
                               f"IN ({','.join('?' * len(named))})))")
                params += named
        return [clause for clause in clauses if clause]

    @staticmethod
    def _text_clause(words: list[str], params: list) -> str:
        """SQL true for tasks whose text holds every word ('' for no words)."""
        phrases = ['"' + word.replace('"', '""') + '"' for word in words if len(word) >= 3]
        clauses = []
        if phrases:
            clauses.append("t.id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)")
            params.append(" AND ".join(phrases))
        for word in (w for w in words if len(w) < 3):
            clauses.append("t.text LIKE ? ESCAPE '\\'")
            params.append(_containing(word))
        return " AND ".join(clauses) if len(clauses) < 2 else "(" + " AND ".join(clauses) + ")"

    def task_rows(self, task_ids: Sequence[int]) -> list[TaskRow]:
        """The rows for these ids, in the same order."""
        by_id: dict[int, TaskRow] = {}
        for chunk, marks in in_chunks(task_ids):
            tasks = self._query(
                "SELECT t.id, t.number, t.text, t.deadline, t.part_id, pa.number AS part_number, pa.title AS part_title, "
                "t.section_id, se.number AS section_number, se.title AS section_title FROM tasks t "
                "JOIN parts pa ON pa.id = t.part_id JOIN sections se ON se.id = t.section_id "
                f"WHERE t.id IN ({marks})", chunk)
            departments: dict[int, list[DepartmentRow]] = {}
            for r in self._query("SELECT a.task_id, d.* FROM assignments a JOIN departments d "
                                 f"ON d.id = a.department_id WHERE a.task_id IN ({marks}) "
                                 "ORDER BY a.task_id, a.position", chunk):
                departments.setdefault(r["task_id"], []).append(self._department(r))
            for r in tasks:
                named = departments.get(r["id"], [])
                by_id[r["id"]] = TaskRow(r["id"], r["number"], r["part_id"], r["part_number"], r["part_title"],
                                         r["section_id"], r["section_number"], r["section_title"], r["text"],
                                         named[0] if named else None, tuple(named[1:]), r["deadline"])
        return [by_id[i] for i in task_ids if i in by_id]

    def task(self, task_id: int) -> TaskRow:
        rows = self.task_rows([task_id])
        if not rows:
            raise KeyError(task_id)
        return rows[0]

    def task_id_by_number(self, plan_id: int, number: int) -> int | None:
        row = self.conn.execute("SELECT id FROM tasks WHERE plan_id = ? AND number = ? ORDER BY position",
                                (plan_id, number)).fetchone()
        return row[0] if row else None

    def task_positions(self, plan_id: int) -> dict[int, int]:
        """Each task's position in the plan, by task id: what names a task in every copy of the plan."""
        return dict(self.conn.execute("SELECT id, position FROM tasks WHERE plan_id = ?", (plan_id,)).fetchall())

    def office_deadlines(self, plan_id: int) -> dict[int, date]:
        """The deadlines the office set on the plan's tasks, by task id."""
        return {task_id: date.fromisoformat(day) for task_id, day in self.conn.execute(
            "SELECT id, office_deadline FROM tasks WHERE plan_id = ? AND office_deadline IS NOT NULL", (plan_id,))}

    def set_office_deadline(self, task_id: int, day: date | None) -> date | None:
        """Set (None: clear) the office's deadline of a task, in one transaction; returns the one it replaced."""
        row = self.conn.execute("SELECT office_deadline FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise KeyError(task_id)
        with self.transaction():
            self.conn.execute("UPDATE tasks SET office_deadline = ? WHERE id = ?",
                              (day.isoformat() if day else None, task_id))
        return date.fromisoformat(row[0]) if row[0] else None

    def load_plan(self, plan_id: int) -> Plan:
        """The whole plan as model objects, as it was imported."""
        info = self.plan_info(plan_id)
        plan = Plan(info.title, info.year, info.note)
        parts = {row.id: Part(row.number, row.title) for row in self.parts(plan_id)}
        plan.parts = list(parts.values())
        sections = {}
        for row in self.sections(plan_id):
            sections[row.id] = Section(row.number, row.title)
            parts[row.part_id].sections.append(sections[row.id])
        ids = [r[0] for r in self.conn.execute("SELECT id FROM tasks WHERE plan_id = ? ORDER BY position",
                                               (plan_id,))]
        for row in self.task_rows(ids):
            names = [d.name for d in ([row.lead] if row.lead else []) + list(row.participants)]
            sections[row.section_id].tasks.append(Task(row.number, row.text, names, row.deadline))
        return plan

    def task_sections(self, plan_id: int) -> list[tuple[int, int]]:
        """(task id, section id) of every task of the plan, in plan order: a tree's outline in one query."""
        return self.conn.execute("SELECT id, section_id FROM tasks WHERE plan_id = ? ORDER BY position",
                                 (plan_id,)).fetchall()

    def department_ids_of(self, task_ids: Sequence[int]) -> list[int]:
        """The departments (lead or participant) that any of these tasks names."""
        found: set[int] = set()
        for chunk, marks in in_chunks(task_ids):
            found.update(r[0] for r in self.conn.execute(
                f"SELECT DISTINCT department_id FROM assignments WHERE task_id IN ({marks})", chunk))
        return sorted(found)
