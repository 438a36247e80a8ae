"""Each discourse shape can fail: a conforming graph of a small memorandum is broken in one
place and the gate must name the node and the shape."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kg.extracting import run
from kg.mapping import to_graph
from kg.mapping.core import DK, SCHEMA, VOCAB
from kg.reading.markdown import read_markdown
from kg.resolving import resolve_document
from kg.validating import validate

MEMCON = """SECRET

MEMORANDUM OF CONVERSATION

November 2, 1962

Drafted by A. Akalovsky

SUBJECT: Cuba

PARTICIPANTS: US - Ambassador Stevenson
USSR- Mr. Kuznetsov
Mr. Zorin

Ambassador Stevenson suggested that the Soviet Union furnish the number of warheads in Cuba.

Mr. Petrov replied that the Soviet Government could not accept this demand. (Zorin passed a note to the interpreter.) He said that the warheads had been removed.
"""


@pytest.fixture()
def graph():
    t = read_markdown("discourse-memcon.md", MEMCON)
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


def test_the_small_memcon_conforms_and_has_every_discourse_kind(graph):
    verdict = validate(graph)
    assert verdict.conforms, [r.words() for r in verdict.violations]
    turns = list(graph.subjects(RDF.type, DK.SpeakerTurn))
    assert len(turns) == 4            # Stevenson, Kuznetsov (corrected), the aside, Kuznetsov
    corrected = [t for t in turns if graph.value(t, DK.speakerCorrected) == Literal(True)]
    assert [str(graph.value(t, DK.speakerAsPrinted)) for t in corrected] == ["Mr. Petrov"]
    p = _one(graph, DK.Proposal)
    assert graph.value(p, DK.responseStatus) == VOCAB["response-status/rejected"]
    assert list(graph.subjects(RDF.type, SCHEMA.Claim))


def test_a_turn_with_two_speakers_fails(graph):
    turn = _one(graph, DK.SpeakerTurn)
    graph.add((turn, DK.speaker, URIRef("https://w3id.org/declass-kg/id/person/someone-else")))
    _fails(graph, "SpeakerTurnShape")


def test_a_confidence_above_one_fails(graph):
    turn = _one(graph, DK.SpeakerTurn)
    graph.set((turn, DK.attributionConfidence, Literal("1.5", datatype=XSD.decimal)))
    assert any("confidence" in w for w in _fails(graph, "SpeakerTurnShape"))


def test_a_corrected_turn_that_lost_the_printed_name_fails(graph):
    turn = next(t for t in graph.subjects(DK.speakerCorrected, Literal(True)))
    graph.remove((turn, DK.speakerAsPrinted, None))
    _fails(graph, "CorrectedTurnShape")


def test_a_claim_without_a_speaker_fails(graph):
    claim = _one(graph, SCHEMA.Claim)
    graph.remove((claim, PROV.wasAttributedTo, None))
    assert any("attributed" in w for w in _fails(graph, "ClaimShape"))


def test_a_claim_without_evidence_fails(graph):
    claim = _one(graph, SCHEMA.Claim)
    graph.remove((claim, DK.hasEvidence, None))
    _fails(graph, "ClaimShape")


def test_a_proposal_without_a_proposer_fails(graph):
    p = _one(graph, DK.Proposal)
    graph.remove((p, DK.proposedBy, None))
    _fails(graph, "ProposalShape")


def test_a_status_outside_the_scheme_fails(graph):
    p = _one(graph, DK.Proposal)
    graph.set((p, DK.responseStatus, VOCAB["response-status/maybe"]))
    _fails(graph, "ProposalShape")


def test_an_answered_proposal_with_status_none_fails(graph):
    p = _one(graph, DK.Proposal)
    graph.set((p, DK.responseStatus, VOCAB["response-status/none"]))
    _fails(graph, "AnsweredProposalShape")


def test_a_response_without_evidence_fails(graph):
    r = _one(graph, DK.Response)
    graph.remove((r, DK.hasEvidence, None))
    _fails(graph, "ResponseShape")
