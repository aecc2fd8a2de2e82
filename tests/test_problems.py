"""The core's failures carry their data and are worded in English and Chinese; every template has its Chinese."""
from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from data.errors import TASK_WARNING, PlanFileError, Problem
from data.backups import REASONS
from data.formats.detect import Kind
from data.formats.ledger import OTHER, ROLES
from data.store import READ_ONLY_PROBLEM
from data.language import CHINESE, ENGLISH, environment_language, word
from data.problems_zh import PROBLEMS_ZH
from data.readers import read_plan_file
from desktop.cli_zh import CLI_ZH

ROOT = Path(__file__).resolve().parent.parent
FAILURES = {"PlanReviewError", "PlanFileError", "DatabaseError", "ExportError", "ReviewFileError", "ReviewEditError",
            "RegistryFileError", "DamagedDatabaseError", "ExportCancelled", "Problem", "ShapeError", "_fail",
            "_nonblank", "task_warning", "JsonInputError", "MalformedJsonError", "FeedbackFileError"}  # what takes a problem template
CJK = re.compile(r"[\u4e00-\u9fff]")


def constants(node: ast.expr) -> list[str]:
    """The strings an argument can be: a constant, either branch of a conditional expression, a fallback."""
    if isinstance(node, ast.IfExp):
        return constants(node.body) + constants(node.orelse)
    if isinstance(node, ast.BoolOp):  # `role or "not read"`
        return [text for value in node.values for text in constants(value)]
    return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []


def raised_templates() -> dict[str, str]:
    """Every problem template the program's code raises (or builds), with where: template -> file:line; and the
    problems it names through a constant (the read-only notice, the kinds of file, "none")."""
    found = {READ_ONLY_PROBLEM: "data/store.py", "none": "data/readers.py", TASK_WARNING: "data/errors.py",
             **{reason: "data/backups.py" for reason in REASONS.values()},
             **{role: "data/formats/ledger.py" for role in (*ROLES, OTHER)},
             **{kind.description: "data/formats/detect.py" for kind in Kind}}
    for package in ("data", "exporters", "desktop"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("append", "insert") and getattr(node.func.value, "attr", getattr(node.func.value, "id",
                                                                                            None)) == "warnings":
                    assert not any(isinstance(a, ast.JoinedStr | ast.Constant) for a in node.args[-1:]), \
                        f"{path.relative_to(ROOT)}:{node.lineno}: a warning is a Problem (a template and its values)"
                if name in FAILURES:
                    for argument in node.args:
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        assert not isinstance(argument, ast.JoinedStr), f"{where}: a template, not an f-string"
                        for template in constants(argument):
                            found[template] = where
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_raised_problem_has_its_chinese_with_the_same_values():
    templates = raised_templates()
    assert len(templates) > 50
    missing = {t: where for t, where in templates.items() if t not in PROBLEMS_ZH}
    assert missing == {}, "add these to data/problems_zh.py"
    assert set(PROBLEMS_ZH) == set(templates), "data/problems_zh.py holds templates nothing raises"
    for catalogue in (PROBLEMS_ZH, CLI_ZH):
        for english, chinese in catalogue.items():
            assert fields(chinese) == fields(english) and CJK.search(chinese), english


def test_a_failure_carries_its_file_template_and_values_and_words_them_in_either_language(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format": "plan-review/plan",\n "version": }', encoding="utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plan_file(path)
    error = raised.value
    malformed = error.reason.values["reason"]  # what is wrong inside the file, a problem of its own
    assert error.path == str(path) and malformed.values["line"] == 2 and malformed.values["column"] == 13
    assert error.problem == "is not a plan: malformed JSON at line 2, column 13: Expecting value"
    assert error.worded(CHINESE) == "不是计划：JSON 格式有误：第 2 行第 13 列（Expecting value）"


def test_a_problem_inside_the_file_is_worded_in_the_same_language(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"format": "plan-review/plan", "version": 1, "plan": {"title": "x", "parts": [{}]}}),
                    encoding="utf-8")
    with pytest.raises(PlanFileError) as raised:
        read_plan_file(path)
    assert raised.value.problem == "not a plan in the plan-review JSON format: plan.parts[0] has no “title”"
    assert raised.value.worded(CHINESE) == "不是 plan-review JSON 格式的计划：plan.parts[0] 缺少“title”"
    assert str(Problem("{name} is not a list", name="notes")) == "notes is not a list"


def test_the_reader_s_warnings_are_worded_in_either_language(tmp_path):
    from data.readers import read_plan_file

    path = tmp_path / "plan.txt"
    path.write_text("2030年工作计划\n一、总体要求\n1.加强统筹。（月球事务局牵头，教育部参与）\n"
                    "3.推进建设。（教育部负责）\n", encoding="utf-8")
    warnings = read_plan_file(path).warnings
    unknown = next(w for w in warnings if "Lunar" in w or "月球" in w)
    assert unknown == "task 1: department “月球事务局” is not in the registry; kept as a new, unverified department"
    assert unknown.worded(CHINESE) == "任务 1：单位名录中没有“月球事务局”；已作为未核实的新单位保留"
    jump = next(w for w in warnings if "numbering" in w)
    assert CJK.search(jump.worded(CHINESE)) and not re.search(r"[A-Za-z]{3}", jump.worded(CHINESE))


def test_the_environment_chooses_the_language_as_gettext_does():
    assert environment_language({"LANG": "zh_CN.UTF-8"}) == CHINESE
    assert environment_language({"LANG": "zh_TW.UTF-8"}) == CHINESE
    assert environment_language({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}) == ENGLISH
    assert environment_language({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}) == CHINESE
    assert environment_language({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en_GB:zh_CN"}) == ENGLISH
    assert environment_language({}) == ENGLISH
    assert word("{n} tasks", CHINESE, {"{n} tasks": "{n} 项任务"}, n=3) == "3 项任务"
    assert word("{n} tasks", ENGLISH, {"{n} tasks": "{n} 项任务"}, n=3) == "3 tasks"


def test_the_chinese_window_words_a_failure_in_chinese(qtbot, tmp_path, monkeypatch, sample_db):
    from desktop import translations
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from data.store import PlanStore

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *rest: shown.append((title, text)))
    translations.install_language(CHINESE)
    try:
        window = MainWindow(AppContext(Settings()), PlanStore(sample_db))
        qtbot.addWidget(window)
        folder = tmp_path / "folder.sqlite"
        folder.mkdir()
        assert not window.open_database(folder)
        window.close()
        window.store.close()
    finally:
        translations.remove_language()
    [(title, text)] = shown
    assert title == "打开数据库"
    assert text == f"计划审阅无法使用此文件。\n\n{folder}\n\n这是文件夹，不是数据库文件"
