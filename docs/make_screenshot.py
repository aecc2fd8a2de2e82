"""Draw the README's pictures of the window on the sample plan, headless (offscreen Qt), with a fresh database
and settings in a temporary folder:

- screenshot.png (1366×768) and reviewers-1024.png (1024×640): three reviewers' work side by side (the pane's
  reviewers line, the Reviewers column), tasks of one department that mention "patent";
- conflicts.png and conflicts-1024.png: after importing a colleague's file, the Conflicts filter and a note's
  two versions, each labelled by reviewer, computer and time;
- departments.png and departments-1024.png: the departments panel of a provincial plan, unverified
  departments in italics with a warning sign;
- screenshot-zh-1366.png and screenshot-zh-1024.png: the window in Chinese on the provincial plan, one
  department chosen, a task needing follow-up with a note.

    .venv/bin/python docs/make_screenshot.py
"""
from __future__ import annotations

import itertools
import os
import shutil
import socket
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest import mock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402

REVIEW_START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # the notes' times, one every seven minutes
PROVINCIAL_PLAN = ROOT / "tests" / "fixtures" / "guangdong-digital-2025-zh.txt"
DOCS = Path(__file__).resolve().parent


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="plan-review-screenshot-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["XDG_DATA_HOME"] = str(folder / "user-data")  # the reviewer identity and key: the picture's own
    from data.identity import Identity, store_identity
    from data.review import ReviewStore
    from desktop.app import application, open_startup_database
    from desktop.settings import Settings

    app = application()
    settings = Settings()
    store_identity(Identity("Li Wei", "China National Intellectual Property Administration"))
    store = open_startup_database(folder / "plans.sqlite")
    minutes = itertools.count()
    reviews = ReviewStore(store, clock=lambda: REVIEW_START + timedelta(minutes=7 * next(minutes)))
    add_review(reviews, store)
    conflict_file = colleague_laptop_file(store, folder, reviews)

    for size, suffix in (((1366, 768), ""), ((1024, 640), "-1024")):
        window = open_window(app, settings, store, size)
        window.search_box.setText("patent")
        window.search_box.returnPressed.emit()
        model = window.departments_model
        window.departments_view.selectRow(next(row for row in range(model.rowCount())
                                               if model.department(row).abbreviation == "CNIPA"))
        show_column(window, "reviewers")
        window.choose_task(store.task_id_by_number(1, 6))
        save(app, window, f"{'screenshot' if not suffix else 'reviewers' + suffix}.png")

        window = open_window(app, settings, store, size)
        if suffix:
            window.review.show_conflicts()
        else:
            with mock.patch("desktop.review_controller.QMessageBox.information"):  # the summary the import shows
                window.review.import_review(conflict_file)
                window.context.thread_pool.waitForDone()
                app.processEvents()
        pane = window.review.pane
        pane.notes_list.setCurrentRow(next(row for row in range(pane.notes_list.count())
                                           if "conflict" in pane.notes_list.item(row).text()))
        save(app, window, f"conflicts{suffix}.png")

    from data.importing import read_plan

    plan_id = read_plan(PROVINCIAL_PLAN).store_into(store).plan_id
    for size, suffix in (((1366, 768), ""), ((1024, 640), "-1024")):
        window = open_window(app, settings, store, size)
        window.show_plan(plan_id)
        save(app, window.departments_dock, f"departments{suffix}.png", window)
    store.close()
    for size in ((1366, 768), (1024, 640)):
        chinese_screenshot(app, folder, *size)


