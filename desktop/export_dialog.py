"""Export assignment sheets… (Excel or PDF); the export machinery the review report dialog shares
(BackgroundExportDialog). Print Preview… and Print… are in pdf_print.py.

Wiring, for the main window's File menu::

    dialog = ExportDialog(store.path, plan_id, store.departments(plan_id),
                          selected_ids=<departments selected in the Departments dock>,
                          shown_ids=<departments of the tasks the current filter shows>,
                          thread_pool=context.thread_pool, folder=<last export folder>, parent=window)
    dialog.open()

The export runs on the thread pool with a PlanStore of its own (SQLite connections are per thread);
a progress dialog with Cancel appears only when the export is slow.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDir, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QProgressDialog, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from data.errors import PlanReviewError
from data.language import CHINESE, ENGLISH, LANGUAGES
from data.store import DepartmentRow, PlanStore
from exporters.files import ExportResult
from exporters.formats import FORMATS, ExportFormat

from .jobs import CancelCheck, Job, Progress
from .messages import problem_text
from .translations import LANGUAGE_NAMES, current_language

SLOW_EXPORT_MS = 400  # the progress dialog appears only for exports that take longer
FILES_NAMED = 8  # files an export names in its message; the rest are counted
# exporters/formats.py describes its formats in English; these marks give lupdate the texts to translate
FORMAT_DESCRIPTIONS = (QT_TRANSLATE_NOOP("ExportFormat", "Excel workbook"),
                       QT_TRANSLATE_NOOP("ExportFormat", "PDF document"))


class BackgroundExportDialog(QDialog):
    """What export dialogs share: a format, a destination, and the export run on the thread pool.

    A progress dialog with Cancel appears only when the export is slow; when it is done a message says
    what was written (and what had to be replaced) and offers to open it. Subclasses build the request.
    """

    # the suggested destination's name, without the format's extension, in the language the file is worded in
    file_names = {ENGLISH: "export", CHINESE: "导出"}

    def __init__(self, db_path: Path, thread_pool: QThreadPool | None, parent: QWidget | None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.thread_pool = thread_pool or QThreadPool.globalInstance()
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None

    def _format_and_destination(self, folder: Path) -> QHBoxLayout:
        """Make the format choice and the destination field; the destination's row (field and Browse…)."""
        self.format_combo = QComboBox(objectName="formatCombo")
        for export_format in FORMATS.values():
            self.format_combo.addItem(f"{self._description(export_format)} (.{export_format.key})", export_format.key)
        self.destination = QLineEdit(str(folder / self.file_names[current_language()]), objectName="destination")
        self.destination.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 50)
        browse = QPushButton(self.tr("Browse…"), objectName="browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.destination)
        row.addWidget(browse)
        self.format_combo.currentIndexChanged.connect(self._suggest_destination)
        self.language_combo = QComboBox(objectName="languageCombo")  # what the file is worded in
        for language in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[language], language)
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        self.language_combo.currentIndexChanged.connect(self._suggest_destination)
        return row

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    @staticmethod
    def _description(export_format: ExportFormat) -> str:
        return QCoreApplication.translate("ExportFormat", export_format.description)

    def chosen_format(self) -> str:
        return self.format_combo.currentData()

    def chosen_language(self) -> str:
        return self.language_combo.currentData()

    def writes_folder(self) -> bool:
        """Whether the destination is a folder (of several files) rather than one file."""
        return False

    def _suggest_destination(self) -> None:
        """Keep the destination's folder; fit its name to the format (and to writing a folder)."""
        folder = Path(self.destination.text()).parent
        file_name = self.file_names[self.chosen_language()]
        name = file_name if self.writes_folder() else f"{file_name}.{self.chosen_format()}"
        self.destination.setText(str(folder / name))

    def _browse(self) -> None:
        if self.writes_folder():
            chosen = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.destination.text())
        else:
            export_format = FORMATS[self.chosen_format()]
            chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.destination.text(),
                                                    f"{self._description(export_format)} (*.{export_format.key})")
        if chosen:
            self.destination.setText(chosen)

    def start_export(self) -> None:
        raise NotImplementedError

    def _run(self, request, message: str) -> None:
        """Start the export on the thread pool; the dialog stays open until it is done."""
        database = self.db_path

        def export(progress: Progress, cancelled: CancelCheck) -> ExportResult:
            from exporters.export import run_export  # openpyxl/reportlab load on first export

            with PlanStore(database, create=False) as store:
                return run_export(store, request, progress=progress, cancel=cancelled)

        self.job = Job(export)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.progress = QProgressDialog(message, self.tr("Cancel"), 0, 0, self)
        self.progress.setMinimumDuration(SLOW_EXPORT_MS)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.canceled.connect(self.job.cancel)
        self.export_button.setEnabled(False)
        self.job.start(self.thread_pool)

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _done(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.export_button.setEnabled(True)

    def _finished(self, result) -> None:
        """Say which files were written (one: its path; several: how many, where, the first few) and offer
        to open the file or the folder."""
        self._done()
        paths = result.paths
        folder = paths[0].parent
        if len(paths) == 1:
            text = self.tr("Wrote %1").replace("%1", str(paths[0]))
        else:
            text = self.tr("Wrote %1 files in %2:").replace("%1", str(len(paths))).replace("%2", str(folder))
            text += "".join(f"\n• {path.name}" for path in paths[:FILES_NAMED])
            if len(paths) > FILES_NAMED:
                text += "\n" + self.tr("… and %1 more.").replace("%1", str(len(paths) - FILES_NAMED))
        if result.warnings:
            text += "\n\n" + self.tr("Some characters could not be written and were replaced:") + "\n" + \
                "\n".join(result.warnings)
        self.result_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"), text,
                                      QMessageBox.StandardButton.Close, self)
        if len(paths) == 1:
            open_file = self.result_box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
            open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0]))))
        open_folder = self.result_box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        self.result_box.open()

    def _failed(self, error: PlanReviewError) -> None:
        self._done()
        self.result_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"),
                                      f"{error.path}\n\n{problem_text(error)}",
                                      QMessageBox.StandardButton.Close, self)
        self.result_box.open()

    def _cancelled(self) -> None:
        self._done()


