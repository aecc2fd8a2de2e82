"""Known failures worded for the user."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, path: str, problem: str) -> None:
    """A known failure, worded for the user: which file, and what is wrong with it."""
    heading = QCoreApplication.translate("show_error", "Plan Review cannot use this file.")
    QMessageBox.critical(parent, title, f"{heading}\n\n{path}\n\n{problem}")
