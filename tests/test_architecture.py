"""The house rules of the code, checked on its imports: data flows one way, no module needs
itself back through others.

The import graph is read from the source with `ast` (every ``import`` anywhere in a module,
inside functions too): an edge goes from a module to each kg module it imports.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "kg"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The kg modules ``name`` imports (``from kg.a import b`` is kg.a.b when b is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:       # "kg.x.y" imported as a name of kg.x
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_the_import_graph_is_read_from_the_source():
    g = graph()
    assert "kg.lexicon.authority" in g["kg.resolving"]
    assert "kg.lexicon.matching" in g["kg.lexicon.authority"]
    assert "kg.extracting" in g["kg.extracting.turns"]          # from kg.extracting import extractor
    assert "kg.publishing.merged" in g["kg.publishing.dataset"]  # an import inside a function


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back_through_others():
    assert cycles(graph()) == []


def _layer(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


# What each layer may import besides itself.  Data flows one way: reading -> extracting ->
# resolving -> mapping -> validating -> publishing / querying; the lexicon and the records
# are shared by all and import no stage.
ALLOWED = {
    "kg.records": set(),
    "kg.registry": set(),
    "kg.shipped": set(),
    "kg.lexicon": set(),
    "kg.reading": {"kg.records", "kg.registry", "kg.lexicon"},
    "kg.extracting": {"kg.records", "kg.registry", "kg.lexicon", "kg.reading"},
    "kg.resolving": {"kg.records", "kg.lexicon"},
    "kg.mapping": {"kg", "kg.records", "kg.registry", "kg.lexicon", "kg.resolving", "kg.extracting"},
    "kg.validating": {"kg", "kg.mapping", "kg.shipped"},
}
# Layers no one below the command line may import.
TOP = {"kg.cli", "kg.__main__"}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_what_comes_before_it(layer):
    g = graph()
    wrong = sorted(f"{m} imports {t}" for m, targets in g.items() if _layer(m) == layer
                   for t in targets if _layer(t) != layer and _layer(t) not in ALLOWED[layer])
    assert wrong == []


def test_extractors_never_import_what_runs_after_them():
    downstream = ("kg.resolving", "kg.mapping", "kg.validating", "kg.publishing", "kg.querying",
                  "kg.pipeline", "kg.building")
    g = graph()
    wrong = sorted(f"{m} imports {t}" for m, targets in g.items() if m.startswith("kg.extracting")
                   for t in targets if t.startswith(downstream))
    assert wrong == []


def test_nothing_imports_the_command_line():
    g = graph()
    wrong = sorted(f"{m} imports {t}" for m, targets in g.items() if m not in TOP
                   for t in targets if t in TOP)
    assert wrong == []


def test_a_forbidden_import_would_be_caught(tmp_path):
    bad = tmp_path / "kg" / "extracting" / "bad.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from kg.resolving import resolve_document\nfrom . import turns\n")
    known = {"kg.resolving", "kg.extracting", "kg.extracting.turns", "kg.extracting.bad"}
    assert imports_of("kg.extracting.bad", bad, known) == {"kg.resolving", "kg.extracting.turns"}
