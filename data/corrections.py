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
        raise PlanFileError(path, "--map '{text}': write NAME=BODY (BODY: a department the registry knows)", text=text)
    department = registry.find(body.strip())
    if department is None:
        close = registry.suggestions(body.strip())
        if close:
            raise PlanFileError(path, "--map '{text}': the registry knows no department '{body}'; did you mean "
                                      "{suggestions}?", text=text, body=body.strip(), suggestions=" / ".join(close))
        raise PlanFileError(path, "--map '{text}': the registry knows no department '{body}'", text=text,
                            body=body.strip())
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


_LEADING_NUMBER = re.compile(r"^\s*(?:[（(]\s*)?(\d{1,4})\s*[.、．）)]\s*")


def split_task(result: ReadResult, task: Task, at: int) -> Task:
    """Split a task whose text holds two (the reader took them for one) at a character position: the
    first part keeps the task's number; the second, placed after it in the same section, takes the number
    it starts with ("2." / "（2）") or the next one, and the same departments and deadline to be corrected.
    Returns the new task."""
    first, second = task.text[:at].strip(), task.text[at:].strip()
    if not first or not second:
        raise ValueError("a task is split inside its text")
    number = _LEADING_NUMBER.match(second)
    following = Task(int(number.group(1)) if number else task.number + 1,
                     second[number.end():] if number else second, list(task.departments), task.deadline)
    task.text = first
    section = _section_of(result, task)
    section.tasks.insert(next(i for i, t in enumerate(section.tasks) if t is task) + 1, following)
    return following


def merge_with_next(result: ReadResult, task: Task) -> Task:
    """Join the task that follows (in its section) to this one: texts one after the other, the departments
    of both (this one's lead first), the first deadline given. Returns the task removed."""
    section = _section_of(result, task)
    position = next(i for i, t in enumerate(section.tasks) if t is task)
    if position + 1 >= len(section.tasks):
        raise ValueError("the last task of its section has no next task to merge")
    following = section.tasks.pop(position + 1)
    joint = "" if re.search(r"[\u3000-\u9fff\uff00-\uffef]$", task.text) else " "
    task.text = task.text + joint + following.text
    task.departments = list(dict.fromkeys(task.departments + following.departments))
    task.deadline = task.deadline or following.deadline
    return following


def has_next(result: ReadResult, task: Task) -> bool:
    section = _section_of(result, task)
    return section.tasks[-1] is not task


def _section_of(result: ReadResult, task: Task):
    return next(section for part in result.plan.parts for section in part.sections
                if any(t is task for t in section.tasks))
