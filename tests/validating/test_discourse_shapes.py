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
from shape_cases import Break, add, assert_broken, drop, having, of_type, put

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


@pytest.fixture(scope="module")
def graph():
    t = read_markdown("discourse-memcon.md", MEMCON)
    records = run(t)
    return to_graph(records, resolve_document(records))


def _one(g, cls):
    return next(iter(g.subjects(RDF.type, cls)))


TURN = of_type(DK.SpeakerTurn)
CLAIM = of_type(SCHEMA.Claim)
PROPOSAL = of_type(DK.Proposal)

CASES = [
    Break("a turn with two speakers",
          add(TURN, DK.speaker, URIRef("https://w3id.org/declass-kg/id/person/someone-else")), "SpeakerTurnShape"),
    Break("a confidence above one", put(TURN, DK.attributionConfidence, Literal("1.5", datatype=XSD.decimal)),
          "SpeakerTurnShape", "confidence"),
    Break("a corrected turn that lost the printed name",
          drop(having(DK.speakerCorrected, Literal(True)), DK.speakerAsPrinted), "CorrectedTurnShape"),
    Break("a claim without a speaker", drop(CLAIM, PROV.wasAttributedTo), "ClaimShape", "attributed"),
    Break("a claim without evidence", drop(CLAIM, DK.hasEvidence), "ClaimShape"),
    Break("a proposal without a proposer", drop(PROPOSAL, DK.proposedBy), "ProposalShape"),
    Break("a status outside the scheme", put(PROPOSAL, DK.responseStatus, VOCAB["response-status/maybe"]),
          "ProposalShape"),
    Break("an answered proposal with status none",
          put(PROPOSAL, DK.responseStatus, VOCAB["response-status/none"]), "AnsweredProposalShape"),
    Break("a response without evidence", drop(of_type(DK.Response), DK.hasEvidence), "ResponseShape"),
]


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


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_discourse_rule_broken_in_one_place_is_named_by_its_shape(graph, case):
    assert_broken(graph, case)
