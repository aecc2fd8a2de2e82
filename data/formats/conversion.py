"""Older Word and WPS files (.doc, .wps, .rtf) and workbooks (.xls, .et) converted with LibreOffice, run
headless in a temporary folder with a time limit, into the .docx or .xlsx the other front ends read."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import PlanFileError

CONVERSION_SECONDS = 120
_POSIX = hasattr(os, "killpg")
Converted = TypeVar("Converted")


def office_program() -> str | None:
    """LibreOffice's command, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path, target: str, read: Callable[[Path], Converted]) -> Converted:
    """`read` applied to the file converted to `target` ("docx" or "xlsx")."""
    program = office_program()
    if program is None:
        raise PlanFileError(path, "{kind} files are read by converting them with LibreOffice, which is not "
                                  "installed: install LibreOffice (Debian/Ubuntu: apt-get install "
                                  "libreoffice-writer-nogui libreoffice-calc-nogui), or save the file as .{target} "
                                  "and import that", kind=path.suffix or "this", target=target)
    with tempfile.TemporaryDirectory(prefix="plan-review-convert-") as folder:
        profile = Path(folder) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", folder, str(path.resolve())]
        try:
            office = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, start_new_session=_POSIX)
        except OSError as error:
            raise PlanFileError(path, "LibreOffice could not be started: {reason}", reason=error) from None
        try:
            office.wait(timeout=CONVERSION_SECONDS)
        except subprocess.TimeoutExpired:
            if _POSIX:
                os.killpg(office.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group
            else:
                office.kill()
            office.wait()
            raise PlanFileError(path, "LibreOffice did not convert the file within {seconds} s",
                                seconds=CONVERSION_SECONDS) from None
        converted = Path(folder) / f"{path.stem}.{target}"
        if not converted.exists():
            raise PlanFileError(path, "LibreOffice could not convert the file to .{target} (damaged, or protected by "
                                      "a password?)", target=target)
        return read(converted)
