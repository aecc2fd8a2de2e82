"""The floor of start-up on this stack: a bare Python process that shows an empty QMainWindow.

It does what `plan-review --smoke` does with its window (show it, run events until its first paint event
has been handled, close) and nothing else, so bench/startup.py can compare the two.
"""
import sys

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Quits the loop once the window has painted."""

    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.loop = loop

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.loop.quit)
        return False


def show_until_painted(window: QMainWindow) -> None:
    """Show the window, return once its first paint has been handled."""
    loop = QEventLoop()
    first_paint = FirstPaint(loop)
    window.installEventFilter(first_paint)
    window.show()
    loop.exec()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    show_until_painted(window)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
