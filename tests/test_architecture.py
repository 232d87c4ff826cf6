"""Rules of the code's shape that a reader relies on: a controller never commits (the request,
or a service around an external call, owns the transaction), and a controller never writes
SQL of its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "marketplace"
CONTROLLERS = sorted(PACKAGE.rglob("controllers.py"))


def _calls(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.func.attr, node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    ]


def test_there_are_controllers_to_check():
    assert len(CONTROLLERS) >= 6


def test_no_controller_commits_or_rolls_back():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line} .{name}()"
        for path in CONTROLLERS
        for name, line in _calls(path)
        if name in ("commit", "rollback", "begin", "begin_nested")
    ]
    assert found == []


def test_no_controller_runs_a_query():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line} .{name}()"
        for path in CONTROLLERS
        for name, line in _calls(path)
        if name in ("execute", "scalar", "scalars", "add", "delete", "flush")
    ]
    assert found == []
