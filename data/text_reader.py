"""Reads a plan written as plain text.

The grammar: a title; parts ("1.", "Second,", "V.", "三、") each with a heading; optional sections
("(1)", "（一）") each with a heading; numbered tasks ("12.", "twenty one.") whose text ends with a
parenthesised department clause naming the lead department first. After the last task comes the
plan's closing note. Text scraped from web pages is often glued together ("policy1.", "in 20201."),
so the reader finds each task by its expected number and its closing department clause, not by lines.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import numbers
from .model import Department, Part, Plan, ReadResult, Section, Task
from .registry import Registry, normalize_name

# Lines a web page adds around the plan: site names, share and download buttons, copyright notices.
_DEBRIS_LINES = [
    re.compile(r"^[\w.-]+\.(?:com|net|org|cn)$", re.I),
    re.compile(r"copyright disputes.*partial summary", re.I),
    re.compile(r"^(?:google\s+)?(?:online\s+preview|download)(?:\s+(?:online\s+preview|download))*$", re.I),
]
_LEADER_DOTS = re.compile(r"[.…·。]{4,}")
_QUESTION_DEBRIS = re.compile(r"\s*\?{2,}\s*")  # "Speed ??up": characters lost in encoding
_STRAY_QUESTION = re.compile(r"(?<=[.。!])\s*\?+(?=\s|$)")

_CLAUSE_LEADS = re.compile(
    r"^(?:responsible\s+(?:for|by)|in\s+charge\s+of|led\s+by|lead\s+department\s*:?)\s+(?P<names>.+)$",
    re.I | re.S)
_CLAUSE_TAILS = re.compile(
    r"^(?P<names>.+?)\s+(?:is|are)\s+(?:(?:respectively|individually|jointly|each)\s+)?"
    r"(?:responsible|in\s+charge)(?:\s+for)?(?:\s+(?:their|its)\s+(?:respective\s+)?duties)?"
    r"(?:\s+(?:respectively|individually))?\s*[.。]?$",
    re.I | re.S)
# Chinese clauses: "（国家知识产权局、教育部负责）", "（X牵头，Y按职责分工负责）", with the lead rule
# sometimes stated inside the first clause ("列第一位者为牵头单位，下同").
_ZH_LEAD_RULE = re.compile(r"[,，;；]?\s*(?:列|排在?|排名)第一位?(?:者|的)?(?:部门|单位)?为牵头(?:部门|单位)[,，]?\s*(?:下同)?[。.]?$")
# One part of a Chinese clause: "X、Y牵头", "Z按职责分工负责", "各市人民政府结合实际落实".
_ZH_PART = re.compile(r"^(?P<names>.+?)(?:按职责分工|按照职责分工|根据职责分工|结合实际)?(?:分别|共同)?"
                      r"(?P<verb>牵头|负责|参与|配合|落实)[。.]?$", re.S)
_ZH_PART_SEPARATORS = re.compile(r"[，,；;]\s*")
_HAS_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_PROVINCIAL = "省"
_NOT_ONE_BODY = ("各", "有关", "全")  # "各有关单位", "各地级以上市人民政府": collectives, not a province's body
_ZH_ETC = re.compile(r"等(?:有关)?(?:部门|单位)?$")
_NAME_SEPARATORS = re.compile(r"\s*[,，、;；]\s*(?:and\s+)?|\s+and\s+", re.I)
_BODY_WORDS = re.compile(
    r"\b(?:ministry|bureau|office|commission|administration|department|court|procuratorate|council|"
    r"academy|association|bank|committee|agency|cent(?:er|re)|authority|federation|league|union|"
    r"institute|corporation|government|units?)\b|[部委局院署办会行府]$", re.I)
_SENTENCE_BREAK = re.compile(r"[.。!?;；]\s")
_MAX_HEADING = 250
MAX_INTRODUCTION_PARTS = 5  # numbered parts without tasks that may stand before the first task
MAX_SKIPPED_NUMBERS = 4  # task numbers missing in a row that the reader reads past (with a warning)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass
class _Group:
    """A top-level parenthesised group: where it starts and ends, and what it names if it is a clause."""

    start: int
    end: int
    departments: list[str] | None


@dataclass
class _Heading:
    kind: str  # "title", "part" or "section"
    number: int | None
    text: str


def clean_text(text: str) -> str:
    """Drop web-page debris and encoding damage; keep line breaks as the only layout."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _QUESTION_DEBRIS.sub(" ", line)
        line = _LEADER_DOTS.sub(" ", line)
        line = _STRAY_QUESTION.sub("", line)
        line = re.sub(r"[ \t\u3000\xa0]+", " ", line).strip()
        if line and not any(p.search(line) for p in _DEBRIS_LINES):
            lines.append(line)
    return "\n".join(lines)


