"""Damaged databases: every one is detected, worded as damage, never shown as data and never changed."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter

import pytest
from PySide6.QtWidgets import QMessageBox

from data.errors import DamagedDatabaseError, DatabaseError
from data.review import ReviewStore
from data.store import PlanStore
from desktop.cli import main

from .damaged_databases import build_corpus

READS = [("plans",), ("dump",), ("review", "list")]
KINDS = {"truncated", "page-overwritten", "page-header-overwritten", "header-zeroed", "wal-damaged",
         "wal-header-damaged", "wal-removed", "foreign-wal"}


@pytest.fixture(scope="session")
def clean_db(tmp_path_factory, _sample_db_template):
    """The sample plan with notes and statuses, closed cleanly (no -wal)."""
    path = tmp_path_factory.mktemp("clean") / "plans.sqlite"
    shutil.copy(_sample_db_template, path)
    with PlanStore(path) as store:
        reviews = ReviewStore(store)
        for number in range(1, 41):
            task = store.task_id_by_number(1, number)
            reviews.add_note(task, f"note on task {number}", author="ana")
            reviews.set_state(task, "ana", status="reviewed")
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, clean_db):
    return build_corpus(clean_db, tmp_path_factory.mktemp("damaged"))


def test_the_corpus_holds_every_kind_of_damage(corpus):
    kinds = Counter(damaged.kind for damaged in corpus)
    assert len(corpus) >= 150
    assert set(kinds) == KINDS, kinds


def test_every_damaged_database_is_refused_by_every_read_and_left_unchanged(corpus, capsys):
    missed = []
    for damaged in corpus:
        before = damaged.digest()
        for command in READS:
            status = main([*command, "--db", str(damaged.path)])
            _, err = capsys.readouterr()
            if status != 2 or "damaged" not in err or str(damaged.path) not in err:
                missed.append((damaged.kind, damaged.path.parent.name, command, status, err))
        assert damaged.digest() == before, damaged.path  # the file and its -wal, byte for byte
    assert missed == []


def test_a_damaged_file_is_copied_aside_untouched(corpus):
    damaged = next(d for d in corpus if d.kind == "wal-damaged")
    with pytest.raises(DamagedDatabaseError) as refused:
        PlanStore(damaged.path, create=False)
    copy = refused.value.copy
    assert copy.parent == damaged.path.parent / "damaged"
    assert copy.read_bytes() == damaged.path.read_bytes()
    assert copy.with_name(copy.name + "-wal").read_bytes() == damaged.path.with_name("plans.sqlite-wal").read_bytes()
    assert f"a copy is kept at {copy}" in refused.value.problem


def test_the_command_line_prints_one_line_and_no_traceback(corpus):
    """One database of each kind, through a real process."""
    for kind in sorted(KINDS):
        damaged = next(d for d in corpus if d.kind == kind)
        done = subprocess.run([sys.executable, "-m", "desktop.cli", "review", "list", "--db", str(damaged.path)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.startswith(f"plan-review: {damaged.path}: ") and "damaged" in done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr


def test_databases_a_crashed_writer_left_open_with_every_note(tmp_path, clean_db):
    """Not damage: a writer killed after its commits leaves them in the -wal; they are all read back."""
    from .damaged_databases import _crash_after_writes

    path = tmp_path / "plans.sqlite"
    shutil.copy(clean_db, path)
    _crash_after_writes(path, 25, "bo")
    assert path.with_name("plans.sqlite-wal").stat().st_size > 0
    with PlanStore(path, create=False, full_check=True) as store:
        notes = ReviewStore(store).notes(1)
    assert sum(note.author == "bo" for note in notes) == 25


def test_a_copied_database_keeps_its_own_log_apart(tmp_path, clean_db):
    """A database copied elsewhere and written there is no foreign log for itself."""
    path = tmp_path / "copy.sqlite"
    shutil.copy(clean_db, path)
    with PlanStore(path) as store:
        ReviewStore(store).add_note(store.task_id_by_number(1, 50), "in the copy", author="cy")
        with PlanStore(path, create=False) as second:  # another store of the same process
            assert len(ReviewStore(second).notes(1)) == 41
    with PlanStore(path, create=False) as reopened:
        assert len(ReviewStore(reopened).notes(1)) == 41


def test_the_check_command_runs_the_full_check(clean_db, tmp_path, capsys):
    path = tmp_path / "plans.sqlite"
    shutil.copy(clean_db, path)
    assert main(["check", "--db", str(path)]) == 0
    assert "no damage found" in capsys.readouterr().out


def test_the_window_shows_a_dialog_at_start_on_a_damaged_database(corpus, qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.app import run_window

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *rest:
                        shown.append(text) or QMessageBox.StandardButton.Ok)
    for kind in sorted(KINDS):
        damaged = next(d for d in corpus if d.kind == kind)
        before = damaged.digest()
        assert run_window(damaged.path) == 2
        assert str(damaged.path) in shown[-1] and "damaged" in shown[-1]
        assert damaged.digest() == before
    assert len(shown) == len(KINDS)


def test_an_empty_file_is_refused_and_not_made_a_database(tmp_path):
    path = tmp_path / "plans.sqlite"
    path.write_bytes(b"")
    with pytest.raises(DatabaseError, match="is empty"):
        PlanStore(path)
    assert path.read_bytes() == b""


def test_a_last_transaction_torn_by_a_kill_is_no_damage(tmp_path, clean_db):
    """Killed between writing a frame's header and its page, the writer leaves a last commit frame that fails
    its checksum: SQLite drops that transaction (never reported saved), and the file opens."""
    from .damaged_databases import FRAME_SIZE, _crash_after_writes, _overwrite, _wal_frames

    path = tmp_path / "plans.sqlite"
    shutil.copy(clean_db, path)
    _crash_after_writes(path, 10, "bo")
    wal = path.with_name("plans.sqlite-wal")
    last = _wal_frames(path) - 1
    _overwrite(wal, 32 + last * FRAME_SIZE + 24, bytes(4096))  # its page never written
    with PlanStore(path, create=False) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        authors = [note.author for note in ReviewStore(store).notes(1)]
    assert authors.count("bo") == 10  # the torn transaction was the last status, not a note


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_the_window_offers_the_newest_sound_backup_of_a_damaged_database(tmp_path, clean_db, qtbot, monkeypatch,
                                                                         answer):
    from PySide6.QtCore import QSettings

    from desktop.app import run_window

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    path = tmp_path / "plans.sqlite"
    shutil.copy(clean_db, path)
    with PlanStore(path) as store:
        store.back_up("import")  # 40 notes
        damaged_backup = store.back_up("import")
        ReviewStore(store).add_note(store.task_id_by_number(1, 90), "after the backups", "ana")
    with damaged_backup.open("r+b") as handle:  # the newest backup is damaged too: the one before is offered
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 4096)
    before = path.read_bytes()
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x00" * 4096)
    damaged = path.read_bytes()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text) or getattr(
        QMessageBox.StandardButton, answer))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: QMessageBox.StandardButton.Ok)
    status = run_window(path, smoke=True)
    assert "is damaged" in asked[0] and "(40 notes, 40 statuses)" in asked[0]
    [kept] = (tmp_path / "damaged").glob("*.sqlite")
    assert kept.read_bytes() == damaged
    if answer == "No":
        assert status == 2 and path.read_bytes() == damaged
        return
    assert status == 0
    with PlanStore(path, create=False) as store:
        assert len(ReviewStore(store).notes(1)) == 40
