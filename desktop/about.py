"""Help ▸ About Plan Review: the version, where the user's data and its copies live, and the licences of
the components the program runs on (read from their installed metadata, with their licence files)."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from data.backups import backup_folder
from data.damage import DAMAGED_FOLDER

from .licences import components, program_version, qt_notice
from .resources import app_icon
from .screens import fit_on_screen
from .translations import current_language

ICON_SIZE = 64


class AboutDialog(QDialog):
    """Two tabs: the program (version, data, copies) and its components' licences."""

    def __init__(self, database: Path, settings_file: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Plan Review"))
        self.components = components()
        tabs = QTabWidget()
        tabs.addTab(self._program_tab(database, settings_file), self.tr("Plan Review"))
        tabs.addTab(self._licences_tab(), self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        fit_on_screen(self, 760, 560)

    def _program_tab(self, database: Path, settings_file: str) -> QWidget:
        icon = QLabel(pixmap=app_icon().pixmap(QSize(ICON_SIZE, ICON_SIZE)))
        rows = [
            (self.tr("Your database"), str(database)),
            (self.tr("Backups"), str(backup_folder(database)) + "\n" + self.tr(
                "made before each import, review merge, upgrade and plan removal, and every half hour of edits; "
                "File ▸ Restore from Backup… puts one back")),
            (self.tr("Damaged files, copied aside untouched"), str(database.parent / DAMAGED_FOLDER)),
            (self.tr("Settings"), settings_file),
        ]
        table = "".join(f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td><td>{escape(value).replace(chr(10), '<br>')}</td></tr>"
                        for label, value in rows)
        name = self.tr("Plan Review")
        self.program_text = QLabel(
            f"<h2>{escape(name)} {escape(program_version())}</h2>"
            + "<p>" + escape(self.tr("Reviewing a government work plan offline: the plan's tasks and departments, "
                                     "local review notes merged between colleagues, assignment sheets in "
                                     "Excel and PDF.")) + "</p>"
            + f"<table style='margin-top:8px'>{table}</table>")
        self.program_text.setWordWrap(True)
        self.program_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(icon)
        layout.addWidget(self.program_text)
        layout.addStretch()
        return tab

    def _licences_tab(self) -> QWidget:
        notice = QLabel(qt_notice(current_language()), wordWrap=True)
        self.licence_table = QTableWidget(len(self.components), 3)
        self.licence_table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version,
                                           component.licence_label(current_language()))):
                item = QTableWidgetItem(text)
                item.setToolTip(component.home)
                self.licence_table.setItem(row, column, item)
        self.licence_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.licence_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.licence_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.licence_table.verticalHeader().hide()
        self.licence_table.horizontalHeader().setStretchLastSection(True)
        self.licence_table.resizeColumnsToContents()
        self.licence_table.resizeRowsToContents()
        self.licence_text = QPlainTextEdit(readOnly=True)
        self.licence_text.setPlaceholderText(self.tr("Choose a component to read its licence."))
        self.licence_table.currentCellChanged.connect(self._show_licence)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.licence_table)
        splitter.addWidget(self.licence_text)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(notice)
        layout.addWidget(splitter)
        return tab

    def _show_licence(self, row: int) -> None:
        if row < 0:
            return
        component = self.components[row]
        self.licence_text.setPlainText(component.licence_text() or self.tr("%1 installed no licence file; its "
                                                                           "licence is %2.")
                                       .replace("%1", component.name).replace("%2", component.licence))
