"""File ▸ Import Plan…'s preview on a real Word file and a real PDF built from corpus documents: what was
read is shown before anything is stored; an unknown department mapped to a known body, a task's
departments corrected, then stored; the result (and the alias) survive a restart."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from data.store import PlanStore
from desktop.import_preview import ImportPreviewDialog, LedgerColumnsDialog, NewBodyDialog
from desktop.main_window import MainWindow

from . import plan_documents as documents
from .test_window import dialogs, open_window, settings_folder  # noqa: F401  (fixtures)

CORPUS = Path(__file__).parent / "corpus"
CNIPA = "China National Intellectual Property Administration"
DEFENSE = "State Administration of Science, Technology and Industry for National Defense"
UNKNOWN = "月球开发办"


def corpus_with_unknown(slug: str, clause: str, with_unknown: str) -> list[str]:
    text = (CORPUS / f"{slug}.txt").read_text(encoding="utf-8")
    assert text.count(clause) >= 1
    return text.replace(clause, with_unknown, 1).splitlines()


def preview(qtbot, window: MainWindow, path: Path) -> ImportPreviewDialog:
    window.import_plan_file(path)
    qtbot.waitUntil(lambda: window.findChild(ImportPreviewDialog) is not None
                    and window.findChild(ImportPreviewDialog).isVisible())
    return window.findChild(ImportPreviewDialog)


def task_rows(dialog: ImportPreviewDialog) -> dict[int, list[str]]:
    """Each task's row in the preview as shown: number -> [text, lead, participants, deadline, warnings]."""
    return {task.number: [item.text(column) for column in range(item.columnCount())]
            for item in dialog.task_items.values() for task in [item.data(0, Qt.ItemDataRole.UserRole)]}


def choose_task(dialog: ImportPreviewDialog, number: int) -> None:
    dialog.tree.setCurrentItem(next(item for item in dialog.task_items.values()
                                    if item.data(0, Qt.ItemDataRole.UserRole).number == number))


def correct_and_store(qtbot, window, dialog, task_number: int, departments: str) -> None:
    """Map the unknown department to the defence body, set one task's departments, store."""
    [unknown] = [dialog.unknown_list.item(i).text() for i in range(dialog.unknown_list.count())]
    assert unknown == UNKNOWN
    dialog.unknown_list.setCurrentRow(0)
    dialog.body_combo.lineEdit().clear()
    qtbot.keyClicks(dialog.body_combo.lineEdit(), DEFENSE)  # typed, as the list narrows to it
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    assert dialog.unknown_list.count() == 0
    choose_task(dialog, task_number)
    dialog.departments_edit.clear()
    qtbot.keyClicks(dialog.departments_edit, departments)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)


def stored_tasks(db: Path, plan_id: int) -> dict[int, tuple[str, list[str]]]:
    with PlanStore(db) as store:
        return {row.number: (row.lead.name if row.lead else None, [d.name for d in row.participants])
                for row in store.task_rows(store.task_ids(plan_id))}


def test_a_word_plan_is_previewed_corrected_and_stored_and_survives_a_restart(qtbot, open_window, sample_db,
                                                                               tmp_path, dialogs):
    lines = corpus_with_unknown("gov2018-cujin-jiuye-opinions-zh", "（人力资源社会保障部、财政部负责）",
                                f"（人力资源社会保障部、财政部、{UNKNOWN}负责）")
    path = documents.write_docx(lines, tmp_path / "促进就业.docx", word_numbering=True)
    window = open_window(sample_db)
    dialog = preview(qtbot, window, path)
    assert dialog.summary.text().startswith("国务院关于做好当前和今后一个时期促进就业工作的若干意见 (2018): 5 parts, "
                                            "0 sections, 15 tasks")
    rows = task_rows(dialog)
    assert rows[6][1:4] == ["Ministry of Human Resources and Social Security", f"Ministry of Finance; {UNKNOWN}", ""]
    assert rows[6][4] == f"department “{UNKNOWN}” is not in the registry; kept as a new, unverified department"
    with PlanStore(sample_db) as store:
        assert len(store.plans()) == 1  # nothing stored while the preview is open
    correct_and_store(qtbot, window, dialog, 2, "Ministry of Finance; PBOC")
    plan_id = window.plan_id
    assert plan_id == 2 and "促进就业" in window.windowTitle()
    window.close()
    tasks = stored_tasks(sample_db, plan_id)
    assert tasks[6] == ("Ministry of Human Resources and Social Security", ["Ministry of Finance", DEFENSE])
    assert tasks[2] == ("Ministry of Finance", ["People's Bank of China"])
    assert len(tasks) == 15

    reopened = open_window(sample_db)  # a restart: a new window on the same database
    assert reopened.plan_id == plan_id
    with PlanStore(sample_db) as store:
        assert store.user_aliases() == {UNKNOWN: DEFENSE}
    again = tmp_path / "again.txt"
    again.write_text(f"一、任务\n1.做好月面工作。（{UNKNOWN}负责）\n", encoding="utf-8")
    dialog = preview(qtbot, reopened, again)
    assert dialog.unknown_list.count() == 0 and task_rows(dialog)[1][1] == DEFENSE
    dialog.reject()


