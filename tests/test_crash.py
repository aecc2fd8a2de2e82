"""Killed mid-write: every write reported as saved is there at the next start, a multi-row action is there
whole or not at all, the database is sound and opens without help, no temporary file stays, an export's
target holds a complete file. (bench/crash_stress.py runs a thousand kills.)"""
from __future__ import annotations

from .crash_harness import run
from .test_reader import ANOTHER_YEAR

KILLS = 12  # each kill starts a Python process: a few seconds on two cores


def test_kills_at_random_moments_lose_nothing_reported(tmp_path, _sample_db_template):
    plan_text = tmp_path / "plan-2023.txt"
    plan_text.write_text(ANOTHER_YEAR, encoding="utf-8")
    folder = tmp_path / "work"
    folder.mkdir()
    findings = run(KILLS, folder, _sample_db_template, plan_text)
    assert findings.problems == []
    assert findings.kills == KILLS and findings.writes_reported >= KILLS  # the writer got going each time
    assert findings.writes_checked == findings.writes_reported
