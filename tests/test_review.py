"""Local review on one database: edits with their inverses, queries, identity, schema."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing

import pytest

from data.errors import DatabaseError, ReviewEditError
from data.review import IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, ReviewStore
from data.identity import Identity, store_identity
from data.store import SCHEMA_VERSION, PlanStore


@pytest.fixture
def reviews(store):
    return ReviewStore(store)


def task(store, number: int) -> int:
    return store.task_id_by_number(1, number)


def stored_notes(path) -> list[tuple]:
    """The notes as another connection reads them from the file."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT id, text, deleted FROM review_notes ORDER BY id").fetchall()


# Notes -------------------------------------------------------------------------------------------------
def test_a_new_note_is_committed_at_once(store, reviews, sample_db):
    note = reviews.add_note(task(store, 7), "Check the deadline", "ann")
    assert not store.conn.in_transaction
    assert stored_notes(sample_db) == [(note.id, "Check the deadline", 0)]
    assert reviews.notes(1, task(store, 7)) == [note]
    assert (note.task_number, note.author, note.created) == (7, "ann", note.updated)


def test_an_edit_and_its_undo_and_redo(store, reviews):
    note = reviews.add_note(task(store, 7), "first", "ann")
    before = reviews.edit_note(note.id, "second", "ann")
    assert before.text == "first" and reviews.note(note.id).text == "second"
    after = reviews.restore_note(before)  # undo
    assert reviews.note(note.id).text == "first"
    reviews.restore_note(after)  # redo
    assert reviews.note(note.id).text == "second"


def test_a_deleted_note_is_a_tombstone_that_undo_brings_back(store, reviews):
    note = reviews.add_note(task(store, 7), "gone soon", "ann")
    before = reviews.delete_note(note.id, "ann")
    assert reviews.notes(1) == []
    assert [n.deleted for n in reviews.notes(1, include_deleted=True)] == [True]
    reviews.restore_note(before)
    assert [n.text for n in reviews.notes(1)] == ["gone soon"]


def test_only_the_author_edits_or_deletes_a_note(store, reviews, sample_db):
    note = reviews.add_note(task(store, 7), "mine", "ann")
    with pytest.raises(ReviewEditError, match="written by ann"):
        reviews.edit_note(note.id, "yours now", "ben")
    with pytest.raises(ReviewEditError, match="written by ann"):
        reviews.delete_note(note.id, "ben")
    assert stored_notes(sample_db) == [(note.id, "mine", 0)]


def test_a_refused_edit_writes_nothing(store, reviews, sample_db):
    with pytest.raises(ReviewEditError):
        reviews.add_note(999_999, "nowhere", "ann")
    with pytest.raises(ReviewEditError):
        reviews.add_note(task(store, 1), "   ", "ann")
    assert stored_notes(sample_db) == []


def test_a_locked_database_is_a_clear_error_and_writes_nothing(store, reviews, sample_db):
    store.conn.execute("PRAGMA busy_timeout = 50")
    with closing(sqlite3.connect(sample_db, isolation_level=None)) as other_program:
        other_program.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError, match="locked by another program"):
            reviews.add_note(task(store, 1), "blocked", "ann")
        other_program.execute("ROLLBACK")
    assert stored_notes(sample_db) == []


def test_every_local_edit_counts_up_this_replicas_version(store, reviews):
    note = reviews.add_note(task(store, 7), "one", "ann")
    reviews.edit_note(note.id, "two", "ann")
    reviews.delete_note(note.id, "ann")
    assert reviews.note(note.id).versions == {reviews.replica_id(): 3}


# States ------------------------------------------------------------------------------------------------
def test_status_and_flag_with_undo(store, reviews):
    task_id = task(store, 3)
    never_set = reviews.set_state(task_id, "ann", status=REVIEWED)
    assert (never_set.status, never_set.flagged) == (NOT_REVIEWED, False)
    reviews.set_state(task_id, "ann", flagged=True)
    assert (reviews.state(task_id, "ann").status, reviews.state(task_id, "ann").flagged) == (REVIEWED, True)
    reviews.restore_state(never_set)
    assert (reviews.state(task_id, "ann").status, reviews.state(task_id, "ann").flagged) == (NOT_REVIEWED, False)


def test_an_unknown_status_is_refused(store, reviews):
    with pytest.raises(ReviewEditError, match="no review status"):
        reviews.set_state(task(store, 3), "ann", status="done")
    assert reviews.states(1) == []


@pytest.mark.parametrize("statuses, aggregated", [
    ([], NOT_REVIEWED),
    ([NOT_REVIEWED], NOT_REVIEWED),
    ([REVIEWED, REVIEWED], REVIEWED),
    ([REVIEWED, NOT_REVIEWED], IN_REVIEW),
    ([IN_REVIEW], IN_REVIEW),
    ([REVIEWED, NEEDS_FOLLOW_UP], NEEDS_FOLLOW_UP),
])
def test_aggregated_status(store, reviews, statuses, aggregated):
    task_id = task(store, 3)
    for i, status in enumerate(statuses):
        reviews.set_state(task_id, f"reviewer{i}", status=status)
    review = reviews.task_reviews([task_id])[task_id]
    assert review.status == aggregated
    assert task_id in reviews.filter_task_ids(1, status=aggregated)


