"""A smaller ICU data library for the Linux bundle: what Qt asks ICU for, in English and Chinese.

    python release/slim_icu_data.py LIBICUDATA OUTPUT_FOLDER

PySide6's Qt on Linux links ICU, whose data library (libicudata.so.73, 31 MB) holds every locale's
names of languages, regions, currencies and units, and dictionaries for line breaking. Qt calls ICU for
only four things (`nm -D --undefined-only libQt6Core.so.6`): collation (ucol_*), time-zone names (ucal_*),
case mapping (u_strTo*) and legacy text encodings (ucnv_*), the last only for a QStringDecoder asked for an
encoding Qt does not know itself (it decodes UTF-8, UTF-16, UTF-32 and Latin-1 on its own; the program
reads GB18030 and Big5 files with Python's codecs). This keeps the items those need (the Chinese encoding
tables, the collation and time-zone data of the root, English and Chinese locales, and the supplemental
data every locale shares) and writes them back as a library of the same name and symbol, with
ICU's own tools: icupkg removes items, genccode turns the package into an object file, ld links it.
(Debian: `apt-get install icu-devtools binutils`.)
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

LANGUAGES = ("root", "en", "zh")
# folders of locale data Qt never asks ICU for (it has its own CLDR tables for these)
UNUSED_FOLDERS = ("curr", "lang", "region", "unit", "rbnf", "translit", "brkitr")
# collation and time-zone names: kept for the program's languages
BY_LANGUAGE_FOLDERS = ("coll", "zone")
LOCALE_ITEM = re.compile(r"^(?P<language>[a-z]{2,3}|root)(_[A-Za-z0-9]*)*\.res$")
SHARED_ITEMS = ("res_index.res", "pool.res", "ucadata.icu", "tzdbNames.res")
# encoding tables kept: GB18030, GBK, GB2312 (EUC-CN) and Big5, with the tables GBK's and Big5's are built on;
# the other 184 (IBM and EBCDIC code pages, Japanese, Korean, ISO-2022's) are 4.3 MB
KEPT_ENCODING_TABLES = ("gb18030.cnv", "windows-936-2000.cnv", "ibm-1386_P100-2001.cnv", "ibm-1383_P110-1999.cnv",
                        "windows-950-2000.cnv", "ibm-1373_P100-2002.cnv")


def entry_point(library: Path) -> str:
    """The symbol the data is exported under (icudt73_dat for libicudata.so.73)."""
    symbols = subprocess.run(["nm", "-D", "--defined-only", str(library)], capture_output=True, text=True,
                             check=True).stdout
    return next(line.split()[-1] for line in symbols.splitlines() if line.endswith("_dat"))


def unused(item: str) -> bool:
    """Whether the package item (e.g. "curr/de.res", "coll/zh.res", "fr_CA.res") is left out."""
    folder, _, name = item.rpartition("/")
    if folder in UNUSED_FOLDERS:
        return True
    if name.endswith(".cnv"):
        return name not in KEPT_ENCODING_TABLES
    locale = LOCALE_ITEM.match(name)
    if name in SHARED_ITEMS or not locale:
        return False
    return locale["language"] not in LANGUAGES


def slim(library: Path, output: Path) -> Path:
    """Write output/<library's name>: the same library holding only the items Qt uses."""
    symbol = entry_point(library)  # icudt73_dat
    package_name = symbol.removesuffix("_dat") + "l"  # the package's items are named icudt73l/...
    with tempfile.TemporaryDirectory(prefix="plan-review-icu-") as work_name:
        work = Path(work_name)
        (work / "full").mkdir()
        package, slimmed = work / "full" / f"{package_name}.dat", work / f"{package_name}.dat"  # the name is the items' prefix
        subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(package)], check=True)
        items = subprocess.run(["icupkg", "-l", str(package)], capture_output=True, text=True,
                               check=True).stdout.split()
        (work / "unused.txt").write_text("\n".join(item for item in items if unused(item)) + "\n")
        subprocess.run(["icupkg", "-r", str(work / "unused.txt"), str(package), str(slimmed)],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["genccode", "-q", "-o", "-m", str(library), "-e", symbol.removesuffix("_dat"),
                        "-d", str(work), "-f", "slim", str(slimmed)], check=True)
        output.mkdir(parents=True, exist_ok=True)
        target = output / library.name
        subprocess.run(["ld", "-shared", "-soname", library.name, "-o", str(target), str(work / "slim.o")],
                       check=True)
    return target


if __name__ == "__main__":
    print(slim(Path(sys.argv[1]), Path(sys.argv[2])))
