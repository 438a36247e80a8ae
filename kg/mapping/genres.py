"""Mapping of the genre records: transmissions (telegrams, cables, memoranda), addressees,
the NARA identification form's fields, and the concept links of review events.

- A `Transmission` is a `dk:Transmission` (a `rico:Activity`): its sender is an agent known
  by the name printed (`dk:sender`), with the number, date-time group, precedence and
  distribution caption (concepts of vocab:precedence and vocab:distribution).
- An `Addressee` is a `dk:Addressing` of the document to an agent in a role (to, action,
  info); the document is also `dk:addressedTo` the agent.
- A `FormField` is a `dk:FormField` with its field (vocab:nara-form-field) and value; the
  RESTRICTIONS and CURRENT STATUS fields also give the document concepts
  (`dk:restrictionCategory`, `dk:releaseStatus`); the RECORD NUMBER is an identifier.
- A `ReviewEvent` keeps its authorities as printed (kg.mapping.document) and gets here the
  concepts they stand for: `dk:underAuthority` (E.O. and its sections, the JFK Act),
  `dk:citesExemption` (FOIA (b)(n), Privacy Act (j)/(k)), `dk:restrictionCategory`, and its
  case number (`dk:caseNumber`).  Only concepts declared in ontology/*.ttl are linked; an
  E.O. section the vocabulary does not list links to its executive order.
"""
from __future__ import annotations

import re

from rdflib import Literal, URIRef

from kg.extracting.reviews import authority_codes, case_number
from kg.mapping.core import DK, PROV, RDF, RDFS, RICO, XSD, MapContext, concept, maps
from kg.mapping.document import describe_review
from kg.records import Addressee, Correspondent, FormField, RecordNumber, ReviewEvent, Transmission

# E.O. sections the vocabulary lists (ontology/genres.ttl).
KNOWN_SECTIONS = frozenset(
    [f"12356-1-3-a-{i}" for i in range(1, 11)] + [f"12958-1-5-{c}" for c in "abcdefg"]
    + [f"12958-3-4-b-{i}" for i in range(1, 10)] + [f"13526-1-4-{c}" for c in "abcdefgh"]
    + [f"13526-3-3-b-{i}" for i in range(1, 10)] + [f"25x{i}" for i in range(1, 10)])
KNOWN_ORDERS = frozenset({"11652", "12065", "12356", "12958", "13526"})
RELEASE_STATUS = (
    (r"RELEASED?\s+WITH\s+DELETIONS|RELEASED?\s+IN\s+PART", "released-with-deletions"),
    (r"RELEASED?\s+IN\s+FULL", "released-in-full"), (r"\bREDACT", "redact"),
    (r"\bOPEN\b", "open"), (r"POSTPONED", "postponed"), (r"WITHHELD|DENIED", "withheld"),
)
_PREDICATE = {"eo": DK.underAuthority, "eo-section": DK.underAuthority, "jfk-act": DK.underAuthority,
              "foia-exemption": DK.citesExemption, "privacy-act-exemption": DK.citesExemption,
              "jfk-restriction": DK.restrictionCategory}


def concept_links(printed: str) -> list[tuple[URIRef, URIRef]]:
    """(predicate, concept) pairs an authority as printed stands for."""
    links = []
    for scheme, code in authority_codes(printed):
        if scheme == "eo" and code not in KNOWN_ORDERS:
            continue
        if scheme == "eo-section" and code not in KNOWN_SECTIONS:
            continue
        links.append((_PREDICATE[scheme], concept(scheme, code)))
    return links


def _case(printed: str) -> str | None:
    if (nw := case_number(printed)) is not None:
        return nw
    m = re.fullmatch(r"(NL[KJE])\s?-\s?(\d{2})\s?-\s?(\d{1,4})|NND\s*(\d{4,7})", printed.strip())
    if not m:
        return None
    return f"{m[1]}-{m[2]}-{m[3]}" if m[1] else f"NND {m[4]}"


@maps(ReviewEvent)
def map_review(r: ReviewEvent, ctx: MapContext) -> None:
    describe_review(r, ctx)
    item = ctx.item("review", r.evidence[0])
    if r.result:
        ctx.add(item, DK.reviewResult, concept("review-result", r.result))
    if r.year and not r.date:
        ctx.add(item, DK.reviewYear, Literal(str(r.year), datatype=XSD.gYear))
    for printed in r.authorities:
        for predicate, target in concept_links(printed):
            ctx.add(item, predicate, target)
        if (case := _case(printed)) is not None:
            ctx.add(item, DK.caseNumber, Literal(case))


