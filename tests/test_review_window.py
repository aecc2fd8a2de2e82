"""Local review in the window, driven as a reviewer drives it: menus, shortcuts, the review pane, undo and
review files; every edit checked on disk through a fresh connection."""
from __future__ import annotations

import copy
import itertools
import json
import re
import socket
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QProgressDialog

from data.identity import Identity, store_identity, stored_identity
from data.errors import DatabaseError
from data.review import IN_REVIEW, NEEDS_FOLLOW_UP, REVIEWED, ReviewStore
from data.session import EVERYONE, PlanSession, ReviewFilter, TaskFilter
from data.store import PlanStore
from desktop import cli
from desktop.main_window import MainWindow
from desktop.models import TASK_ID_ROLE, DepartmentsModel, TaskTableModel
from desktop.review_controller import ReviewerDialog
from desktop.review_pane import STATUS_COLOURS
from desktop.settings import Settings
from tests.test_window import (CNIPA, PLAN, click, dialogs, open_window, settings_folder,  # noqa: F401 (fixtures)
                               table_numbers)

ANN = "Ann"


@pytest.fixture
def window(open_window, sample_db):  # noqa: F811 (the fixture above, given a reviewer)
    """A window whose reviewer, Ann, was chosen in an earlier run."""
    store_identity(Identity(ANN))
    return open_window(sample_db)


def task_id(window: MainWindow, number: int) -> int:
    return window.store.task_id_by_number(PLAN, number)


def choose_task(qtbot, window: MainWindow, number: int) -> None:
    row = window.table_model.row_of(task_id(window, number))
    click(qtbot, window.table, window.table_model.index(row, 2))
    assert window.review.pane.status_combo.isEnabled()


