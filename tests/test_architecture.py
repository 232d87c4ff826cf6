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


def _callers_of(*names: str) -> list[str]:
    """Modules (relative to the package) that call any of these methods on ``repository``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in names
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "repository"
            ):
                found.append(str(path.relative_to(PACKAGE)))
    return sorted(set(found))


def test_a_cover_changes_only_where_its_event_is_written():
    """Every write to a cover goes through ``covers/changes.py`` (to a claim, through
    ``claims/changes.py``), which emits the event in the same transaction: a change without its
    event cannot be written elsewhere."""
    assert _callers_of("move", "raise_refunded") == ["claims/changes.py", "covers/changes.py"]
    service = (PACKAGE / "covers" / "service.py").read_text(encoding="utf-8")
    assert "session.add(cover)" in service
    assert "await changes.created(session, cover)" in service
