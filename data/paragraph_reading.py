"""Reading a plan by its paragraphs: each department clause closes the text written since the previous
clause or the numbered item it stands in; the numbered items around the clauses are the structure.

Numbered items follow the official hierarchy 一、 > （一） > 1. / 1、 > （1） > ①, with 第一条 at the top.
An item holding clauses is a task (several clauses in its paragraph: several tasks, each the sentences
since the previous clause). An item above the tasks is a part (the top one) or a section (the nearest).
A task item whose own sub-items carry clauses too (a key task "（一）…（X负责）" followed by measures
"1．…（Y负责）") becomes the section of those measures, and its own task stands first in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Clause, NameResolver
from .errors import Problem, unknown_department_warning
from .model import Part, Plan, Section, Task
from .plan_text import Reading, document_title, introduction_left_out, plan_year

_CHINESE_NUMERAL = "一二三四五六七八九十百零〇"
_MARKERS = [  # (style, rank, pattern at a paragraph's start)
    ("article", 0, rf"第(?P<v>[{_CHINESE_NUMERAL}]{{1,5}})条\s*"),
    ("chinese", 0, rf"(?P<v>[{_CHINESE_NUMERAL}]{{1,4}})\s*(?:、|[.．](?!\d)|\s)\s*"),
    ("chinese-paren", 1, rf"[（(]\s*(?P<v>[{_CHINESE_NUMERAL}]{{1,4}})\s*[）)]\s*"),
    ("digits", 2, r"(?P<v>\d{1,3})\s*(?:[.．](?!\d)|、)\s*"),
    ("digits-paren", 3, r"[（(]\s*(?P<v>\d{1,3})\s*[）)]\s*"),
    ("circled", 4, r"(?P<v>[①-⑳])\s*"),
]
_MARKER = re.compile("|".join(f"(?P<{style.replace('-', '_')}>{pattern.replace('?P<v>', '?P<v_' + style.replace('-', '_') + '>')})"
                              for style, _, pattern in _MARKERS))
_RANKS = {style.replace("-", "_"): rank for style, rank, _ in _MARKERS}
# Where a glued text (a whole document on one line) starts a new numbered item.
_GLUED_ITEM = re.compile(rf"(?<=[。；;！!？?）)”」:：])\s*(?=第[{_CHINESE_NUMERAL}]{{1,5}}条|[{_CHINESE_NUMERAL}]{{1,3}}"
                         rf"(?:、|\s)(?=\S)|[（(][{_CHINESE_NUMERAL}]{{1,3}}[）)]|\d{{1,3}}[.．、](?!\d))")
_GLUED_LINE = 400  # characters: a longer line is split before the numbered items glued into it
_HEADING_BREAK = re.compile(r"[。；;！!？?]|(?<=[a-z])\.\s")
_MAX_HEADING = 250


@dataclass
class _Item:
    """A numbered paragraph: its style and value, where its text starts, and what it holds."""

    style: str
    value: int
    start: int
    text_start: int
    heading: str
    parent: _Item | None = None
    tasks: list[Task] = field(default_factory=list)
    holds_tasks_below: bool = False


def read_by_paragraphs(text: str, clauses: list[Clause], resolver: NameResolver) -> Reading:
    return _ParagraphReader(text, clauses, resolver).read()


def split_glued(text: str) -> str:
    """Break very long lines before the numbered items glued into them (a document on one line)."""
    return "\n".join(_GLUED_ITEM.sub("\n", line) if len(line) > _GLUED_LINE else line
                     for line in text.split("\n"))


def _value(style: str, raw: str) -> int:
    if style in ("digits", "digits_paren"):
        return int(raw)
    if style == "circled":
        return ord(raw) - ord("①") + 1
    return _chinese_value(raw)


def _chinese_value(raw: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    total, current = 0, 0
    for char in raw:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + digits[char] if current else digits[char]
    return total + current


def _heading(text: str) -> str:
    """A numbered item's heading: its first sentence, without the closing punctuation."""
    text = text.strip()
    match = _HEADING_BREAK.search(text)
    heading = text[:match.start()] if match else text
    return heading.strip(" ，,：:")[:_MAX_HEADING]


