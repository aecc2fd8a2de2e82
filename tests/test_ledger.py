"""The ledger (台账) and the dashboard's figures: counts after filled feedback workbooks are read back, overdue
marks from the plan's deadlines and the office's, the xlsx and pdf exports, the command line."""
from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest

from data.feedback import DONE, import_feedback
from data.ledger import UNANSWERED, build_ledger, due_date
from data.review import IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, ReviewStore
from data.store import TaskContent
from desktop.cli import main
from exporters.export import LedgerRequest, run_export
from tests.feedback_sheets import export_feedback, fill

CNIPA = "China National Intellectual Property Administration"
MOE = "Ministry of Education"
MOST = "Ministry of Science and Technology"
WORDS = {"done": "done", "under-way": "under way", "blocked": "blocked", "not-started": "not started"}
CYCLE = ("done", "under-way", "blocked", "not-started")
TODAY = date(2021, 1, 15)


@pytest.mark.parametrize("wording, due", [
    ("2020年10月底前完成", date(2020, 10, 31)), ("年内持续推进", date(2020, 12, 31)), ("2024年6月", date(2024, 6, 30)),
    ("2019年底前", date(2019, 12, 31)), ("2020年3月15日前", date(2020, 3, 15)), ("上半年", date(2020, 6, 30)),
    ("2025年上半年", date(2025, 6, 30)), ("第三季度", date(2020, 9, 30)), ("6月底前启动，年底前完成", date(2020, 12, 31)),
    ("2021年2月", date(2021, 2, 28)), ("2024-06-30", date(2024, 6, 30)),
    ("by the end of October 2020", date(2020, 10, 31)), ("within the year", date(2020, 12, 31)),
    ("长期坚持", None), ("持续推进", None), ("完成2000家企业", None), ("13月", None), ("", None), (None, None)])
def test_a_plans_deadline_is_read_as_the_last_day_it_allows(wording, due):
    assert due_date(wording, 2020) == due


def department_numbers(store, name):
    department = store.find_department(name)
    return [t.number for t in store.task_rows(store.task_ids(1, department_ids=[department.id]))]


@pytest.fixture
def answered(store, tmp_path):
    """CNIPA, MOE and MOST answer every task of theirs, cycling done / under way / blocked / not started;
    the other departments do not answer. Returns {department: {task number: progress}}."""
    sheets = export_feedback(store, tmp_path / "out", names=(CNIPA, MOE, MOST))
    given = {}
    for name, path in sheets.items():
        given[name] = {n: CYCLE[i % 4] for i, n in enumerate(department_numbers(store, name))}
        fill(path, {n: {"progress": WORDS[p], "completed": "2020-11-30"} for n, p in given[name].items()})
    report = import_feedback(ReviewStore(store), 1, list(sheets.values()))
    assert not report.refused_files and not report.refused_rows
    return given


def test_the_ledger_counts_each_departments_answers_by_role_after_reading_filled_workbooks(store, answered):
    ledger = build_ledger(ReviewStore(store), 1, TODAY)
    by_name = {d.name: d for d in ledger.departments}
    for name, given in answered.items():
        department = store.find_department(name)
        led = {t.number for t in store.task_rows(store.task_ids(1, department_ids=[department.id], role="lead"))}
        figures = by_name[name]
        assert (figures.leads, figures.joins) == (len(led), len(given) - len(led))
        for kind in CYCLE:
            assert figures.led[kind] == sum(p == kind for n, p in given.items() if n in led)
            assert figures.joined[kind] == sum(p == kind for n, p in given.items() if n not in led)
        assert figures.led[UNANSWERED] == figures.joined[UNANSWERED] == 0
        assert figures.has_answered and figures.answered == figures.tasks == len(given)
    assert {d.name for d in ledger.waiting} == {d.name for d in store.departments(1)} - set(answered)
    silent = next(d for d in ledger.departments if d.name not in answered)
    assert silent.answered == 0 and silent.led[UNANSWERED] == silent.leads
    # every task lists each of its departments' latest word, the lead's first
    task = next(t for t in ledger.tasks if t.lead == CNIPA)
    reply = task.replies[0]
    assert (reply.progress, reply.completed) == (answered[CNIPA][task.number], "2020-11-30")
    assert task.progress == answered[CNIPA][task.number]


def test_tasks_past_their_deadline_are_overdue_unless_the_lead_reported_them_done(store, answered):
    numbers = department_numbers(store, CNIPA)
    led_done = next(n for n in numbers if answered[CNIPA][n] == DONE and store.task_rows(
        [store.task_id_by_number(1, n)])[0].lead.name == CNIPA)
    led_blocked = next(n for n in numbers if answered[CNIPA][n] == "blocked" and store.task_rows(
        [store.task_id_by_number(1, n)])[0].lead.name == CNIPA)
    unanswered = next(t.number for t in store.task_rows(store.task_ids(1)) if t.lead.name not in answered)
    ids = {n: store.task_id_by_number(1, n) for n in (led_done, led_blocked, unanswered)}
    fingerprint = store.plan_info(1).fingerprint
    store.set_office_deadline(ids[led_done], date(2020, 12, 31))
    store.set_office_deadline(ids[led_blocked], date(2020, 12, 31))
    before = store.task_content(ids[unanswered])
    store.set_task_content(ids[unanswered], TaskContent(before.text, before.departments, "2020年10月底前完成"), {}, "Ann")
    assert store.plan_info(1).fingerprint != fingerprint  # the plan's deadline is the plan's content...
    fingerprint = store.plan_info(1).fingerprint
    store.set_office_deadline(ids[led_done], date(2020, 12, 30))
    assert store.plan_info(1).fingerprint == fingerprint  # ...the office's is not
    ledger = build_ledger(ReviewStore(store), 1, TODAY)
    overdue = {t.number for t in ledger.overdue}
    assert overdue == {led_blocked, unanswered}
    task = next(t for t in ledger.tasks if t.number == unanswered)
    assert (task.due, task.due_from_office, task.deadline) == (date(2020, 10, 31), False, "2020年10月底前完成")
    assert {t.number for t in build_ledger(ReviewStore(store), 1, date(2020, 10, 31)).overdue} == set()
    assert next(d for d in ledger.departments if d.name == CNIPA).overdue == 1
    store.set_office_deadline(ids[led_blocked], None)  # cleared: the plan gives it none
    assert {t.number for t in build_ledger(ReviewStore(store), 1, TODAY).overdue} == {unanswered}


