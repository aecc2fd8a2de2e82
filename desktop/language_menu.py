"""View ▸ Language: follow the system, or choose English or Simplified Chinese; remembered, shown after a restart."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from data.language import LANGUAGES

from .context import AppContext
from .settings import LANGUAGE
from .translations import LANGUAGE_NAMES, SYSTEM, chosen_language, current_language


class LanguageMenu(QObject):
    """The Language submenu of a window's View menu. The window speaks its new language when it starts again
    (Qt would retranslate every widget in place only if each rebuilt its texts on a LanguageChange event)."""

    def __init__(self, context: AppContext, window: QMainWindow, view_menu: QMenu):
        super().__init__(window)
        self.context, self.window = context, window
        self.menu = view_menu.addMenu(self.tr("&Language"))
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(self)
        chosen = context.settings.get(LANGUAGE)
        chosen = chosen if chosen in LANGUAGES else SYSTEM
        for value, text in ((SYSTEM, self.tr("&System Language")),
                            *((language, LANGUAGE_NAMES[language]) for language in LANGUAGES)):
            action = QAction(text, self, checkable=True, checked=value == chosen)
            action.setObjectName(f"language_{value or 'system'}")
            action.triggered.connect(lambda checked=False, value=value: self.choose(value))
            self.group.addAction(action)
            self.menu.addAction(action)

    def choose(self, value: str) -> None:
        """Remember the language; say it shows after a restart when it differs from the one shown now."""
        self.context.settings.set(LANGUAGE, value)
        self.context.settings.sync()
        if chosen_language(value) != current_language():
            QMessageBox.information(self.window, self.tr("Language"),
                                    self.tr("Plan Review will speak the chosen language when it starts again."))
