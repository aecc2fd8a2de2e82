"""Draws the application icon from resources/plan-review.svg in every size the systems ask for.

    .venv/bin/python release/make_icons.py

Writes resources/icons/plan-review-<size>.png (Qt's SVG renderer, offscreen), plan-review.ico (Windows:
16 to 256 px) and plan-review.icns (macOS) with Pillow (installed with reportlab). Run it again after
changing the SVG and commit the results.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from desktop.resources import ICON_SIZES, icon_file, resource_path  # noqa: E402

ICO_SIZES = [(size, size) for size in ICON_SIZES if size <= 256]


def draw_pngs() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (Qt's painting needs it)
    renderer = QSvgRenderer(str(resource_path("plan-review.svg")))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        icon_file(size).parent.mkdir(exist_ok=True)
        if not image.save(str(icon_file(size))):
            raise SystemExit(f"could not write {icon_file(size)}")


def write_ico_and_icns() -> None:
    from PIL import Image

    largest = Image.open(icon_file(max(ICON_SIZES)))
    smaller = [Image.open(icon_file(size)) for size in ICON_SIZES if size <= 256]
    smaller[-1].save(resource_path("icons/plan-review.ico"), sizes=ICO_SIZES, append_images=smaller[:-1])
    largest.save(resource_path("icons/plan-review.icns"))


if __name__ == "__main__":
    draw_pngs()
    write_ico_and_icns()
    for path in sorted(resource_path("icons").iterdir()):
        print(f"{path.relative_to(REPO)}  {path.stat().st_size} bytes")
