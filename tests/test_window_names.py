"""The departments panel as reviewers read it: names told apart in a narrow dock, short names on demand,
unverified departments marked."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from data.importing import read_plan
from desktop import settings as keys
from desktop.models import ABBREVIATIONS, CHINESE_NAMES, FULL_NAMES
from desktop.settings import Settings
from tests.test_reader import ANOTHER_YEAR
from tests.test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)


def panel_texts(window) -> dict[str, str]:
    """Full name -> the text the panel draws for it (elided to the column as the view elides it)."""
    model, view = window.departments_model, window.departments_view
    width = view.columnWidth(0) - 8
    return {model.department(row).name: view.fontMetrics().elidedText(
        model.data(model.index(row, 0)), view.textElideMode(), width) for row in range(model.rowCount())}


def test_names_in_a_narrow_panel_can_be_told_apart(qtbot, open_window, sample_db):
    window = open_window(sample_db)
    window.resize(1024, 640)
    window.resizeDocks([window.departments_dock], [300], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.departments_view.columnWidth(0) > 100)
    texts = panel_texts(window)
    assert any("…" in text for text in texts.values())  # the dock is narrow: long names are cut
    assert len(set(texts.values())) == len(texts)  # ... yet no two look the same
    assert texts["Supreme People's Court"].endswith("(SPC)")
    assert window.departments_model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        "Tasks it leads"


def test_abbreviations_or_chinese_names_on_demand_remembered(open_window, sample_db):
    window = open_window(sample_db)
    action = next(a for a in window.naming_group.actions() if a.data() == ABBREVIATIONS)
    action.trigger()
    texts = {window.departments_model.department(row).name: window.departments_model.data(
        window.departments_model.index(row, 0)) for row in range(window.departments_model.rowCount())}
    assert texts["Supreme People's Court"] == "SPC"
    assert texts["Member units of the Inter-ministerial Joint Meeting"].startswith("Member units")  # none known
    assert len(set(texts.values())) == len(texts)
    row = next(r for r in range(window.departments_model.rowCount())
               if window.departments_model.department(r).abbreviation == "CNIPA")
    assert "国家知识产权局" in window.departments_model.data(window.departments_model.index(row, 0),
                                                       Qt.ItemDataRole.ToolTipRole)
    assert Settings().get(keys.DEPARTMENT_NAMING) == ABBREVIATIONS
    window.close()
    again = open_window(sample_db)
    assert again.departments_model.naming == ABBREVIATIONS
    again.set_department_naming(CHINESE_NAMES)
    assert "最高人民法院" in [again.departments_model.data(again.departments_model.index(r, 0))
                            for r in range(again.departments_model.rowCount())]
    again.set_department_naming(FULL_NAMES)


def test_unverified_departments_are_marked(open_window, tmp_path, sample_db):
    source = tmp_path / "2023.txt"
    source.write_text(ANOTHER_YEAR, encoding="utf-8")
    from data.store import PlanStore

    with PlanStore(sample_db) as store:
        read_plan(source).store_into(store)
    window = open_window(sample_db)
    window.show_plan(2)
    model = window.departments_model
    rows = {model.department(r).name: r for r in range(model.rowCount())}
    lunar = model.index(rows["Lunar Affairs Bureau"], 0)
    education = model.index(rows["Ministry of Education"], 0)
    assert isinstance(model.data(lunar, Qt.ItemDataRole.FontRole), QFont)
    assert model.data(lunar, Qt.ItemDataRole.FontRole).italic()
    assert model.data(lunar, Qt.ItemDataRole.DecorationRole) is not None
    assert "Unverified" in model.data(lunar, Qt.ItemDataRole.ToolTipRole)
    assert model.data(education, Qt.ItemDataRole.FontRole) is None
    assert "Unverified" not in model.data(education, Qt.ItemDataRole.ToolTipRole)
