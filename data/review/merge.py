"""The review's records and the rules that merge them; no SQL, no files.

Every note and state carries a version vector: {replica id: edits made there}. Each database has its
own replica id (renewed when the file is copied, so two copies never share one). A local edit adds one
to this replica's count. Merging an incoming record:
- its vector is covered by ours: we already have it (importing twice changes nothing);
- its vector covers ours: it was made after everything we have, so it wins, whatever the clocks say;
- neither: both were edited since they last met. A note keeps both versions: a deterministic winner
  stays as the note, the others become conflict copies linked to it until the user settles it (a version
  saying what the winner says is no conflict: two offices reading the same feedback workbook agree). A state
  keeps the deterministic winner. Both sides reach the same result.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..canonical import canonical_json, checksum

# Which tasks a review report holds.
ALL, FLAGGED, FOLLOW_UP, ATTENTION = "all", "flagged", "follow-up", "attention"
NOT_REVIEWED, IN_REVIEW, REVIEWED, NEEDS_FOLLOW_UP = STATUSES = (
    "not-reviewed", "in-review", "reviewed", "needs-follow-up")
# The colour a status is shown in, on screen and in exports (RGB, hex); a task not reviewed has none.
STATUS_COLOURS = {IN_REVIEW: "FFF2CC", REVIEWED: "E2EFDA", NEEDS_FOLLOW_UP: "FCE4D6"}

Versions = dict[str, int]


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
        return checksum(self.versions)[:12]

    def _rank(self) -> tuple:
        """The deterministic order that picks the winner among concurrent versions (a live note first)."""
        return (not self.deleted, sum(self.versions.values()), self.key, self.text)


def kept_text(version: NoteVersion) -> str:
    """The text stored and sent for a version: none for a deleted one (its tombstone keeps no text)."""
    return "" if version.deleted else version.text


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
        return (sum(versions.values()), canonical_json(versions), self.status, self.flagged)

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
    conflict_tasks: tuple[int, ...] = ()  # numbers of the tasks whose notes the import left in conflict
    signer: str | None = None  # who signed the file merged (None: unsigned, from an older version)


def made_on(version: NoteVersion, others: Sequence[NoteVersion]) -> str | None:
    """The replica (database) where `version` was last edited, from the version vectors: one whose count in it
    is behind no other version's, preferring one ahead of them all. (A note's current version carries the
    vector of every version it met, so a conflict copy is ahead of it nowhere; it is behind it nowhere on
    the replica that made it.) None when no replica fits."""
    counts = version.versions
    fitting = [r for r, n in counts.items() if n > 0 and all(n >= o.versions.get(r, 0) for o in others)]
    ahead = [r for r in fitting if all(counts[r] > o.versions.get(r, 0) for o in others)]
    return max(ahead or fitting, key=lambda r: (counts[r], r), default=None)


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
    others = tuple(version for key, version in sorted(candidates.items())  # the same words twice are no conflict
                   if (version.text, version.deleted) != (winner.text, winner.deleted))
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
