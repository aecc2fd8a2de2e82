"""Help ▸ About, the program's icon, and resources/ shipped as package data: what a user of an installed
copy sees (the version, where the data and its copies live, the components' licences)."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication

from data.store import PlanStore
from desktop.about import AboutDialog
from desktop.app import application
from desktop.cli import main
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.resources import ICON_SIZES, icon_file, resource_path
from desktop.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "out"


def required_names() -> set[str]:
    return {Requirement(text).name for text in metadata.requires("plan-review") if "extra ==" not in text}


@pytest.fixture
def window(qtbot, tmp_path, sample_db):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    opened = MainWindow(AppContext(Settings()), PlanStore(sample_db))
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.store.close()


def open_about(qtbot, window: MainWindow) -> AboutDialog:
    """Choose Help ▸ About Plan Review; the dialog it shows, still open."""
    shown: list[AboutDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AboutDialog) and not shown:
            shown.append(dialog)
            qtbot.waitExposed(dialog)
            dialog.grab().save(str(SCREENSHOTS / "about.png"))
            dialog.done(0)

    SCREENSHOTS.mkdir(exist_ok=True)
    timer = QTimer(interval=50, timeout=look)
    timer.start()
    help_menu = window.menus["help"]
    assert window.menuBar().actions()[-1] == help_menu.menuAction()  # Help comes last
    about = window.findChild(QAction, "about")
    assert about in help_menu.actions()
    about.trigger()
    timer.stop()
    assert shown, "Help ▸ About showed no dialog"
    return shown[0]


def test_about_names_the_version_and_where_the_data_and_its_copies_live(qtbot, window, sample_db):
    dialog = open_about(qtbot, window)
    text = dialog.program_text.text()
    assert f"Plan Review {metadata.version('plan-review')}" in text
    assert str(sample_db) in text
    assert str(sample_db.parent / "backups") in text  # where data/backups.py keeps them
    assert str(sample_db.parent / "damaged") in text


def test_about_lists_every_component_with_its_licence_and_qt_lgpl_notice(qtbot, window):
    dialog = open_about(qtbot, window)
    table = dialog.licence_table
    rows = {table.item(row, 0).text(): (table.item(row, 1).text(), table.item(row, 2).text())
            for row in range(table.rowCount())}
    assert {canonicalize_name(name) for name in required_names()} <= {canonicalize_name(name) for name in rows}
    assert rows["PySide6_Essentials"] == (metadata.version("PySide6-Essentials"),
                                          metadata.metadata("PySide6-Essentials")["License"])
    assert "LGPL" in rows["PySide6_Essentials"][1]
    assert rows["reportlab"][1] == "BSD License"  # its License field is a paragraph: the classifier names it
    notice = dialog.findChildren(type(dialog.program_text))
    assert any("GNU Lesser General Public License" in label.text() for label in notice)


def test_choosing_a_component_shows_its_licence_file(qtbot, window):
    dialog = open_about(qtbot, window)
    names = [dialog.licence_table.item(row, 0).text() for row in range(dialog.licence_table.rowCount())]
    dialog.licence_table.setCurrentCell(names.index("openpyxl"), 0)
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()  # openpyxl's MIT licence text



def test_the_signing_librarys_licence_carries_that_of_the_libsodium_in_its_wheel(qtbot, window):
    dialog = open_about(qtbot, window)
    names = [dialog.licence_table.item(row, 0).text() for row in range(dialog.licence_table.rowCount())]
    row = names.index("PyNaCl")
    assert "Apache" in dialog.licence_table.item(row, 2).text()
    dialog.licence_table.setCurrentCell(row, 0)
    text = dialog.licence_text.toPlainText()
    assert "Apache License" in text and "ISC License" in text and "Frank Denis" in text  # libsodium's notice

def test_the_command_line_prints_the_version_and_the_licences(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out.strip() == f"plan-review {metadata.version('plan-review')}"
    assert main(["licences"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines() if line and not line.startswith("This")}
    assert lines["python-docx"] == metadata.version("python-docx")
    assert "under the GNU Lesser General Public License version 3" in out


def test_windows_carry_the_program_icon_in_every_size(window):
    application()
    sizes = window.windowIcon().availableSizes()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(sizes)
    for size in ICON_SIZES:
        assert QImage(str(icon_file(size))).size() == QSize(size, size)
    assert resource_path("icons/plan-review.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert resource_path("icons/plan-review.icns").read_bytes()[:4] == b"icns"


def test_an_installed_wheel_finds_its_resources(tmp_path):
    """resources/ is package data: a wheel carries it, and the one helper finds it where the wheel is installed."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("plan_review-*.whl")
    installed = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    shipped = {path.relative_to(REPO / "resources") for path in (REPO / "resources").rglob("*") if path.is_file()}
    found = subprocess.run(
        [sys.executable, "-I", "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from desktop.resources import resource_path; base = resource_path(''); "
         "print(base); print(*sorted(str(p.relative_to(base)) for p in base.rglob('*') if p.is_file()), sep='\\n')",
         str(installed)], check=True, capture_output=True, text=True).stdout.splitlines()
    assert Path(found[0]) == installed / "resources"
    assert {Path(line) for line in found[1:]} == shipped


