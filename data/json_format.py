"""The project's JSON plan format: {"format": "plan-review/plan", "version": 1, "plan": {...}}."""
from __future__ import annotations

import json
from typing import Any

from .model import LEAD, PARTICIPANT, Department, Part, Plan, ReadResult, Section, Task
from .clauses import NameResolver
from .registry import Registry

FORMAT = "plan-review/plan"
VERSION = 1


class ShapeError(ValueError):
    """JSON that parses but is not a plan in this format; the message says where."""


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


def _field(obj: Any, key: str, kinds: tuple[type, ...], where: str, optional: bool = False) -> Any:
    if not isinstance(obj, dict):
        raise ShapeError(f"{where} is not an object")
    if key not in obj:
        if optional:
            return None
        raise ShapeError(f"{where} has no \u201c{key}\u201d")
    value = obj[key]
    if value is None and optional:
        return None
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise ShapeError(f"{where}.{key} has the wrong type")
    return value


def plan_from_json(document: Any, registry: Registry) -> ReadResult:
    """Build a plan from parsed JSON; raise ShapeError naming the first wrong place."""
    if _field(document, "format", (str,), "the file") != FORMAT:
        raise ShapeError(f"the format is not \u201c{FORMAT}\u201d")
    if _field(document, "version", (int,), "the file") != VERSION:
        raise ShapeError(f"format version {document['version']} is not supported (this program reads {VERSION})")
    raw = _field(document, "plan", (dict,), "the file")
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
                        raise ShapeError(f"{dwhere}.role must be \u201c{LEAD if d == 0 else PARTICIPANT}\u201d")
                    department, new = resolver.resolve(spelling)
                    if new:
                        warnings.append(f"task {task.number}: department \u201c{spelling}\u201d is not in the "
                                        "registry; kept as a new, unverified department")
                    departments[department.name] = department
                    task.departments.append(department.name)
                section.tasks.append(task)
            part.sections.append(section)
        plan.parts.append(part)
    if not plan.tasks:
        raise ShapeError("the plan has no tasks")
    return ReadResult(plan, departments, warnings)


