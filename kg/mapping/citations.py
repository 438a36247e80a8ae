"""Mapping of documents cited: one resource per cited document, one citation per mention.

    <cited/letter/kennedy-john-f/1962-10-27> a rico:Record, dk:CitedDocument, fabio:Letter ;
        dk:documentKind vocab:document-kind/letter ; rdfs:label "letter, 1962-10-27" ;
        rico:hasCreator <person/kennedy-john-f> ; rico:hasAddressee <person/khrushchev-...> ;
        rico:hasCreationDate <...#date> ; dcterms:created "1962-10-27"^^xsd:date .
    <doc> cito:cites <cited/...> ; cito:includesQuotationFrom <cited/...> .
    <doc/citation/123-160> a cito:Citation ; cito:hasCitingEntity <doc> ;
        cito:hasCitedEntity <cited/...> ; cito:hasCitationCharacterization cito:citesForInformation ;
        dk:inTextPhrase "the President's October 27 letter" ; dk:hasEvidence <...#ev0> .
    <doc/quotation/200-260> a dk:Quotation ; dk:quotedFrom <cited/...> ; dk:hasEvidence ... .

The cited resource's IRI comes from the corpus-wide key the resolver gives the citation
(`Resolution.citations_of`), so a letter cited in two documents is one resource.  Authors and
addressees are persons (the resolver's corpus-wide IRIs) or agents known by a label ("Soviet
Delegation"); a citation record the resolver found to cite nothing is not mapped.  What the text implies but does not
print (a recipient inferred from a correspondence pair) is flagged on the citation.
"""
from __future__ import annotations

from rdflib import Literal, URIRef

from kg.lexicon.authority import by_key
from kg.mapping.core import (CITO, DCTERMS, DK, FABIO, RDF, RDFS, RICO, SCHEMA, XSD, MapContext,
                             concept, maps, slug)
from kg.records import CitedDocument
from kg.resolving import Person, ResolvedCitation
from kg.resolving.citations import DRAFT_KINDS

FABIO_CLASS = {"letter": FABIO.Letter, "speech": FABIO.Oration, "publication": FABIO.MagazineIssue,
               "interview": FABIO.MagazineArticle, "article": FABIO.MagazineArticle,
               "report": FABIO.Report}
SCHEMA_CLASS = {"message": SCHEMA.Message, "letter": SCHEMA.Message, "telegram": SCHEMA.Message}


def cited_iri(ctx: MapContext, key: str) -> URIRef:
    return URIRef(f"{ctx.base}cited/" + "/".join(slug(part) for part in key.split("/")))


def _agent(ident: str, ctx: MapContext) -> URIRef | None:
    kind, _, value = ident.partition(":")
    if kind == "person":
        person = ctx.resolution.persons.get(value)
        if person is None:
            entry = by_key().get(value)
            person = Person(entry.key, entry.name, entry.country, entry.wikidata,
                            entry.surnames) if entry else None
        return ctx.person(person) if person else None
    if kind == "org" and value:
        return ctx.agent(value)
    return None


@maps(CitedDocument)
def map_cited(record: CitedDocument, ctx: MapContext) -> None:
    for c in ctx.resolution.citations_of(record):
        _map_cited(c, ctx)


def _map_cited(c: ResolvedCitation, ctx: MapContext) -> None:
    record = c.record
    span = record.evidence[0]
    cited = cited_iri(ctx, c.key)
    ctx.add(cited, RDF.type, RICO.Record)
    ctx.add(cited, RDF.type, DK.CitedDocument)
    if c.kind in FABIO_CLASS:
        ctx.add(cited, RDF.type, FABIO_CLASS[c.kind])
    if c.kind in SCHEMA_CLASS:
        ctx.add(cited, RDF.type, SCHEMA_CLASS[c.kind])
    ctx.add(cited, DK.documentKind, concept("document-kind", c.kind))
    ctx.add(cited, RDFS.label, Literal(f"{c.kind}, {c.date or 'undated'}"))
    for ident in c.authors:
        who = _agent(ident, ctx)
        if who is not None:
            ctx.add(cited, RICO.hasCreator, who)
    inferred_recipient = "recipient" in c.inferred
    for ident in c.recipients:
        who = _agent(ident, ctx)
        if who is not None:
            ctx.add(cited, RICO.hasAddressee, who)
    if c.date:
        when = URIRef(f"{cited}#date")
        ctx.add(cited, RICO.hasCreationDate, when)
        ctx.add(when, RDF.type, RICO.Date)
        ctx.add(when, RICO.normalizedDateValue, Literal(c.date))
        if len(c.date) == 10:
            ctx.add(cited, DCTERMS.created, Literal(c.date, datatype=XSD.date))
    if record.number:
        ctx.add(cited, DCTERMS.identifier, Literal(record.number))
    ctx.add(ctx.doc, CITO.cites, cited)
    # one phrase may cite several documents ("his statements ... on October 23 and 25", "Embtels
    # 660 and 662", "all three alternative drafts"): each its own citation, by date, number and
    # a draft's version
    suffix = slug(c.date or "undated") + (f"-{slug(record.number)}" if record.number else "")
    if record.qualifier and c.kind in DRAFT_KINDS:
        suffix += f"/{slug(record.qualifier)}"
    citation = ctx.item("citation", span, f"/{suffix}")
    ctx.add(citation, RDF.type, CITO.Citation)
    ctx.add(citation, CITO.hasCitingEntity, ctx.doc)
    ctx.add(citation, CITO.hasCitedEntity, cited)
    ctx.add(citation, CITO.hasCitationCharacterization, CITO.citesForInformation)
    if record.phrase:
        ctx.add(citation, DK.inTextPhrase, Literal(record.phrase))
    if record.date_printed:
        ctx.add(citation, DK.dateAsPrinted, Literal(record.date_printed))
    for name in c.inferred:
        ctx.add(citation, DK.inferredField, Literal(name))
    if inferred_recipient:
        ctx.add(citation, DK.recipientInferred, Literal(True, datatype=XSD.boolean))
    ctx.record_evidence(citation, record)
    for q in record.quotations:
        quote = ctx.item("quotation", q)
        ctx.add(quote, RDF.type, DK.Quotation)
        ctx.add(quote, DK.quotedFrom, cited)
        ctx.add(quote, DK.inDocument, ctx.doc)
        ctx.add(ctx.doc, CITO.includesQuotationFrom, cited)
        ctx.evidence(quote, q, extractor=record.extractor)
