"""Each shape of shapes/persons.ttl, with a graph that fails it."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "resolving")]

import pytest  # noqa: E402
from rdflib import Literal, URIRef  # noqa: E402
from rdflib.namespace import RDF  # noqa: E402

from kg.mapping import to_graph  # noqa: E402
from kg.mapping.core import CITO, DK, SCHEMA  # noqa: E402
from kg.resolving import resolve_document  # noqa: E402
from kg.validating import validate  # noqa: E402
from memos import memo  # noqa: E402

BODY = ("Mr. Kuznetsov said that the President's letter to Mr. Khrushchev of October 27 stated "
        "\"the first thing that needs to be done\" and that the Kennedy-Khrushchev agreement "
        "was clear.")


@pytest.fixture(scope="module")
def graph():
    _, records = memo("November 6, 1962", BODY)
    g = to_graph(records, resolve_document(records))
    verdict = validate(g)
    assert verdict.conforms, [r.words() for r in verdict.violations]
    return g


def one(g, kind):
    return sorted(g.subjects(RDF.type, kind))[0]


def failing(g, shape: str) -> list[str]:
    return [r.words() for r in validate(g).violations if shape in r.shape]


def test_the_mapped_memo_has_mentions_citations_and_quotations(graph):
    assert len(list(graph.subjects(RDF.type, DK.PersonMention))) >= 4
    assert len(list(graph.subjects(RDF.type, CITO.Citation))) == 2
    assert len(list(graph.subjects(RDF.type, DK.Quotation))) == 1


def test_a_mention_without_a_person_fails(graph):
    g = graph + graph.__class__()
    m = one(g, DK.PersonMention)
    g.remove((m, DK.mentionOf, None))
    assert failing(g, "PersonMentionShape")


def test_a_mention_with_two_surfaces_fails(graph):
    g = graph + graph.__class__()
    g.add((one(g, DK.PersonMention), DK.surface, Literal("Kusnetsov")))
    assert failing(g, "PersonMentionShape")


def test_a_mentioned_person_with_two_names_fails(graph):
    g = graph + graph.__class__()
    person = next(iter(g.objects(one(g, DK.PersonMention), DK.mentionOf)))
    g.add((person, SCHEMA.name, Literal("Kusnetsov")))
    assert failing(g, "MentionedPersonShape")


def test_a_citation_without_evidence_fails(graph):
    g = graph + graph.__class__()
    c = one(g, CITO.Citation)
    g.remove((c, DK.hasEvidence, None))
    assert failing(g, "CitationShape")


def test_a_cited_document_without_a_kind_from_the_scheme_fails(graph):
    g = graph + graph.__class__()
    d = one(g, DK.CitedDocument)
    g.remove((d, DK.documentKind, None))
    g.add((d, DK.documentKind, URIRef("https://w3id.org/declass-kg/vocab/form/letter")))
    assert failing(g, "CitedDocumentShape")


def test_a_cited_document_with_a_string_date_fails(graph):
    g = graph + graph.__class__()
    g.add((one(g, DK.CitedDocument), URIRef("http://purl.org/dc/terms/created"),
           Literal("October 27")))
    assert failing(g, "CitedDocumentShape")


def test_a_quotation_from_nothing_fails(graph):
    g = graph + graph.__class__()
    g.remove((one(g, DK.Quotation), DK.quotedFrom, None))
    assert failing(g, "QuotationShape")