@maps(Transmission)
def map_transmission(m: Transmission, ctx: MapContext) -> None:
    item = ctx.item("transmission", m.evidence[0])
    ctx.add(item, RDF.type, DK.Transmission)
    ctx.add(item, RDF.type, RICO.Activity)
    ctx.add(item, RDF.type, PROV.Activity)
    ctx.add(ctx.doc, DK.hasTransmission, item)
    ctx.add(item, PROV.generated, ctx.doc)
    if m.sender:
        agent = ctx.agent(m.sender)
        ctx.add(item, DK.sender, agent)
        ctx.add(item, DK.senderAsPrinted, Literal(m.sender))
    if m.number:
        ctx.add(item, DK.messageNumber, Literal(m.number))
    if m.dtg:
        ctx.add(item, DK.dateTimeGroup, Literal(m.dtg))
    if m.date:
        ctx.add(item, DK.sentOn, Literal(m.date.isoformat(), datatype=XSD.date))
    for p in m.precedence:
        ctx.add(item, DK.precedence, concept("precedence", p))
    for d in m.distribution:
        ctx.add(item, DK.distribution, concept("distribution", d))
    if m.signer:
        ctx.add(item, DK.signatureAsPrinted, Literal(m.signer))
    ctx.record_evidence(item, m)


@maps(Addressee)
def map_addressee(a: Addressee, ctx: MapContext) -> None:
    item = ctx.item("addressee", a.evidence[0])
    agent = ctx.agent(a.name)
    ctx.add(item, RDF.type, DK.Addressing)
    ctx.add(item, RDF.type, PROV.Influence)
    ctx.add(ctx.doc, DK.hasAddressing, item)
    ctx.add(ctx.doc, DK.addressedTo, agent)
    ctx.add(item, DK.addressee, agent)
    ctx.add(item, DK.addresseeRole, concept("addressee-role", a.role))
    ctx.add(item, DK.nameAsPrinted, Literal(a.name))
    if a.number:
        ctx.add(item, DK.messageNumber, Literal(a.number))
    ctx.record_evidence(item, a)


@maps(FormField)
def map_form_field(f: FormField, ctx: MapContext) -> None:
    item = ctx.item("form-field", f.evidence[0])
    ctx.add(item, RDF.type, DK.FormField)
    ctx.add(ctx.doc, DK.hasFormField, item)
    ctx.add(item, DK.fieldName, concept("nara-form-field", f.name))
    ctx.add(item, DK.fieldValue, Literal(f.value))
    ctx.add(item, RDFS.label, Literal(f"{f.name.replace('-', ' ').upper()}: {f.value}"))
    if f.name == "restrictions":
        for predicate, target in concept_links(f"RESTRICTIONS: {f.value}"):
            ctx.add(ctx.doc, predicate, target)
    if f.name == "current-status":
        for pattern, code in RELEASE_STATUS:
            if re.search(pattern, f.value, re.IGNORECASE):
                ctx.add(ctx.doc, DK.releaseStatus, concept("release-status", code))
                break
    if f.name == "record-number" and re.fullmatch(r"\W*\d{3}-\d{5}-\d{5}", f.value):
        ctx.add(ctx.doc, RICO.identifier, Literal(f.value.lstrip("—–-= ")))
    ctx.record_evidence(item, f)


@maps(RecordNumber)
def map_record_number(r: RecordNumber, ctx: MapContext) -> None:
    """The number is an identifier of the record; where it is printed, an identifier node
    anchors it to the print (a number known only from the file name has no such node)."""
    ctx.add(ctx.doc, RICO.identifier, Literal(r.number))
    if not r.evidence:
        return
    item = ctx.item("identifier", r.evidence[0])
    ctx.add(item, RDF.type, RICO.Identifier)
    ctx.add(item, RICO.textualValue, Literal(r.number))
    ctx.add(ctx.doc, RICO.hasOrHadIdentifier, item)
    if r.printed:
        ctx.add(item, DK.printedAs, Literal(r.printed))
    ctx.record_evidence(item, r)


@maps(Correspondent)
def map_correspondent(c: Correspondent, ctx: MapContext) -> None:
    agent = ctx.agent(c.name)
    item = ctx.item(f"correspondent-{c.role}", c.evidence[0] if c.evidence else None)
    ctx.add(item, RDF.type, DK.Correspondence)
    ctx.add(ctx.doc, DK.hasCorrespondence, item)
    ctx.add(item, DK.correspondent, agent)
    ctx.add(item, DK.correspondentRole, concept("correspondent-role", c.role))
    ctx.add(item, DK.basis, Literal(c.basis))
    if c.printed:
        ctx.add(item, DK.nameAsPrinted, Literal(c.printed))
    if c.role == "originator":
        ctx.add(ctx.doc, DK.originatingAgency, agent)
    elif c.role == "addressee":
        ctx.add(ctx.doc, DK.addressedTo, agent)
    ctx.record_evidence(item, c)
