"""The files officials receive (Word, PDF, saved web pages, ledgers), each built from a corpus document:
read as the plain text reads; hostile or unreadable files refused with the file named and the reason."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from data.errors import PlanFileError
from data.formats import archive, conversion, pdf, sheets
from data.readers import read_plan_file
from data.registry import default_registry
from data.text_reader import read_plan_text

from . import plan_documents as documents

CORPUS = Path(__file__).parent / "corpus"


def corpus_lines(slug: str) -> list[str]:
    return (CORPUS / f"{slug}.txt").read_text(encoding="utf-8").splitlines()


def plain_reading(slug: str):
    return read_plan_text((CORPUS / f"{slug}.txt").read_text(encoding="utf-8"), default_registry())


def assert_reads_as_plain_text(slug: str, path: Path) -> None:
    plain, read = plain_reading(slug), read_plan_file(path)
    assert len(read.plan.tasks) == len(plain.plan.tasks) > 0
    assert documents.reading(read) == documents.reading(plain)


@pytest.mark.parametrize("slug", ["gov2019-3-zonghe-baoshuiqu-opinions-zh", "plan-2020-en"])
def test_a_word_document_reads_as_its_plain_text(tmp_path, slug):
    assert_reads_as_plain_text(slug, documents.write_docx(corpus_lines(slug), tmp_path / f"{slug}.docx"))


@pytest.mark.parametrize("slug", ["gov2018-cujin-jiuye-opinions-zh",  # 一、 parts, （一） numbered through
                                  "gov2018-nongye-jixiehua-opinions-zh"])
def test_word_list_numbering_is_recovered(tmp_path, slug):
    path = documents.write_docx(corpus_lines(slug), tmp_path / f"{slug}.docx", word_numbering=True)
    import docx

    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    assert not any(re.match(r"^（[一二三四五六七八九十]+）", text) for text in paragraphs)  # Word draws them
    assert_reads_as_plain_text(slug, path)


@pytest.mark.parametrize("slug, options", [
    ("gov2018-cujin-jiuye-opinions-zh", {}),
    ("gov2019-xiaofei-fupin-opinions-zh", {"justified": True}),
    ("gov2018-zhenzhua-shigan-jili-notice-zh", {"font": "STSong-Light"}),
    ("plan-2020-en", {"justified": True}),
    ("guangdong-digital2025-workpoints-zh-reconstructed", {"justified": True}),  # "AI PC" among the characters
    ("anhui2022-zhongdian-gongzuo-zeren-fenjie-news-partial", {}),  # labels on lines of their own
    ("caidian2023-zhengfu-gongzuo-baogao-zeren-fenjie-partial", {}),
    ("liaoning2024-zhengfu-gongzuo-baogao-fengong-partial", {}),  # a signature line after a full line
    ("shaoxing2020-zhongdian-gongzuo-jinzhan-table-partial", {"font": "STSong-Light"}),  # cells after full lines
])
def test_a_pdf_reads_as_its_plain_text(tmp_path, slug, options):
    path = documents.write_pdf(corpus_lines(slug), tmp_path / f"{slug}.pdf", **options)
    pages = documents.pdf_pages(path)
    assert len(pages) >= 2 and documents.PAGE_HEADER in pages[1] and "— 2 —" in pages[1]
    assert_reads_as_plain_text(slug, path)


def test_pdf_lines_are_found_where_their_characters_stand(tmp_path):
    """A row of two pieces (a task and its department set apart), then a justified line placed character by
    character: PDFium's own line breaks run the second row on into the first; the reader's lines do not."""
    second = "2.加强监管，落实责任。（教育部负责）"
    path = documents.write_placed_pdf([(700, [(72, "1.做好就业工作。"), (420, "（财政部负责）")]),
                                       (678, [(72 + 14 * i, char) for i, char in enumerate(second)])],
                                      tmp_path / "rows.pdf")
    assert pdf.read_pdf(path) == ["1.做好就业工作。", "（财政部负责）", "2.加强监管，落实责任。（教育部负责）"]


def test_a_space_a_pdf_draws_in_a_run_of_its_own_is_kept_in_chinese(tmp_path):
    """Word writes a space between Chinese words as a run of its own (in the Latin font); PDFium leaves such a
    text object out, and the gap it leaves is not dropped as the gaps of justified Chinese are."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    space_at = 72 + stringWidth("中共中央", "WQY", 14)
    path = documents.write_placed_pdf([(700, [(72, "中共中央"), (space_at, " "),
                                              (space_at + stringWidth(" ", "WQY", 14), "国务院关于促进就业的意见")])],
                                      tmp_path / "title.pdf")
    assert pdf.read_pdf(path) == ["中共中央 国务院关于促进就业的意见"]


