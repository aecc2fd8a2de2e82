"""Local review in the database: per-task notes and review states, saved at once, exchanged through review files.

Edits. Every edit is one transaction and returns the record as it was before, so the window can undo
it: `restore_note(before)` / `restore_state(before)` is the inverse of every edit and itself returns
what it replaced (the redo). A deleted note stays as a tombstone, so a deletion can be undone and
travels to colleagues. Only a note's author edits or deletes it. Merging follows .merge; files, .file_format.

socket and uuid are imported where they are used: opening the window does not need them, and each
costs milliseconds of its start (docs/performance.md).

Default reviewer: the user's identity (data.identity: one per operating-system user, in the user's data
folder). Databases written by older versions kept a default of their own (review_settings "reviewer"): it
becomes the user's identity when none is stored yet, and is read no more after that.

Who wrote here: `reviewers` keeps every reviewer who wrote in the database, here or through a merged file.
Signed review files: a file signed by a reviewer this database knows no key of is trusted on first use;
a file signed by a key other than the ones trusted for that reviewer (or, for the user's own name, other than
the user's own key) is refused with UntrustedKeyError until the user trusts the new key (`trust_key`).
An unsigned file (older versions) is read, and reported unsigned, unless it carries the work of a reviewer
whose files are signed here.
"""
from __future__ import annotations

import json
import os
import shlex
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from ..canonical import canonical_json
from ..chunks import in_chunks
from ..errors import Problem, ReviewEditError, ReviewFileError, UntrustedKeyError
from ..identity import adopt_identity, current_identity, key_path, normalized_fingerprint, signing_key
from ..store import PlanStore
from .file_format import Signer, note_from_record, note_record, read_review_file, state_from_record, \
    state_record, write_review_file
from ..json_input import shown
from .merge import (IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, STATUSES, DepartmentProgress,
                    ExchangeSummary, Note, NoteVersion, Progress, ReviewState, TaskReview, Versions, kept_text,
                    merge_note, merge_state)

LEGACY_REVIEWER_KEY = "reviewer"  # review_settings: the default reviewer older versions kept per database

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


COMPUTER_KEY = "computer:"  # review_settings key prefix: the computer name of a replica, from its review files


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)



