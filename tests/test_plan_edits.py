"""Correcting a stored plan in the window: Plan ▸ Edit Task… (one undoable step; remembered as a correction,
in the dump and in the plan's fingerprint) and Plan ▸ Remove Plan… (asks, keeps a copy of the database)."""
from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from data import json_format
from data.identity import Identity, store_identity
from data.backups import backup_paths
from data.review import ReviewStore
from data.store import PlanStore
from desktop.cli import main
from desktop.main_window import MainWindow
from desktop.plan_controller import EditTaskDialog

from .test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)

CNIPA = "China National Intellectual Property Administration"
FINANCE = "Ministry of Finance"


@pytest.fixture(autouse=True)
def reviewer(settings_folder):
    """Li Wei reviews in every window of these tests."""
    store_identity(Identity("Li Wei"))


def shown_row(window: MainWindow, number: int) -> dict[str, str]:
    model = window.table_model
    row = next(r for r in range(model.rowCount()) if model.task_row(r).number == number)
    return {column.key: model.index(row, i).data() for i, column in enumerate(model.columns)}


def department_counts(window: MainWindow) -> dict[str, tuple[str, str]]:
    """Lead and participant counts the departments panel shows, by official name (the panel may abbreviate)."""
    model = window.departments_model
    return {model.department(r).name: (model.index(r, 1).data(), model.index(r, 2).data())
            for r in range(model.rowCount())}


def edit_task(qtbot, window: MainWindow, number: int, departments: str, deadline: str) -> None:
    window.choose_task(window.store.task_id_by_number(window.plan_id, number))
    window.named_actions["edit_task"].trigger()
    dialog = window.findChild(EditTaskDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.departments_edit.clear()
    qtbot.keyClicks(dialog.departments_edit, departments)
    qtbot.keyClicks(dialog.deadline_edit, deadline)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_edit_task_changes_every_view_and_is_one_undoable_step(qtbot, open_window, sample_db, qtmodeltester,
                                                                reviewer):
    window = open_window(sample_db)
    before_row, before_counts = shown_row(window, 1), department_counts(window)
    fingerprint = window.store.plan_info(1).fingerprint
    edit_task(qtbot, window, 1, "CNIPA; Ministry of Finance; Office of Lunar Affairs", "end of 2020")
    row = shown_row(window, 1)
    assert row["lead"] == CNIPA and row["participants"] == f"{FINANCE}; Office of Lunar Affairs"
    assert "end of 2020" in window.detail.toPlainText()
    counts = department_counts(window)
    assert counts["Office of Lunar Affairs"] == ("0", "1")
    assert int(counts[CNIPA][0]) == int(before_counts[CNIPA][0]) + (before_row["lead"] != CNIPA)
    qtmodeltester.check(window.departments_model)
    assert window.store.plan_info(1).fingerprint != fingerprint
    [correction] = window.store.corrections(1)
    assert correction.task_number == 1 and correction.author == "Li Wei"
    assert correction.change.startswith(f"departments: {before_row['lead']}") and "deadline: - → end of 2020" in correction.change

    history = window.review.undo_stack
    assert history.undoText() == "Edit Task"
    history.undo()
    assert shown_row(window, 1) == before_row and department_counts(window) == before_counts
    assert "Office of Lunar Affairs" not in department_counts(window)
    assert window.store.plan_info(1).fingerprint == fingerprint
    history.redo()
    assert shown_row(window, 1) == row
    qtmodeltester.check(window.departments_model)


def test_an_edited_task_survives_a_restart_and_the_dump_names_the_correction(qtbot, open_window, sample_db,
                                                                              capsys, reviewer):
    window = open_window(sample_db)
    edit_task(qtbot, window, 2, "Ministry of Finance", "")
    window.close()
    reopened = open_window(sample_db)
    assert shown_row(reopened, 2)["lead"] == FINANCE and shown_row(reopened, 2)["participants"] == ""
    reopened.close()
    assert main(["dump", "--db", str(sample_db)]) == 0
    document = json.loads(capsys.readouterr().out)
    [correction] = document["corrections"]
    assert correction["task_number"] == 2 and correction["author"] == "Li Wei"
    task = document["plan"]["parts"][0]["sections"][0]["tasks"][1]
    assert task["departments"] == [{"name": FINANCE, "role": "lead"}]


def test_edit_task_needs_text_and_a_department(qtbot, open_window, sample_db):
    window = open_window(sample_db)
    window.choose_task(window.store.task_id_by_number(1, 3))
    window.named_actions["edit_task"].trigger()
    dialog = window.findChild(EditTaskDialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.departments_edit.clear()
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.departments_edit, "CNIPA")
    assert ok.isEnabled()
    dialog.text_edit.clear()
    assert not ok.isEnabled()


def second_plan(store: PlanStore) -> int:
    document = json.loads(json_format.dumps(store.load_plan(1)))
    document["plan"]["title"] = "A second plan"
    from data.json_format import plan_from_json
    from data.registry import default_registry

    return store.import_plan(plan_from_json(document, default_registry())).plan_id


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel])
def test_remove_plan_asks_keeps_a_copy_and_removes_the_plan_with_its_review(qtbot, open_window, sample_db,
                                                                           monkeypatch, answer):
    with PlanStore(sample_db) as store:
        plan_id = second_plan(store)
    window = open_window(sample_db)
    window.show_plan(plan_id)
    window.choose_task(window.store.task_id_by_number(plan_id, 1))
    ReviewStore(window.store).add_note(window.store.task_id_by_number(plan_id, 1), "check this", "Li Wei")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or answer)
    window.named_actions["remove_plan"].trigger()
    assert asked and "“A second plan” (100 tasks)" in asked[0]
    backups = [p for p in backup_paths(sample_db) if p.name.endswith("-removal.sqlite")]
    if answer == QMessageBox.StandardButton.Cancel:
        assert [p.id for p in window.store.plans()] == [1, 2] and not backups
        return
    assert [p.id for p in window.store.plans()] == [1] and window.plan_id == 1
    assert window.plan_combo.count() == 1 and "2020" in window.windowTitle()
    left = window.store.conn.execute("SELECT count(*) FROM tasks WHERE plan_id = 2").fetchone()[0]
    notes = window.store.conn.execute("SELECT count(*) FROM review_notes").fetchone()[0]
    assert left == 0 and notes == 0
    [backup] = backups
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT count(*) FROM plans").fetchone()[0] == 2
        assert copy.execute("SELECT count(*) FROM review_notes").fetchone()[0] == 1