def test_reading_a_pdf_waits_while_another_thread_uses_pdfium(tmp_path):
    """PDFium is not thread-safe: an import reading a PDF takes turns with the window's print preview."""
    import threading

    from data.pdfium import PDFIUM

    path = documents.write_pdf(corpus_lines("gov2019-3-zonghe-baoshuiqu-opinions-zh"), tmp_path / "plan.pdf")
    done = threading.Event()
    with PDFIUM:
        threading.Thread(target=lambda: (pdf.read_pdf(path), done.set()), daemon=True).start()
        assert not done.wait(0.5)
    assert done.wait(30)


def test_a_saved_web_page_reads_as_its_plain_text_without_site_furniture(tmp_path):
    slug = "gov2019-xiaofei-fupin-opinions-zh"
    html = documents.page_html(corpus_lines(slug), plain_reading(slug).plan.title)
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert_reads_as_plain_text(slug, path)
    text = " ".join(task.text for task in read_plan_file(path).plan.tasks)
    assert "分享到" not in text and "版权所有" not in text and "相关文件第" not in text


def test_a_gbk_web_page_and_a_web_archive_read_as_the_plain_text(tmp_path):
    slug = "gov2018-zhenzhua-shigan-jili-notice-zh"
    html = documents.page_html(corpus_lines(slug), plain_reading(slug).plan.title)
    gbk = tmp_path / "page.htm"
    gbk.write_bytes(html.replace('charset="utf-8"', 'charset="gbk"').encode("gb18030"))
    assert_reads_as_plain_text(slug, gbk)
    archive = documents.write_mht(html, tmp_path / "page.mht")
    assert b"quoted-printable" in archive.read_bytes().lower()
    assert_reads_as_plain_text(slug, archive)


def ledger_reading(result) -> dict:
    """A ledger numbers parts and sections itself: compare their titles and every task."""
    reading = documents.reading(result)
    return {"parts": [(title, [section for _, section in sections if section])
                      for _, title, sections in reading["parts"]], "tasks": reading["tasks"]}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("slug", ["gov2018-cujin-jiuye-opinions-zh", "gov2019-3-zonghe-baoshuiqu-opinions-zh"])
def test_a_task_ledger_reads_as_the_plan_it_lists(tmp_path, kind, slug):
    plain = plain_reading(slug)
    rows = documents.ledger_rows(plain)
    path = (documents.write_xlsx(rows, tmp_path / "ledger.xlsx") if kind == "xlsx"
            else documents.write_csv(rows, tmp_path / "ledger.csv"))
    read = read_plan_file(path)
    assert ledger_reading(read) == ledger_reading(plain)
    assert read.plan.title == plain.plan.title


def test_a_file_is_known_by_its_content_not_its_name(tmp_path):
    slug = "gov2019-3-zonghe-baoshuiqu-opinions-zh"
    misnamed = documents.write_docx(corpus_lines(slug), tmp_path / "plan.txt")
    result = read_plan_file(misnamed)
    assert len(result.plan.tasks) == len(plain_reading(slug).plan.tasks)
    assert result.warnings[0] == "the file is named .txt but is a Word document (.docx); read as one"


