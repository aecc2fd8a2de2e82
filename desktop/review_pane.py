"""The review pane beside the task detail: the reviewer's status and flag, every reviewer's, and the task's notes.

The pane only shows and asks: it emits what the user wants done, and the review controller makes the
edit (as an undoable command) and shows the pane again.
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from data.review import (IN_REVIEW, NEEDS_FOLLOW_UP, NOT_REVIEWED, REVIEWED, STATUS_COLOURS as STATUS_RGB, STATUSES,
                         Note, NoteVersion, ReviewState, made_on)

STATUS_WORDS = {NOT_REVIEWED: QT_TRANSLATE_NOOP("Review", "Not reviewed"),
                IN_REVIEW: QT_TRANSLATE_NOOP("Review", "In review"),
                REVIEWED: QT_TRANSLATE_NOOP("Review", "Reviewed"),
                NEEDS_FOLLOW_UP: QT_TRANSLATE_NOOP("Review", "Needs follow-up")}
STATUS_COLOURS = {status: QColor(f"#{rgb}") for status, rgb in STATUS_RGB.items()}  # as the exports colour them
NOT_STARTED_COLOUR = QColor("#808080")  # the text of "Not reviewed": there, but quiet
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 10
VERSION_KEY_ROLE = Qt.ItemDataRole.UserRole + 11


# A department's feedback is stored as a status (data/feedback.py); the pane says it as progress, in the
# order of data.feedback.PROGRESS.
PROGRESS_WORDS = (QT_TRANSLATE_NOOP("Review", "Not started"), QT_TRANSLATE_NOOP("Review", "Under way"),
                  QT_TRANSLATE_NOOP("Review", "Done"), QT_TRANSLATE_NOOP("Review", "Blocked"))


def reviewer_status_word(reviewer: str, status: str) -> str:
    """A status as the reviewer meant it: a department's feedback as its progress ("Done"), else "Reviewed"."""
    from data.feedback import PROGRESS, STATUS_PROGRESS, feedback_department  # 8 ms: not at the window's start

    if feedback_department(reviewer) is not None:
        return QCoreApplication.translate("Review", PROGRESS_WORDS[PROGRESS.index(STATUS_PROGRESS[status])])
    return status_word(status)


def status_word(status: str) -> str:
    """A review status as the user reads it ("Needs follow-up")."""
    return QCoreApplication.translate("Review", STATUS_WORDS[status])


def local_time(stamp: str) -> str:
    """An ISO UTC time stamp in the local time zone, to the second."""
    return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")


