"""Does this PySide6 lose a reference to None on every Qt call that returns nothing?

    .venv/bin/python bench/qt_none_refcount.py

PySide6-Essentials 6.12.0 on Python 3.11 does: each void call (setText, setValue, processEvents...)
drops one reference to None, and the process aborts ("Fatal Python error: none_dealloc") once the
~5,000 references None starts with are gone. PySide6 6.11.3 on 3.11, and 6.12.0 on Python 3.12+
(where None is immortal), lose none. Exit status 1 when references are lost.
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 1000


def references_lost(call) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel()
    lost = {"QLabel.setText": references_lost(lambda: label.setText("x")),
            "QApplication.processEvents": references_lost(app.processEvents)}
    print(f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}: "
          f"{sys.getrefcount(None)} references to None left")
    for name, count in lost.items():
        print(f"  {name}: {count} references to None lost in {CALLS} calls")
    return 1 if any(count > CALLS // 2 for count in lost.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
