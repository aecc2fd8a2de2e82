"""Long work off the GUI thread, in the manner of Anki's QueryOp: a plain function runs on the thread pool and
reports progress; the window hears how it ended on the GUI thread. Known failures (PlanReviewError) end it as
failed; programming errors stay loud. The function opens its own database connection: SQLite's are per thread.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from data.errors import PlanReviewError

Progress = Callable[[int, int], None]  # (done, total)
CancelCheck = Callable[[], bool]  # True once the user asked to stop
Work = Callable[[Progress, CancelCheck], object]


class Job(QObject):
    """One run of `work(progress, cancelled)` on the thread pool. Exactly one of succeeded(result),
    failed(error), cancelled() follows, on the GUI thread; a failure after cancel() counts as cancelled."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the PlanReviewError
    cancelled = Signal()

    _running: ClassVar[set[Job]] = set()  # kept alive while the pool runs them

    def __init__(self, work: Work):
        super().__init__()
        self._work = work
        self._stop = threading.Event()
        self._runnable = _Runnable(self._run)
        for ended in (self.succeeded, self.failed, self.cancelled):
            ended.connect(lambda *_: Job._running.discard(self))

    def start(self, pool: QThreadPool) -> Job:
        Job._running.add(self)
        pool.start(self._runnable)
        return self

    def cancel(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except PlanReviewError as error:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.failed.emit(error)
            return
        self.succeeded.emit(result)


class _Runnable(QRunnable):
    def __init__(self, run: Callable[[], None]):
        super().__init__()
        self.setAutoDelete(False)  # Python owns it, through its Job
        self._function = run

    def run(self) -> None:
        self._function()