def _with_shared_level(names: list[str]) -> list[str]:
    """"省科技厅、工业和信息化厅": a province's 省 written once holds for every body of the list."""
    if len(names) < 2 or not names[0].startswith(_PROVINCIAL):
        return names
    return [names[0]] + [n if n.startswith((_PROVINCIAL, *_NOT_ONE_BODY)) else _PROVINCIAL + n for n in names[1:]]


class _Reader:
    def __init__(self, text: str, registry: Registry):
        self.text = text
        self.registry = registry
        self.warnings: list[str] = []
        self.unknown: dict[str, Department] = {}
        self.task_markers = numbers.TaskMarkers(text)
        self.groups = self._find_groups()
        self.clause_ends = [g.end for g in self.groups if g.departments is not None]
        self.clauses = [g for g in self.groups if g.departments is not None]

    # Department clauses ---------------------------------------------------------------------------
    def _find_groups(self) -> list[_Group]:
        groups, stack = [], []
        for i, ch in enumerate(self.text):
            if ch in "(（":
                stack.append(i)
            elif ch in ")）" and stack:
                start = stack.pop()
                if not stack:
                    content = self.text[start + 1:i]
                    groups.append(_Group(start, i + 1, self._clause_names(content)))
        return groups

    def _clause_names(self, content: str) -> list[str] | None:
        """The spellings a department clause names, or None when the group is not a clause."""
        content = _ZH_LEAD_RULE.sub("", re.sub(r"\s+", " ", content).strip())
        if _HAS_CHINESE.search(content):
            names = self._chinese_clause_names(content)
            if names:
                return names
        match = _CLAUSE_LEADS.match(content) or _CLAUSE_TAILS.match(content)
        names = self._split_names(match.group("names") if match else content)
        if not names:
            return None
        if not match and not all(self.registry.find(n) or _BODY_WORDS.search(n) for n in names):
            return None
        return names

    def _chinese_clause_names(self, content: str) -> list[str] | None:
        """Names of a clause such as "X牵头，Y按职责分工负责": those who lead first, or None."""
        leading, others, pending = [], [], ""
        for part in _ZH_PART_SEPARATORS.split(content.strip("。. ")):
            match = _ZH_PART.match(pending + part)
            if not match:  # "X、Y，Z负责": a list that goes on after a comma
                pending += part + "、"
                continue
            pending = ""
            names = _with_shared_level(self._split_names(match.group("names")))
            (leading if match.group("verb") == "牵头" else others).extend(names)
        return None if pending else leading + others or None

    def _split_names(self, listing: str) -> list[str]:
        """Split a list of names where names may themselves hold commas and 'and'."""
        pieces = [p for p in _NAME_SEPARATORS.split(listing)]
        seps = [m.group(0) for m in _NAME_SEPARATORS.finditer(listing)]
        names, i = [], 0
        while i < len(pieces):
            for j in range(len(pieces), i, -1):
                candidate = pieces[i] + "".join(seps[k] + pieces[k + 1] for k in range(i, j - 1))
                if j == i + 1 or self.registry.find(candidate):
                    break
            names.append(candidate.strip())
            i = j
        return [_ZH_ETC.sub("", n) for n in names if normalize_name(n)]

    def resolve(self, spelling: str, task_number: int) -> str:
        known = self.registry.find(spelling)
        if known:
            return known.name
        name = re.sub(r"^(?:the)\s+", "", spelling.strip(" .,;"), flags=re.I)
        key = normalize_name(name)
        if key not in self.unknown:
            self.unknown[key] = Department(name=name, verified=False)
            self.warnings.append(
                f"task {task_number}: department \u201c{name}\u201d is not in the registry; "
                "kept as a new, unverified department")
        return self.unknown[key].name

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
                        next_sections: list[int]) -> tuple[_Group, int | None]:
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
        later = [c for c in self.clauses if c.start > start]
        if not later:
            raise LookupError(number)
        return later[-1], None

    def read(self) -> tuple[Plan, list[str]]:
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
            names = [self.resolve(n, number) for n in clause.departments or []]
            unique = list(dict.fromkeys(names))
            if len(unique) < len(names):
                self.warnings.append(f"task {number}: a department is named twice; kept once")
            text = re.sub(r"\s+", " ", self.text[task_start:clause.start]).strip()
            section.tasks.append(Task(number, text, unique))
            if any(task_start <= c.start < clause.start for c in self.clauses):
                self.warnings.append(f"task {number}: its text holds another department clause; "
                                     "check the numbering around it")
            if following is not None and following != number + 1:
                missing = f"{number + 1}" if following == number + 2 else f"{number + 1} to {following - 1}"
                self.warnings.append(f"no task numbered {missing}: the numbering jumps from "
                                     f"{number} to {following}")
            position, number = clause.end, following
        if not plan.tasks:
            raise ValueError("no recognisable tasks")
        self._finish(plan, position, plan.tasks[-1].number)
        return plan, self.warnings

    def _task_start(self, start: int, end: int, number: int, parts: list[int],
                    sections: list[int], first: bool) -> tuple[int | None, list[_Heading]]:
        """Where task `number`'s text starts, and the headings before it."""
        for marker_start, marker_end in reversed(self.task_markers.find(number, start, end)):
            headings = self._parse_heads(self.text[start:marker_start], parts, sections, first)
            if headings is not None and self.text[marker_end:end].strip():
                return marker_end, headings
        return None, []

    def _title(self, text: str) -> str:
        """The first line; an introduction after it belongs to no task and is reported, not kept."""
        title, _, introduction = text.strip().partition("\n")
        if introduction.strip():
            self.warnings.append(f"the introduction before the first part was left out: "
                                 f"\u201c{introduction.strip()[:60]}\u2026\u201d")
        return title.strip()

    @staticmethod
    def _current_part(plan: Plan, part: Part | None) -> Part:
        if part is None:
            part = Part(None, "")
            plan.parts.append(part)
        return part

    def _finish(self, plan: Plan, position: int, last: int) -> None:
        rest = self.text[position:].strip(" \n.,;")
        if any(c.start >= position for c in self.clauses):
            self.warnings.append(f"the text after task {last} still names departments but holds no "
                                 f"task numbered {last + 1}; it was kept as the plan's closing note")
        plan.note = re.sub(r"\s+", " ", rest).strip() or None
        if plan.note and not plan.note.endswith((".", "。")):
            plan.note += "."
        years = _YEAR.findall(plan.title) or _YEAR.findall(self.text)
        plan.year = int(years[0]) if years else None


def read_plan_text(text: str, registry: Registry) -> ReadResult:
    """Read plan text; raise ValueError when it holds no recognisable tasks."""
    reader = _Reader(clean_text(text), registry)
    plan, warnings = reader.read()
    departments = {}
    for task in plan.tasks:
        for name in task.departments:
            departments[name] = registry.departments.get(name) or reader.unknown[normalize_name(name)]
    return ReadResult(plan, departments, warnings)
