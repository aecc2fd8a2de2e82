"""The SQLite store: schema, several plans, duplicates, filters, full-text search, refused files."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from data.errors import DatabaseError
from data.readers import read_plan_file
from data.store import SCHEMA_VERSION, PlanStore
from data.text_reader import read_plan_text
from data.registry import default_registry

from .test_reader import ANOTHER_YEAR

CNIPA = "China National Intellectual Property Administration"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_is_versioned_with_foreign_keys_wal_and_fts(store):
    pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("user_version") == SCHEMA_VERSION
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "wal"
    assert "trigram" in store.conn.execute("SELECT sql FROM sqlite_master WHERE name='tasks_fts'").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO assignments (task_id, department_id, role, position) VALUES (9999, 1, 'lead', 0)")


def test_stored_plan_reads_back_as_imported(store, sample_result):
    assert store.load_plan(1) == sample_result.plan
    parts = store.parts(1)
    assert [p.task_count for p in parts] == [21, 33, 27, 6, 13]
    assert [(s.number, s.task_count) for s in store.sections(1) if s.part_id == parts[3].id] == [(None, 6)]


def test_importing_the_same_plan_again_changes_nothing(sample_db, sample_result):
    with PlanStore(sample_db) as store:
        outcome = store.import_plan(sample_result)
        assert (outcome.created, outcome.plan_id) == (False, 1)
        assert len(store.plans()) == 1
        assert store.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 100


def test_several_plans_live_in_one_database(store):
    outcome = store.import_plan(read_plan_text(ANOTHER_YEAR, default_registry()))
    assert outcome.created and outcome.plan_id == 2
    assert [(p.id, p.year, p.task_count) for p in store.plans()] == [(1, 2020, 100), (2, 2023, 4)]
    assert len(store.task_ids(1)) == 100 and len(store.task_ids(2)) == 4
    lunar = store.find_department("lunar affairs bureau")
    assert lunar is not None and lunar.verified is False
    education = [d for d in store.departments(2) if d.name == "Ministry of Education"][0]
    assert (education.lead_count, education.participant_count) == (1, 0)


def test_department_counts_and_filters(store):
    cnipa = store.find_department("Intellectual Property Bureau")
    assert cnipa.name == CNIPA and cnipa.name_zh == "国家知识产权局" and cnipa.abbreviation == "CNIPA"
    row = [d for d in store.departments(1) if d.id == cnipa.id][0]
    assert (row.lead_count, row.participant_count) == (35, 22)
    assert len(store.task_ids(1, department_ids=[cnipa.id], role="lead")) == 35
    assert len(store.task_ids(1, department_ids=[cnipa.id], role="participant")) == 22
    assert len(store.task_ids(1, department_ids=[cnipa.id])) == 57
    assert len(store.departments(1)) == 40


def test_full_text_search_and_short_words(store):
    numbers = lambda ids: [r.number for r in store.task_rows(ids)]  # noqa: E731
    assert numbers(store.task_ids(1, search="Kunlun")) == [53]
    assert numbers(store.task_ids(1, search="kunlun 2020")) == [53]
    assert numbers(store.task_ids(1, search="TISC")) == [16]
    assert 98 in numbers(store.task_ids(1, search="AIPPI"))
    assert store.task_ids(1, search="zzzqqq") == []
    assert numbers(store.task_ids(1, search='"Sword')) == [41]


def test_sorting_by_lead_and_section(store):
    by_lead = store.task_rows(store.task_ids(1, order_by="lead"))
    names = [r.lead.name.lower() for r in by_lead]
    assert names == sorted(names)
    by_section = [r.number for r in store.task_rows(store.task_ids(1, order_by="section", descending=True))]
    assert by_section[0] == 100 and by_section[-1] == 1


@pytest.mark.parametrize("descending", [False, True])
def test_tasks_come_in_the_order_asked_for(store, descending):
    rows = store.task_rows(store.task_ids(1))
    expected = {
        "number": lambda r: r.number,
        "text": lambda r: (r.text.lower(), r.number),
        "participants": lambda r: (", ".join(d.name for d in r.participants).lower(), r.number),
    }
    for order_by, key in expected.items():
        ids = store.task_ids(1, order_by=order_by, descending=descending)
        assert ids == [r.id for r in sorted(rows, key=key, reverse=descending)], order_by


@pytest.mark.parametrize("content, problem", [
    (b"this is not a database at all" * 10, "is not an SQLite database"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "is damaged"),
])
def test_unusable_database_files_are_refused_untouched(tmp_path, content, problem):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as raised:
        PlanStore(path)
    assert problem in raised.value.problem and raised.value.path == str(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE x (y)")
    before = digest(path)
    with pytest.raises(DatabaseError, match="not a Plan Review database"):
        PlanStore(path)
    assert digest(path) == before


def test_database_from_a_newer_program_is_refused_untouched(sample_db):
    with sqlite3.connect(sample_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = digest(sample_db)
    with pytest.raises(DatabaseError, match="newer Plan Review"):
        PlanStore(sample_db)
    assert digest(sample_db) == before


def test_locked_database_gives_a_clear_error(sample_db, sample_result):
    other = read_plan_text(ANOTHER_YEAR, default_registry())
    with PlanStore(sample_db, busy_timeout=0.1) as store:
        holder = sqlite3.connect(sample_db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(DatabaseError, match="locked"):
                store.import_plan(other)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    with PlanStore(sample_db) as store:
        assert len(store.plans()) == 1


def test_missing_database_is_not_created_for_reading(tmp_path):
    path = tmp_path / "none.sqlite"
    with pytest.raises(DatabaseError, match="no such database"):
        PlanStore(path, create=False)
    assert not path.exists()


def test_bundled_plan_file_imports(tmp_path):
    from data.paths import bundled_plan_path

    with PlanStore(tmp_path / "new.sqlite") as store:
        outcome = store.import_plan(read_plan_file(bundled_plan_path()))
        assert outcome.created and outcome.counts == {"parts": 5, "sections": 13, "tasks": 100, "departments": 40}
