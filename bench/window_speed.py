"""The review window on big plans: opening, scrolling, sorting, filtering and searching, as a user does.

    .venv/bin/python bench/window_speed.py [--sizes 1000 10000 100000] [--passes 3]

Runs headless (offscreen Qt). Each step is timed with its repaint (processEvents after the change).
Goal at 100,000 tasks: the window opens in under a second; each step under 100 ms.
"""
from __future__ import annotations

import argparse
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import common
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from data.store import PlanStore


def use_fresh_settings() -> None:
    """Point the window's settings at a new, empty folder, so no pass inherits another's sort or layout."""
    folder = tempfile.mkdtemp(prefix="plan-review-bench-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def measure(tasks: int | None, passes: int) -> list[list[object]]:
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    path = common.imported_database(tasks)
    times: dict[str, list[float]] = {}

    def timed(name: str, action) -> None:
        """Time an action with the repaint it causes."""
        times.setdefault(name, []).append(common.timed(lambda: (action(), app.processEvents())))

    for _ in range(passes):
        use_fresh_settings()  # each pass opens the window as on a first start: number order, no filter
        opened = []

        def open_window() -> None:
            opened.append(MainWindow(AppContext(Settings()), PlanStore(path)))
            opened[0].resize(1366, 768)
            opened[0].show()

        timed("open and paint the window", open_window)
        window = opened[0]
        timed("scroll to the last task", window.table.scrollToBottom)
        timed("sort by lead department",
              lambda: window.table.sortByColumn(window.table_model.column_of("lead"), Qt.SortOrder.AscendingOrder))
        timed("filter by a department", lambda: window.departments_view.selectRow(0))
        timed("search 'patent'",
              lambda: (window.search_box.setText("patent"), window.search_box.returnPressed.emit()))
        timed("clear every filter", window.clear_filters)
        timed("choose the last part", lambda: window.tree.setCurrentIndex(
            window.tree_model.index(window.tree_model.rowCount() - 1, 0)))
        window.close()
        window.store.close()
    return [[common.size_label(tasks), name, *common.summary(t)] for name, t in times.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    common.print_machine()
    rows = [row for tasks in [None, *args.sizes] for row in measure(tasks, args.passes)]
    common.print_table("Window steps (ms): median, best, worst", ["plan", "step", "median", "best", "worst"],
                       rows)


if __name__ == "__main__":
    main()
