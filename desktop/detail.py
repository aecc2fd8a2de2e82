"""The detail pane: one task in full, with the search words highlighted."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTextBrowser, QWidget

from data.store import DepartmentRow, TaskRow

from .models import department_label, place_lines

HIGHLIGHT = "background-color:#ffe27a;"
HIDDEN_NOTICE = "background-color:#eeeeee; color:#555555; margin:0 0 4px 0;"
HIDDEN_TEXT = QT_TRANSLATE_NOOP("TaskDetail", "The filters hide this task: it is shown here read-only. "
                                "Clear Filters to review it.")


def highlighted(text: str, words: list[str]) -> str:
    """HTML of text with every occurrence of the words (any case) marked."""
    words = [w for w in words if w]
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [html.escape(text[last:match.start()]),
                   f'<span style="{HIGHLIGHT}">{html.escape(match.group())}</span>']
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)


class TaskDetail(QTextBrowser):
    """Number, part and section, full text, lead and participating departments and deadline of the chosen
    task."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskDetail")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self._task: TaskRow | None = None
        self._hidden = False
        self._words: list[str] = []
        self._found_departments: frozenset[int] = frozenset()
        self.show_task(None)

    @property
    def task(self) -> TaskRow | None:
        return self._task

    def set_search(self, words: list[str], departments: frozenset[int] = frozenset()) -> None:
        """Mark these words in the text and these departments (ids) among the task's: what the search found."""
        self._words, self._found_departments = words, departments
        self.show_task(self._task, self._hidden)

    def show_task(self, task: TaskRow | None, hidden: bool = False) -> None:
        """Show a task (None: none chosen); hidden: the filters hide it, so it is only shown, read-only."""
        self._task, self._hidden = task, hidden
        if task is None:
            placeholder = self.tr("Choose a task to see it here.")  # outside the f-string, where lupdate finds it
            self.setHtml(f"<p style='color:gray'>{html.escape(placeholder)}</p>")
            return
        heading = self.tr("Task %1").replace("%1", str(task.number))
        place = "<br>".join(html.escape(line) for line in place_lines(task))
        lines = [f"<p style='{HIDDEN_NOTICE}'>{html.escape(self.tr(HIDDEN_TEXT))}</p>" if hidden else "",
                 f"<h3 style='margin:0'>{html.escape(heading)}</h3>", f"<p style='margin:2px 0'>{place}</p>",
                 f"<p>{highlighted(task.text, self._words)}</p>"]
        lead = [task.lead] if task.lead else []
        lines.append(self._departments(self.tr("Lead department"), lead))
        lines.append(self._departments(self.tr("Participating departments"), list(task.participants)))
        if task.deadline:
            deadline = self._heading(self.tr("Deadline"))
            lines.append(f"<p style='margin:2px 0'><b>{html.escape(deadline)}</b> {html.escape(task.deadline)}</p>")
        self.setHtml("".join(lines))

    def _departments(self, title: str, departments: list[DepartmentRow]) -> str:
        separator = self.tr(", ", "between the departments of a list")
        names = separator.join(f'<span style="{HIGHLIGHT}">{html.escape(department_label(d))}</span>'
                               if d.id in self._found_departments else html.escape(department_label(d))
                               for d in departments) or html.escape(self.tr("none"))
        return f"<p style='margin:2px 0'><b>{html.escape(self._heading(title))}</b> {names}</p>"

    def _heading(self, title: str) -> str:
        """"Lead department:" (in Chinese with a full-width colon)."""
        return self.tr("%1:", "a heading before what it names").replace("%1", title)
