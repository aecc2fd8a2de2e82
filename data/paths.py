"""Where things live: the per-user database and the files shipped inside the package."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "plan-review"


def user_folder() -> Path:
    """The user's data folder: the default database, the reviewer identity and its signing key."""
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """The per-user database the window and the command line share."""
    return user_folder() / "plans.sqlite"


def bundled_plan_path() -> Path:
    """The sample plan shipped with the program (the 2020 plan)."""
    from importlib import resources  # only the first start needs it

    return Path(str(resources.files("data").joinpath("plan-2020-en.txt")))
