"""Starting the window: the application, its context, the first-start database and the smoke run."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from data.errors import EXIT_BAD_INPUT, DamagedDatabaseError, PlanReviewError
from data.paths import bundled_plan_path
from data.store import PlanStore

from .context import AppContext
from .main_window import MainWindow, show_error
from .messages import problem_text
from .resources import app_icon
from .settings import LANGUAGE, Settings
from .translations import chosen_language, install_language

FIRST_PAINT_TIMEOUT_MS = 10_000
DESKTOP_FILE = "org.planreview.PlanReview"  # release/linux/org.planreview.PlanReview.desktop


def application() -> QApplication:
    """The running QApplication, created with the program's names when there is none yet."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("plan-review")
    app.setApplicationDisplayName("Plan Review")
    app.setOrganizationName("plan-review")
    app.setDesktopFileName(DESKTOP_FILE)  # Wayland finds the launcher, and with it the icon, by this name
    app.setWindowIcon(app_icon())
    return app


def open_startup_database(path: Path) -> PlanStore:
    """The database the window opens on; on first start it is created and given the bundled plan."""
    store = PlanStore(path)
    try:
        if store.latest_plan_id() is None:
            from data.importing import read_plan

            read_plan(bundled_plan_path()).store_into(store)
    except BaseException:
        store.close()
        raise
    return store


class _PaintWatcher(QObject):
    """Ends an event loop when the watched widget receives its first paint event."""

    def __init__(self, widget: QWidget, loop: QEventLoop):
        super().__init__(widget)
        self.painted = False
        self._loop = loop
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)  # after this paint pass has reached the screen
        return False


def show_until_painted(window: QWidget) -> bool:
    """Show the window and run events until it has painted once (False if it never did)."""
    loop = QEventLoop()
    watcher = _PaintWatcher(window, loop)
    QTimer.singleShot(FIRST_PAINT_TIMEOUT_MS, loop.quit)
    window.show()
    loop.exec()
    return watcher.painted


def offer_backup(error: DamagedDatabaseError) -> bool:
    """Say the database is damaged and offer its newest backup that passes SQLite's integrity_check; whether
    that backup now stands in its place (the damaged file stays in the damaged folder)."""
    from data import backups

    title = QCoreApplication.translate("run_window", "Plan Review")
    database = Path(error.path)
    backup = backups.newest_sound_backup(database) if error.copy else None
    if backup is None:
        show_error(None, title, error)
        return False
    question = QCoreApplication.translate(
        "run_window", "%1\n\n%2\n\nRestore the newest sound backup, made %3 (%4 notes, %5 statuses)?")
    for placeholder, value in (("%1", error.path), ("%2", problem_text(error)),
                               ("%3", backup.made.astimezone().strftime("%Y-%m-%d %H:%M")),
                               ("%4", backup.notes), ("%5", backup.statuses)):
        question = question.replace(placeholder, str(value))
    answer = QMessageBox.question(None, title, question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    backups.replace_damaged(database, backup.path)
    return True


def run_window(db_path: Path, smoke: bool = False, context: AppContext | None = None) -> int:
    """Open the window on the database; with smoke, return once it has painted instead of running."""
    app = application()
    context = context or AppContext(Settings())
    install_language(chosen_language(context.settings.get(LANGUAGE)))
    app.setApplicationDisplayName(QCoreApplication.translate("run_window", "Plan Review"))
    try:
        store = open_startup_database(Path(db_path))
    except DamagedDatabaseError as error:
        if not offer_backup(error):
            return EXIT_BAD_INPUT
        store = open_startup_database(Path(db_path))
    except PlanReviewError as error:
        show_error(None, QCoreApplication.translate("run_window", "Plan Review"), error)
        return EXIT_BAD_INPUT
    window = MainWindow(context, store)
    try:
        if smoke:
            painted = show_until_painted(window)
            window.close()
            if not painted:
                print("plan-review: the window did not paint", file=sys.stderr)
            return 0 if painted else 1
        window.show()
        window.back_up_in_background()
        window.review.ask_identity_if_unknown()
        return app.exec()
    finally:
        window.session.close()
