"""The window in Chinese: the translation source is current, its compiled form too, every text a user sees is
translated, and the language follows the system or the user's choice (View ▸ Language)."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox, QHeaderView,
                               QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QTextBrowser, QWidget)

from data.importing import read_plan
from data.language import CHINESE, ENGLISH
from data.store import PlanStore
from desktop import cli, translations
from desktop.context import AppContext
from desktop.export_dialog import FORMAT_DESCRIPTIONS
from desktop.main_window import MainWindow
from desktop.settings import LANGUAGE, Settings
from exporters.formats import FORMATS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHINESE_PLAN = FIXTURES / "guangdong-digital-2025-zh.txt"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ALLOWED_ASCII = set(translations.LANGUAGE_NAMES.values())  # each language named in its own language


@pytest.fixture(autouse=True)
def settings_folder(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def chinese(qapp):
    """The application speaks Chinese for the test, English again after it."""
    translations.install_language(CHINESE)
    yield
    translations.remove_language()


@pytest.fixture
def chinese_db(tmp_path) -> Path:
    path = tmp_path / "zh.sqlite"
    with PlanStore(path) as store:
        read_plan(CHINESE_PLAN).store_into(store)
    return path


@pytest.fixture
def chinese_window(qtbot, chinese, chinese_db):
    window = MainWindow(AppContext(Settings()), PlanStore(chinese_db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.store.close()


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the message element, for every message of a .ts file."""
    root = ET.parse(ts_file).getroot()
    return {(context.findtext("name"), message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")}


# The translation files ---------------------------------------------------------------------------------
def test_translation_source_holds_every_string_of_the_window_and_nothing_else(tmp_path):
    current = tmp_path / "current.ts"
    shutil.copy(translations.TS_FILE, current)
    translations.update_translation_source(current)
    assert set(messages(current)) == set(messages(translations.TS_FILE)), \
        "run `python -m desktop.translations update` and translate the new strings"


def test_every_string_is_translated_keeping_its_placeholders_and_one_mnemonic():
    for (context, source), message in messages(translations.TS_FILE).items():
        translation = message.find("translation")
        texts = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        assert translation.get("type") is None and all(texts), f"{context}: {source!r} is not translated"
        for text in texts:
            assert sorted(re.findall(r"%\w", text)) == sorted(re.findall(r"%\w", source)), (source, text)
            assert text.count("&") == source.count("&"), (source, text)
            assert CJK.search(text), (source, text)


def test_no_translated_string_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there would show English in a Chinese window."""
    import ast

    hidden = []
    for path in sorted((Path(__file__).resolve().parent.parent / "desktop").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for value in node.values for call in ast.walk(value)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                           and call.func.attr == "tr" and call.args and isinstance(call.args[0], ast.Constant)]
    assert hidden == []


def test_compiled_translation_is_the_source_compiled(tmp_path):
    compiled = tmp_path / "current.qm"
    translations.compile_translation(translations.TS_FILE, compiled)
    checked_in = translations.TS_FILE.with_suffix(".qm")
    assert checked_in.read_bytes() == compiled.read_bytes(), "run `python -m desktop.translations update`"


def test_export_format_descriptions_are_marked_for_translation():
    assert {f.description for f in FORMATS.values()} == set(FORMAT_DESCRIPTIONS)


# Choosing the language ---------------------------------------------------------------------------------
def test_language_follows_the_system_unless_chosen(monkeypatch):
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert translations.chosen_language("") == CHINESE
    assert translations.chosen_language(ENGLISH) == ENGLISH
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.French, QLocale.Country.France))
    assert translations.chosen_language("") == ENGLISH
    assert translations.chosen_language(CHINESE) == CHINESE


def test_chinese_installs_the_programs_and_qts_own_translations(chinese):
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
    assert {button.text() for button in box.buttons()} == {"关闭", "取消"}
    assert translations.current_language() == CHINESE


def test_the_file_dialogs_labels_and_a_folders_type_are_chinese(chinese, qtbot, tmp_path):
    """Qt's own catalogue lacks the file dialog's labels as Qt 6 writes them ("&Look in:") and the name of a
    folder's type: the program's catalogue gives them."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileDialog, QFileIconProvider

    (tmp_path / "备份").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # as a Linux desktop without a platform theme shows it
    qtbot.addWidget(dialog)
    labels = [("QFileDialog", label.text()) for label in dialog.findChildren(QLabel)]
    assert len(labels) == 3 and untranslated(labels) == []
    assert QFileIconProvider().type(QFileInfo(str(tmp_path / "备份"))) == "文件夹"



def test_the_print_dialog_speaks_chinese(chinese, qtbot):
    """Qt's print dialog (File ▸ Print…), whose "Page &Set:" Qt's own catalogue lacks, and the page setup's
    labels it opens."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    texts = visible_texts(dialog)
    assert len(texts) > 20 and untranslated(texts) == []
    assert [QCoreApplication.translate("QPageSetupWidget", text) for text in ("Page &order:", "Pages &per sheet:")] \
        == ["页面顺序(&O)：", "每张页数(&P)："]


def test_the_program_starts_in_the_remembered_language(qapp, sample_db):
    Settings().set(LANGUAGE, CHINESE)
    try:
        assert cli.main(["--smoke", "--db", str(sample_db)]) == 0
        assert QCoreApplication.translate("MainWindow", "&View") == "视图(&V)"
        assert qapp.applicationDisplayName() == "计划审阅"
    finally:
        translations.remove_language()
        qapp.setApplicationDisplayName("Plan Review")
    assert QCoreApplication.translate("MainWindow", "&View") == "&View"


def test_view_language_menu_remembers_the_choice_and_says_when_it_shows(qtbot, sample_db, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *rest: told.append(text))
    window = MainWindow(AppContext(Settings()), PlanStore(sample_db))
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "languageMenu")
    assert menu.menuAction() in window.menus["view"].actions()
    names = [action.text() for action in menu.actions()]
    assert names == ["&System Language", "English", "简体中文"]
    assert menu.actions()[0].isChecked()
    menu.actions()[2].trigger()
    assert Settings().get(LANGUAGE) == CHINESE and len(told) == 1 and "starts again" in told[0]
    menu.actions()[1].trigger()  # English: the language shown now, nothing to wait for
    assert Settings().get(LANGUAGE) == ENGLISH and len(told) == 1
    window.close()
    window.store.close()


# Every text a user sees, in Chinese ----------------------------------------------------------------------
def visible_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text the widget and its children show: titles, labels, buttons, fields' hints,
    list items, column headings, menus and actions, tooltips."""
    found = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, text))

    for child in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(child).__name__} {child.objectName()}"
        if child.isWindow() or child.inherits("QDockWidget") or child.inherits("QToolBar"):
            add(where, child.windowTitle())
        add(where, child.toolTip())
        if isinstance(child, (QLabel, QAbstractButton)):
            add(where, child.text())
        if isinstance(child, (QLineEdit, QPlainTextEdit)):
            add(where, child.placeholderText())
        if isinstance(child, QTextBrowser):
            add(where, child.toPlainText())
        if isinstance(child, QComboBox):
            for row in range(child.count()):
                add(where, child.itemText(row))
        if isinstance(child, QMenu):
            add(where, child.title())
        if isinstance(child, QHeaderView) and child.orientation() == Qt.Orientation.Horizontal:
            for column in range(child.count()):
                add(f"{where} heading", child.model().headerData(column, Qt.Orientation.Horizontal))
    for action in widget.findChildren(QAction):
        add(f"action {action.objectName()}", action.text())
        if action.toolTip() != action.text().replace("&", ""):
            add(f"action {action.objectName()}", action.toolTip())
    return found


