"""The architecture as a test: data flows one way, yaml -> model -> rules -> check -> report, and
site and cli sit on top. Every import in the package (module level or inside a function) must go to
the same package or to a lower layer; nothing imports sideways into another package of its layer;
module-level imports form no cycle; and no module grows past 450 lines."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "nbscheck"

LAYERS: list[tuple[str, ...]] = [
    ("nbscheck", "nbscheck.messages", "nbscheck.findings", "nbscheck.vocabulary", "nbscheck.atomic",
     "nbscheck.suggest", "nbscheck.resources"),
    ("nbscheck.yaml",),
    ("nbscheck.model",),
    ("nbscheck.lint", "nbscheck.score", "nbscheck.sheet"),
    ("nbscheck.change", "nbscheck.check.result"),
    ("nbscheck.check", "nbscheck.report"),
    ("nbscheck.site", "nbscheck.cli", "nbscheck.registry", "nbscheck.mkdocs_plugin", "nbscheck.__main__"),
]


def _name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _group(module: str) -> tuple[int, str]:
    """The layer of a module and the package it belongs to (the longest prefix listed)."""
    best = (-1, "")
    for rank, names in enumerate(LAYERS):
        for n in names:
            if (module == n or module.startswith(n + ".")) and len(n) > len(best[1]):
                best = (rank, n)
    assert best[0] >= 0, f"{module} is in no layer: add it to LAYERS"
    return best


def _imports(path: Path, module: str) -> list[tuple[str, bool, int]]:
    """(imported module, at module level?, line) for every import of a nbscheck module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    base = module.split(".") if is_pkg else module.split(".")[:-1]
    top = {id(n) for n in tree.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                stem = base[: len(base) - node.level + 1]
                target = ".".join(stem + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("nbscheck"):
                continue
            names = [target + "." + a.name for a in node.names] if not node.module or node.level and not node.module else []
            for t in names or [target]:
                t = t if (SRC.parent / (t.replace(".", "/") + ".py")).exists() or (SRC.parent / t.replace(".", "/")).is_dir() else target
                out.append((t, id(node) in top, node.lineno))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("nbscheck"):
                    out.append((a.name, id(node) in top, node.lineno))
    return out


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in SRC.rglob("*.py")}


def test_every_import_goes_down_or_stays_in_its_package():
    wrong = []
    for module, path in _modules().items():
        rank, pkg = _group(module)
        for target, _, line in _imports(path, module):
            if target == "nbscheck":
                continue
            trank, tpkg = _group(target)
            if trank > rank or (trank == rank and tpkg != pkg and 0 < rank < len(LAYERS) - 1):
                wrong.append(f"{path.relative_to(SRC)}:{line}: {module} imports {target}")
    assert wrong == []


def test_no_import_cycle_at_module_level():
    graph = {m: {t for t, top, _ in _imports(p, m) if top and t != m} for m, p in _modules().items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for t in graph.get(m, ()):
            if state.get(t) == 1:
                cycles.append(" -> ".join(stack[stack.index(t):] + [t]) if t in stack else f"{m} -> {t}")
            elif t in graph and not state.get(t):
                visit(t, stack + [t])
        state[m] = 2

    for m in graph:
        if not state.get(m):
            visit(m, [m])
    assert cycles == []



def test_no_module_over_450_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}
