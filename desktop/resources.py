"""Files under resources/, found the same way from a source checkout and from a PyInstaller bundle."""
from __future__ import annotations

import sys
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of resources/<name>: beside the packages in a checkout, in sys._MEIPASS when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / name
