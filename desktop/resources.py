"""Files under resources/ (package data), found the same way from a source checkout, an installed wheel
and a PyInstaller bundle; the application icon made from them."""
from __future__ import annotations

import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the PNGs release/make_icons.py draws from the SVG


def resource_path(name: str) -> Path:
    """The path of resources/<name>: beside the packages in a checkout or an installed wheel (resources/ is
    installed as package data next to desktop/), in sys._MEIPASS when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / name


def icon_file(size: int) -> Path:
    return resource_path(f"icons/plan-review-{size}.png")


def app_icon():
    """The program's icon in every drawn size (PNG, so no image plugin is needed to show it)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)))
    return icon
