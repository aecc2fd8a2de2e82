"""A second reference for start-up: the review window's layout in plain PySide6, with no program code.

The same kinds and numbers of widgets as `plan-review --smoke` paints (menus, two toolbars, a plan tree
and a departments table in docks, an 8-column task table of 100 rows, the detail and review panes, the
status bar), filled from QStandardItemModels with text of the sample's lengths: what any PySide6 program
pays for such a window, before its own code and data. bench/startup.py runs it beside the floor.
"""
import sys

from floor_window import show_until_painted
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QMainWindow, QPlainTextEdit, QPushButton, QSplitter,
                               QTableView, QTextBrowser, QToolBar, QTreeView, QVBoxLayout, QWidget)

TASK_TEXT = ("Promote the establishment of an added value accounting and release mechanism for intellectual "
             "property-intensive industries")


def table_model(rows: int, columns: dict[str, str]) -> QStandardItemModel:
    """A table of `rows` rows: each column's header and the text of its cells."""
    model = QStandardItemModel(rows, len(columns))
    model.setHorizontalHeaderLabels(list(columns))
    for row in range(rows):
        for column, text in enumerate(columns.values()):
            model.setItem(row, column, QStandardItem(text))
    return model


def row_table(model: QStandardItemModel) -> QTableView:
    """A table of one-line rows, as the window's are."""
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def tree_model() -> QStandardItemModel:
    model = QStandardItemModel(0, 2)
    model.setHorizontalHeaderLabels(["Part, section and task", "Tasks"])
    for part in range(1, 6):
        item = QStandardItem(f"{part}. Deepen reform in the field of intellectual property")
        for task in range(20):
            item.appendRow([QStandardItem(f"{task + 1}  {TASK_TEXT}"), QStandardItem("")])
        model.appendRow([item, QStandardItem("20")])
    return model


def review_pane() -> QWidget:
    pane = QWidget()
    layout = QVBoxLayout(pane)
    status = QHBoxLayout()
    status.addWidget(QLabel("My status:"))
    status.addWidget(QComboBox(), 1)
    status.addWidget(QCheckBox("Flagged"))
    layout.addLayout(status)
    layout.addWidget(QListWidget())
    layout.addWidget(QPlainTextEdit(placeholderText="Write a note on this task…"))
    buttons = QHBoxLayout()
    for text in ("Edit", "Delete", "Add Note"):
        buttons.addWidget(QPushButton(text))
    layout.addLayout(buttons)
    return pane


def build() -> QMainWindow:
    window = QMainWindow()
    window.resize(1366, 768)
    for title, count in (("&File", 10), ("&Edit", 4), ("&View", 8), ("&Plan", 1), ("&Review", 10)):
        menu = window.menuBar().addMenu(title)
        for number in range(count):
            menu.addAction(f"Action {number}…").setShortcut(f"Ctrl+Shift+{number}")
    search = QToolBar("Plan and search")
    for widget in (QLabel("Plan:"), QComboBox(), QLineEdit(placeholderText="Search task text (Ctrl+F)")):
        search.addWidget(widget)
    search.addAction("Clear Filters")
    window.addToolBar(search)
    review = QToolBar("Review")
    review.addWidget(QComboBox())
    for text in ("Flagged", "Has notes", "Mine"):
        review.addWidget(QCheckBox(text))
    window.addToolBar(review)

    tree = QTreeView()
    tree.setModel(tree_model())
    tree.expand(tree.model().index(0, 0))
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    departments = row_table(table_model(40, {"Department": "Ministry of Science and Technology", "Leads": "3",
                                             "Takes part": "1", "Reviewed": "0/4"}))
    tree_dock, departments_dock = QDockWidget("Plan", window), QDockWidget("Departments", window)
    tree_dock.setWidget(tree)
    departments_dock.setWidget(departments)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, tree_dock)
    window.splitDockWidget(tree_dock, departments_dock, Qt.Orientation.Vertical)
    window.resizeDocks([tree_dock], [390], Qt.Orientation.Horizontal)

    tasks = row_table(table_model(100, {
        "No.": "6", "My status": "Not reviewed", "Flag": "", "Notes": "2", "Part / section": "1.1 Reform and "
        "perfect the intellectual property policy", "Task": TASK_TEXT, "Lead department": "Ministry of Education",
        "Participating departments": "China National Intellectual Property Administration"}))
    panes = QSplitter(Qt.Orientation.Horizontal)
    detail = QTextBrowser()
    detail.setHtml(f"<h3>Task 6</h3><p>{TASK_TEXT}</p><p><b>Lead department:</b> National Bureau of "
                   "Statistics 国家统计局</p>")
    panes.addWidget(detail)
    panes.addWidget(review_pane())
    central = QSplitter(Qt.Orientation.Vertical)
    central.addWidget(tasks)
    central.addWidget(panes)
    central.setSizes([520, 220])
    window.setCentralWidget(central)
    for text in ("Showing 100 of 100 tasks", "0 of 100 reviewed", "Reviewer: Li Wei"):
        window.statusBar().addPermanentWidget(QLabel(text))
    return window


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = build()
    show_until_painted(window)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