def chinese_screenshot(app, folder: Path, width: int, height: int) -> None:
    """The window in Chinese on the provincial plan: a department chosen, a task with a note."""
    from data.importing import read_plan
    from data.review import ReviewStore
    from data.store import PlanStore
    from data.identity import Identity, store_identity
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.translations import install_language, remove_language

    install_language("zh")
    settings = Settings()
    store_identity(Identity("李伟", "省政务和数据局"))
    store = PlanStore(folder / f"zh-{width}.sqlite")
    read_plan(PROVINCIAL_PLAN).store_into(store)
    reviews = ReviewStore(store, clock=lambda: REVIEW_START)
    task = store.task_id_by_number(1, 20)
    reviews.set_state(task, "李伟", status="needs-follow-up", flagged=True)
    reviews.add_note(task, "请人民银行广东省分行补充牵头工作的时间安排。", "王芳")
    reviews.set_state(store.task_id_by_number(1, 21), "李伟", status="reviewed")
    window = MainWindow(AppContext(settings), store)
    window.resize(width, height)
    window.resizeDocks([window.tree_dock], [300 if width < 1200 else 360], Qt.Orientation.Horizontal)
    window.show()
    model = window.departments_model
    window.departments_view.selectRow(next(row for row in range(model.rowCount())
                                           if model.department(row).name == "人民银行广东省分行"))
    window.choose_task(task)
    save(app, window, f"screenshot-zh-{width}.png")
    window.store.close()
    remove_language()


def open_window(app, settings, store, size: tuple[int, int]):
    from desktop.context import AppContext
    from desktop.main_window import MainWindow

    window = MainWindow(AppContext(settings), store)
    window.resize(*size)
    window.resizeDocks([window.tree_dock], [300 if size[0] < 1200 else 360], Qt.Orientation.Horizontal)
    window.show()
    app.processEvents()
    return window


def show_column(window, key: str) -> None:
    window.table.horizontalHeader().setSectionHidden(window.table_model.column_of(key), False)


def save(app, widget, name: str, window=None) -> None:
    window = window or widget
    window.context.thread_pool.waitForDone()  # the departments' review counts
    app.processEvents()
    widget.grab().save(str(DOCS / name))
    window.close()
    print(DOCS / name)


def add_review(reviews, store) -> None:
    """Statuses, flags and notes, as three reviewers left them."""
    def task(number: int) -> int:
        return store.task_id_by_number(1, number)

    for number, status in ((3, "reviewed"), (6, "needs-follow-up"), (9, "in-review"), (22, "reviewed"),
                           (39, "reviewed"), (55, "in-review")):
        reviews.set_state(task(number), "Li Wei", status=status)
    for number, status in ((3, "reviewed"), (6, "reviewed"), (22, "in-review"), (24, "reviewed")):
        reviews.set_state(task(number), "Zhang Min", status=status)
    reviews.set_state(task(6), "Chen Jie", status="needs-follow-up", flagged=True)
    reviews.set_state(task(6), "Li Wei", flagged=True)
    reviews.add_note(task(6), "Which office compiles the accounting data? The text names none.", "Zhang Min")
    reviews.add_note(task(6), "Ask the National Bureau of Statistics for the 2020 schedule.", "Li Wei")
    reviews.add_note(task(22), "Patent Law revision passed in October 2020.", "Li Wei")


def colleague_laptop_file(store, folder: Path, reviews) -> Path:
    """Li Wei's note on task 22, edited on his laptop and (differently) here since: the laptop's review file."""
    from data.review import ReviewStore
    from data.store import PlanStore

    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, folder / "laptop.sqlite")
    [note] = [n for n in reviews.notes(1) if n.task_number == 22]
    with mock.patch.object(socket, "gethostname", lambda: "li-wei-laptop"), \
            PlanStore(folder / "laptop.sqlite", create=False) as laptop_store:
        laptop = ReviewStore(laptop_store, clock=lambda: REVIEW_START + timedelta(hours=5, seconds=17))
        laptop.edit_note(note.id, "Patent Law revision passed on 17 October 2020; in force 1 June 2021.", "Li Wei")
        laptop.export_review(1, folder / "laptop.json")
    reviews.edit_note(note.id, "Patent Law revision passed in October 2020 (fourth amendment).", "Li Wei")
    return folder / "laptop.json"


if __name__ == "__main__":
    main()
