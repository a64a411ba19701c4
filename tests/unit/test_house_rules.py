"""House rules checked on the source: layers, module docstrings, no shadowed Qt methods."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "frontdesk"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_qt_only_in_ui_and_app_entry():
    offenders = [_rel(p) for p in MODULES
                 if "PySide6" in _imports(p) and not _rel(p).startswith(("frontdesk/ui/", "frontdesk/app.py"))]
    assert offenders == []


def _frontdesk_imports(path: Path) -> set[str]:
    """Every frontdesk module ``path`` imports, at module level or in a function (``from a import b`` gives both)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {n for n in names if n.split(".")[0] == "frontdesk"}


def test_peewee_only_in_db_services_and_demo():
    """The demo generators are a bulk writer beside the services: they may use the models and db/bulk.py."""
    offenders = [_rel(p) for p in MODULES if _imports(p) & {"peewee", "playhouse"}
                 and not _rel(p).startswith(("frontdesk/db/", "frontdesk/services/", "frontdesk/demo/"))]
    assert offenders == []


def test_the_ui_reaches_the_database_only_through_services():
    """No module of frontdesk/ui imports frontdesk.db (models included), not even inside a function: the
    screenshots tool once read Staff directly, which the peewee-only rule above could not see."""
    offenders = [_rel(p) for p in MODULES if _rel(p).startswith("frontdesk/ui/")
                 and any(n == "frontdesk.db" or n.startswith("frontdesk.db.") for n in _frontdesk_imports(p))]
    assert offenders == []


def test_demo_data_is_started_only_by_the_command_line_and_the_screenshots():
    """Nothing below builds on the demo package, and the window never fills a real site with it."""
    allowed = ("frontdesk/demo/", "frontdesk/cli.py", "frontdesk/ui/screenshots.py")
    users = [_rel(p) for p in MODULES if any(n == "frontdesk.demo" or n.startswith("frontdesk.demo.")
                                              for n in _frontdesk_imports(p))]
    assert users and [u for u in users if not u.startswith(allowed)] == []


def test_demo_generators_are_listed_not_registered_at_import():
    demo = sorted((PACKAGE / "demo").glob("*.py"))
    offenders = [_rel(p) for p in demo if re.search(r"\bimportlib\b|\bregister\(", p.read_text(encoding="utf-8"))]
    assert demo and offenders == []


def test_domain_is_pure():
    offenders = [_rel(p) for p in MODULES if _rel(p).startswith("frontdesk/domain/")
                 and _imports(p) & {"PySide6", "peewee", "openpyxl"}]
    assert offenders == []


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_every_module_has_a_docstring(path):
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{_rel(path)} has no docstring"


def test_no_widget_attribute_shadows_a_qt_method():
    """``self.result = QLineEdit()`` on a QDialog hides QDialog.result(): exec() callers then break."""
    methods = "result|exec|accept|reject|done|open|show|hide|close|update|size|resize|move|layout|font|parent"
    shadowing = re.compile(rf"self\.({methods})\s*=")
    offenders = [f"{_rel(p)}:{n}" for p in MODULES if _rel(p).startswith("frontdesk/ui/")
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if shadowing.search(line)]
    assert offenders == []
