"""The layers keep their order: data never imports exporters, desktop or Qt; exporters never import desktop or
Qt; and no module imports itself back through others (no import cycle anywhere, counting imports inside
functions and under TYPE_CHECKING)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("data", "exporters", "desktop")
QT = ("PySide6", "shiboken6")
FORBIDDEN = {"data": (*QT, "exporters", "desktop"), "exporters": (*QT, "desktop")}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> list[str]:
    """Every module the file imports, anywhere in it, relative imports made absolute."""
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]  # `from package import module`
    return names


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the modules of these packages it imports."""
    files = {module_name(path, root): path for package in packages for path in (root / package).rglob("*.py")}
    return {name: {m for m in imported_modules(path, root) if m in files and m != name} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it_or_qt(layer):
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files, f"{layer}/ has no Python files"
    offending = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in files for name in imported_modules(path)
                 if name.split(".")[0] in FORBIDDEN[layer]]
    assert offending == []


def test_no_import_cycle_anywhere():
    assert cycles(import_graph(ROOT, PACKAGES)) == []


def test_the_check_sees_a_qt_import(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n    import desktop.app\n")
    assert imported_modules(sample, tmp_path) == ["PySide6.QtCore", "PySide6.QtCore.QObject", "desktop.app"]


def test_the_check_sees_a_cycle_through_relative_and_type_checking_imports(tmp_path):
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "window.py").write_text("from .controller import Controller\n")
    (package / "controller.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                           "    from . import window\n")
    (package / "alone.py").write_text("from app import controller\n")
    assert cycles(import_graph(tmp_path, ("app",))) == [["app.controller", "app.window"]]
