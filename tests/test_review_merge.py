"""Two laptops exchange review files: merge rules, refused files, and properties of the merge."""
from __future__ import annotations

import copy
import json
import shutil
import socket
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.errors import ExportError, ReviewFileError
from data.review import IN_REVIEW, NEEDS_FOLLOW_UP, REVIEWED, STATUSES, ReviewStore, made_on
from data.review.file_format import file_checksum
from data.store import PlanStore

from .hostile_inputs import forger_key, signed_again

NOON = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
REVIEW_TABLES = ("review_notes", "review_conflicts", "review_states", "review_exchanges")


class Laptop:
    """One reviewer's copy of the database, with its own (possibly wrong) clock."""

    def __init__(self, path: Path, clock_offset: timedelta = timedelta(0)):
        self.path = path
        self.store = PlanStore(path)
        self.reviews = ReviewStore(self.store, clock=lambda: datetime.now(timezone.utc) + clock_offset)

    def task(self, number: int) -> int:
        return self.store.task_id_by_number(1, number)

    def export(self, folder: Path, reviewer: str | None = None) -> Path:
        file = folder / f"review-{uuid.uuid4().hex}.json"
        self.reviews.export_review(1, file, reviewer)
        return file

    def send_to(self, other: Laptop, folder: Path):
        return other.reviews.import_review(1, self.export(folder))

    def review(self) -> tuple[list, list]:
        """Everything that travels: every note (tombstones and conflict copies too) and every state."""
        return self.reviews.notes(1, include_deleted=True), self.reviews.states(1)

    def rows(self) -> dict[str, list]:
        """The review tables as another connection reads them."""
        with closing(sqlite3.connect(self.path)) as conn:
            return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                    for table in REVIEW_TABLES}


def laptop_copies(template: Path, folder: Path, count: int = 2) -> list[Laptop]:
    """Copies of one database on laptops whose clocks disagree: each runs five hours behind the one before."""
    copies = []
    for i in range(count):
        shutil.copy(template, folder / f"laptop{i}.sqlite")
        copies.append(Laptop(folder / f"laptop{i}.sqlite", clock_offset=timedelta(hours=-5 * i)))
    return copies


@pytest.fixture
def laptops(sample_db, tmp_path):
    a, b = laptop_copies(sample_db, tmp_path)
    yield a, b
    a.store.close()
    b.store.close()


# Merge rules --------------------------------------------------------------------------------------------
def shared_note(a: Laptop, b: Laptop, folder: Path):
    """A note Ann wrote on A, sent to B."""
    note = a.reviews.add_note(a.task(4), "draft", "ann")
    a.send_to(b, folder)
    return note


def test_a_later_edit_wins_whatever_the_clocks_say(laptops, tmp_path):
    a, b = laptops
    note = a.reviews.add_note(a.task(4), "Ask for the budget", "ann")
    a.send_to(b, tmp_path)
    b.reviews.edit_note(note.id, "Ask for the budget and the staff", "ann")
    assert b.reviews.note(note.id).updated < note.created  # B's clock is behind
    a.send_to(b, tmp_path)  # A's older copy changes nothing on B
    b.send_to(a, tmp_path)
    assert a.reviews.note(note.id).text == "Ask for the budget and the staff"


def test_deletions_travel(laptops, tmp_path):
    a, b = laptops
    note = a.reviews.add_note(a.task(4), "Obsolete", "ann")
    a.send_to(b, tmp_path)
    a.reviews.delete_note(note.id, "ann")
    a.send_to(b, tmp_path)
    assert b.reviews.notes(1) == []
    assert b.reviews.note(note.id).deleted


def test_concurrent_edits_keep_both_versions_and_show_a_conflict(laptops, tmp_path):
    a, b = laptops
    note = shared_note(a, b, tmp_path)
    a.reviews.edit_note(note.id, "edited on A", "ann")
    b.reviews.edit_note(note.id, "edited on B", "ann")
    a.send_to(b, tmp_path)
    b.send_to(a, tmp_path)
    for laptop in (a, b):
        [conflicted] = laptop.reviews.conflicts(1)
        assert {conflicted.text, *(c.text for c in conflicted.conflicts)} == {"edited on A", "edited on B"}
        assert laptop.reviews.task_reviews([a.task(4)])[a.task(4)].conflict_count == 1
    assert a.review() == b.review()


