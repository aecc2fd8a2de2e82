"""Local review: per-task notes and review states, saved at once, exchanged through review files.

Edits. Every edit is one transaction and returns the record as it was before, so the window can undo
it: `restore_note(before)` / `restore_state(before)` is the inverse of every edit and itself returns
what it replaced (the redo). A deleted note stays as a tombstone, so a deletion can be undone and
travels to colleagues. Only a note's author edits or deletes it.

Exchange. Every note and state carries a version vector: {replica id: edits made there}. Each
database has its own replica id (renewed when the file is copied, so two copies never share one). A
local edit adds one to this replica's count. Merging an incoming record:
- its vector is covered by ours: we already have it (importing twice changes nothing);
- its vector covers ours: it was made after everything we have, so it wins, whatever the clocks say;
- neither: both were edited since they last met. A note keeps both versions: a deterministic winner
  stays as the note, the others become conflict copies linked to it until the user settles it with
  `resolve_conflict`. A state keeps the deterministic winner. Both sides reach the same result.

Review file: {"format": "plan-review/review", "version": 1, "sha256": <of the canonical content>,
"content": {"plan": {"fingerprint", "title"}, "replica", "reviewer" (null: everyone), "exported",
"notes": [{"id", "task", "task_position", "author", "created", "text", "deleted", "updated", "versions",
"conflicts": [{"text", "deleted", "updated", "versions"}]}],
"states": [{"task", "task_position", "reviewer", "status", "flagged", "updated", "versions"}]}}.
The canonical content is its JSON with sorted keys, no spaces, UTF-8. Tasks are matched by position
in the plan (`task`, the number, is for people).

hashlib, socket and uuid are imported where they are used: opening the window does not need them, and
each costs milliseconds of its start (docs/performance.md).

Default reviewer: the identity stored with `set_reviewer` (`plan-review review whoami --set NAME`),
else $PLAN_REVIEW_REVIEWER, else the operating system's user name.
"""
from __future__ import annotations

import getpass
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from .errors import ExportError, ReviewEditError, ReviewFileError
from .files import give_usual_mode
from .store import PlanStore

# Which tasks a review report holds.
ALL, FLAGGED, FOLLOW_UP, ATTENTION = "all", "flagged", "follow-up", "attention"
NOT_REVIEWED, IN_REVIEW, REVIEWED, NEEDS_FOLLOW_UP = STATUSES = (
    "not-reviewed", "in-review", "reviewed", "needs-follow-up")
FILE_FORMAT = "plan-review/review"
FILE_VERSION = 1
REVIEWER_VARIABLE = "PLAN_REVIEW_REVIEWER"

Versions = dict[str, int]

# One row per task with the status and flag of one reviewer (`?` is the reviewer).
_REVIEWER_STATUS = "SELECT task_id, status, flagged FROM review_states WHERE reviewer = ?"
# A task's aggregated status, over its review_states rows grouped by task: needs follow-up if any
# reviewer says so, reviewed when every reviewer who set a status reviewed it, not reviewed when none
# started, else in review. A task without states is not reviewed.
_AGGREGATE_STATUS = f"""CASE
    WHEN sum(status = '{NEEDS_FOLLOW_UP}') > 0 THEN '{NEEDS_FOLLOW_UP}'
    WHEN sum(status = '{REVIEWED}') = count(*) THEN '{REVIEWED}'
    WHEN sum(status = '{NOT_REVIEWED}') = count(*) THEN '{NOT_REVIEWED}'
    ELSE '{IN_REVIEW}' END"""
_AGGREGATED_STATUS = (f"SELECT task_id, {_AGGREGATE_STATUS} AS status, max(flagged) AS flagged "
                      f"FROM review_states GROUP BY task_id")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _checksum(value: object) -> str:
    """SHA-256 of the value's canonical JSON, in hex."""
    import hashlib

    return hashlib.sha256(_canonical(value).encode("utf-8")).hexdigest()


