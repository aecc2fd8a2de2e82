"""The review window, driven as a user drives it: clicks, keys, menus, and what the views then show."""
from __future__ import annotations

import copy
import json
import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from data import json_format, readers
from data.store import PlanStore
from desktop import cli
from desktop.app import open_startup_database
from desktop.context import AppContext
from desktop.detail import highlighted
from desktop.import_preview import ImportPreviewDialog
from desktop.main_window import MainWindow
from desktop.models import TASK_ID_ROLE, TaskColumn
from desktop.settings import Settings

PLAN = 1
CNIPA = "China National Intellectual Property Administration"


@pytest.fixture(autouse=True)
def settings_folder(tmp_path):
    """Every window in these tests keeps its settings in a temporary INI file."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def dialogs(monkeypatch):
    """Message boxes the window shows, recorded instead of shown: (kind, title, text)."""
    shown = []
    for kind in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *rest, kind=kind:
                            shown.append((kind, title, text)) or QMessageBox.StandardButton.Ok)
    return shown


@pytest.fixture
def open_window(qtbot):
    """Open a window on a database; its store is closed after pytest-qt has closed the window."""
    windows = []

    def opener(db: Path) -> MainWindow:
        window = MainWindow(AppContext(Settings()), PlanStore(db))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.store.close()


@pytest.fixture
def window(open_window, sample_db):
    return open_window(sample_db)


def table_numbers(window: MainWindow) -> list[int]:
    model = window.table_model
    return [model.task_row(row).number for row in range(model.rowCount())]


def click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def click_tree_node(qtbot, window: MainWindow, *labels: str) -> None:
    """Click the tree row reached through these labels, expanding the rows on the way."""
    model, parent = window.tree_model, None
    for label in labels:
        parent_index = parent if parent is not None else window.tree.rootIndex()
        parent = next(model.index(row, 0, parent_index) for row in range(model.rowCount(parent_index))
                      if model.data(model.index(row, 0, parent_index)).startswith(label))
        window.tree.expand(parent)
    click(qtbot, window.tree, parent)


def click_task_in_table(qtbot, window: MainWindow, store: PlanStore, number: int) -> None:
    row = window.table_model.row_of(store.task_id_by_number(PLAN, number))
    click(qtbot, window.table, window.table_model.index(row, 2))


def choose_department(qtbot, window: MainWindow, name: str) -> None:
    model = window.departments_model
    row = next(r for r in range(model.rowCount()) if model.department(r).name == name)
    click(qtbot, window.departments_view, model.index(row, 0))


# Opening ---------------------------------------------------------------------------------------------------
def test_window_opens_on_the_plan_with_every_task(window, qtmodeltester):
    assert window.windowTitle() == ("Deepen the implementation of the national intellectual property strategy "
                                    "in 2020 — plans.sqlite — Plan Review")
    assert window.count_label.text() == "Showing 100 of 100 tasks"
    assert table_numbers(window)[:3] == [1, 2, 3]
    for model in (window.table_model, window.tree_model, window.departments_model):
        qtmodeltester.check(model)


def test_first_start_creates_the_database_and_imports_the_bundled_plan(tmp_path):
    path = tmp_path / "new" / "plans.sqlite"
    with open_startup_database(path) as store:
        assert [(p.year, p.task_count) for p in store.plans()] == [(2020, 100)]
    with open_startup_database(path) as store:  # a second start imports nothing more
        assert len(store.plans()) == 1


def test_smoke_run_opens_paints_and_exits(tmp_path, settings_folder):
    path = tmp_path / "smoke.sqlite"
    assert cli.main(["--smoke", "--db", str(path)]) == 0
    assert path.exists()
    assert (settings_folder / "plan-review" / "plan-review.ini").exists()


def test_corrupt_database_at_start_is_a_clear_message(tmp_path, dialogs):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x17" * 4000)
    assert cli.main(["--smoke", "--db", str(path)]) == cli.EXIT_BAD_INPUT
    [(kind, _, text)] = dialogs
    assert kind == "critical" and str(path) in text and "corrupt" in text and "Traceback" not in text


# The tree and the table agree ------------------------------------------------------------------------------
def test_clicking_a_part_narrows_the_table_to_it(qtbot, window, qtmodeltester):
    click_tree_node(qtbot, window, "4.")
    assert table_numbers(window) == [82, 83, 84, 85, 86, 87]
    assert window.count_label.text() == "Showing 6 of 100 tasks"
    qtmodeltester.check(window.table_model)
    click_tree_node(qtbot, window, "2.", "2.1")
    assert table_numbers(window) == [22, 23, 24, 25, 26, 27]
    click_tree_node(qtbot, window, "All tasks")
    assert len(table_numbers(window)) == 100


def test_choosing_a_task_in_the_table_selects_it_in_the_tree_and_shows_it(qtbot, window, store):
    click_task_in_table(qtbot, window, store, 24)
    task_id = store.task_id_by_number(PLAN, 24)
    assert window.tree.currentIndex().data(TASK_ID_ROLE) == task_id
    detail = window.detail.toPlainText()
    assert "Task 24" in detail
    assert "Part 2: Increase the protection of intellectual property rights" in detail
    assert "Section 2.1: Improve laws, regulations and rules" in detail
    assert "Formulate \"Interpretations on Certain Issues" in detail
    assert "Lead department: Supreme People's Court (最高人民法院; SPC)" in detail
    assert ("Participating departments: Supreme People's Procuratorate (最高人民检察院; SPP), "
            "Ministry of Public Security (公安部; MPS)") in detail


def test_choosing_a_task_in_the_tree_selects_it_in_the_table(qtbot, window, store):
    click_tree_node(qtbot, window, "4.", "85 ")
    task_id = store.task_id_by_number(PLAN, 85)
    assert window.table.currentIndex().data(TASK_ID_ROLE) == task_id
    assert window.table.selectionModel().isRowSelected(window.table.currentIndex().row())
    assert "Task 85" in window.detail.toPlainText()
    assert len(table_numbers(window)) == 100  # a task chosen in the tree does not narrow the table


def test_a_task_the_table_filters_out_is_shown_from_the_tree_read_only(qtbot, window):
    choose_department(qtbot, window, "Supreme People's Court")
    assert 85 not in table_numbers(window)
    click_tree_node(qtbot, window, "4.", "85 ")
    assert "Task 85" in window.detail.toPlainText()
    assert "The filters hide this task" in window.detail.toPlainText()
    assert window.table.selectionModel().selectedRows() == []
    assert not window.review.pane.status_combo.isEnabled()
    assert not window.review.actions["status-reviewed"].isEnabled()
    window.clear_filters()  # shown by the filter again: editable again, and no longer marked hidden
    assert "Task 85" in window.detail.toPlainText()
    assert "The filters hide this task" not in window.detail.toPlainText()
    assert window.review.pane.status_combo.isEnabled()


def test_a_task_the_filter_hides_leaves_the_detail_and_review_panes(qtbot, window, store):
    click_task_in_table(qtbot, window, store, 85)
    assert window.review.pane.status_combo.isEnabled()
    window.search_box.setText("customs")  # as typed: the table narrows, the focus stays in the box
    qtbot.waitUntil(lambda: 85 not in table_numbers(window))
    assert "Choose a task" in window.detail.toPlainText()
    assert not window.review.pane.status_combo.isEnabled()
    assert not window.review.actions["status-reviewed"].isEnabled()
    assert window.tree_model.node(window.tree.currentIndex()) is not None  # the tree no longer points at it


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_down_or_enter_in_the_search_box_goes_to_the_first_result(qtbot, window, key):
    window.focus_search()
    qtbot.keyClicks(window.search_box, "customs")
    qtbot.keyClick(window.search_box, key)
    assert window.table.hasFocus()
    first = window.table_model.task_row(0).number
    assert window.table.currentIndex().row() == 0
    assert f"Task {first}" in window.detail.toPlainText()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert f"Task {window.table_model.task_row(1).number}" in window.detail.toPlainText()


# Departments -----------------------------------------------------------------------------------------------
def test_choosing_a_department_filters_by_role(qtbot, window, qtmodeltester):
    choose_department(qtbot, window, CNIPA)
    either = len(table_numbers(window))
    assert window.count_label.text() == f"Showing {either} of 100 tasks"
    qtmodeltester.check(window.table_model)
    window.role_combo.setFocus()
    qtbot.keyClick(window.role_combo, Qt.Key.Key_Down)
    assert window.role_combo.currentText() == "Leads"
    assert len(table_numbers(window)) == 35
    qtbot.keyClick(window.role_combo, Qt.Key.Key_Down)
    assert len(table_numbers(window)) == 22
    assert either == 57


def test_several_departments_and_a_part_combine(qtbot, window, store):
    choose_department(qtbot, window, "Supreme People's Court")
    court = set(table_numbers(window))
    model = window.departments_model
    row = next(r for r in range(model.rowCount()) if model.department(r).name == "Ministry of Public Security")
    qtbot.mouseClick(window.departments_view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     window.departments_view.visualRect(model.index(row, 0)).center())
    both = set(table_numbers(window))
    assert court < both and 24 in court
    click_tree_node(qtbot, window, "2.", "2.1")
    assert set(table_numbers(window)) == {n for n in both if 22 <= n <= 27}


# Search ----------------------------------------------------------------------------------------------------
def test_search_as_you_type_narrows_and_highlights(qtbot, window, store):
    qtbot.keyClicks(window.search_box, "geographical")
    assert window.table_model.task_filter.search == ""  # the search waits until typing pauses
    qtbot.waitUntil(lambda: window.table_model.rowCount() < 100)
    numbers = table_numbers(window)
    assert numbers and all("geographical" in store.task(store.task_id_by_number(PLAN, n)).text.lower()
                           for n in numbers)
    click_task_in_table(qtbot, window, store, numbers[0])
    marked = re.findall(r'<span style=" background-color:#ffe27a;">([^<]*)</span>', window.detail.toHtml())
    assert marked and all(word.lower() == "geographical" for word in marked)


def test_highlighting_marks_every_word_in_any_case_and_escapes_the_rest():
    assert highlighted("A <b> Patent and patents", ["patent"]) == (
        'A &lt;b&gt; <span style="background-color:#ffe27a;">Patent</span> and '
        '<span style="background-color:#ffe27a;">patent</span>s')
    assert highlighted("x < y", []) == "x &lt; y"


def test_search_combines_with_the_tree(qtbot, window):
    click_tree_node(qtbot, window, "2.")
    qtbot.keyClicks(window.search_box, "patent")
    qtbot.waitUntil(lambda: window.table_model.task_filter.search == "patent")
    numbers = table_numbers(window)
    assert numbers and all(22 <= n <= 54 for n in numbers)


def test_no_match_says_so_and_one_click_clears_every_filter(qtbot, window):
    choose_department(qtbot, window, CNIPA)
    qtbot.keyClicks(window.search_box, "zebra crossing")
    qtbot.waitUntil(window.empty_bar.isVisible)
    assert window.empty_label.text() == "No task matches “zebra crossing”."
    assert window.count_label.text() == "Showing 0 of 100 tasks"
    qtbot.mouseClick(window.empty_clear, Qt.MouseButton.LeftButton)
    assert window.search_box.text() == ""
    assert window.departments_view.selectionModel().selectedRows() == []
    assert len(table_numbers(window)) == 100
    assert not window.empty_bar.isVisible()
    assert not window.named_actions["clear"].isEnabled()


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keySequence(window.table, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(window.search_box.hasFocus)


# Keyboard and menus ----------------------------------------------------------------------------------------
def test_both_views_work_from_the_keyboard(qtbot, window, store):
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    assert window.tree.currentIndex().data() == "All tasks"
    for _ in range(3):  # parts 1, 2, 3
        qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.tree_model.node(window.tree.currentIndex()) == ("part", 3)
    assert table_numbers(window)[0] == 55
    window.table.setFocus()  # the table's first row becomes current
    qtbot.waitUntil(lambda: "Task 55" in window.detail.toPlainText())
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert "Task 56" in window.detail.toPlainText()
    assert window.tree.currentIndex().data(TASK_ID_ROLE) == store.task_id_by_number(PLAN, 56)


def test_tab_moves_from_the_search_box_through_the_views(qtbot, window):
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(window.search_box.hasFocus)
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [window.tree, window.role_combo, window.departments_view, window.table, window.detail]


def test_go_to_actions_move_the_focus(qtbot, window):
    window.activateWindow()
    targets = {"table": window.table, "departments": window.departments_view, "detail": window.detail,
               "tree": window.tree}
    for name, widget in targets.items():
        window.named_actions[name].trigger()
        qtbot.waitUntil(widget.hasFocus)


def test_return_in_the_search_box_searches_at_once(qtbot, window):
    window.search_box.setText("customs")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.table_model.task_filter.search == "customs"


def test_every_action_is_in_a_menu_with_its_shortcut(window):
    in_menus = {action for menu in window.menus.values() for action in menu.actions()}
    assert set(window.named_actions.values()) <= in_menus
    standard = {"open": QKeySequence.StandardKey.Open, "find": QKeySequence.StandardKey.Find}
    for name, key in standard.items():
        assert window.named_actions[name].shortcut() == QKeySequence(key)
    assert window.named_actions["quit"].shortcut() in (QKeySequence(QKeySequence.StandardKey.Quit),
                                                       QKeySequence("Ctrl+Q"))
    assert all(not action.shortcut().isEmpty() for action in window.named_actions.values())


# Columns and settings --------------------------------------------------------------------------------------
def test_header_menu_hides_and_shows_columns(window):
    window.columns_menu.aboutToShow.emit()
    lead = next(a for a in window.columns_menu.actions() if a.text() == "Lead department")
    lead.trigger()
    assert window.table.isColumnHidden(window.table_model.column_of("lead"))
    lead.trigger()
    assert not window.table.isColumnHidden(window.table_model.column_of("lead"))


def test_column_layout_and_sorting_persist(open_window, sample_db):
    first = open_window(sample_db)
    header = first.table.horizontalHeader()
    model = first.table_model
    header.setSectionHidden(model.column_of("participants"), True)
    header.moveSection(header.visualIndex(model.column_of("lead")), 1)
    header.resizeSection(model.column_of("lead"), 233)
    first.table.sortByColumn(model.column_of("lead"), Qt.SortOrder.DescendingOrder)
    layout, order = first.column_layout(), table_numbers(first)
    first.close()

    second = open_window(sample_db)
    assert second.column_layout() == layout
    assert [c["key"] for c in layout[:2]] == ["number", "lead"]
    assert second.table.isColumnHidden(second.table_model.column_of("participants"))
    assert second.table.horizontalHeader().sectionSize(second.table_model.column_of("lead")) == 233
    assert table_numbers(second) == order != sorted(order)


def test_a_column_added_later_gets_its_remembered_place(open_window, sample_db):
    def add_length_column(window: MainWindow) -> None:
        window.table_model.add_column(TaskColumn("length", "Length", lambda row: str(len(row.text)), width=70))

    first = open_window(sample_db)
    add_length_column(first)
    header = first.table.horizontalHeader()
    length = first.table_model.column_of("length")
    assert header.sectionSize(length) == 70
    header.moveSection(header.visualIndex(length), 0)
    first.close()

    second = open_window(sample_db)
    add_length_column(second)
    assert second.column_layout()[0]["key"] == "length"


def test_window_geometry_and_splitter_persist(open_window, sample_db):
    first = open_window(sample_db)
    first.setGeometry(QRect(40, 50, 700, 500))
    first.table_splitter.setSizes([300, 150])
    sizes = first.table_splitter.sizes()
    first.close()
    second = open_window(sample_db)
    assert second.geometry().size() == first.geometry().size()
    assert second.geometry().topLeft() == first.geometry().topLeft()
    assert second.table_splitter.sizes() == sizes


def on_a_screen(window: MainWindow) -> bool:
    frame = window.frameGeometry()
    return any(screen.availableGeometry().intersected(frame).width() >= 120
               for screen in QGuiApplication.screens())


def test_a_window_saved_off_screen_comes_back(open_window, sample_db):
    first = open_window(sample_db)
    first.move(QPoint(20000, 15000))
    first.close()
    second = open_window(sample_db)
    assert on_a_screen(second)


def test_ensure_on_screen_moves_a_lost_window_back(window):
    window.move(QPoint(-30000, -30000))
    assert not on_a_screen(window)
    window.ensure_on_screen()
    assert on_a_screen(window)


# Databases and importing -----------------------------------------------------------------------------------
def test_opening_a_corrupt_database_changes_nothing(qtbot, window, tmp_path, dialogs):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database at all")
    assert not window.open_database(broken)
    [(kind, title, text)] = dialogs
    assert kind == "critical" and title == "Open Database" and str(broken) in text
    assert "not an SQLite database" in text
    assert len(table_numbers(window)) == 100 and "plans.sqlite" in window.windowTitle()


def test_open_database_and_recent_databases(qtbot, window, sample_db, tmp_path):
    other = tmp_path / "other.sqlite"
    open_startup_database(other).close()
    assert window.open_database(other)
    assert "other.sqlite" in window.windowTitle()
    assert window.context.settings.recent_databases()[:2] == [other.resolve(), sample_db.resolve()]
    window.recent_menu.aboutToShow.emit()
    [back] = window.recent_menu.actions()
    assert str(sample_db.resolve()) in back.text()
    back.trigger()
    assert "plans.sqlite" in window.windowTitle()


def second_plan_file(store: PlanStore, tmp_path: Path) -> Path:
    """The sample plan as JSON, retitled, with one department the registry does not know."""
    document = json.loads(json_format.dumps(store.load_plan(PLAN)))
    plan = copy.deepcopy(document)
    plan["plan"]["title"] = "A second plan"
    plan["plan"]["parts"][0]["sections"][0]["tasks"][0]["departments"].append(
        {"name": "Office of Imaginary Affairs", "role": "participant"})
    path = tmp_path / "second.json"
    path.write_text(json.dumps(plan), "utf-8")
    return path


def store_previewed(qtbot, window: MainWindow) -> None:
    """Wait for the import preview and choose Store Plan in it."""
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None
                    and window.findChild(ImportPreviewDialog).isVisible())
    qtbot.mouseClick(window.findChild(ImportPreviewDialog).store_button, Qt.MouseButton.LeftButton)


def test_import_runs_off_the_gui_thread_and_shows_warnings(qtbot, window, store, tmp_path, dialogs):
    window.import_plan_file(second_plan_file(store, tmp_path))
    store_previewed(qtbot, window)
    qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert kind == "information" and title == "Import Plan"
    assert "Imported “A second plan”" in text and "Office of Imaginary Affairs" in text
    assert window.plan_combo.count() == 2 and window.plan_combo.isEnabled()
    assert "A second plan" in window.windowTitle()
    plan_actions = window.plan_group.actions()
    assert [a.isChecked() for a in plan_actions] == [False, True]
    with qtbot.waitSignal(window.plan_changed):
        plan_actions[0].trigger()
    assert "2020" in window.windowTitle() and len(table_numbers(window)) == 100


def test_import_progress_appears_only_when_the_import_is_slow(qtbot, window, store, tmp_path, dialogs,
                                                            monkeypatch):
    release = threading.Event()
    read = readers.read_plan_file
    monkeypatch.setattr(readers, "read_plan_file", lambda path: release.wait(10) and read(path))
    try:
        window.import_plan_file(second_plan_file(store, tmp_path))
        progress = window.findChild(QProgressDialog)
        assert not progress.isVisible()
        qtbot.waitUntil(progress.isVisible)
        assert "second.json" in progress.labelText()
        assert not window.named_actions["open"].isEnabled() and not window.named_actions["import"].isEnabled()
    finally:
        release.set()
    store_previewed(qtbot, window)
    qtbot.waitUntil(lambda: bool(dialogs))
    assert all(not p.isVisible() for p in window.findChildren(QProgressDialog))
    assert window.named_actions["open"].isEnabled() and window.named_actions["import"].isEnabled()
    assert window.plan_combo.count() == 2


def test_an_empty_database_opens_with_no_plan(window, tmp_path):
    empty = tmp_path / "empty.sqlite"
    PlanStore(empty).close()
    assert window.open_database(empty)
    assert window.windowTitle().startswith("No plan — empty.sqlite")
    assert window.count_label.text() == "Showing 0 of 0 tasks"
    assert window.tree_model.rowCount() == 0 and not window.empty_bar.isVisible()


def test_the_window_reopens_on_the_plan_shown_last(qtbot, open_window, sample_db, tmp_path, dialogs):
    first = open_window(sample_db)
    with PlanStore(sample_db) as store:
        first.import_plan_file(second_plan_file(store, tmp_path))
    store_previewed(qtbot, first)
    qtbot.waitUntil(lambda: bool(dialogs))
    first.plan_group.actions()[0].trigger()
    first.close()
    second = open_window(sample_db)
    assert second.plan_id == 1 and "2020" in second.windowTitle()
    second.show_plan(2)
    second.close()
    assert open_window(sample_db).plan_id == 2


def test_a_bad_plan_file_is_a_clear_message_and_changes_nothing(qtbot, window, tmp_path, dialogs):
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list: apples, pears.", "utf-8")
    window.import_plan_file(bad)
    qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert kind == "critical" and title == "Import Plan" and str(bad) in text
    assert window.plan_combo.count() == 1


def test_a_database_on_read_only_media_opens_read_only_with_a_notice(open_window, sample_db, monkeypatch, dialogs):
    import os

    import data.store

    monkeypatch.setattr(data.store.os, "access", lambda path, mode: mode != os.W_OK)  # as on a read-only disk
    window = open_window(sample_db)
    assert window.store.read_only and window.read_only_label.isVisible()
    assert "nothing can be saved" in window.read_only_label.text()
    window.choose_task(window.store.task_id_by_number(PLAN, 1))
    window.review.add_note("cannot be kept")
    [(kind, _title, text)] = dialogs
    assert kind == "critical" and "read-only" in text
