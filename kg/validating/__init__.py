"""Validating: the SHACL gate every document graph passes before it is published.

`validate(graph)` runs the shapes in shapes/*.ttl (with the ontology and its SKOS schemes in
ontology/*.ttl as background knowledge) over one document graph with pyshacl and returns a
`Verdict`: whether the graph conforms, and each result in words — which node, which shape,
which property, what is wrong.  Violations block publication; warnings and infos are
published with the data as a report.  pyshacl is the reference: `kg validate` uses it.

`check(triples, words, gate=...)` is the build's gate.  ``gate="fast"`` (the default) runs the
same shapes compiled to SPARQL in pyoxigraph (`kg.validating.compiled`), which gives the same
verdict in the same words (tests/validating/test_fast_gate.py proves it on every fixture and
on a mutation of every constraint) many times faster; ``gate="pyshacl"`` runs `validate`.

The shapes and the ontology are found beside the package (the repository layout); both can
be overridden with environment variables KG_SHAPES_DIR and KG_ONTOLOGY_DIR.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, URIRef
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
    engine: str = "pyshacl"       # which gate decided: pyshacl | fast

    @property
    def violations(self) -> list[Result]:
        return [r for r in self.results if r.severity == "Violation"]

    @classmethod
    def of(cls, results: list[Result], engine: str = "pyshacl") -> "Verdict":
        """The verdict of these results: conforming when none is a violation (sorted, so the
        report is the same whatever order the engine found them in)."""
        results = sorted(results, key=lambda x: (x.severity, x.focus, x.shape, x.path or "",
                                                 x.message, x.value or ""))
        return cls(conforms=not any(x.severity == "Violation" for x in results), results=results,
                   engine=engine)


def _short(term, g: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


def _path_words(path, g: Graph, shapes: Graph) -> str:
    """A result's path: a property as ``prefix:name``; a path of the shapes graph (a blank node)
    in SPARQL's property-path syntax, ``dk:fieldName/skos:inScheme`` or ``^cito:hasCitedEntity``."""
    if path is None:
        return ""
    if not isinstance(path, BNode):
        return _short(path, g)
    if (path, RDF.first, None) in shapes:
        return "/".join(_path_words(p, g, shapes) for p in shapes.items(path))
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_words(inverse, g, shapes)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_words(p, g, shapes) for p in shapes.items(alternatives)) + ")"
    return str(path)


def result_in_words(severity: str, focus, shape, path, value, message, data: Graph,
                    shapes: Graph) -> Result:
    """One validation result, its nodes worded with the data graph's prefixes (both gates)."""
    return Result(severity=severity, focus=_short(focus, data), shape=_shape_name(shape, shapes),
                  path=_path_words(path, data, shapes) or None, value=_short(value, data) or None,
                  message=str(message) if message else "does not conform")


def _shape_name(shape, shapes: Graph) -> str:
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


def _shape_terms(shapes: Graph) -> set:
    """The predicates pyshacl can read in the data graph under these shapes: every IRI the shapes
    name (paths, classes ...), rdf:type and rdfs:subClassOf (class targets and sh:class), and
    every IRI whose local name a SHACL-SPARQL query mentions (a generous over-estimate)."""
    terms = {RDF.type, RDFS.subClassOf}
    terms.update(n for t in shapes for n in t if isinstance(n, URIRef))
    queries = " ".join(str(o) for p in (SH.select, SH.ask) for o in shapes.objects(None, p))
    words = set(re.findall(r"[A-Za-z_][\w.-]*", queries))
    terms.update(p for p in set(_ontology(str(ontology_dir())).predicates())
                 if re.split(r"[#/:]", str(p))[-1] in words)
    return terms


@lru_cache(maxsize=4)
def _background_index(folder: str, shapes_folder: str) -> dict:
    """The ontology's triples the shapes can read, by subject (looked up per document)."""
    readable = _shape_terms(_shapes(shapes_folder))
    index: dict = {}
    for triple in _ontology(folder):
        if triple[1] in readable:
            index.setdefault(triple[0], []).append(triple)
    return index


def background_for(graph) -> list:
    """The part of the ontology the shapes can reach from this document graph.

    The shapes consult the ontology only by following triples forward from the document's own
    nodes: ``rdf:type``/``rdfs:subClassOf*`` for ``sh:class`` and class targets, ``skos:inScheme``
    of a concept the document names; and only triples whose predicate pyshacl can read under
    these shapes (`_shape_terms`) matter.  The ontology has no triple with a predicate the shapes
    target or walk backwards (``sh:targetSubjectsOf``/``sh:targetObjectsOf``, ``sh:inversePath``,
    the SHACL-SPARQL patterns) and no instance of a targeted class, so it yields no focus node of
    its own (tests/validating/test_background.py checks these premises).  Hence the ontology
    triples reachable forward from the document's subjects and objects (a predicate is never a
    focus or value node unless it also stands as one of those) are all the background a verdict
    can depend on: the same verdict as with the whole ontology, for a few dozen triples added
    instead of ~1,800 copied.  A shape that walked into the ontology backwards would need this
    revisited.
    """
    index = _background_index(str(ontology_dir()), str(shapes_dir()))
    seen: set = set()
    nodes = graph.all_nodes() if isinstance(graph, Graph) else \
        {n for s, _p, o in graph for n in (s, o)}
    stack = [n for n in nodes if n in index]
    found = []
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        for triple in index.get(node, ()):
            found.append(triple)
            if triple[2] in index:
                stack.append(triple[2])
    return found


