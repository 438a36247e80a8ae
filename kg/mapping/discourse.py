"""Mapping of the discourse records: speaker turns, claims, proposals and their responses.

    <turn> a dk:SpeakerTurn ; dk:inDocument <doc> ; dk:turnIndex 3 ; dk:speaker <person> ;
        dk:speakerAsPrinted "Mr. Gusev" ; dk:speakerCorrected true ;
        dk:attributionBasis "reply" ; dk:attributionConfidence 0.7 ; dk:narration false ;
        dk:hasEvidence <turn#ev0> .
    <claim> a schema:Claim ; prov:wasAttributedTo <person> ; schema:about "quarantine" ;
        schema:appearance <doc> ; dk:inDocument <doc> ; dk:inTurn <turn> ; dk:hasEvidence ... .
    <proposal> a dk:Proposal ; dk:proposedBy <person> ; dk:proposalAct "offer" ;
        dk:addresseeSide "USSR" ; dk:responseStatus vocab:response-status/deferred ;
        dk:hasResponse <proposal/response> ; dk:inDocument <doc> ; dk:hasEvidence ... .
    <proposal/response> a dk:Response ; dk:respondedBy <person> ; dk:inTurn <turn> ;
        dk:hasEvidence ... .

The speaker is the person the resolver gives for the turn's speaker (a participant, the
drafter, an office holder); a name the resolver cannot place leaves the item without a
speaker rather than minting a person.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Literal, URIRef

from kg.mapping.core import DK, PROV, RDF, SCHEMA, XSD, MapContext, concept, maps
from kg.records import Claim, Proposal, SpeakerTurn

STATUSES = ("accepted", "rejected", "deferred", "countered", "none")


def _who(name: str | None, ctx: MapContext) -> URIRef | None:
    if not name:
        return None
    res = ctx.resolution
    found = res.lookup(name)
    if found is None and name[:1].isupper() and " " in name:
        found = res.lookup(None, title=name)            # an office ("The Secretary")
    return ctx.person(found.person) if found is not None else None


def _turns(ctx: MapContext) -> dict[int, URIRef]:
    return ctx.facts.setdefault("turns", {})


@maps(SpeakerTurn)
def map_turn(t: SpeakerTurn, ctx: MapContext) -> None:
    if not t.evidence:
        return
    node = ctx.item("turn", t.evidence[0])
    _turns(ctx)[t.index] = node
    ctx.add(node, RDF.type, DK.SpeakerTurn)
    ctx.add(node, DK.inDocument, ctx.doc)
    ctx.add(node, DK.turnIndex, Literal(t.index, datatype=XSD.nonNegativeInteger))
    who = _who(t.speaker, ctx)
    if who is not None:
        ctx.add(node, DK.speaker, who)
        ctx.add(node, PROV.wasAttributedTo, who)
    if t.printed:
        ctx.add(node, DK.speakerAsPrinted, Literal(t.printed))
    ctx.add(node, DK.speakerCorrected, Literal(t.corrected, datatype=XSD.boolean))
    ctx.add(node, DK.attributionBasis, Literal(t.basis))
    ctx.add(node, DK.attributionConfidence, Literal(Decimal(str(round(float(t.confidence), 3))), datatype=XSD.decimal))
    ctx.add(node, DK.narration, Literal(t.narration, datatype=XSD.boolean))
    if t.side:
        ctx.add(node, DK.speakerSide, Literal(t.side))
    ctx.record_evidence(node, t)


@maps(Claim)
def map_claim(c: Claim, ctx: MapContext) -> None:
    who = _who(c.speaker, ctx)
    if not c.evidence or who is None:
        return          # a claim is someone's: one whose speaker is no person (OCR debris) is left out
    node = ctx.item("claim", c.evidence[0])
    ctx.add(node, RDF.type, SCHEMA.Claim)
    ctx.add(node, RDF.type, DK.Claim)
    ctx.add(node, DK.inDocument, ctx.doc)
    ctx.add(node, SCHEMA.appearance, ctx.doc)
    ctx.add(node, PROV.wasAttributedTo, who)
    if c.topic:
        ctx.add(node, SCHEMA.about, Literal(c.topic))
    if c.narration:
        ctx.add(node, DK.narration, Literal(True, datatype=XSD.boolean))
    turn = _turns(ctx).get(c.turn) if c.turn is not None else None
    if turn is not None:
        ctx.add(node, DK.inTurn, turn)
    ctx.record_evidence(node, c)


@maps(Proposal)
def map_proposal(p: Proposal, ctx: MapContext) -> None:
    who = _who(p.proposer, ctx)
    if not p.evidence or who is None:
        return          # as a claim: a proposal whose proposer is no person (OCR debris) is left out
    node = ctx.item("proposal", p.evidence[0])
    ctx.add(node, RDF.type, DK.Proposal)
    ctx.add(node, DK.inDocument, ctx.doc)
    ctx.add(node, DK.proposedBy, who)
    ctx.add(node, DK.proposalAct, Literal(p.act))
    if p.addressee_side:
        ctx.add(node, DK.addresseeSide, Literal(p.addressee_side))
    if p.topic:
        ctx.add(node, SCHEMA.about, Literal(p.topic))
    status = p.status if p.status in STATUSES else "none"
    ctx.add(node, DK.responseStatus, concept("response-status", status))
    turns = _turns(ctx)
    if p.turn is not None and p.turn in turns:
        ctx.add(node, DK.inTurn, turns[p.turn])
    ctx.record_evidence(node, p)
    if p.response_evidence:
        resp = URIRef(f"{node}/response")
        ctx.add(node, DK.hasResponse, resp)
        ctx.add(resp, RDF.type, DK.Response)
        ctx.add(resp, DK.inDocument, ctx.doc)
        ctx.add(resp, DK.responseStatus, concept("response-status", status))
        by = _who(p.responder, ctx)
        if by is not None:
            ctx.add(resp, DK.respondedBy, by)
        if p.response_turn is not None and p.response_turn in turns:
            ctx.add(resp, DK.inTurn, turns[p.response_turn])
        for i, span in enumerate(p.response_evidence):
            ctx.evidence(resp, span, i, p.extractor)
