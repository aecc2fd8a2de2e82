"""The review file a reviewer hands to a colleague: its format, checked whole before anything is merged.

{"format": "plan-review/review", "version": 3, "sha256": <of the canonical {format, version, content}>,
"signature": <Ed25519, base64, of the sha256 (data.identity.SIGNED_PREFIX + its hex)>,
"content": {"plan": {"fingerprint", "title"}, "replica", "reviewer" (null: everyone), "exported",
"signer": {"reviewer", "public_key" (32 raw bytes, base64)},
"notes": [{"id", "task", "task_position", "author", "created", "text", "deleted", "updated", "versions",
"conflicts": [{"text", "deleted", "updated", "versions"}]}],
"states": [{"task", "task_position", "reviewer", "status", "flagged", "updated", "versions"}]}}.
The canonical content is its JSON with sorted keys, no spaces, UTF-8. Tasks are matched by position
in the plan (`task`, the number, is for people). A deleted note travels as a tombstone: its text is "".
The signer is inside the content, so the checksum covers it, and the signature covers the checksum: a file
changed after export fails one or the other. Whether the signer's key is the one this database knows for that
reviewer is the importing store's question (.storage).
Older files are still read, unsigned: version 2 had no signature, version 1 the checksum of the content alone.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..canonical import checksum
from ..errors import Problem, ReviewFileError
from ..files import atomic_target, size_problem
from ..identity import SigningKey, fingerprint, signature_valid
from ..json_input import JsonInputError, MalformedJsonError, load_json, shown
from .merge import STATUSES, Note, NoteVersion, ReviewState, kept_text

FILE_FORMAT = "plan-review/review"
FILE_VERSION = 3
READ_VERSIONS = (1, 2, 3)
SIGNED_SINCE = 3
MAX_REVIEW_FILE_BYTES = 64 * 1024 ** 2  # a note on each of 100,000 tasks takes about 40 MB


def version_record(version: NoteVersion) -> dict:
    return {"text": kept_text(version), "deleted": version.deleted, "updated": version.updated,
            "versions": version.versions}


def note_record(note: Note, position: int) -> dict:
    return {"id": note.id, "task": note.task_number, "task_position": position, "author": note.author,
            "created": note.created, **version_record(note.current),
            "conflicts": [version_record(v) for v in note.conflicts]}


def state_record(state: ReviewState, position: int) -> dict:
    return {"task": state.task_number, "task_position": position, "reviewer": state.reviewer,
            "status": state.status, "flagged": state.flagged, "updated": state.updated,
            "versions": state.versions}


def note_from_record(record: dict, task_id: int, task_number: int) -> Note:
    return Note(record["id"], task_id, task_number, record["author"], record["text"], record["created"],
                record["updated"], record["deleted"], record["versions"],
                tuple(NoteVersion(c["text"], c["deleted"], c["updated"], c["versions"])
                      for c in record["conflicts"]))


def state_from_record(record: dict, task_id: int, task_number: int) -> ReviewState:
    return ReviewState(task_id, task_number, record["reviewer"], record["status"], record["flagged"],
                       record["updated"], record["versions"])


@dataclass(frozen=True)
class Signer:
    """Who signed a review file, and with which key (its fingerprint)."""

    reviewer: str
    fingerprint: str


@dataclass(frozen=True)
class ReviewFile:
    content: dict
    checksum: str
    signer: Signer | None  # None: an unsigned file from an older version


def write_review_file(path: Path, content: dict, signer: str, key: SigningKey) -> None:
    """Write the content as a review file signed by `signer` with the key, replacing the file at once."""
    content = {**content, "signer": {"reviewer": signer, "public_key": base64.b64encode(key.public).decode("ascii")}}
    digest = file_checksum(FILE_VERSION, content)
    document = {"format": FILE_FORMAT, "version": FILE_VERSION, "sha256": digest, "signature": key.sign(digest),
                "content": content}
    with atomic_target(path) as temporary:  # not indented: json indents in pure Python, ten times slower
        temporary.write_text(json.dumps(document, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


def file_checksum(version: int, content: dict) -> str:
    """What the file's sha256 is of: its format, version and content (version 1: the content alone)."""
    return checksum(content if version == 1 else {"format": FILE_FORMAT, "version": version, "content": content})