class ExportDialog(BackgroundExportDialog):
    """Choose the departments (all, selected, or shown by the filter), format and destination; export.

    folder: where the destination starts (e.g. the folder of the last export); default: the home folder.
    """

    file_names = {ENGLISH: "assignment-sheets", CHINESE: "任务分工表"}
    feedback_file_names = {ENGLISH: "feedback-workbooks", CHINESE: "反馈表"}

    def __init__(self, db_path: Path, plan_id: int, departments: Sequence[DepartmentRow],
                 selected_ids: Sequence[int] = (), shown_ids: Sequence[int] = (),
                 thread_pool: QThreadPool | None = None, folder: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(db_path, thread_pool, parent)
        self.setWindowTitle(self.tr("Export Assignment Sheets"))
        self.plan_id = plan_id
        known = [d.id for d in departments]  # the plan's order (by name)
        self.choices = {"all": known,
                        "selected": [i for i in known if i in set(selected_ids)],
                        "shown": [i for i in known if i in set(shown_ids)]}
        self._build(Path(folder) if folder else Path(QDir.homePath()))

    def _build(self, folder: Path) -> None:
        self.scope_buttons = QButtonGroup(self)
        scope_box = QVBoxLayout()
        labels = {"all": self.tr("All departments (%n)", "", len(self.choices["all"])),
                  "selected": self.tr("Selected departments (%n)", "", len(self.choices["selected"])),
                  "shown": self.tr("Departments the filter shows (%n)", "", len(self.choices["shown"]))}
        self.scope_radios = {}
        for key, label in labels.items():
            radio = QRadioButton(label, objectName=f"scope_{key}")
            radio.setEnabled(bool(self.choices[key]))
            self.scope_buttons.addButton(radio)
            self.scope_radios[key] = radio
            scope_box.addWidget(radio)
        default = "selected" if self.choices["selected"] else "all"
        self.scope_radios[default].setChecked(True)

        self.per_department = QCheckBox(self.tr("One file per department (into a folder)"),
                                        objectName="perDepartment")
        self.include_review = QCheckBox(self.tr("Include review status and notes"), objectName="includeReview")
        self.official = QCheckBox(self.tr("Official layout (A4 portrait, GB/T 9704)"), objectName="officialLayout")
        self.official.setToolTip(self.tr("As a government office prints an attachment: 仿宋 text, 小标宋 title, "
                                         "page numbers “— 3 —” on the outside edge"))
        self.attachment = QCheckBox(self.tr("Head each sheet “附件” (printed as an attachment)"),
                                    objectName="attachment")
        self.attachment.setEnabled(False)
        self.official.toggled.connect(self.attachment.setEnabled)
        self.for_feedback = QCheckBox(self.tr("For feedback: a workbook per department to fill in progress"),
                                      objectName="forFeedback")
        self.for_feedback.setToolTip(self.tr("The plan's columns locked; Progress, Completion date, Account of "
                                             "work and Contact to fill in. Read the returned workbooks with "
                                             "File ▸ Import Feedback…"))
        destination_row = self._format_and_destination(folder)
        self.per_department.toggled.connect(self._suggest_destination)
        self.for_feedback.toggled.connect(self._feedback_chosen)
        self.format_combo.currentIndexChanged.connect(self._feedback_chosen)
        self._feedback_chosen()

        form = QFormLayout()
        form.addRow(self.tr("Departments:"), scope_box)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow("", self.per_department)
        form.addRow("", self.include_review)
        form.addRow("", self.official)
        form.addRow("", self.attachment)
        form.addRow("", self.for_feedback)
        form.addRow(self.tr("Save to:"), destination_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._buttons())

    def chosen_ids(self) -> list[int]:
        return next(self.choices[key] for key, radio in self.scope_radios.items() if radio.isChecked())

    def _feedback_chosen(self) -> None:
        """Feedback workbooks: only in a format that writes them, always one per department, without review."""
        self.for_feedback.setEnabled(FORMATS[self.chosen_format()].feedback)
        if not self.for_feedback.isEnabled():
            self.for_feedback.setChecked(False)
        feedback = self.for_feedback.isChecked()
        self.per_department.setEnabled(not feedback)
        self.include_review.setEnabled(not feedback)
        self.file_names = self.feedback_file_names if feedback else ExportDialog.file_names
        self._suggest_destination()

    def writes_folder(self) -> bool:
        return self.per_department.isChecked() or self.for_feedback.isChecked()

    def start_export(self) -> None:
        from exporters.document import OFFICIAL, STANDARD
        from exporters.export import ExportRequest

        feedback = self.for_feedback.isChecked()
        request = ExportRequest(self.plan_id, tuple(self.chosen_ids()), self.chosen_format(),
                                Path(self.destination.text()), self.per_department.isChecked(),
                                include_review=self.include_review.isChecked() and not feedback,
                                language=self.chosen_language(),
                                layout=OFFICIAL if self.official.isChecked() and not feedback else STANDARD,
                                attachment=self.official.isChecked() and self.attachment.isChecked(),
                                for_feedback=feedback)
        self._run(request, self.tr("Writing the feedback workbooks…") if feedback
                  else self.tr("Writing the assignment sheets…"))
