"""Mapping of the document-level records: header, drafters, participants, markings, review
events, redactions, the editorial layer and page numbers.

The document is a `rico:Record`; the conversation it documents is a `rico:Activity` /
`prov:Activity` whose participants are qualified associations (`prov:qualifiedAssociation`)
carrying the delegation and the title as printed.  Markings attach to the document through
`dk:hasMarking`, and the highest level is also given as `dk:securityClassification` (a
sub-property of `dcterms:accessRights`).  Review events are `dk:ReviewEvent`s (a kind of
`rico:Activity`) that affect the document.
"""
from __future__ import annotations

import re
from datetime import datetime

from rdflib import Literal, URIRef

from kg.extracting.markings import LEVELS
from kg.mapping.core import DCTERMS, DK, PROV, RDF, RDFS, RICO, XSD, MapContext, concept, maps, slug
from kg.records import (DocumentHeader, Drafter, EditorialEvent, Marking, PageMark, Participant,
                        Redaction, ReviewEvent)

_FRUS_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")      # "frus1961-63v11", "p_RDF1"


def meeting(ctx: MapContext) -> URIRef:
    iri = URIRef(f"{ctx.doc}/conversation")
    ctx.add(iri, RDF.type, RICO.Activity)
    ctx.add(iri, RDF.type, PROV.Activity)
    ctx.add(ctx.doc, RICO.documents, iri)
    return iri


@maps(DocumentHeader)
def map_header(h: DocumentHeader, ctx: MapContext) -> None:
    doc = ctx.doc
    if h.doc_type:
        form = concept("form", h.doc_type)
        ctx.add(doc, RICO.hasDocumentaryFormType, form)
        ctx.add(doc, DCTERMS.type, form)
    if h.title:
        ctx.add(doc, RICO.title, Literal(h.title))
    if h.draft:
        ctx.add(doc, RICO.hasRecordState, concept("record-state", "draft"))
    if h.date:
        ctx.facts["date"] = h.date
        value = h.date.isoformat() if h.date_precision == "day" else h.date.isoformat()[:7]
        kind = XSD.date if h.date_precision == "day" else XSD.gYearMonth
        ctx.add(doc, DCTERMS.created, Literal(value, datatype=kind))
        when = URIRef(f"{doc}/date")
        ctx.add(doc, RICO.hasCreationDate, when)
        ctx.add(when, RDF.type, RICO.Date)
        ctx.add(when, RICO.normalizedDateValue, Literal(value))
        ctx.add(when, RICO.expressedDate, Literal(h.date_span.exact))
        ctx.evidence(when, h.date_span, extractor=h.extractor)
    if h.start_time and h.date:
        conv = meeting(ctx)
        start = datetime.combine(h.date, h.start_time).isoformat()
        end = datetime.combine(h.date, h.end_time).isoformat()
        ctx.add(conv, PROV.startedAtTime, Literal(start, datatype=XSD.dateTime))
        ctx.add(conv, PROV.endedAtTime, Literal(end, datatype=XSD.dateTime))
        ctx.evidence(conv, h.time_span, extractor=h.extractor)
    if h.place:
        place = URIRef(f"{ctx.base}place/{slug(h.place)}")
        ctx.add(place, RDF.type, RICO.Place)
        ctx.add(place, RDFS.label, Literal(h.place))
        ctx.add(doc, RICO.isAssociatedWithPlace, place)
        ctx.add(doc, DK.placePrinted, Literal(h.place_printed))
    if h.subject:
        ctx.add(doc, DK.subjectLine, Literal(h.subject))
    for ident, _span in h.identifiers:
        ctx.add(doc, RICO.identifier, Literal(ident))
    if h.copy_number:
        copy = URIRef(f"{doc}/copy/{h.copy_number}")
        ctx.add(copy, RDF.type, RICO.Instantiation)
        ctx.add(copy, RICO.isOrWasInstantiationOf, doc)
        ctx.add(copy, RICO.identifier, Literal(h.copy_span.exact))
        ctx.add(copy, DK.copyNumber, Literal(h.copy_number))
        ctx.add(copy, DK.copiesMade, Literal(h.copy_total))
        ctx.evidence(copy, h.copy_span, extractor=h.extractor)
    ctx.record_evidence(doc, h)


