"""Scrolling the task table end to end, a page at a time, as a user holding Page Down does.

    .venv/bin/python bench/scroll_speed.py [--sizes 1000 10000 100000] [--passes 2]

Runs headless (offscreen Qt) on the real window. Each step moves the table's vertical scrollbar by one
page and processes events, so the rows are fetched (TaskRowCache) and painted. The table gives the
median and worst step and the whole trip; the first pass starts with an empty row cache.
Goal: every step well under one frame at 60 Hz (17 ms), whatever the plan's size.
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import common
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from data.store import PlanStore

WINDOW_SIZE = (1366, 768)
FRAME = 1 / 60
# PySide6 6.12.0 on Python 3.11 drops a reference to None per void Qt call (bench/qt_none_refcount.py);
# spare references let a 100,000-row trip finish instead of aborting.
SPARE_NONE_REFERENCES = [None] * 1_000_000


def open_window(path):
    """The main window on this database, shown and painted once."""
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    window = MainWindow(AppContext(Settings()), PlanStore(path))
    window.resize(*WINDOW_SIZE)
    window.show()
    QApplication.processEvents()
    return window


def scroll_end_to_end(window) -> list[float]:
    """Seconds each one-page step takes, from the top of the table to its bottom."""
    app = QApplication.instance()
    bar = window.table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    steps = []
    while bar.value() < bar.maximum():
        steps.append(common.timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), app.processEvents())))
    return steps


def measure(tasks: int | None, passes: int) -> list[object]:
    window = open_window(common.imported_database(tasks))
    try:
        trips = [scroll_end_to_end(window) for _ in range(passes)]
    finally:
        window.close()
        window.store.close()
    steps = [step for trip in trips for step in trip]
    totals = [sum(trip) for trip in trips]
    slow = sum(step > FRAME for step in steps) / len(steps)
    return [common.size_label(tasks), window.table_model.rowCount(), len(trips[0]),
            common.ms(statistics.median(steps)), common.ms(max(steps)), f"{slow:.1%}",
            common.ms(statistics.median(totals))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(common.SIZES))
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="plan-review-bench-settings-"))
    app = QApplication.instance() or QApplication([])  # noqa: F841 (lives while the windows do)
    common.print_machine()
    rows = [measure(tasks, args.passes) for tasks in [None, *args.sizes]]
    common.print_table(f"Scrolling the table end to end, one page a step ({args.passes} passes; ms)",
                       ["plan", "rows", "steps", "step median", "step worst", "steps > 17 ms", "whole trip"], rows)


if __name__ == "__main__":
    main()
