"""Files written under a temporary name and then moved into place get the permissions a user expects."""
from __future__ import annotations

import os
import stat
from pathlib import Path

NEW_FILE_MODE = 0o666  # what open() asks for; the umask takes away from it


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux: /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def usual_mode(target: Path) -> int:
    """The mode `target` should have once written: the old file's, else a new file's (0666 minus the umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return NEW_FILE_MODE & ~_umask()


def give_usual_mode(temporary: Path, target: Path) -> None:
    """Before `temporary` (made 0600 by tempfile.mkstemp) replaces `target`, give it the mode `target` should have."""
    os.chmod(temporary, usual_mode(target))
