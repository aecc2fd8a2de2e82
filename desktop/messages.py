"""What the window tells the user: known failures, worded, and a progress dialog for slow work."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from data.errors import PlanReviewError

from .translations import current_language

PROGRESS_DELAY_MS = 400  # work that takes longer than this shows a progress dialog


def problem_text(error: PlanReviewError) -> str:
    """What is wrong, in the interface's language."""
    return error.worded(current_language())


def show_error(parent: QWidget | None, title: str, error: PlanReviewError) -> None:
    """A known failure, worded for the user: which file, and what is wrong with it."""
    heading = QCoreApplication.translate("show_error", "Plan Review cannot use this file.")
    QMessageBox.critical(parent, title, f"{heading}\n\n{error.path}\n\n{problem_text(error)}")


def slow_work_dialog(parent: QWidget, text: str) -> QProgressDialog:
    """A window-modal "busy" dialog, without a cancel button, that appears only when the work is slow.
    The caller closes it (close(), deleteLater()) when the work is done."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setValue(0)
    return progress