def _canonical(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def covers(ours: Versions, theirs: Versions) -> bool:
    """True when `ours` has seen every edit `theirs` has."""
    return all(ours.get(replica, 0) >= count for replica, count in theirs.items())


def joined(first: Versions, second: Versions) -> Versions:
    """The version vector that has seen the edits of both."""
    return {replica: max(first.get(replica, 0), second.get(replica, 0)) for replica in first.keys() | second.keys()}


@dataclass(frozen=True)
class NoteVersion:
    """One version of a note's content; a conflict copy is one of these."""

    text: str
    deleted: bool
    updated: str
    versions: Versions

    @property
    def key(self) -> str:
        """A short name for the version, from the edits it has seen (what `resolve_conflict` takes)."""
        return _checksum(self.versions)[:12]

    def _rank(self) -> tuple:
        """The deterministic order that picks the winner among concurrent versions (a live note first)."""
        return (not self.deleted, sum(self.versions.values()), self.key, self.text)


@dataclass(frozen=True)
class Note:
    id: str
    task_id: int
    task_number: int
    author: str
    text: str
    created: str
    updated: str
    deleted: bool
    versions: Versions
    conflicts: tuple[NoteVersion, ...] = ()  # unresolved competing versions, by key

    @property
    def current(self) -> NoteVersion:
        return NoteVersion(self.text, self.deleted, self.updated, self.versions)

    def to_json(self) -> dict:
        """The note as `plan-review review list` prints it."""
        return {"id": self.id, "task": self.task_number, "author": self.author, "text": self.text,
                "created": self.created, "updated": self.updated, "deleted": self.deleted}


@dataclass(frozen=True)
class ReviewState:
    """One reviewer's status and flag for one task; `versions` is None while never set."""

    task_id: int
    task_number: int
    reviewer: str
    status: str = NOT_REVIEWED
    flagged: bool = False
    updated: str | None = None
    versions: Versions | None = None

    def _rank(self) -> tuple:
        versions = self.versions or {}
        return (sum(versions.values()), _canonical(versions), self.status, self.flagged)

    def to_json(self) -> dict:
        return {"task": self.task_number, "reviewer": self.reviewer, "status": self.status,
                "flagged": self.flagged, "updated": self.updated}


@dataclass(frozen=True)
class TaskReview:
    """What the task table shows of a task's review."""

    task_id: int
    status: str  # aggregated over reviewers
    statuses: dict[str, str]  # reviewer -> status
    flagged_by: tuple[str, ...]
    note_count: int
    conflict_count: int  # notes of the task with unresolved conflicts

    @property
    def flagged(self) -> bool:
        return bool(self.flagged_by)


@dataclass(frozen=True)
class Progress:
    reviewed: int
    total: int


@dataclass(frozen=True)
class DepartmentProgress:
    department_id: int
    name: str
    reviewed: int
    total: int


@dataclass(frozen=True)
class ExchangeSummary:
    """What an export wrote or an import changed."""

    notes: int
    states: int
    conflicts: int = 0


def merge_note(local: Note | None, incoming: Note) -> Note | None:
    """The note after merging an incoming copy into ours; None when ours already holds it."""
    if local is None:
        return incoming
    if covers(local.versions, incoming.versions):
        return None
    if covers(incoming.versions, local.versions):
        return replace(incoming, task_id=local.task_id, task_number=local.task_number)
    candidates = {v.key: v for v in (local.current, *local.conflicts, incoming.current, *incoming.conflicts)}
    winner = max(candidates.values(), key=NoteVersion._rank)
    others = tuple(version for key, version in sorted(candidates.items()) if key != winner.key)
    return replace(local, text=winner.text, deleted=winner.deleted, updated=winner.updated,
                   versions=joined(local.versions, incoming.versions), conflicts=others)


def merge_state(local: ReviewState, incoming: ReviewState) -> ReviewState | None:
    """The state after merging an incoming copy into ours; None when ours already holds it."""
    ours, theirs = local.versions or {}, incoming.versions or {}
    if covers(ours, theirs):
        return None
    if covers(theirs, ours):
        return replace(incoming, task_id=local.task_id, task_number=local.task_number)
    winner = max(local, incoming, key=ReviewState._rank)
    return replace(winner, task_id=local.task_id, task_number=local.task_number, versions=joined(ours, theirs))


class ReviewStore:
    """Notes and review states of the plans in one PlanStore."""

    def __init__(self, store: PlanStore, clock: Callable[[], datetime] = _utc_now):
        self.store = store
        self.conn = store.conn
        self._clock = clock

    # Identity -----------------------------------------------------------------------------------------
    def _setting(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM review_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_setting(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO review_settings (key, value) VALUES (?, ?)", (key, value))

    def replica_id(self) -> str:
        """This database's replica id; a new one when the file is a copy (another machine, device or inode)."""
        import socket
        import uuid

        try:
            stat = os.stat(self.store.path)
            home = f"{socket.gethostname()}:{stat.st_dev}:{stat.st_ino}"
        except OSError:
            home = ""
        replica = self._setting("replica_id")
        if replica is None or self._setting("replica_home") != home:
            replica = uuid.uuid4().hex
            with self._edit():
                self._set_setting("replica_id", replica)
                self._set_setting("replica_home", home)
        return replica

    def default_reviewer(self) -> str:
        """The stored identity, else $PLAN_REVIEW_REVIEWER, else the operating system's user name."""
        stored = self._setting("reviewer") or os.environ.get(REVIEWER_VARIABLE)
        if stored:
            return stored
        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "reviewer"

    def set_reviewer(self, name: str) -> None:
        """Store the identity this database reviews as."""
        with self._edit():
            self._set_setting("reviewer", self._nonblank(name, "a reviewer name"))

    # Edits --------------------------------------------------------------------------------------------
    @contextmanager
    def _edit(self) -> Iterator[None]:
        """One transaction; a locked, read-only or full database becomes a DatabaseError."""
        try:
            with self.store.db.atomic():
                yield
        except sqlite3.OperationalError as error:
            raise self.store.database_error(error) from None  # the store words SQLite failures

    def _now(self) -> str:
        return self._clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _bumped(self, versions: Versions | None) -> Versions:
        replica = self.replica_id()
        versions = dict(versions or {})
        versions[replica] = versions.get(replica, 0) + 1
        return versions

    def _fail(self, problem: str) -> ReviewEditError:
        return ReviewEditError(self.store.path, problem)

    def _nonblank(self, text: str, what: str) -> str:
        if not text.strip():
            raise self._fail(f"{what} cannot be empty")
        return text

    def _task_number(self, task_id: int) -> int:
        row = self.conn.execute("SELECT number FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise self._fail(f"holds no task with id {task_id}")
        return row[0]

    def add_note(self, task_id: int, text: str, author: str | None = None) -> Note:
        """A new note on the task; undo with `delete_note(note.id, note.author)`."""
        import uuid

        now = self._now()
        with self._edit():
            note = Note(str(uuid.uuid4()), task_id, self._task_number(task_id), author or self.default_reviewer(),
                        self._nonblank(text, "a note"), now, now, False, self._bumped(None))
            self._write_note(note)
        return note

    def _own_note(self, note_id: str, author: str | None) -> Note:
        note = self.note(note_id)
        author = author or self.default_reviewer()
        if note.author != author:
            raise self._fail(f"note {note_id} was written by {note.author}; only its author can change it")
        if note.deleted:
            raise self._fail(f"note {note_id} was deleted")
        return note

    def _save(self, before: Note, **changes: object) -> Note:
        after = replace(before, **changes, updated=self._now(), versions=self._bumped(before.versions))
        self._write_note(after)
        return before

    def edit_note(self, note_id: str, text: str, author: str | None = None) -> Note:
        """Change the text of one's own note; returns the note before, for `restore_note`."""
        with self._edit():
            return self._save(self._own_note(note_id, author), text=self._nonblank(text, "a note"))

    def delete_note(self, note_id: str, author: str | None = None) -> Note:
        """Delete one's own note (a tombstone that travels); returns the note before, for `restore_note`."""
        with self._edit():
            return self._save(self._own_note(note_id, author), deleted=True)

    def restore_note(self, before: Note) -> Note:
        """Put a note's text, deletion and conflicts back as they were (undo and redo); returns what it replaced."""
        with self._edit():
            return self._save(self.note(before.id), text=before.text, deleted=before.deleted,
                              conflicts=before.conflicts)

    def resolve_conflict(self, note_id: str, keep: str | None = None) -> Note:
        """Settle a conflict: keep the version (the note or a conflict copy) whose key is `keep`, or the note
        as it is (None)."""
        with self._edit():
            note = self.note(note_id)
            chosen = note.current if keep is None else {v.key: v for v in (note.current, *note.conflicts)}.get(keep)
            if chosen is None:
                raise self._fail(f"note {note_id} has no conflicting version {keep}")
            return self._save(note, text=chosen.text, deleted=chosen.deleted, conflicts=())

    def set_state(self, task_id: int, reviewer: str | None = None, *, status: str | None = None,
                  flagged: bool | None = None) -> ReviewState:
        """Set a reviewer's status and/or flag on a task; returns the state before, for `restore_state`."""
        if status is not None and status not in STATUSES:
            raise self._fail(f"knows no review status {status!r} (one of {', '.join(STATUSES)})")
        with self._edit():
            before = self.state(task_id, reviewer or self.default_reviewer())
            self._save_state(before, status if status is not None else before.status,
                             flagged if flagged is not None else before.flagged)
        return before

    def restore_state(self, before: ReviewState) -> ReviewState:
        """Put a state's status and flag back as they were (undo and redo); returns what it replaced."""
        with self._edit():
            current = self.state(before.task_id, before.reviewer)
            self._save_state(current, before.status, before.flagged)
        return current

    def _save_state(self, before: ReviewState, status: str, flagged: bool) -> None:
        self._write_state(replace(before, status=status, flagged=flagged, updated=self._now(),
                                  versions=self._bumped(before.versions)))

    def _write_note(self, note: Note) -> None:
        self.conn.execute("DELETE FROM review_conflicts WHERE note_id = ?", (note.id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO review_notes (id, task_id, author, text, created, updated, deleted, versions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (note.id, note.task_id, note.author, note.text, note.created, note.updated, int(note.deleted),
             _canonical(note.versions)))
        self.conn.executemany(
            "INSERT INTO review_conflicts (note_id, versions, text, deleted, updated) VALUES (?, ?, ?, ?, ?)",
            [(note.id, _canonical(v.versions), v.text, int(v.deleted), v.updated) for v in note.conflicts])

    def _write_state(self, state: ReviewState) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO review_states (task_id, reviewer, status, flagged, updated, versions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (state.task_id, state.reviewer, state.status, int(state.flagged), state.updated,
             _canonical(state.versions)))

    # Reading ------------------------------------------------------------------------------------------
    def _query(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def _notes(self, where: str, params: Sequence) -> list[Note]:
        rows = self._query(f"SELECT n.*, t.number FROM review_notes n JOIN tasks t ON t.id = n.task_id "
                           f"WHERE {where} ORDER BY t.position, n.created, n.id", params)
        conflicts: dict[str, list[NoteVersion]] = {}
        for r in self._query(f"SELECT c.* FROM review_conflicts c JOIN review_notes n ON n.id = c.note_id "
                             f"JOIN tasks t ON t.id = n.task_id WHERE {where}", params):
            conflicts.setdefault(r["note_id"], []).append(
                NoteVersion(r["text"], bool(r["deleted"]), r["updated"], json.loads(r["versions"])))
        return [Note(r["id"], r["task_id"], r["number"], r["author"], r["text"], r["created"], r["updated"],
                     bool(r["deleted"]), json.loads(r["versions"]),
                     tuple(sorted(conflicts.get(r["id"], ()), key=lambda version: version.key)))
                for r in rows]

    def note(self, note_id: str) -> Note:
        notes = self._notes("n.id = ?", (note_id,))
        if not notes:
            raise self._fail(f"holds no note {note_id}")
        return notes[0]

    def notes(self, plan_id: int, task_id: int | None = None, include_deleted: bool = False) -> list[Note]:
        """The plan's notes (or one task's), in task order, oldest first."""
        where, params = ["t.plan_id = ?"], [plan_id]
        if task_id is not None:
            where.append("n.task_id = ?")
            params.append(task_id)
        if not include_deleted:
            where.append("NOT n.deleted")
        return self._notes(" AND ".join(where), params)

    def conflicts(self, plan_id: int) -> list[Note]:
        """The plan's notes with unresolved conflicts; each carries its conflict copies."""
        return self._notes("t.plan_id = ? AND n.id IN (SELECT note_id FROM review_conflicts)", (plan_id,))

    def state(self, task_id: int, reviewer: str) -> ReviewState:
        """A reviewer's state of a task (not reviewed, not flagged while never set)."""
        rows = self._query("SELECT * FROM review_states WHERE task_id = ? AND reviewer = ?", (task_id, reviewer))
        if not rows:
            return ReviewState(task_id, self._task_number(task_id), reviewer)
        return self._state(rows[0], self._task_number(task_id))

    @staticmethod
    def _state(row: sqlite3.Row, task_number: int) -> ReviewState:
        return ReviewState(row["task_id"], task_number, row["reviewer"], row["status"], bool(row["flagged"]),
                           row["updated"], json.loads(row["versions"]))

    def states(self, plan_id: int, task_id: int | None = None, reviewer: str | None = None) -> list[ReviewState]:
        """The states set on the plan's tasks (or one task's, or one reviewer's), in task order."""
        where, params = ["t.plan_id = ?"], [plan_id]
        for column, value in (("s.task_id", task_id), ("s.reviewer", reviewer)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        rows = self._query(f"SELECT s.*, t.number FROM review_states s JOIN tasks t ON t.id = s.task_id "
                           f"WHERE {' AND '.join(where)} ORDER BY t.position, s.reviewer", params)
        return [self._state(r, r["number"]) for r in rows]

    def task_reviews(self, task_ids: Sequence[int]) -> dict[int, TaskReview]:
        """The review columns of these tasks (for a table's row cache)."""
        reviews = {}
        for start in range(0, len(task_ids), 500):
            chunk = list(task_ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            statuses: dict[int, dict[str, str]] = {}
            flagged_by: dict[int, list[str]] = {}
            for r in self._query(f"SELECT task_id, reviewer, status, flagged FROM review_states "
                                 f"WHERE task_id IN ({marks}) ORDER BY reviewer", chunk):
                statuses.setdefault(r["task_id"], {})[r["reviewer"]] = r["status"]
                if r["flagged"]:
                    flagged_by.setdefault(r["task_id"], []).append(r["reviewer"])
            aggregated = dict(self.conn.execute(
                f"SELECT task_id, {_AGGREGATE_STATUS} FROM review_states WHERE task_id IN ({marks}) "
                f"GROUP BY task_id", chunk).fetchall())
            counts = {r["task_id"]: r for r in self._query(
                f"SELECT task_id, sum(NOT deleted) AS notes, "
                f"sum(id IN (SELECT note_id FROM review_conflicts)) AS conflicts "
                f"FROM review_notes WHERE task_id IN ({marks}) GROUP BY task_id", chunk)}
            for task_id in chunk:
                count = counts.get(task_id)
                reviews[task_id] = TaskReview(task_id, aggregated.get(task_id, NOT_REVIEWED),
                                              statuses.get(task_id, {}), tuple(flagged_by.get(task_id, ())),
                                              count["notes"] if count else 0, count["conflicts"] if count else 0)
        return reviews

    @staticmethod
    def _status_source(reviewer: str | None) -> tuple[str, list]:
        """A subquery of (task_id, status, flagged): one reviewer's, or aggregated over reviewers."""
        return (_REVIEWER_STATUS, [reviewer]) if reviewer is not None else (_AGGREGATED_STATUS, [])

    def filter_task_ids(self, plan_id: int, *, status: str | None = None, flagged: bool | None = None,
                        has_notes: bool | None = None, reviewer: str | None = None,
                        touched_by: str | None = None) -> list[int]:
        """Ids of the plan's tasks, in plan order, that pass every filter given.

        status and flagged: the reviewer's when one is named, else aggregated over reviewers.
        touched_by: tasks where this reviewer set a state or wrote a note that is not deleted ("mine").
        """
        source, params = self._status_source(reviewer)
        where = ["t.plan_id = ?"]
        params.append(plan_id)
        if status is not None:
            where.append("coalesce(s.status, ?) = ?")
            params += [NOT_REVIEWED, status]
        if flagged is not None:
            where.append("coalesce(s.flagged, 0) = ?")
            params.append(int(flagged))
        if has_notes is not None:
            where.append(f"{'' if has_notes else 'NOT '}EXISTS "
                         "(SELECT 1 FROM review_notes n WHERE n.task_id = t.id AND NOT n.deleted)")
        if touched_by is not None:
            where.append("(EXISTS (SELECT 1 FROM review_states m WHERE m.task_id = t.id AND m.reviewer = ?) OR "
                         "EXISTS (SELECT 1 FROM review_notes n WHERE n.task_id = t.id AND n.author = ? "
                         "AND NOT n.deleted))")
            params += [touched_by, touched_by]
        sql = (f"SELECT t.id FROM tasks t LEFT JOIN ({source}) s ON s.task_id = t.id "
               f"WHERE {' AND '.join(where)} ORDER BY t.position")
        return [row[0] for row in self.conn.execute(sql, params)]

    def progress(self, plan_id: int, reviewer: str | None = None) -> Progress:
        """How many of the plan's tasks are reviewed: by the reviewer, or overall (aggregated)."""
        source, params = self._status_source(reviewer)
        row = self.conn.execute(f"SELECT count(*), coalesce(sum(s.status = ?), 0) FROM tasks t "
                                f"LEFT JOIN ({source}) s ON s.task_id = t.id WHERE t.plan_id = ?",
                                [REVIEWED, *params, plan_id]).fetchone()
        return Progress(row[1], row[0])

    def department_progress(self, plan_id: int, reviewer: str | None = None,
                            role: str | None = None) -> list[DepartmentProgress]:
        """Per department (by name): its tasks (in `role`, or any role) and how many are reviewed."""
        source, params = self._status_source(reviewer)
        role_clause = " AND a.role = ?" if role else ""
        rows = self.conn.execute(
            f"SELECT d.id, d.name, coalesce(sum(s.status = ?), 0), count(*) FROM "
            f"(SELECT DISTINCT a.department_id, a.task_id FROM assignments a JOIN tasks t ON t.id = a.task_id "
            f"WHERE t.plan_id = ?{role_clause}) dt JOIN departments d ON d.id = dt.department_id "
            f"LEFT JOIN ({source}) s ON s.task_id = dt.task_id GROUP BY d.id ORDER BY d.name",
            [REVIEWED, plan_id, *([role] if role else []), *params]).fetchall()
        return [DepartmentProgress(*row) for row in rows]

    # Exchange -----------------------------------------------------------------------------------------
    def export_review(self, plan_id: int, path: str | Path, reviewer: str | None = None) -> ExchangeSummary:
        """Write the review file: the reviewer's notes (with tombstones) and states, or everyone's."""
        path = Path(path)
        plan = self.store.plan_info(plan_id)
        positions = dict(self.conn.execute("SELECT id, position FROM tasks WHERE plan_id = ?", (plan_id,)))
        notes = [n for n in self.notes(plan_id, include_deleted=True) if reviewer is None or n.author == reviewer]
        states = self.states(plan_id, reviewer=reviewer)
        content = {
            "plan": {"fingerprint": plan.fingerprint, "title": plan.title},
            "replica": self.replica_id(),
            "reviewer": reviewer,
            "exported": self._now(),
            "notes": [_note_record(n, positions[n.task_id]) for n in notes],
            "states": [_state_record(s, positions[s.task_id]) for s in states],
        }
        document = {"format": FILE_FORMAT, "version": FILE_VERSION, "sha256": _checksum(content),
                    "content": content}
        # Not indented: json writes an indented file in pure Python, ten times slower.
        _write_replacing(path, json.dumps(document, ensure_ascii=False, sort_keys=True) + "\n")
        return ExchangeSummary(len(notes), len(states))

    def import_review(self, plan_id: int, path: str | Path) -> ExchangeSummary:
        """Merge a colleague's review file into the plan's review; a refused file changes nothing."""
        path = Path(path)
        content, checksum = _read_review_file(path)
        fingerprint = content["plan"]["fingerprint"]
        if fingerprint != self.store.plan_info(plan_id).fingerprint:
            stored_as = [p.id for p in self.store.plans() if p.fingerprint == fingerprint]
            where = f"stored here as plan {stored_as[0]}" if stored_as else "not stored in this database"
            raise ReviewFileError(path, f"is a review of another plan ({where}), not of plan {plan_id}")
        tasks = {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT position, id, number FROM tasks WHERE plan_id = ?", (plan_id,))}
        missing = {r["task_position"] for r in content["notes"] + content["states"]} - tasks.keys()
        if missing:
            raise ReviewFileError(path, f"names task position {min(missing)}, which plan {plan_id} does not have")
        with self._edit():
            summary = self._merge(plan_id, content, tasks)
            self.conn.execute("INSERT OR IGNORE INTO review_exchanges (checksum, plan_id, replica, imported, "
                              "changed) VALUES (?, ?, ?, ?, ?)",
                              (checksum, plan_id, content["replica"], self._now(),
                               summary.notes + summary.states))
        return summary

    def _merge(self, plan_id: int, content: dict, tasks: dict[int, tuple[int, int]]) -> ExchangeSummary:
        """Merge the file's records into the plan's; `tasks` maps a task position to (id, number)."""
        notes = {note.id: note for note in self.notes(plan_id, include_deleted=True)}
        states = {(state.task_id, state.reviewer): state for state in self.states(plan_id)}
        changed_notes = changed_states = conflicts = 0
        for record in content["notes"]:
            incoming = _note_from_record(record, *tasks[record["task_position"]])
            local = notes.get(incoming.id)
            merged = merge_note(local, incoming)
            if merged is not None:
                self._write_note(merged)
                notes[merged.id] = merged
                changed_notes += 1
                if merged.conflicts and not (local and local.conflicts):
                    conflicts += 1
        for record in content["states"]:
            incoming = _state_from_record(record, *tasks[record["task_position"]])
            key = (incoming.task_id, incoming.reviewer)
            merged = merge_state(states.get(key, ReviewState(incoming.task_id, incoming.task_number,
                                                             incoming.reviewer)), incoming)
            if merged is not None:
                self._write_state(merged)
                states[key] = merged
                changed_states += 1
        return ExchangeSummary(changed_notes, changed_states, conflicts)


# The review file ----------------------------------------------------------------------------------------
def _version_record(version: NoteVersion) -> dict:
    return {"text": version.text, "deleted": version.deleted, "updated": version.updated,
            "versions": version.versions}


def _note_record(note: Note, position: int) -> dict:
    return {"id": note.id, "task": note.task_number, "task_position": position, "author": note.author,
            "created": note.created, **_version_record(note.current),
            "conflicts": [_version_record(v) for v in note.conflicts]}


def _state_record(state: ReviewState, position: int) -> dict:
    return {"task": state.task_number, "task_position": position, "reviewer": state.reviewer,
            "status": state.status, "flagged": state.flagged, "updated": state.updated,
            "versions": state.versions}


def _note_from_record(record: dict, task_id: int, task_number: int) -> Note:
    return Note(record["id"], task_id, task_number, record["author"], record["text"], record["created"],
                record["updated"], record["deleted"], record["versions"],
                tuple(NoteVersion(c["text"], c["deleted"], c["updated"], c["versions"])
                      for c in record["conflicts"]))


def _state_from_record(record: dict, task_id: int, task_number: int) -> ReviewState:
    return ReviewState(task_id, task_number, record["reviewer"], record["status"], record["flagged"],
                       record["updated"], record["versions"])


def _write_replacing(path: Path, text: str) -> None:
    """Write the file under a temporary name beside it, then move it into place."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise ExportError(path, f"cannot be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as output:
            output.write(text)
            output.flush()
            os.fsync(output.fileno())
        give_usual_mode(Path(temporary), path)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(path, f"cannot be written ({error.strerror})") from None


def _read_review_file(path: Path) -> tuple[dict, str]:
    """The content of a review file and its checksum, after checking the file whole and well formed."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReviewFileError(path, f"cannot be read ({error.strerror})") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReviewFileError(path, "is not a review file (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise ReviewFileError(path, f"is truncated or not JSON ({error.msg} at line {error.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise ReviewFileError(path, "is not a Plan Review review file")
    if not isinstance(document.get("version"), int) or document["version"] > FILE_VERSION:
        raise ReviewFileError(path, f"was written by a newer Plan Review (review file version "
                                    f"{document.get('version')}; this program reads up to {FILE_VERSION})")
    content = document.get("content")
    if not isinstance(content, dict) or document.get("sha256") != _checksum(content):
        raise ReviewFileError(path, "was altered or damaged after export (its checksum does not match)")
    problem = _shape_problem(content)
    if problem:
        raise ReviewFileError(path, f"is malformed: {problem}")
    return content, document["sha256"]


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_versions(value: object) -> bool:
    return (isinstance(value, dict) and bool(value) and all(
        isinstance(k, str) and type(v) is int and v > 0 for k, v in value.items()))


def _is_uuid(value: object) -> bool:
    import uuid

    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


_VERSION_FIELDS = {"text": _is_text, "deleted": lambda v: isinstance(v, bool), "updated": _is_text,
                   "versions": _is_versions}
_NOTE_FIELDS = {**_VERSION_FIELDS, "id": _is_uuid, "task": lambda v: type(v) is int,
                "task_position": lambda v: type(v) is int, "author": lambda v: _is_text(v) and bool(v.strip()),
                "created": _is_text, "conflicts": lambda v: isinstance(v, list)}
_STATE_FIELDS = {"task": lambda v: type(v) is int, "task_position": lambda v: type(v) is int,
                 "reviewer": lambda v: _is_text(v) and bool(v.strip()), "status": lambda v: v in STATUSES,
                 "flagged": lambda v: isinstance(v, bool), "updated": _is_text, "versions": _is_versions}


def _record_problem(record: object, fields: dict[str, Callable[[object], bool]], where: str) -> str | None:
    if not isinstance(record, dict):
        return f"{where} is not an object"
    for name, valid in fields.items():
        if name not in record or not valid(record[name]):
            return f"{where}.{name} is missing or invalid"
    return None


def _shape_problem(content: dict) -> str | None:
    """What is wrong with the content's shape, or None."""
    plan = content.get("plan")
    if not isinstance(plan, dict) or not _is_text(plan.get("fingerprint")):
        return "plan.fingerprint is missing"
    if not _is_text(content.get("replica")):
        return "replica is missing"
    for name in ("notes", "states"):
        if not isinstance(content.get(name), list):
            return f"{name} is not a list"
    records: Iterable[tuple[object, dict, str]] = [
        *((n, _NOTE_FIELDS, f"notes[{i}]") for i, n in enumerate(content["notes"])),
        *((s, _STATE_FIELDS, f"states[{i}]") for i, s in enumerate(content["states"]))]
    for record, fields, where in records:
        problem = _record_problem(record, fields, where)
        if problem:
            return problem
    for i, note in enumerate(content["notes"]):
        for j, copy in enumerate(note["conflicts"]):
            problem = _record_problem(copy, _VERSION_FIELDS, f"notes[{i}].conflicts[{j}]")
            if problem:
                return problem
    ids = [note["id"] for note in content["notes"]]
    if len(set(ids)) != len(ids):
        return "a note id appears twice"
    return None