def test_the_bundle_lists_python_and_the_system_libraries_it_carries(qtbot, window, tmp_path, monkeypatch):
    """build.spec writes the licences of what the bundle takes from outside Python's packages (Python, and the
    system libraries PyInstaller collects, such as the SQLite that Python's sqlite3 loads) with
    release/system_licences.py; About lists them and shows their texts."""
    import _sqlite3

    monkeypatch.syspath_prepend(str(REPO / "release"))
    from system_licences import write_notices

    ldd = subprocess.run(["ldd", _sqlite3.__file__], capture_output=True, text=True, check=True).stdout
    sqlite_library = next(line.split("=>")[1].split()[0] for line in ldd.splitlines() if "libsqlite3" in line)
    owner = subprocess.run(["dpkg-query", "--search", sqlite_library.replace("/lib/", "/usr/lib/", 1)
                            if sqlite_library.startswith("/lib/") else sqlite_library],
                           capture_output=True, text=True, check=True).stdout.split(":")[0]
    write_notices([sqlite_library], tmp_path / "licences")
    monkeypatch.setattr("desktop.licences.resource_path", lambda name: tmp_path / name)
    dialog = open_about(qtbot, window)
    table = dialog.licence_table
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert table.item(names.index("Python"), 1).text() == ".".join(map(str, sys.version_info[:3]))
    dialog.licence_table.setCurrentCell(names.index("Python"), 0)
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in dialog.licence_text.toPlainText()
    assert table.item(names.index(owner), 2).text() == "public-domain"  # Debian's copyright file for SQLite says
    dialog.licence_table.setCurrentCell(names.index(owner), 0)
    assert "D. Richard Hipp" in dialog.licence_text.toPlainText()


def test_a_licence_named_only_in_its_text_is_said_so_in_the_users_language(tmp_path, monkeypatch, capsys):
    """A bundled library whose Debian copyright file is free text (X.org's) has no licence name to show: the
    list says where to read it, in Chinese for a Chinese user."""
    monkeypatch.syspath_prepend(str(REPO / "release"))
    from system_licences import INDEX, licence_name

    free_text = "This package was downloaded from https://xorg.freedesktop.org/\n\nCopyright 1988, 1993 X Consortium\n"
    machine_readable = ("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
                        "Files: *\nCopyright: 2004 Somebody\nLicense: MIT\n\nFiles: debian/*\nLicense: GPL-2+\n")
    assert (licence_name(free_text), licence_name(machine_readable)) == ("", "MIT")
    folder = tmp_path / "licences"
    folder.mkdir()
    (folder / "libxau6.txt").write_text(free_text, encoding="utf-8")
    (folder / INDEX).write_text(json.dumps([{"name": "libxau6", "version": "1:1.0.9-1", "licence": "",
                                             "home": "", "file": "libxau6.txt", "libraries": ["libXau.so.6"]}]))
    monkeypatch.setattr("desktop.licences.resource_path", lambda name: tmp_path / name)
    monkeypatch.setenv("LANGUAGE", "")
    for language, said in (("en_US.UTF-8", "see its licence text"), ("zh_CN.UTF-8", "见许可证全文")):
        monkeypatch.setenv("LANG", language)
        assert main(["licences"]) == 0
        line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("libxau6"))
        assert line.split(maxsplit=2)[1:] == ["1:1.0.9-1", said]
