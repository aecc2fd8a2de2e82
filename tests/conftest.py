"""Shared fixtures. Qt runs headless: the platform is set before any Qt module loads."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):  # the tests speak English unless one asks for Chinese
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

import pytest

from data.paths import bundled_plan_path
from data.readers import read_plan_file
from data.store import PlanStore

SAMPLE = bundled_plan_path()


@pytest.fixture(autouse=True)
def user_folder(tmp_path_factory, monkeypatch) -> Path:
    """Every test (and every program it starts) keeps the user's data folder, where the reviewer identity and
    signing key live, in a temporary folder of its own (not in tmp_path, whose files some tests count)."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder / "plan-review"


@pytest.fixture(scope="session")
def sample_result():
    """The bundled 2020 plan as the reader reads it."""
    return read_plan_file(SAMPLE)


@pytest.fixture(scope="session")
def _sample_db_template(tmp_path_factory, sample_result) -> Path:
    path = tmp_path_factory.mktemp("template") / "plans.sqlite"
    with PlanStore(path) as store:
        store.import_plan(sample_result, source=SAMPLE.name)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def sample_db(tmp_path, _sample_db_template) -> Path:
    """A fresh database file holding the sample plan (plan id 1)."""
    path = tmp_path / "plans.sqlite"
    shutil.copy(_sample_db_template, path)
    return path


@pytest.fixture
def store(sample_db):
    with PlanStore(sample_db) as opened:
        yield opened
