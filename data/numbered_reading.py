"""Reading a plan by its numbers: task N is found by its number and the clause that closes it.

Text scraped from web pages is often glued together ("policy1.", "in 20201."), so this reading finds
each task by its expected number and its closing department clause, not by lines: a title; parts ("1.",
"Second,", "V.", "三、") each with a heading; optional sections ("(1)", "（一）") each with a heading;
numbered tasks ("12.", "twenty one."). After the last task comes the plan's closing note.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import numbers
from .clauses import Clause, NameResolver
from .errors import Problem, task_warning, unknown_department_warning
from .model import Part, Plan, Section, Task
from .plan_text import Reading, document_title, introduction_left_out, plan_year

_SENTENCE_BREAK = re.compile(r"[.。!?;；]\s")
_MAX_HEADING = 250
MAX_INTRODUCTION_PARTS = 5  # numbered parts without tasks that may stand before the first task
MAX_SKIPPED_NUMBERS = 4  # task numbers missing in a row that the reader reads past (with a warning)


@dataclass
class _Heading:
    kind: str  # "title", "part" or "section"
    number: int | None
    text: str


def read_by_numbers(text: str, clauses: list[Clause], resolver: NameResolver) -> Reading | None:
    """The plan as its numbering reads it, or None when no task number leads to a clause."""
    reading = _NumberedReader(text, clauses, resolver).read()
    return reading if reading.plan.tasks else None


class _NumberedReader:
    def __init__(self, text: str, clauses: list[Clause], resolver: NameResolver):
        self.text = text
        self.resolver = resolver
        self.warnings: list[str] = []
        self.task_markers = numbers.TaskMarkers(text)
        self.clauses = clauses
        self.clause_starts = [c.start for c in clauses]
        self.clause_ends = [c.end for c in clauses]
        self.placed = 0

    def resolve(self, spelling: str, task_number: int) -> str:
        department, new = self.resolver.resolve(spelling)
        if new:
            self.warnings.append(unknown_department_warning(task_number, department.name))
        return department.name

    # Headings -------------------------------------------------------------------------------------
    @staticmethod
    def _heading_text(text: str) -> str | None:
        """A part or section heading, capitalised; None for text too long or too sentence-like to be one."""
        text = text.strip(" \n,.;:-")
        if not text or len(text) > _MAX_HEADING or _SENTENCE_BREAK.search(text):
            return None
        return text[0].upper() + text[1:]

    def _parse_heads(self, head: str, parts: list[int], sections: list[int],
                     first: bool) -> list[_Heading] | None:
        """Read the headings before a task: [title] [part + heading] [section + heading], or None."""
        tries = [(part, 1) for part in parts] + [(None, section) for section in sections]
        for part, section in tries:
            found = self._try_heads(head, part, section, first)
            if found is not None:
                return found
        return None

    def _try_heads(self, head: str, part: int | None, section: int, first: bool) -> list[_Heading] | None:
        """Read `head` as [title] [part `part` + heading] [section `section` + heading], or None."""
        headings: list[_Heading] = []
        rest = head
        if part is not None:
            match = self._find_marker(numbers.part_marker(part), rest, anywhere=first)
            if not match:
                return None
            if first:
                headings.append(_Heading("title", None, rest[:match.start()]))
            rest = rest[match.end():]
        elif first:
            match = self._find_marker(numbers.section_marker(section), rest, anywhere=True)
            headings.append(_Heading("title", None, rest[:match.start()] if match else rest))
            rest = rest[match.start():] if match else ""
        section_match = numbers.section_marker(section).search(rest)
        if part is not None:
            part_text = self._heading_text(rest[:section_match.start()] if section_match else rest)
            if part_text is None:
                return None
            headings.append(_Heading("part", part, part_text))
            rest = rest[section_match.start():] if section_match else ""
        if rest.strip():
            match = numbers.section_marker(section).match(rest.lstrip())
            section_text = self._heading_text(rest.lstrip()[match.end():]) if match else None
            if section_text is None:
                return None
            headings.append(_Heading("section", section, section_text))
        return headings

    @staticmethod
    def _find_marker(pattern: re.Pattern[str], text: str, anywhere: bool) -> re.Match[str] | None:
        """The marker anywhere in `text` (after a title), or at its start (after punctuation)."""
        if anywhere:
            return pattern.search(text)
        stripped = len(text) - len(text.lstrip(" \n,.;"))
        return pattern.match(text, stripped)

    # Tasks ----------------------------------------------------------------------------------------
    def _closing_clause(self, start: int, number: int, next_parts: list[int],
                        next_sections: list[int]) -> tuple[Clause, int | None]:
        """The department clause that ends task `number`, and the number of the task after it.

        The next task is normally number + 1; a plan that skips a few numbers is read on, with a warning.
        """
        for following in range(number + 1, number + 2 + MAX_SKIPPED_NUMBERS):
            for candidate_start, _ in self.task_markers.find(following, start):
                index = bisect.bisect_right(self.clause_ends, candidate_start) - 1
                if index < 0 or self.clauses[index].start <= start:
                    continue
                clause = self.clauses[index]
                between = self.text[clause.end:candidate_start]
                if self._parse_heads(between, next_parts, next_sections, False) is not None:
                    return clause, following
        if self.clause_starts[-1] <= start:
            raise LookupError(number)
        return self.clauses[-1], None

    def read(self) -> Reading:
        plan = Plan(title="", year=None, note=None)
        part: Part | None = None
        section: Section | None = None
        position, number = 0, 1
        while number is not None:
            next_parts = [len(plan.parts) + 1, len(plan.parts) + 2]
            next_section = (section.number or 0) + 1 if section else 1
            try:
                clause, following = self._closing_clause(position, number, next_parts,
                                                    [next_section, next_section + 1, 1, 2])
            except LookupError:
                break
            # Parts before the first task (guiding ideas, principles, goals) are the plan's introduction.
            parts = list(range(1, MAX_INTRODUCTION_PARTS + 2)) if number == 1 else next_parts[:1]
            task_start, headings = self._task_start(position, clause.start, number, parts,
                                                    [next_section], first=number == 1)
            if task_start is None:
                break
            for heading in headings:
                if heading.kind == "title":
                    plan.title = self._title(heading.text)
                elif heading.kind == "part":
                    part = Part(heading.number, heading.text)
                    plan.parts.append(part)
                    section = None
                else:
                    section = Section(heading.number, heading.text)
                    self._current_part(plan, part).sections.append(section)
            if section is None:
                section = Section(None, None)
                self._current_part(plan, part).sections.append(section)
            part = plan.parts[-1]
            names = [self.resolve(n, number) for n in clause.names]
            unique = list(dict.fromkeys(names))
            if len(unique) < len(names):
                self.warnings.append(task_warning(number, "a department is named twice; kept once"))
            text = re.sub(r"\s+", " ", self.text[task_start:clause.start]).strip()
            section.tasks.append(Task(number, text, unique, clause.deadline))
            if self._clause_between(task_start, clause.start):
                self.warnings.append(task_warning(number, "its text holds another department clause; check the "
                                                          "numbering around it"))
            else:
                self.placed += 1
            if following is not None and following != number + 1:
                missing = f"{number + 1}" if following == number + 2 else f"{number + 1} to {following - 1}"
                self.warnings.append(Problem("no task numbered {missing}: the numbering jumps from {number} to "
                                             "{following}", missing=missing, number=number, following=following))
            position, number = clause.end, following
        if plan.tasks:
            self._finish(plan, position, plan.tasks[-1].number)
        return Reading(plan, self.warnings, self.placed)

    def _task_start(self, start: int, end: int, number: int, parts: list[int],
                    sections: list[int], first: bool) -> tuple[int | None, list[_Heading]]:
        """Where task `number`'s text starts, and the headings before it."""
        for marker_start, marker_end in reversed(self.task_markers.find(number, start, end)):
            headings = self._parse_heads(self.text[start:marker_start], parts, sections, first)
            if headings is not None and self.text[marker_end:end].strip():
                return marker_end, headings
        return None, []

    def _title(self, text: str) -> str:
        """The title; an introduction after it belongs to no task and is reported, not kept."""
        title, introduction = document_title(text)
        if introduction:
            self.warnings.append(introduction_left_out(introduction))
        return title

    @staticmethod
    def _current_part(plan: Plan, part: Part | None) -> Part:
        if part is None:
            part = Part(None, "")
            plan.parts.append(part)
        return part

    def _clause_between(self, start: int, end: int) -> bool:
        """Whether a clause begins at or after `start` and before `end`."""
        index = bisect.bisect_left(self.clause_starts, start)
        return index < len(self.clause_starts) and self.clause_starts[index] < end

    def _finish(self, plan: Plan, position: int, last: int) -> None:
        rest = self.text[position:].strip(" \n.,;")
        if self._clause_between(position, len(self.text)):
            self.warnings.append(Problem("the text after task {last} still names departments but holds no task "
                                         "numbered {next}; it was kept as the plan's closing note", last=last,
                                         next=last + 1))
        plan.note = re.sub(r"\s+", " ", rest).strip() or None
        if plan.note and not plan.note.endswith((".", "。")):
            plan.note += "."
        plan.year = plan_year(plan.title, self.text)


