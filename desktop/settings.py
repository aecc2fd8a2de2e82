"""Every setting the window keeps between runs, declared once with its type and default."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

RECENT_LIMIT = 8


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
TABLE_SPLITTER = Setting("window/tableSplitter", QByteArray, QByteArray())
DETAIL_SPLITTER = Setting("window/detailSplitter", QByteArray, QByteArray())
TABLE_COLUMNS = Setting("table/columns", str, "")  # JSON: [{"key", "width", "hidden"}] in visual order
TABLE_SORT = Setting("table/sort", str, "")  # JSON: {"key", "descending"}
TABLE_WRAP = Setting("table/wrap", bool, False)  # task rows show their whole text, wrapped
DEPARTMENT_NAMING = Setting("departments/naming", str, "full")  # a key of models.NAMING_CHOICES
RECENT_DATABASES = Setting("files/recentDatabases", list, [])
LAST_PLANS = Setting("files/lastPlans", str, "")  # JSON: {database path: the plan shown last}
LAST_EXPORT_FOLDER = Setting("files/lastExportFolder", str, "")  # where the export dialog starts
# Where versions before the shared identity (data.identity) kept the reviewer: moved out on first start.
LEGACY_REVIEWER = Setting("review/reviewer", str, "")
LEGACY_REVIEWER_DEPARTMENT = Setting("review/department", str, "")
LANGUAGE = Setting("interface/language", str, "")  # "en", "zh", or "" to follow the system locale
REVIEW_FOLDER = Setting("review/folder", str, "")  # where review files were last written or read
PLAN_FOLDER = Setting("files/planFolder", str, "")  # where a plan was last imported from


class Settings:
    """Typed access to a QSettings store (an INI file, so tests can point it at a temporary folder)."""

    def __init__(self, qsettings: QSettings | None = None):
        self.qsettings = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                                "plan-review", "plan-review")

    def get(self, setting: Setting):
        value = self.qsettings.value(setting.key, setting.default, type=setting.type)
        return setting.default if value is None else value

    def set(self, setting: Setting, value) -> None:
        self.qsettings.setValue(setting.key, value)

    def get_json(self, setting: Setting):
        """A JSON-encoded setting, or None when it is missing or unreadable."""
        raw = self.get(setting)
        try:
            return json.loads(raw) if raw else None
        except json.JSONDecodeError:
            return None

    def set_json(self, setting: Setting, value) -> None:
        self.set(setting, json.dumps(value))

    def folder(self, setting: Setting) -> Path:
        """Where a file dialog starts: the folder the setting remembers while it exists, else the user's
        documents folder (the home folder where there is none)."""
        remembered = self.get(setting)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def recent_databases(self) -> list[Path]:
        return [Path(p) for p in self.get(RECENT_DATABASES) if p]

    def remember_database(self, path: Path) -> None:
        """Put a database first in the recent list."""
        path = path.resolve()
        others = [str(p) for p in self.recent_databases() if p != path]
        self.set(RECENT_DATABASES, [str(path), *others][:RECENT_LIMIT])

    def last_plan(self, database: Path) -> int | None:
        return (self.get_json(LAST_PLANS) or {}).get(str(database.resolve()))

    def remember_plan(self, database: Path, plan_id: int | None) -> None:
        last = self.get_json(LAST_PLANS) or {}
        last[str(database.resolve())] = plan_id
        self.set_json(LAST_PLANS, last)

    def move_identity_out(self) -> None:
        """Give the reviewer identity older versions kept here to the user's shared identity (unless one is
        stored already), and forget it here."""
        from data.identity import adopt_identity

        name = self.get(LEGACY_REVIEWER)
        if name:
            adopt_identity(name, self.get(LEGACY_REVIEWER_DEPARTMENT))
            for setting in (LEGACY_REVIEWER, LEGACY_REVIEWER_DEPARTMENT):
                self.qsettings.remove(setting.key)

    def sync(self) -> None:
        self.qsettings.sync()
