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


def test_peewee_only_in_db_and_services():
    offenders = [_rel(p) for p in MODULES if _imports(p) & {"peewee", "playhouse"}
                 and not _rel(p).startswith(("frontdesk/db/", "frontdesk/services/"))]
    assert offenders == []


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
