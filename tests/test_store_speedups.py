"""The store's speed-ups keep its behaviour: search index, search, lead sort, fingerprint, departments."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from data.json_format import plan_to_json
from data.model import Plan, ReadResult
from data.store import FTS_INSERT_TRIGGER, PlanStore, fingerprint


def _fts_is_sound(store: PlanStore) -> bool:
    store.conn.execute("INSERT INTO tasks_fts (tasks_fts, rank) VALUES ('integrity-check', 1)")
    indexed = store.conn.execute("SELECT count(*) FROM tasks_fts").fetchone()[0]
    return indexed == store.conn.execute("SELECT count(*) FROM tasks").fetchone()[0]


def test_import_indexes_every_task_and_keeps_the_insert_trigger(store):
    assert _fts_is_sound(store)
    triggers = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert FTS_INSERT_TRIGGER in triggers


def test_a_task_inserted_after_the_import_is_found(store):
    row = store.conn.execute("SELECT plan_id, part_id, section_id FROM tasks LIMIT 1").fetchone()
    store.conn.execute("INSERT INTO tasks (plan_id, part_id, section_id, position, number, text) "
                       "VALUES (?, ?, ?, 9999, 9999, 'zebra crossings')", row)
    assert len(store.task_ids(row[0], search="zebra")) == 1
    assert _fts_is_sound(store)


def test_a_second_plan_is_indexed_without_disturbing_the_first(store, sample_result):
    plan = sample_result.plan
    plan.title += " (copy)"
    try:
        second = store.import_plan(sample_result).plan_id
    finally:
        plan.title = plan.title.removesuffix(" (copy)")
    assert store.task_ids(second, search="cooperation") == [
        i + len(store.task_ids(1)) for i in store.task_ids(1, search="cooperation")]
    assert _fts_is_sound(store)


def test_several_words_find_the_tasks_holding_each_of_them(store):
    for words in (["intellectual", "property"], ["patent", "IP"], ["of", "in"], ['"Sword', "the", "of"]):
        each = [set(store.task_ids(1, search=word)) for word in words]
        expected = [task_id for task_id in store.task_ids(1) if all(task_id in found for found in each)]
        assert expected
        assert store.task_ids(1, search=" ".join(words)) == expected


def test_sorting_by_lead_orders_by_the_lead_name_then_the_number(store):
    rows = store.task_rows(store.task_ids(1))
    key = lambda row: (row.lead is not None, row.lead.name.lower() if row.lead else "", row.number)  # noqa: E731
    expected = [row.id for row in sorted(rows, key=key)]
    assert store.task_ids(1, order_by="lead") == expected
    assert store.task_ids(1, order_by="lead", descending=True) == expected[::-1]


def test_sorting_by_department_follows_the_order_given(store):
    """The window gives the departments in the order its language lists them; lead then number, and
    participants (each task's, in their order) then number, follow it."""
    rows = store.task_rows(store.task_ids(1))
    order = sorted({d.id for row in rows for d in (row.lead, *row.participants) if d}, reverse=True)
    rank = {department_id: position for position, department_id in enumerate(order)}
    by_lead = [row.id for row in sorted(rows, key=lambda row: (row.lead is not None, rank[row.lead.id] if row.lead
                                                                else -1, row.number))]
    assert store.task_ids(1, order_by="lead", department_order=order) == by_lead
    by_participants = [row.id for row in sorted(rows, key=lambda row: (
        bool(row.participants), ",".join(f"{rank[d.id]:08d}" for d in row.participants), row.number))]
    assert store.task_ids(1, order_by="participants", department_order=order) == by_participants


def test_the_fingerprint_hashes_the_whole_canonical_json(sample_result):
    canonical = json.dumps(plan_to_json(sample_result.plan)["plan"], ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    assert fingerprint(sample_result.plan) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_departments_count_each_plans_leads_and_participants(store, sample_result):
    first_part = Plan("The first part alone", 2020, None, [sample_result.plan.parts[0]])
    small = store.import_plan(ReadResult(first_part, sample_result.departments, [])).plan_id
    for plan_id in (1, small):  # the plan holding most tasks, and a small one beside it
        leads, takes_part = Counter(), Counter()
        for row in store.task_rows(store.task_ids(plan_id)):
            leads[row.lead.id] += 1
            takes_part.update(d.id for d in row.participants)
        counted = {d.id: (d.lead_count, d.participant_count) for d in store.departments(plan_id)}
        assert counted == {i: (leads[i], takes_part[i]) for i in leads | takes_part}
