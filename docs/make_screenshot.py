"""Draw docs/screenshot.png: the window at 1366×768 on the sample plan, filtered by a department and a word.

    .venv/bin/python docs/make_screenshot.py

Headless (offscreen Qt), with a fresh database and settings in a temporary folder.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="plan-review-screenshot-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from desktop.app import application, open_startup_database
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = application()
    window = MainWindow(AppContext(Settings()), open_startup_database(folder / "plans.sqlite"))
    window.resize(1366, 768)
    window.resizeDocks([window.tree_dock], [390], Qt.Orientation.Horizontal)  # as on a 1366-pixel screen
    window.show()
    window.search_box.setText("patent")
    window.search_box.returnPressed.emit()
    model = window.departments_model
    window.departments_view.selectRow(next(row for row in range(model.rowCount())
                                           if model.department(row).abbreviation == "CNIPA"))
    window.table.selectRow(1)
    app.processEvents()
    target = Path(__file__).resolve().parent / "screenshot.png"
    window.grab().save(str(target))
    window.close()
    window.store.close()
    print(target)


if __name__ == "__main__":
    main()
