"""The application context: what the windows share, passed in explicitly instead of kept in globals."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QThreadPool

from data.session import PlanSession

from .settings import Settings


@dataclass
class AppContext:
    settings: Settings
    thread_pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    session: PlanSession | None = None  # the open database's session; the window sets it when it opens one
