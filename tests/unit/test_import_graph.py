"""House rule: no import circle among frontdesk's modules (imports at module level, the ones that run at import)."""

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


def test_the_rule_finds_a_circle(tmp_path):
    pkg = tmp_path / "frontdesk"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""x."""\n', encoding="utf-8")
    (pkg / "a" / "__init__.py").write_text('"""x."""\n', encoding="utf-8")
    (pkg / "a" / "one.py").write_text("from frontdesk.a import two\n", encoding="utf-8")
    (pkg / "a" / "two.py").write_text("from . import one\n\ndef f():\n    from frontdesk import a\n", encoding="utf-8")
    assert cycles(import_graph(pkg)) == [["frontdesk.a.one", "frontdesk.a.two"]]
