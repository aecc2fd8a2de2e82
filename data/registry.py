"""The department registry: one entry per real body, found by any of its spellings."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from .model import Department

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The form names are compared in: case, quotes, spacing and a leading 'the' do not count."""
    name = name.translate(_QUOTES).strip().strip(".,;:").strip()
    name = re.sub(r"\s+", " ", name).lower()
    return re.sub(r"^the ", "", name)


class Registry:
    """Departments by official name, with lookup by name, alias or abbreviation."""

    def __init__(self, departments: list[Department]):
        self.departments = {d.name: d for d in departments}
        self._by_spelling: dict[str, Department] = {}
        for department in departments:
            for spelling in self.spellings(department):
                self._by_spelling.setdefault(normalize_name(spelling), department)

    @staticmethod
    def spellings(department: Department) -> list[str]:
        names = [department.name, *department.aliases]
        names += [n for n in (department.name_zh, department.abbreviation) if n]
        return names

    def find(self, spelling: str) -> Department | None:
        return self._by_spelling.get(normalize_name(spelling))

    def canonical(self, spelling: str) -> str:
        """The official name of a known body, else the spelling in comparable form."""
        known = self.find(spelling)
        return known.name if known else normalize_name(spelling)

    def suggestions(self, spelling: str, limit: int = 3) -> list[str]:
        """Official names closest to a spelling the registry does not know."""
        import difflib

        wanted = normalize_name(spelling)
        close = difflib.get_close_matches(wanted, self._by_spelling, n=limit * 3, cutoff=0.5)
        names = list(dict.fromkeys(self._by_spelling[c].name for c in close))
        if not names:
            names = [d.name for d in self.departments.values() if wanted in normalize_name(d.name)]
        return names[:limit]


def load_registry_json(text: str) -> Registry:
    document = json.loads(text)
    return Registry([
        Department(
            name=entry["name"],
            name_zh=entry.get("name_zh"),
            abbreviation=entry.get("abbreviation"),
            aliases=list(entry.get("aliases", [])),
        )
        for entry in document["departments"]
    ])


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry shipped with the program (data/departments.json)."""
    from importlib import resources  # not loaded by a start that reads no plan

    return load_registry_json(resources.files("data").joinpath("departments.json").read_text("utf-8"))
