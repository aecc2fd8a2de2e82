"""Hostile input for every reader: each ends with the program's own message (or is read correctly), nothing
stored changes on refusal, and huge files are refused by their size before they are read."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import json_format
from data.errors import PlanFileError, PlanReviewError, ReviewFileError
from data.importing import read_plan
from data.model import Part, Plan, Section, Task
from data.paths import bundled_plan_path
from data.readers import read_plan_file
from data.registry import default_registry
from data.review import ReviewStore
from data.store import PlanStore

from . import hostile_inputs

CORPUS = Path(__file__).parent / "corpus"
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
REVIEW_TABLES = ("review_notes", "review_conflicts", "review_states", "review_exchanges")


@pytest.fixture(scope="module")
def sample_plan_json(sample_result):
    return json_format.plan_to_json(sample_result.plan)


@pytest.fixture
def reviewed(sample_db, tmp_path):
    """The sample database with notes and statuses, and a review file exported from it."""
    with PlanStore(sample_db) as store:
        reviews = ReviewStore(store)
        for number in range(1, 11):
            task = store.task_id_by_number(1, number)
            reviews.add_note(task, f"note {number}", "ana")
            reviews.set_state(task, "ana", status="reviewed")
        reviews.export_review(1, tmp_path / "review.json")
    return sample_db, json.loads((tmp_path / "review.json").read_text("utf-8"))


def review_digest(store: PlanStore) -> str:
    rows = [store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in REVIEW_TABLES]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def read_and_store(path, store: PlanStore) -> None:
    """As `plan-review import` does; a refusal is the program's PlanFileError."""
    try:
        read_plan(path).store_into(store)
    except PlanFileError as error:
        assert "\n" not in error.problem and error.problem.isprintable(), error.problem


def test_hostile_plan_json_is_read_or_refused_with_a_message(sample_db, sample_plan_json, tmp_path):
    path = tmp_path / "plan.json"
    with PlanStore(sample_db) as store:
        @FUZZ
        @given(raw=hostile_inputs.plan_json_inputs(sample_plan_json))
        def read(raw: bytes) -> None:
            path.write_bytes(raw)
            read_and_store(path, store)

        read()


def test_hostile_plan_text_is_read_or_refused_with_a_message(sample_db, tmp_path):
    path = tmp_path / "plan.txt"
    base = bundled_plan_path().read_text("utf-8")
    with PlanStore(sample_db) as store:
        @settings(FUZZ, max_examples=60)
        @given(raw=hostile_inputs.plan_text_inputs(base))
        def read(raw: bytes) -> None:
            path.write_bytes(raw)
            read_and_store(path, store)

        read()


def test_hostile_pdfs_are_read_or_refused_with_a_message(sample_db, tmp_path):
    """PDFium is C: a PDF broken in its syntax, numbers or streams must end in a reading or the program's
    message, never take the process down."""
    lines = (CORPUS / "gov2019-3-zonghe-baoshuiqu-opinions-zh.txt").read_text("utf-8").splitlines()[:40]
    bases = hostile_inputs.pdf_bases(lines, tmp_path)
    path = tmp_path / "plan.pdf"
    with PlanStore(sample_db) as store:
        @settings(FUZZ, max_examples=60)
        @given(raw=hostile_inputs.pdf_inputs(bases))
        def read(raw: bytes) -> None:
            path.write_bytes(raw)
            read_and_store(path, store)

        read()


def test_hostile_review_files_are_merged_or_refused_and_a_refusal_changes_nothing(reviewed, tmp_path):
    database, review = reviewed
    path = tmp_path / "colleague.json"
    with PlanStore(database) as store:
        reviews = ReviewStore(store)

        @FUZZ
        @given(raw=hostile_inputs.review_file_inputs(review))
        def merge(raw: bytes) -> None:
            path.write_bytes(raw)
            before = review_digest(store)
            try:
                reviews.import_review(1, path)
            except ReviewFileError as error:
                assert "\n" not in error.problem and error.problem.isprintable(), error.problem
                assert review_digest(store) == before

        merge()


NASTY_PLAN_JSON = {
    "nested 5,000 deep": ('"version": 1', '"version": 1, "x": ' + "[" * 5000 + "]" * 5000, "nested more than 32"),
    "a 5,000-digit version": ('"version": 1', '"version": 1' + "0" * 5000, "is too large"),
    "a year SQLite cannot store": ('"year": 2020', '"year": 100000000000000000000', "is too large"),
    "a lone surrogate": ('"title": "', '"title": "\\ud800', "lone surrogate"),
    "a duplicate key": ('"year": 2020', '"year": 2020, "year": 2021', "appears twice"),
    "NaN": ('"year": 2020', '"year": NaN', "NaN is not a number JSON allows"),
}


