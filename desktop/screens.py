"""Window sizes that fit the screen: a window or dialog larger than the free part of the primary screen is
made smaller, so that a 1366 × 768 laptop shows its title bar, its buttons and its status bar."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# the window manager's borders and title bar, which are not known before a window is first shown
FRAME_ALLOWANCE = QSize(16, 48)


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize the widget to width × height, or less where the primary screen's free area (less its panels
    and a window frame) is smaller."""
    available = QGuiApplication.primaryScreen().availableGeometry().size() - FRAME_ALLOWANCE
    widget.resize(QSize(width, height).boundedTo(available))
