"""`plan-review review ...`: notes, states and review files from the command line, and durability."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import pytest

from data.store import SCHEMA_VERSION
from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def review(db: Path, *args: str) -> int:
    return main(["review", *args, "--db", str(db)])


def listing(db: Path, capsys, *args: str) -> dict:
    capsys.readouterr()
    assert review(db, "list", *args) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(autouse=True)
def reviewer(monkeypatch):
    monkeypatch.setenv("PLAN_REVIEW_REVIEWER", "ann")


def test_a_note_prints_its_id_and_is_listed(sample_db, capsys):
    assert review(sample_db, "note", "--task", "12", "Who pays for this?") == 0
    note_id = capsys.readouterr().out.strip()
    assert str(uuid.UUID(note_id)) == note_id
    [note] = listing(sample_db, capsys)["notes"]
    assert {k: note[k] for k in ("id", "task", "author", "text", "deleted")} == {
        "id": note_id, "task": 12, "author": "ann", "text": "Who pays for this?", "deleted": False}
    assert note["created"] == note["updated"]


def test_set_status_and_flag_then_list_one_task(sample_db, capsys):
    assert review(sample_db, "set", "--task", "3", "--status", "reviewed", "--flag") == 0
    assert review(sample_db, "set", "--task", "4", "--status", "in-review", "--reviewer", "ben") == 0
    assert review(sample_db, "set", "--task", "3", "--no-flag") == 0
    assert review(sample_db, "note", "--task", "4", "elsewhere") == 0
    shown = listing(sample_db, capsys, "--task", "3")
    assert shown["notes"] == []
    assert [{k: s[k] for k in ("task", "reviewer", "status", "flagged")} for s in shown["states"]] == [
        {"task": 3, "reviewer": "ann", "status": "reviewed", "flagged": False}]


def test_edit_and_delete_ones_own_note(sample_db, capsys):
    review(sample_db, "note", "--task", "1", "first")
    note_id = capsys.readouterr().out.strip()
    assert review(sample_db, "edit", note_id, "second") == 0
    assert review(sample_db, "delete", note_id, "--reviewer", "ben") == 2
    assert "only its author" in capsys.readouterr().err
    assert review(sample_db, "delete", note_id) == 0
    [note] = listing(sample_db, capsys)["notes"]
    assert (note["id"], note["author"], note["text"], note["deleted"]) == (note_id, "ann", "", True)  # a tombstone


def test_whoami_stores_the_default_reviewer(sample_db, capsys):
    assert review(sample_db, "whoami", "--set", "Li Na") == 0
    review(sample_db, "note", "--task", "1", "signed")
    assert listing(sample_db, capsys)["notes"][0]["author"] == "Li Na"


def test_export_and_import_between_two_databases(sample_db, tmp_path, capsys):
    other = tmp_path / "colleague.sqlite"
    shutil.copy(sample_db, other)
    review(sample_db, "note", "--task", "9", "from ann")
    review(sample_db, "note", "--task", "9", "from ben", "--reviewer", "ben")
    review(sample_db, "set", "--task", "9", "--status", "needs-follow-up")
    file = tmp_path / "ann.json"
    assert review(sample_db, "export", "--reviewer", "ann", "-o", str(file)) == 0
    assert review(other, "import", str(file)) == 0
    assert "1 note and 1 status changed, 0 new conflicts" in capsys.readouterr().out
    received = listing(other, capsys)
    assert [n["text"] for n in received["notes"]] == ["from ann"]
    assert received["states"][0]["status"] == "needs-follow-up"
    assert review(other, "import", str(file)) == 0
    assert listing(other, capsys) == received


def test_a_conflict_is_listed_and_resolved(sample_db, tmp_path, capsys):
    other = tmp_path / "colleague.sqlite"
    review(sample_db, "note", "--task", "2", "draft")
    note_id = capsys.readouterr().out.strip()
    shutil.copy(sample_db, other)
    review(sample_db, "edit", note_id, "mine")
    review(other, "edit", note_id, "theirs")
    review(other, "export", "-o", str(tmp_path / "theirs.json"))
    review(sample_db, "import", str(tmp_path / "theirs.json"))
    assert "1 new conflict (task 2)" in capsys.readouterr().out
    assert review(sample_db, "conflicts") == 0
    [conflict] = json.loads(capsys.readouterr().out)["conflicts"]
    versions = [conflict["current"], *conflict["others"]]
    assert (conflict["id"], sorted(v["text"] for v in versions)) == (note_id, ["mine", "theirs"])
    theirs = next(v["version"] for v in versions if v["text"] == "theirs")
    assert review(sample_db, "resolve", note_id, "--keep", theirs) == 0
    assert review(sample_db, "conflicts") == 0
    assert json.loads(capsys.readouterr().out) == {"conflicts": []}
    assert [n["text"] for n in listing(sample_db, capsys)["notes"]] == ["theirs"]


def test_a_refused_file_exits_2_with_one_line_and_changes_nothing(sample_db, tmp_path, capsys):
    review(sample_db, "note", "--task", "1", "kept")
    file = tmp_path / "broken.json"
    file.write_text('{"format": "plan-review/review", "vers', "utf-8")
    before = listing(sample_db, capsys)
    assert review(sample_db, "import", str(file)) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(file) in error and "truncated" in error
    assert listing(sample_db, capsys) == before


def test_an_unknown_task_or_plan_exits_2(sample_db, capsys):
    assert review(sample_db, "note", "--task", "999", "nowhere") == 2
    assert "has no task 999" in capsys.readouterr().err
    assert review(sample_db, "list", "--plan", "7") == 2
    assert "no plan with id 7" in capsys.readouterr().err


def test_set_without_a_change_exits_2(sample_db, capsys):
    assert review(sample_db, "set", "--task", "1") == 2
    assert "--status, --flag or --no-flag" in capsys.readouterr().err


def test_a_database_from_a_newer_program_is_refused_untouched(sample_db, capsys):
    with closing(sqlite3.connect(sample_db)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    digest = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    assert review(sample_db, "note", "--task", "1", "refused") == 2
    assert "newer Plan Review" in capsys.readouterr().err
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == digest


# Durability: a separate process saves, a fresh process reads -------------------------------------------
def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLAN_REVIEW_REVIEWER": "ann"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True)


def notes_in(db: Path) -> dict[str, str]:
    """The notes as a fresh process reads them."""
    listed = json.loads(run("review", "list", "--db", str(db)).stdout)
    return {n["id"]: n["text"] for n in listed["notes"]}


def test_a_note_saved_by_one_process_is_there_for_the_next(sample_db):
    note_id = run("review", "note", "--task", "5", "saved", "--db", str(sample_db)).stdout.strip()
    assert notes_in(sample_db) == {note_id: "saved"}


KILLED_WRITER = """
import sys, time
from data.review import ReviewStore
from data.store import PlanStore
store = PlanStore(sys.argv[1])
print(ReviewStore(store).add_note(store.task_id_by_number(1, 5), "before the kill", "ann").id, flush=True)
time.sleep(60)  # still holding the connection when it is killed
"""


@pytest.mark.parametrize("command", [
    pytest.param([sys.executable, "-c", KILLED_WRITER], id="connection-open"),
    pytest.param([sys.executable, "-m", "desktop.cli", "review", "note", "--task", "5", "before the kill",
                  "--db"], id="command-line"),
])
def test_a_note_survives_a_kill_right_after_its_id_is_printed(sample_db, command):
    writer = subprocess.Popen([*command, str(sample_db)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PLAN_REVIEW_REVIEWER": "ann"})
    note_id = writer.stdout.readline().strip()
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    assert notes_in(sample_db) == {note_id: "before the kill"}