@lru_cache(maxsize=256)
def _prepared(query: str, namespaces: tuple):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query, initNs=dict(namespaces))


class _ValidationView(Graph):
    """The document graph as pyshacl sees it: the same store, but the SHACL-SPARQL constraint
    queries (the same few texts for every document) are parsed once, not on every call.

    ``Graph.query`` parses a string with the graph's namespace bindings as initial prefixes;
    the cache key holds those bindings, so a prepared query means exactly what the text would.
    """

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and processor == "sparql" and not kwargs.get("base"):
            ns = tuple(sorted((str(k), str(v)) for k, v in (initNs or dict(self.namespaces())).items()))
            query_object = _prepared(query_object, ns)
        return super().query(query_object, processor, result, initNs, initBindings,
                             use_store_provided, **kwargs)


def validate(graph: Graph) -> Verdict:
    """Run the project's shapes over one document graph."""
    shapes = shapes_graph()
    report = pyshacl_report(graph)
    results = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        sev = report.value(r, SH.resultSeverity)
        results.append(result_in_words(
            str(sev).rsplit("#", 1)[-1] if sev else "Violation", report.value(r, SH.focusNode),
            report.value(r, SH.sourceShape), report.value(r, SH.resultPath),
            report.value(r, SH.value), report.value(r, SH.resultMessage), graph, shapes))
    return Verdict.of(results)


def pyshacl_report(graph: Graph, **options) -> Graph:
    """pyshacl's validation report graph for one document graph, the ontology background
    included (``options``: more pyshacl options, e.g. ``focus_nodes``, ``use_shapes``)."""
    import pyshacl

    shapes = shapes_graph()
    # The ontology (SKOS schemes, class declarations) is background knowledge the shapes refer
    # to: the part they can reach (see `background_for`) is added to the document graph for the
    # run and taken out again (only the triples that were not in it already), so the graph is
    # left as it was without copying it.  pyshacl works in place on a view of the same store.
    if type(graph) is Graph:
        added = [t for t in background_for(graph) if t not in graph]
        data = _ValidationView(store=graph.store, identifier=graph.identifier,
                               namespace_manager=graph.namespace_manager)
    else:     # some other kind of graph: validate a copy with the background
        added = []
        data = _ValidationView()
        for prefix, ns in graph.namespaces():
            data.bind(prefix, ns)
        for t in graph.triples((None, None, None)):
            data.add(t)
        for t in background_for(graph):
            data.add(t)
    for t in added:
        graph.add(t)
    try:
        _conforms, report, _text = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", inplace=True,
            advanced=True, allow_warnings=True, abort_on_first=False, **options)
    finally:
        for t in added:
            graph.remove(t)
    return report


GATES = ("fast", "pyshacl")


@lru_cache(maxsize=4)
def _program(shapes_folder: str, namespaces: tuple):
    from kg.validating.compiled import Compiler

    return Compiler(_shapes(shapes_folder), dict(namespaces)).compile()


def fast_program(words: Graph):
    """The shapes compiled for the fast gate (once per process and shapes folder)."""
    return _program(str(shapes_dir()), tuple(sorted((str(p), str(n)) for p, n in words.namespaces())))


def check(triples, words: Graph | None = None, gate: str = "fast", nquads: str | None = None,
          graph_iri: str | None = None) -> Verdict:
    """The build's gate over one document: ``triples`` is its graph (an rdflib Graph or any
    collection of rdflib triples), ``words`` the graph whose prefixes word the results (default:
    ``triples`` itself).  ``nquads``/``graph_iri``: the document's N-Quads when the caller has
    them already (the fast gate loads them as they are).  A document the fast gate cannot
    decide exactly as pyshacl would (see `kg.validating.compiled.Census`) goes to pyshacl."""
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r}: choose one of {', '.join(GATES)}")
    words = words if words is not None else triples
    if gate == "fast":
        from kg.validating.compiled import run

        verdict = run(fast_program(words), triples, words, nquads, graph_iri)
        if verdict is not None:
            return verdict
    if isinstance(triples, Graph):
        return validate(triples)
    graph = Graph(namespace_manager=words.namespace_manager)
    for t in triples:
        graph.add(t)
    return validate(graph)
