"""The core and the exporters never import Qt or the desktop package."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "desktop")


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("layer", ["data", "exporters"])
def test_layer_never_imports_qt_or_desktop(layer):
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files, f"{layer}/ has no Python files"
    offending = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in files for name in imported_modules(path)
                 if name.split(".")[0] in FORBIDDEN]
    assert offending == []


def test_the_check_sees_a_qt_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n    import desktop.app\n")
    assert imported_modules(sample) == ["PySide6.QtCore", "desktop.app"]
