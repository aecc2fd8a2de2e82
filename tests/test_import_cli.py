"""`plan-review import` of the files officials receive: --dry-run shows the reading and stores nothing;
--map reads an unknown name as a known body and remembers it for later imports."""
from __future__ import annotations

import json
from pathlib import Path

from data.store import PlanStore
from desktop.cli import main

from . import plan_documents as documents

CORPUS = Path(__file__).parent / "corpus"
DEFENSE = "State Administration of Science, Technology and Industry for National Defense"
MOON_PLAN = ["关于推进月面工作的实施方案", "一、夯实基础", "1.建设月面基地。（国家月球事务局、财政部负责）",
             "2.开展月面巡视。（科技部负责，2026年底前完成）", "二、加强保障", "3.培养月面人才。（国家月球事务局负责）"]


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_dry_run_prints_the_reading_of_a_word_file_and_stores_nothing(tmp_path, capsys):
    lines = (CORPUS / "gov2018-cujin-jiuye-opinions-zh.txt").read_text(encoding="utf-8").splitlines()
    source = documents.write_docx(lines, tmp_path / "plan.docx", word_numbering=True)
    db = tmp_path / "plans.sqlite"
    status, out, _ = run(capsys, "import", "--db", db, "--dry-run", source)
    assert status == 0 and not db.exists()
    assert out.startswith("Read (nothing stored): 国务院关于做好当前和今后一个时期促进就业工作的若干意见 (2018)\n"
                          "  5 parts, 0 sections, 15 tasks, 14 departments\n"
                          "  15 department clauses found, 15 tasks read, 0 clauses not placed\n"
                          "1. 支持企业稳定发展\n    1. 加大稳岗支持力度。")
    assert ("       lead: Ministry of Finance; participants: Ministry of Industry and Information Technology, "
            "People's Bank of China, China Banking and Insurance Regulatory Commission\n") in out


def test_dry_run_lists_unknown_departments_deadlines_and_warnings(tmp_path, capsys):
    source = documents.write_docx(MOON_PLAN, tmp_path / "moon.docx")
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", "--dry-run", source)
    assert status == 0
    assert "       lead: Ministry of Science and Technology; participants: -; deadline: 2026年底前完成\n" in out
    assert "warning: task 1: department “国家月球事务局” is not in the registry" in out
    assert out.rstrip().endswith("unknown department: 国家月球事务局") or "unknown department: 国家月球事务局 (" in out