def read_review_file(path: Path) -> ReviewFile:
    """The content of a review file, its checksum and signer, after checking the file whole, well formed and,
    from version 3 on, signed by the key it names."""
    try:
        with path.open("rb") as handle:
            problem = size_problem(os.fstat(handle.fileno()).st_size, MAX_REVIEW_FILE_BYTES, Problem("a review file"))
            if problem:
                raise ReviewFileError(path, problem)
            raw = handle.read()
    except OSError as error:
        raise ReviewFileError(path, "cannot be read ({reason})", reason=error.strerror) from None
    try:
        document = load_json(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReviewFileError(path, "is not a review file (not UTF-8 text)") from None
    except MalformedJsonError as error:
        raise ReviewFileError(path, "is truncated or not JSON ({reason})", reason=error.problem) from None
    except JsonInputError as error:
        raise ReviewFileError(path, "is refused: {reason}", reason=error.problem) from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise ReviewFileError(path, "is not a Plan Review review file")
    version = document.get("version")
    if type(version) is int and version > FILE_VERSION:
        raise ReviewFileError(path, "was written by a newer Plan Review (review file version {version}; "
                                    "this program reads up to {known})", version=version, known=FILE_VERSION)
    if type(version) is not int or version not in READ_VERSIONS:
        raise ReviewFileError(path, "has no review file version this program knows ({version})",
                              version=shown(version))
    content = document.get("content")
    if not isinstance(content, dict) or document.get("sha256") != file_checksum(version, content):
        raise ReviewFileError(path, "was altered or damaged after export (its checksum does not match)")
    signer = _signer(path, document) if version >= SIGNED_SINCE else None
    problem = _shape_problem(content)
    if problem:
        raise ReviewFileError(path, "is malformed: {reason}", reason=problem)
    return ReviewFile(content, document["sha256"], signer)


def _signer(path: Path, document: dict) -> Signer:
    """Who signed the document, once its signature is checked against the key it names."""
    record = document["content"].get("signer")
    try:
        reviewer, public_key = record["reviewer"], base64.b64decode(record["public_key"], validate=True)
        signature = base64.b64decode(document["signature"], validate=True)
    except (TypeError, KeyError, binascii.Error):
        raise ReviewFileError(path, "is malformed: its signer or signature is missing or invalid") from None
    if not isinstance(reviewer, str) or not reviewer.strip() or len(public_key) != 32:
        raise ReviewFileError(path, "is malformed: its signer is missing or invalid")
    if not signature_valid(public_key, signature, document["sha256"]):
        raise ReviewFileError(path, "was altered after {reviewer} signed it (its signature does not match)",
                              reviewer=shown(reviewer))
    return Signer(reviewer, fingerprint(public_key))


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


def _record_problem(record: object, fields: dict[str, Callable[[object], bool]], where: str) -> Problem | None:
    if not isinstance(record, dict):
        return Problem("{where} is not an object", where=where)
    for name, valid in fields.items():
        if name not in record or not valid(record[name]):
            return Problem("{where}.{name} is missing or invalid", where=where, name=name)
    return None


def _shape_problem(content: dict) -> Problem | None:
    """What is wrong with the content's shape, or None."""
    plan = content.get("plan")
    if not isinstance(plan, dict) or not _is_text(plan.get("fingerprint")):
        return Problem("plan.fingerprint is missing")
    if not _is_text(content.get("replica")):
        return Problem("replica is missing")
    for name in ("notes", "states"):
        if not isinstance(content.get(name), list):
            return Problem("{name} is not a list", name=name)
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
        return Problem("a note id appears twice")
    states = [(state["task_position"], state["reviewer"]) for state in content["states"]]
    if len(set(states)) != len(states):
        return Problem("one reviewer's state of one task appears twice")
    return None