def test_a_pdf_plan_is_previewed_corrected_and_stored(qtbot, open_window, sample_db, tmp_path, dialogs):
    lines = corpus_with_unknown("gov2019-3-zonghe-baoshuiqu-opinions-zh", "（商务部、海关总署负责）",
                                f"（商务部、海关总署、{UNKNOWN}负责）")
    path = documents.write_pdf(lines, tmp_path / "综合保税区.pdf", justified=True)
    window = open_window(sample_db)
    dialog = preview(qtbot, window, path)
    assert ", 21 tasks, " in dialog.summary.text()
    correct_and_store(qtbot, window, dialog, 1, "General Administration of Customs")
    window.close()
    tasks = stored_tasks(sample_db, 2)
    assert tasks[1] == ("General Administration of Customs", [])
    assert any(DEFENSE in participants for _, participants in tasks.values())
    assert not any(UNKNOWN in participants for _, participants in tasks.values())


def test_the_plan_is_stored_under_the_title_typed_in_the_preview(qtbot, open_window, sample_db, tmp_path, dialogs):
    """A web page's or a repost's first line is not always the plan's name: the preview shows the title read,
    the user types the right one and the plan is stored, listed and shown under it (cleared: the title read)."""
    lines = (CORPUS / "gov2019-xiaofei-fupin-opinions-zh.txt").read_text(encoding="utf-8").splitlines()
    window = open_window(sample_db)
    dialog = preview(qtbot, window, documents.write_docx(lines, tmp_path / "plan.docx"))
    read = dialog.title_edit.text()
    assert read.startswith("国务院办公厅关于") and dialog.summary.text().startswith(read)
    dialog.title_edit.selectAll()
    typed = QInputMethodEvent()
    typed.setCommitString("消费扶贫指导意见（国办发〔2018〕129号）")  # as an input method hands it over
    QApplication.sendEvent(dialog.title_edit, typed)
    assert dialog.summary.text().startswith("消费扶贫指导意见（国办发〔2018〕129号）")
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert window.plan_combo.currentText().startswith("消费扶贫指导意见（国办发〔2018〕129号）")
    window.close()
    with PlanStore(sample_db, create=False) as store:
        assert [plan.title for plan in store.plans()][-1] == "消费扶贫指导意见（国办发〔2018〕129号）"
    cleared = preview(qtbot, open_window(sample_db), documents.write_docx(lines[:40], tmp_path / "part.docx"))
    cleared.title_edit.selectAll()
    qtbot.keyClick(cleared.title_edit, Qt.Key.Key_Delete)
    assert cleared.result.plan.title == read
    cleared.reject()
    assert [kind for kind, *_ in dialogs] == ["information"]  # the import's report, naming the title typed
    assert dialogs[0][2].startswith("Imported “消费扶贫指导意见（国办发〔2018〕129号）”")


