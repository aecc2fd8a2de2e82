"""Feedback workbooks: sent to each department, filled in, read back into the review."""
from __future__ import annotations

import datetime
import shutil
import zipfile

import openpyxl
import pytest

from data.errors import FeedbackFileError
from data.feedback import (BLOCKED, DONE, IDENTIFIERS_SHEET, OPEN_COLUMNS, PROGRESS, PROGRESS_STATUS,
                           PROGRESS_WORDS, UNDER_WAY, feedback_reviewer, import_feedback,
                           read_feedback_workbook, restore)
from data.ledger import department_answers
from data.readers import read_plan_file
from data.review import NOT_REVIEWED, ReviewStore
from data.store import PlanStore
from tests.feedback_sheets import columns, export_feedback, fill, resave_with_libreoffice, task_rows, task_sheet

CNIPA = "China National Intellectual Property Administration"
MOE = "Ministry of Education"
FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def department_tasks(store, name):
    """The numbers of the tasks a department leads, then those it takes part in, as its sheet lists them."""
    department = store.find_department(name)
    return [t.number for role in ("lead", "participant")
            for t in store.task_rows(store.task_ids(1, department_ids=[department.id], role=role))]


def feedback_of(store, name):
    """{task number: (status, note text)} of a department's stored feedback (an undone status is back to not
    reviewed, an undone note deleted)."""
    reviews, reviewer = ReviewStore(store), feedback_reviewer(name)
    states = {s.task_number: s.status for s in reviews.states(1, reviewer=reviewer) if s.status != NOT_REVIEWED}
    notes = {n.task_number: n.text for n in reviews.notes(1) if n.author == reviewer}
    return {number: (states.get(number, NOT_REVIEWED), notes.get(number)) for number in states.keys() | notes.keys()}


@pytest.fixture
def sheets(store, tmp_path):
    return export_feedback(store, tmp_path / "out", names=(CNIPA, MOE))


def test_a_feedback_workbook_locks_the_plan_and_opens_four_columns_with_a_progress_dropdown(store, sheets):
    workbook = openpyxl.load_workbook(sheets[CNIPA])
    ws = task_sheet(workbook)
    key_row, keys = columns(ws)
    header = [c.value for c in ws[key_row + 1]]
    assert header[keys["progress"] - 1:keys["contact"]] == [c.title for c in OPEN_COLUMNS]
    rows = task_rows(ws)
    assert list(rows) == department_tasks(store, CNIPA)
    assert ws.protection.sheet and not ws.protection.password
    first = next(iter(rows.values()))
    assert ws.cell(row=first, column=keys["text"]).protection.locked
    assert ws.cell(row=first, column=keys["role"]).value in ("Leads", "Takes part")
    assert all(not ws.cell(row=first, column=keys[c.key]).protection.locked for c in OPEN_COLUMNS)
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert lists[0].formula1 == '"' + ",".join(w[0] for w in PROGRESS_WORDS.values()) + '"'
    progress_letter = openpyxl.utils.get_column_letter(keys["progress"])
    assert f"{progress_letter}{first}" in lists[0].sqref
    assert ws.row_dimensions[key_row].hidden
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(keys["key"])].hidden
    assert workbook[IDENTIFIERS_SHEET].sheet_state == "veryHidden"
    assert workbook[IDENTIFIERS_SHEET]["B2"].value == store.plan_info(1).fingerprint


def test_answers_become_the_departments_status_and_note_and_a_second_import_changes_nothing(store, sheets):
    first, second, third = department_tasks(store, CNIPA)[:3]
    fill(sheets[CNIPA], {first: {"progress": "done", "completed": datetime.datetime(2026, 3, 31),
                                 "account": "Policy issued.", "contact": "Li Wei 010-1234"},
                         second: {"progress": "blocked", "account": "Waiting for funds."},
                         third: {"account": "Drafting."}})
    report = import_feedback(ReviewStore(store), 1, [sheets[CNIPA]])
    assert report.departments == {CNIPA: 3} and report.changed_tasks == sorted([first, second, third])
    stored = feedback_of(store, CNIPA)
    assert stored[first] == (PROGRESS_STATUS[DONE],
                             "Progress: done. Completed 2026-03-31.\nPolicy issued.\nContact: Li Wei 010-1234")
    assert stored[second] == (PROGRESS_STATUS[BLOCKED], "Progress: blocked.\nWaiting for funds.")
    assert stored[third] == (NOT_REVIEWED, "Drafting.")
    again = import_feedback(ReviewStore(store), 1, [sheets[CNIPA]])
    assert again.changed_tasks == [] and again.unchanged == 3 and not again.before
    assert feedback_of(store, CNIPA) == stored
    assert len(ReviewStore(store).notes(1)) == 3


