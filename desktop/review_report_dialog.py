"""Export Review Report…: which tasks, format and destination; written on the thread pool like the sheets."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDir, QThreadPool
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from data.language import CHINESE, ENGLISH
from data.review import ALL, ATTENTION, FLAGGED, FOLLOW_UP

from .export_dialog import BackgroundExportDialog

SELECTION_LABELS = {ALL: QT_TRANSLATE_NOOP("ReviewReportDialog", "All tasks"),
                    FLAGGED: QT_TRANSLATE_NOOP("ReviewReportDialog", "Flagged tasks only"),
                    FOLLOW_UP: QT_TRANSLATE_NOOP("ReviewReportDialog", "Tasks needing follow-up only"),
                    ATTENTION: QT_TRANSLATE_NOOP("ReviewReportDialog", "Flagged or needing follow-up")}


class ReviewReportDialog(BackgroundExportDialog):
    """Choose the tasks (all, flagged, needing follow-up, or either), format and destination; export.

    folder: where the destination starts (e.g. the folder of the last export); default: the home folder.
    """

    file_names = {ENGLISH: "review-report", CHINESE: "审阅报告"}

    def __init__(self, db_path: Path, plan_id: int, thread_pool: QThreadPool | None = None,
                 folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(db_path, thread_pool, parent)
        self.setWindowTitle(self.tr("Export Review Report"))
        self.plan_id = plan_id
        self.selection_combo = QComboBox(objectName="selectionCombo")
        for selection, label in SELECTION_LABELS.items():
            self.selection_combo.addItem(QCoreApplication.translate("ReviewReportDialog", label), selection)
        destination_row = self._format_and_destination(Path(folder) if folder else Path(QDir.homePath()))
        self._suggest_destination()
        form = QFormLayout()
        form.addRow(self.tr("Tasks:"), self.selection_combo)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Save to:"), destination_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._buttons())

    def chosen_selection(self) -> str:
        return self.selection_combo.currentData()

    def start_export(self) -> None:
        from exporters.export import ReviewReportRequest

        request = ReviewReportRequest(self.plan_id, self.chosen_format(), Path(self.destination.text()),
                                      self.chosen_selection(), self.chosen_language())
        self._run(request, self.tr("Writing the review report…"))
