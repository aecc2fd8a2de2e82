"""The licences of what the bundle takes from outside Python's packages: Python itself and, on Debian and
Ubuntu, the system libraries PyInstaller collects (GLib, SQLite, XCB…), read from their packages'
metadata (dpkg and each package's copyright file). build.spec writes them under resources/licences/, where
Help ▸ About and `plan-review licences` list them beside the Python packages.

    python release/system_licences.py FOLDER LIBRARY...   (writes FOLDER/system-libraries.json and texts)
"""
from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

INDEX = "system-libraries.json"  # desktop/licences.py reads it from resources/licences/


def _owners(libraries: list[str]) -> dict[str, set[str]]:
    """Debian package -> the file names of the given libraries it installed (libraries no package owns,
    such as those of a Python package or of Python itself, are left out)."""
    if not shutil.which("dpkg-query"):
        return {}
    names = {}
    for library in libraries:
        real = os.path.realpath(library)
        for candidate in {library, real, *(("/usr" + path) for path in (library, real) if path.startswith("/lib"))}:
            names[candidate] = os.path.basename(library)
    done = subprocess.run(["dpkg-query", "--search", *names], capture_output=True, text=True)
    owners: dict[str, set[str]] = {}
    for line in done.stdout.splitlines():
        packages, _, path = line.partition(": ")
        for package in packages.split(", "):
            owners.setdefault(package.split(":")[0], set()).add(names[path])
    return owners


def licence_name(copyright_text: str) -> str:
    """The licence a Debian copyright file names for the package's files as a whole: in the machine-readable
    format, the License field of its "Files: *" paragraph, else its first License field ("" when it names
    none: the file's text says it)."""
    if not copyright_text.startswith("Format:"):
        return ""
    paragraphs = re.split(r"\n\s*\n", copyright_text)
    whole = [p for p in paragraphs if re.match(r"Files:\s*\*\s*(\n|$)", p)]
    for paragraph in whole + paragraphs:
        found = re.search(r"^License:[ \t]*(\S[^\n]*)", paragraph, re.MULTILINE)
        if found:
            return found.group(1).strip()
    return ""


def _package_fields(package: str) -> tuple[str, str]:
    done = subprocess.run(["dpkg-query", "--show", "--showformat", "${Version}\t${Homepage}", package],
                          capture_output=True, text=True, check=True)
    version, _, home = done.stdout.partition("\t")
    return version, home


def write_notices(libraries: list[str], folder: Path) -> list[Path]:
    """Write folder/system-libraries.json (name, version, licence, home, file, libraries) and each
    component's licence text beside it; the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    python_licence = next((path for path in (Path(sysconfig.get_path("stdlib")) / "LICENSE.txt",
                                             Path(sys.base_prefix) / "LICENSE.txt") if path.is_file()), Path())
    entries = [{"name": "Python", "version": platform.python_version(), "licence": "PSF-2.0",
                "home": "https://www.python.org/", "source": python_licence, "libraries": []}]
    for package, owned in sorted(_owners(libraries).items()):
        source = Path("/usr/share/doc") / package / "copyright"
        version, home = _package_fields(package)
        entries.append({"name": package, "version": version, "home": home, "source": source,
                        "licence": licence_name(source.read_text(encoding="utf-8", errors="replace")),
                        "libraries": sorted(owned)})
    written = []
    for entry in entries:
        source = entry.pop("source")
        if source.is_file():
            entry["file"] = f"{entry['name']}.txt"
            (folder / entry["file"]).write_text(source.read_text(encoding="utf-8", errors="replace"), "utf-8")
            written.append(folder / entry["file"])
    (folder / INDEX).write_text(json.dumps(entries, ensure_ascii=False, indent=1), "utf-8")
    return [folder / INDEX, *written]


if __name__ == "__main__":
    for path in write_notices(sys.argv[2:], Path(sys.argv[1])):
        print(path)