@pytest.mark.parametrize("edits_on_a", [1, 4])  # A's version has seen more or fewer edits than B's
def test_each_version_of_a_conflict_is_known_by_the_computer_it_was_made_on(laptops, tmp_path, edits_on_a):
    a, b = laptops
    note = shared_note(a, b, tmp_path)
    for i in range(edits_on_a):
        a.reviews.edit_note(note.id, f"edited on A {i}", "ann")
    b.reviews.edit_note(note.id, "edited on B", "ann")
    result = a.send_to(b, tmp_path)
    assert (result.conflicts, result.conflict_tasks) == (1, (4,))
    [conflicted] = b.reviews.conflicts(1)
    versions = (conflicted.current, *conflicted.conflicts)
    made = {v.text: made_on(v, [o for o in versions if o is not v]) for v in versions}
    assert made == {f"edited on A {edits_on_a - 1}": a.reviews.replica_id(), "edited on B": b.reviews.replica_id()}
    names = b.reviews.computer_names()  # B heard A's computer name from its file
    assert names[a.reviews.replica_id()] == names[b.reviews.replica_id()] == socket.gethostname()
    assert b.reviews.filter_task_ids(1, conflicts=True) == [b.task(4)]
    assert b.task(4) not in b.reviews.filter_task_ids(1, conflicts=False)


def choice_keeping(note, text: str) -> str:
    """The `keep` argument of resolve_conflict that keeps this text."""
    return next(v.key for v in (note.current, *note.conflicts) if v.text == text)


@pytest.mark.parametrize("kept", ["edited on A", "edited on B"])  # one is the note, the other a copy
def test_a_resolved_conflict_travels(laptops, tmp_path, kept):
    a, b = laptops
    note = shared_note(a, b, tmp_path)
    a.reviews.edit_note(note.id, "edited on A", "ann")
    b.reviews.edit_note(note.id, "edited on B", "ann")
    b.send_to(a, tmp_path)
    [conflicted] = a.reviews.conflicts(1)
    before = a.reviews.resolve_conflict(note.id, keep=choice_keeping(conflicted, kept))
    assert a.reviews.conflicts(1) == [] and a.reviews.note(note.id).text == kept
    a.send_to(b, tmp_path)
    assert b.reviews.conflicts(1) == [] and b.reviews.note(note.id).text == kept
    a.reviews.restore_note(before)  # undo the resolution: the conflict is back
    assert len(a.reviews.conflicts(1)) == 1


def test_a_deletion_against_an_edit_keeps_the_edited_note_with_a_conflict(laptops, tmp_path):
    a, b = laptops
    note = shared_note(a, b, tmp_path)
    a.reviews.delete_note(note.id, "ann")
    b.reviews.edit_note(note.id, "still needed", "ann")
    a.send_to(b, tmp_path)
    b.send_to(a, tmp_path)
    merged = a.reviews.note(note.id)
    assert (merged.text, merged.deleted) == ("still needed", False)
    assert [c.deleted for c in merged.conflicts] == [True]
    assert a.review() == b.review()


def test_importing_the_same_file_twice_changes_nothing(laptops, tmp_path):
    a, b = laptops
    a.reviews.add_note(a.task(4), "one", "ann")
    a.reviews.set_state(a.task(4), "ann", status=REVIEWED, flagged=True)
    file = a.export(tmp_path)
    first = b.reviews.import_review(1, file)
    rows = b.rows()
    second = b.reviews.import_review(1, file)
    assert (first.notes, first.states) == (1, 1)
    assert (second.notes, second.states) == (0, 0)
    assert b.rows() == rows


def test_exchanging_both_ways_leaves_both_sides_with_the_same_review(laptops, tmp_path):
    a, b = laptops
    shared = a.reviews.add_note(a.task(1), "shared", "ann")
    a.send_to(b, tmp_path)
    a.reviews.add_note(a.task(2), "only on A", "ann")
    b.reviews.add_note(b.task(3), "only on B", "ben")
    b.reviews.edit_note(shared.id, "shared, edited on B", "ann")
    a.reviews.set_state(a.task(2), "ann", status=IN_REVIEW)
    b.reviews.set_state(b.task(3), "ben", status=NEEDS_FOLLOW_UP, flagged=True)
    a.send_to(b, tmp_path)
    b.send_to(a, tmp_path)
    assert a.review() == b.review()
    assert sorted(n.text for n in a.reviews.notes(1)) == ["only on A", "only on B", "shared, edited on B"]
    assert a.reviews.conflicts(1) == []


