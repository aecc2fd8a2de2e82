"""The command line speaks the environment's language (LANG=zh_CN: Chinese) and never loads Qt to do it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from data.paths import bundled_plan_path
from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def chinese_environment(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def test_import_speaks_chinese_under_a_chinese_locale(tmp_path, capsys, chinese_environment):
    db = tmp_path / "plans.sqlite"
    status, out, _ = run(capsys, "import", "--db", db, bundled_plan_path())
    assert status == 0
    assert out.splitlines()[:3] == [
        "已导入计划 1：Deepen the implementation of the national intellectual property strategy in 2020（2020）",
        "  5 个部分，13 个小节，100 项任务，40 个单位",
        "  找到 100 处责任单位，存入 100 项任务，0 处责任单位未能归入任务"]
    status, out, _ = run(capsys, "import", "--db", db, bundled_plan_path())
    assert out.startswith("已存为计划 1：")


def test_bad_input_is_one_chinese_line_naming_the_file(tmp_path, capsys, chinese_environment):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    status, out, err = run(capsys, "import", "--db", tmp_path / "p.sqlite", empty)
    assert status == 2 and out == ""
    assert err == f"plan-review: {empty}: 文件为空\n"
    status, _, err = run(capsys, "tasks", "--db", tmp_path / "missing.sqlite")
    assert status == 2 and err.endswith("数据库不存在；请先导入计划\n")


def test_an_english_locale_keeps_english(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run(capsys, "import", "--db", tmp_path / "p.sqlite", empty)[2] == f"plan-review: {empty}: the file is empty\n"


def test_the_command_line_never_loads_qt(sample_db):
    script = ("import sys; from desktop.cli import main; status = main(['dump', '--db', sys.argv[1]]); "
              "main(['departments', '--db', sys.argv[1]]); "
              "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))); "
              "sys.exit(status)")
    done = subprocess.run([sys.executable, "-c", script, str(sample_db)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "LANG": "zh_CN.UTF-8"})
    assert done.returncode == 0 and done.stderr == "[]"
    assert '"format": "plan-review/plan"' in done.stdout and "单位" in done.stdout


def test_the_reader_s_warnings_speak_chinese_too(tmp_path, capsys, chinese_environment):
    path = tmp_path / "plan.txt"
    path.write_text("2030年工作计划\n一、总体要求\n1.加强统筹。（月球事务局牵头，教育部参与）\n", encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", path)
    assert status == 0
    assert "警告：任务 1：单位名录中没有“月球事务局”；已作为未核实的新单位保留" in out.splitlines()