def test_cancelling_the_preview_stores_nothing(qtbot, open_window, sample_db, tmp_path, dialogs):
    lines = (CORPUS / "gov2019-xiaofei-fupin-opinions-zh.txt").read_text(encoding="utf-8").splitlines()
    window = open_window(sample_db)
    dialog = preview(qtbot, window, documents.write_docx(lines, tmp_path / "plan.docx"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.named_actions["import"].isEnabled())
    with PlanStore(sample_db) as store:
        assert len(store.plans()) == 1 and store.user_aliases() == {}
    assert not dialogs


def test_an_unknown_name_kept_as_a_new_body_is_known_to_later_imports(qtbot, open_window, sample_db, tmp_path,
                                                                      dialogs):
    lines = corpus_with_unknown("gov2019-xiaofei-fupin-opinions-zh", "（全国工商联、",
                                f"（{UNKNOWN}、全国工商联、")
    window = open_window(sample_db)
    dialog = preview(qtbot, window, documents.write_docx(lines, tmp_path / "消费扶贫.docx"))
    dialog.unknown_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.new_body_button, Qt.MouseButton.LeftButton)
    names = dialog.findChild(NewBodyDialog)
    assert names.name_zh_edit.text() == UNKNOWN and names.name_edit.text() == ""
    qtbot.keyClicks(names.name_edit, "Lunar Development Office")
    qtbot.mouseClick(names.buttons.button(names.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.unknown_list.count() == 0
    assert any(row[1] == "Lunar Development Office" for row in task_rows(dialog).values())
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    with PlanStore(sample_db) as store:
        found = store.find_department(UNKNOWN)
        assert (found.name, found.name_zh, found.verified) == ("Lunar Development Office", UNKNOWN, True)
    again = tmp_path / "again.txt"
    again.write_text(f"一、任务\n1.做好月面工作。（{UNKNOWN}负责）\n", encoding="utf-8")
    dialog = preview(qtbot, window, again)
    assert dialog.unknown_list.count() == 0 and task_rows(dialog)[1][1] == "Lunar Development Office"
    dialog.reject()


def test_a_task_read_as_one_is_split_and_two_are_merged_before_storing(qtbot, open_window, sample_db, tmp_path,
                                                                       dialogs):
    lines = ["关于做好工作的方案", "一、总体", "1.做好甲工作，推进落实。2.做好乙工作，加强保障。（财政部负责）",
             "3.做好丙工作。（科技部负责）", "4.做好丁工作。（商务部负责）"]
    window = open_window(sample_db)
    dialog = preview(qtbot, window, documents.write_docx(lines, tmp_path / "方案.docx"))
    assert task_rows(dialog)[1][0] == "1. 做好甲工作，推进落实。2.做好乙工作，加强保障。"
    choose_task(dialog, 1)
    cursor = dialog.task_text.textCursor()
    cursor.setPosition(dialog.task_text.toPlainText().index("2."))
    dialog.task_text.setTextCursor(cursor)
    qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)
    rows = task_rows(dialog)
    assert [rows[n][:2] for n in (1, 2, 3)] == [["1. 做好甲工作，推进落实。", "Ministry of Finance"],
                                                ["2. 做好乙工作，加强保障。", "Ministry of Finance"],
                                                ["3. 做好丙工作。", "Ministry of Science and Technology"]]
    choose_task(dialog, 3)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    rows = task_rows(dialog)
    assert sorted(rows) == [1, 2, 3]
    assert rows[3][:3] == ["3. 做好丙工作。做好丁工作。", "Ministry of Science and Technology", "Ministry of Commerce"]
    assert not dialog.merge_button.isEnabled()  # the last task of its section
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert list(stored_tasks(sample_db, 2)) == [1, 2, 3]


def test_a_ledger_whose_lead_column_was_not_recognised_is_read_again_with_the_columns_the_user_gives(
        qtbot, open_window, sample_db, tmp_path, dialogs):
    rows = [["序号", "工作事项", "主办单位", "协办单位", "完成时间"],
            ["1", "建设知识产权公共服务平台", "国家知识产权局", "财政部", "2020年底"],
            ["2", "完善商标审查机制", "国家知识产权局", "", "2020年10月"],
            ["3", "推进专利转化运用", "财政部", "国家知识产权局、科技部", ""]]
    window = open_window(sample_db)
    dialog = preview(qtbot, window, documents.write_csv(rows, tmp_path / "台账.csv"))
    assert dialog.columns_button.isVisible()
    assert dialog.other_warnings.text().startswith("⚠ the ledger's columns were read as: “序号” number; "
                                                   "“工作事项” task; “主办单位” not read; “协办单位” participants; "
                                                   "“完成时间” deadline")
    assert task_rows(dialog)[2][1] == ""  # read without its lead: 主办单位 was not recognised
    qtbot.mouseClick(dialog.columns_button, Qt.MouseButton.LeftButton)
    columns = dialog.findChild(LedgerColumnsDialog)
    assert [columns.table.item(row, 1).text() for row in range(5)] == rows[1]
    lead_box = columns.role_boxes[2]
    lead_box.setCurrentIndex(lead_box.findText("Lead department"))
    qtbot.mouseClick(columns.buttons.button(columns.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    shown = task_rows(dialog)
    assert shown[1][1:4] == [CNIPA, "Ministry of Finance", "2020年底"]
    assert shown[2][1:3] == [CNIPA, ""]
    assert shown[3][1:3] == ["Ministry of Finance", f"{CNIPA}; Ministry of Science and Technology"]
    with qtbot.waitSignal(window.plan_changed):
        qtbot.mouseClick(dialog.store_button, Qt.MouseButton.LeftButton)
    assert stored_tasks(sample_db, 2)[3] == ("Ministry of Finance", [CNIPA, "Ministry of Science and Technology"])


def test_the_ledger_columns_button_is_only_for_ledgers(qtbot, open_window, sample_db, tmp_path, dialogs):
    window = open_window(sample_db)
    lines = (CORPUS / "gov2019-xiaofei-fupin-opinions-zh.txt").read_text(encoding="utf-8").splitlines()
    dialog = preview(qtbot, window, documents.write_docx(lines, tmp_path / "plan.docx"))
    assert not dialog.columns_button.isVisible()
    dialog.reject()


def test_a_scanned_pdf_is_refused_in_the_window_naming_the_file(qtbot, open_window, sample_db, tmp_path, dialogs):
    window = open_window(sample_db)
    scanned = documents.write_scanned_pdf(tmp_path / "scan.pdf")
    window.import_plan_file(scanned)
    qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert kind == "critical" and title == "Import Plan" and str(scanned) in text and "OCR" in text
    assert window.findChild(ImportPreviewDialog) is None and window.plan_combo.count() == 1