def test_the_department_registry_is_exported_and_imported_from_the_file_menu(qtbot, open_window, sample_db,
                                                                             tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = open_window(sample_db)
    window.store.save_user_alias("知产局", CNIPA)
    shared = tmp_path / "departments.json"
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *rest: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(shared), ""))
    window.plan_edits.export_registry_action.trigger()
    assert json.loads(shared.read_text(encoding="utf-8"))["departments"] == [{"name": CNIPA, "aliases": ["知产局"]}]
    assert shown[-1].startswith("1 departments you added")
    other = tmp_path / "other.sqlite"
    PlanStore(other).close()
    assert window.open_database(other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(shared), ""))
    window.plan_edits.import_registry_action.trigger()
    assert shown[-1].startswith("0 new departments and 1 spellings were added")
    assert window.store.user_aliases() == {"知产局": CNIPA}
    menu = [action.text() for action in window.menus["file"].actions()]
    assert menu.index("&Import Plan…") + 1 == menu.index("Import Department Re&gistry…")


def test_an_unverified_department_is_merged_into_a_known_body(qtbot, open_window, sample_db, qtmodeltester):
    with PlanStore(sample_db) as store:
        document = json.loads(json_format.dumps(store.load_plan(1)))
        document["plan"]["title"] = "A second plan"
        tasks = document["plan"]["parts"][0]["sections"][0]["tasks"]
        tasks[0]["departments"].append({"name": "Lunar Patent Bureau", "role": "participant"})
        tasks[1]["departments"] = [{"name": "Lunar Patent Bureau", "role": "lead"},
                                   {"name": CNIPA, "role": "participant"}]
        from data.json_format import plan_from_json
        from data.registry import default_registry

        plan_id = store.import_plan(plan_from_json(document, default_registry())).plan_id
    window = open_window(sample_db)
    window.show_plan(plan_id)
    model = window.departments_model
    row = next(r for r in range(model.rowCount()) if model.department(r).name == "Lunar Patent Bureau")
    assert not model.department(row).verified
    window.departments_view.selectRow(row)
    dialog = window.plan_edits.merge_chosen_department()
    dialog.chooser.lineEdit().clear()
    qtbot.keyClicks(dialog.chooser.lineEdit(), "CNIPA")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "Lunar Patent Bureau" not in department_counts(window)
    assert shown_row(window, 2)["lead"] == CNIPA and shown_row(window, 2)["participants"] == ""
    assert CNIPA in shown_row(window, 1)["lead"] + shown_row(window, 1)["participants"]
    changes = [c.change for c in window.store.corrections(plan_id)]
    assert changes == [f"department Lunar Patent Bureau merged into {CNIPA}"]
    assert window.store.user_aliases() == {"Lunar Patent Bureau": CNIPA}
    assert window.store.find_department("Lunar Patent Bureau").name == CNIPA
    qtmodeltester.check(window.departments_model)


def test_colleagues_who_made_the_same_correction_exchange_reviews_and_others_do_not(tmp_path, sample_db):
    import shutil

    from data.errors import ReviewFileError
    from data.store import TaskContent

    mine, theirs, untouched = (tmp_path / f"{name}.sqlite" for name in ("mine", "theirs", "untouched"))
    for copy in (mine, theirs, untouched):
        shutil.copy(sample_db, copy)
    for path in (mine, theirs):
        with PlanStore(path) as store:
            task_id = store.task_id_by_number(1, 1)
            before = store.task_content(task_id)
            store.set_task_content(task_id, TaskContent(before.text, (FINANCE,), before.deadline), {}, "Li Wei")
    with PlanStore(mine) as store:
        ReviewStore(store).add_note(store.task_id_by_number(1, 1), "the lead is right now", "Li Wei")
        ReviewStore(store).export_review(1, tmp_path / "review.json")
    with PlanStore(theirs) as store:
        ReviewStore(store).import_review(1, tmp_path / "review.json")
        notes = store.conn.execute("SELECT text FROM review_notes").fetchall()
    assert [tuple(note) for note in notes] == [("the lead is right now",)]
    with PlanStore(untouched) as store, pytest.raises(ReviewFileError):
        ReviewStore(store).import_review(1, tmp_path / "review.json")


def test_a_merge_the_database_refuses_is_a_message_naming_the_database(open_window, sample_db, dialogs, monkeypatch):
    from data.errors import DatabaseError
    from data.registry import default_registry

    window = open_window(sample_db)

    def refuse(*args):
        raise DatabaseError(sample_db, "is locked by another program; close it and try again")

    monkeypatch.setattr(window.store, "merge_department", refuse)
    body = default_registry().find("Ministry of Finance")
    window.plan_edits._merge(window.store.departments(window.plan_id)[0].id, body)
    [(kind, title, text)] = dialogs
    assert kind == "critical" and str(sample_db) in text and "locked" in text
