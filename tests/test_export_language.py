"""Sheets and reports in the language chosen for them: Chinese headings, roles, columns, footers, dates and
department names, a CJK font embedded in the PDF; every fixed text has its Chinese."""
from __future__ import annotations

import ast
import string
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont

from data.importing import read_plan
from data.language import CHINESE
from data.review import NEEDS_FOLLOW_UP, STATUS_COLOURS, ReviewStore
from data.store import PlanStore
from desktop.cli import main
from exporters import pdf, xlsx
from exporters.document import OFFICIAL, build_book
from exporters.export import ExportRequest, ReviewReportRequest, export_assignment_sheets, export_review_report
from exporters.review_report import SELECTIONS, STATUS_WORDS, TITLE, build_review_report
from exporters.wording import SHEETS_ZH

ROOT = Path(__file__).resolve().parent.parent
CHINESE_PLAN = ROOT / "tests" / "fixtures" / "guangdong-digital-2025-zh.txt"
PRINTED = date(2026, 12, 2)


def worded_templates() -> set[str]:
    """Every constant template the exporters word (words(...), self.words(...), book.words(...)), and the
    texts they word through a table (statuses, selections, the report's title, the other name's column)."""
    found = {*STATUS_WORDS.values(), *SELECTIONS.values(), TITLE, "English name", "Chinese name"}
    for path in (ROOT / "exporters").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                function = node.func
                name = getattr(function, "id", None) or getattr(function, "attr", None)
                if name == "words" and isinstance(node.args[0].value, str):
                    found.add(node.args[0].value)
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_of_the_sheets_has_its_chinese_with_the_same_values():
    used = worded_templates()
    assert len(used) > 60
    assert used - set(SHEETS_ZH) == set(), "add these to SHEETS_ZH in exporters/wording.py"
    assert set(SHEETS_ZH) - used == set(), "SHEETS_ZH holds texts nothing words"
    for english, chinese in SHEETS_ZH.items():
        assert fields(chinese) == fields(english), english


@pytest.fixture
def chinese_plan(tmp_path):
    with PlanStore(tmp_path / "zh.sqlite") as store:
        read_plan(CHINESE_PLAN).store_into(store)
        yield store


def department_ids(store, *names):
    return tuple(store.find_department(name).id for name in names)


def test_a_chinese_pdf_speaks_chinese_and_embeds_its_font(chinese_plan, tmp_path):
    ids = department_ids(chinese_plan, "省发展改革委", "省科技厅")
    book = build_book(chinese_plan, 1, ids, printed=PRINTED, language=CHINESE)
    path = tmp_path / "sheets.pdf"
    pdf.write_pdf(book, path)
    reader = PdfReader(path)
    contents, first = (page.extract_text() for page in reader.pages[:2])
    assert contents.startswith("任务分工表\n数字广东建设2025年工作要点（2026年12月2日印制）\n目录")
    assert "单位\n英文名称\n牵头\n参与\n页码" in contents and "第 1 页 \n共 3 页" in contents
    assert "牵头任务（" in first and "参与任务（" in first and "2026年12月2日印制" in first
    assert "序号\n部分和小节\n任务\n参与单位" in first
    assert "二、大力推动数字经济高质量发展\n（一）提升" in first  # parts and sections numbered as the plan numbers them
    assert not [word for word in ("Leads", "Printed", "Page", "Tasks it") if word in contents + first]
    fonts = {font["/BaseFont"]: font for page in reader.pages[:2]
             for font in page["/Resources"]["/Font"].values()}
    cjk = [font for name, font in fonts.items() if "WenQuanYiMicroHei" in name]  # fonts-wqy-microhei
    assert cjk and all("/FontFile2" in font["/FontDescriptor"] for font in cjk)  # embedded, not only named