@pytest.mark.parametrize("name", NASTY_PLAN_JSON)
def test_each_kind_of_nasty_plan_json_is_worded(name, sample_plan_json, tmp_path):
    old, new, problem = NASTY_PLAN_JSON[name]
    text = json.dumps(sample_plan_json, ensure_ascii=False)
    assert old in text
    path = tmp_path / "plan.json"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(PlanFileError, match=problem):
        read_plan_file(path)


NASTY_REVIEW_FILE = {
    "nested 5,000 deep": ('"reviewer": null', '"reviewer": ' + "[" * 5000 + "]" * 5000, "nested more than 32 deep"),
    "a 5,000-digit version": ('"version": 3', '"version": 3' + "0" * 5000, "is too large"),
    "a lone surrogate": ('"reviewer": null', '"reviewer": "\\ud800"', "lone surrogate"),
    "a duplicate key": ('"reviewer": null', '"reviewer": null, "reviewer": "ana"', "appears twice"),
    "NaN": ('"reviewer": null', '"reviewer": NaN', "NaN is not a number JSON allows"),
}


@pytest.mark.parametrize("name", NASTY_REVIEW_FILE)
def test_each_kind_of_nasty_review_file_is_worded_and_changes_nothing(name, reviewed, tmp_path):
    database, review = reviewed
    old, new, problem = NASTY_REVIEW_FILE[name]
    text = json.dumps(review, ensure_ascii=False)
    assert old in text
    path = tmp_path / "colleague.json"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with PlanStore(database) as store:
        before = review_digest(store)
        with pytest.raises(ReviewFileError, match=problem):
            ReviewStore(store).import_review(1, path)
        assert review_digest(store) == before


@pytest.mark.parametrize("name, start, size", [
    ("200 MB of text", b"1. A task (Ministry of Finance)\n", 200 * 1024 ** 2),
    ("one 60 MB line", b"x", 60 * 1024 ** 2),
    ("200 MB of JSON", b'{"format": "plan-review/plan"', 200 * 1024 ** 2),
])
def test_huge_plan_files_are_refused_by_their_size(tmp_path, name, start, size):
    path = tmp_path / "huge"
    with path.open("wb") as handle:  # sparse: the test writes only the start
        handle.write(start)
        handle.truncate(size)
    with pytest.raises(PlanFileError, match="is not read as a plan"):
        read_plan_file(path)


def test_a_huge_review_file_is_refused_by_its_size(reviewed, tmp_path):
    database, _ = reviewed
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.write(b'{"format": "plan-review/review"')
        handle.truncate(100 * 1024 ** 2)
    with PlanStore(database) as store, pytest.raises(ReviewFileError, match="too large to be a review file"):
        ReviewStore(store).import_review(1, path)


# A plan the JSON format can hold: printable titles, numbered parts, departments the registry knows.
REGISTRY_NAMES = sorted(default_registry().departments)
titles = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                 max_size=30).filter(str.strip)
tasks = st.builds(Task, number=st.integers(1, 10_000), text=titles,
                  departments=st.lists(st.sampled_from(REGISTRY_NAMES), min_size=1, max_size=4, unique=True),
                  deadline=st.none() | titles)
sections = st.builds(Section, number=st.none() | st.integers(1, 50), title=st.none() | titles,
                     tasks=st.lists(tasks, min_size=1, max_size=4))
plans = st.builds(Plan, title=titles, year=st.none() | st.integers(1900, 2200), note=st.none() | titles,
                  parts=st.lists(st.builds(Part, number=st.integers(1, 20), title=titles,
                                           sections=st.lists(sections, min_size=1, max_size=3)),
                                 min_size=1, max_size=3))


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans)
def test_a_plan_written_as_json_reads_back_the_same(plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json_format.dumps(plan), "utf-8")
    assert read_plan_file(path).plan == plan


def test_refused_input_leaves_no_trace_in_the_database(sample_db, tmp_path):
    """A refused plan leaves the database as it was, byte for byte once closed."""
    path = tmp_path / "plan.json"
    path.write_text('{"format": "plan-review/plan", "version": 1, "plan": ' + "[" * 3000 + "]" * 3000 + "}")
    copy = tmp_path / "copy.sqlite"
    shutil.copy(sample_db, copy)
    with PlanStore(sample_db) as store, pytest.raises(PlanReviewError):
        read_plan(path).store_into(store)
    with PlanStore(sample_db) as store, PlanStore(copy) as untouched:
        assert store.load_plan(1) == untouched.load_plan(1) and len(store.plans()) == 1