class ReviewPane(QWidget):
    """Status, flag and notes of the shown task. Others' notes are read-only; a conflict lists its versions."""

    status_chosen = Signal(str)
    flag_toggled = Signal(bool)
    add_requested = Signal(str)
    edit_requested = Signal(str, str)  # note id, new text
    delete_requested = Signal(str)  # note id
    resolve_requested = Signal(str, str)  # note id, key of the version kept

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="reviewPane")
        self._reviewer = ""
        self._task_id: int | None = None
        self._notes: dict[str, Note] = {}
        self._computers: dict[str, str] = {}  # replica id -> computer name, to label a conflict's versions
        self._editing: str | None = None  # id of the note whose text is in the editor
        self._drafts: dict[int, str] = {}  # new notes begun on tasks, kept while other tasks are shown
        self._editable = False  # a task is shown and may be changed (the filter does not hide it)
        self._showing = False  # set while controls are filled, so they do not report it as the user's choice

        self.status_combo = QComboBox(objectName="reviewStatus")
        for status in STATUSES:
            self.status_combo.addItem(status_word(status), status)
        self.flag_box = QCheckBox(self.tr("Fla&gged"), objectName="reviewFlag")
        self.reviewers_label = QLabel(objectName="reviewersLabel")  # every reviewer's status and flag
        self.reviewers_label.setWordWrap(True)
        self.reviewers_label.setTextFormat(Qt.TextFormat.RichText)
        status_label = QLabel(self.tr("&My status:"))
        status_label.setBuddy(self.status_combo)
        self.notes_list = QListWidget(objectName="reviewNotes")
        self.notes_list.setWordWrap(True)
        self.notes_list.setAlternatingRowColors(True)
        self.notes_list.setMinimumHeight(3 * self.fontMetrics().lineSpacing())  # yields room to a conflict's versions
        self.edit_button = QPushButton(self.tr("Ed&it"), objectName="editNote")
        self.delete_button = QPushButton(self.tr("&Delete"), objectName="deleteNote")
        self.editor = QPlainTextEdit(objectName="noteEditor")
        self.editor.setPlaceholderText(self.tr("Write a note on this task… (Ctrl+Enter adds it)"))
        self.editor.setTabChangesFocus(True)
        self.save_button = QPushButton(self.tr("Add &Note"), objectName="saveNote")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="cancelEdit")
        self.versions_list = QListWidget(objectName="conflictVersions")
        self.versions_list.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("&Keep This Version"), objectName="keepVersion")
        self.bottom = QStackedWidget(objectName="reviewPaneBottom")  # the editor, or a conflict's versions
        self.conflict_page = QWidget(objectName="conflictPage")
        self._lay_out(status_label)
        self._connect()
        self.show_review(None, None, [], "")

    def _lay_out(self, status_label: QLabel) -> None:
        state_row = QHBoxLayout()
        state_row.addWidget(status_label)
        state_row.addWidget(self.status_combo, 1)
        state_row.addWidget(self.flag_box)

        editor_page = QWidget()
        editor_buttons = QHBoxLayout()
        for button in (self.edit_button, self.delete_button):
            editor_buttons.addWidget(button)
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_button)
        editor_buttons.addWidget(self.save_button)
        self.editor.setMaximumHeight(self.fontMetrics().height() * 4)
        editor_layout = QVBoxLayout(editor_page)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor)
        editor_layout.addLayout(editor_buttons)

        heading = QLabel(self.tr("Changed on two computers: choose the version to keep."))
        heading.setWordWrap(True)
        heading_row = QHBoxLayout()  # the button beside the words: the versions keep the height
        heading_row.addWidget(heading, 1)
        heading_row.addWidget(self.keep_button)
        conflict_layout = QVBoxLayout(self.conflict_page)
        conflict_layout.setContentsMargins(0, 0, 0, 0)
        conflict_layout.addLayout(heading_row)
        conflict_layout.addWidget(self.versions_list, 1)
        self.bottom.addWidget(editor_page)
        self.bottom.addWidget(self.conflict_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(state_row)
        layout.addWidget(self.reviewers_label)
        layout.addWidget(self.notes_list, 1)
        layout.addWidget(self.bottom)

    def _connect(self) -> None:
        self.status_combo.currentIndexChanged.connect(
            lambda: self._showing or self.status_chosen.emit(self.status_combo.currentData()))
        self.flag_box.toggled.connect(lambda flagged: self._showing or self.flag_toggled.emit(flagged))
        self.notes_list.currentItemChanged.connect(self._note_chosen)
        self.edit_button.clicked.connect(self.start_edit)
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.chosen_note_id()))
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.finish_edit)
        self.editor.textChanged.connect(self._enable)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.editor, self._save, context=Qt.ShortcutContext.WidgetShortcut)
        self.versions_list.currentItemChanged.connect(self._enable)
        self.keep_button.clicked.connect(lambda: self.resolve_requested.emit(
            self.chosen_note_id(), self.versions_list.currentItem().data(VERSION_KEY_ROLE)))

    # Showing ------------------------------------------------------------------------------------------
    def show_review(self, task_id: int | None, state: ReviewState | None, notes: list[Note], reviewer: str,
                    editable: bool = True, states: Sequence[ReviewState] = (),
                    computers: dict[str, str] | None = None) -> None:
        """Show a task's review as `reviewer` sees it (None: no task chosen; editable False: shown read-only).
        `states`: every reviewer's state of the task; `computers`: the computer name of each replica id.
        Keeps the chosen note and an edit in progress when the same task is shown again, and a new note begun
        until its task is back."""
        chosen = self.chosen_note_id()
        same_task = task_id is not None and task_id == self._task_id
        draft = self.editor.toPlainText()
        if not same_task and self._task_id is not None and self._editing is None and draft.strip():
            self._drafts[self._task_id] = draft
        self._task_id, self._reviewer = task_id, reviewer
        self._notes = {note.id: note for note in notes}
        self._computers = computers or {}
        self._show_reviewers(states)
        self._showing = True
        self.status_combo.setCurrentIndex(STATUSES.index(state.status) if state else 0)
        self.flag_box.setChecked(bool(state and state.flagged))
        self.notes_list.clear()
        for note in notes:
            item = QListWidgetItem(self._note_text(note))
            item.setData(NOTE_ID_ROLE, note.id)
            item.setToolTip(self._note_times(note))
            if note.conflicts:
                item.setBackground(STATUS_COLOURS[NEEDS_FOLLOW_UP])
            self.notes_list.addItem(item)
        self._showing = False
        self._editable = editable and task_id is not None
        for control in (self.status_combo, self.flag_box, self.editor):
            control.setEnabled(self._editable)
        if not same_task or (self._editing is not None and self._editing not in self._notes):
            self.finish_edit()
        if not same_task and task_id is not None:
            self.editor.setPlainText(self._drafts.pop(task_id, ""))
        if same_task and chosen in self._notes:
            self.notes_list.setCurrentRow(list(self._notes).index(chosen))
        self._note_chosen()

    def _show_reviewers(self, states: Sequence[ReviewState]) -> None:
        """One line per reviewer who set a status or flag: name, status (in its colour) and flag."""
        lines = []
        for state in sorted(states, key=lambda s: (s.reviewer != self._reviewer, s.reviewer.casefold())):
            name = html.escape(state.reviewer)
            if state.reviewer == self._reviewer:
                name = self.tr("%1 (you)").replace("%1", name)
            colour = STATUS_COLOURS.get(state.status)
            style = f" style='background-color:{colour.name()}'" if colour else ""
            flag = " ⚑ " + html.escape(self.tr("flagged")) if state.flagged else ""
            word = html.escape(reviewer_status_word(state.reviewer, state.status))
            lines.append(f"{name}: <span{style}>&nbsp;{word}&nbsp;</span>{flag}")
        if not lines:
            lines = [html.escape(self.tr("No reviewer has set a status yet."))]
        heading = html.escape(self.tr("Reviewers:"))
        self.reviewers_label.setText(f"<b>{heading}</b> " + " · ".join(lines))
        self.reviewers_label.setVisible(self._task_id is not None)

    def _note_text(self, note: Note) -> str:
        mark = self.tr(" — conflict to settle") if note.conflicts else ""
        return f"{note.author} · {self._note_times(note)}{mark}\n{note.text}"

    def _note_times(self, note: Note) -> str:
        written = self.tr("written %1").replace("%1", local_time(note.created))
        if note.updated == note.created:  # its text never changed (an undone deletion leaves the time as it was)
            return written
        return written + self.tr(", edited %1").replace("%1", local_time(note.updated))

    def chosen_note_id(self) -> str | None:
        item = self.notes_list.currentItem()
        return None if item is None else item.data(NOTE_ID_ROLE)

    def _note_chosen(self) -> None:
        """Show the chosen note's conflicting versions, if it has any."""
        note = self._notes.get(self.chosen_note_id())
        self.versions_list.clear()
        versions = (note.current, *note.conflicts) if note and note.conflicts else ()
        for version in versions:
            item = QListWidgetItem(self._version_text(note, version, [v for v in versions if v is not version]))
            item.setData(VERSION_KEY_ROLE, version.key)
            self.versions_list.addItem(item)
        self.bottom.setCurrentIndex(1 if versions else 0)
        self.layout().setStretchFactor(self.bottom, 2 if versions else 0)  # the versions get most of the height
        self._enable()

    def _version_text(self, note: Note, version: NoteVersion, others: list[NoteVersion]) -> str:
        """"Ann on laptop-ann, 2026-03-02 10:00:05: text": who, on which computer, when (to the second)."""
        replica = made_on(version, others)
        if replica is None:
            where = self.tr("an unknown computer")
        else:
            where = self._computers.get(replica) or self.tr("computer %1").replace("%1", replica[:8])
        label = self.tr("%1 on %2, %3").replace("%1", note.author).replace("%2", where) \
            .replace("%3", local_time(version.updated))
        if version.deleted:
            return self.tr("%1: deleted").replace("%1", label)
        return f"{label}:\n{version.text}"

    def _enable(self) -> None:
        note = self._notes.get(self.chosen_note_id())
        own = note is not None and note.author == self._reviewer and self._editable
        self.edit_button.setEnabled(own and self._editing is None)
        self.delete_button.setEnabled(own)
        tip = "" if note is None or own else self.tr("Only %1 can change this note.").replace("%1", note.author)
        for button in (self.edit_button, self.delete_button):
            button.setToolTip(tip)
        self.save_button.setEnabled(self.editor.isEnabled() and bool(self.editor.toPlainText().strip()))
        self.keep_button.setEnabled(self._editable and self.versions_list.currentItem() is not None)

    # Writing ------------------------------------------------------------------------------------------
    def forget_drafts(self) -> None:
        """Drop the new notes begun and the task shown: they belong to the plan or database left."""
        self._drafts.clear()
        self._task_id = None

    def start_note(self) -> None:
        """Put the cursor in the editor to write a new note (no note chosen, so the editor shows)."""
        if self._editing is not None:
            self.finish_edit()
        self.notes_list.setCurrentItem(None)
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_edit(self) -> None:
        """Put the chosen note's text in the editor; saving it then edits the note."""
        self._editing = self.chosen_note_id()
        self.editor.setPlainText(self._notes[self._editing].text)
        self.save_button.setText(self.tr("Save &Note"))
        self.cancel_button.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._enable()

    def finish_edit(self) -> None:
        """Empty the editor: the note is saved, or the edit given up."""
        self._editing = None
        self.editor.clear()
        self.save_button.setText(self.tr("Add &Note"))
        self.cancel_button.hide()
        self._enable()

    def _save(self) -> None:
        """Add the note written, or save the note edited (the button, or Ctrl+Enter in the editor)."""
        if not self.save_button.isEnabled():
            return
        text = self.editor.toPlainText().strip()
        if self._editing is None:
            self.add_requested.emit(text)
        else:
            self.edit_requested.emit(self._editing, text)