def test_a_later_state_wins_and_concurrent_states_agree(laptops, tmp_path):
    a, b = laptops
    a.reviews.set_state(a.task(5), "ann", status=IN_REVIEW)
    a.send_to(b, tmp_path)
    b.reviews.set_state(b.task(5), "ann", status=REVIEWED)
    b.send_to(a, tmp_path)
    assert a.reviews.state(a.task(5), "ann").status == REVIEWED
    a.reviews.set_state(a.task(5), "ann", flagged=True)
    b.reviews.set_state(b.task(5), "ann", status=NEEDS_FOLLOW_UP)
    a.send_to(b, tmp_path)
    b.send_to(a, tmp_path)
    assert a.review() == b.review()


def test_an_export_for_one_reviewer_holds_only_hers(laptops, tmp_path):
    a, _ = laptops
    a.reviews.add_note(a.task(1), "ann's", "ann")
    a.reviews.add_note(a.task(1), "ben's", "ben")
    a.reviews.set_state(a.task(1), "ben", status=REVIEWED)
    content = json.loads(a.export(tmp_path, reviewer="ann").read_text("utf-8"))["content"]
    assert [n["text"] for n in content["notes"]] == ["ann's"] and content["states"] == []


def test_an_export_replaces_the_file_and_leaves_no_temporary_file(laptops, tmp_path):
    a, _ = laptops
    target = tmp_path / "out" / "review.json"
    target.parent.mkdir()
    target.write_text("old")
    a.reviews.add_note(a.task(1), "note", "ann")
    a.reviews.export_review(1, target)
    assert json.loads(target.read_text("utf-8"))["content"]["notes"][0]["text"] == "note"
    assert [p.name for p in target.parent.iterdir()] == ["review.json"]
    with pytest.raises(ExportError):
        a.reviews.export_review(1, tmp_path / "missing" / "review.json")


# Refused files ------------------------------------------------------------------------------------------
def rewritten(file: Path, change) -> None:
    """Change the file's content and sign it again with a key of the forger's own, as a careful forger would."""
    document = json.loads(file.read_text("utf-8"))
    change(document["content"])
    file.write_text(json.dumps(signed_again(document, forger_key())), "utf-8")


def as_older_release(file: Path, change=lambda content: None) -> None:
    """Make the file as a release before signed files wrote it (version 2: a checksum, no signature)."""
    document = json.loads(file.read_text("utf-8"))
    del document["signature"], document["content"]["signer"]
    change(document["content"])
    document["version"] = 2
    document["sha256"] = file_checksum(2, document["content"])
    file.write_text(json.dumps(document), "utf-8")


def set_status(content: dict) -> None:
    content["states"][0]["status"] = "done"


def drop_note_id(content: dict) -> None:
    del content["notes"][0]["id"]


