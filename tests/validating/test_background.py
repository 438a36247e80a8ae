"""The gate adds only the part of the ontology the shapes can reach from a document: the verdict
must be the one the whole ontology as background gives, and the document graph must be left as
it was (the background is added for the run and taken out again)."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

import kg.validating as validating
from kg.mapping.core import DK, RICO, VOCAB
from kg.validating import ontology_graph, validate


def _words(verdict):
    return verdict.conforms, [r.words() for r in verdict.results]


def _with_whole_ontology(graph, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(validating, "background_for", lambda g: list(ontology_graph()))
        return validate(graph)


def _doc(g):
    return next(iter(g.subjects(DK.sourceFile, None)))


BREAKS = {
    "as built": lambda g: None,
    # a genre from another scheme: the verdict depends on the ontology's skos:inScheme
    "genre outside the form scheme": lambda g: g.set(
        (_doc(g), RICO.hasDocumentaryFormType, VOCAB["classification/secret"])),
    # the document asserts an ontology triple itself: it must survive the run
    "document repeats an ontology triple": lambda g: g.add(
        (VOCAB["classification/secret"], SKOS.inScheme, VOCAB["form"])),
    "document no longer a record": lambda g: g.remove((_doc(g), RDF.type, None)),
    "date not a date": lambda g: g.set((_doc(g), DK.securityClassification, Literal("SECRET"))),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_verdict_is_the_one_the_whole_ontology_gives(seed_records, name, monkeypatch):
    from kg.mapping import to_graph
    from kg.resolving import resolve_document

    graph = to_graph(seed_records, resolve_document(seed_records))
    BREAKS[name](graph)
    before = set(graph)
    assert _words(validate(graph)) == _words(_with_whole_ontology(graph, monkeypatch))
    assert set(graph) == before


def test_the_background_is_part_of_the_ontology_and_small(seed_graph):
    background = validating.background_for(seed_graph)
    ontology = ontology_graph()
    assert background and all(t in ontology for t in background)
    assert len(background) < len(ontology) / 4


def test_the_background_of_the_triples_is_the_background_of_their_graph(seed_graph):
    # the build hands the gate a collection of triples (its nodes gathered without literals);
    # an rdflib Graph gives all its nodes: the same background either way
    triples = list(seed_graph)
    assert sorted(validating.background_for(triples)) == sorted(validating.background_for(seed_graph))
    assert validating.background_for([]) == []


def test_another_kind_of_graph_is_validated_on_a_copy_with_the_same_verdict(seed_graph):
    class Other(Graph):
        pass

    other = Other()
    for t in seed_graph:
        other.add(t)
    other.set((_doc(other), RICO.hasDocumentaryFormType, VOCAB["classification/secret"]))
    before = set(other)
    verdict = validate(other)
    assert not verdict.conforms and any("FormConcept" in r.shape for r in verdict.violations)
    assert set(other) == before


def test_the_ontology_gives_no_focus_node_of_its_own():
    """The premises of `background_for`: nothing in the ontology is targeted or walked backwards."""
    from rdflib.namespace import RDFS, SH

    from kg.validating import shapes_graph

    shapes, ontology = shapes_graph(), ontology_graph()
    backwards = set(shapes.objects(None, SH.targetSubjectsOf)) | set(shapes.objects(None, SH.targetObjectsOf)) \
        | set(shapes.objects(None, SH.inversePath))
    assert not backwards & set(ontology.predicates())
    targeted = set(shapes.objects(None, SH.targetClass))
    targeted |= {s for c in list(targeted) for s in ontology.transitive_subjects(RDFS.subClassOf, c)}
    assert not targeted & set(ontology.objects(None, RDF.type))
    queries = " ".join(str(q) for q in shapes.objects(None, SH.select))
    assert not any(p.split("#")[-1].split("/")[-1] in queries for p in set(ontology.predicates())
                   if p not in (RDF.type, RDFS.label))