def untranslated(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines that hold Latin letters and no Chinese, but are not a name the program shows as it is."""
    return [(where, line) for where, text in texts for line in str(text).splitlines()
            if re.search(r"[A-Za-z]", line.replace("&", "")) and not CJK.search(line)
            and line.strip() not in ALLOWED_ASCII and not re.fullmatch(r"[\w.+-]+\s*\(\*?\.\w+\)", line)]


def test_every_text_of_the_window_and_its_dialogs_is_chinese(chinese_window, qtbot):
    window = chinese_window
    before_a_task = visible_texts(window)  # the panes as they stand before a task is chosen
    window.table.selectRow(2)  # a task in the detail pane and the review pane
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # menus filled when they open (recent databases, columns)
    from desktop.about import AboutDialog

    dialogs = [window.exports.export_sheets(), window.exports.export_review_report(), window.review.ask_identity(),
               AboutDialog(window.store.path, window.context.settings.qsettings.fileName(), window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    texts = before_a_task + visible_texts(window) + [text for dialog in dialogs for text in visible_texts(dialog)]
    assert len(texts) > 150
    assert untranslated(texts) == []
    for dialog in dialogs:
        dialog.close()


def test_the_walk_finds_english_when_the_window_speaks_english(qtbot, chinese_db):
    window = MainWindow(AppContext(Settings()), PlanStore(chinese_db))
    qtbot.addWidget(window)
    found = {text for _, text in untranslated(visible_texts(window))}
    assert {"&File", "Lead department", "Leads or takes part"} <= found
    window.close()
    window.store.close()


def test_the_import_preview_and_its_report_speak_chinese(chinese_window, monkeypatch, qtbot, tmp_path):
    from desktop.import_preview import ImportPreviewDialog

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *rest: shown.append((title, text)))
    plan = tmp_path / "plan.txt"
    plan.write_text((FIXTURES / "gov2019-3-bonded-zones-zh.txt").read_text("utf-8").replace("商务部", "月球事务局", 1),
                    encoding="utf-8")
    chinese_window.import_plan_file(plan)
    qtbot.waitUntil(lambda: chinese_window.findChild(ImportPreviewDialog) is not None
                    and chinese_window.findChild(ImportPreviewDialog).isVisible(), timeout=10_000)
    dialog = chinese_window.findChild(ImportPreviewDialog)
    assert untranslated(visible_texts(dialog)) == []
    warnings = [item.text(4) for item in dialog.task_items.values() if item.text(4)]  # beside their tasks
    assert warnings == ["单位名录中没有“月球事务局”；已作为未核实的新单位保留"]
    departments = [item.text(column) for item in dialog.task_items.values() for column in (1, 2) if item.text(column)]
    assert "海关总署" in departments and "财政部、海关总署" in departments  # the short forms, listed with 、
    assert all(CJK.search(text) for text in departments)
    parts = [dialog.tree.topLevelItem(row).text(0) for row in range(dialog.tree.topLevelItemCount())]
    assert parts == ["四、主要任务"]
    dialog.store_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    title, text = shown[0]
    assert title == "导入计划" and text.startswith("已导入《") and "项任务" in text
    QApplication.processEvents()


# Department names in the interface's language -----------------------------------------------------------
def test_sorting_a_chinese_window_by_department_follows_the_pinyin_of_the_names_it_shows(qtbot, chinese, sample_db):
    """Sorted by lead or by participants, the table follows the Chinese names it shows, in pinyin order (as
    the departments pane lists them), not the departments' English names."""
    from PySide6.QtCore import QCollator, QLocale

    window = MainWindow(AppContext(Settings()), PlanStore(sample_db))
    qtbot.addWidget(window)
    table = window.table_model
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for key in ("lead", "participants"):
        window.table.sortByColumn(table.column_of(key), Qt.SortOrder.AscendingOrder)
        shown = [table.data(table.index(row, table.column_of(key))) or "" for row in range(table.rowCount())]
        firsts = [name.split("、")[0] for name in shown if name]
        assert len(set(firsts)) > 5 and all(CJK.search(name) for name in firsts)
        assert firsts == sorted(firsts, key=collator.sortKey), key
        if key == "lead":
            assert shown.index("国家发展改革委") < shown.index("国家知识产权局") < shown.index("最高人民法院")  # f, g, z
    window.close()
    window.store.close()


def test_a_chinese_window_names_departments_by_their_chinese_short_forms(qtbot, chinese, sample_db):
    window = MainWindow(AppContext(Settings()), PlanStore(sample_db))
    qtbot.addWidget(window)
    model = window.departments_model
    names = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert "国家发展改革委" in names and "国家知识产权局" in names and "中央宣传部" in names
    assert not [name for name in names if not CJK.search(name)]
    assert names.index("国家发展改革委") < names.index("国家知识产权局") < names.index("中央宣传部")  # pinyin: f, g, … z
    row = names.index("国家发展改革委")
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == \
        "国家发展改革委（国家发展和改革委员会；National Development and Reform Commission；NDRC）"
    window.choose_task(window.store.task_id_by_number(1, 24))
    detail = window.detail.toPlainText()
    assert "牵头单位： 最高人民法院（Supreme People's Court；SPC）" in detail
    assert "参与单位： 最高人民检察院（Supreme People's Procuratorate；SPP）、公安部（Ministry of Public Security；MPS）" \
        in detail
    table = window.table_model
    row = table.row_of(window.store.task_id_by_number(1, 24))
    assert table.data(table.index(row, table.column_of("lead"))) == "最高人民法院"
    assert table.data(table.index(row, table.column_of("participants"))) == "最高人民检察院、公安部"
    window.close()
    window.store.close()


def test_chinese_typed_through_an_input_method_searches_and_writes_notes(chinese_window, qtbot):
    from PySide6.QtGui import QInputMethodEvent

    window = chinese_window
    for field in (window.search_box, window.review.pane.editor):
        assert field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    event = QInputMethodEvent()
    event.setCommitString("跨境")  # what an input method (ibus, fcitx) hands the field once a word is chosen
    QApplication.sendEvent(window.search_box, event)
    assert window.search_box.text() == "跨境"
    qtbot.waitUntil(lambda: window.table_model.task_filter.search == "跨境")
    shown = [window.table_model.task_row(row).text for row in range(window.table_model.rowCount())]
    assert shown and all("跨境" in text for text in shown)
    window.table.selectRow(0)
    window.review.pane.start_note()
    note = QInputMethodEvent()
    note.setCommitString("请核实")
    QApplication.sendEvent(window.review.pane.editor, note)
    assert window.review.pane.editor.toPlainText() == "请核实"


def test_editing_a_task_in_chinese_names_its_departments_in_chinese_and_keeps_them(qtbot, chinese, sample_db):
    window = MainWindow(AppContext(Settings()), PlanStore(sample_db))
    qtbot.addWidget(window)
    task_id = window.store.task_id_by_number(1, 24)
    window.choose_task(task_id)
    before = window.store.task_content(task_id)
    dialog = window.plan_edits.edit_chosen_task()
    assert dialog.departments_edit.text() == "最高人民法院、最高人民检察院、公安部"
    dialog.accept()  # nothing changed: the Chinese names name the same departments
    assert window.store.task_content(task_id) == before and not window.store.corrections(1)
    dialog = window.plan_edits.edit_chosen_task()
    dialog.departments_edit.setText("公安部、最高人民法院")
    dialog.accept()
    assert window.store.task_content(task_id).departments == ("Ministry of Public Security", "Supreme People's Court")
    window.close()
    window.store.close()
