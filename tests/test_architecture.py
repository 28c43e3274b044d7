"""The package's shape: no import cycle among its modules, and no stage of the pipeline reaching into a reader."""

from __future__ import annotations

import ast
from pathlib import Path

import planparse

PACKAGE = Path(planparse.__file__).parent
READERS = "planparse.read."


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports, at run time (``TYPE_CHECKING`` blocks aside), lazily or not."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            node.body = []
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    ancestors = {name.rsplit(".", k)[0] for k in range(1, name.count(".") + 1)}
    return {m for m in found if m in modules and m != name and m not in ancestors}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: _imports(path, name, set(paths)) for name, path in paths.items()}


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for nxt in sorted(graph[module]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_no_stage_imports_a_reader_s_internals():
    """Readers hand on blocks (``planparse.blocks``) through ``planparse.read``; nothing else opens them."""
    offenders = {(module, imported) for module, imports in _graph().items() if not module.startswith(READERS)
                 and module != "planparse.read" for imported in imports if imported.startswith(READERS)}
    assert not offenders


def test_the_graph_sees_the_package():
    graph = _graph()
    assert {"planparse.document", "planparse.lang.bodies", "planparse.extract.tasks"} <= set(graph)
    assert "planparse.document" in graph["planparse.extract.header"]


def test_the_public_api_names_every_model_a_user_meets():
    """Every model and enum reachable from a Plan's fields, and the pipeline's own objects, are ``planparse.X``."""
    import enum
    import typing

    from pydantic import BaseModel

    seen: set[type] = set()

    def reach(tp: object) -> None:
        for arg in typing.get_args(tp):
            reach(arg)
        if isinstance(tp, type) and tp not in seen and issubclass(tp, (BaseModel, enum.Enum)):
            seen.add(tp)
            if issubclass(tp, BaseModel):
                for field in tp.model_fields.values():
                    reach(field.annotation)

    reach(planparse.Plan)
    missing = {tp.__name__ for tp in seen if getattr(planparse, tp.__name__, None) is not tp}
    assert not missing
    assert {"Body", "Assignment", "BudgetSource", "BudgetAmount", "SourceInfo"} <= {tp.__name__ for tp in seen}
    for name in ("load_plan", "Document", "Source", "Paragraph", "Table", "Columns", "__version__"):
        assert hasattr(planparse, name)
    assert set(planparse.__all__) <= set(dir(planparse))
