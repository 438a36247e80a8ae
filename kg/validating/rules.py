"""The rules a document is checked under and what a check says, shared by both gates.

The shapes (shapes/*.ttl) and the ontology (ontology/*.ttl), package data found by `kg.shipped`
(or in KG_SHAPES_DIR / KG_ONTOLOGY_DIR) and parsed once per process; the part of the ontology a
document's check can reach (`background_for`); and a result in words (`Result`,
`result_in_words`) and the `Verdict` of a document, the same whichever gate reached it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg import shipped


def shapes_dir() -> Path:
    return Path(os.environ.get("KG_SHAPES_DIR") or shipped.shapes_dir())


def ontology_dir() -> Path:
    return Path(os.environ.get("KG_ONTOLOGY_DIR") or shipped.ontology_dir())


def _load_dir(folder: Path) -> Graph:
    """Every Turtle file of ``folder`` in one rdflib graph, with the prefixes they declare.

    pyoxigraph parses (rdflib's Turtle parser took a tenth of a second of every build for the
    shapes and the ontology, pyoxigraph a few milliseconds); the statements become rdflib terms,
    since both gates read the rules as an rdflib graph.  Same graph as ``Graph.parse`` gives
    (up to blank node labels), the same prefixes: tests/validating/test_rule_files.py."""
    import pyoxigraph as ox

    g = Graph()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no Turtle files in {folder}; install declass-kg again, or point "
                                f"KG_SHAPES_DIR / KG_ONTOLOGY_DIR at a folder of Turtle files")
    for path in files:
        blank: dict[str, BNode] = {}       # a file's blank nodes are its own
        term = partial(_rdflib_term, blank=blank)
        try:
            statements = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
            g.addN((term(q.subject), term(q.predicate), term(q.object), g) for q in statements)
        except SyntaxError as exc:
            raise SyntaxError(f"{path}: not valid Turtle: {exc}") from None
        for prefix, namespace in statements.prefixes.items():
            g.bind(prefix, namespace)
    return g


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(node, blank: dict):
    import pyoxigraph as ox

    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return blank.setdefault(node.value, BNode())
    if node.language:
        return Literal(node.value, lang=node.language)
    datatype = node.datatype.value
    return Literal(node.value) if datatype == _XSD_STRING else Literal(node.value, datatype=URIRef(datatype))


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
    index = background_index()
    # (a literal is never the subject of an ontology triple: only subjects and the objects that
    # are not literals are looked up, and no literal is hashed, a Python call in rdflib)
    nodes = graph.all_nodes() if isinstance(graph, Graph) else \
        {s for s, _p, _o in graph}.union([o for _s, _p, o in graph if type(o) is not Literal])
    return reachable(index, [n for n in nodes if n in index])


def background_index() -> dict:
    """The ontology's triples the shapes can read, by subject (see `background_for`)."""
    return _background_index(str(ontology_dir()), str(shapes_dir()))


def reachable(index: dict, stack: list) -> list:
    """The triples of ``index`` reachable forward from the nodes of ``stack`` (keys of ``index``,
    repeats allowed): each node's triples once, whatever order the nodes come in."""
    seen: set = set()
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