def test_a_renamed_resorted_filtered_workbook_is_matched_by_its_hidden_keys(store, sheets, tmp_path):
    numbers = department_tasks(store, CNIPA)
    workbook = openpyxl.load_workbook(sheets[CNIPA])
    ws = task_sheet(workbook)
    ws.title = "Our progress"
    ws.row_dimensions[columns(ws)[0] + 3].hidden = True  # a filter hides a row
    renamed = tmp_path / "returned by CNIPA.xlsx"
    workbook.save(renamed)
    _reverse_rows(renamed)  # sorted last task first
    fill(renamed, {numbers[0]: {"progress": "under way"}, numbers[-1]: {"progress": "done"}})
    import_feedback(ReviewStore(store), 1, [renamed])
    stored = feedback_of(store, CNIPA)
    assert stored[numbers[0]][0] == PROGRESS_STATUS[UNDER_WAY] and stored[numbers[-1]][0] == PROGRESS_STATUS[DONE]


def test_rows_with_edited_locked_cells_or_from_another_departments_sheet_are_refused_and_named(store, sheets):
    ours, theirs = department_tasks(store, CNIPA), department_tasks(store, MOE)
    workbook = openpyxl.load_workbook(sheets[CNIPA])
    ws = task_sheet(workbook)
    key_row, keys = columns(ws)
    rows = task_rows(ws)
    ws.cell(row=rows[ours[1]], column=keys["text"]).value = "A task we would rather do."
    moe = task_sheet(openpyxl.load_workbook(sheets[MOE]))
    pasted = ws.max_row + 1
    moe_row = task_rows(moe)[theirs[0]]
    for column in range(1, keys["key"] + 1):
        ws.cell(row=pasted, column=column).value = moe.cell(row=moe_row, column=column).value
    workbook.save(sheets[CNIPA])
    answer = {"progress": "done", "account": "Finished."}
    fill(sheets[CNIPA], {ours[0]: answer, ours[1]: answer})
    workbook = openpyxl.load_workbook(sheets[CNIPA])
    task_sheet(workbook).cell(row=pasted, column=keys["progress"]).value = "done"
    workbook.save(sheets[CNIPA])
    report = import_feedback(ReviewStore(store), 1, [sheets[CNIPA]])
    assert [(r.row, r.task_number) for r in report.refused_rows] == [(rows[ours[1]], ours[1]), (pasted, theirs[0])]
    assert "locked columns were edited" in report.refused_rows[0].problem
    assert "another department's sheet" in report.refused_rows[1].problem
    assert str(report.refused_rows[0]).startswith(f"{sheets[CNIPA].name}, row {rows[ours[1]]} (task {ours[1]})")
    assert set(feedback_of(store, CNIPA)) == {ours[0]}
    assert feedback_of(store, MOE) == {}


