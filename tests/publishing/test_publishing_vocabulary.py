"""The vocabulary's labels travel with the data: every concept the documents use is described
(type, prefLabel, scheme) in the dumps, in a graph of its own."""
from __future__ import annotations

import pyoxigraph as ox

from kg.publishing.vocabulary import VOCABULARY_GRAPH, vocabulary_nquads

SKOS = "http://www.w3.org/2004/02/skos/core#"
USED_CONCEPTS = f"""SELECT DISTINCT ?c WHERE {{ ?s ?p ?c FILTER(STRSTARTS(STR(?c), "{VOCABULARY_GRAPH}"))
    FILTER(?p NOT IN (<{SKOS}inScheme>, <{SKOS}topConceptOf>, <{SKOS}broader>,
                      <{SKOS}hasTopConcept>, <{SKOS}narrower>)) }}"""


def merged(path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def test_every_concept_the_seed_uses_has_its_label_and_scheme_in_kg_ttl(seed_out) -> None:
    store = merged(seed_out / "kg.ttl")
    used = [s["c"] for s in store.query(USED_CONCEPTS)]
    assert len(used) >= 8      # genre, classification, caveat, statuses, review kinds, edits ...
    for concept in used:
        labels = list(store.quads_for_pattern(concept, ox.NamedNode(f"{SKOS}prefLabel"), None))
        schemes = list(store.quads_for_pattern(concept, ox.NamedNode(f"{SKOS}inScheme"), None))
        assert labels and schemes, f"{concept} has no label or scheme in kg.ttl"


def test_a_status_reads_as_its_label(seed_out) -> None:
    store = merged(seed_out / "kg.ttl")
    query = f"""SELECT DISTINCT ?label WHERE {{
        ?p <https://w3id.org/declass-kg/ontology#responseStatus> ?s . ?s <{SKOS}prefLabel> ?label }}"""
    labels = {s["label"].value for s in store.query(query)}
    assert "countered" in labels


def test_the_vocabulary_is_one_named_graph_of_kg_nq_and_byte_stable(seed_out) -> None:
    vocabulary = vocabulary_nquads()
    assert vocabulary == vocabulary_nquads()
    assert vocabulary in (seed_out / "kg.nq").read_bytes()
    graphs = {q.graph_name.value for q in ox.parse(vocabulary, format=ox.RdfFormat.N_QUADS)}
    assert graphs == {VOCABULARY_GRAPH}
