"""`plan-review tasks`: the tasks a filter keeps, as the window's session answers; and a command line without Qt."""
from __future__ import annotations

import json
import subprocess
import sys

from data.review import ReviewStore
from data.store import PlanStore
from desktop.cli import main

CNIPA = "China National Intellectual Property Administration"


def tasks(capsys, db, *options) -> tuple[int, str, str]:
    status = main(["tasks", "--db", str(db), *map(str, options)])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_lists_number_text_lead_and_participants(sample_db, capsys):
    status, out, _ = tasks(capsys, sample_db, "--search", "judicial interpretations", "--format", "json")
    assert status == 0
    [task] = [t for t in json.loads(out) if t["number"] == 24]
    assert task["lead"] == "Supreme People's Court" and task["text"].startswith("Promote the drafting")
    assert task["participants"] == ["Supreme People's Procuratorate", "Ministry of Public Security"]


def test_departments_in_a_role(sample_db, capsys):
    counts = {}
    for role in ("lead", "participant", "any"):
        status, out, _ = tasks(capsys, sample_db, "--department", "CNIPA", "--role", role, "--format", "json")
        counts[role] = len(json.loads(out))
    assert counts == {"lead": 35, "participant": 22, "any": 57}


def test_review_filters_are_the_reviewers_own(sample_db, capsys):
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        reviews.set_state(store.task_id_by_number(1, 53), "ann", status="reviewed", flagged=True)
        reviews.set_state(store.task_id_by_number(1, 16), "bob", status="reviewed")
    status, out, _ = tasks(capsys, sample_db, "--status", "reviewed", "--reviewer", "ann")
    assert status == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["53"]
    status, out, _ = tasks(capsys, sample_db, "--flagged", "--reviewer", "bob")
    assert status == 0 and out == ""


def test_the_table_is_one_tab_separated_line_per_task(sample_db, capsys):
    status, out, _ = tasks(capsys, sample_db, "--search", "Kunlun")
    assert status == 0
    [line] = out.splitlines()
    number, lead, participants, text = line.split("\t")
    assert number == "53" and lead and "Kunlun" in text


def test_an_unknown_department_is_bad_input(sample_db, capsys):
    status, out, err = tasks(capsys, sample_db, "--department", "Ministry of Magic")
    assert status == 2 and out == "" and "knows no department 'Ministry of Magic'" in err


def test_the_command_line_never_loads_qt(sample_db):
    code = ("import contextlib, io, sys\n"
            "from desktop.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    status = main(['dump', '--db', {str(sample_db)!r}])\n"
            "print(status, sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6'}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["0", "[]"]


def test_conflicts_lists_the_tasks_with_a_note_to_settle(sample_db, tmp_path, capsys):
    import shutil

    copy = tmp_path / "laptop.sqlite"
    shutil.copy(sample_db, copy)
    with PlanStore(sample_db) as desk, PlanStore(copy) as laptop:
        desk_reviews, laptop_reviews = ReviewStore(desk), ReviewStore(laptop)
        note = desk_reviews.add_note(desk.task_id_by_number(1, 12), "draft", "ann")
        desk_reviews.export_review(1, tmp_path / "desk.json")
        laptop_reviews.import_review(1, tmp_path / "desk.json")
        laptop_reviews.edit_note(note.id, "on the laptop", "ann")
        desk_reviews.edit_note(note.id, "on the desk", "ann")
        laptop_reviews.export_review(1, tmp_path / "laptop.json")
        desk_reviews.import_review(1, tmp_path / "laptop.json")
    status, out, _ = tasks(capsys, sample_db, "--conflicts", "--format", "json")
    assert status == 0 and [t["number"] for t in json.loads(out)] == [12]
