"""Assignment sheets in PDF: extract the text and the bookmarks of the written file."""
from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from data.errors import ExportError
from exporters import pdf
from exporters.export import ExportRequest, export_assignment_sheets
from exporters.files import ExportCancelled

from .export_plans import HOSTILE_TEXTS, hostile_store


def export(store, path, names=None, one_file_per_department=False, **hooks):
    departments = store.departments(1)
    ids = tuple(d.id for d in departments if names is None or d.abbreviation in names)
    return export_assignment_sheets(store, ExportRequest(1, ids, "pdf", path, one_file_per_department), **hooks)


@pytest.fixture(scope="module")
def combined(tmp_path_factory, _sample_db_template):
    """The sample plan's every department in one PDF, read once for the module."""
    from data.store import PlanStore

    path = tmp_path_factory.mktemp("pdf") / "sheets.pdf"
    with PlanStore(_sample_db_template) as store:
        export(store, path)
        departments = store.departments(1)
    return PdfReader(path), departments


def page_texts(reader):
    return [page.extract_text() for page in reader.pages]


def test_one_bookmark_per_department_pointing_at_its_first_page(combined):
    reader, departments = combined
    titles = [entry.title for entry in reader.outline]
    assert titles == ["  ".join(filter(None, (d.name, d.name_zh))) for d in departments]
    texts = page_texts(reader)
    for entry, department in zip(reader.outline, departments):
        first_page = texts[reader.get_destination_page_number(entry)]
        tasks = "task" if department.lead_count == 1 else "tasks"  # "Leads 1 task", never "1 tasks"
        assert f"Leads {department.lead_count} {tasks}, takes part in {department.participant_count}." in first_page
    assert any(d.lead_count == 1 for d in departments)


def test_contents_page_lists_departments_with_their_pages(combined):
    reader, departments = combined
    contents = page_texts(reader)[0]
    assert "Department assignment sheets" in contents and "Contents" in contents
    assert "China National Intellectual Property Administration\n国家知识产权局\n35\n22\n7" in contents


def test_chinese_names_print_as_chinese(combined):
    reader, _ = combined
    cnipa_page = next(t for t in page_texts(reader) if "Leads 35 tasks" in t)
    assert "国家知识产权局" in cnipa_page
    fonts = [font.get_object() for font in reader.pages[0]["/Resources"]["/Font"].values()]
    if pdf.cjk_font() == pdf.CJK_FONT:  # a CJK TrueType font was found on this machine: embedded
        assert any(font["/Subtype"] == "/TrueType" and "/FontFile2" in font["/FontDescriptor"] for font in fonts)
    else:
        assert any("STSong" in font["/BaseFont"] for font in fonts)


def test_every_page_says_page_x_of_y(combined):
    reader, _ = combined
    total = len(reader.pages)
    for number, text in enumerate(page_texts(reader), start=1):
        assert re.search(rf"Page {number} of\s*{total}\b", text), number


def test_full_task_texts_and_roles_are_printed(store, tmp_path):
    path = tmp_path / "cnipa.pdf"
    export(store, path, names={"CNIPA"})
    text = re.sub(r"\s+", " ", "".join(page_texts(PdfReader(path))))
    assert "Tasks it leads (35)" in text and "Tasks it takes part in (22)" in text
    cnipa = store.find_department("CNIPA")
    for task in store.task_rows(store.task_ids(1, department_ids=[cnipa.id])):
        assert re.sub(r"\s+", " ", task.text)[:60] in text


def test_markup_and_formulas_print_exactly_as_typed(tmp_path):
    with hostile_store(tmp_path / "hostile.sqlite") as store:
        path = tmp_path / "hostile.pdf"
        result = export(store, path)
    text = "".join(page_texts(PdfReader(path)))
    for number in (1, 2, 3, 4, 7):
        assert HOSTILE_TEXTS[number] in text
    assert "Hostile <plan> & =title" in text
    assert "a bell \ufffd and a null \ufffd inside" in text
    assert result.warnings


def test_markup_escapes_and_switches_font_for_chinese():
    assert pdf.markup("<b>&") == "&lt;b&gt;&amp;"
    assert pdf.markup("a\nb") == "a<br/>b"
    assert pdf.markup("CNIPA 国家") == f'CNIPA <font name="{pdf.cjk_font()}">国家</font>'


def test_one_pdf_per_department(store, tmp_path):
    folder = tmp_path / "pdfs"
    result = export(store, folder, names={"CNIPA", "MOE"}, one_file_per_department=True)
    assert [p.name for p in result.paths] == ["1 China National Intellectual Property Administration.pdf",
                                              "2 Ministry of Education.pdf"]
    reader = PdfReader(folder / "2 Ministry of Education.pdf")
    assert [e.title for e in reader.outline] == ["Ministry of Education  教育部"]
    assert "Contents" not in reader.pages[0].extract_text()


def test_cancelling_leaves_no_file(store, tmp_path):
    seen = []

    def cancel():
        return len(seen) > 45  # while laying out the departments

    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(ExportCancelled):
        export(store, target / "sheets.pdf", progress=lambda done, total: seen.append(done), cancel=cancel)
    assert list(target.iterdir()) == []


def test_an_unwritable_target_gives_an_export_error_naming_it(store, tmp_path):
    target = tmp_path / "sheets.pdf"
    target.mkdir()  # a folder where the file should go: the final replace fails
    with pytest.raises(ExportError) as caught:
        export(store, target, names={"CNIPA"})
    assert caught.value.path == str(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []



def test_without_a_cjk_font_file_the_builtin_chinese_font_is_used(store, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "CJK_FONT_FILES", [str(tmp_path / "missing.ttc")])
    pdf.cjk_font.cache_clear()
    try:
        export(store, tmp_path / "cnipa.pdf", names={"CNIPA"})
        assert pdf.cjk_font() == pdf.CJK_FALLBACK
    finally:
        pdf.cjk_font.cache_clear()
    fonts = PdfReader(tmp_path / "cnipa.pdf").pages[0]["/Resources"]["/Font"].values()
    assert any("STSong" in font.get_object()["/BaseFont"] for font in fonts)


def test_a_chinese_plan_prints_its_chinese_text_wrapped_in_the_cells(tmp_path):
    from pathlib import Path

    from data.readers import read_plan_file
    from data.store import PlanStore

    plan = read_plan_file(Path(__file__).parent / "fixtures" / "ip2024-plan-zh-partial.txt")
    with PlanStore(tmp_path / "zh.sqlite") as store:
        store.import_plan(plan)
        export(store, tmp_path / "zh.pdf", names={"CNIPA"})
    text = "".join(page_texts(PdfReader(tmp_path / "zh.pdf")))
    first_task = plan.plan.tasks[0].text
    assert first_task[:20] in text
    longest_line = max(len(line) for line in text.splitlines())
    assert longest_line < 120  # long Chinese runs break inside the cell instead of running off the page
