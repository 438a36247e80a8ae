"""The project's SKOS vocabulary as data, published beside the documents.

The documents point at concepts (``vocab:response-status/countered``,
``vocab:classification/secret``, ``vocab:form/memorandum-of-conversation`` ...) whose labels
live in ``ontology/*.ttl``.  Without them in the dumps and the store, a query for a status's
label returns nothing and pages show bare IRIs.  ``vocabulary_triples`` yields the description of
every concept scheme and concept of the ``vocab:`` namespace (type, ``skos:prefLabel``,
``skos:inScheme``, notation, definition, broader and matches, as the ontology states them);
``vocabulary_nquads`` puts them in their own named graph, ``VOCABULARY_GRAPH`` (the
vocabulary's namespace IRI), so no document graph is touched and a query can still tell the
vocabulary from what a document says.

What it does not do: decide where the graph is written (``kg.publishing.publish`` does) or
describe the OWL classes and properties (the ontology file itself is the place for those).
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.mapping.core import VOCAB

VOCABULARY_GRAPH = str(VOCAB)


def vocabulary_triples(ontology: Graph | None = None) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple of the ontology about a concept scheme or concept of the vocabulary."""
    if ontology is None:
        from kg.validating import ontology_graph
        ontology = ontology_graph()
    for s, p, o in ontology:
        if isinstance(s, URIRef) and str(s).startswith(VOCABULARY_GRAPH):
            yield s, p, o


def vocabulary_nquads(ontology: Graph | None = None) -> bytes:
    """The vocabulary as sorted N-Quads in ``VOCABULARY_GRAPH`` (byte-stable)."""
    from kg.mapping.core import new_graph
    from kg.pipeline import nquads_of

    graph = new_graph()
    for triple in vocabulary_triples(ontology):
        graph.add(triple)
    return nquads_of(graph, VOCABULARY_GRAPH).encode("utf-8")
