"""Two programs on one database: the window's connections and command line calls lose nothing."""
from __future__ import annotations

import subprocess
import sys
from contextlib import closing

from data.review import ReviewStore
from data.store import PlanStore
from tests.test_reader import ANOTHER_YEAR
from tests.test_review_window import cell, colleague_copy, task_id, window  # noqa: F401 (a fixture)
from tests.test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)


def run_cli(db, *args):
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=60)


def test_a_second_store_in_the_same_process_keeps_the_first_ones_locks(sample_db):
    """Opening a second store (as the window does for a worker) must not drop the first one's locks:
    else the next program to close deletes the WAL under the window and its later writes are lost."""
    window = PlanStore(sample_db)
    try:
        review = ReviewStore(window)
        worker = PlanStore(sample_db, create=False)
        worker.close()
        saved = run_cli(sample_db, "review", "note", "--task", "1", "--reviewer", "cli", "from the command line")
        assert saved.returncode == 0, saved.stderr
        assert sample_db.with_name(sample_db.name + "-wal").exists()
        review.add_note(window.task_id_by_number(1, 2), "from the window", author="window")
        listed = run_cli(sample_db, "review", "list")
        assert listed.returncode == 0, listed.stderr
        assert "from the command line" in listed.stdout and "from the window" in listed.stdout
    finally:
        window.close()
    with PlanStore(sample_db, create=False) as reopened:
        texts = {r[0] for r in reopened.conn.execute("SELECT text FROM review_notes")}
    assert texts == {"from the command line", "from the window"}


def test_a_write_waits_for_another_programs_write_instead_of_failing(sample_db):
    """While another program holds the write lock for a moment, a command line note waits and is saved."""
    import sqlite3
    import threading
    import time

    holder = sqlite3.connect(sample_db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO review_settings (key, value) VALUES ('held', 'yes')")
    release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    saved = run_cli(sample_db, "review", "note", "--task", "3", "--reviewer", "cli", "after the wait")
    release.join()
    holder.close()
    assert saved.returncode == 0, saved.stderr
    assert time.monotonic() - started >= 1.0
    with PlanStore(sample_db, create=False) as store:
        assert store.conn.execute("SELECT count(*) FROM review_notes WHERE text = 'after the wait'").fetchone()[0] == 1


def test_two_programs_importing_one_plan_store_it_once(tmp_path):
    from data.paths import bundled_plan_path

    db = tmp_path / "plans.sqlite"
    runs = [subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(db), "import",
                              str(bundled_plan_path())], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outcomes = [run.communicate(timeout=60) + (run.returncode,) for run in runs]
    assert all(code == 0 for _, _, code in outcomes), outcomes
    with PlanStore(db, create=False) as store:
        assert len(store.plans()) == 1


CLI_WRITES = """
import subprocess, sys
db, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "review", "note", "--db", db, "--task",
                           str(1 + i % 4), "--reviewer", "cli", f"cli note {i}"], capture_output=True, text=True)
    print(done.stdout.strip() if done.returncode == 0 else "FAILED " + done.stderr.strip(), flush=True)
"""


def test_the_window_and_command_line_writes_all_survive_and_show(qtbot, window, dialogs, tmp_path):
    """While a loop of command line calls adds notes, the window adds its own: every note of both is saved,
    the window shows the command line's (it looks at PRAGMA data_version) and a later review import works."""
    writes = 12
    loop = subprocess.Popen([sys.executable, "-c", CLI_WRITES, str(window.store.path), str(writes)],
                            stdout=subprocess.PIPE, text=True)
    window_notes = []
    while loop.poll() is None and len(window_notes) < 40:
        number = 10 + len(window_notes) % 4
        window.choose_task(task_id(window, number))
        window.review.add_note(f"window note {len(window_notes)}")
        window_notes.append(f"window note {len(window_notes)}")
        qtbot.wait(80)
    assert window_notes  # the window wrote while the command line did
    cli_ids = loop.communicate(timeout=120)[0].splitlines()
    assert loop.returncode == 0 and len(cli_ids) == writes
    assert not [line for line in cli_ids if line.startswith("FAILED")]
    assert dialogs == []  # no edit of the window failed
    expected = {number: str(len(range(number - 1, writes, 4))) for number in range(1, 5)}
    qtbot.waitUntil(lambda: all(cell(window, number, "notes") == count for number, count in expected.items()))
    assert window.store.path.with_name("plans.sqlite-wal").exists()  # no other program removed it
    later = run_cli(window.store.path, "review", "set", "--task", "2", "--status", "reviewed", "--reviewer", "Ann")
    assert later.returncode == 0, later.stderr
    qtbot.waitUntil(lambda: cell(window, 2, "status") == "Reviewed")  # after the window's last edit
    qtbot.waitUntil(lambda: window.review.progress_label.text() == "1 of 100 reviewed")
    another = tmp_path / "plan-2023.txt"
    another.write_text(ANOTHER_YEAR, encoding="utf-8")
    assert run_cli(window.store.path, "import", str(another)).returncode == 0
    qtbot.waitUntil(lambda: window.plan_combo.count() == 2)  # the plan list shows it; the plan shown stays
    assert window.plan_id == 1 and cell(window, 2, "status") == "Reviewed"

    store, reviews = colleague_copy(window, tmp_path / "bob.sqlite")
    with closing(store):
        reviews.add_note(task_id(window, 30), "Bob was here", "Bob")
        reviews.export_review(1, tmp_path / "bob.json", reviewer="Bob")
    window.review.import_review(tmp_path / "bob.json")
    qtbot.waitUntil(lambda: bool(dialogs))
    assert dialogs[0][:2] == ("information", "Import Review"), dialogs

    with PlanStore(window.store.path, create=False) as store:
        saved = {note.id: note.text for note in ReviewStore(store).notes(1)}
    assert set(cli_ids) <= set(saved)
    assert sorted(text for text in saved.values() if text.startswith("window note")) == sorted(window_notes)
    assert "Bob was here" in saved.values()
