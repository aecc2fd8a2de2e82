"""Draw docs/import-preview.png: File ▸ Import Plan…'s preview of a Word file (国发〔2018〕39号, typed with
Word's own list numbering, one clause naming a body the registry does not know), the unknown name chosen
and the body the registry suggests for it.

    .venv/bin/python docs/make_import_preview_screenshot.py

Headless (offscreen Qt), with a fresh database and settings in a temporary folder.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="plan-review-screenshot-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from data.importing import read_plan
    from data.registry import default_registry
    from desktop.app import application
    from desktop.import_preview import ImportPreviewDialog
    from tests import plan_documents

    app = application()
    text = (REPO / "tests" / "corpus" / "gov2018-cujin-jiuye-opinions-zh.txt").read_text(encoding="utf-8")
    text = text.replace("（人力资源社会保障部、财政部负责）", "（人力资源社会保障部、财政部、就业促进办负责）", 1)
    source = plan_documents.write_docx(text.splitlines(), folder / "促进就业若干意见.docx", word_numbering=True)
    dialog = ImportPreviewDialog(read_plan(source), default_registry())
    dialog.resize(1366, 768)
    dialog.show()
    dialog.tree.setCurrentItem(next(item for item in dialog.task_items.values() if item.text(4)))
    app.processEvents()
    target = Path(__file__).resolve().parent / "import-preview.png"
    dialog.grab().save(str(target))
    print(target)


if __name__ == "__main__":
    main()
