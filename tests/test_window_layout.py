"""The window on a small laptop screen (1024×640): what a reviewer must see is on screen."""
from __future__ import annotations

import pytest

from desktop import settings as keys
from desktop.settings import Settings
from tests.test_reader import ANOTHER_YEAR
from tests.test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)


def visible_span(window, key: str) -> tuple[int, int]:
    """Where the column is drawn in the table's viewport (x of its left and right edges)."""
    header = window.table.horizontalHeader()
    column = window.table_model.column_of(key)
    left = header.sectionViewportPosition(column)
    return left, left + header.sectionSize(column)


@pytest.fixture
def window_at_start(open_window, sample_db):
    return open_window(sample_db)


def test_at_1024_by_640_the_lead_department_is_on_screen(qtbot, open_window, sample_db):
    window = open_window(sample_db)
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.table.viewport().width() < 800)
    left, right = visible_span(window, "lead")
    assert 0 <= left and right <= window.table.viewport().width()
    assert visible_span(window, "text")[1] - visible_span(window, "text")[0] >= 250


def test_the_part_and_section_column_that_repeats_the_tree_is_hidden_at_first(window_at_start):
    header = window_at_start.table.horizontalHeader()
    assert header.isSectionHidden(window_at_start.table_model.column_of("section"))
    menu = window_at_start.columns_menu
    menu.aboutToShow.emit()
    section = next(a for a in menu.actions() if a.text() == "Part / section")
    assert not section.isChecked()
    section.trigger()  # the header's menu brings it back
    assert not header.isSectionHidden(window_at_start.table_model.column_of("section"))


def test_wrapped_rows_show_three_lines_of_task_text_and_are_remembered(open_window, sample_db):
    window = open_window(sample_db)
    one_line = window.table.rowHeight(0)
    assert not window.table.wordWrap()
    window.wrap_action.trigger()
    assert window.table.wordWrap()
    assert window.table.rowHeight(0) >= 3 * window.fontMetrics().lineSpacing() and window.table.rowHeight(0) > 2 * one_line
    assert Settings().get(keys.TABLE_WRAP) is True
    window.close()
    again = open_window(sample_db)
    assert again.table.wordWrap() and again.wrap_action.isChecked()


def test_the_task_text_takes_the_room_a_wide_window_leaves(qtbot, open_window, sample_db):
    window = open_window(sample_db)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.table.viewport().width() > 1000)
    header = window.table.horizontalHeader()
    drawn = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert drawn == window.table.viewport().width()  # no empty band, no scrolling
    assert visible_span(window, "text")[1] - visible_span(window, "text")[0] > 500


def test_on_a_screen_smaller_than_the_window_it_and_its_dialogs_open_within_the_screen(qtbot, open_window, sample_db,
                                                                                         tmp_path):
    """The test screen (800 × 800) is smaller than the window (1280 × 800) and the import preview (1280 × 760)
    would be: each opens within it, with room left for a window frame, so its buttons stay on screen."""
    from PySide6.QtGui import QGuiApplication

    from desktop.screens import FRAME_ALLOWANCE
    from tests.test_import_preview import preview

    available = QGuiApplication.primaryScreen().availableGeometry().size()
    assert available.width() < 1280  # the check means something only on a screen smaller than the wish
    window = open_window(sample_db)
    text = tmp_path / "plan-2023.txt"
    text.write_text(ANOTHER_YEAR, encoding="utf-8")
    dialog = preview(qtbot, window, text)
    for shown in (window, dialog):
        framed = shown.size() + FRAME_ALLOWANCE
        assert framed.width() <= available.width() and framed.height() <= available.height(), shown
    dialog.reject()