@maps(Drafter)
def map_drafter(d: Drafter, ctx: MapContext) -> None:
    found = ctx.resolution.lookup(d.name)
    if found is None:
        return
    person = ctx.person(found.person)
    rel = ctx.item("creation", d.evidence[0])
    ctx.add(rel, RDF.type, RICO.CreationRelation)
    ctx.add(rel, RICO.creationRelationHasSource, ctx.doc)
    ctx.add(rel, RICO.creationRelationHasTarget, person)
    ctx.add(rel, RICO.creationWithRole, concept("creator-role", d.role))
    ctx.add(rel, DK.nameAsPrinted, Literal(d.name))
    if d.role == "drafter":
        ctx.add(ctx.doc, DK.draftedBy, person)
    else:
        ctx.add(ctx.doc, RICO.hasCreator, person)
    ctx.record_evidence(rel, d)


@maps(Participant)
def map_participant(p: Participant, ctx: MapContext) -> None:
    found = ctx.resolution.lookup(p.name or "", p.title) if p.name else \
        ctx.resolution.lookup(p.title or "", p.title)
    if found is None:
        return
    person = ctx.person(found.person)
    conv = meeting(ctx)
    assoc = ctx.item("participant", p.evidence[0])
    ctx.add(conv, PROV.qualifiedAssociation, assoc)
    ctx.add(conv, PROV.wasAssociatedWith, person)
    ctx.add(assoc, RDF.type, PROV.Association)
    ctx.add(assoc, RDF.type, DK.Participation)
    ctx.add(assoc, PROV.agent, person)
    ctx.add(assoc, PROV.hadRole, concept("role", "participant"))
    if p.title:
        ctx.add(assoc, DK.titleAsPrinted, Literal(p.title))
    if p.name:
        ctx.add(assoc, DK.nameAsPrinted, Literal(p.name))
    if p.side:
        side = URIRef(f"{ctx.doc}/delegation/{slug(p.side)}")
        ctx.add(side, RDF.type, RICO.Group)
        ctx.add(side, RDF.type, DK.Delegation)
        ctx.add(side, RDFS.label, Literal(p.side))
        ctx.add(assoc, DK.delegation, side)
        ctx.add(side, RICO.hasOrHadMember, person)
    ctx.add(assoc, DK.listOrder, Literal(p.order))
    if p.reference and p.source_volume and _FRUS_TOKEN.fullmatch(p.source_volume) \
            and _FRUS_TOKEN.fullmatch(p.reference.lstrip("#")):
        # a FRUS person anchor is volume-local and may change: seeAlso, not sameAs.  Only a
        # volume id and anchor as FRUS writes them make the address; a damaged file's <idno>
        # may hold any text (the fuzz run found one holding a whole memorandum)
        page = URIRef(f"https://history.state.gov/historicaldocuments/{p.source_volume}/persons"
                      f"#{p.reference.lstrip('#')}")
        ctx.add(person, RDFS.seeAlso, page)
        ctx.add(assoc, DK.frusPersonReference, Literal(p.reference))
    ctx.record_evidence(assoc, p)


@maps(Marking)
def map_marking(m: Marking, ctx: MapContext) -> None:
    item = ctx.item("marking", m.evidence[0])
    ctx.add(item, RDF.type, DK.Marking)
    ctx.add(ctx.doc, DK.hasMarking, item)
    ctx.add(item, DK.markingText, Literal(m.text))
    ctx.add(item, DK.struck, Literal(m.struck))
    ctx.add(item, DK.markingPosition, concept("marking-position", m.position))
    if m.level:
        ctx.add(item, DK.classificationLevel, concept("classification", m.level))
        ranked = ctx.facts.setdefault("levels", [])
        ranked.append(m.level)
    for c in m.caveats:
        ctx.add(item, DK.handlingCaveat, concept("caveat", c))
        ctx.add(ctx.doc, DK.handlingCaveat, concept("caveat", c))
    ctx.record_evidence(item, m)


