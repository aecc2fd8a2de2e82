"""Backups: made before every import, review merge, migration and restore, thinned out as they age, listed
and restored from the command line and the window."""
from __future__ import annotations

import gzip
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from data import backups
from data.errors import DatabaseError
from data.review import ReviewStore
from data.store import SCHEMA_VERSION, PlanStore
from desktop.backup_dialog import BackupDialog
from desktop.cli import main

from .test_reader import ANOTHER_YEAR
from .test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)


def notes_on_disk(path: Path) -> list[str]:
    with PlanStore(path, create=False) as store:
        return [note.text for note in ReviewStore(store).notes(1)]


def test_an_import_and_a_review_merge_each_keep_what_was_there_before(sample_db, tmp_path, capsys):
    assert main(["review", "note", "--task", "1", "first", "--db", str(sample_db)]) == 0
    plan = tmp_path / "plan-2023.txt"
    plan.write_text(ANOTHER_YEAR, encoding="utf-8")
    assert main(["import", str(plan), "--db", str(sample_db)]) == 0
    assert main(["review", "export", "-o", str(tmp_path / "r.json"), "--db", str(sample_db)]) == 0
    assert main(["review", "import", str(tmp_path / "r.json"), "--db", str(sample_db)]) == 0
    found = backups.list_backups(sample_db)
    assert [(b.reason, len(b.plans), b.notes) for b in found] == [("review-merge", 2, 1), ("import", 1, 1)]
    capsys.readouterr()
    assert main(["backup", "list", "--db", str(sample_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[2:4] for line in lines] == [
        ["before a review merge", "2 plan(s), 1 note(s), 0 status(es)"],
        ["before an import", "1 plan(s), 1 note(s), 0 status(es)"]]


def test_restoring_a_backup_brings_its_content_back_and_keeps_the_current_one(sample_db, tmp_path, capsys):
    main(["review", "note", "--task", "1", "kept", "--db", str(sample_db)])
    with PlanStore(sample_db) as store:
        store.back_up("import")
    main(["review", "note", "--task", "2", "later", "--db", str(sample_db)])
    capsys.readouterr()
    assert main(["backup", "restore", "1", "--db", str(sample_db)]) == 0
    assert "the content it replaced is kept as" in capsys.readouterr().out
    assert notes_on_disk(sample_db) == ["kept"]
    [before_restore, _] = backups.list_backups(sample_db)
    assert (before_restore.reason, before_restore.notes) == ("restore", 2)
    assert main(["backup", "restore", str(before_restore.path), "--db", str(sample_db)]) == 0  # undone
    assert notes_on_disk(sample_db) == ["kept", "later"]


def test_a_damaged_backup_is_refused_and_nothing_changes(sample_db, capsys):
    main(["review", "note", "--task", "1", "kept", "--db", str(sample_db)])
    with PlanStore(sample_db) as store:
        backup = store.back_up("import")
    with backup.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096)
    capsys.readouterr()
    assert main(["backup", "restore", "1", "--db", str(sample_db)]) == 2
    assert "is damaged" in capsys.readouterr().err
    assert notes_on_disk(sample_db) == ["kept"]
    assert len(backups.backup_paths(sample_db)) == 1  # no backup of a restore that did not happen
    assert main(["backup", "restore", "7", "--db", str(sample_db)]) == 2
    assert "no backup number 7" in capsys.readouterr().err


def test_an_upgrade_keeps_the_database_as_the_older_program_left_it(tmp_path):
    path = tmp_path / "plans.sqlite"
    path.write_bytes(gzip.decompress((Path(__file__).parent / "fixtures" / "release-0.1-schema-3.sqlite.gz")
                                     .read_bytes()))
    PlanStore(path, create=False).close()
    [backup] = backups.backup_paths(path)
    assert "-migration" in backup.name
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    with PlanStore(path, create=False) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_old_backups_are_thinned_out(sample_db):
    now = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)
    with PlanStore(sample_db) as store:
        for hours in reversed(range(0, 24 * 90, 6)):  # four a day for ninety days, oldest first
            backups.make_backup(store.conn, store.path, "import", now=now - timedelta(hours=hours))
    kept = [backups._made(path, sample_db)[0] for path in backups.backup_paths(sample_db)]
    assert kept[:10] == [now - timedelta(hours=6 * i) for i in range(10)]  # the newest ten
    days = {made.date() for made in kept if now - made < timedelta(days=7)}
    assert {(now - timedelta(days=i)).date() for i in range(7)} <= days  # each of the last seven days
    older = [made for made in kept if now - made >= timedelta(days=7)]
    assert len({made.isocalendar()[:2] for made in older}) == len(older)  # then one a week
    assert all(now - made < timedelta(weeks=8) for made in kept)
    assert len(kept) < 30


def test_a_backup_at_start_only_when_something_changed(sample_db):
    with PlanStore(sample_db) as store:
        first = backups.back_up_if_changed(store.conn, store.path)
        assert first is not None and backups.back_up_if_changed(store.conn, store.path) is None
        ReviewStore(store).add_note(store.task_id_by_number(1, 3), "new", "ann")
        assert backups.back_up_if_changed(store.conn, store.path) is not None


def test_the_window_backs_up_after_a_stretch_of_edits_and_not_while_nothing_changes(qtbot, open_window, sample_db,
                                                                                      monkeypatch):
    """A reviewer writing notes all afternoon gets a backup every half hour (here every 300 ms), never one
    when nothing changed since the last."""
    monkeypatch.setattr("desktop.main_window.BACKUP_EVERY_MS", 300)
    with PlanStore(sample_db) as store:
        backups.back_up_if_changed(store.conn, store.path)  # the backup at start
    window = open_window(sample_db)
    window.choose_task(window.store.task_id_by_number(1, 3))
    window.review.add_note("written after the backup at start")

    def reasons() -> list[str]:
        return [backup.reason for backup in backups.list_backups(sample_db)]

    qtbot.waitUntil(lambda: reasons()[:1] == ["interval"], timeout=5000)
    qtbot.wait(1000)  # three more intervals with nothing changed
    assert reasons() == ["interval", "start"]
    newest = backups.list_backups(sample_db)[0]
    assert newest.notes == 1 and str(newest.reason_text) == "after a stretch of edits"


def test_a_backup_that_cannot_be_written_stops_the_change(sample_db, tmp_path, monkeypatch):
    plan = tmp_path / "plan-2023.txt"
    plan.write_text(ANOTHER_YEAR, encoding="utf-8")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.os, "replace", full_disk)
    with PlanStore(sample_db) as store:
        from data.importing import read_plan

        with pytest.raises(DatabaseError, match="cannot be backed up before this change"):
            read_plan(plan).store_into(store)
        assert len(store.plans()) == 1


def test_the_window_restores_a_backup_chosen_in_its_dialog(qtbot, open_window, sample_db, dialogs):  # noqa: F811
    window = open_window(sample_db)
    with PlanStore(sample_db, create=False) as other:
        ReviewStore(other).add_note(other.task_id_by_number(1, 1), "before", "ann")
        other.back_up("import")
        ReviewStore(other).add_note(other.task_id_by_number(1, 1), "after", "ann")
    dialog = BackupDialog(sample_db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "1"
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled() and dialog.chosen().notes == 1
    assert window.restore_backup(dialog.chosen().path)
    assert notes_on_disk(sample_db) == ["before"]
    qtbot.waitUntil(lambda: window.table_model.data(window.table_model.index(0, window.table_model.column_of(
        "notes"))) == "1")
    assert "Restored" in window.statusBar().currentMessage() and dialogs == []
    assert window.named_actions["restore"] in window.menus["file"].actions()