class _ParagraphReader:
    def __init__(self, text: str, clauses: list[Clause], resolver: NameResolver):
        self.clauses = clauses
        self.text = text
        self.resolver = resolver
        self.warnings: list[str] = []
        self.items: list[_Item] = []
        self.loose: list[Task] = []  # tasks before any numbered item
        self.placed = 0
        self.first_task_start: int | None = None
        self.last_clause_end = 0

    def read(self) -> Reading:
        self._walk()
        plan = Plan(title=self._title(), year=None, note=self._note())
        self._build(plan)
        plan.year = plan_year(plan.title, self.text)
        self._number(plan)
        self._resolve(plan)
        return Reading(plan, self.warnings, self.placed)

    # Paragraphs and clauses -----------------------------------------------------------------------
    def _walk(self) -> None:
        clauses = iter(self.clauses)
        clause = next(clauses, None)
        current: _Item | None = None
        text_start = 0
        position = 0
        for line in self.text.split("\n"):
            start, end = position, position + len(line)
            position = end + 1
            marker = _MARKER.match(line)
            if marker and not (clause and clause.start == start):
                current = self._item(marker, start, line, current)
                text_start = start + marker.end()
            elif start > text_start and not self.text[text_start:start].strip(" \n。.；;，,"):
                text_start = start  # nothing pending: a new paragraph starts the next task's text
            while clause and clause.start < end:
                self._close(current, text_start, clause)
                text_start = clause.end
                clause = next(clauses, None)

    def _item(self, marker: re.Match[str], start: int, line: str, before: _Item | None) -> _Item:
        style = next(name for name in _RANKS if marker.group(name))
        value = _value(style, marker.group("v_" + style))
        parent = before
        while parent is not None and _RANKS[parent.style] >= _RANKS[style]:
            parent = parent.parent
        item = _Item(style, value, start, start + marker.end(), _heading(line[marker.end():]), parent)
        self.items.append(item)
        return item

    def _close(self, item: _Item | None, text_start: int, clause: Clause) -> None:
        """The task that a clause closes: the text since `text_start`."""
        text = re.sub(r"\s+", " ", self.text[text_start:clause.start]).strip(" ，,；;")
        if not re.sub(r"[\W_]+", "", text):
            before = re.sub(r"\s+", " ", self.text[max(0, clause.start - 30):clause.start]).strip()
            self.warnings.append(Problem("a department clause follows no task text and was not placed: "
                                         "\u201c\u2026{excerpt}\u201d",
                                         excerpt=before + self.text[clause.start:clause.end][:40]))
            return
        task = Task(0, text, list(clause.names), clause.deadline)
        (item.tasks if item else self.loose).append(task)
        self.placed += 1
        self.last_clause_end = clause.end
        if self.first_task_start is None:
            top = item
            while top is not None and top.parent is not None:
                top = top.parent
            self.first_task_start = top.start if top else text_start
        ancestor = item.parent if item else None
        while ancestor is not None:
            ancestor.holds_tasks_below = True
            ancestor = ancestor.parent

    # Structure ------------------------------------------------------------------------------------
    def _build(self, plan: Plan) -> None:
        parts: dict[int, Part] = {}
        sections: dict[tuple[int, int], Section] = {}
        if self.loose:
            plan.parts.append(Part(None, "", [Section(None, None, self.loose)]))
        for item in self.items:
            if not item.tasks:
                continue
            chain = []
            ancestor = item.parent
            while ancestor is not None:
                chain.insert(0, ancestor)
                ancestor = ancestor.parent
            section_item = item if item.holds_tasks_below else (chain[-1] if len(chain) >= 2 else None)
            part_item = chain[0] if chain and chain[0] is not section_item else None
            part_key = id(part_item)
            if part_key not in parts:
                parts[part_key] = Part(part_item.value if part_item else None,
                                       part_item.heading if part_item else "")
                plan.parts.append(parts[part_key])
            section_key = (part_key, id(section_item))
            if section_key not in sections:
                sections[section_key] = (Section(section_item.value, section_item.heading) if section_item
                                         else Section(None, None))
                parts[part_key].sections.append(sections[section_key])
            sections[section_key].tasks.extend(item.tasks)
        self._check_numbering()

    def _check_numbering(self) -> None:
        """Warn where the numbered items holding tasks skip or repeat numbers (a restart at 1 is a new list)."""
        last: dict[str, _Item] = {}
        for item in self.items:
            if not item.tasks:
                continue
            before = last.get(item.style)
            if before is not None and item.value != 1 and item.value != before.value + 1:
                self.warnings.append(Problem("the numbering jumps from {before} to {after} before \u201c{heading}\u201d",
                                             before=before.value, after=item.value, heading=item.heading[:20]))
            last[item.style] = item

    def _number(self, plan: Plan) -> None:
        """Tasks keep their written numbers when those count one list upwards; else they count 1, 2, 3…"""
        task_items = [item for item in self.items if item.tasks]
        written = [item.value for item in task_items]
        one_list = (not self.loose and all(len(item.tasks) == 1 for item in task_items)
                    and len({item.style for item in task_items}) == 1
                    and all(b > a for a, b in zip(written, written[1:])))
        for ordinal, task in enumerate(plan.tasks, start=1):
            task.number = ordinal
        if one_list:
            for item in task_items:
                item.tasks[0].number = item.value

    def _resolve(self, plan: Plan) -> None:
        """The departments each task names, as registry bodies, groups, local or unknown bodies."""
        for task in plan.tasks:
            names = []
            for spelling in task.departments:
                department, new = self.resolver.resolve(spelling)
                if new:
                    self.warnings.append(unknown_department_warning(task.number, department.name))
                names.append(department.name)
            task.departments = list(dict.fromkeys(names))

    # Title and note -------------------------------------------------------------------------------
    def _title(self) -> str:
        title, introduction = document_title(self.text[:self.first_task_start or 0])
        if introduction:
            self.warnings.append(introduction_left_out(introduction))
        return title

    def _note(self) -> str | None:
        rest = re.sub(r"\s+", " ", self.text[self.last_clause_end:]).strip(" .,;。，；")
        return rest + ("" if rest.endswith((".", "。")) else "。" if _cjk(rest[-1:]) else ".") if rest else None


def _cjk(char: str) -> bool:
    return bool(char) and "\u3000" <= char <= "\u9fff"