def finish_classification(ctx: MapContext) -> None:
    """The document's classification: the highest level any of its markings shows."""
    levels = ctx.facts.get("levels") or []
    if levels:
        highest = min(levels, key=LEVELS.index)
        ctx.add(ctx.doc, DK.securityClassification, concept("classification", highest))


def describe_review(r: ReviewEvent, ctx: MapContext) -> None:
    """A review event as printed (its concept links are kg.mapping.genres' `map_review`)."""
    item = ctx.item("review", r.evidence[0])
    ctx.add(item, RDF.type, DK.ReviewEvent)
    ctx.add(item, RDF.type, RICO.Activity)
    ctx.add(item, RDF.type, PROV.Activity)
    ctx.add(item, RICO.hasActivityType, concept("review-kind", r.kind))
    ctx.add(item, RICO.affectsOrAffected, ctx.doc)
    ctx.add(ctx.doc, DK.hasReviewEvent, item)
    if r.agent:
        agent = None
        if r.agent_kind == "person":
            found = ctx.resolution.lookup(r.agent)
            agent = ctx.person(found.person) if found else None
        if agent is None:
            agent = ctx.agent(r.agent)
        ctx.add(item, DK.reviewer, agent)
        ctx.add(item, RICO.isOrWasPerformedBy, agent)
        ctx.add(item, DK.agentAsPrinted, Literal(r.agent))
    if r.date:
        ctx.add(item, DK.reviewDate, Literal(r.date.isoformat(), datatype=XSD.date))
    if r.date_printed:
        ctx.add(item, DK.dateAsPrinted, Literal(r.date_printed))
    for a in r.offered_actions:
        ctx.add(item, DK.offersAction, concept("review-action", a))
    for a in r.decided_actions:
        ctx.add(item, DK.decidedAction, concept("review-action", a))
    for letter, caption in r.categories:
        cat = URIRef(f"{item}/category/{slug(letter)}")
        ctx.add(item, DK.offersCategory, cat)
        ctx.add(cat, RDF.type, DK.ReviewCategory)
        ctx.add(cat, RDFS.label, Literal(f"Cat. {letter}"))
        ctx.add(cat, DK.caption, Literal(caption))
    for authority in r.authorities:
        ctx.add(item, DK.authorityAsPrinted, Literal(authority))
    if r.note:
        ctx.add(item, RDFS.comment, Literal(r.note))
    ctx.record_evidence(item, r)


@maps(Redaction)
def map_redaction(r: Redaction, ctx: MapContext) -> None:
    item = ctx.item("redaction", r.evidence[0])
    ctx.add(item, RDF.type, DK.Redaction)
    ctx.add(item, DK.editKind, concept("edit", "redaction"))
    ctx.add(item, DK.editText, Literal(r.text))
    ctx.add(ctx.doc, DK.hasEdit, item)
    ctx.record_evidence(item, r)


@maps(EditorialEvent)
def map_edit(e: EditorialEvent, ctx: MapContext) -> None:
    item = ctx.item(e.kind, e.evidence[0])
    ctx.add(item, RDF.type, DK.Deletion if e.kind == "deletion" else DK.Insertion)
    ctx.add(item, DK.editKind, concept("edit", e.kind))
    ctx.add(item, DK.editText, Literal(e.text))
    ctx.add(ctx.doc, DK.hasEdit, item)
    ctx.record_evidence(item, e)


@maps(PageMark)
def map_page(p: PageMark, ctx: MapContext) -> None:
    item = ctx.item("page", p.evidence[0])
    ctx.add(item, RDF.type, DK.PageNumber)
    ctx.add(item, DK.printedAs, Literal(p.printed))
    if p.number is not None:
        ctx.add(item, DK.pageNumber, Literal(p.number))
    ctx.add(ctx.doc, DK.hasPageNumber, item)
    ctx.record_evidence(item, p)
