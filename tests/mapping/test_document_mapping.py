"""Mapping the document-level records: IRIs are deterministic and evidence is exact."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.mapping import to_graph
from kg.mapping.core import DK, OA, RICO
from kg.pipeline import nquads_of, process_file
from kg.resolving import resolve_document

DOC = URIRef("https://w3id.org/declass-kg/id/doc/000_518769ec419a4fc7")


def test_the_document_is_a_record_with_its_genre_date_and_classification(seed_graph):
    g = seed_graph
    assert (DOC, RDF.type, RICO.Record) in g
    assert str(g.value(DOC, URIRef("http://purl.org/dc/terms/created"))) == "1962-11-06"
    assert g.value(DOC, RICO.hasDocumentaryFormType).endswith("/form/memorandum-of-conversation")
    assert g.value(DOC, DK.securityClassification).endswith("/classification/secret")


def test_participants_carry_their_delegation(seed_graph):
    g = seed_graph
    sides = {}
    for assoc in g.subjects(RDF.type, DK.Participation):
        person = g.value(assoc, PROV.agent)
        sides[str(g.value(person, RDFS.label))] = str(g.value(g.value(assoc, DK.delegation), RDFS.label))
    assert sides["Adlai E. Stevenson"] == "US"
    assert sides["Roswell L. Gilpatric"] == "US"       # printed "Gilpatrick"
    assert sides["Vasily V. Kuznetsov"] == "USSR"
    assert len(sides) == 8


def test_every_selector_quotes_the_source_exactly(seed_graph, seed_transcript):
    raw = seed_transcript.raw
    n = 0
    for sel in seed_graph.subjects(RDF.type, OA.TextPositionSelector):
        start, end = int(seed_graph.value(sel, OA.start)), int(seed_graph.value(sel, OA.end))
        assert raw[start:end] == str(seed_graph.value(sel, OA.exact))
        n += 1
    assert n > 300


def test_the_same_input_gives_the_same_iris_and_bytes(seed_path):
    a = process_file(seed_path)
    b = process_file(seed_path)
    assert a.published and a.nquads == b.nquads


def test_the_base_iri_is_configurable(seed_records):
    g = to_graph(seed_records, resolve_document(seed_records), base="http://example.org/kg/")
    assert (URIRef("http://example.org/kg/doc/000_518769ec419a4fc7"), RDF.type, RICO.Record) in g
    assert not any(str(s).startswith("https://w3id.org/declass-kg/id/") for s in g.subjects())


def test_nquads_put_every_statement_in_the_documents_graph(seed_graph):
    text = nquads_of(seed_graph, "https://example.org/graph/seed")
    lines = text.splitlines()
    assert len(lines) == len(seed_graph)
    assert all(line.endswith(" <https://example.org/graph/seed> .") for line in lines)
    assert lines == sorted(lines)


def test_the_document_is_derived_from_its_source_file_never_from_itself(seed_graph):
    """Its header's evidence anchors the document to its characters; prov:wasDerivedFrom is for
    the items read out of it (the seed's own header made it derive from itself)."""
    g = seed_graph
    assert (DOC, DK.hasEvidence, None) in g
    assert set(g.objects(DOC, PROV.wasDerivedFrom)) == {g.value(DOC, DK.sourceFile)}
    assert not [s for s, o in g.subject_objects(PROV.wasDerivedFrom) if s == o]
