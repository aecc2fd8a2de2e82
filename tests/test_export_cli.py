"""plan-review export: formats, department names, exit codes and the nearest-name suggestion."""
from __future__ import annotations

import subprocess
import sys

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.cli import main

from .export_plans import hostile_store


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_exports_named_departments_by_abbreviation_alias_or_chinese_name(sample_db, tmp_path, capsys):
    target = tmp_path / "three.xlsx"
    status, out, err = run(capsys, "export", "--db", sample_db, "--format", "xlsx", "--department", "CNIPA",
                           "--department", "ministry of education", "--department", "财政部", "-o", target)
    assert (status, err) == (0, "")
    assert str(target) in out
    assert openpyxl.load_workbook(target).sheetnames == ["Overview", "Matrix", "CNIPA", "MOE", "MOF"]


def test_exports_all_departments_one_pdf_each(sample_db, store, tmp_path, capsys):
    folder = tmp_path / "pdfs"
    status, out, _ = run(capsys, "export", "--db", sample_db, "--format", "pdf", "--all",
                         "--one-file-per-department", "-o", folder, "--plan", 1)
    assert status == 0
    assert len(list(folder.glob("*.pdf"))) == len(store.departments(1)) == 40
    cnipa = folder / "05 China National Intellectual Property Administration.pdf"
    assert "国家知识产权局" in PdfReader(cnipa).pages[0].extract_text()
    assert f"  {cnipa}" in out.splitlines()  # every file written is named


def test_an_unknown_department_is_an_error_suggesting_the_nearest_names(sample_db, tmp_path, capsys):
    target = tmp_path / "x.pdf"
    status, out, err = run(capsys, "export", "--db", sample_db, "--format", "pdf", "--department",
                           "Ministry of Educaton", "-o", target)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert "Ministry of Educaton" in err and "did you mean 'Ministry of Education'" in err
    assert not target.exists()


def test_an_unwritable_target_is_one_line_naming_it(sample_db, tmp_path, capsys):
    target = tmp_path / "no folder" / "x.xlsx"
    status, _, err = run(capsys, "export", "--db", sample_db, "--format", "xlsx", "--all", "-o", target)
    assert status == 2
    assert err.startswith(f"plan-review: {target}: cannot be written")
    assert len(err.splitlines()) == 1


def test_an_unknown_plan_is_an_error(sample_db, tmp_path, capsys):
    status, _, err = run(capsys, "export", "--db", sample_db, "--format", "xlsx", "--all", "--plan", 9,
                         "-o", tmp_path / "x.xlsx")
    assert status == 2 and "no plan with id 9" in err


@pytest.mark.parametrize("choice", [[], ["--all", "--department", "CNIPA"]])
def test_a_department_or_all_is_required(sample_db, tmp_path, capsys, choice):
    with pytest.raises(SystemExit) as leaving:
        main(["export", "--db", str(sample_db), "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), *choice])
    assert leaving.value.code == 2
    assert "--department" in capsys.readouterr().err


def test_replaced_characters_are_printed_as_warnings(tmp_path, capsys):
    db = tmp_path / "hostile.sqlite"
    hostile_store(db).close()
    status, out, _ = run(capsys, "export", "--db", db, "--format", "xlsx", "--all", "-o", tmp_path / "h.xlsx")
    assert status == 0
    assert "warning: task 8: 2 unprintable character(s) replaced with \ufffd" in out


def test_the_exporters_load_openpyxl_and_reportlab_only_to_write():
    code = ("import sys, desktop.cli, exporters.export, desktop.export_dialog; "
            "print(sorted(m for m in ('openpyxl', 'reportlab') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_the_chosen_format_fixes_a_wrong_extension(sample_db, tmp_path, capsys):
    status, out, _ = run(capsys, "export", "--db", sample_db, "--format", "pdf", "--department", "CNIPA",
                         "-o", tmp_path / "all.xlsx")
    assert status == 0
    assert not (tmp_path / "all.xlsx").exists()
    assert (tmp_path / "all.pdf").read_bytes().startswith(b"%PDF")
    assert f"  {tmp_path / 'all.pdf'}" in out.splitlines()
    status, out, _ = run(capsys, "export", "--db", sample_db, "--format", "xlsx", "--department", "CNIPA",
                         "-o", tmp_path / "sheets.v2")  # an unknown suffix is kept, the extension added
    assert status == 0 and (tmp_path / "sheets.v2.xlsx").exists()


def test_per_department_file_names_are_safe_everywhere_and_short_enough():
    from exporters.files import FILE_NAME_LIMIT, numbered_file_names

    names = numbered_file_names(["CON", 'A/B: "C" <D>?', "x" * 300, "国家知识产权局", "..."], "pdf")
    assert names[0] == "1 CON_.pdf"  # a name Windows reserves
    assert names[1] == "2 A B C D.pdf"
    assert names[2].startswith("3 xxx") and len(names[2]) == FILE_NAME_LIMIT
    assert names[3] == "4 国家知识产权局.pdf"
    assert names[4] == "5 department.pdf"
