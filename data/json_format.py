"""The project's JSON plan format: {"format": "plan-review/plan", "version": 1, "plan": {...}}."""
from __future__ import annotations

import json
from typing import Any

from .errors import Problem, unknown_department_warning
from .model import LEAD, PARTICIPANT, Department, Part, Plan, ReadResult, Section, Task
from .clauses import NameResolver
from .registry import Registry

FORMAT = "plan-review/plan"
VERSION = 1


class ShapeError(ValueError):
    """JSON that parses but is not a plan in this format; its problem says where."""

    def __init__(self, problem: str, **values: object):
        self.problem = Problem(problem, **values)
        super().__init__(str(self.problem))


def plan_to_json(plan: Plan) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "plan": {
            "title": plan.title,
            "year": plan.year,
            "note": plan.note,
            "parts": [{
                "number": part.number,
                "title": part.title,
                "sections": [{
                    "number": section.number,
                    "title": section.title,
                    "tasks": [_task_json(task) for task in section.tasks],
                } for section in part.sections],
            } for part in plan.parts],
        },
    }


def _task_json(task: Task) -> dict[str, Any]:
    """A task; its deadline only when it has one, so a plan without deadlines keeps its fingerprint."""
    found: dict[str, Any] = {
        "number": task.number,
        "text": task.text,
        "departments": [{"name": name, "role": LEAD if i == 0 else PARTICIPANT}
                        for i, name in enumerate(task.departments)],
    }
    if task.deadline is not None:
        found["deadline"] = task.deadline
    return found


def dumps(plan: Plan, corrections: list[dict[str, Any]] | None = None) -> str:
    """The plan as JSON; with the corrections made to it since it was read (task, change, when, by whom),
    beside the plan, when there are any."""
    document = plan_to_json(plan)
    if corrections:
        document["corrections"] = corrections
    return json.dumps(document, ensure_ascii=False, indent=2)


def _field(obj: Any, key: str, kinds: tuple[type, ...], where: str | None, optional: bool = False) -> Any:
    """obj[key] of one of the kinds; `where` names obj ("plan.parts[2]"; None: the file's top level)."""
    if not isinstance(obj, dict):
        raise ShapeError("the file is not a JSON object") if where is None else \
            ShapeError("{where} is not an object", where=where)
    if key not in obj:
        if optional:
            return None
        raise ShapeError("the file has no \u201c{key}\u201d", key=key) if where is None else \
            ShapeError("{where} has no \u201c{key}\u201d", where=where, key=key)
    value = obj[key]
    if value is None and optional:
        return None
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise ShapeError("the file's \u201c{key}\u201d has the wrong type", key=key) if where is None else \
            ShapeError("{where}.{key} has the wrong type", where=where, key=key)
    return value


def plan_from_json(document: Any, registry: Registry) -> ReadResult:
    """Build a plan from parsed JSON; raise ShapeError naming the first wrong place."""
    if _field(document, "format", (str,), None) != FORMAT:
        raise ShapeError("the format is not \u201c{format}\u201d", format=FORMAT)
    if _field(document, "version", (int,), None) != VERSION:
        raise ShapeError("format version {version} is not supported (this program reads {known})",
                         version=document["version"], known=VERSION)
    raw = _field(document, "plan", (dict,), None)
    plan = Plan(
        title=_field(raw, "title", (str,), "plan"),
        year=_field(raw, "year", (int,), "plan", optional=True),
        note=_field(raw, "note", (str,), "plan", optional=True),
    )
    departments: dict[str, Department] = {}
    warnings: list[str] = []
    resolver = NameResolver(registry)
    for p, raw_part in enumerate(_field(raw, "parts", (list,), "plan")):
        where = f"plan.parts[{p}]"
        part = Part(_field(raw_part, "number", (int,), where, optional=True),
                    _field(raw_part, "title", (str,), where))
        for s, raw_section in enumerate(_field(raw_part, "sections", (list,), where)):
            swhere = f"{where}.sections[{s}]"
            section = Section(_field(raw_section, "number", (int,), swhere, optional=True),
                              _field(raw_section, "title", (str,), swhere, optional=True))
            for t, raw_task in enumerate(_field(raw_section, "tasks", (list,), swhere)):
                twhere = f"{swhere}.tasks[{t}]"
                task = Task(_field(raw_task, "number", (int,), twhere), _field(raw_task, "text", (str,), twhere),
                            deadline=_field(raw_task, "deadline", (str,), twhere, optional=True))
                for d, raw_department in enumerate(_field(raw_task, "departments", (list,), twhere)):
                    dwhere = f"{twhere}.departments[{d}]"
                    spelling = _field(raw_department, "name", (str,), dwhere)
                    role = _field(raw_department, "role", (str,), dwhere)
                    if role != (LEAD if d == 0 else PARTICIPANT):
                        raise ShapeError("{where}.role must be \u201c{role}\u201d", where=dwhere,
                                         role=LEAD if d == 0 else PARTICIPANT)
                    department, new = resolver.resolve(spelling)
                    if new:
                        warnings.append(unknown_department_warning(task.number, spelling))
                    departments[department.name] = department
                    task.departments.append(department.name)
                section.tasks.append(task)
            part.sections.append(section)
        plan.parts.append(part)
    if not plan.tasks:
        raise ShapeError("the plan has no tasks")
    return ReadResult(plan, departments, warnings)