def test_a_chinese_workbook_speaks_chinese(chinese_plan, tmp_path):
    ids = department_ids(chinese_plan, "省发展改革委", "省科技厅")
    book = build_book(chinese_plan, 1, ids, printed=PRINTED, language=CHINESE)
    path = tmp_path / "sheets.xlsx"
    xlsx.write_workbook(book, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["总览", "任务分工矩阵", "省发展改革委", "省科技厅"]
    overview = workbook["总览"]
    assert overview["A1"].value == "任务分工表" and overview["A2"].value == "数字广东建设2025年工作要点（2026年12月2日印制）"
    assert [c.value for c in overview[4]] == ["单位", "英文名称", "缩写", "牵头", "参与", "工作表"]
    assert overview.oddFooter.right.text == "第 &P 页 共 &N 页" and overview.oddFooter.left.text == "总览"
    sheet = workbook["省科技厅"]
    assert sheet["A3"].value.startswith("牵头任务 ") and sheet["A3"].value.endswith("2026年12月2日印制")
    assert [c.value for c in sheet[5]] == ["角色", "序号", "部分和小节", "任务", "牵头单位", "其他参与单位"]
    assert {sheet.cell(row=r, column=1).value for r in range(6, sheet.max_row + 1)} == {"牵头", "参与"}
    assert sheet["A6"].font.name == xlsx.CHINESE_FONT
    matrix = workbook["任务分工矩阵"]
    assert {c.value for row in matrix.iter_rows(min_row=2, min_col=3) for c in row} <= {"牵", "参", None}
    assert matrix.oddFooter.left.text == "任务 × 单位（牵：牵头，参：参与）"


def test_chinese_sheets_list_departments_in_pinyin_order(chinese_plan, tmp_path):
    ids = tuple(d.id for d in chinese_plan.departments(1))
    path = tmp_path / "sheets.xlsx"
    export_assignment_sheets(chinese_plan, ExportRequest(1, ids, "xlsx", path, language=CHINESE))
    names = openpyxl.load_workbook(path).sheetnames[2:]
    assert len(names) == len(ids)
    order = ["各地级以上市人民政府", "广东海事局", "人民银行广东省分行", "省发展改革委", "省政务和数据局", "有关单位"]
    assert sorted(order, key=names.index) == order  # ge, guang, ren, sheng fa, sheng zheng, you
    export_assignment_sheets(chinese_plan, ExportRequest(1, ids, "xlsx", path))
    workbook = openpyxl.load_workbook(path)
    assert workbook[workbook.sheetnames[2]]["A1"].value.startswith("City governments")  # English: the order asked


def test_an_english_plan_exported_in_chinese_names_departments_by_their_short_forms(store, tmp_path):
    ndrc = store.find_department("NDRC").id
    book = build_book(store, 1, (ndrc,), printed=PRINTED, language=CHINESE)
    sheet = book.sheets[0]
    assert sheet.title == "国家发展和改革委员会" and sheet.short_name == "国家发展改革委"
    assert {task.lead for task in sheet.taking_part} <= {"国家知识产权局", "中国人民银行", "财政部", "科技部",
                                                          "市场监管总局", "中央宣传部", "工业和信息化部", "商务部",
                                                          "教育部", "国务院国资委"} | {t.lead for t in sheet.tasks}
    assert all("Administration" not in name for task in sheet.tasks for name in (task.lead, *task.others))


def test_a_chinese_review_report(store, tmp_path):
    reviews = ReviewStore(store)
    reviews.set_state(store.task_id_by_number(1, 1), "王芳", status="needs-follow-up", flagged=True)
    reviews.add_note(store.task_id_by_number(1, 1), "请核实牵头单位。", "王芳")
    report = build_review_report(store, 1, printed=PRINTED, language=CHINESE)
    summary = dict(report.summary)
    assert summary["审阅进度"] == "已审阅 0 项，共 100 项（0%）" and summary["待跟进"] == "1"
    assert summary["备注"] == "1 条，涉及 1 项任务" and summary["本报告"] == "全部任务，100 项，共 100 项"
    assert report.heading == "全部任务（100 项）"
    row = report.tasks.rows[0]
    assert row[report.status_column] == "待跟进" and row[5] == "王芳：待跟进"
    assert row[7].startswith("王芳（") and "日）：请核实牵头单位。" in row[7]
    path = tmp_path / "report.xlsx"
    export_review_report(store, ReviewReportRequest(1, "xlsx", path, language=CHINESE))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["审阅", "备注"] and workbook["审阅"]["A1"].value == "审阅报告"
    status = next(c for row in workbook["审阅"].iter_rows() for c in row if c.value == "待跟进" and c.row > 12)
    assert status.fill.fgColor.rgb.endswith(STATUS_COLOURS[NEEDS_FOLLOW_UP])
    pdf_path = tmp_path / "report.pdf"
    export_review_report(store, ReviewReportRequest(1, "pdf", pdf_path, language=CHINESE))
    text = PdfReader(pdf_path).pages[0].extract_text()
    assert "审阅报告" in text and "审阅进度" in text and "第 1 页" in text


def test_the_command_line_exports_in_the_language_asked(sample_db, tmp_path, capsys, monkeypatch):
    path = tmp_path / "ndrc.xlsx"
    assert main(["export", "--db", str(sample_db), "--format", "xlsx", "--department", "NDRC",
                 "--language", "zh", "-o", str(path)]) == 0
    assert openpyxl.load_workbook(path).sheetnames == ["总览", "任务分工矩阵", "国家发展改革委"]
    assert main(["export", "--db", str(sample_db), "--format", "xlsx", "--department", "NDRC", "-o", str(path)]) == 0
    assert openpyxl.load_workbook(path).sheetnames == ["Overview", "Matrix", "NDRC"]  # LANG=C: English
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["export", "--db", str(sample_db), "--format", "xlsx", "--department", "NDRC", "-o", str(path)]) == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == "总览"
    with pytest.raises(SystemExit):
        main(["export", "--db", str(sample_db), "--format", "pdf", "--department", "NDRC", "--language", "fr",
              "-o", str(path)])
    capsys.readouterr()


