"""Corrections to a plan: before it is stored, as the import preview and `import --map` make them (an
unknown name mapped to a known body, a task's departments set again), and the departments a user types
for a stored task (Plan ▸ Edit Task…)."""
from __future__ import annotations

import re
from collections.abc import Callable

from .errors import PlanFileError
from .model import Department, ReadResult, Task
from .registry import Registry, normalize_name

DEPARTMENT_SEPARATORS = re.compile(r"\s*[;；、\n]\s*")  # between typed names (a comma may be inside one)
_UNKNOWN_WARNING = re.compile(r"department \u201c(?P<name>.+?)\u201d is not in the registry")


def unknown_departments(result: ReadResult) -> list[Department]:
    """The departments the reader did not find in the registry and kept as new, unverified ones (a local
    body such as 省科技厅 is not among them: it is known by its shape)."""
    return [department for department in result.departments.values()
            if not department.verified and department.kind != "local"]


def parse_mapping(text: str, registry: Registry, path: str) -> tuple[str, Department]:
    """"NAME=BODY" as the command line takes it: the name, and the registry body BODY names (by its
    official name or any spelling); a PlanFileError naming `path` when BODY is unknown."""
    name, equals, body = text.partition("=")
    if not equals or not name.strip() or not body.strip():
        raise PlanFileError(path, f"--map {text!r}: write NAME=BODY (BODY: a department the registry knows)")
    department = registry.find(body.strip())
    if department is None:
        close = registry.suggestions(body.strip())
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise PlanFileError(path, f"--map {text!r}: the registry knows no department {body.strip()!r}{hint}")
    return name.strip(), department


def map_department(result: ReadResult, name: str, body: Department) -> int:
    """Every task naming the unknown department `name` names `body` instead (once, where `name` stood);
    its not-in-the-registry warnings go. Returns the number of tasks changed."""
    changed = 0
    for task in result.plan.tasks:
        if name in task.departments:
            task.departments = list(dict.fromkeys(body.name if d == name else d for d in task.departments))
            changed += 1
    result.departments.pop(name, None)
    if changed:
        result.departments.setdefault(body.name, body)
    result.warnings = [w for w in result.warnings
                       if not ((match := _UNKNOWN_WARNING.search(w)) and match.group("name") == name)]
    return changed


def apply_aliases(result: ReadResult, aliases: dict[str, str], registry: Registry) -> list[str]:
    """Read each unknown department the user has named before (spelling: the body's official name, as
    saved by the preview or --map) as that body, and a name `registry` knows (a body the user added) as
    the body it names; returns the names mapped."""
    by_spelling = {normalize_name(spelling): body for spelling, body in aliases.items()}
    mapped = []
    for department in unknown_departments(result):
        body = registry.find(by_spelling.get(normalize_name(department.name)) or department.name)
        if body is not None:
            map_department(result, department.name, body)
            mapped.append(department.name)
    return mapped


def set_task_departments(result: ReadResult, task: Task, departments: list[Department]) -> None:
    """The task's departments set again, the first leading; departments no task names any more go."""
    task.departments = list(dict.fromkeys(department.name for department in departments))
    for department in departments:
        result.departments.setdefault(department.name, department)
    named = {name for each in result.plan.tasks for name in each.departments}
    for name in [name for name in result.departments if name not in named]:
        del result.departments[name]


def departments_named(listing: str, registry: Registry, stored: Callable[[str], str | None]) -> list[Department]:
    """The departments a typed list names ("A; B、C", the first leads): a stored department by any of its
    spellings (`stored` gives its official name), else a registry body, else a new, unverified one."""
    departments = []
    for spelling in filter(None, (piece.strip() for piece in DEPARTMENT_SEPARATORS.split(listing))):
        name = stored(spelling)
        known = registry.find(name or spelling)
        departments.append(known or Department(name=name or spelling, verified=False))
    return list({department.name: department for department in departments}.values())