# Refusals --------------------------------------------------------------------------------------------
def refusal(path: Path) -> str:
    with pytest.raises(PlanFileError) as raised:
        read_plan_file(path)
    assert raised.value.path == str(path)
    return raised.value.problem


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = documents.write_docx(["一、任务", "1.做好工作。（财政部负责）"], tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/padding.xml", "w") as part:
            for _ in range(40):
                part.write(b" " * 1024 * 1024)
    assert re.fullmatch(r"the part word/media/padding\.xml is compressed [\d,]+ to 1 \(more than 200 to 1\): "
                        r"refused as a zip bomb", refusal(path))


def test_a_word_document_declaring_an_external_entity_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("1.泄露。（财政部负责）", encoding="utf-8")
    path = documents.write_docx(["一、任务", "1.做好工作。（财政部负责）"], tmp_path / "entity.docx")
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(evil, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "word/document.xml":
                content = content.replace(b"?>", f'?><!DOCTYPE w:document [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
                                          .encode(), 1).replace("做好工作".encode(), b"&leak;")
            target.writestr(entry, content)
    assert refusal(evil) == ("the part word/document.xml declares a DTD or entities (refused: they can expand "
                             "without bound or read other files)")


def test_a_pdf_larger_than_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    assert refusal(path) == "the file is 200 MB; a PDF of more than 100 MB is not read as a plan"


@pytest.mark.parametrize("content, size_mb, problem", [
    (b"1. A task. (Ministry of Finance is responsible)\n", 60, "the file is 60 MB; a plain text of more than 50 MB "
                                                              "is not read as a plan"),
    (b"{", 130, "the file is 130 MB; a plan JSON of more than 128 MB is not read as a plan"),
])
def test_text_and_plan_json_have_their_own_size_limits(tmp_path, content, size_mb, problem):
    """A plan of 100,000 tasks as JSON (about 62 MB) is read; text that large is no plan."""
    path = tmp_path / "plan.txt"
    with path.open("wb") as file:
        file.write(content)
        file.truncate(size_mb * 1024 * 1024)
    assert refusal(path) == problem


def test_an_encrypted_pdf_is_refused_and_one_without_a_password_is_read(tmp_path):
    lines = corpus_lines("gov2019-3-zonghe-baoshuiqu-opinions-zh")
    locked = documents.write_pdf(lines, tmp_path / "locked.pdf", encrypt="secret")
    assert refusal(locked) == "the PDF is encrypted and needs a password to open"
    from reportlab.lib.pdfencrypt import StandardEncryption

    open_to_all = StandardEncryption("", ownerPassword="owner", canPrint=1, canCopy=0)
    readable = documents.write_pdf(lines, tmp_path / "no-copy.pdf", encrypt=open_to_all)
    assert len(read_plan_file(readable).plan.tasks) == 21
    foreign = tmp_path / "foreign.pdf"  # encrypted by a security handler other than the standard one
    foreign.write_bytes(locked.read_bytes().replace(b"/Filter /Standard", b"/Filter /Nonstand"))
    assert refusal(foreign) == "the PDF is encrypted with a security handler that cannot be opened"


@pytest.mark.parametrize("user_password", ["", "secret"])
def test_a_pdf_encrypted_with_aes_256_is_read_when_anyone_may_open_it(tmp_path, user_password):
    """As government sites publish them: AES-256, anyone may open it, only its owner may copy or edit."""
    import pypdf

    slug = "gov2019-3-zonghe-baoshuiqu-opinions-zh"
    writer = pypdf.PdfWriter(clone_from=documents.write_pdf(corpus_lines(slug), tmp_path / "plain.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256",
                   permissions_flag=pypdf.constants.UserAccessPermissions.PRINT)
    path = tmp_path / "published.pdf"
    writer.write(path)
    if user_password:
        assert refusal(path) == "the PDF is encrypted and needs a password to open"
    else:
        assert_reads_as_plain_text(slug, path)


def test_a_pdf_of_too_many_pages_or_none_is_refused(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pdf.MAX_PAGES + 1):
        writer.add_blank_page(595, 842)
    writer.write(tmp_path / "long.pdf")
    assert refusal(tmp_path / "long.pdf") == "the PDF has more than 2,000 pages: not read as a plan"
    pypdf.PdfWriter().write(tmp_path / "empty.pdf")
    assert refusal(tmp_path / "empty.pdf") == "the PDF holds no text"


def test_a_scanned_pdf_is_refused_with_the_reason(tmp_path):
    path = documents.write_scanned_pdf(tmp_path / "scan.pdf")
    assert refusal(path) == ("the PDF has no text layer (a scanned document?): it must be run through text "
                             "recognition (OCR) before it can be read")


@pytest.mark.parametrize("name, content, problem", [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "a damaged PDF: its structure cannot be read"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 60, "a damaged zip archive"),
    ("other.zip", None, "a zip archive that holds no Word document or Excel workbook"),
    ("page.html", b"<html><body><nav><a href='/'>home</a></nav></body></html>", "the web page holds no article text"),
])
def test_damaged_or_foreign_files_are_refused_with_the_reason(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    assert refusal(path).startswith(problem)


def test_a_spreadsheet_without_a_ledger_header_names_the_columns_it_found(tmp_path):
    path = documents.write_csv([["Name", "Phone"], ["Li", "123"]], tmp_path / "contacts.csv")
    assert refusal(path).endswith("the columns found: “Name”、“Phone”")


def test_an_older_word_file_without_libreoffice_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(conversion.shutil, "which", lambda name: None)
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    assert "install LibreOffice" in refusal(path)


def test_a_workbook_with_too_many_cells_is_refused_before_it_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_CELLS", 500)
    rows = [documents.LEDGER_HEADER] + [[str(n), f"任务{n}", "财政部", "", "", ""] for n in range(1, 101)]
    path = documents.write_xlsx(rows, tmp_path / "ledger.xlsx")
    assert refusal(path) == "the sheet sheet1.xml has more than 500 cells: not read as a plan"
    monkeypatch.setattr(sheets, "MAX_CELLS", 700)  # 101 rows of 6 cells fit
    assert len(read_plan_file(path).plan.tasks) == 100


def test_an_office_file_whose_xml_would_inflate_too_far_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_XML", 100 * 1024)
    path = documents.write_docx(["一、任务", "1.做好工作。（财政部负责）"], tmp_path / "plan.docx")
    assert re.fullmatch(r"the document's XML would inflate to 0\.\d MB \(more than 0\.1 MB\): too large to be "
                        r"read as a plan", refusal(path))


FAKE_OFFICE = """#!{python}
import shutil, sys, time
arguments = sys.argv[1:]
assert "--headless" in arguments and any(a.startswith("-env:UserInstallation=file://") for a in arguments)
if {sleep}:
    time.sleep({sleep})
target, folder, source = arguments[arguments.index("--convert-to") + 1], arguments[arguments.index("--outdir") + 1], arguments[-1]
name = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
shutil.copy({converted!r}, f"{{folder}}/{{name}}.{{target}}")
"""


def fake_office(tmp_path, monkeypatch, converted: Path, sleep: float = 0) -> None:
    """A stand-in for LibreOffice on the PATH: checks how it is called and "converts" by copying a file
    made beforehand (the real program is not installed where the tests run)."""
    import sys

    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE_OFFICE.format(python=sys.executable, sleep=sleep, converted=str(converted)))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}")


def test_an_older_word_file_is_converted_with_libreoffice_and_read(tmp_path, monkeypatch):
    slug = "gov2019-3-zonghe-baoshuiqu-opinions-zh"
    fake_office(tmp_path, monkeypatch, documents.write_docx(corpus_lines(slug), tmp_path / "converted.docx"))
    path = tmp_path / "plan.wps"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    assert documents.reading(read_plan_file(path)) == documents.reading(plain_reading(slug))


def test_a_conversion_that_does_not_finish_in_time_is_refused(tmp_path, monkeypatch):
    fake_office(tmp_path, monkeypatch, tmp_path / "never.docx", sleep=5)
    monkeypatch.setattr(conversion, "CONVERSION_SECONDS", 0.5)
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    assert refusal(path) == "LibreOffice did not convert the file within 0.5 s"


@pytest.mark.parametrize("slug", ["gov2018-cujin-jiuye-opinions-zh", "gov2019-3-zonghe-baoshuiqu-opinions-zh"])
def test_a_word_document_holding_a_ledger_table_reads_as_the_plan_it_lists(tmp_path, slug):
    plain = plain_reading(slug)
    path = documents.write_docx_table(documents.ledger_rows(plain), tmp_path / "台账.docx")
    import docx

    table = docx.Document(str(path)).tables[0]
    assert table.cell(1, 0).text == table.cell(1, 5).text  # a part's heading spans the table
    read = read_plan_file(path)
    assert ledger_reading(read) == ledger_reading(plain)
    assert read.plan.title == plain.plan.title