def truncate(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def alter_one_byte(file: Path) -> None:
    raw = file.read_bytes()
    file.write_bytes(raw.replace(b"Check the figures", b"Check the fiGures"))


REFUSALS = {
    "truncated": (truncate, "truncated or not JSON"),
    "altered byte": (alter_one_byte, "altered or damaged"),
    "not JSON": (lambda f: f.write_text("plain text", "utf-8"), "truncated or not JSON"),
    "JSON list": (lambda f: f.write_text("[]", "utf-8"), "not a Plan Review review file"),
    "not UTF-8": (lambda f: f.write_bytes(b"\xff\xfe{}"), "not UTF-8"),
    "newer format": (lambda f: f.write_text(f.read_text("utf-8").replace('"version": 3', '"version": 9'), "utf-8"),
                     "newer Plan Review"),
    "unknown status": (lambda f: rewritten(f, set_status), r"malformed: states\[0\].status"),
    "note without id": (lambda f: rewritten(f, drop_note_id), r"malformed: notes\[0\].id"),
    "missing file": (lambda f: f.unlink(), "cannot be read"),
}


@pytest.mark.parametrize("damage", REFUSALS.values(), ids=REFUSALS.keys())
def test_a_damaged_file_is_refused_and_changes_nothing(laptops, tmp_path, damage):
    a, b = laptops
    a.reviews.add_note(a.task(4), "Check the figures", "ann")
    a.reviews.set_state(a.task(4), "ann", status=REVIEWED)
    file = a.export(tmp_path)
    spoil, message = damage
    spoil(file)
    rows = b.rows()
    with pytest.raises(ReviewFileError, match=message) as refused:
        b.reviews.import_review(1, file)
    assert refused.value.path == str(file)
    assert b.rows() == rows


def test_a_file_for_another_plan_is_refused_and_changes_nothing(laptops, tmp_path, sample_result):
    a, b = laptops
    other = copy.deepcopy(sample_result)
    other.plan.title += " (revised)"
    other_plan = a.store.import_plan(other).plan_id
    a.reviews.add_note(a.store.task_id_by_number(other_plan, 1), "on the revised plan", "ann")
    file = tmp_path / "other.json"
    a.reviews.export_review(other_plan, file)
    rows = b.rows()
    with pytest.raises(ReviewFileError, match="another plan .not stored in this database"):
        b.reviews.import_review(1, file)
    assert b.rows() == rows
    with pytest.raises(ReviewFileError, match=f"another plan .stored here as plan {other_plan}"):
        a.reviews.import_review(1, file)


# Properties ---------------------------------------------------------------------------------------------
TEXTS = st.sampled_from(["yes", "no", "maybe", "later", "完成"])
AUTHORS = st.sampled_from(["ann", "ben"])


def operations(laptop_count: int) -> st.SearchStrategy[list[tuple]]:
    """Random edits on the laptops, and review files sent from one laptop to another."""
    laptop = st.integers(0, laptop_count - 1)
    return st.lists(st.one_of(
        st.tuples(st.just("add"), laptop, st.integers(1, 3), AUTHORS, TEXTS),
        st.tuples(st.just("edit"), laptop, st.integers(0, 5), AUTHORS, TEXTS),
        st.tuples(st.just("delete"), laptop, st.integers(0, 5), AUTHORS),
        st.tuples(st.just("set"), laptop, st.integers(1, 3), AUTHORS, st.sampled_from(STATUSES), st.booleans()),
        st.tuples(st.just("send"), laptop, laptop),
    ), max_size=7 * laptop_count)


def play(operations: list[tuple], laptops: list[Laptop], folder: Path) -> None:
    """Run the operations on the laptops."""
    for kind, which, *rest in operations:
        laptop = laptops[which]
        if kind == "add":
            number, author, text = rest
            laptop.reviews.add_note(laptop.task(number), text, author)
        elif kind in ("edit", "delete"):
            index, author, *text = rest
            own = [n for n in laptop.reviews.notes(1) if n.author == author]
            if own:
                note = own[index % len(own)]
                if text:
                    laptop.reviews.edit_note(note.id, text[0], author)
                else:
                    laptop.reviews.delete_note(note.id, author)
        elif kind == "set":
            number, reviewer, status, flagged = rest
            laptop.reviews.set_state(laptop.task(number), reviewer, status=status, flagged=flagged)
        elif rest[0] != which:
            laptop.send_to(laptops[rest[0]], folder)


@contextmanager
def played(template: Path, operations: list[tuple], laptop_count: int) -> Iterator[tuple[list[Laptop], Path]]:
    """Laptops after the operations, and a folder for more review files; closed and removed after."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        laptops = laptop_copies(template, folder, laptop_count)
        try:
            play(operations, laptops, folder)
            yield laptops, folder
        finally:
            for laptop in laptops:
                laptop.store.close()


@settings(max_examples=25, deadline=None)
@given(operations=operations(2))
def test_exchanging_both_ways_converges(_sample_db_template, operations):
    with played(_sample_db_template, operations, 2) as ((a, b), folder):
        a.send_to(b, folder)
        b.send_to(a, folder)
        assert a.review() == b.review()


@settings(max_examples=15, deadline=None)
@given(operations=operations(3))
def test_three_laptops_converge_once_each_has_sent_to_each(_sample_db_template, operations):
    with played(_sample_db_template, operations, 3) as (laptops, folder):
        for _ in range(2):  # the second round carries what the first brought in
            for sender in laptops:
                for receiver in laptops:
                    if receiver is not sender:
                        sender.send_to(receiver, folder)
        assert laptops[0].review() == laptops[1].review() == laptops[2].review()


@settings(max_examples=25, deadline=None)
@given(operations=operations(2))
def test_merging_is_idempotent(_sample_db_template, operations):
    with played(_sample_db_template, operations, 2) as ((a, b), folder):
        file = a.export(folder)
        b.reviews.import_review(1, file)
        review = b.review()
        assert b.reviews.import_review(1, file).notes == 0
        assert b.review() == review


# Privacy and forged files ---------------------------------------------------------------------------------
def test_a_deleted_notes_text_leaves_the_database_and_the_review_file(laptops, tmp_path):
    a, _ = laptops
    secret = "the minister's home number is 555 0199. " * 8
    for number in range(30):  # notes on the same pages, before and after it
        a.reviews.add_note(a.task(1 + number % 5), f"note {number} " + "on the figures " * 10, "ann")
    note = a.reviews.add_note(a.task(3), secret, "ann")
    for number in range(10):
        a.reviews.add_note(a.task(1 + number % 5), f"note {number}", "ann")
    a.reviews.delete_note(note.id, "ann")
    assert b"555 0199" in a.path.with_name(a.path.name + "-wal").read_bytes()  # until the next checkpoint
    a.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"555 0199" not in a.path.read_bytes()  # overwritten, not merely unlinked (the store sets
    # secure_delete: Debian builds SQLite with it, others do not)
    [tombstone] = [n for n in a.reviews.notes(1, include_deleted=True) if n.deleted]
    assert (tombstone.id, tombstone.author, tombstone.text, tombstone.versions) == (note.id, "ann", "", {
        a.reviews.replica_id(): 2})
    file = tmp_path / "ann.json"
    summary = a.reviews.export_review(1, file)
    assert secret not in file.read_text("utf-8")
    assert summary.notes == 40  # the live notes only


def test_a_deleted_notes_text_arriving_from_an_older_file_is_not_kept(laptops, tmp_path):
    a, b = laptops
    note = shared_note(a, b, tmp_path)
    a.reviews.delete_note(note.id, "ann")
    file = a.export(tmp_path)
    as_older_release(file, lambda content: content["notes"][0].update(text="draft"))
    b.reviews.import_review(1, file)
    assert [(n.text, n.deleted) for n in b.reviews.notes(1, include_deleted=True)] == [("", True)]


def test_an_old_database_loses_the_text_of_its_deleted_notes(sample_db):
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        note = reviews.add_note(store.task_id_by_number(1, 2), "old secret", "ann")
        store.conn.execute("UPDATE review_notes SET deleted = 1 WHERE id = ?", (note.id,))  # as release 0.1 kept it
        store.conn.execute("ALTER TABLE tasks DROP COLUMN office_deadline")  # back to schema 6, before migration 7
        store.conn.execute("DROP TABLE reviewers")
        store.conn.execute("DROP TABLE reviewer_keys")
        store.conn.execute("PRAGMA user_version = 6")
    with PlanStore(sample_db) as store:
        assert store.conn.execute("SELECT text FROM review_notes WHERE id = ?", (note.id,)).fetchone() == ("",)


FORGERIES = {
    "another author": (lambda content: content["notes"][0].update(author="mallory"), "another author"),
    "the note of another plan": (None, "belongs to plan 2 here"),
    "two states of one reviewer on one task": (
        lambda content: content["states"].append(dict(content["states"][0])), "appears twice"),
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_file_that_signs_again_is_refused_and_changes_nothing(laptops, tmp_path, forgery):
    """A checksum is no signature: whoever changes a file can compute it again. What a merge must never do
    is refused whatever the checksum says."""
    from .test_reader import ANOTHER_YEAR
    from data.registry import default_registry
    from data.text_reader import read_plan_text

    a, b = laptops
    note = shared_note(a, b, tmp_path)
    a.reviews.set_state(a.task(4), "ann", status=REVIEWED)
    change, problem = forgery
    if change is None:  # a note of plan 2 on B, its id put in a file for plan 1
        plan_2 = b.store.import_plan(read_plan_text(ANOTHER_YEAR, default_registry())).plan_id
        other = b.reviews.add_note(b.store.task_ids(plan_2)[0], "plan 2's note", "ann")

        def change(content: dict) -> None:
            content["notes"][0]["id"] = other.id
    file = a.export(tmp_path)
    rewritten(file, change)
    rows = b.rows()
    with pytest.raises(ReviewFileError, match=problem):
        b.reviews.import_review(1, file)
    assert b.rows() == rows
    assert b.reviews.note(note.id).author == "ann"


@pytest.mark.parametrize("version, problem", [
    (1, "altered or damaged"),  # the checksum covers the version: naming another one breaks it
    (-3, "no review file version this program knows"),
    ("2\nforged", "no review file version this program knows"),
    (True, "no review file version this program knows"),
])
def test_the_version_is_checked_with_the_content(laptops, tmp_path, version, problem):
    a, b = laptops
    a.reviews.add_note(a.task(4), "Check the figures", "ann")
    file = a.export(tmp_path)
    document = json.loads(file.read_text("utf-8"))
    file.write_text(json.dumps({**document, "version": version}), "utf-8")
    with pytest.raises(ReviewFileError, match=problem) as refused:
        b.reviews.import_review(1, file)
    assert "\n" not in refused.value.problem
