"""The department registry as the user has extended it: the shipped registry, the bodies the user added
(kept as new in an import's preview, or taken from a colleague's file) and the user's own spellings of
any body. Kept in the database; written to and read from a registry file (the shipped registry's format,
holding only the user's entries) so that an office shares one mapping."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from .errors import RegistryFileError
from .files import atomic_target
from .model import Department
from .registry import FORMAT, VERSION, Registry, default_registry, load_registry_json, normalize_name
from .store import PlanStore


def user_registry(store: PlanStore | None) -> Registry:
    """The shipped registry with the user's bodies and spellings from `store` (none without a store)."""
    registry = default_registry()
    if store is None:
        return registry
    bodies, aliases = store.user_bodies(), store.user_aliases()
    if not bodies and not aliases:
        return registry
    extended = {department.name: department for department in [*registry.departments.values(), *bodies]}
    added: dict[str, list[str]] = {}
    finder = Registry(list(extended.values()))
    for spelling, body in aliases.items():
        found = finder.find(body)
        if found is not None:
            added.setdefault(found.name, []).append(spelling)
    departments = [dataclasses.replace(d, aliases=[*d.aliases, *added[d.name]]) if d.name in added else d
                   for d in extended.values()]
    return Registry(departments, {d.name: registry.former(d) for d in registry.departments.values()
                                  if registry.former(d)},
                    {d.name: s.name for d in registry.departments.values() if (s := registry.successor(d))})


def export_registry(store: PlanStore) -> dict[str, Any]:
    """The user's entries as a registry file: each added body with its names and spellings, and each
    shipped body the user spells otherwise, with those spellings."""
    shipped = default_registry()
    spellings: dict[str, list[str]] = {}
    for spelling, body in store.user_aliases().items():
        spellings.setdefault(body, []).append(spelling)
    entries = []
    for body in store.user_bodies():
        entry: dict[str, Any] = {"name": body.name}
        if body.name_zh:
            entry["name_zh"] = body.name_zh
        if body.abbreviation:
            entry["abbreviation"] = body.abbreviation
        entry["aliases"] = spellings.pop(body.name, [])
        entries.append(entry)
    for name, names in spellings.items():
        if shipped.find(name) is not None:
            entries.append({"name": name, "aliases": names})
    return {"format": FORMAT, "version": VERSION, "departments": entries}


def write_registry_file(store: PlanStore, path: Path) -> int:
    """Write the user's entries to `path` (atomically); returns how many entries it holds."""
    document = export_registry(store)
    with atomic_target(path) as temporary:
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return len(document["departments"])


def import_registry_file(store: PlanStore, path: Path) -> tuple[int, int]:
    """Add a colleague's registry file to the user's entries: its new bodies, and its spellings of any
    body. Returns (bodies added, spellings added). A file that is not a registry is refused, unread."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
        read = load_registry_json(text)
    except OSError as error:
        raise RegistryFileError(path, "cannot be read ({reason})", reason=error.strerror or str(error)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:  # JSON, shape or format
        raise RegistryFileError(path, "not a department registry file: {reason}", reason=error) from None
    shipped, known = default_registry(), user_registry(store)
    bodies = spellings = 0
    with store.transaction():
        for entry in document["departments"]:
            department = read.departments[entry["name"]]
            if known.find(department.name) is None:
                store.save_user_body(dataclasses.replace(department, aliases=[], verified=True))
                bodies += 1
            body = (shipped.find(department.name) or department).name
            for spelling in entry.get("aliases", []):
                if normalize_name(spelling) not in {normalize_name(s) for s in known_spellings(known, body)}:
                    store.save_user_alias(spelling, body)
                    spellings += 1
    return bodies, spellings


def known_spellings(registry: Registry, name: str) -> list[str]:
    department = registry.find(name)
    return Registry.spellings(department) if department is not None else []


def new_body(name: str, name_zh: str | None) -> Department:
    """A body the user adds (not in the shipped registry): an official English name (or the Chinese one
    when no English name is given) and its Chinese name."""
    return Department(name=name.strip() or (name_zh or "").strip(), name_zh=(name_zh or "").strip() or None,
                      verified=True)
