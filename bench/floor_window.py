"""The floor of start-up on this stack: a bare Python process that shows an empty QMainWindow.

It does what `plan-review --smoke` does with its window (show, process events, paint once by grabbing,
close) and nothing else, so bench/startup.py can compare the two.
"""
import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    window.grab()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