def test_the_export_dialog_chooses_the_language_whatever_the_interface(qtbot, sample_db, store, tmp_path):
    from desktop.export_dialog import ExportDialog

    dialog = ExportDialog(sample_db, 1, store.departments(1), folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "en"  # the interface's language
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(CHINESE))
    dialog.destination.setText(str(tmp_path / "sheets.xlsx"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=20_000)
    assert openpyxl.load_workbook(tmp_path / "sheets.xlsx").sheetnames[:2] == ["总览", "任务分工矩阵"]
    dialog.result_box.reject()


def test_english_sheets_stay_as_they_were(store, tmp_path):
    path = tmp_path / "sheets.xlsx"
    export_assignment_sheets(store, ExportRequest(1, (store.find_department("NDRC").id,), "xlsx", path))
    sheet = openpyxl.load_workbook(path)["NDRC"]
    assert sheet["A1"].value == "National Development and Reform Commission  国家发展和改革委员会"
    assert [c.value for c in sheet[5]] == ["Role", "No.", "Part and section", "Task", "Lead department",
                                           "Other participants"]


# The official layout (GB/T 9704) --------------------------------------------------------------------------
def test_the_official_pdf_is_a4_portrait_with_outside_page_numbers_and_the_attachment_heading(chinese_plan, tmp_path):
    ids = department_ids(chinese_plan, "省发展改革委", "省科技厅")
    path = tmp_path / "official.pdf"
    export_assignment_sheets(chinese_plan, ExportRequest(1, ids, "pdf", path, language=CHINESE, layout=OFFICIAL,
                                                         attachment=True))
    reader = PdfReader(path)
    assert [round(float(v) / 72 * 25.4) for v in reader.pages[0].mediabox[2:]] == [210, 297]  # A4 portrait, mm
    texts = ["\n".join(line.strip() for line in page.extract_text().splitlines()) for page in reader.pages]
    assert texts[0].startswith("附件\n省发展改革委任务分工\n（数字广东建设2025年工作要点）\n一、牵头任务（5 项）")
    assert "二、参与任务（2 项）" in "".join(texts)
    assert all(text.rstrip().endswith(f"— {number} —") for number, text in enumerate(texts, start=1))
    assert [entry.title for entry in reader.outline] == ["省发展改革委", "省科技厅"]
    assert not any("Printed" in text or "印制" in text for text in texts)  # no running header or footer
    used = {font["/BaseFont"].lstrip("/").split("+")[-1].rsplit("-", 1)[0]  # "/AAAAAA+UKaiCN-0": UKaiCN
            for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    expected = {TTFont("probe", file, subfontIndex=0).face.name.decode() for file in pdf.official_font_files().values()
                if file} | ({"WenQuanYiMicroHei"} if None in pdf.official_font_files().values() else set())
    assert used <= expected | {"Helvetica"} and len(used & expected) >= 2  # the fonts found for each role, embedded
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert font["/BaseFont"] == "/Helvetica" or "/FontFile2" in font["/FontDescriptor"]


def test_the_official_fonts_fall_back_to_the_cjk_font_the_machine_has(monkeypatch):
    monkeypatch.setitem(pdf.OFFICIAL_FONTS, "body", ("仿宋", ["/nowhere/simfang.ttf"]))
    pdf.official_font.cache_clear()
    try:
        assert pdf.official_font("body") == pdf.cjk_font()
        assert pdf.official_font_files()["body"] is None
    finally:
        pdf.official_font.cache_clear()


def test_the_official_workbook_holds_only_the_sheets_laid_out_as_attachments(chinese_plan, tmp_path):
    ids = department_ids(chinese_plan, "省发展改革委", "省科技厅")
    path = tmp_path / "official.xlsx"
    export_assignment_sheets(chinese_plan, ExportRequest(1, ids, "xlsx", path, language=CHINESE, layout=OFFICIAL,
                                                         attachment=True))
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["省发展改革委", "省科技厅"]
    sheet = workbook["省发展改革委"]
    assert [sheet.cell(row=r, column=1).value for r in (1, 3, 4, 6)] == [
        "附件", "省发展改革委任务分工", "（数字广东建设2025年工作要点）", "一、牵头任务（5 项）"]
    assert sheet["A3"].font.name == "方正小标宋简体" and sheet["A3"].font.sz == 22
    assert sheet["A1"].font.name == "黑体" and sheet["C8"].font.name == "仿宋_GB2312"
    assert [c.value for c in sheet[7]][:3] == ["序号", "部分和小节", "任务"]
    assert sheet.page_setup.orientation == "portrait" and int(sheet.page_setup.paperSize) == 9  # A4
    assert round(sheet.page_margins.top * 25.4) == 37 and round(sheet.page_margins.left * 25.4) == 28
    assert sheet.oddFooter.right.text == "— &P —" and sheet.evenFooter.left.text == "— &P —"
    assert sheet.HeaderFooter.differentOddEven


def test_the_command_line_and_the_dialog_offer_the_official_layout(sample_db, tmp_path, qtbot, store):
    from desktop.export_dialog import ExportDialog

    path = tmp_path / "ndrc.pdf"
    assert main(["export", "--db", str(sample_db), "--format", "pdf", "--department", "NDRC", "--language", "zh",
                 "--layout", "official", "-o", str(path)]) == 0
    first = PdfReader(path).pages[0]
    assert first.extract_text().strip().startswith("国家发展和改革委员会任务分工") and first.mediabox.height > first.mediabox.width
    dialog = ExportDialog(sample_db, 1, store.departments(1), folder=tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.attachment.isEnabled()
    dialog.official.setChecked(True)
    dialog.attachment.setChecked(True)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(CHINESE))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.destination.setText(str(tmp_path / "all.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_box is not None and dialog.result_box.isVisible(), timeout=30_000)
    assert PdfReader(tmp_path / "all.pdf").pages[0].extract_text().startswith("附件\n")
    dialog.result_box.reject()


def test_a_chinese_feedback_workbook_comes_back_and_is_read(sample_db, tmp_path, capsys, monkeypatch):
    from data.feedback import KEY_PREFIX
    from exporters.feedback import HEADER_ROW

    folder = tmp_path / "feedback"
    assert main(["export", "--db", str(sample_db), "--format", "xlsx", "--department", "NDRC", "--language", "zh",
                 "--for-feedback", "-o", str(folder)]) == 0
    [path] = list(folder.iterdir())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    keys = {cell.value[len(KEY_PREFIX):]: cell.column for cell in sheet[HEADER_ROW - 1] if cell.value}
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    assert headings[:4] == ["角色", "序号", "部分和小节", "任务"] and headings[6:10] == ["进展", "完成时间", "工作情况", "联系人"]
    assert sheet.cell(row=HEADER_ROW + 1, column=keys["role"]).value in ("牵头", "参与")
    sheet.cell(row=HEADER_ROW + 1, column=keys["progress"]).value = "已完成"
    workbook.save(path)
    capsys.readouterr()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["feedback", "import", "--db", str(sample_db), str(path)]) == 0
    out = capsys.readouterr().out
    assert "已反馈1 项任务" in out and "1 个单位已反馈" in out