def this_computer() -> str:
    """The name of the computer this program runs on, as review files carry it."""
    import socket

    return socket.gethostname()

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

    def computer_names(self) -> dict[str, str]:
        """The name of the computer of each replica known here: this one's, and those review files named."""
        names = {row[0].removeprefix(COMPUTER_KEY): row[1] for row in self.conn.execute(
            "SELECT key, value FROM review_settings WHERE key LIKE ?", (COMPUTER_KEY + "%",))}
        names[self.replica_id()] = this_computer()
        return names

    def reviewers(self, plan_id: int) -> list[str]:
        """Everyone who set a status or wrote a note on the plan, by name."""
        return [row[0] for row in self.conn.execute(
            "SELECT reviewer FROM review_states s JOIN tasks t ON t.id = s.task_id WHERE t.plan_id = ? UNION "
            "SELECT author FROM review_notes n JOIN tasks t ON t.id = n.task_id WHERE t.plan_id = ? AND NOT n.deleted "
            "ORDER BY 1 COLLATE NOCASE", (plan_id, plan_id))]

    def default_reviewer(self) -> str:
        """The user's identity; a default this database kept from an older version becomes it if none is stored."""
        adopt_identity(self._setting(LEGACY_REVIEWER_KEY))
        return current_identity().name

    def _remember_reviewer(self, name: str, column: str) -> None:
        """Note that `name` wrote here (`wrote_here`) or came in a merged file (`merged`), now."""
        now = self._now()
        self.conn.execute(f"INSERT INTO reviewers (name, first_seen, {column}) VALUES (?, ?, ?) "
                          f"ON CONFLICT (name) DO UPDATE SET {column} = excluded.{column}", (name, now, now))

    def known_reviewers(self) -> list[tuple[str, str, str | None, str | None, list[str]]]:
        """Everyone who wrote in this database: (name, first seen, last wrote here, last merged, trusted key
        fingerprints)."""
        keys: dict[str, list[str]] = {}
        for reviewer, key in self.conn.execute(
                "SELECT reviewer, fingerprint FROM reviewer_keys ORDER BY trusted, rowid"):
            keys.setdefault(reviewer, []).append(key)
        names = self.conn.execute("SELECT name, first_seen, wrote_here, merged FROM reviewers").fetchall()
        listed = {row[0] for row in names}
        names += [(name, "", None, None) for name in keys if name not in listed]  # trusted, not yet written
        return [(*row, keys.get(row[0], [])) for row in sorted(names, key=lambda row: row[0].casefold())]

    def trusted_keys(self, reviewer: str) -> list[str]:
        """The fingerprints of the keys trusted to sign the reviewer's files, oldest first."""
        return [row[0] for row in self.conn.execute(
            "SELECT fingerprint FROM reviewer_keys WHERE reviewer = ? ORDER BY trusted, rowid", (reviewer,))]

    def trust_key(self, reviewer: str, key: str) -> None:
        """Trust the key with this fingerprint to sign the reviewer's files (beside any trusted before)."""
        fingerprint = normalized_fingerprint(key)
        if fingerprint is None:
            raise self._fail("{key} is not a key fingerprint (64 hexadecimal digits)", key=shown(key))
        with self._edit():
            self.conn.execute("INSERT OR IGNORE INTO reviewer_keys (reviewer, fingerprint, trusted, how) "
                              "VALUES (?, ?, ?, 'accepted')",
                              (self._nonblank(reviewer, "a reviewer name cannot be empty"), fingerprint, self._now()))

    # Edits --------------------------------------------------------------------------------------------
    def _edit(self) -> AbstractContextManager[None]:
        """One transaction, waiting for another program's write; SQLite failures become DatabaseError."""
        return self.store.transaction()

    def _now(self) -> str:
        return self._clock().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _bumped(self, versions: Versions | None) -> Versions:
        replica = self.replica_id()
        versions = dict(versions or {})
        versions[replica] = versions.get(replica, 0) + 1
        return versions

    def _fail(self, problem: str, **values: object) -> ReviewEditError:
        return ReviewEditError(self.store.path, problem, **values)

    def _nonblank(self, text: str, problem: str) -> str:
        if not text.strip():
            raise self._fail(problem)
        return text

    def _task_number(self, task_id: int) -> int:
        row = self.conn.execute("SELECT number FROM tasks WHERE id = ?", (task_id,)).fetchone()
        if row is None:
            raise self._fail("holds no task with id {task_id}", task_id=task_id)
        return row[0]

    def add_note(self, task_id: int, text: str, author: str | None = None) -> Note:
        """A new note on the task; undo with `delete_note(note.id, note.author)`."""
        import uuid

        now = self._now()
        with self._edit():
            note = Note(str(uuid.uuid4()), task_id, self._task_number(task_id), author or self.default_reviewer(),
                        self._nonblank(text, "a note cannot be empty"), now, now, False, self._bumped(None))
            self._write_note(note)
        return note

    def put_note(self, task_id: int, note_id: str, author: str, text: str) -> Note | None:
        """Make the note with this id (written on someone's behalf, e.g. a department's feedback) say `text`:
        created, edited, or brought back from a deletion. Returns the note before, for `restore_note` (a note
        that did not exist comes back deleted, so restoring it deletes it); None when it says `text` already."""
        with self._edit():
            try:
                note = self.note(note_id)
            except ReviewEditError:
                now = self._now()
                note = Note(note_id, task_id, self._task_number(task_id), author, self._nonblank(text, "a note cannot be empty"),
                            now, now, False, self._bumped(None))
                self._write_note(note)
                return replace(note, deleted=True)
            if note.text == text and not note.deleted and not note.conflicts:
                return None
            return self._save(note, text=self._nonblank(text, "a note cannot be empty"), deleted=False, conflicts=())

    def _own_note(self, note_id: str, author: str | None) -> Note:
        note = self.note(note_id)
        author = author or self.default_reviewer()
        if note.author != author:
            raise self._fail("note {note_id} was written by {author}; only its author can change it", note_id=note_id,
                             author=note.author)
        if note.deleted:
            raise self._fail("note {note_id} was deleted", note_id=note_id)
        return note

    def _save(self, before: Note, **changes: object) -> Note:
        after = replace(before, **{"updated": self._now(), **changes}, versions=self._bumped(before.versions))
        self._write_note(after)
        return before

    def edit_note(self, note_id: str, text: str, author: str | None = None) -> Note:
        """Change the text of one's own note; returns the note before, for `restore_note`."""
        with self._edit():
            return self._save(self._own_note(note_id, author), text=self._nonblank(text, "a note cannot be empty"))

    def delete_note(self, note_id: str, author: str | None = None) -> Note:
        """Delete one's own note (a tombstone that travels); returns the note before, for `restore_note`."""
        with self._edit():
            return self._save(self._own_note(note_id, author), deleted=True)

    def restore_note(self, before: Note) -> Note:
        """Put a note's text, deletion, conflicts and time back as they were (undo and redo; a new revision, so
        the change travels); returns what it replaced."""
        with self._edit():
            return self._save(self.note(before.id), text=before.text, deleted=before.deleted,
                              conflicts=before.conflicts, updated=before.updated)  # its time as it was, too

    def resolve_conflict(self, note_id: str, keep: str | None = None) -> Note:
        """Settle a conflict: keep the version (the note or a conflict copy) whose key is `keep`, or the note
        as it is (None)."""
        with self._edit():
            note = self.note(note_id)
            chosen = note.current if keep is None else {v.key: v for v in (note.current, *note.conflicts)}.get(keep)
            if chosen is None:
                raise self._fail("note {note_id} has no conflicting version {version}", note_id=note_id, version=keep)
            return self._save(note, text=chosen.text, deleted=chosen.deleted, conflicts=())

    def set_state(self, task_id: int, reviewer: str | None = None, *, status: str | None = None,
                  flagged: bool | None = None) -> ReviewState:
        """Set a reviewer's status and/or flag on a task; returns the state before, for `restore_state`."""
        if status is not None and status not in STATUSES:
            raise self._fail("knows no review status '{status}' (one of {statuses})", status=status,
                             statuses=", ".join(STATUSES))
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

    def _write_note(self, note: Note, how: str | None = "wrote_here") -> None:
        """Store a note; `how` its author came here (None: the caller remembers the authors once)."""
        if how:
            self._remember_reviewer(note.author, how)
        self.conn.execute("DELETE FROM review_conflicts WHERE note_id = ?", (note.id,))
        self.conn.execute(
            "INSERT OR REPLACE INTO review_notes (id, task_id, author, text, created, updated, deleted, versions) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (note.id, note.task_id, note.author, kept_text(note.current), note.created, note.updated,
             int(note.deleted), canonical_json(note.versions)))
        self.conn.executemany(
            "INSERT INTO review_conflicts (note_id, versions, text, deleted, updated) VALUES (?, ?, ?, ?, ?)",
            [(note.id, canonical_json(v.versions), kept_text(v), int(v.deleted), v.updated) for v in note.conflicts])

    def _write_state(self, state: ReviewState, how: str | None = "wrote_here") -> None:
        if how:
            self._remember_reviewer(state.reviewer, how)
        self.conn.execute(
            "INSERT OR REPLACE INTO review_states (task_id, reviewer, status, flagged, updated, versions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (state.task_id, state.reviewer, state.status, int(state.flagged), state.updated,
             canonical_json(state.versions)))

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
            raise self._fail("holds no note {note_id}", note_id=note_id)
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
        for chunk, marks in in_chunks(task_ids):
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

    def filter_query(self, plan_id: int, *, status: str | None = None, flagged: bool | None = None,
                     has_notes: bool | None = None, reviewer: str | None = None,
                     touched_by: str | None = None, conflicts: bool | None = None) -> tuple[str, list]:
        """A query selecting the ids of the plan's tasks that pass every filter given, and its parameters.

        status and flagged: the reviewer's when one is named, else aggregated over reviewers.
        touched_by: tasks where this reviewer set a state or wrote a note that is not deleted ("mine").
        conflicts: tasks with (or without) a note edited on two computers and not yet settled.
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
        if conflicts is not None:
            where.append(f"{'' if conflicts else 'NOT '}EXISTS (SELECT 1 FROM review_notes n JOIN review_conflicts c "
                         "ON c.note_id = n.id WHERE n.task_id = t.id)")
        if touched_by is not None:
            where.append("(EXISTS (SELECT 1 FROM review_states m WHERE m.task_id = t.id AND m.reviewer = ?) OR "
                         "EXISTS (SELECT 1 FROM review_notes n WHERE n.task_id = t.id AND n.author = ? "
                         "AND NOT n.deleted))")
            params += [touched_by, touched_by]
        return (f"SELECT t.id FROM tasks t LEFT JOIN ({source}) s ON s.task_id = t.id WHERE {' AND '.join(where)}",
                params)

    def filter_task_ids(self, plan_id: int, **filters: object) -> list[int]:
        """Ids of the plan's tasks, in plan order, that pass every filter given (see filter_query)."""
        sql, params = self.filter_query(plan_id, **filters)
        return [row[0] for row in self.conn.execute(f"{sql} ORDER BY t.position", params)]

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
            "computer": this_computer(),  # names the versions made here
            "reviewer": reviewer,
            "exported": self._now(),
            "notes": [note_record(n, positions[n.task_id]) for n in notes],
            "states": [state_record(s, positions[s.task_id]) for s in states],
        }
        write_review_file(path, content, self.default_reviewer(), signing_key())
        return ExchangeSummary(sum(not note.deleted for note in notes), len(states))

    def import_review(self, plan_id: int, path: str | Path) -> ExchangeSummary:
        """Merge a colleague's review file into the plan's review; a refused file changes nothing. The summary
        names the file's signer (None: an unsigned file from an older version)."""
        path = Path(path)
        review_file = read_review_file(path)
        content, digest = review_file.content, review_file.checksum
        self._check_signer(path, review_file.signer, content)
        fingerprint = content["plan"]["fingerprint"]
        if fingerprint != self.store.plan_info(plan_id).fingerprint:
            stored_as = [p.id for p in self.store.plans() if p.fingerprint == fingerprint]
            if stored_as:
                raise ReviewFileError(path, "is a review of another plan (stored here as plan {other}), not of plan "
                                            "{plan_id}", other=stored_as[0], plan_id=plan_id)
            raise ReviewFileError(path, "is a review of another plan (not stored in this database), not of plan "
                                        "{plan_id}", plan_id=plan_id)
        tasks = {r[0]: (r[1], r[2]) for r in self.conn.execute(
            "SELECT position, id, number FROM tasks WHERE plan_id = ?", (plan_id,))}
        missing = {r["task_position"] for r in content["notes"] + content["states"]} - tasks.keys()
        if missing:
            raise ReviewFileError(path, "names task position {position}, which plan {plan_id} does not have",
                                  position=min(missing), plan_id=plan_id)
        forged = self._forged_note(plan_id, content["notes"])
        if forged:
            raise ReviewFileError(path, forged)
        self.store.back_up("review-merge")
        with self._edit():
            summary = self._merge(plan_id, content, tasks)
            if review_file.signer is not None:
                summary = replace(summary, signer=review_file.signer.reviewer)
                self.conn.execute("INSERT OR IGNORE INTO reviewer_keys (reviewer, fingerprint, trusted, how) "
                                  "VALUES (?, ?, ?, 'first file')",
                                  (review_file.signer.reviewer, review_file.signer.fingerprint, self._now()))
            if isinstance(content.get("computer"), str) and content["computer"].strip():
                self._set_setting(COMPUTER_KEY + content["replica"], content["computer"].strip())
            self.conn.execute("INSERT OR IGNORE INTO review_exchanges (checksum, plan_id, replica, imported, "
                              "changed) VALUES (?, ?, ?, ?, ?)",
                              (digest, plan_id, content["replica"], self._now(),
                               summary.notes + summary.states))
        return summary

    def _check_signer(self, path: Path, signer: Signer | None, content: dict) -> None:
        """Refuse a file signed by a key not trusted for its signer (UntrustedKeyError), or an unsigned one
        carrying the work of a reviewer whose files are signed here."""
        if signer is None:
            names = {content["reviewer"]} | {n["author"] for n in content["notes"]} | \
                    {s["reviewer"] for s in content["states"]}
            signed = sorted(name for name in names if isinstance(name, str) and self.trusted_keys(name))
            if signed:
                raise ReviewFileError(path, "is not signed, but {reviewer}'s review files are signed (it may have "
                                            "been forged from one by removing its signature)", reviewer=shown(signed[0]))
            return
        known = self.trusted_keys(signer.reviewer)
        if signer.reviewer == current_identity().name and key_path().exists():
            known = [signing_key().fingerprint, *known]  # the user's own name: the user's own key
        if known and signer.fingerprint not in known:
            raise UntrustedKeyError(path, Problem(
                "is signed by {reviewer} with key {key}, but this database knows {reviewer}'s key as {known}; if "
                "{reviewer} really has a new key, accept it with: plan-review review trust {argument} --key {key}",
                reviewer=shown(signer.reviewer), key=signer.fingerprint, known=known[0],
                argument=shlex.quote(shown(signer.reviewer))), signer.reviewer, signer.fingerprint, known)

    def _forged_note(self, plan_id: int, records: list[dict]) -> Problem | None:
        """What a file's notes would change that a merge never changes: a note's author, or its plan."""
        stored = {}
        for chunk, marks in in_chunks([record["id"] for record in records]):
            stored.update({r[0]: (r[1], r[2]) for r in self.conn.execute(
                f"SELECT n.id, n.author, t.plan_id FROM review_notes n JOIN tasks t ON t.id = n.task_id "
                f"WHERE n.id IN ({marks})", chunk)})
        for record in records:
            author, plan = stored.get(record["id"], (record["author"], plan_id))
            if plan != plan_id:
                return Problem("holds note {note}, which belongs to plan {other} here, not to plan {plan_id}",
                               note=record["id"], other=plan, plan_id=plan_id)
            if author != record["author"]:
                return Problem("gives note {note} another author ({author}; it was written by {writer})",
                               note=record["id"], author=shown(record["author"]), writer=shown(author))
        return None

    def _merge(self, plan_id: int, content: dict, tasks: dict[int, tuple[int, int]]) -> ExchangeSummary:
        """Merge the file's records into the plan's; `tasks` maps a task position to (id, number)."""
        notes = {note.id: note for note in self.notes(plan_id, include_deleted=True)}
        states = {(state.task_id, state.reviewer): state for state in self.states(plan_id)}
        changed_notes = changed_states = conflicts = 0
        conflict_tasks: set[int] = set()
        authors: set[str] = set()
        for record in content["notes"]:
            incoming = note_from_record(record, *tasks[record["task_position"]])
            local = notes.get(incoming.id)
            merged = merge_note(local, incoming)
            if merged is not None:
                self._write_note(merged, None)
                authors.add(merged.author)
                notes[merged.id] = merged
                changed_notes += 1
                if merged.conflicts and not (local and local.conflicts):
                    conflicts += 1
                    conflict_tasks.add(merged.task_number)
        for record in content["states"]:
            incoming = state_from_record(record, *tasks[record["task_position"]])
            key = (incoming.task_id, incoming.reviewer)
            merged = merge_state(states.get(key, ReviewState(incoming.task_id, incoming.task_number,
                                                             incoming.reviewer)), incoming)
            if merged is not None:
                self._write_state(merged, None)
                authors.add(merged.reviewer)
                states[key] = merged
                changed_states += 1
        for author in sorted(authors):  # once each, not once per record
            self._remember_reviewer(author, "merged")
        return ExchangeSummary(changed_notes, changed_states, conflicts, tuple(sorted(conflict_tasks)))
