"""A full disk: a save or an export that meets it says so in one line (a dialog in the window), leaves the
file it would have replaced as it was, no temporary file, and loses nothing saved before."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from data.errors import DatabaseError
from data.review import ReviewStore
from data.store import PlanStore

from .test_review_window import task_id, window  # noqa: F401 (a fixture)
from .test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)

# Runs the command line with every temporary file it writes failing after 20 KB as a full disk fails.
FULL_DISK = textwrap.dedent("""
    import builtins, errno, io, sys
    real_open = io.open

    class FullDisk:
        def __init__(self, handle):
            self._handle, self._written = handle, 0
        def write(self, data):
            self._written += len(data)
            if self._written > 20_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._handle.write(data)
        def __getattr__(self, name):
            return getattr(self._handle, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self._handle.close()

    def full_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return FullDisk(handle) if "w" in mode and str(file).endswith(".part") else handle

    builtins.open = io.open = full_open
    from desktop.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("command", [
    ["export", "--format", "xlsx", "--all", "-o", "{out}.xlsx"],
    ["export", "--format", "pdf", "--all", "-o", "{out}.pdf"],
    ["review", "report", "--format", "xlsx", "-o", "{out}.xlsx"],
    ["review", "export", "-o", "{out}.json"],
], ids=["sheets xlsx", "sheets pdf", "review report", "review file"])
def test_an_export_on_a_full_disk_says_so_in_one_line_and_keeps_the_old_file(sample_db, tmp_path, command):
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        for number in range(1, 60):
            reviews.add_note(store.task_id_by_number(1, number), f"note {number} " + "words " * 40, "ann")
    argv = [part.replace("{out}", str(tmp_path / "out")) for part in command]
    target = tmp_path / argv[-1]
    target.write_text("the export before", "utf-8")
    done = subprocess.run([sys.executable, "-c", FULL_DISK, "--db", str(sample_db), *argv], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == f"plan-review: {target}: cannot be written: the disk is full\n"  # and no traceback
    assert target.read_text("utf-8") == "the export before"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out" + target.suffix, sample_db.name])


def full(store: PlanStore) -> None:
    """The database may grow no more (SQLite then fails as on a full disk)."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_a_save_on_a_full_disk_fails_clearly_and_keeps_what_was_saved(sample_db):
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        reviews.add_note(store.task_id_by_number(1, 1), "saved before", "ann")
        full(store)
        with pytest.raises(DatabaseError, match="cannot be written: the disk is full"):
            with store.transaction():  # an edit that needs new pages
                for number in range(1, 101):
                    reviews.add_note(store.task_id_by_number(1, number), "words " * 200, "ann")
        assert [note.text for note in reviews.notes(1)] == ["saved before"]
    with PlanStore(sample_db) as store:
        assert [note.text for note in ReviewStore(store).notes(1)] == ["saved before"]


def test_the_window_shows_a_full_disk_and_keeps_the_note_being_written(qtbot, window, dialogs):  # noqa: F811
    window.choose_task(task_id(window, 3))
    window.review.add_note("saved before")
    full(window.store)
    pane = window.review.pane
    pane.editor.setPlainText("words " * 2000)
    window.review.add_note(pane.editor.toPlainText())
    [(kind, _title, text)] = dialogs
    assert kind == "critical" and "the disk is full" in text
    assert pane.editor.toPlainText() == "words " * 2000  # not lost: it can be saved once there is room
    with PlanStore(window.store.path, create=False) as store:
        assert [note.text for note in ReviewStore(store).notes(1)] == ["saved before"]
