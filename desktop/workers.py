"""Work that can take long, run on the thread pool. Workers open their own store and never touch widgets."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from data.errors import PlanReviewError
from data.review import ReviewStore
from data.store import PlanStore


class ImportSignals(QObject):
    """Delivered on the GUI thread: the ImportOutcome (or ExchangeSummary), or the failing file and its problem."""

    finished = Signal(object)
    failed = Signal(str, str)


class ImportWorker(QRunnable):
    """Read a plan file and store it in the database at db_path, through a connection of its own."""

    def __init__(self, plan_file: Path, db_path: Path):
        super().__init__()
        self.plan_file, self.db_path = plan_file, db_path
        self.signals = ImportSignals()

    def run(self) -> None:
        from data.importing import read_plan

        try:
            plan_file = read_plan(self.plan_file)
            with PlanStore(self.db_path, create=False) as store:
                outcome = plan_file.store_into(store)
        except PlanReviewError as error:
            self.signals.failed.emit(error.path, error.problem)
            return
        self.signals.finished.emit(outcome)


class ReviewImportWorker(QRunnable):
    """Merge a colleague's review file into a plan's review in the database at db_path, through a connection
    of its own."""

    def __init__(self, review_file: Path, db_path: Path, plan_id: int):
        super().__init__()
        self.review_file, self.db_path, self.plan_id = review_file, db_path, plan_id
        self.signals = ImportSignals()

    def run(self) -> None:
        try:
            with PlanStore(self.db_path, create=False) as store:
                summary = ReviewStore(store).import_review(self.plan_id, self.review_file)
        except PlanReviewError as error:
            self.signals.failed.emit(error.path, error.problem)
            return
        self.signals.finished.emit(summary)


class CountSignals(QObject):
    """Delivered on the GUI thread: the worker that counted, and its counts."""

    finished = Signal(object, object)


class DepartmentProgressWorker(QRunnable):
    """Count each department's tasks and how many the reviewer reviewed (a few hundred milliseconds on a plan
    of 100,000 tasks), through a connection of its own. A database that cannot be read gives no counts."""

    def __init__(self, db_path: Path, plan_id: int, reviewer: str, role: str | None):
        super().__init__()
        self.db_path, self.plan_id, self.reviewer, self.role = db_path, plan_id, reviewer, role
        self.signals = CountSignals()

    def run(self) -> None:
        try:
            with PlanStore(self.db_path, create=False) as store:
                counts = ReviewStore(store).department_progress(self.plan_id, self.reviewer, self.role)
        except PlanReviewError:
            return
        self.signals.finished.emit(self, counts)
