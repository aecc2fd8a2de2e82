"""The window's language: chosen from the system locale or by the user (View ▸ Language), installed as Qt
translators (the program's own and Qt's, for its standard dialogs and buttons); and the one command that
keeps the translation source current.

`python -m desktop.translations update` rescans desktop/ with pyside6-lupdate (new strings are added to
resources/translations/plan_review_zh_CN.ts, unfinished, kept translations stay) and compiles the .qm with
pyside6-lrelease. Both .ts and .qm are checked in; tests/test_translations.py fails when either is stale.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from data.language import CHINESE, ENGLISH, LANGUAGES, language_of_locale

from .resources import resource_path

TS_FILE = Path(__file__).resolve().parent.parent / "resources" / "translations" / "plan_review_zh_CN.ts"
QM_NAME = "translations/plan_review_zh_CN.qm"  # under resources/
QT_QM = "qtbase_zh_CN"  # Qt's own strings: standard buttons, file and print dialogs
SYSTEM = ""  # the language setting's value that follows the system locale
LOCALES = {ENGLISH: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
           CHINESE: QLocale(QLocale.Language.Chinese, QLocale.Country.China)}
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language, as menus name them
# Qt's own strings that its Chinese catalogue (qtbase_zh_CN) lacks: Qt 6 gave the file and print dialogs'
# labels mnemonics and names a folder's type in QAbstractFileIconProvider. Marked here, lupdate puts them in
# the program's catalogue, where Qt finds them too.
QT_STRINGS_QTBASE_LACKS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"), QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"), QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"))


def system_language() -> str:
    """The language of the system locale (Chinese for any Chinese locale, else English)."""
    return language_of_locale(QLocale.system().name())


def chosen_language(setting: str) -> str:
    """The language to show: the setting's, or the system's when the setting follows the system."""
    return setting if setting in LANGUAGES else system_language()


def current_language() -> str:
    """The language the window speaks now (the default locale install_language set)."""
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def install_language(language: str) -> None:
    """Make the application speak the language: its default locale and, for Chinese, the program's translator
    and Qt's (standard buttons, file and print dialogs). The translators are the application's children."""
    QLocale.setDefault(LOCALES[language])
    if language == ENGLISH:
        return
    app = QCoreApplication.instance()
    for name, folder in ((QT_QM, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         (QM_NAME, str(resource_path("")))):
        translator = QTranslator(app)
        if not (translator.load(name, folder) and app.installTranslator(translator)):
            translator.deleteLater()


def remove_language() -> None:
    """Back to English: the translators taken away, the default locale reset."""
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(LOCALES[ENGLISH])


def _tool(name: str) -> str:
    """A Qt tool PySide6-Essentials ships beside its modules (lupdate, lrelease)."""
    return str(Path(PySide6.__file__).resolve().parent / name)


def source_files() -> list[str]:
    """The files lupdate scans: every module of desktop/ (the only one that speaks through Qt)."""
    return sorted(str(path) for path in Path(__file__).resolve().parent.glob("*.py"))


def update_translation_source(ts_file: Path = TS_FILE) -> None:
    """Rescan desktop/ into the .ts file: new strings added, vanished ones marked obsolete and dropped."""
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
                    "-target-language", "zh_CN", *source_files(), "-ts", str(ts_file)], check=True)


def compile_translation(ts_file: Path, qm_file: Path) -> None:
    """Compile the .ts file into the .qm file the program loads."""
    subprocess.run([_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main(argv: list[str]) -> int:
    if argv != ["update"]:
        print("usage: python -m desktop.translations update", file=sys.stderr)
        return 2
    update_translation_source()
    compile_translation(TS_FILE, TS_FILE.with_suffix(".qm"))
    print(f"updated {TS_FILE} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
