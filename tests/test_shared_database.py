"""Two programs on one database: the window's connections and command line calls lose nothing."""
from __future__ import annotations

import subprocess
import sys

from data.review import ReviewStore
from data.store import PlanStore


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
