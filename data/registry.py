"""The department registry: one entry per real body, found by any of its spellings."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Department

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """The form names are compared in: case, quotes, spacing and a leading 'the' do not count."""
    name = name.translate(_QUOTES).strip().strip(".,;:").strip()
    name = re.sub(r"\s+", " ", name).lower()
    return re.sub(r"^the ", "", name)


@dataclass(frozen=True)
class FormerName:
    """A name a body was known by before a reorganisation ("银保监会" before 2023), and what became of it."""

    name_zh: str
    name: str | None = None  # the former official English name, where one was in use
    aliases: tuple[str, ...] = ()
    reform: str = ""  # "2018: merged into 自然资源部"


class Registry:
    """Departments by official name, with lookup by name, alias, abbreviation or former name.

    A department's former names are among its aliases (so `find` and the store know them); `former` tells
    them apart with the reform that renamed or merged the body. A body that no longer exists but keeps an
    entry (its name is in stored databases and older plans) names its `successor`.
    """

    def __init__(self, departments: list[Department], former: dict[str, list[FormerName]] | None = None,
                 successors: dict[str, str] | None = None, short_zh: dict[str, str] | None = None):
        self.departments = {d.name: d for d in departments}
        self._former = former or {}
        self._successors = successors or {}
        self._short_zh = short_zh or {}
        self._by_spelling: dict[str, Department] = {}
        for department in departments:
            for spelling in self.spellings(department):
                self._by_spelling.setdefault(normalize_name(spelling), department)

    def former(self, department: Department | str) -> list[FormerName]:
        """The names a body had before its reorganisations, in the order the file lists them."""
        return self._former.get(department if isinstance(department, str) else department.name, [])

    def short_zh(self, name: str) -> str | None:
        """The Chinese short form (规范简称) State Council documents write for a body, where it has one
        shorter than its full name (国家发展改革委 for 国家发展和改革委员会); by official English name."""
        return self._short_zh.get(name)

    def successor(self, department: Department | str) -> Department | None:
        """The body that took over a body which no longer exists (CBIRC: the NFRA), else None."""
        name = self._successors.get(department if isinstance(department, str) else department.name)
        return self.departments.get(name) if name else None

    def current(self, spelling: str) -> Department | None:
        """The body a spelling names as it is today: `find`, then its successors followed to the end."""
        found = self.find(spelling)
        seen = set()
        while found is not None and found.name not in seen:
            seen.add(found.name)
            following = self.successor(found)
            if following is None:
                break
            found = following
        return found

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


FORMAT = "plan-review/departments"
VERSION = 2  # 2: "kind", "former" (folded into the aliases), "successor", "category" (not loaded)
KINDS = ("body", "group")
_FULL_WIDTH = str.maketrans("（）", "()")
_HALF_WIDTH = str.maketrans("()", "（）")


def _with_both_brackets(spellings: list[str]) -> list[str]:
    """Chinese spellings with brackets in both widths: "各县（市、区）人民政府" and "各县(市、区)人民政府"."""
    more = []
    for spelling in spellings:
        if "（" in spelling or "）" in spelling:
            more.append(spelling.translate(_FULL_WIDTH))
        elif ("(" in spelling or ")" in spelling) and re.search("[\u4e00-\u9fff]", spelling):
            more.append(spelling.translate(_HALF_WIDTH))
    return list(dict.fromkeys([*spellings, *more]))


def load_registry_json(text: str) -> Registry:
    document = json.loads(text)
    if document.get("format", FORMAT) != FORMAT or document.get("version", 1) > VERSION:
        raise ValueError(f"not a department registry this program reads: format {document.get('format')!r}, "
                         f"version {document.get('version')!r}")
    departments, former, successors, short_zh = [], {}, {}, {}
    for entry in document["departments"]:
        aliases = list(entry.get("aliases", []))
        names = []
        for item in entry.get("former", []):
            names.append(FormerName(item["name_zh"], item.get("name"), tuple(item.get("aliases", ())),
                                    item.get("reform", "")))
            aliases += [n for n in (item["name_zh"], item.get("name"), *item.get("aliases", ())) if n]
        name_zh = entry.get("name_zh")
        aliases = _with_both_brackets([name_zh] + aliases if name_zh else aliases)[1 if name_zh else 0:]
        department = Department(name=entry["name"], name_zh=name_zh, abbreviation=entry.get("abbreviation"),
                                aliases=aliases, kind=entry.get("kind", "body"))
        departments.append(department)
        if names:
            former[department.name] = names
        if entry.get("successor"):
            successors[department.name] = entry["successor"]
        if entry.get("short_zh"):
            short_zh[department.name] = entry["short_zh"]
    return Registry(departments, former, successors, short_zh)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry shipped with the program (data/departments.json)."""
    from importlib import resources  # not loaded by a start that reads no plan

    return load_registry_json(resources.files("data").joinpath("departments.json").read_text("utf-8"))