def test_map_stores_the_known_body_and_later_imports_remember_it(tmp_path, capsys):
    db = tmp_path / "plans.sqlite"
    source = documents.write_docx(MOON_PLAN, tmp_path / "moon.docx")
    status, out, _ = run(capsys, "import", "--db", db, "--map", "国家月球事务局=国防科工局", source)
    assert status == 0 and "warning" not in out
    with PlanStore(db) as store:
        plan_id = store.latest_plan_id()
        leads = [row.lead.name for row in store.task_rows(store.task_ids(plan_id))]
        aliases = store.user_aliases()
    defense = DEFENSE
    assert aliases == {"国家月球事务局": defense}
    assert leads == [defense, "Ministry of Science and Technology", defense]
    later = tmp_path / "moon-2.txt"
    later.write_text("\n".join(MOON_PLAN[:3]).replace("月面基地", "月面二期基地"), encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", db, "--dry-run", later)
    assert f"lead: {defense}; participants: Ministry of Finance" in out
    assert "unknown department" not in out and "warning" not in out


def test_map_to_a_body_the_registry_does_not_know_is_refused(tmp_path, capsys, sample_db):
    before = {path.name: path.read_bytes() for path in sample_db.parent.glob("plans.sqlite*")}
    source = documents.write_docx(MOON_PLAN, tmp_path / "moon.docx")
    status, _, err = run(capsys, "import", "--db", sample_db, "--map", "国家月球事务局=Moon Office", source)
    assert status == 2
    assert err.startswith(f"plan-review: {source}: --map '国家月球事务局=Moon Office': the registry knows no "
                          "department 'Moon Office'")
    assert {path.name: path.read_bytes() for path in sample_db.parent.glob("plans.sqlite*")} == before


def test_the_registry_as_extended_travels_to_a_colleague(tmp_path, capsys):
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    source = documents.write_docx(MOON_PLAN, tmp_path / "moon.docx")
    assert run(capsys, "import", "--db", mine, "--map", "国家月球事务局=国防科工局", source)[0] == 0
    shared = tmp_path / "registry.json"
    status, out, _ = run(capsys, "registry", "export", "--db", mine, "-o", shared)
    assert status == 0 and out == f"Wrote 1 departments to {shared}\n"
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["format"] == "plan-review/departments"
    assert document["departments"] == [{"name": DEFENSE, "aliases": ["国家月球事务局"]}]
    status, out, _ = run(capsys, "registry", "import", "--db", theirs, shared)
    assert status == 0 and out == f"Added 0 departments and 1 spellings from {shared}\n"
    status, out, _ = run(capsys, "import", "--db", theirs, "--dry-run", source)
    assert f"lead: {DEFENSE}; participants: Ministry of Finance" in out and "unknown department" not in out


def test_a_file_that_is_no_registry_is_refused(tmp_path, capsys, sample_db):
    bad = tmp_path / "registry.json"
    bad.write_text('{"format": "plan-review/plan", "version": 1}', encoding="utf-8")
    status, _, err = run(capsys, "registry", "import", "--db", sample_db, bad)
    assert status == 2 and err.startswith(f"plan-review: {bad}: not a department registry file")


def test_a_body_added_from_a_colleagues_registry_is_known_to_later_imports(tmp_path, capsys):
    db = tmp_path / "plans.sqlite"
    shared = tmp_path / "registry.json"
    shared.write_text(json.dumps({"format": "plan-review/departments", "version": 2, "departments": [
        {"name": "National Lunar Affairs Office", "name_zh": "国家月球事务局", "aliases": ["月球局"]}]},
        ensure_ascii=False), encoding="utf-8")
    status, out, _ = run(capsys, "registry", "import", "--db", db, shared)
    assert status == 0 and out == f"Added 1 departments and 1 spellings from {shared}\n"
    source = tmp_path / "moon.txt"
    source.write_text("\n".join(MOON_PLAN).replace("3.培养月面人才。（国家月球事务局负责）", "3.培养月面人才。（月球局负责）"),
                      encoding="utf-8")
    status, out, _ = run(capsys, "import", "--db", db, source)
    assert status == 0 and "warning" not in out
    with PlanStore(db) as store:
        rows = store.task_rows(store.task_ids(store.latest_plan_id()))
    assert [row.lead.name for row in rows] == ["National Lunar Affairs Office", "Ministry of Science and Technology",
                                              "National Lunar Affairs Office"]
    assert rows[0].lead.verified and rows[0].lead.name_zh == "国家月球事务局"


def test_a_hostile_file_ends_with_status_2_naming_it_and_the_database_untouched(tmp_path, capsys, sample_db):
    before = {path.name: path.read_bytes() for path in sample_db.parent.glob("plans.sqlite*")}
    scanned = documents.write_scanned_pdf(tmp_path / "scan.pdf")
    status, out, err = run(capsys, "import", "--db", sample_db, "--dry-run", scanned)
    assert status == 2 and out == ""
    assert err == (f"plan-review: {scanned}: the PDF has no text layer (a scanned document?): it must be run "
                   "through text recognition (OCR) before it can be read\n")
    locked = documents.write_pdf(MOON_PLAN, tmp_path / "locked.pdf", encrypt="secret")
    status, _, err = run(capsys, "import", "--db", sample_db, locked)
    assert status == 2 and err == f"plan-review: {locked}: the PDF is encrypted and needs a password to open\n"
    assert {path.name: path.read_bytes() for path in sample_db.parent.glob("plans.sqlite*")} == before


def test_dry_run_of_a_ledger_without_parts(tmp_path, capsys):
    rows = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "建设知识产权公共服务平台", "国家知识产权局", "财政部", "2020年底"],
            ["2", "完善商标审查机制", "国家知识产权局", "", ""]]
    status, out, _ = run(capsys, "import", "--db", tmp_path / "p.sqlite", "--dry-run",
                         documents.write_csv(rows, tmp_path / "台账.csv"))
    assert status == 0
    assert out.splitlines()[3:7] == [
        "(tasks outside any part)", "    1. 建设知识产权公共服务平台",
        "       lead: China National Intellectual Property Administration; participants: Ministry of Finance; "
        "deadline: 2020年底", "    2. 完善商标审查机制"]


def test_a_plan_is_stored_under_the_title_given(tmp_path, capsys):
    """--title names the plan when the document's first line does not (a repost's headline, a web page's)."""
    source = tmp_path / "moon.txt"
    source.write_text("\n".join(["某网站首页 > 政策文件", *MOON_PLAN[1:]]), encoding="utf-8")
    db = tmp_path / "plans.sqlite"
    status, out, _ = run(capsys, "import", "--db", db, "--dry-run", "--title", "关于推进月面工作的实施方案", source)
    assert status == 0 and out.startswith("Read (nothing stored): 关于推进月面工作的实施方案")
    status, out, _ = run(capsys, "import", "--db", db, "--title", "  关于推进月面工作的实施方案 ", source)
    assert status == 0 and out.startswith("Imported plan 1: 关于推进月面工作的实施方案")
    with PlanStore(db, create=False) as store:
        assert [plan.title for plan in store.plans()] == ["关于推进月面工作的实施方案"]