def test_a_workbook_for_another_plan_or_with_altered_identifiers_stores_nothing(store, sheets, tmp_path):
    other_db = tmp_path / "other.sqlite"
    with PlanStore(other_db) as other:
        other.import_plan(read_plan_file(FIXTURES / "gov2019-3-bonded-zones-zh.txt"))
        other_sheet = next(iter(export_feedback(other, tmp_path / "other").values()))
    fill(other_sheet, {next(iter(task_rows(task_sheet(openpyxl.load_workbook(other_sheet))))): {"progress": "done"}})
    altered = tmp_path / "altered.xlsx"
    workbook = openpyxl.load_workbook(sheets[CNIPA])
    workbook[IDENTIFIERS_SHEET]["B4"].value = MOE
    workbook.save(altered)
    fill(altered, {department_tasks(store, CNIPA)[0]: {"progress": "done"}})
    not_feedback = tmp_path / "notes.xlsx"
    openpyxl.Workbook().save(not_feedback)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    truncated = tmp_path / "truncated.xlsx"
    with zipfile.ZipFile(sheets[MOE]) as whole, zipfile.ZipFile(truncated, "w") as cut:
        for item in whole.infolist():
            data = whole.read(item.filename)
            cut.writestr(item, data[:len(data) // 2] if item.filename == "xl/worksheets/sheet1.xml" else data)
    report = import_feedback(ReviewStore(store), 1, [other_sheet, altered, not_feedback, broken, truncated])
    problems = {error.path.rsplit("/", 1)[-1]: error.problem for error in report.refused_files}
    assert "for another plan" in problems[other_sheet.name]
    assert "identifiers were altered" in problems["altered.xlsx"]
    assert "not a feedback workbook" in problems["notes.xlsx"]
    assert "broken.xlsx" in problems
    assert "not well-formed XML" in problems["truncated.xlsx"]
    assert ReviewStore(store).states(1) == [] and ReviewStore(store).notes(1) == []
    with pytest.raises(FeedbackFileError, match="does not exist"):
        read_feedback_workbook(tmp_path / "missing.xlsx")


def test_an_import_is_undone_and_redone_whole(store, sheets):
    first, second = department_tasks(store, CNIPA)[:2]
    reviews = ReviewStore(store)
    fill(sheets[CNIPA], {first: {"progress": "under way", "account": "Started."}})
    import_feedback(reviews, 1, [sheets[CNIPA]])
    fill(sheets[CNIPA], {first: {"progress": "done", "account": "Finished."}, second: {"progress": "blocked"}})
    report = import_feedback(reviews, 1, [sheets[CNIPA]])
    after = feedback_of(store, CNIPA)
    redo = restore(reviews, report.before)
    assert feedback_of(store, CNIPA) == {first: (PROGRESS_STATUS[UNDER_WAY], "Progress: under way.\nStarted.")}
    restore(reviews, redo)
    assert feedback_of(store, CNIPA) == after


def test_feedback_travels_in_review_files_like_any_review(store, sheets, sample_db, tmp_path):
    first = department_tasks(store, CNIPA)[0]
    colleague = tmp_path / "colleague.sqlite"
    shutil.copy(sample_db, colleague)
    fill(sheets[CNIPA], {first: {"progress": "done", "account": "Finished."}})
    import_feedback(ReviewStore(store), 1, [sheets[CNIPA]])
    ReviewStore(store).export_review(1, tmp_path / "review.json")
    with PlanStore(colleague) as theirs:
        import_feedback(ReviewStore(theirs), 1, [sheets[CNIPA]])  # they read the same workbook
        ReviewStore(theirs).import_review(1, tmp_path / "review.json")
        assert feedback_of(theirs, CNIPA) == feedback_of(store, CNIPA)
        assert ReviewStore(theirs).conflicts(1) == []


def test_a_workbook_saved_again_by_libreoffice_is_read_alike(store, sheets, tmp_path):
    numbers = department_tasks(store, CNIPA)
    fill(sheets[CNIPA], {numbers[0]: {"progress": "done", "completed": datetime.datetime(2026, 1, 15),
                                      "account": "第一行\n第二行", "contact": "王芳"},
                         numbers[1]: {"progress": "blocked", "completed": "2026年2月1日"}})
    saved, = resave_with_libreoffice([sheets[CNIPA]], tmp_path / "saved", tmp_path / "profile")
    read = read_feedback_workbook(saved)
    assert read.refused == ()
    assert [(a.number, a.progress, a.completed) for a in read.answers] == [
        (numbers[0], DONE, "2026-01-15"), (numbers[1], BLOCKED, "2026-02-01")]
    assert read.answers[0].account == "第一行\n第二行" and read.answers[0].contact == "王芳"


def test_forty_workbooks_out_thirty_back_through_excel_and_libreoffice_every_answer_and_refusal_checked(
        store, tmp_path):
    """The issue's round trip: every department's workbook sent, 30 filled in (8 saved again by LibreOffice, one
    re-sorted, one with a locked cell edited, one replaced by a workbook of another plan), all read back."""
    sent = export_feedback(store, tmp_path / "sent")
    assert len(sent) == len(store.departments(1)) == 40
    answering = sorted(sent)[:30]
    words = [w[0] for w in PROGRESS_WORDS.values()]
    expected: dict[str, dict[int, tuple[str, str]]] = {}
    for index, name in enumerate(answering):
        numbers = department_tasks(store, name)
        answers = {}
        for n in numbers:
            progress = words[(n + index) % 4]
            answers[n] = {"progress": progress, "completed": datetime.datetime(2026, 1 + n % 12, 1 + index % 28),
                          "account": f"Report {index}-{n}.", "contact": f"Officer {index}"}
        fill(sent[name], answers)
        expected[name] = {n: (PROGRESS_STATUS[PROGRESS[(n + index) % 4]],
                              f"Progress: {words[(n + index) % 4]}. "
                              f"Completed 2026-{1 + n % 12:02d}-{1 + index % 28:02d}.\n"
                              f"Report {index}-{n}.\nContact: Officer {index}") for n in numbers}
    returned = tmp_path / "returned"
    returned.mkdir()
    through_libreoffice = answering[:8]
    resave_with_libreoffice([sent[name] for name in through_libreoffice], returned, tmp_path / "profile")
    for name in set(sent) - set(through_libreoffice):
        shutil.copy(sent[name], returned / sent[name].name)
    resorted, edited, foreign = answering[8], answering[9], answering[10]
    _reverse_rows(returned / sent[resorted].name)
    edited_number = department_tasks(store, edited)[0]
    workbook = openpyxl.load_workbook(returned / sent[edited].name)
    ws = task_sheet(workbook)
    ws.cell(row=task_rows(ws)[edited_number], column=columns(ws)[1]["lead"]).value = "Nobody"
    workbook.save(returned / sent[edited].name)
    with PlanStore(tmp_path / "other.sqlite") as other:
        other.import_plan(read_plan_file(FIXTURES / "gov2019-3-bonded-zones-zh.txt"))
        other_sheet = next(iter(export_feedback(other, tmp_path / "other").values()))
    fill(other_sheet, {next(iter(task_rows(task_sheet(openpyxl.load_workbook(other_sheet))))): {"progress": "done"}})
    shutil.copy(other_sheet, returned / sent[foreign].name)
    expected[edited].pop(edited_number)
    del expected[foreign]

    report = import_feedback(ReviewStore(store), 1, [returned])

    assert report.departments == {name: len(answers) for name, answers in expected.items()}
    assert [error.path for error in report.refused_files] == [str(returned / sent[foreign].name)]
    assert [(r.path.name, r.task_number) for r in report.refused_rows] == [(sent[edited].name, edited_number)]
    for name in sent:
        assert feedback_of(store, name) == expected.get(name, {}), name
    counted = {a.name: a for a in department_answers(ReviewStore(store), 1)}
    assert {name for name, a in counted.items() if not a.has_answered} == set(sent) - set(expected)
    for name, answers in expected.items():
        tasks = department_tasks(store, name)
        assert (counted[name].tasks, counted[name].answered) == (len(tasks), len(answers))
        assert counted[name].progress == {key: sum(1 for status, _ in answers.values()
                                                   if status == PROGRESS_STATUS[key]) for key in PROGRESS}
    again = import_feedback(ReviewStore(store), 1, [returned])
    assert again.changed_tasks == [] and not again.before
    assert again.unchanged == sum(len(answers) for answers in expected.values())


def _reverse_rows(path):
    """The task table sorted the other way, as a department re-sorting it would leave it."""
    workbook = openpyxl.load_workbook(path)
    ws = task_sheet(workbook)
    key_row, _ = columns(ws)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=key_row + 2)]
    for offset, values in enumerate(reversed(rows)):
        for column, value in enumerate(values, start=1):
            ws.cell(row=key_row + 2 + offset, column=column).value = value
    workbook.save(path)
