"""Validating: the SHACL gate every document graph passes before it is published.

`validate(graph)` runs the shapes in shapes/*.ttl (with the ontology and its SKOS schemes in
ontology/*.ttl as background knowledge) over one document graph with pyshacl and returns a
`Verdict`: whether the graph conforms, and each result in words — which node, which shape,
which property, what is wrong.  Violations block publication; warnings and infos are
published with the data as a report.

The shapes and the ontology are found beside the package (the repository layout); both can
be overridden with environment variables KG_SHAPES_DIR and KG_ONTOLOGY_DIR.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

REPO_ROOT = Path(__file__).resolve().parents[2]


def shapes_dir() -> Path:
    return Path(os.environ.get("KG_SHAPES_DIR") or REPO_ROOT / "shapes")


def ontology_dir() -> Path:
    return Path(os.environ.get("KG_ONTOLOGY_DIR") or REPO_ROOT / "ontology")


def _load_dir(folder: Path) -> Graph:
    g = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no Turtle files in {folder}; is the project checked out whole?")
    for path in files:
        g.parse(path, format="turtle")
    return g


@lru_cache(maxsize=4)
def _shapes(folder: str) -> Graph:
    return _load_dir(Path(folder))


@lru_cache(maxsize=4)
def _ontology(folder: str) -> Graph:
    return _load_dir(Path(folder))


def shapes_graph() -> Graph:
    return _shapes(str(shapes_dir()))


def ontology_graph() -> Graph:
    return _ontology(str(ontology_dir()))


@dataclass(frozen=True)
class Result:
    severity: str          # Violation | Warning | Info
    focus: str
    shape: str
    path: str | None
    value: str | None
    message: str

    def words(self) -> str:
        where = f" ({self.path})" if self.path else ""
        value = f"; value {self.value}" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message} [shape {self.shape}{value}]"


@dataclass
class Verdict:
    conforms: bool
    results: list[Result] = field(default_factory=list)

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]


def _short(term, g: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


def _shape_name(shape, shapes: Graph, report: Graph) -> str:
    """A property shape is a blank node: name it by its parent node shape."""
    if isinstance(shape, URIRef):
        return _short(shape, shapes)
    parent = next(iter(shapes.subjects(SH.property, shape)), None)
    if parent is None:
        parent = next(iter(shapes.subjects(SH.sparql, shape)), None)
    label = next(iter(shapes.objects(parent, RDFS.label)), None) if parent is not None else None
    if parent is not None:
        return f"{_short(parent, shapes)}" + (f" ({label})" if label else "")
    return "an unnamed shape"


def validate(graph: Graph) -> Verdict:
    """Run the project's shapes over one document graph."""
    import pyshacl

    shapes = shapes_graph()
    # The ontology (SKOS schemes, class declarations) is background knowledge the shapes
    # refer to; it is added to a copy of the data so the document graph stays as it was.
    data = graph + ontology_graph()
    # `data` is already our own throw-away copy: inplace=True spares pyshacl a second clone
    # of it (about a quarter of the validation time of a typical document).
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", inplace=True,
        advanced=True, allow_warnings=True, abort_on_first=False)
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        sev = report.value(r, SH.resultSeverity)
        shape = report.value(r, SH.sourceShape)
        msg = report.value(r, SH.resultMessage)
        results.append(Result(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=_short(report.value(r, SH.focusNode), graph),
            shape=_shape_name(shape, shapes, report),
            path=_short(report.value(r, SH.resultPath), graph) or None,
            value=_short(report.value(r, SH.value), graph) or None,
            message=str(msg) if msg else "does not conform"))
    results.sort(key=lambda x: (x.severity, x.focus, x.shape, x.path or "", x.message))
    return Verdict(conforms=bool(conforms) and not any(x.severity == "Violation" for x in results),
                   results=results)
