"""Qt models over the ledger (data/ledger.py): its tasks, and its departments' figures. Thin: the ledger is
built by the core; a model shows one ledger and is reset with the next (`set_ledger`)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from data.ledger import ANSWER_KINDS, OVERDUE_COLOUR, UNANSWERED, Ledger, LedgerTask

# The words for a department's answer, in the order of data.ledger.ANSWER_KINDS.
ANSWER_WORDS = (QT_TRANSLATE_NOOP("Ledger", "Done"), QT_TRANSLATE_NOOP("Ledger", "Under way"),
                QT_TRANSLATE_NOOP("Ledger", "Blocked"), QT_TRANSLATE_NOOP("Ledger", "Not started"),
                QT_TRANSLATE_NOOP("Ledger", "No answer"))


def answer_word(kind: str | None) -> str:
    """A department's answer in words ("Done"); "-" for an answer without a progress."""
    if kind is None:
        return "-"
    return QCoreApplication.translate("Ledger", ANSWER_WORDS[ANSWER_KINDS.index(kind)])


Index = QModelIndex | QPersistentModelIndex


class _LedgerModel(QAbstractTableModel):
    """A table of rows taken from a ledger, with translated column titles."""

    COLUMN_TITLES: tuple[str, ...] = ()

    def __init__(self, ledger: Ledger, parent=None):
        super().__init__(parent)
        self.ledger = ledger
        self._rows = self._rows_of(ledger)

    def _rows_of(self, ledger: Ledger) -> tuple:
        raise NotImplementedError

    def set_ledger(self, ledger: Ledger) -> None:
        self.beginResetModel()
        self.ledger, self._rows = ledger, self._rows_of(ledger)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMN_TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMN_TITLES)):
            return QCoreApplication.translate("Ledger", self.COLUMN_TITLES[section])
        return None


class LedgerTasksModel(_LedgerModel):
    """Every task: number, text, lead, participants, deadline, each department's latest progress, overdue."""

    COLUMN_TITLES = (QT_TRANSLATE_NOOP("Ledger", "No."), QT_TRANSLATE_NOOP("Ledger", "Task"),
                     QT_TRANSLATE_NOOP("Ledger", "Lead department"), QT_TRANSLATE_NOOP("Ledger", "Participants"),
                     QT_TRANSLATE_NOOP("Ledger", "Deadline"), QT_TRANSLATE_NOOP("Ledger", "Progress reported"),
                     QT_TRANSLATE_NOOP("Ledger", "Overdue"))
    DEADLINE, PROGRESS, OVERDUE = 4, 5, 6

    def _rows_of(self, ledger: Ledger) -> tuple[LedgerTask, ...]:
        return ledger.tasks

    def task(self, row: int) -> LedgerTask:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.COLUMN_TITLES):
            return None
        task: LedgerTask = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and task.overdue:
            return QBrush(QColor(f"#{OVERDUE_COLOUR}"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, self.PROGRESS):
            return self._text(task, index.column())
        return None

    def _text(self, task: LedgerTask, column: int) -> str | int:
        translate = QCoreApplication.translate
        if column == 0:
            return task.number
        if column == 1:
            return task.text
        if column == 2:
            return task.lead or ""
        if column == 3:
            return "\n".join(task.participants)
        if column == self.DEADLINE:
            if task.due is None:
                return task.deadline or ""
            day = task.due.isoformat()
            return (translate("Ledger", "%1 (set by the office)").replace("%1", day) if task.due_from_office
                    else f"{task.deadline} ({day})")
        if column == self.PROGRESS:
            return "\n".join(f"{name}: {answer_word(UNANSWERED if reply is None else reply.progress)}"
                             + (f", {reply.completed}" if reply is not None and reply.completed else "")
                             for name, reply in zip(task.departments, task.replies))
        return translate("Ledger", "Overdue") if task.overdue else ""


class LedgerDepartmentsModel(_LedgerModel):
    """Per department: answered or not, its tasks answered, and its tasks (both roles) by the progress it gave."""

    COLUMN_TITLES = (QT_TRANSLATE_NOOP("Ledger", "Department"), QT_TRANSLATE_NOOP("Ledger", "Answered"),
                     QT_TRANSLATE_NOOP("Ledger", "Tasks answered"), *ANSWER_WORDS,
                     QT_TRANSLATE_NOOP("Ledger", "Overdue (led)"))

    def _rows_of(self, ledger: Ledger) -> tuple:
        return ledger.departments

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.COLUMN_TITLES):
            return None
        department, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return department.name
            if column == 1:
                return (QCoreApplication.translate("Ledger", "Yes") if department.has_answered
                        else QCoreApplication.translate("Ledger", "No"))
            if column == 2:
                return f"{department.answered} / {department.tasks}"
            if column < 3 + len(ANSWER_KINDS):
                return department.count(ANSWER_KINDS[column - 3])
            return department.overdue
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