def test_the_dashboard_figures_count_each_reviewers_statuses_and_leave_departments_out(store, answered):
    reviews = ReviewStore(store)
    ids = store.task_ids(1)
    for task_id, status in zip(ids, (REVIEWED, REVIEWED, IN_REVIEW, NEEDS_FOLLOW_UP)):
        reviews.set_state(task_id, "Ann", status=status)
    reviews.set_state(ids[5], "Bo", status=REVIEWED)
    figures = {r.reviewer: r.counts for r in build_ledger(reviews, 1, TODAY).reviewers}
    assert figures == {"Ann": {REVIEWED: 2, IN_REVIEW: 1, NEEDS_FOLLOW_UP: 1, NOT_REVIEWED: len(ids) - 4},
                       "Bo": {REVIEWED: 1, IN_REVIEW: 0, NEEDS_FOLLOW_UP: 0, NOT_REVIEWED: len(ids) - 1}}


def test_the_ledger_workbook_lists_tasks_figures_and_the_reminder(store, answered, tmp_path):
    store.set_office_deadline(store.task_ids(1)[0], date(2020, 6, 30))
    ledger = build_ledger(ReviewStore(store), 1, TODAY)
    path = run_export(store, LedgerRequest(1, "xlsx", tmp_path / "ledger.xlsx", TODAY)).paths[0]
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Ledger", "Departments", "Review progress per reviewer", "Reminder"]
    tasks = workbook["Ledger"]
    header = next(r for r in range(1, 10) if tasks.cell(row=r, column=1).value == "No.")
    rows = {tasks.cell(row=r, column=1).value: r for r in range(header + 1, tasks.max_row + 1)}
    assert len(rows) == len(ledger.tasks)
    first = ledger.tasks[0]
    cells = [tasks.cell(row=rows[first.number], column=c).value for c in range(1, 8)]
    assert cells[4] == "2020-06-30 (set by the office)"
    assert (cells[6] == "Overdue") == first.overdue and tasks.cell(row=rows[first.number], column=1).fill.fgColor.rgb.endswith(
        "F8CBAD") == first.overdue
    assert f"{first.lead}: " in cells[5]
    departments = {row[0]: row for row in workbook["Departments"].iter_rows(min_row=2, values_only=True)}
    moe = next(d for d in ledger.departments if d.name == MOE)
    assert departments[MOE][1:4] == (f"{moe.tasks} of {moe.tasks}", moe.leads, moe.led[DONE])
    reminder = [row[0] for row in workbook["Reminder"].iter_rows(values_only=True)]
    assert reminder[0] == f"Not answered yet ({len(ledger.waiting)} of {len(ledger.departments)} departments):"
    assert reminder[1:] == [f"- {d.name} ({d.tasks} tasks)" for d in ledger.waiting]


def test_the_ledger_pdf_prints_the_tasks_the_figures_and_the_reminder(store, answered, tmp_path):
    path = run_export(store, LedgerRequest(1, "pdf", tmp_path / "ledger", TODAY)).paths[0]
    assert path.suffix == ".pdf"
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    ledger = build_ledger(ReviewStore(store), 1, TODAY)
    assert "Departments answered" in text and f"3 of {len(ledger.departments)}" in text
    assert "Review progress per reviewer" in text and "Not answered yet" in text
    assert ledger.waiting[-1].name in text


def test_the_command_line_writes_the_ledger_and_sets_the_offices_deadline(sample_db, tmp_path, capsys):
    assert main(["feedback", "deadline", "--db", str(sample_db), "3", "2020-05-31"]) == 0
    assert "Task 3: deadline 2020-05-31 (set by the office)" in capsys.readouterr().out
    out = tmp_path / "l.xlsx"
    assert main(["feedback", "ledger", "--db", str(sample_db), "-o", str(out), "--on", "2021-01-01"]) == 0
    row = next(r for r in openpyxl.load_workbook(out)["Ledger"].iter_rows(values_only=True) if r[0] == 3)
    assert (row[4], row[6]) == ("2020-05-31 (set by the office)", "Overdue")
    assert main(["feedback", "deadline", "--db", str(sample_db), "999", "none"]) == 2
    assert "has no task 999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["feedback", "deadline", "--db", str(sample_db), "3", "end of May"])
    assert exit_.value.code == 2
