"""The program's version and the licences of the components it runs on, read from the installed packages'
metadata (the same in a checkout, an installed wheel and the bundle, which carries their metadata); the
bundle adds Python and the system libraries it carries (resources/licences/, written by build.spec)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from data.language import ENGLISH, word

from .cli_zh import CLI_ZH
from .resources import resource_path

PROGRAM = "plan-review"
QT_PACKAGE = "PySide6-Essentials"  # its version is the Qt version it carries
UNNAMED_LICENCE = "see its licence text"
SHORT_LICENCE = 40  # a License field longer than this is a licence's text, not its name
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$|(^|/)licenses?/", re.IGNORECASE)


@dataclass(frozen=True)
class Component:
    """One installed package the program runs on."""

    name: str
    version: str
    licence: str  # its name; "" when only its licence text says it
    home: str
    licence_file: Path | None = None  # a bundled library's licence; a package's are found in its metadata

    def licence_label(self, language: str) -> str:
        """Its licence's name as a list shows it, in the language: where to read it when it has no name."""
        return self.licence or word(UNNAMED_LICENCE, language, CLI_ZH)

    def licence_text(self) -> str:
        """The licence files the package installed, one after another (empty when it installed none)."""
        if self.licence_file is not None:
            found = [self.licence_file]
        else:
            files = metadata.distribution(self.name).files or []
            found = [file.locate() for file in files if LICENCE_FILE.search(str(file))]
        texts = [f"{path.name}\n\n{path.read_text(encoding='utf-8', errors='replace').strip()}"
                 for path in found if path.is_file()]
        return "\n\n\n".join(texts)


def program_version() -> str:
    return metadata.version(PROGRAM)


def licence_name(meta) -> str:
    """A package's licence as its metadata names it: the SPDX expression, a short License field, the
    classifiers' licence names, in that order."""
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    licence = (meta.get("License") or "").strip()
    if licence and len(licence) <= SHORT_LICENCE and "\n" not in licence:
        return licence
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or licence.split("(")[0].strip()


def _home(meta) -> str:
    urls = [url.split(",", 1)[-1].strip() for url in meta.get_all("Project-URL") or []]
    return meta.get("Home-page") or next(iter(urls), "")


def components() -> list[Component]:
    """The program's run-time dependencies and theirs that are present (the bundle carries the metadata of
    the packages it holds, not of those only their command-line tools need), each once, sorted by name,
    the program itself first."""
    from packaging.requirements import Requirement

    found: dict[str, Component] = {}
    waiting = [PROGRAM]
    while waiting:
        name = waiting.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = distribution.metadata
        found[key] = Component(meta["Name"], distribution.version, licence_name(meta), _home(meta))
        for requirement in map(Requirement, distribution.requires or []):
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    program = found.pop(PROGRAM)
    return [program, *sorted([*found.values(), *bundled_libraries()], key=lambda c: c.name.lower())]


def bundled_libraries() -> list[Component]:
    """Python and the system libraries the bundle carries (none in a checkout or an installed wheel, which
    use the system's own)."""
    index = resource_path("licences/system-libraries.json")
    if not index.is_file():
        return []
    return [Component(entry["name"], entry["version"], entry["licence"], entry["home"],
                      index.parent / entry.get("file", ""))
            for entry in json.loads(index.read_text("utf-8"))]


def qt_notice(language: str = ENGLISH) -> str:
    """Qt's LGPL notice: what is used under it, where its source is, and that the user may replace it."""
    return word("This program uses Qt {version} and Qt for Python (PySide6 {version}) under the GNU Lesser General "
                "Public License version 3 (LGPL-3.0). Their source code is available from "
                "https://download.qt.io/official_releases/ and https://code.qt.io/. They are kept as separate "
                "libraries, which you may replace with your own builds of the same version.", language, CLI_ZH,
                version=metadata.version(QT_PACKAGE))
