"""Search finds a department by any of its names (English, Chinese, abbreviation, registry alias) as well as
task text, in the session, on the command line and in the window, which shows why each row matched."""
from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt

from data.session import PlanSession, TaskFilter
from desktop.cli import main
from desktop.models import MATCH_COLOUR
from tests.test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)

CNIPA_TASKS, MOE_TASKS = 57, 8


def found(store, search: str) -> list[int]:
    session = PlanSession(store, 1)
    session.task_filter = TaskFilter(search=search)
    return [row.number for row in session.tasks()]


@pytest.mark.parametrize("search", ["知识产权局", "国家知识产权局", "CNIPA", "China National Intellectual Property "
                                    "Administration", "Intellectual Property Office"])  # the last: an alias
def test_a_department_is_found_by_any_of_its_names(store, search):
    cnipa = store.find_department("CNIPA")
    its_tasks = {row.number for row in store.task_rows(store.task_ids(1, department_ids=[cnipa.id]))}
    assert len(its_tasks) == CNIPA_TASKS
    assert its_tasks <= set(found(store, search))


def test_a_name_in_several_words_is_one_term_and_words_still_combine(store):
    assert len(found(store, "Ministry of Education")) == MOE_TASKS  # not every task saying "ministry"
    assert found(store, "教育部") == found(store, "MOE") == found(store, "Ministry of Education")
    assert found(store, "MOE patent") == [3, 60]  # the ministry's tasks that also say "patent"


def test_short_latin_words_do_not_match_every_department(store):
    assert store.departments_matching("of") == [] and store.departments_matching("IP") == []
    assert store.departments_matching("司法") != []  # two Chinese characters do


def test_the_command_line_finds_departments_too(sample_db, capsys):
    assert main(["tasks", "--db", str(sample_db), "--search", "海关总署", "--format", "json"]) == 0
    numbers = [task["number"] for task in json.loads(capsys.readouterr().out)]
    assert 46 in numbers and len(numbers) >= 6


def test_the_table_and_the_detail_show_why_a_row_matched(qtbot, open_window, sample_db):
    window = open_window(sample_db)
    window.search_box.setText("Ministry of Education")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    model = window.table_model
    background = Qt.ItemDataRole.BackgroundRole
    rows = range(model.rowCount())
    by_department = [r for r in rows if model.task_row(r).lead and model.task_row(r).lead.abbreviation == "MOE"]
    assert by_department
    assert all(model.data(model.index(r, model.column_of("lead")), background) == MATCH_COLOUR for r in by_department)
    other_lead = [r for r in rows if r not in by_department]
    assert all(model.data(model.index(r, model.column_of("lead")), background) is None for r in other_lead)
    assert any(model.data(model.index(r, model.column_of("participants")), background) == MATCH_COLOUR
               for r in other_lead)  # where the ministry takes part, its cell is marked
    window.choose_task(model.row_id(by_department[0]))
    assert re.search(r"background-color:#ffe27a;[^>]*>Ministry of Education", window.detail.toHtml())
    window.search_box.setText("patent")  # no department's name holds it: every row matched by its text, none marked
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert model.rowCount() > 10 and all(model.data(model.index(r, model.column_of("text")), background) is None
                                         for r in range(model.rowCount()))
    window.search_box.setText("customs")  # in some texts, and in the name of the General Administration of Customs
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    marks = {model.task_row(r).number: (model.data(model.index(r, model.column_of("text")), background),
                                        model.data(model.index(r, model.column_of("lead")), background))
             for r in range(model.rowCount())}
    assert marks[46] == (MATCH_COLOUR, MATCH_COLOUR)  # says "customs" and is led by Customs
    assert any(text is None and lead == MATCH_COLOUR for text, lead in marks.values())  # led by it only
