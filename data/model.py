"""The plan as plain data: what readers produce and the store keeps."""
from __future__ import annotations

from dataclasses import dataclass, field

LEAD = "lead"
PARTICIPANT = "participant"


@dataclass
class Department:
    """One real body: official English name, Chinese name, abbreviation and other spellings."""

    name: str
    name_zh: str | None = None
    abbreviation: str | None = None
    aliases: list[str] = field(default_factory=list)
    verified: bool = True
    kind: str = "body"  # "body" (one real body), "group" ("各地区": a collective), "local" ("省科技厅")


@dataclass
class Task:
    number: int
    text: str
    departments: list[str] = field(default_factory=list)  # official names; the first leads
    deadline: str | None = None  # as the clause gives it: "2020年10月底前完成", "年内持续推进"

    @property
    def lead(self) -> str | None:
        return self.departments[0] if self.departments else None

    @property
    def participants(self) -> list[str]:
        return self.departments[1:]


@dataclass
class Section:
    number: int | None  # None: the tasks a part holds directly, outside any numbered section
    title: str | None
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Part:
    number: int
    title: str
    sections: list[Section] = field(default_factory=list)

    @property
    def tasks(self) -> list[Task]:
        return [task for section in self.sections for task in section.tasks]


@dataclass
class Plan:
    title: str
    year: int | None
    note: str | None
    parts: list[Part] = field(default_factory=list)

    @property
    def tasks(self) -> list[Task]:
        return [task for part in self.parts for task in part.tasks]

    def counts(self) -> dict[str, int]:
        """Parts, numbered sections, tasks and distinct departments."""
        tasks = self.tasks
        return {
            "parts": len(self.parts),
            "sections": sum(1 for p in self.parts for s in p.sections if s.number is not None),
            "tasks": len(tasks),
            "departments": len({name for t in tasks for name in t.departments}),
        }


@dataclass
class ReadResult:
    """A plan as read from a file, the departments it names, and what the reader had to guess."""

    plan: Plan
    departments: dict[str, Department]  # official name -> department, for every name the plan uses
    warnings: list[str] = field(default_factory=list)
    clauses: int = 0  # department clauses the reader found in the text (each should close one task)
    unplaced: int = 0  # of those, clauses that close no task of their own: the text was read only in part
