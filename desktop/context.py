"""The application context: what the windows share, passed in explicitly instead of kept in globals."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QThreadPool

from .settings import Settings


@dataclass
class AppContext:
    settings: Settings
    thread_pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
