"""Draw docs/screenshot.png: the window at 1366×768 on the sample plan, filtered by a department and a word,
with a few tasks reviewed, one flagged, and notes by two reviewers; and the window in Chinese on a Chinese
plan at 1366×768 and 1024×640 (docs/screenshot-zh-1366.png, docs/screenshot-zh-1024.png).

    .venv/bin/python docs/make_screenshot.py

Headless (offscreen Qt), with a fresh database and settings in a temporary folder.
"""
from __future__ import annotations

import itertools
import os
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

REVIEW_START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # the notes' times, one every seven minutes
CHINESE_PLAN = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "guangdong-digital-2025-zh.txt"


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="plan-review-screenshot-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from data.review import ReviewStore
    from desktop import settings as keys
    from desktop.app import application, open_startup_database
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = application()
    settings = Settings()
    settings.set(keys.REVIEWER, "Li Wei")
    settings.set(keys.REVIEWER_DEPARTMENT, "China National Intellectual Property Administration")
    store = open_startup_database(folder / "plans.sqlite")
    minutes = itertools.count()
    add_review(ReviewStore(store, clock=lambda: REVIEW_START + timedelta(minutes=7 * next(minutes))), store)
    window = MainWindow(AppContext(settings), store)
    window.resize(1366, 768)
    window.resizeDocks([window.tree_dock], [390], Qt.Orientation.Horizontal)  # as on a 1366-pixel screen
    window.show()
    window.search_box.setText("patent")
    window.search_box.returnPressed.emit()
    model = window.departments_model
    window.departments_view.selectRow(next(row for row in range(model.rowCount())
                                           if model.department(row).abbreviation == "CNIPA"))
    window.table.selectRow(1)
    window.review.pane.notes_list.setCurrentRow(1)
    window.context.thread_pool.waitForDone()  # the departments' review counts
    app.processEvents()
    target = Path(__file__).resolve().parent / "screenshot.png"
    window.grab().save(str(target))
    window.close()
    window.store.close()
    print(target)
    for size in ((1366, 768), (1024, 640)):
        print(chinese_screenshot(folder, *size))


def chinese_screenshot(folder: Path, width: int, height: int) -> Path:
    """The window in Chinese on a Chinese plan: a department chosen, a task with notes."""
    from data.importing import read_plan
    from data.review import ReviewStore
    from data.store import PlanStore
    from desktop import settings as keys
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.translations import install_language, remove_language

    app = QApplication.instance()
    install_language("zh")
    settings = Settings()
    settings.set(keys.REVIEWER, "李伟")
    settings.set(keys.REVIEWER_DEPARTMENT, "省政务和数据局")
    store = PlanStore(folder / f"zh-{width}.sqlite")
    read_plan(CHINESE_PLAN).store_into(store)
    reviews = ReviewStore(store, clock=lambda: REVIEW_START)
    task = store.task_id_by_number(1, 20)
    reviews.set_state(task, "李伟", status="needs-follow-up", flagged=True)
    reviews.add_note(task, "请人民银行广东省分行补充牵头工作的时间安排。", "王芳")
    reviews.set_state(store.task_id_by_number(1, 21), "李伟", status="reviewed")
    window = MainWindow(AppContext(settings), store)
    window.resize(width, height)
    window.resizeDocks([window.tree_dock], [max(300, width * 3 // 10)], Qt.Orientation.Horizontal)
    window.show()
    model = window.departments_model
    window.departments_view.selectRow(next(row for row in range(model.rowCount())
                                           if model.department(row).name == "人民银行广东省分行"))
    window.choose_task(task)
    window.context.thread_pool.waitForDone()
    app.processEvents()
    target = Path(__file__).resolve().parent / f"screenshot-zh-{width}.png"
    window.grab().save(str(target))
    window.close()
    window.store.close()
    remove_language()
    return target


def add_review(reviews, store) -> None:
    """Statuses, a flag and notes, as two reviewers left them."""
    def task(number: int) -> int:
        return store.task_id_by_number(1, number)

    for number, status in ((3, "reviewed"), (6, "needs-follow-up"), (9, "in-review"), (22, "reviewed"),
                           (39, "reviewed"), (55, "in-review")):
        reviews.set_state(task(number), "Li Wei", status=status)
    reviews.set_state(task(6), "Li Wei", flagged=True)
    reviews.add_note(task(6), "Which office compiles the accounting data? The text names none.", "Zhang Min")
    reviews.add_note(task(6), "Ask the National Bureau of Statistics for the 2020 schedule.", "Li Wei")
    reviews.add_note(task(22), "Patent Law revision passed in October 2020.", "Li Wei")


if __name__ == "__main__":
    main()
