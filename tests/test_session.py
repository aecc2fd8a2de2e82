"""The review session, without Qt: which tasks in which order, counts, progress, and the plan it shows."""
from __future__ import annotations

import subprocess
import sys

import pytest

from data.errors import PlanReviewError
from data.model import LEAD, PARTICIPANT
from data.review import REVIEWED
from data.session import PlanSession, ReviewFilter, TaskFilter

PLAN = 1
CNIPA = "China National Intellectual Property Administration"


@pytest.fixture
def session(store):
    return PlanSession(store, PLAN, reviewer="ann")


def numbers(session: PlanSession) -> list[int]:
    return [row.number for row in session.tasks()]


def task(session: PlanSession, number: int) -> int:
    return session.store.task_id_by_number(PLAN, number)


def test_with_no_filter_every_task_in_number_order(session):
    assert numbers(session) == list(range(1, 101)) and session.total() == 100


def test_the_order_is_the_sessions(session):
    session.order_by, session.descending = "number", True
    assert numbers(session) == list(range(100, 0, -1))


def test_departments_narrow_by_role(session):
    cnipa = session.department_ids([CNIPA])
    session.task_filter = TaskFilter(department_ids=cnipa, role=LEAD)
    assert len(session.task_ids()) == 35
    session.task_filter = TaskFilter(department_ids=cnipa, role=PARTICIPANT)
    assert len(session.task_ids()) == 22
    session.task_filter = TaskFilter(department_ids=cnipa)
    assert len(session.task_ids()) == 57


def test_a_role_without_departments_keeps_every_task(session):
    session.task_filter = TaskFilter(role=LEAD)
    assert len(session.task_ids()) == 100 and session.task_filter.is_empty()


def test_review_filters_combine_with_the_others_in_one_query(session):
    for number in (53, 16, 20):
        session.reviews.set_state(task(session, number), "ann", flagged=True)
    session.reviews.set_state(task(session, 16), "bob", status=REVIEWED)
    session.task_filter = TaskFilter(review=session.review_filter(flagged=True))
    assert numbers(session) == [16, 20, 53]
    session.task_filter = TaskFilter(search="Kunlun", review=session.review_filter(flagged=True))
    assert numbers(session) == [53]
    session.task_filter = TaskFilter(review=session.review_filter(status=REVIEWED))
    assert numbers(session) == []  # Bob reviewed task 16; Ann did not


def test_the_review_filter_is_the_reviewers_own(session):
    assert session.review_filter() == ReviewFilter()
    assert session.review_filter(status=REVIEWED, mine=True) == ReviewFilter(status=REVIEWED, reviewer="ann",
                                                                             touched_by="ann")


def test_another_plan_clears_the_filter_but_the_role(session):
    session.task_filter = TaskFilter(search="patent", role=PARTICIPANT)
    session.show_plan(PLAN)
    assert session.task_filter == TaskFilter(role=PARTICIPANT)


def test_the_departments_the_filter_shows(session):
    session.task_filter = TaskFilter(search="Kunlun")
    [row] = session.tasks()
    assert session.shown_department_ids() == sorted(d.id for d in (row.lead, *row.participants))


def test_progress_counts_the_reviewers_reviewed_tasks(session):
    cnipa = session.department_ids([CNIPA])[0]
    first_led = session.store.task_ids(PLAN, department_ids=[cnipa], role=LEAD)[0]
    session.reviews.set_state(first_led, "ann", status=REVIEWED)
    assert (session.progress().reviewed, session.progress().total) == (1, 100)
    by_department = {p.department_id: (p.reviewed, p.total) for p in session.department_progress(LEAD)}
    assert by_department[cnipa] == (1, 35)


def test_department_names_are_checked(session):
    with pytest.raises(PlanReviewError, match="knows no department"):
        session.department_ids(["Ministry of Magic"])
    assert session.department_ids(["CNIPA", CNIPA]) == session.department_ids([CNIPA])


def test_open_finds_the_latest_plan_and_refuses_an_unknown_one(sample_db):
    with PlanSession.open(sample_db) as opened:
        assert opened.plan_id == PLAN
    with pytest.raises(PlanReviewError, match="holds no plan with id 7"):
        PlanSession.open(sample_db, 7)


def test_an_empty_database_has_no_plan_to_show(tmp_path):
    with PlanSession.open(tmp_path / "empty.sqlite", create=True) as empty:
        assert empty.task_ids() == [] and empty.total() == 0
        with pytest.raises(PlanReviewError, match="holds no plan"):
            empty.required_plan()


def test_the_session_loads_no_qt():
    code = "import sys, data.session; print(any(m.startswith(('PySide6', 'desktop')) for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