def cell(window: MainWindow, number: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = window.table_model
    return model.data(model.index(model.row_of(task_id(window, number)), model.column_of(key)), role)


@contextmanager
def on_disk(path: Path) -> Iterator[ReviewStore]:
    """The review as a fresh connection reads it from the file."""
    with PlanStore(path, create=False) as store:
        yield ReviewStore(store)


def stored_state(path: Path, task: int, reviewer: str = ANN):
    with on_disk(path) as reviews:
        return reviews.state(task, reviewer)


def stored_notes(path: Path, include_deleted: bool = False):
    with on_disk(path) as reviews:
        return reviews.notes(PLAN, include_deleted=include_deleted)


def press(window: MainWindow, key: QKeySequence | QKeySequence.StandardKey | str) -> None:
    """Press a shortcut with the focus in the task table."""
    window.activateWindow()
    window.table.setFocus()
    QTest.keySequence(window.table, QKeySequence(key))


def click_button(qtbot, button) -> None:
    """Click a button the user can see: shown, and not squeezed to nothing by its layout."""
    assert button.isVisible() and not button.visibleRegion().isEmpty()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pane_notes(window: MainWindow) -> list[str]:
    notes = window.review.pane.notes_list
    return [notes.item(row).text() for row in range(notes.count())]


def write_note(qtbot, window: MainWindow, text: str) -> None:
    pane = window.review.pane
    pane.editor.setFocus()
    qtbot.keyClicks(pane.editor, text)
    click_button(qtbot, pane.save_button)


def choose_note(window: MainWindow, text: str) -> None:
    pane = window.review.pane
    pane.notes_list.setCurrentRow(next(row for row, shown in enumerate(pane_notes(window)) if shown.endswith(text)))


def colleague_copy(window: MainWindow, path: Path) -> tuple[PlanStore, ReviewStore]:
    """A copy of the window's database as it is now, on a colleague's laptop (a replica of its own)."""
    with closing(sqlite3.connect(window.store.path)) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
    store = PlanStore(path, create=False)
    return store, ReviewStore(store)


# Status and flag ------------------------------------------------------------------------------------------
def test_setting_a_status_from_the_menu_shows_it_counts_it_and_saves_it(qtbot, window, qtmodeltester):
    assert window.review.progress_label.text() == "0 of 100 reviewed"
    assert window.review.reviewer_label.text() == "Reviewer: Ann"
    choose_task(qtbot, window, 5)
    assert cell(window, 5, "status") == "Not reviewed"
    column = window.table_model.column_of("status")
    with qtbot.waitSignal(window.table_model.dataChanged, check_params_cb=lambda first, last, roles: (
            first.column() <= column <= last.column() and Qt.ItemDataRole.DisplayRole in roles)):
        window.review.actions["status-reviewed"].trigger()
    assert cell(window, 5, "status") == "Reviewed"
    assert cell(window, 5, "status", Qt.ItemDataRole.BackgroundRole) == STATUS_COLOURS[REVIEWED]
    assert cell(window, 5, "status", Qt.ItemDataRole.ToolTipRole) == "Ann: Reviewed"
    assert window.review.progress_label.text() == "1 of 100 reviewed"
    assert window.review.pane.status_combo.currentText() == "Reviewed"
    assert stored_state(window.store.path, task_id(window, 5)).status == REVIEWED
    qtmodeltester.check(window.table_model)


def test_the_departments_panel_counts_each_departments_progress_off_the_gui_thread(qtbot, window, monkeypatch,
                                                                                    qtmodeltester):
    model = window.departments_model
    row = next(r for r in range(model.rowCount()) if model.department(r).name == CNIPA)
    assert "reviewed" in model.headerData(model.REVIEWED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    total = model.department(row).lead_count + model.department(row).participant_count

    def reviewed() -> str:
        return model.data(model.index(row, model.REVIEWED))

    qtbot.waitUntil(lambda: reviewed() == f"0/{total}")
    counted_on = []
    count = ReviewStore.department_progress
    monkeypatch.setattr(ReviewStore, "department_progress",
                        lambda *args: counted_on.append(threading.current_thread()) or count(*args))
    cnipa_task = next(n for n in range(1, 101) if window.store.task(task_id(window, n)).lead.name == CNIPA)
    choose_task(qtbot, window, cnipa_task)
    window.review.actions["status-reviewed"].trigger()
    qtbot.waitUntil(lambda: reviewed() == f"1/{total}")
    assert counted_on and threading.main_thread() not in counted_on
    window.role_combo.setCurrentIndex(1)  # tasks it leads
    qtbot.waitUntil(lambda: reviewed() == f"1/{model.department(row).lead_count}")
    qtmodeltester.check(model)


def test_a_late_department_count_never_hides_a_newer_one(qtbot, window, monkeypatch):
    model = window.departments_model
    row = next(r for r in range(model.rowCount()) if model.department(r).name == CNIPA)
    leads = model.department(row).lead_count

    def reviewed() -> str:
        return model.data(model.index(row, model.REVIEWED))

    release = threading.Event()
    count = ReviewStore.department_progress

    def first_count_late(*args):
        counts = count(*args)
        if not release.is_set():
            release.wait(10)
        return counts

    monkeypatch.setattr(ReviewStore, "department_progress", first_count_late)
    window.role_combo.setCurrentIndex(1)  # tasks it leads: counted, then held back
    monkeypatch.setattr(ReviewStore, "department_progress", count)
    try:
        choose_task(qtbot, window, next(n for n in range(1, 101)
                                        if window.store.task(task_id(window, n)).lead.name == CNIPA))
        window.review.actions["status-reviewed"].trigger()
        qtbot.waitUntil(lambda: reviewed() == f"1/{leads}")
    finally:
        release.set()
    window.context.thread_pool.waitForDone()
    QApplication.processEvents()  # the late count arrives
    assert reviewed() == f"1/{leads}"


def test_status_shortcuts_and_every_status_word(qtbot, window):
    choose_task(qtbot, window, 3)
    for key, word in (("Alt+2", "In review"), ("Alt+4", "Needs follow-up"), ("Alt+3", "Reviewed"),
                      ("Alt+1", "Not reviewed")):
        press(window, key)
        assert cell(window, 3, "status") == word
    assert window.review.undo_stack.count() == 4


def test_undo_and_redo_a_status_through_the_edit_menu_and_the_keys(qtbot, window):
    choose_task(qtbot, window, 5)
    window.review.actions["status-in-review"].trigger()
    undo, redo = window.review.actions["undo"], window.review.actions["redo"]
    assert undo in window.menus["edit"].actions() and redo in window.menus["edit"].actions()
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert redo.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert undo.text() == "&Undo Set Status to In Review"
    column = window.table_model.column_of("status")
    with qtbot.waitSignal(window.table_model.dataChanged, check_params_cb=lambda first, last, roles: (
            first.column() <= column <= last.column() and Qt.ItemDataRole.BackgroundRole in roles)):
        undo.trigger()
    assert cell(window, 5, "status") == "Not reviewed"
    assert stored_state(window.store.path, task_id(window, 5)).status == "not-reviewed"
    redo.trigger()
    assert cell(window, 5, "status") == "In review"
    press(window, QKeySequence.StandardKey.Undo)
    assert cell(window, 5, "status") == "Not reviewed"
    press(window, QKeySequence.StandardKey.Redo)
    assert cell(window, 5, "status") == "In review"
    assert stored_state(window.store.path, task_id(window, 5)).status == IN_REVIEW


def test_a_refused_edit_is_a_clear_message_and_changes_nothing(qtbot, window, dialogs, monkeypatch):
    choose_task(qtbot, window, 5)

    def locked(*args, **kwargs):
        raise DatabaseError(window.store.path, "is locked by another program")

    monkeypatch.setattr(window.review.reviews, "set_state", locked)
    pane = window.review.pane
    pane.status_combo.setCurrentIndex(pane.status_combo.findData(REVIEWED))
    [(kind, title, text)] = dialogs
    assert (kind, title) == ("critical", "Review") and "is locked by another program" in text
    assert pane.status_combo.currentText() == "Not reviewed" and cell(window, 5, "status") == "Not reviewed"
    assert window.review.undo_stack.count() == 0 and not window.review.actions["undo"].isEnabled()


def test_an_undo_that_fails_says_so_and_drops_the_step(qtbot, window, dialogs, monkeypatch):
    def locked(before):
        raise DatabaseError(window.store.path, "is locked by another program")

    monkeypatch.setattr(window.review.reviews, "restore_state", locked)
    choose_task(qtbot, window, 5)
    window.review.actions["status-reviewed"].trigger()
    window.review.actions["undo"].trigger()
    [(kind, _, text)] = dialogs
    assert kind == "critical" and "is locked" in text
    assert window.review.undo_stack.count() == 0 and cell(window, 5, "status") == "Reviewed"


def test_review_shortcuts_are_in_menus_and_clash_with_no_other(window):
    in_menus = {action for menu in window.menus.values() for action in menu.actions()}
    assert set(window.review.actions.values()) <= in_menus
    shortcuts = [action.shortcut().toString() for action in window.findChildren(QAction)
                 if not action.shortcut().isEmpty()]
    assert len(shortcuts) == len(set(shortcuts))
    assert {"Alt+1", "Alt+2", "Alt+3", "Alt+4", "Ctrl+Shift+F", "Ctrl+Shift+N"} <= set(shortcuts)


def mnemonics(texts: list[str]) -> list[str]:
    return [match.group(1).lower() for text in texts for match in [re.search(r"&(\w)", text)] if match]


def test_every_mnemonic_of_the_window_is_its_own(window):
    """Alt+letter reaches one thing: a menu, a labelled field or a button, never two; so does a letter in
    the Review menu, and the review items' letters in the File menu."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    texts += [button.text() for button in window.findChildren(QAbstractButton)]
    letters = mnemonics(texts)
    assert len(letters) == len(set(letters)), " ".join(sorted(letters))
    review_menu = mnemonics([action.text() for action in window.menus["review"].actions()])
    assert len(review_menu) == len(set(review_menu)) == 7
    ours = [window.review.actions["export"], window.review.actions["import"]]
    file_menu = mnemonics([action.text() for action in window.menus["file"].actions() if action not in ours])
    assert not set(mnemonics([action.text() for action in ours])) & set(file_menu)


def test_undo_shows_the_task_it_changes(qtbot, window):
    choose_task(qtbot, window, 5)
    window.review.actions["status-reviewed"].trigger()
    choose_task(qtbot, window, 60)
    window.review.actions["undo"].trigger()
    assert "Task 5" in window.detail.toPlainText()
    assert window.review.pane.status_combo.currentText() == "Not reviewed"
    assert window.table.currentIndex().data(TASK_ID_ROLE) == task_id(window, 5)


def test_flag_a_task_and_filter_the_flagged_ones(qtbot, window, qtmodeltester):
    choose_task(qtbot, window, 8)
    press(window, "Ctrl+Shift+F")
    assert cell(window, 8, "flag") == "⚑"
    assert window.review.actions["undo"].text() == "&Undo Flag Task"
    assert stored_state(window.store.path, task_id(window, 8)).flagged
    window.review.flagged_filter.click()
    assert [window.table_model.task_row(r).number for r in range(window.table_model.rowCount())] == [8]
    assert window.named_actions["clear"].isEnabled()
    qtmodeltester.check(window.table_model)
    window.review.pane.flag_box.click()  # unflagged: the table follows the filter
    assert window.table_model.rowCount() == 0 and window.empty_bar.isVisible()
    window.named_actions["clear"].trigger()
    assert not window.review.flagged_filter.isChecked() and window.table_model.rowCount() == 100


def test_review_filters_combine_with_the_others_and_clear_filters_clears_them(qtbot, window):
    for number, status in ((2, "status-reviewed"), (30, "status-reviewed"), (31, "status-in-review")):
        choose_task(qtbot, window, number)
        window.review.actions[status].trigger()
    status_filter = window.review.status_filter
    status_filter.setCurrentIndex(status_filter.findData(REVIEWED))
    assert window.table_model.rowCount() == 2
    window.search_box.setText(window.store.task(task_id(window, 30)).text.split()[0])
    window.search_box.returnPressed.emit()
    assert 30 in [window.table_model.task_row(r).number for r in range(window.table_model.rowCount())]
    window.clear_filters()
    assert status_filter.currentIndex() == 0 and window.table_model.rowCount() == 100
    window.review.mine_filter.click()
    assert sorted(window.table_model.task_row(r).number for r in range(window.table_model.rowCount())) == [2, 30, 31]


# Notes ---------------------------------------------------------------------------------------------------
def test_add_edit_and_delete_own_notes_then_undo_brings_them_back(qtbot, window, qtmodeltester):
    minutes = itertools.count()  # every edit a minute after the one before
    window.session.reviews._clock = lambda: datetime(2026, 3, 2, 9, tzinfo=timezone.utc) + timedelta(minutes=next(minutes))
    choose_task(qtbot, window, 12)
    write_note(qtbot, window, "Check the deadline")
    assert cell(window, 12, "notes") == "1"
    [shown] = pane_notes(window)
    assert shown.startswith("Ann · written ") and shown.endswith("\nCheck the deadline")
    assert window.review.pane.editor.toPlainText() == ""
    [note] = stored_notes(window.store.path)
    assert (note.text, note.author) == ("Check the deadline", ANN)

    pane = window.review.pane
    choose_note(window, "Check the deadline")
    assert pane.edit_button.isEnabled() and pane.delete_button.isEnabled()
    click_button(qtbot, pane.edit_button)
    assert pane.editor.toPlainText() == "Check the deadline"
    pane.editor.selectAll()
    qtbot.keyClicks(pane.editor, "Check the 2020 deadline")
    click_button(qtbot, pane.save_button)
    assert pane_notes(window)[0].endswith("\nCheck the 2020 deadline") and ", edited " in pane_notes(window)[0]
    assert stored_notes(window.store.path)[0].text == "Check the 2020 deadline"

    choose_note(window, "Check the 2020 deadline")
    click_button(qtbot, pane.delete_button)
    assert pane_notes(window) == [] and cell(window, 12, "notes") == ""
    assert stored_notes(window.store.path) == [] and stored_notes(window.store.path, include_deleted=True)
    qtmodeltester.check(window.table_model)

    stack = window.review.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Add Note", "Edit Note", "Delete Note"]
    press(window, QKeySequence.StandardKey.Undo)
    assert pane_notes(window)[0].endswith("\nCheck the 2020 deadline") and cell(window, 12, "notes") == "1"
    assert "edited 2026-03-02" in pane_notes(window)[0]  # back as it was, with its time
    assert stored_notes(window.store.path)[0].text == "Check the 2020 deadline"
    window.review.actions["undo"].trigger()
    assert stored_notes(window.store.path)[0].text == "Check the deadline"
    assert ", edited" not in pane_notes(window)[0]  # undoing the edit does not mark the note edited
    window.review.actions["undo"].trigger()
    assert pane_notes(window) == [] and stored_notes(window.store.path) == []
    for _ in range(3):
        window.review.actions["redo"].trigger()
    assert pane_notes(window) == [] and cell(window, 12, "notes") == ""
    window.review.actions["undo"].trigger()
    assert stored_notes(window.store.path)[0].text == "Check the 2020 deadline"


def test_the_add_note_action_puts_the_cursor_in_the_editor(qtbot, window):
    choose_task(qtbot, window, 1)
    press(window, "Ctrl+Shift+N")
    qtbot.waitUntil(window.review.pane.editor.hasFocus)


def test_ctrl_enter_in_the_editor_adds_the_note(qtbot, window):
    choose_task(qtbot, window, 1)
    press(window, "Ctrl+Shift+N")
    qtbot.waitUntil(window.review.pane.editor.hasFocus)
    qtbot.keyClick(window.review.pane.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored_notes(window.store.path) == []  # nothing written: nothing added
    qtbot.keyClicks(window.review.pane.editor, "Ask the ministry")
    qtbot.keyClick(window.review.pane.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [n.text for n in stored_notes(window.store.path)] == ["Ask the ministry"]
    assert window.review.pane.editor.toPlainText() == ""


def test_a_note_begun_waits_for_its_task(qtbot, window):
    choose_task(qtbot, window, 1)
    qtbot.keyClicks(window.review.pane.editor, "half a thought")
    choose_task(qtbot, window, 2)
    assert window.review.pane.editor.toPlainText() == ""
    choose_task(qtbot, window, 1)
    assert window.review.pane.editor.toPlainText() == "half a thought"
    assert stored_notes(window.store.path) == []


def test_another_authors_note_is_read_only(qtbot, window, dialogs):
    bob_note = ReviewStore(window.store).add_note(task_id(window, 6), "Bob's remark", "Bob")
    choose_task(qtbot, window, 6)
    choose_note(window, "Bob's remark")
    pane = window.review.pane
    assert not pane.edit_button.isEnabled() and not pane.delete_button.isEnabled()
    assert pane.edit_button.toolTip() == "Only Bob can change this note."
    window.review.edit_note(bob_note.id, "changed by Ann")  # were the buttons enabled anyway
    [(kind, title, text)] = dialogs
    assert (kind, title) == ("warning", "Review")
    assert text == f"The change was not made.\n\nNote {bob_note.id} was written by Bob; only its author can change it."
    assert stored_notes(window.store.path)[0].text == "Bob's remark"
    assert window.review.undo_stack.count() == 0


# Review files ---------------------------------------------------------------------------------------------
def test_export_my_review_suggests_a_name_and_writes_the_file(qtbot, window, tmp_path, monkeypatch):
    choose_task(qtbot, window, 4)
    write_note(qtbot, window, "Exported note")
    suggested = []
    target = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, path, filters: suggested.append(path) or (str(target), filters))
    window.review.actions["export"].trigger()
    assert re.fullmatch(r"review-Ann-\d{4}-\d{2}-\d{2}\.json", Path(suggested[0]).name)
    content = json.loads(target.read_text("utf-8"))["content"]
    assert content["reviewer"] == ANN and [n["text"] for n in content["notes"]] == ["Exported note"]
    assert "mine.json" in window.statusBar().currentMessage()
    window.review.actions["export"].trigger()  # the next export starts in the same folder
    assert Path(suggested[1]).parent == tmp_path


def test_importing_a_colleagues_review_shows_her_notes_and_statuses(qtbot, window, tmp_path, dialogs,
                                                                    monkeypatch, qtmodeltester):
    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        reviews.add_note(task_id(window, 7), "Bob was here", "Bob")
        reviews.set_state(task_id(window, 7), "Bob", status=REVIEWED, flagged=True)
        reviews.export_review(PLAN, tmp_path / "bob.json", reviewer="Bob")
    choose_task(qtbot, window, 7)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args: (str(tmp_path / "bob.json"), "Review files (*.json)"))
    model = window.table_model
    with qtbot.waitSignal(model.dataChanged, check_params_cb=lambda first, last, roles: (
            first.row() == 0 and last.row() == model.rowCount() - 1 and Qt.ItemDataRole.DisplayRole in roles)):
        window.review.actions["import"].trigger()
        assert not window.review.actions["import"].isEnabled()  # until the worker is done
        assert not window.named_actions["open"].isEnabled() and not window.named_actions["import"].isEnabled()
    qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert (kind, title) == ("information", "Import Review")
    assert text == "Merged from “bob.json”: 1 note, 1 status.\n\nSigned by Ann."  # who exported it here
    assert cell(window, 7, "notes") == "1" and pane_notes(window)[0].endswith("\nBob was here")
    assert cell(window, 7, "status") == "Not reviewed"  # Ann's own status
    assert cell(window, 7, "status", Qt.ItemDataRole.ToolTipRole) == "Bob: Reviewed"
    assert cell(window, 7, "flag") == "⚐" and cell(window, 7, "flag", Qt.ItemDataRole.ToolTipRole) == "Flagged by Bob"
    assert window.review.actions["import"].isEnabled() and window.named_actions["open"].isEnabled()
    qtmodeltester.check(model)


def test_colleagues_side_by_side_in_the_pane_the_reviewers_column_and_the_filters(qtbot, window, tmp_path,
                                                                                   dialogs):
    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        for number, status in ((7, REVIEWED), (8, NEEDS_FOLLOW_UP)):
            reviews.set_state(task_id(window, number), "Bob", status=status, flagged=number == 8)
        reviews.set_state(task_id(window, 7), "Cy", status=NEEDS_FOLLOW_UP)
        reviews.export_review(PLAN, tmp_path / "team.json")
    choose_task(qtbot, window, 7)
    window.review.set_status(IN_REVIEW)
    window.review.import_review(tmp_path / "team.json")
    qtbot.waitUntil(lambda: bool(dialogs))
    label = window.review.pane.reviewers_label
    assert label.isVisibleTo(window)
    plain = re.sub(r"<[^>]+>", "", label.text()).replace("&nbsp;", " ")
    assert plain == "Reviewers: Ann (you):  In review  · Bob:  Reviewed  · Cy:  Needs follow-up "
    choose_task(qtbot, window, 8)
    assert "Bob:  Needs follow-up  ⚑ flagged" in re.sub(r"<[^>]+>", "", label.text()).replace("&nbsp;", " ")

    header = window.table.horizontalHeader()
    column = window.table_model.column_of("reviewers")
    assert header.isSectionHidden(column)  # shown from View ▸ Columns
    assert cell(window, 7, "reviewers") == "1 needs follow-up · 1 reviewed · 1 in review"
    assert cell(window, 8, "reviewers") == "1 needs follow-up"
    assert cell(window, 9, "reviewers") == ""

    whose = window.review.whose_filter
    assert [whose.itemText(i) for i in range(whose.count())] == [
        "My status", "Anyone's status", "Bob's status", "Cy's status"]
    window.review.status_filter.setCurrentIndex(window.review.status_filter.findData(NEEDS_FOLLOW_UP))
    assert table_numbers(window) == []  # Ann's own: none
    whose.setCurrentIndex(whose.findData("Bob"))
    assert table_numbers(window) == [8]
    whose.setCurrentIndex(whose.findData("Cy"))
    assert table_numbers(window) == [7]
    whose.setCurrentIndex(whose.findData(EVERYONE))
    assert table_numbers(window) == [7, 8]
    window.clear_filters()
    assert whose.currentIndex() == 0 and len(table_numbers(window)) == 100


def test_a_slow_merge_shows_its_progress_and_only_then(qtbot, window, tmp_path, dialogs, monkeypatch):
    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        reviews.add_note(task_id(window, 7), "Bob was here", "Bob")
        reviews.export_review(PLAN, tmp_path / "bob.json", reviewer="Bob")
    release = threading.Event()
    merge = ReviewStore.import_review
    monkeypatch.setattr(ReviewStore, "import_review", lambda *args: release.wait(10) and merge(*args))
    try:
        window.review.import_review(tmp_path / "bob.json")
        progress = window.findChild(QProgressDialog)
        assert not progress.isVisible()
        qtbot.waitUntil(progress.isVisible)
        assert progress.labelText() == "Merging bob.json…"
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(dialogs))
    assert all(not p.isVisible() for p in window.findChildren(QProgressDialog))
    assert dialogs[0][2] == "Merged from “bob.json”: 1 note, 0 statuses.\n\nSigned by Ann."


@pytest.fixture
def altered_file(window, tmp_path) -> Path:
    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        reviews.add_note(task_id(window, 7), "Bob was here", "Bob")
        reviews.export_review(PLAN, tmp_path / "bob.json", reviewer="Bob")
    path = tmp_path / "bob.json"
    path.write_text(path.read_text("utf-8").replace("Bob was here", "Bob was not here"), "utf-8")
    return path


@pytest.fixture
def other_plan_file(window, tmp_path, sample_result) -> Path:
    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        other = copy.deepcopy(sample_result)
        other.plan.title += " (revised)"
        plan_id = store.import_plan(other).plan_id
        reviews.add_note(store.task_id_by_number(plan_id, 1), "on the revised plan", "Bob")
        reviews.export_review(plan_id, tmp_path / "other.json")
    return tmp_path / "other.json"


@pytest.mark.parametrize("file, problem", [("altered_file", "was altered or damaged after export"),
                                           ("other_plan_file", "is a review of another plan")])
def test_a_refused_review_file_is_a_clear_message_and_changes_nothing(qtbot, window, dialogs, request, file,
                                                                       problem):
    path = request.getfixturevalue(file)
    window.review.import_review(path)
    qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert (kind, title) == ("critical", "Import Review") and str(path) in text and problem in text
    assert stored_notes(window.store.path, include_deleted=True) == []
    assert window.review.actions["import"].isEnabled()


def test_a_conflict_shows_both_versions_and_the_reviewer_keeps_one(qtbot, window, tmp_path, dialogs,
                                                                    qtmodeltester, monkeypatch):
    choose_task(qtbot, window, 9)
    write_note(qtbot, window, "first draft")
    store, reviews = colleague_copy(window, tmp_path / "laptop.sqlite")
    with closing(store), monkeypatch.context() as on_the_laptop:  # Ann edits the same note on her laptop too
        on_the_laptop.setattr(socket, "gethostname", lambda: "ann-laptop")
        [note] = reviews.notes(PLAN)
        reviews.edit_note(note.id, "laptop version", ANN)
        reviews.export_review(PLAN, tmp_path / "laptop.json")
    pane = window.review.pane
    choose_note(window, "first draft")
    click_button(qtbot, pane.edit_button)
    pane.editor.setPlainText("desktop version")
    click_button(qtbot, pane.save_button)

    window.review.import_review(tmp_path / "laptop.json")
    qtbot.waitUntil(lambda: bool(dialogs))
    assert dialogs[0][2] == ("Merged from “laptop.json”: 1 note, 0 statuses.\n\n1 conflict to settle, in task 9. "
                             "The Conflicts filter now shows them; choose the version to keep of each.\n\nSigned by Ann.")
    assert window.review.conflicts_filter.isChecked() and table_numbers(window) == [9]
    assert "Task 9" in window.detail.toPlainText()  # the window went to it
    window.review.conflicts_filter.setChecked(False)  # settled, it would leave the Conflicts filter
    assert len(table_numbers(window)) == 100 and "Task 9" in window.detail.toPlainText()
    assert cell(window, 9, "notes") == "1 ⚠"
    assert cell(window, 9, "notes", Qt.ItemDataRole.ToolTipRole) == "1 note with a conflict to settle"
    assert "conflict to settle" in pane_notes(window)[0]
    choose_note(window, pane_notes(window)[0].split("\n")[1])
    assert pane.conflict_page.isVisibleTo(window)
    versions = [pane.versions_list.item(r).text() for r in range(pane.versions_list.count())]
    labels = dict(reversed(v.split(":\n")) for v in versions)
    assert sorted(labels) == ["desktop version", "laptop version"]
    assert re.fullmatch(r"Ann on ann-laptop, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d", labels["laptop version"])
    assert labels["desktop version"].startswith(f"Ann on {socket.gethostname()}, ")
    assert not pane.keep_button.isEnabled()
    pane.versions_list.setCurrentRow(next(r for r, v in enumerate(versions) if v.endswith("laptop version")))
    click_button(qtbot, pane.keep_button)
    [kept] = stored_notes(window.store.path)
    assert (kept.text, kept.conflicts) == ("laptop version", ())
    assert cell(window, 9, "notes") == "1" and not pane.conflict_page.isVisibleTo(window)
    assert window.review.actions["undo"].text() == "&Undo Resolve Conflict"
    window.review.actions["undo"].trigger()
    assert len(stored_notes(window.store.path)[0].conflicts) == 1 and cell(window, 9, "notes") == "1 ⚠"
    choose_note(window, stored_notes(window.store.path)[0].text)
    assert pane.conflict_page.isVisibleTo(window)
    press(window, "Ctrl+Shift+N")  # a new note: the editor takes the versions' place
    qtbot.waitUntil(pane.editor.hasFocus)
    assert not pane.conflict_page.isVisibleTo(window) and pane.chosen_note_id() is None
    qtmodeltester.check(window.table_model)


# Identity and switching ----------------------------------------------------------------------------------
def test_the_reviewer_identity_is_asked_kept_and_shared_with_the_command_line(qtbot, window, capsys):
    dialog = window.review.ask_identity()
    assert dialog.isVisible() and dialog.name_edit.text() == ANN
    dialog.name_edit.setText("Carol")
    dialog.department_combo.setCurrentIndex(dialog.department_combo.findData(CNIPA))
    dialog.accept()
    assert window.review.reviewer_label.text() == f"Reviewer: Carol ({CNIPA})"
    assert stored_identity() == Identity("Carol", CNIPA)  # once, in the user's data folder
    assert "review/reviewer" not in Settings().qsettings.allKeys()  # not in the window's settings
    capsys.readouterr()
    assert cli.main(["review", "whoami", "--db", str(window.store.path)]) == 0
    assert capsys.readouterr().out.strip() == "Carol"
    choose_task(qtbot, window, 2)
    write_note(qtbot, window, "by Carol")
    assert pane_notes(window)[0].startswith("Carol · ")


def test_a_first_start_asks_who_reviews_once(open_window, sample_db):
    window = open_window(sample_db)  # no reviewer chosen yet
    window.review.ask_identity_if_unknown()
    dialog = window.findChild(ReviewerDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Reviewer Identity"
    dialog.name_edit.setText("Dora")
    dialog.accept()
    window.review.ask_identity_if_unknown()
    assert not any(d.isVisible() for d in window.findChildren(ReviewerDialog))
    assert window.review.reviewer == "Dora"


def test_switching_database_clears_the_undo_history(qtbot, window, tmp_path):
    choose_task(qtbot, window, 5)
    window.review.actions["status-reviewed"].trigger()
    other, _ = colleague_copy(window, tmp_path / "other.sqlite")
    other.close()
    assert window.open_database(tmp_path / "other.sqlite")
    assert window.review.undo_stack.count() == 0
    assert window.review.progress_label.text() == "1 of 100 reviewed"
    assert window.review.pane.notes_list.count() == 0 and not window.review.pane.status_combo.isEnabled()


# The models alone ------------------------------------------------------------------------------------------
def test_the_table_model_narrows_by_review_and_keeps_its_order(store, qtmodeltester):
    reviews = ReviewStore(store)
    flagged = [store.task_id_by_number(PLAN, n) for n in (40, 3, 77)]
    for task in flagged:
        reviews.set_state(task, ANN, flagged=True)
    reviews.add_note(flagged[0], "a note", "Bob")
    model = TaskTableModel(PlanSession(store, PLAN))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter(TaskFilter(review=ReviewFilter(flagged=True, reviewer=ANN)))
    qtmodeltester.check(model)
    assert [model.task_row(r).number for r in range(model.rowCount())] == [77, 40, 3]
    model.set_filter(TaskFilter(review=ReviewFilter(flagged=True, has_notes=True, reviewer=ANN)))
    assert [model.task_row(r).number for r in range(model.rowCount())] == [40]
    assert not TaskFilter(review=ReviewFilter(has_notes=True)).is_empty() and ReviewFilter().is_empty()


def test_the_departments_model_shows_and_sorts_by_progress(store, qtmodeltester):
    model = DepartmentsModel(PlanSession(store, PLAN))
    assert model.data(model.index(0, model.REVIEWED)) is None  # until the review module says
    progress = {model.row_id(row): (row % 3, 5) for row in range(model.rowCount())}
    model.set_progress(progress)
    qtmodeltester.check(model)
    assert model.data(model.index(1, model.REVIEWED)) == "1/5"
    model.sort(model.REVIEWED, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.data(model.index(0, model.REVIEWED)) == "2/5"
