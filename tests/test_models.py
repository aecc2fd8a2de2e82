"""The Qt models over the store: shape, lazy rows, filters and sorting, each checked by qtmodeltester."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from data.model import LEAD, PARTICIPANT
from data.session import PlanSession, TaskFilter
from desktop.models import (PART, SECTION, TASK_ID_ROLE, DepartmentsModel, PlanTreeModel, TaskColumn, TaskRowCache,
                            TaskTableModel)

DISPLAY = Qt.ItemDataRole.DisplayRole
PLAN = 1


def column_values(model: TaskTableModel, key: str) -> list[str]:
    column = model.column_of(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def cnipa_id(store) -> int:
    return store.find_department("China National Intellectual Property Administration").id


def test_table_shows_every_task_in_number_order(store, qtmodeltester):
    model = TaskTableModel(PlanSession(store, PLAN))
    qtmodeltester.check(model)
    assert model.rowCount() == 100 and model.total == 100
    assert column_values(model, "number") == [str(n) for n in range(1, 101)]


def test_table_row_shows_section_text_lead_and_participants(store):
    model = TaskTableModel(PlanSession(store, PLAN))
    row = model.row_of(store.task_id_by_number(PLAN, 24))
    values = {c.key: model.data(model.index(row, i)) for i, c in enumerate(model.columns)}
    assert values["section"] == "2.1  Improve laws, regulations and rules"
    assert values["text"].startswith("Promote the drafting of judicial interpretations")
    assert values["lead"] == "Supreme People's Court"
    assert values["participants"] == "Supreme People's Procuratorate; Ministry of Public Security"
    tooltip = model.data(model.index(row, model.column_of("text")), Qt.ItemDataRole.ToolTipRole)
    assert "Standards for Prosecution of Criminal Cases" in tooltip


def test_table_filters_by_department_role_and_search(store, qtmodeltester):
    model = TaskTableModel(PlanSession(store, PLAN))
    model.set_filter(TaskFilter(department_ids=(cnipa_id(store),), role=LEAD))
    qtmodeltester.check(model)
    assert model.rowCount() == 35
    model.set_filter(TaskFilter(department_ids=(cnipa_id(store),), role=PARTICIPANT))
    assert model.rowCount() == 22
    model.set_filter(TaskFilter(search="geographical indication"))
    qtmodeltester.check(model)
    assert 0 < model.rowCount() < 100
    assert all("geographical indication" in text.lower() for text in column_values(model, "text"))


def test_table_sorts_in_sql_and_keeps_the_selection(store, qtmodeltester):
    model = TaskTableModel(PlanSession(store, PLAN))
    kept = model.index(model.row_of(store.task_id_by_number(PLAN, 24)), 0)
    persistent = QPersistentModelIndex(kept)
    model.sort(model.column_of("lead"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    leads = column_values(model, "lead")
    assert leads == sorted(leads, key=str.casefold, reverse=True)
    assert model.data(model.index(persistent.row(), 0)) == "24"
    model.sort(model.column_of("number"), Qt.SortOrder.DescendingOrder)
    assert column_values(model, "number")[:3] == ["100", "99", "98"]


def test_another_module_adds_a_column(store, qtmodeltester):
    model = TaskTableModel(PlanSession(store, PLAN))
    model.add_column(TaskColumn("chars", "Characters", lambda row: str(len(row.text))))
    qtmodeltester.check(model)
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Characters"
    assert model.data(model.index(0, model.column_of("chars"))).isdigit()


def test_row_cache_fetches_one_block_at_a_time(store, monkeypatch):
    cache = TaskRowCache(store)
    ids = store.task_ids(PLAN)
    fetched = []
    original = store.task_rows
    monkeypatch.setattr(store, "task_rows", lambda chunk: fetched.append(len(chunk)) or original(chunk))
    assert cache.row(ids, 57).number == 58
    assert cache.row(ids, 3).number == 4
    assert fetched == [100]


def test_tree_has_parts_sections_and_tasks_with_counts(store, qtmodeltester):
    model = PlanTreeModel(PlanSession(store, PLAN))
    qtmodeltester.check(model)
    top = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert top[0] == "All tasks" and len(top) == 6
    assert top[1] == "1. Deepen reform in the field of intellectual property"
    part2 = model.index(2, 0)
    assert model.data(model.index(2, 1)) == "33"
    assert model.rowCount(part2) == 4
    section = model.index(0, 0, part2)
    assert model.data(section) == "2.1 Improve laws, regulations and rules"
    assert model.data(model.index(0, 1, part2)) == "6"
    assert model.node(section)[0] == SECTION
    first_task = model.index(0, 0, section)
    assert model.data(first_task).startswith("22  Cooperate with the revision of the \"Patent Law\"")
    assert model.rowCount(first_task) == 0


def test_tree_puts_part_four_tasks_directly_under_the_part(store):
    model = PlanTreeModel(PlanSession(store, PLAN))
    part4 = model.index(4, 0)
    assert model.node(part4) == (PART, 4)
    numbers = [model.data(model.index(row, 0, part4)).split()[0] for row in range(model.rowCount(part4))]
    assert numbers == ["82", "83", "84", "85", "86", "87"]
    assert all(model.node(model.index(row, 0, part4)) is None for row in range(6))


def test_tree_finds_a_task_and_a_node(store):
    model = PlanTreeModel(PlanSession(store, PLAN))
    index = model.task_index(store.task_id_by_number(PLAN, 24))
    assert model.data(index, TASK_ID_ROLE) == store.task_id_by_number(PLAN, 24)
    assert model.data(model.parent(index)) == "2.1 Improve laws, regulations and rules"
    assert model.node_index(PART, 4).row() == 4
    assert not model.node_index(SECTION, 999).isValid()
    assert not model.task_index(10_000).isValid()


def test_departments_list_counts_and_sorts(store, qtmodeltester):
    model = DepartmentsModel(PlanSession(store, PLAN))
    qtmodeltester.check(model)
    assert model.rowCount() == 40
    row = model.row_of(cnipa_id(store))
    assert [model.data(model.index(row, c)) for c in range(3)] == [
        "China National Intellectual Property Administration (CNIPA)", "35", "22"]
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == (
        "China National Intellectual Property Administration (国家知识产权局; CNIPA)")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.department(0).abbreviation == "CNIPA"
    assert model.data(QModelIndex()) is None


def test_models_follow_a_plan_switch(store, qtmodeltester):
    session = PlanSession(store, PLAN)
    for model in (TaskTableModel(session), PlanTreeModel(session), DepartmentsModel(session)):
        session.show_plan(None)
        model.set_session(session)
        qtmodeltester.check(model)
        assert model.rowCount() == 0
        session.show_plan(PLAN)
        model.set_session(session)
        qtmodeltester.check(model)
        assert model.rowCount() > 0


def test_tree_forgets_the_tasks_of_a_plan_it_no_longer_shows(store):
    session = PlanSession(store, PLAN)
    model = PlanTreeModel(session)
    session.show_plan(None)
    model.set_session(session)
    assert not model.task_index(store.task_id_by_number(PLAN, 24)).isValid()
