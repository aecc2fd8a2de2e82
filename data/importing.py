"""Importing a plan file, the one way the window, its worker and the command line all take: read the whole
file first (what it holds can be shown before anything is stored), then store it in one transaction."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Department, ReadResult
from .store import ImportOutcome, PlanStore


@dataclass(frozen=True)
class PlanImport:
    """A plan file read whole, the database not yet touched."""

    source: str  # the file's name, stored with the plan
    result: ReadResult

    def store_into(self, store: PlanStore, aliases: dict[str, str] | None = None,
                   bodies: list[Department] = ()) -> ImportOutcome:
        """Store the plan with the bodies the user added and the user's spellings given (spelling:
        official name of the body), in one transaction, after a backup of a database that holds plans; a
        plan already stored is left as it was."""
        if store.latest_plan_id() is not None:
            store.back_up("import")
        with store.transaction():
            for body in bodies:
                store.save_user_body(body)
            for spelling, body in (aliases or {}).items():
                store.save_user_alias(spelling, body)
            return store.import_plan(self.result, source=self.source)


def read_plan(path: str | Path) -> PlanImport:
    """Read a plan file of any supported kind (data/readers.py); an unreadable one is a PlanFileError.
    The database is not touched: a file refused leaves it as it was."""
    from .readers import read_plan_file  # the reader and the registry load when a plan is first imported

    path = Path(path)
    return PlanImport(path.name, read_plan_file(path))
