"""Each core shape can fail: a conforming graph is broken in one place and the gate must say
which node and which shape, in words."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, OA, RICO, VOCAB
from kg.reading.markdown import read_markdown
from kg.resolving import resolve_document
from kg.validating import validate
from shape_cases import Break, add, assert_broken, drop, having, of_type, put, steps, value_of

MEMCON = """**01234**

SECRET

MEMORANDUM OF CONVERSATION

October 18, 1962
5 to 7 P.M.
US Mission, N.Y.

Drafted by A. Akalovsky

SUBJECT: Berlin

PARTICIPANTS: US - Ambassador Stevenson
USSR- Mr. Zorin

REVIEWED by XYZ DATE 3/3/88

Ambassador Stevenson said that the ~~old~~ <sup>new</sup> proposal had been studied with great care.

[REDACTED]

- 2 -

Mr. Zorin replied that the Soviet Union would answer the proposal within a few days.
"""


@pytest.fixture(scope="module")
def graph():
    t = read_markdown("small-memcon.md", MEMCON)
    records = run(t)
    return to_graph(records, resolve_document(records))


DOC = having(DK.sourceFile)
SELECTOR = of_type(OA.TextPositionSelector)
MARKING = of_type(DK.Marking)
REVIEW = of_type(DK.ReviewEvent)


def _end_beyond_the_quote(g):
    start = int(g.value(SELECTOR(g), OA.start))
    g.set((SELECTOR(g), OA.end, Literal(start + 1000, datatype=XSD.nonNegativeInteger)))


CASES = [
    Break("a document without a source file description",
          drop(value_of(DOC, DK.sourceFile), RDF.type, DK.SourceFile), "DocumentShape", "source file"),
    Break("a document date that is not an xsd:date",
          put(DOC, URIRef("http://purl.org/dc/terms/created"), Literal("Oct 18 1962")), "DocumentShape"),
    Break("a classification outside the scheme",
          put(DOC, DK.securityClassification, VOCAB["classification/very-secret"]), "DocumentShape"),
    Break("a genre outside the form scheme",
          put(DOC, RICO.hasDocumentaryFormType, VOCAB["classification/secret"]), "FormConcept"),
    Break("a source file without a checksum", drop(of_type(DK.SourceFile), DK.sha256), "SourceFileShape"),
    Break("an item without evidence",
          steps(drop(value_of(MARKING, DK.hasEvidence)), drop(MARKING, DK.hasEvidence)), "MarkingShape"),
    Break("an annotation without a target", drop(of_type(OA.Annotation), OA.hasTarget), "AnnotationShape"),
    Break("a target without its source", drop(of_type(OA.SpecificResource), OA.hasSource), "TargetShape"),
    Break("a selector without offsets", drop(SELECTOR, OA.start), "SelectorShape"),
    Break("a selector whose offsets do not fit the quote", _end_beyond_the_quote,
          "SelectorLengthShape", "do not fit"),
    Break("a selector ending before it starts",
          put(SELECTOR, OA.start, Literal(10**6, datatype=XSD.nonNegativeInteger)), "SelectorShape"),
    Break("a participation without a person", drop(of_type(DK.Participation), PROV.agent), "ParticipationShape"),
    Break("a delegation without its side", drop(of_type(DK.Delegation), RDFS.label), "DelegationShape"),
    Break("a person with two names", add(of_type(RICO.Person), RDFS.label, Literal("Someone Else")),
          "PersonShape"),
    Break("a person with a guessed link",
          add(of_type(RICO.Person), OWL.sameAs, URIRef("https://en.wikipedia.org/wiki/Someone")), "PersonShape"),
    Break("a marking that does not say whether it is struck", drop(MARKING, DK.struck), "MarkingShape"),
    Break("a review event with neither date nor reviewer",
          steps(drop(REVIEW, DK.reviewDate), drop(REVIEW, DK.reviewer)), "ReviewEventShape"),
    Break("a review action outside the scheme", add(REVIEW, DK.decidedAction, VOCAB["review-action/burn"]),
          "ReviewEventShape"),
    Break("an edit without its words", drop(of_type(DK.Deletion), DK.editText), "EditShape"),
    Break("a page number that is not an integer", put(of_type(DK.PageNumber), DK.pageNumber, Literal("two")),
          "PageNumberShape"),
    Break("a drafting relation without a person",
          drop(of_type(RICO.CreationRelation), RICO.creationRelationHasTarget), "CreationShape"),
]


def test_the_small_memcon_conforms(graph):
    verdict = validate(graph)
    assert verdict.conforms, [r.words() for r in verdict.violations]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_core_rule_broken_in_one_place_is_named_by_its_shape(graph, case):
    assert_broken(graph, case)


def test_a_document_whose_header_cannot_be_read_is_published_with_a_warning():
    t = read_markdown("noisy.txt", "ll1 ;; ,, ~ . 0o\n\nsome words of a damaged page without any header\n")
    records = run(t)
    verdict = validate(to_graph(records, resolve_document(records)))
    assert verdict.conforms
    assert any(r.severity == "Warning" and "No header field" in r.message for r in verdict.results)
