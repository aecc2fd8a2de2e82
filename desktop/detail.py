"""The detail pane: one task in full, with the search words highlighted."""
from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QTextBrowser, QWidget

from data.store import DepartmentRow, TaskRow

from .models import department_label, place_lines

HIGHLIGHT = "background-color:#ffe27a;"


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
    """Number, part and section, full text, lead and participating departments of the chosen task."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("taskDetail")
        self.setOpenLinks(False)
        self.setTabChangesFocus(True)
        self._task: TaskRow | None = None
        self._words: list[str] = []
        self.show_task(None)

    @property
    def task(self) -> TaskRow | None:
        return self._task

    def set_search(self, search: str) -> None:
        self._words = search.split()
        self.show_task(self._task)

    def show_task(self, task: TaskRow | None) -> None:
        self._task = task
        if task is None:
            self.setHtml(f"<p style='color:gray'>{html.escape(self.tr('Choose a task to see it here.'))}</p>")
            return
        heading = self.tr("Task %1").replace("%1", str(task.number))
        place = "<br>".join(html.escape(line) for line in place_lines(task))
        lines = [f"<h3 style='margin:0'>{html.escape(heading)}</h3>", f"<p style='margin:2px 0'>{place}</p>",
                 f"<p>{highlighted(task.text, self._words)}</p>"]
        lead = [task.lead] if task.lead else []
        lines.append(self._departments(self.tr("Lead department"), lead))
        lines.append(self._departments(self.tr("Participating departments"), list(task.participants)))
        self.setHtml("".join(lines))

    def _departments(self, title: str, departments: list[DepartmentRow]) -> str:
        separator = self.tr(", ", "between the departments of a list")
        names = separator.join(html.escape(department_label(d)) for d in departments) or html.escape(self.tr("none"))
        heading = self.tr("%1:", "a heading before what it names").replace("%1", title)
        return f"<p style='margin:2px 0'><b>{html.escape(heading)}</b> {names}</p>"
