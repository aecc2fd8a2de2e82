"""Draw docs/screenshot.png: the window at 1366×768 on the sample plan, filtered by a department and a word,
with a few tasks reviewed, one flagged, and notes by two reviewers.

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

REVIEW_START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)  # the notes' times, one every seven minutes


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
