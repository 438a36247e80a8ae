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


@pytest.fixture()
def graph():
    t = read_markdown("small-memcon.md", MEMCON)
    records = run(t)
    return to_graph(records, resolve_document(records))


def _one(g, cls):
    return next(iter(g.subjects(RDF.type, cls)))


def _fails(g, shape_local: str) -> list[str]:
    verdict = validate(g)
    assert not verdict.conforms
    hits = [r for r in verdict.violations if shape_local in r.shape]
    assert hits, [r.words() for r in verdict.violations]
    return [r.words() for r in hits]


def test_the_small_memcon_conforms(graph):
    verdict = validate(graph)
    assert verdict.conforms, [r.words() for r in verdict.violations]


def test_a_document_without_a_source_file_description_fails(graph):
    doc = next(iter(graph.subjects(DK.sourceFile, None)))
    src = graph.value(doc, DK.sourceFile)
    graph.remove((src, RDF.type, DK.SourceFile))
    assert any("source file" in w for w in _fails(graph, "DocumentShape"))


def test_a_document_date_that_is_not_an_xsd_date_fails(graph):
    doc = next(iter(graph.subjects(DK.sourceFile, None)))
    graph.set((doc, URIRef("http://purl.org/dc/terms/created"), Literal("Oct 18 1962")))
    _fails(graph, "DocumentShape")


def test_a_classification_outside_the_scheme_fails(graph):
    doc = next(iter(graph.subjects(DK.sourceFile, None)))
    graph.set((doc, DK.securityClassification, VOCAB["classification/very-secret"]))
    _fails(graph, "DocumentShape")


def test_a_genre_outside_the_form_scheme_fails(graph):
    doc = next(iter(graph.subjects(DK.sourceFile, None)))
    graph.set((doc, RICO.hasDocumentaryFormType, VOCAB["classification/secret"]))
    _fails(graph, "FormConcept")


def test_a_source_file_without_a_checksum_fails(graph):
    src = _one(graph, DK.SourceFile)
    graph.remove((src, DK.sha256, None))
    _fails(graph, "SourceFileShape")


def test_an_item_without_evidence_fails(graph):
    marking = _one(graph, DK.Marking)
    anno = graph.value(marking, DK.hasEvidence)
    graph.remove((marking, DK.hasEvidence, None))
    graph.remove((anno, None, None))
    assert _fails(graph, "MarkingShape")


def test_an_annotation_without_a_target_fails(graph):
    anno = _one(graph, OA.Annotation)
    graph.remove((anno, OA.hasTarget, None))
    _fails(graph, "AnnotationShape")


def test_a_target_without_its_source_fails(graph):
    target = _one(graph, OA.SpecificResource)
    graph.remove((target, OA.hasSource, None))
    _fails(graph, "TargetShape")


def test_a_selector_without_offsets_fails(graph):
    sel = _one(graph, OA.TextPositionSelector)
    graph.remove((sel, OA.start, None))
    _fails(graph, "SelectorShape")


def test_a_selector_whose_offsets_do_not_fit_the_quote_fails(graph):
    sel = _one(graph, OA.TextPositionSelector)
    start = int(graph.value(sel, OA.start))
    graph.set((sel, OA.end, Literal(start + 1000, datatype=XSD.nonNegativeInteger)))
    assert any("do not fit" in w for w in _fails(graph, "SelectorLengthShape"))


def test_a_selector_ending_before_it_starts_fails(graph):
    sel = _one(graph, OA.TextPositionSelector)
    graph.set((sel, OA.start, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    _fails(graph, "SelectorShape")


def test_a_participation_without_a_person_fails(graph):
    p = _one(graph, DK.Participation)
    graph.remove((p, PROV.agent, None))
    _fails(graph, "ParticipationShape")


def test_a_delegation_without_its_side_fails(graph):
    d = _one(graph, DK.Delegation)
    graph.remove((d, RDFS.label, None))
    _fails(graph, "DelegationShape")


def test_a_person_with_two_names_or_a_guessed_link_fails(graph):
    person = _one(graph, RICO.Person)
    graph.add((person, RDFS.label, Literal("Someone Else")))
    graph.add((person, OWL.sameAs, URIRef("https://en.wikipedia.org/wiki/Someone")))
    words = _fails(graph, "PersonShape")
    assert len(words) >= 2


def test_a_marking_that_does_not_say_whether_it_is_struck_fails(graph):
    m = _one(graph, DK.Marking)
    graph.remove((m, DK.struck, None))
    _fails(graph, "MarkingShape")


def test_a_review_event_with_neither_date_nor_reviewer_fails(graph):
    r = _one(graph, DK.ReviewEvent)
    graph.remove((r, DK.reviewDate, None))
    graph.remove((r, DK.reviewer, None))
    _fails(graph, "ReviewEventShape")


def test_a_review_action_outside_the_scheme_fails(graph):
    r = _one(graph, DK.ReviewEvent)
    graph.add((r, DK.decidedAction, VOCAB["review-action/burn"]))
    _fails(graph, "ReviewEventShape")


def test_an_edit_without_its_words_fails(graph):
    e = _one(graph, DK.Deletion)
    graph.remove((e, DK.editText, None))
    _fails(graph, "EditShape")


def test_a_page_number_that_is_not_an_integer_fails(graph):
    p = _one(graph, DK.PageNumber)
    graph.set((p, DK.pageNumber, Literal("two")))
    _fails(graph, "PageNumberShape")


def test_a_drafting_relation_without_a_person_fails(graph):
    c = _one(graph, RICO.CreationRelation)
    graph.remove((c, RICO.creationRelationHasTarget, None))
    _fails(graph, "CreationShape")


def test_a_document_whose_header_cannot_be_read_is_published_with_a_warning():
    t = read_markdown("noisy.txt", "ll1 ;; ,, ~ . 0o\n\nsome words of a damaged page without any header\n")
    records = run(t)
    verdict = validate(to_graph(records, resolve_document(records)))
    assert verdict.conforms
    assert any(r.severity == "Warning" and "No header field" in r.message for r in verdict.results)
