"""`plan-review export --for-feedback` and `plan-review feedback import` from the command line."""
from __future__ import annotations

import json

import openpyxl
import pytest

from data import backups
from desktop.cli import main
from tests.feedback_sheets import columns, fill, task_rows, task_sheet

CNIPA = "China National Intellectual Property Administration"


@pytest.fixture
def folder(sample_db, tmp_path, capsys):
    out = tmp_path / "feedback"
    assert main(["export", "--db", str(sample_db), "--format", "xlsx", "--for-feedback", "--all", "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def sheet_of(folder, name):
    return next(path for path in folder.iterdir() if path.stem.endswith(name))


def numbers(path):
    return list(task_rows(task_sheet(openpyxl.load_workbook(path))))


def test_export_writes_one_feedback_workbook_per_department_into_the_folder(sample_db, folder, store):
    assert len(list(folder.glob("*.xlsx"))) == len(store.departments(1))
    _, keys = columns(task_sheet(openpyxl.load_workbook(sheet_of(folder, CNIPA))))
    assert {"progress", "completed", "account", "contact", "key"} <= keys.keys()


def test_feedback_is_only_written_as_a_workbook(sample_db, tmp_path, capsys):
    assert main(["export", "--db", str(sample_db), "--format", "pdf", "--for-feedback", "--all",
                 "-o", str(tmp_path / "out")]) == 2
    assert "feedback workbooks are written as xlsx, not pdf" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_import_of_a_folder_reports_departments_and_tasks_and_reading_it_again_changes_nothing(
        sample_db, folder, capsys):
    path = sheet_of(folder, CNIPA)
    first, second = numbers(path)[:2]
    fill(path, {first: {"progress": "done"}, second: {"progress": "under way", "account": "Halfway."}})
    assert main(["feedback", "import", str(folder), "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert f"{CNIPA}: 2 tasks answered" in out
    assert f"1 department answered; 2 tasks changed ({first}, {second})" in out
    assert [b.reason for b in backups.list_backups(sample_db)] == ["feedback"]  # made before it was stored
    assert main(["feedback", "import", str(path), "--db", str(sample_db)]) == 0
    assert "0 tasks changed; 2 answers already stored" in capsys.readouterr().out
    assert main(["review", "list", "--db", str(sample_db)]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert {(s["task"], s["reviewer"], s["status"]) for s in listing["states"]} == {
        (first, f"Feedback: {CNIPA}", "reviewed"), (second, f"Feedback: {CNIPA}", "in-review")}


def test_a_refused_workbook_is_named_and_ends_with_status_2_a_refused_row_with_3(sample_db, folder, tmp_path, capsys):
    path = sheet_of(folder, CNIPA)
    first, second = numbers(path)[:2]
    fill(path, {first: {"progress": "done"}, second: {"progress": "finished"}})
    assert main(["feedback", "import", str(path), "--db", str(sample_db)]) == 3
    assert f"row not read: {path.name}, row" in capsys.readouterr().out
    stranger = tmp_path / "stranger.xlsx"
    openpyxl.Workbook().save(stranger)
    assert main(["feedback", "import", str(stranger), "--db", str(sample_db)]) == 2
    assert f"{stranger}: is not a feedback workbook" in capsys.readouterr().err


def test_status_counts_each_departments_answers_and_lists_those_to_chase(sample_db, folder, store, capsys):
    path = sheet_of(folder, CNIPA)
    first, second, third = numbers(path)[:3]
    fill(path, {first: {"progress": "done"}, second: {"progress": "blocked"}, third: {"account": "Begun."}})
    assert main(["feedback", "import", str(path), "--db", str(sample_db)]) == 0
    capsys.readouterr()
    assert main(["feedback", "status", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["department", "tasks", "answered", "not", "started", "under", "way", "done", "blocked"]
    cnipa = next(line for line in out if line.startswith(CNIPA))
    assert cnipa.split()[-6:] == [str(len(numbers(path))), "3", "0", "0", "1", "1"]
    departments = len(store.departments(1))
    assert f"1 department of {departments} answered." in out
    waiting = out[out.index(f"Not answered yet ({departments - 1}):") + 1:]
    assert len(waiting) == departments - 1 and f"- {CNIPA}" not in waiting and "- Ministry of Education" in waiting