# Queries -----------------------------------------------------------------------------------------------
def test_task_reviews_give_the_table_columns(store, reviews):
    t3, t4 = task(store, 3), task(store, 4)
    reviews.set_state(t3, "ann", status=REVIEWED, flagged=True)
    reviews.set_state(t3, "ben", status=IN_REVIEW)
    reviews.add_note(t3, "a", "ann")
    reviews.delete_note(reviews.add_note(t3, "b", "ann").id, "ann")
    columns = reviews.task_reviews([t3, t4])
    assert columns[t3].statuses == {"ann": REVIEWED, "ben": IN_REVIEW}
    assert (columns[t3].status, columns[t3].flagged_by, columns[t3].note_count) == (IN_REVIEW, ("ann",), 1)
    assert (columns[t4].status, columns[t4].flagged, columns[t4].note_count) == (NOT_REVIEWED, False, 0)


def test_progress_for_a_reviewer_and_overall(store, reviews):
    for number in range(1, 38):
        reviews.set_state(task(store, number), "ann", status=REVIEWED)
    reviews.set_state(task(store, 1), "ben", status=IN_REVIEW)
    assert (reviews.progress(1, "ann").reviewed, reviews.progress(1, "ann").total) == (37, 100)
    assert reviews.progress(1).reviewed == 36
    assert reviews.progress(1, "ben").reviewed == 0


def test_department_progress_counts_each_task_of_the_department(store, reviews):
    department = max(store.departments(1), key=lambda d: (d.lead_count, d.participant_count))
    task_ids = store.task_ids(1, department_ids=[department.id])
    reviews.set_state(task_ids[0], "ann", status=REVIEWED)
    row = next(r for r in reviews.department_progress(1) if r.department_id == department.id)
    assert (row.name, row.reviewed, row.total) == (department.name, 1, len(task_ids))
    leads = next(r for r in reviews.department_progress(1, role="lead") if r.department_id == department.id)
    assert leads.total == department.lead_count


def test_filters(store, reviews):
    t3, t4, t5 = task(store, 3), task(store, 4), task(store, 5)
    reviews.set_state(t3, "ann", status=REVIEWED)
    reviews.set_state(t4, "ben", flagged=True)
    reviews.add_note(t5, "note", "ann")
    reviews.delete_note(reviews.add_note(t4, "deleted", "ben").id, "ben")
    assert reviews.filter_task_ids(1, status=REVIEWED) == [t3]
    assert reviews.filter_task_ids(1, status=REVIEWED, reviewer="ben") == []
    assert reviews.filter_task_ids(1, flagged=True) == [t4]
    assert reviews.filter_task_ids(1, has_notes=True) == [t5]
    assert len(reviews.filter_task_ids(1, has_notes=False)) == 99
    assert reviews.filter_task_ids(1, touched_by="ann") == [t3, t5]
    assert reviews.filter_task_ids(1, touched_by="ann", flagged=False) == [t3, t5]
    assert len(reviews.filter_task_ids(1, status=NOT_REVIEWED)) == 99


# Identity ----------------------------------------------------------------------------------------------
def test_default_reviewer_stored_identity_then_environment(reviews, monkeypatch):
    monkeypatch.setenv("PLAN_REVIEW_REVIEWER", "from-env")
    assert reviews.default_reviewer() == "from-env"
    store_identity(Identity("Ann Li"))
    assert reviews.default_reviewer() == "Ann Li"


def test_default_reviewer_falls_back_to_the_user_name(reviews, monkeypatch):
    monkeypatch.delenv("PLAN_REVIEW_REVIEWER", raising=False)
    monkeypatch.setenv("LOGNAME", "osuser")
    assert reviews.default_reviewer() == "osuser"


def test_the_replica_id_is_kept_but_a_copied_file_gets_its_own(reviews, sample_db, tmp_path):
    replica = reviews.replica_id()
    reviews.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(sample_db, copy)
    with PlanStore(sample_db) as reopened:
        assert ReviewStore(reopened).replica_id() == replica
    with PlanStore(copy) as copied:
        assert ReviewStore(copied).replica_id() != replica


# Schema ------------------------------------------------------------------------------------------------
def _old_database(tmp_path, name: str):
    """A database written by an earlier release (tests/fixtures/release-0.1-*.sqlite.gz)."""
    import gzip
    from pathlib import Path

    path = tmp_path / "old.sqlite"
    path.write_bytes(gzip.decompress((Path(__file__).parent / "fixtures" / name).read_bytes()))
    return path


@pytest.mark.parametrize("name, notes", [("release-0.1-schema-1.sqlite.gz", []),
                                         ("release-0.1-schema-3.sqlite.gz", ["written by release 0.1"])])
def test_an_earlier_releases_database_migrates_without_loss(tmp_path, sample_result, name, notes):
    path = _old_database(tmp_path, name)
    with PlanStore(path) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert migrated.load_plan(1) == sample_result.plan
        assert {d.kind for d in migrated.departments(1)} == {"body"}
        reviews = ReviewStore(migrated)
        assert [n.text for n in reviews.notes(1)] == notes
        note = reviews.add_note(migrated.task_id_by_number(1, 1), "after the upgrade", "ann")
        assert note in reviews.notes(1)


def test_a_database_from_a_newer_program_is_refused_untouched(sample_db):
    with closing(sqlite3.connect(sample_db)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    digest = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="newer Plan Review"):
        PlanStore(sample_db)
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == digest
