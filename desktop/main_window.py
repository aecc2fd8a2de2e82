"""The review window: plan tree, task table, detail pane and departments panel, kept in agreement."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (QAbstractItemModel, QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint,
                            QRect, QSize, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDockWidget, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox,
                               QSizePolicy, QSplitter, QTableView, QToolBar, QToolButton,
                               QTreeView, QVBoxLayout, QWidget)

from data import backups
from data.corrections import apply_aliases
from data.errors import PlanReviewError, worded
from data.importing import PlanImport, read_plan
from data.model import LEAD, PARTICIPANT, Department
from data.registry import Registry
from data.session import PlanSession, TaskFilter
from data.store import ImportOutcome, PlanInfo, PlanStore
from data.user_registry import user_registry

from . import settings as keys
from .backup_dialog import BackupDialog
from .context import AppContext
from .detail import TaskDetail
from .export_controller import ExportController
from .import_preview import ImportPreviewDialog
from .language_menu import LanguageMenu
from .messages import show_error, slow_work_dialog
from .models import (ALL, DEPARTMENT_ID_ROLE, FULL_NAMES, NAMING_CHOICES, PART, SECTION, TASK_ID_ROLE,
                     DepartmentsModel, PlanTreeModel, TaskTableModel)
from .plan_controller import PlanController
from .translations import current_language
from .review_controller import ReviewController
from .screens import fit_on_screen
from .jobs import CancelCheck, Job, Progress

SEARCH_DELAY_MS = 150
CHANGES_LOOK_MS = 1000  # how often the window looks for what other programs saved in its database
BACKUP_EVERY_MS = 30 * 60 * 1000  # a backup every half hour while the database is being changed
WRAPPED_LINES = 3  # lines of a task row when View ▸ Wrap Task Text is on
WARNINGS_SHOWN = 15
CELL_PADDING = 16  # pixels around a cell's text, as the item delegate draws it
DOCK_WIDTHS = (300, 390)  # the docks' first width: 30 % of the window, within these bounds
MIN_VISIBLE = QSize(120, 60)  # how much of a restored window must be on a screen to be left where it is


class MainWindow(QMainWindow):
    """One database, one plan at a time. The window closes a store it replaces; its last one is the caller's.

    Controllers extend it through its public parts: `menus` ("file", "edit", "view", "plan") take their
    actions, `table_model.add_column` their columns (placed with `place_columns`; the remembered layout
    applies to them too), `add_side_pane` a pane beside the task detail; `plan_changed` tells them when the
    database or the plan changes (the context holds its session), `filter_changed` when the filter was set,
    and `task_shown` which task (id, or None) the detail pane shows and whether the filter hides it (a task
    chosen in the tree that the table does not show: read-only until the filter shows it again). The review controller (`review`) adds
    notes, statuses and flags; the export controller (`exports`) sheets, reports and printing.
    """

    plan_changed = Signal()
    filter_changed = Signal()
    task_shown = Signal(object, bool)
    database_changed = Signal()  # another program (or connection) saved something in the open database

    def __init__(self, context: AppContext, store: PlanStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        context.settings.move_identity_out()
        self.session = context.session = PlanSession(store, self._first_plan(store))
        self.plans: list[PlanInfo] = store.plans()
        self._scope: tuple[str, int | None] = (ALL, None)
        self._task_id: int | None = None
        self._task_hidden = False  # the task shown is one the filter hides (chosen in the tree)
        self._syncing = False  # set while one view follows the other, so the follower does not lead back
        self._clearing = False

        self.table_model = TaskTableModel(self.session, self)
        self.tree_model = PlanTreeModel(self.session, self)
        self.departments_model = DepartmentsModel(self.session, self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._data_version = store.data_version()
        self._changes_timer = QTimer(self, interval=CHANGES_LOOK_MS)
        self._backup_timer = QTimer(self, interval=BACKUP_EVERY_MS)

        self._build_views()
        self._build_docks()
        self.named_actions = self._build_actions()
        self.menus = self._build_menus()
        self._build_toolbar()
        self._connect()
        self.review = ReviewController(context, self)
        self.exports = ExportController(context, self)
        self.plan_edits = PlanController(context, self)
        self.language_menu = LanguageMenu(context, self, self.menus["view"])
        self.menus["help"] = self._build_help_menu()  # after the controllers' menus, so Help comes last
        self.review.filters_changed.connect(self._apply_filter)
        self._restore_settings()
        self._reset_to_plan()
        tab_order = [self.plan_combo, self.search_box, self.tree, self.role_combo, self.departments_view,
                     self.table, self.detail]
        for first, second in zip(tab_order, tab_order[1:]):
            QWidget.setTabOrder(first, second)
        self.tree.setFocus()
        self.read_only_label = QLabel(self.tr("Read-only: this database is on read-only media or in a read-only "
                                              "folder; nothing can be saved"), objectName="readOnlyLabel")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.read_only_label.setVisible(store.read_only)
        context.settings.remember_database(store.path)

    # Building -------------------------------------------------------------------------------------------
    def _build_views(self) -> None:
        self.tree = QTreeView(objectName="planTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_counts(self.tree, self.tree_model)

        self.table = self._row_table("taskTable", self.table_model,
                                     QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)  # the task text takes the room left instead (_fit_task_column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column, spec in enumerate(self.table_model.columns):
            header.resizeSection(column, spec.width)
            header.setSectionHidden(column, spec.hidden)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.empty_label = QLabel(objectName="emptyLabel")
        self.empty_clear = QToolButton(objectName="emptyClear")
        self.empty_bar = QWidget(objectName="emptyBar")
        bar_layout = QHBoxLayout(self.empty_bar)
        bar_layout.setContentsMargins(6, 4, 6, 4)
        bar_layout.addWidget(self.empty_label, 1)
        bar_layout.addWidget(self.empty_clear)
        self.empty_bar.hide()
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(0)
        table_layout.addWidget(self.empty_bar)
        table_layout.addWidget(self.table)

        self.detail = TaskDetail()
        self.detail_splitter = QSplitter(Qt.Orientation.Horizontal, objectName="detailSplitter")  # panes beside it
        self.detail_splitter.addWidget(self.detail)
        self.table_splitter = QSplitter(Qt.Orientation.Vertical, objectName="tableSplitter")
        self.table_splitter.addWidget(table_box)
        self.table_splitter.addWidget(self.detail_splitter)
        self.table_splitter.setStretchFactor(0, 3)  # a taller window gives the table most of it
        self.table_splitter.setStretchFactor(1, 1)
        self.table_splitter.setSizes([440, 300])  # the panes below hold a note and its two versions
        self.setCentralWidget(self.table_splitter)

        self.count_label = QLabel(objectName="countLabel")
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_docks(self) -> None:
        self.role_combo = QComboBox(objectName="roleCombo")
        self.role_combo.addItem(self.tr("Leads or takes part"), None)
        self.role_combo.addItem(self.tr("Leads"), LEAD)
        self.role_combo.addItem(self.tr("Takes part"), PARTICIPANT)
        role_label = QLabel(self.tr("&Show tasks it:"))
        role_label.setBuddy(self.role_combo)
        self.departments_view = self._row_table("departmentsView", self.departments_model,
                                                QAbstractItemView.SelectionMode.ExtendedSelection)
        self.departments_view.setSortingEnabled(True)
        self.departments_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.departments_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.departments_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names differ at their ends
        self._fit_counts(self.departments_view, self.departments_model)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        role_row = QHBoxLayout()
        role_row.addWidget(role_label)
        role_row.addWidget(self.role_combo, 1)
        layout.addLayout(role_row)
        layout.addWidget(self.departments_view)
        self.tree_dock = QDockWidget(self.tr("Plan"), self, objectName="treeDock")
        self.tree_dock.setWidget(self.tree)
        self.departments_dock = QDockWidget(self.tr("Departments"), self, objectName="departmentsDock")
        self.departments_dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)
        self.splitDockWidget(self.tree_dock, self.departments_dock, Qt.Orientation.Vertical)

    @staticmethod
    def _fit_counts(view: QTableView | QTreeView, model: DepartmentsModel | PlanTreeModel) -> None:
        """Fit the count columns (all but the first) to their title and widest value, leaving the names the
        rest (the header's own size hint keeps room for a sort arrow on every column). ResizeToContents
        would ask every row for every role on each layout pass: a third of the first paint's time."""
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        metrics = view.fontMetrics()
        for column in range(1, model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal) or ""
            widest = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(model.widest_text(column)))
            header.resizeSection(column, widest + CELL_PADDING)

    def _row_table(self, name: str, model: QAbstractItemModel,
                   mode: QAbstractItemView.SelectionMode) -> QTableView:
        """A table view that selects whole rows of one line each, and lets Tab leave it."""
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(mode)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        return view

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence.StandardKey | str,
                name: str) -> QAction:
        action = QAction(text, self, objectName=name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> dict[str, QAction]:
        key = QKeySequence.StandardKey
        actions = {
            "open": self._action(self.tr("&Open Database…"), self._choose_database, key.Open, "openDatabase"),
            "import": self._action(self.tr("&Import Plan…"), self._choose_plan_file, "Ctrl+I", "importPlan"),
            "restore": self._action(self.tr("Restore from &Backup…"), self._choose_backup, "Ctrl+Shift+B",
                                   "restoreBackup"),
            "quit": self._action(self.tr("&Quit"), self.close, key.Quit, "quit"),
            "find": self._action(self.tr("&Find…"), self.focus_search, key.Find, "find"),
            "clear": self._action(self.tr("&Clear Filters"), self.clear_filters, "Ctrl+Shift+L",
                                  "clearFilters"),
            "tree": self._action(self.tr("Go to Plan &Tree"), lambda: self._focus_dock(self.tree_dock, self.tree),
                                 "Ctrl+1", "focusTree"),
            "table": self._action(self.tr("Go to Task T&able"), self.table.setFocus, "Ctrl+2", "focusTable"),
            "departments": self._action(self.tr("Go to &Departments"),
                                        lambda: self._focus_dock(self.departments_dock, self.departments_view),
                                        "Ctrl+3", "focusDepartments"),
            "detail": self._action(self.tr("Go to Task D&etail"), self.detail.setFocus, "Ctrl+4",
                                   "focusDetail"),
        }
        actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        if actions["quit"].shortcut().isEmpty():  # platforms without a standard Quit key
            actions["quit"].setShortcut(QKeySequence("Ctrl+Q"))
        return actions

    def _build_menus(self) -> dict[str, QMenu]:
        bar = self.menuBar()
        menus = {"file": bar.addMenu(self.tr("&File")), "edit": bar.addMenu(self.tr("&Edit")),
                 "view": bar.addMenu(self.tr("&View")), "plan": bar.addMenu(self.tr("&Plan"))}
        menus["file"].addAction(self.named_actions["open"])
        self.recent_menu = menus["file"].addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        menus["file"].addAction(self.named_actions["import"])
        menus["file"].addAction(self.named_actions["restore"])
        menus["file"].addSeparator()
        menus["file"].addAction(self.named_actions["quit"])
        menus["edit"].addActions([self.named_actions["find"], self.named_actions["clear"]])
        self.columns_menu = menus["view"].addMenu(self.tr("&Columns"))
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self.wrap_action = menus["view"].addAction(self.tr("&Wrap Task Text"))
        self.wrap_action.setObjectName("wrapText")
        self.wrap_action.setCheckable(True)
        self.wrap_action.triggered.connect(self.set_wrapped)  # a user's choice; set_wrapped checks it itself
        naming_menu = menus["view"].addMenu(self.tr("Department &Names"))
        self.naming_group = QActionGroup(self)
        for naming, text in NAMING_CHOICES.items():
            action = naming_menu.addAction(QCoreApplication.translate("DepartmentsModel", text))
            action.setCheckable(True)
            action.setData(naming)
            action.triggered.connect(lambda checked=False, naming=naming: self.set_department_naming(naming))
            self.naming_group.addAction(action)
        menus["view"].addActions([self.tree_dock.toggleViewAction(), self.departments_dock.toggleViewAction()])
        menus["view"].addSeparator()
        menus["view"].addActions([self.named_actions[k] for k in ("tree", "table", "departments", "detail")])
        self.plan_group = QActionGroup(self)
        return menus

    def _build_help_menu(self) -> QMenu:
        menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Plan Review"), self, objectName="about", menuRole=QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        menu.addAction(about)
        return menu

    def show_about(self) -> None:
        """Help ▸ About: version, where the data and its copies live, the components' licences."""
        from .about import AboutDialog

        AboutDialog(self.session.store.path, self.context.settings.qsettings.fileName(), self).exec()

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Plan and search"), self, objectName="mainToolbar")
        toolbar.setMovable(False)
        self.plan_combo = QComboBox(objectName="planCombo")
        self.plan_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_combo.setMinimumContentsLength(24)
        self.plan_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        plan_label = QLabel(self.tr("Pl&an:"))
        plan_label.setBuddy(self.plan_combo)
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setPlaceholderText(self.tr("Search tasks and departments (%1)").replace(
            "%1", QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(220)
        self.search_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        toolbar.addWidget(plan_label)
        toolbar.addWidget(self.plan_combo)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        toolbar.addAction(self.named_actions["clear"])
        self.addToolBar(toolbar)
        self.empty_clear.setDefaultAction(self.named_actions["clear"])

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.table.selectionModel().currentRowChanged.connect(self._table_current_changed)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._show_header_menu)
        self.table_model.columnsInserted.connect(self._columns_added)
        self.departments_view.selectionModel().selectionChanged.connect(self._apply_filter)
        def fit_departments(*_signal_arguments) -> None:
            self._fit_counts(self.departments_view, self.departments_model)

        self.departments_model.modelReset.connect(fit_departments)
        self.departments_model.dataChanged.connect(fit_departments)
        self.tree_model.modelReset.connect(lambda: self._fit_counts(self.tree, self.tree_model))
        self.role_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.go_to_results)
        self.search_box.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self._search_timer.timeout.connect(self._apply_filter)
        self.plan_combo.activated.connect(lambda row: self.show_plan(self.plan_combo.itemData(row)))
        self._changes_timer.timeout.connect(self.show_changes)
        self._changes_timer.start()
        self._backup_timer.timeout.connect(lambda: self.back_up_in_background("interval"))
        self._backup_timer.start()
        QGuiApplication.instance().applicationStateChanged.connect(self._application_state_changed)

    # Plans and databases ---------------------------------------------------------------------------------
    @property
    def store(self) -> PlanStore:
        """The open database (the session's)."""
        return self.session.store

    @property
    def plan_id(self) -> int | None:
        """The plan shown (the session's)."""
        return self.session.plan_id

    def show_plan(self, plan_id: int | None) -> None:
        """Switch the window to another plan of the open database, with every filter cleared."""
        self.session.show_plan(plan_id)
        for model in (self.table_model, self.tree_model, self.departments_model):
            model.set_session(self.session)
        self._reset_to_plan()

    def _reset_to_plan(self) -> None:
        """Show the current plan from the top: plan lists, title, no filter, no task chosen."""
        self.search_box.clear()
        self._search_timer.stop()
        self._scope, self._task_id = (ALL, None), None
        self.detail.set_search([])
        self.detail.show_task(None)
        self.plan_combo.clear()
        for action in self.plan_group.actions():
            self.menus["plan"].removeAction(action)
            self.plan_group.removeAction(action)
        for plan in self.plans:
            label = self.tr("%1 (%2 tasks)").replace("%1", plan.title).replace("%2", str(plan.task_count))
            self.plan_combo.addItem(label, plan.id)
            action = self.menus["plan"].addAction(label)
            action.setCheckable(True)
            action.setChecked(plan.id == self.plan_id)
            action.triggered.connect(lambda checked=False, plan_id=plan.id: self.show_plan(plan_id))
            self.plan_group.addAction(action)
        self.plan_combo.setCurrentIndex(self.plan_combo.findData(self.plan_id))
        self.plan_combo.setEnabled(len(self.plans) > 1)
        title = next((p.title for p in self.plans if p.id == self.plan_id), self.tr("No plan"))
        self.context.settings.remember_plan(self.store.path, self.plan_id)
        self.setWindowTitle(self.tr("%1 — %2 — Plan Review").replace("%1", title)
                            .replace("%2", self.store.path.name))
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        self._after_filter()
        self.plan_changed.emit()

    def open_database(self, path: Path) -> bool:
        """Show another database; on failure say why and keep the one that is open."""
        try:
            store = PlanStore(path, create=False)
        except PlanReviewError as error:
            show_error(self, self.tr("Open Database"), error)
            return False
        self.session.close()
        self.session = self.context.session = PlanSession(store, reviewer=self.session.reviewer)
        self.plans = store.plans()
        self._data_version = store.data_version()
        self.read_only_label.setVisible(store.read_only)
        self.context.settings.remember_database(path)
        self.show_plan(self._first_plan(store))
        return True

    def show_changes(self) -> None:
        """Show what other programs saved in the open database since the last look (PRAGMA data_version,
        read on a timer and whenever the application becomes active): a plan list that changed, and the
        review (database_changed)."""
        version = self.store.data_version()
        if version == self._data_version:
            return
        self._data_version = version
        plans = self.store.plans()
        if plans != self.plans:
            self.plans = plans
            shown = self.plan_id if any(p.id == self.plan_id for p in plans) else self.store.latest_plan_id()
            self.show_plan(shown)
        self.database_changed.emit()

    def _choose_backup(self) -> None:
        dialog = BackupDialog(self.store.path, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() is not None:
            self.restore_backup(dialog.chosen().path)

    def restore_backup(self, backup: Path) -> bool:
        """Put a backup's content back into the open database (what it held is backed up first) and show it;
        on failure say why and change nothing."""
        try:
            kept = self.store.restore_from(backup)
        except PlanReviewError as error:
            show_error(self, self.tr("Restore from Backup"), error)
            return False
        self._seen_own_writes()
        self.plans = self.store.plans()
        self.show_plan(self.plan_id if any(p.id == self.plan_id for p in self.plans) else self.store.latest_plan_id())
        self.statusBar().showMessage(self.tr("Restored %1; what it replaced is kept as the backup %2")
                                     .replace("%1", backup.name).replace("%2", kept.name))
        return True

    def back_up_in_background(self, reason: str = "start") -> None:
        """A backup (at start, then every half hour), off the GUI thread, when the database changed since its
        newest one (none can be written beside a database on read-only media)."""
        if self.store.read_only:
            return
        database = self.store.path

        def back_up(progress: Progress, cancelled: CancelCheck) -> None:
            with PlanStore(database, create=False) as store:
                backups.back_up_if_changed(store.conn, database, reason)

        Job(back_up).start(self.context.thread_pool)

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self._changes_timer.isActive():
            self.show_changes()

    def _first_plan(self, store: PlanStore) -> int | None:
        """The plan last shown from this database if it still holds it, else the newest."""
        last = self.context.settings.last_plan(store.path)
        return last if any(p.id == last for p in store.plans()) else store.latest_plan_id()

    def _choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Database"), str(self.store.path.parent),
                                              self.tr("Plan Review databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_database(Path(path))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.context.settings.recent_databases() if p != self.store.path.resolve()]
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path}")
            action.triggered.connect(lambda checked=False, path=path: self.open_database(path))
        if not recent:
            self.recent_menu.addAction(self.tr("No other recent databases")).setEnabled(False)

    # Importing --------------------------------------------------------------------------------------------
    def _choose_plan_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Plan"), str(self.context.settings.folder(keys.PLAN_FOLDER)),
            self.tr("Plans (*.txt *.json *.docx *.doc *.wps *.pdf *.html *.htm *.mht *.mhtml *.xlsx *.xls *.et "
                    "*.csv);;All files (*)"))
        if path:
            self.context.settings.set(keys.PLAN_FOLDER, str(Path(path).parent))
            self.import_plan_file(Path(path))

    def import_plan_file(self, path: Path) -> None:
        """Read a plan file on a worker thread, show what was read in the import preview, and store it
        (with the user's corrections and aliases) when the user chooses Store Plan."""
        database = self.store.path

        def read(progress: Progress, cancelled: CancelCheck) -> tuple[PlanImport, Registry]:
            plan_file = read_plan(path)  # read whole before the database is touched
            with PlanStore(database, create=False) as store:
                registry = user_registry(store)
                apply_aliases(plan_file.result, store.user_aliases(), registry)
            return plan_file, registry

        self._run_import_job(read, path.name, self._preview)

    def _preview(self, reading: tuple[PlanImport, Registry]) -> None:
        plan_file, registry = reading
        dialog = ImportPreviewDialog(plan_file, registry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._store_import(dialog.plan_file, dict(dialog.aliases),
                                                           list(dialog.new_bodies)))
        dialog.open()

    def _store_import(self, plan_file: PlanImport, aliases: dict[str, str], bodies: list[Department]) -> None:
        database = self.store.path

        def store(progress: Progress, cancelled: CancelCheck) -> ImportOutcome:
            with PlanStore(database, create=False) as opened:
                return plan_file.store_into(opened, aliases, bodies)

        self._run_import_job(store, plan_file.source, self._imported)

    def _run_import_job(self, work, name: str, succeeded) -> None:
        """Work on a plan file off the GUI thread, the database actions disabled meanwhile and a busy
        dialog shown if it is slow; a failure is a message naming the file."""
        job = Job(work)
        progress = slow_work_dialog(self, self.tr("Importing %1…").replace("%1", name))

        def done() -> None:
            progress.close()
            progress.deleteLater()
            self.enable_database_actions(True)

        job.succeeded.connect(lambda outcome: (done(), succeeded(outcome)))
        job.failed.connect(lambda error: (done(), show_error(self, self.tr("Import Plan"), error)))
        self.enable_database_actions(False)  # the window stays on its database until the plan is stored
        job.start(self.context.thread_pool)

    def enable_database_actions(self, enabled: bool) -> None:
        """Allow or forbid opening another database or importing a plan (while work on this one runs)."""
        for action in (self.named_actions["open"], self.named_actions["import"], self.recent_menu.menuAction()):
            action.setEnabled(enabled)
        if enabled:
            self._seen_own_writes()

    def _seen_own_writes(self) -> None:
        """The window's own work through another connection (an import job, a restore) is over, and its caller
        shows what it saved: the next look for other programs' changes starts after it (else a second
        refresh of everything would follow a second later)."""
        self._data_version = self.store.data_version()

    def _imported(self, outcome: ImportOutcome) -> None:
        self.plans = self.store.plans()
        self.show_plan(outcome.plan_id)
        title = self.store.plan_info(outcome.plan_id).title
        counts = outcome.counts
        if outcome.created:
            text = self.tr("Imported “%1”: %2 parts, %3 sections, %4 tasks, %5 departments.")
        else:
            text = self.tr("“%1” was already stored; nothing was imported.")
        for placeholder, value in (("%1", title), ("%2", counts["parts"]), ("%3", counts["sections"]),
                                   ("%4", counts["tasks"]), ("%5", counts["departments"])):
            text = text.replace(placeholder, str(value))
        warnings = outcome.warnings
        if warnings:
            text += "\n\n" + self.tr("The reader had to guess in %1 places:").replace("%1", str(len(warnings)))
            text += "".join(f"\n• {worded(warning, current_language())}" for warning in warnings[:WARNINGS_SHOWN])
            if len(warnings) > WARNINGS_SHOWN:
                text += "\n" + self.tr("… and %1 more.").replace("%1", str(len(warnings) - WARNINGS_SHOWN))
        QMessageBox.information(self, self.tr("Import Plan"), text)

    # Filtering ------------------------------------------------------------------------------------------
    def selected_department_ids(self) -> tuple[int, ...]:
        """The departments chosen in the departments panel."""
        rows = self.departments_view.selectionModel().selectedRows()
        return tuple(index.data(DEPARTMENT_ID_ROLE) for index in rows)

    def current_filter(self) -> TaskFilter:
        kind, node_id = self._scope
        return TaskFilter(part_id=node_id if kind == PART else None,
                          section_id=node_id if kind == SECTION else None,
                          department_ids=self.selected_department_ids(), role=self.role_combo.currentData(),
                          search=self.search_box.text().strip(), review=self.review.task_filter())

    def _apply_filter(self) -> None:
        """Narrow the table to what the tree, the departments, the search box and the review filters choose."""
        if self._clearing:
            return
        self._search_timer.stop()
        task_filter = self.current_filter()
        self.table_model.set_filter(task_filter)
        self.detail.set_search(*self.table_model.search_matches)
        self._after_filter()
        self.filter_changed.emit()

    def refresh_tasks(self) -> None:
        """Filter the table again after the review data its filter reads has changed."""
        self.table_model.reload()
        self._after_filter()

    def task_edited(self, task_id: int) -> None:
        """Show a task again after its text, departments or deadline changed: in the table (filtered again:
        it may now match or not), the tree, the departments panel's counts and the detail pane."""
        self.table_model.reload([task_id])
        self.tree_model.task_changed(task_id)
        self.departments_model.reload(self.session)
        self._after_filter()
        if self._task_id == task_id:
            self._show_task(task_id)

    def _after_filter(self) -> None:
        """Show the counts, the no-match notice, and keep the chosen task selected when it is still shown."""
        model = self.table_model
        self.count_label.setText(self.tr("Showing %1 of %2 tasks").replace("%1", str(model.rowCount()))
                                 .replace("%2", str(model.total)))
        search = model.task_filter.search
        if search:
            self.empty_label.setText(self.tr("No task matches “%1”.").replace("%1", search))
        else:
            self.empty_label.setText(self.tr("No task matches the chosen filters."))
        self.empty_bar.setVisible(model.rowCount() == 0 and model.total > 0)
        self.named_actions["clear"].setEnabled(not model.task_filter.is_empty())
        row = model.row_of(self._task_id) if self._task_id is not None else None
        if row is not None:
            self._select_table_row(row)
            if self._task_hidden:  # the filter shows it again: editable again
                self._show_task(self._task_id)
        elif self._task_id is not None or self.tree_model.node(self.tree.currentIndex()) is not None:
            self._show_task(None)  # the filter hides the task: neither pane keeps it
            self._syncing = True
            self.tree.setCurrentIndex(self.tree_model.node_index(*self._scope))
            self._syncing = False

    def clear_filters(self) -> None:
        """Show every task of the plan: no part or section, no department, no search."""
        self._clearing = True
        self.search_box.clear()
        self.departments_view.clearSelection()
        self.role_combo.setCurrentIndex(0)
        self.review.clear_filters()
        self._scope = (ALL, None)
        self._syncing = True
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        self._syncing = False
        self._clearing = False
        self._apply_filter()

    def go_to_results(self) -> None:
        """Filter now and move into the table (Enter or Down in the search box), on the first task shown
        unless a shown task is chosen already."""
        self._apply_filter()
        if self.table_model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.table_model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes into the results, as Enter does."""
        if (watched is self.search_box and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):
            self.go_to_results()
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_task_column()
        return super().eventFilter(watched, event)

    def _fit_task_column(self) -> None:
        """Give the task text the width the other shown columns leave, at least its first width."""
        header = self.table.horizontalHeader()
        text = self.table_model.column_of("text")
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != text and not header.isSectionHidden(c))
        header.resizeSection(text, max(self.table_model.columns[text].width, self.table.viewport().width() - others))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_wrapped(self, wrapped: bool) -> None:
        """Rows of WRAPPED_LINES lines with the text wrapped, or of one line (cut); remembered. Rows keep one
        height either way: fitting each row to its text would measure every row of a huge plan."""
        self.table.setWordWrap(wrapped)
        lines = WRAPPED_LINES if wrapped else 1
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * lines + 8)
        self.wrap_action.setChecked(wrapped)
        self.context.settings.set(keys.TABLE_WRAP, wrapped)

    def set_department_naming(self, naming: str) -> None:
        """Name the departments in the panel by their full names, abbreviations or Chinese names; remembered."""
        naming = naming if naming in NAMING_CHOICES else FULL_NAMES
        self.departments_model.set_naming(naming)
        header = self.departments_view.horizontalHeader()
        if header.sortIndicatorSection() == 0:
            self.departments_view.sortByColumn(0, header.sortIndicatorOrder())
        for action in self.naming_group.actions():
            action.setChecked(action.data() == naming)
        self.context.settings.set(keys.DEPARTMENT_NAMING, naming)

    @staticmethod
    def _focus_dock(dock: QDockWidget, view: QWidget) -> None:
        dock.show()
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # The two views agree ------------------------------------------------------------------------------------
    def _tree_current_changed(self, current: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        node = self.tree_model.node(current)
        if node is None:
            task_id = current.data(TASK_ID_ROLE)
            row = self.table_model.row_of(task_id)
            self._show_task(task_id, hidden=row is None)
            if row is None:  # filtered out of the table: shown read-only in the detail pane only
                self.table.clearSelection()
            else:
                self._select_table_row(row)
        elif node != self._scope:
            self._scope = node
            self._apply_filter()

    def _table_current_changed(self, current: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self._show_task(self.table_model.row_id(current.row()))
        self._syncing = True
        index = self.tree_model.task_index(self._task_id)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self._syncing = False

    def _select_table_row(self, row: int) -> None:
        """Select a row for the program's own reasons: the tree does not follow."""
        index = self.table_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        syncing, self._syncing = self._syncing, True
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self._syncing = syncing

    @property
    def task_id(self) -> int | None:
        """The task the detail pane shows, if any."""
        return self._task_id

    def choose_task(self, task_id: int) -> None:
        """Choose a task as a user would in the tree: the table and the detail pane follow."""
        index = self.tree_model.task_index(task_id)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def add_side_pane(self, pane: QWidget) -> None:
        """Put a pane beside the task detail, below the table; the two share the width."""
        self.detail_splitter.addWidget(pane)
        self.detail_splitter.setSizes([500, 500])  # half each, whatever the widths asked for

    def _show_task(self, task_id: int | None, hidden: bool = False) -> None:
        self._task_id, self._task_hidden = task_id, hidden and task_id is not None
        self.detail.show_task(None if task_id is None else self.store.task(task_id), hidden=self._task_hidden)
        self.task_shown.emit(task_id, self._task_hidden)

    # Columns ----------------------------------------------------------------------------------------------
    def _show_header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        """A check box per column; the last visible column cannot be hidden."""
        menu.clear()
        header = self.table.horizontalHeader()
        visible = header.count() - header.hiddenSectionCount()
        for column in range(self.table_model.columnCount()):
            action = menu.addAction(self.table_model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(header.isSectionHidden(column) or visible > 1)
            action.toggled.connect(lambda shown, column=column: (header.setSectionHidden(column, not shown),
                                                                 self._fit_task_column()))

    def column_layout(self) -> list[dict]:
        """The columns in visual order, each with its key, width and whether it is hidden."""
        header = self.table.horizontalHeader()
        columns = self.table_model.columns
        return [{"key": columns[logical].key, "width": header.sectionSize(logical),
                 "hidden": header.isSectionHidden(logical)}
                for logical in (header.logicalIndex(visual) for visual in range(header.count()))]

    def _columns_added(self, parent: QModelIndex, first: int, last: int) -> None:
        """A column another module adds gets its width, then its remembered place."""
        for column in range(first, last + 1):
            self.table.horizontalHeader().resizeSection(column, self.table_model.columns[column].width)
            self.table.horizontalHeader().setSectionHidden(column, self.table_model.columns[column].hidden)
        self._restore_columns(self.context.settings.get_json(keys.TABLE_COLUMNS) or [])

    def place_columns(self, column_keys: Sequence[str], after: str) -> None:
        """Put these columns right after the column `after`, unless the remembered layout places any of them."""
        remembered = self.context.settings.get_json(keys.TABLE_COLUMNS) or []
        if any(entry.get("key") in column_keys for entry in remembered):
            return
        header = self.table.horizontalHeader()
        place = header.visualIndex(self.table_model.column_of(after))
        for offset, key in enumerate(column_keys, start=1):
            header.moveSection(header.visualIndex(self.table_model.column_of(key)), place + offset)

    def _restore_columns(self, layout: list[dict]) -> None:
        header = self.table.horizontalHeader()
        target = 0
        for entry in layout:
            logical = self.table_model.column_of(entry.get("key"))
            if logical is None:
                continue  # a column of a module that is not loaded now
            header.moveSection(header.visualIndex(logical), target)
            target += 1
            if entry.get("width"):
                header.resizeSection(logical, int(entry["width"]))
            header.setSectionHidden(logical, bool(entry.get("hidden")))

    # Settings -------------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = self.context.settings
        fit_on_screen(self, 1280, 800)
        dock_width = max(DOCK_WIDTHS[0], min(DOCK_WIDTHS[1], self.width() * 3 // 10))
        self.resizeDocks([self.tree_dock], [dock_width], Qt.Orientation.Horizontal)
        self.restoreGeometry(settings.get(keys.WINDOW_GEOMETRY))
        self.restoreState(settings.get(keys.WINDOW_STATE))
        self.table_splitter.restoreState(settings.get(keys.TABLE_SPLITTER))
        self.detail_splitter.restoreState(settings.get(keys.DETAIL_SPLITTER))
        self._restore_columns(settings.get_json(keys.TABLE_COLUMNS) or [])
        self.set_department_naming(settings.get(keys.DEPARTMENT_NAMING))
        self.set_wrapped(settings.get(keys.TABLE_WRAP))
        sort = settings.get_json(keys.TABLE_SORT) or {}
        column = self.table_model.column_of(sort.get("key", ""))
        if column is not None:
            order = Qt.SortOrder.DescendingOrder if sort.get("descending") else Qt.SortOrder.AscendingOrder
            self.table.sortByColumn(column, order)
        self.ensure_on_screen()

    def save_settings(self) -> None:
        settings = self.context.settings
        settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        settings.set(keys.WINDOW_STATE, self.saveState())
        settings.set(keys.TABLE_SPLITTER, self.table_splitter.saveState())
        settings.set(keys.DETAIL_SPLITTER, self.detail_splitter.saveState())
        settings.set_json(keys.TABLE_COLUMNS, self.column_layout())
        header = self.table.horizontalHeader()
        settings.set_json(keys.TABLE_SORT, {
            "key": self.table_model.columns[header.sortIndicatorSection()].key,
            "descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder})
        settings.sync()

    def ensure_on_screen(self) -> None:
        """Bring a window restored off every screen (a monitor since unplugged) back onto the primary one."""
        frame = self.frameGeometry()
        for screen in QGuiApplication.screens():
            seen = screen.availableGeometry().intersected(frame)
            if seen.width() >= MIN_VISIBLE.width() and seen.height() >= MIN_VISIBLE.height():
                return
        available = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(self.size().boundedTo(available.size()))
        placed = QRect(QPoint(0, 0), self.frameGeometry().size())
        placed.moveCenter(available.center())
        self.move(placed.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._changes_timer.stop()
        self._backup_timer.stop()
        self.context.thread_pool.waitForDone()
        self.save_settings()
        super().closeEvent(event)
