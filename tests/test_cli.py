"""The plan-review command line: import, plans, dump, departments, and bad input."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest
from wcwidth import wcswidth

from data.paths import bundled_plan_path
from desktop.cli import main


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_import_prints_what_it_stored_and_refuses_a_duplicate(tmp_path, capsys):
    db = tmp_path / "plans.sqlite"
    status, out, _ = run(capsys, "import", "--db", db, bundled_plan_path())
    assert status == 0
    assert "5 parts, 13 sections, 100 tasks, 40 departments" in out
    status, out, _ = run(capsys, "--db", db, "import", bundled_plan_path())
    assert status == 0 and "Already stored as plan 1" in out
    status, out, _ = run(capsys, "plans", "--db", db)
    assert out.splitlines() == ["1\t2020\tDeepen the implementation of the national intellectual property strategy in 2020"]


def test_import_reports_unknown_departments_as_warnings(tmp_path, capsys):
    from .test_reader import ANOTHER_YEAR

    source = tmp_path / "plan-2023.txt"
    source.write_text(ANOTHER_YEAR, encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", source)
    assert status == 0
    assert "warning: task 2: department “Lunar Affairs Bureau” is not in the registry" in out


def test_a_plan_read_only_in_part_is_stored_with_its_summary_and_status_3(tmp_path, capsys):
    from .test_reader_forms import CAPACITY, HEAD

    source = tmp_path / "partly.txt"
    source.write_text(HEAD + "1．" + CAPACITY + "（海关总署负责）（商务部负责）\n", encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", source)
    assert status == 3
    assert "  2 department clauses found, 1 tasks stored, 1 clauses not placed" in out.splitlines()
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", bundled_plan_path())
    assert status == 0 and "100 department clauses found, 100 tasks stored, 0 clauses not placed" in out


def test_dump_import_dump_is_the_same_json(tmp_path, capsys, sample_db):
    status, first, _ = run(capsys, "dump", "--db", sample_db)
    assert status == 0
    document = json.loads(first)
    assert document["format"] == "plan-review/plan" and document["version"] == 1
    part4 = document["plan"]["parts"][3]
    assert part4["sections"][0]["number"] is None and part4["sections"][0]["title"] is None
    task24 = document["plan"]["parts"][1]["sections"][0]["tasks"][2]
    assert task24["number"] == 24 and task24["departments"] == [
        {"name": "Supreme People's Court", "role": "lead"},
        {"name": "Supreme People's Procuratorate", "role": "participant"},
        {"name": "Ministry of Public Security", "role": "participant"}]
    dumped = tmp_path / "plan.json"
    dumped.write_text(first, encoding="utf-8")
    other = tmp_path / "other.sqlite"
    assert run(capsys, "import", "--db", other, dumped)[0] == 0
    assert run(capsys, "dump", "--db", other, "--plan", 1)[1] == first


def test_departments_lists_counts(capsys, sample_db, store):
    status, out, _ = run(capsys, "departments", "--db", sample_db)
    assert status == 0
    line = next(l for l in out.splitlines() if l.startswith("China National Intellectual Property Administration"))
    assert line.split()[-4:] == ["国家知识产权局", "CNIPA", "35", "22"]
    assert len(out.splitlines()) == 41
    lines = out.splitlines()  # columns line up on a terminal, where a Chinese character is two columns wide
    abbreviation_starts = set()
    for row in store.departments(1):
        line = next(line for line in lines if line.startswith(row.name + "  "))
        after_chinese = line.index(row.name_zh) + len(row.name_zh)
        abbreviation_starts.add(wcswidth(line[:line.index(row.abbreviation or "—", after_chinese)]))
    assert len(abbreviation_starts) == 1
    assert len({wcswidth(line) for line in lines}) == 1  # the counts end flush right


def test_a_reader_that_stops_early_ends_the_command_quietly(sample_db):
    done = subprocess.run(f"{sys.executable} -m desktop.cli dump --db {sample_db} | head -1", shell=True,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout == "{\n" and done.stderr == ""


BAD_FILES = {
    "missing.txt": (None, "no such file"),
    "empty.txt": (b"", "the file is empty"),
    "binary.bin": (bytes(range(256)) * 4, "binary"),
    "prose.txt": (b"A letter with no numbered tasks.\nKind regards.\n", "no recognisable numbered tasks"),
    "broken.json": (b'{"format": "plan-review/plan", "plan": {', "malformed JSON"),
    "shape.json": (b'{"format": "plan-review/plan", "version": 1, "plan": {"title": "x", "parts": [{"title": 3}]}}',
                   "plan.parts[0].title has the wrong type"),
    "other.json": (b'{"format": "something-else", "version": 1}', "not a plan"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_names_the_file_and_changes_no_byte(tmp_path, capsys, sample_db, name):
    content, problem = BAD_FILES[name]
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_db.parent.glob("plans.sqlite*")}
    status, out, err = run(capsys, "import", "--db", sample_db, source)
    assert status == 2 and out == ""
    assert err.startswith(f"plan-review: {source}: ") and problem in err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sample_db.parent.glob("plans.sqlite*")}
    assert after == before


def test_bad_input_does_not_create_a_database(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run(capsys, "import", "--db", db, tmp_path / "empty.txt")[0] == 2
    assert not db.exists()


@pytest.mark.parametrize("content, problem", [
    (b"not sqlite " * 100, "is not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00\x01" * 3000, "is damaged"),
])
def test_corrupt_database_ends_with_status_2(tmp_path, capsys, content, problem):
    db = tmp_path / "bad.sqlite"
    db.write_bytes(content)
    for argv in (["import", "--db", db, bundled_plan_path()], ["plans", "--db", db], ["dump", "--db", db]):
        status, _, err = run(capsys, *argv)
        assert status == 2 and err.startswith(f"plan-review: {db}: ") and problem in err
    assert db.read_bytes() == content


def test_dump_of_an_empty_database_and_an_unknown_plan(tmp_path, capsys, sample_db):
    status, _, err = run(capsys, "dump", "--db", sample_db, "--plan", 7)
    assert status == 2 and "holds no plan with id 7" in err
    status, _, err = run(capsys, "dump", "--db", tmp_path / "none.sqlite")
    assert status == 2 and "no such database" in err


def test_the_installed_command_runs(tmp_path):
    db = tmp_path / "p.sqlite"
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "import", "--db", str(db), str(bundled_plan_path())],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "100 tasks" in done.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 100
