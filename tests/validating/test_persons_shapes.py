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
from shape_cases import Break, add, assert_broken, drop, of_type, put, value_of  # noqa: E402

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


MENTION = of_type(DK.PersonMention)
CITED = of_type(DK.CitedDocument)
CASES = [
    Break("a mention without a person", drop(MENTION, DK.mentionOf), "PersonMentionShape"),
    Break("a mention with two surfaces", add(MENTION, DK.surface, Literal("Kusnetsov")), "PersonMentionShape"),
    Break("a mentioned person with two names",
          add(value_of(MENTION, DK.mentionOf), SCHEMA.name, Literal("Kusnetsov")), "MentionedPersonShape"),
    Break("a citation without evidence", drop(of_type(CITO.Citation), DK.hasEvidence), "CitationShape"),
    Break("a cited document without a kind from the scheme",
          put(CITED, DK.documentKind, URIRef("https://w3id.org/declass-kg/vocab/form/letter")),
          "CitedDocumentShape"),
    Break("a cited document with a string date",
          add(CITED, URIRef("http://purl.org/dc/terms/created"), Literal("October 27")), "CitedDocumentShape"),
    Break("a quotation from nothing", drop(of_type(DK.Quotation), DK.quotedFrom), "QuotationShape"),
]


def test_the_mapped_memo_has_mentions_citations_and_quotations(graph):
    assert len(list(graph.subjects(RDF.type, DK.PersonMention))) >= 4
    assert len(list(graph.subjects(RDF.type, CITO.Citation))) == 2
    assert len(list(graph.subjects(RDF.type, DK.Quotation))) == 1


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_persons_rule_broken_in_one_place_is_named_by_its_shape(graph, case):
    assert_broken(graph, case)
