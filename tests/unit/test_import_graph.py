"""House rule: no import circle among frontdesk's modules, neither at module level (the imports that run at
import) nor counting the imports inside functions (a circle deferred into a function is still a circle)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "frontdesk"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(current: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the frontdesk modules it imports at module level (not inside functions)."""
    paths = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets: set[str] = set()
        body = list(tree.body)
        while body:
            node = body.pop(0)
            if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports never run
                test = ast.unparse(node.test)
                if "TYPE_CHECKING" not in test:
                    body.extend(node.body + node.orelse)
                continue
            if isinstance(node, ast.Try):
                body.extend(node.body)
                continue
            if isinstance(node, ast.Import):
                targets |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, path.name == "__init__.py", node)
                targets.add(base)
                targets |= {f"{base}.{a.name}" for a in node.names}
        graph[name] = {t for t in targets if t in paths and t != name}
    return graph


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, inside functions too (``if TYPE_CHECKING:`` blocks never run)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def full_import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the frontdesk modules it imports anywhere (module level or inside a function)."""
    paths = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets: set[str] = set()
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {a.name for a in node.names}
            else:
                base = _resolve(name, path.name == "__init__.py", node)
                targets.add(base)
                targets |= {f"{base}.{a.name}" for a in node.names}
        graph[name] = {t for t in targets if t in paths and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle():
    # a package importing its own submodules in __init__ is not a circle unless a submodule imports it back
    assert cycles(import_graph()) == []


def test_no_import_circle_through_a_function_level_import():
    # a function-level import hides a circle from the import machinery, not from the design
    assert cycles(full_import_graph()) == []


def test_the_rule_finds_a_circle(tmp_path):
    pkg = tmp_path / "frontdesk"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""x."""\n', encoding="utf-8")
    (pkg / "a" / "__init__.py").write_text('"""x."""\n', encoding="utf-8")
    (pkg / "a" / "one.py").write_text("from frontdesk.a import two\n", encoding="utf-8")
    (pkg / "a" / "two.py").write_text("from . import one\n\ndef f():\n    from frontdesk import a\n", encoding="utf-8")
    assert cycles(import_graph(pkg)) == [["frontdesk.a.one", "frontdesk.a.two"]]
    assert cycles(full_import_graph(pkg)) == [["frontdesk.a.one", "frontdesk.a.two"]]
    guarded = pkg / "a" / "three.py"
    guarded.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from frontdesk.a import four\n",
                       encoding="utf-8")
    (pkg / "a" / "four.py").write_text("def f():\n    from frontdesk.a import three\n", encoding="utf-8")
    assert ["frontdesk.a.four", "frontdesk.a.three"] not in cycles(full_import_graph(pkg))
