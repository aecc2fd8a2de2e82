"""File ▸ Restore from Backup…: the database's backups with what each holds; the one chosen is restored."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from data.backups import Backup, list_backups
from data.errors import worded

from .translations import current_language


class BackupDialog(QDialog):
    """The backups, newest first (made, why, plans, notes, statuses); Restore gives the one chosen."""

    def __init__(self, database: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.backups: list[Backup] = list_backups(database)
        intro = QLabel(self.tr("Choose the backup to restore. What the database holds now is kept as a "
                               "backup first, so a restore can itself be undone."), wordWrap=True)
        self.table = QTableWidget(len(self.backups), 5, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Plans"), self.tr("Notes"),
                                              self.tr("Statuses")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            made = backup.made.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            language = current_language()
            cells = [made, worded(backup.reason_text, language),
                     worded(backup.problem, language) if backup.problem else "; ".join(backup.plans),
                     "" if backup.problem else str(backup.notes), "" if backup.problem else str(backup.statuses)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(backup.path) if column == 0 else text)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("This database has no backups yet. One is made before every import, "
                                    "review merge and upgrade, and at start when it changed."), wordWrap=True)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_button.isEnabled() and self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(720, 360)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        backup = self.chosen()
        self.restore_button.setEnabled(backup is not None and backup.problem is None)
