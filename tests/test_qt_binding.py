"""The installed Qt binding survives a long session (PySide6 6.12.0 on Python 3.11 did not)."""
from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_qt_calls_do_not_crash_the_process():
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for i in range(20000):
            label.setText(str(i))
            app.processEvents()
        print(before - sys.getrefcount(None))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100
