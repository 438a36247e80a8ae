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

The shapes and the ontology are package data (``kg.shipped``: the repository's shapes/ and
ontology/); both can be overridden with environment variables KG_SHAPES_DIR and KG_ONTOLOGY_DIR.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.validating.rules import (Result, Verdict, background_for, ontology_dir, ontology_graph,
                                 result_in_words, shapes_dir, shapes_graph, _shapes)

__all__ = ["GATES", "Result", "Verdict", "background_for", "check", "fast_program",
           "ontology_dir", "ontology_graph", "pyshacl_report", "result_in_words", "shapes_dir",
           "shapes_graph", "validate"]


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


def check(triples, words: Graph | None = None, gate: str = "fast", nquads: bytes | str | None = None,
          graph_iri: str | None = None, consume: bool = False) -> Verdict | None:
    """The build's gate over one document: ``triples`` is its graph (an rdflib Graph or any
    collection of rdflib triples), ``words`` the graph whose prefixes word the results (default:
    ``triples`` itself).  ``nquads``/``graph_iri``: the document's N-Quads when the caller has
    them already (the fast gate loads them as they are).  A document the fast gate cannot
    decide exactly as pyshacl would (see `kg.validating.compiled.Census`) goes to pyshacl.

    ``consume`` (the fast gate, ``triples`` with a ``clear()``): the caller needs ``triples`` no
    more, and the gate empties them once read, before its store is loaded.  The one case it
    cannot then hand to pyshacl, a document the store turns out unable to decide, returns None:
    the caller builds the graph again for ``gate="pyshacl"``."""
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r}: choose one of {', '.join(GATES)}")
    words = words if words is not None else triples
    if gate == "fast":
        from kg.validating.compiled import run

        consume = consume and hasattr(triples, "clear") and words is not triples
        verdict = run(fast_program(words), triples, words, nquads, graph_iri, consume)
        if verdict is not None:
            return verdict
        if consume and not len(triples):
            return None
    if isinstance(triples, Graph):
        return validate(triples)
    graph = Graph(namespace_manager=words.namespace_manager)
    for t in triples:
        graph.add(t)
    return validate(graph)
