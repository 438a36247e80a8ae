"""Mapping of person mentions: each mention links the document to a person, with its surface.

    <doc> schema:mentions <person> ; dk:hasPersonMention <mention> .
    <mention> a dk:PersonMention ; dk:inDocument <doc> ; dk:mentionOf <person> ;
        dk:surface "Mr. Kuznetsov" ; dk:mentionRole "speaker" ; dk:mentionStruck false ;
        dk:hasEvidence <mention#ev0> .

Persons are minted by `MapContext.person`: types rico:Person, foaf:Person, schema:Person, the
canonical name, owl:sameAs Wikidata when the authority file has a QID, and dk:identityBasis - the
IRI is corpus-wide for a person of the authority file or printed under a full name, and lies
under the document's for a person known only from it (kg.resolving.identity).  The fuller names
a mention prints of a person the authority does not know ("Martin J. Hillenbrand" beside the
canonical "Hillenbrand") are skos:altLabel.  A printed name the resolver took for a speaker
misreading is no person and is not mapped; its surface stays in the text and in the turns.
"""
from __future__ import annotations

from rdflib import Literal

from kg.lexicon.authority import by_key
from kg.mapping.core import DK, RDF, SCHEMA, SKOS, XSD, MapContext, maps
from kg.records import PersonMention


def _person_of(m: PersonMention, ctx: MapContext):
    index = ctx.facts.get("person-of-mention")
    if index is None:
        index = {id(rec): person for rec, person in ctx.resolution.mentions}
        ctx.facts["person-of-mention"] = index
    return index.get(id(m))


@maps(PersonMention)
def map_mention(m: PersonMention, ctx: MapContext) -> None:
    person = _person_of(m, ctx)
    if person is None:
        return
    who = ctx.person(person)
    if person.wikidata is None and m.name and len(m.name.split()) > 1 and not m.struck \
            and m.name != person.name and person.key not in by_key():
        # a person known only from the documents: the fuller names they print him under
        ctx.add(who, SKOS.altLabel, Literal(" ".join(m.name.split())))
    node = ctx.item("mention", m.evidence[0])
    ctx.add(node, RDF.type, DK.PersonMention)
    ctx.add(node, DK.inDocument, ctx.doc)
    ctx.add(node, DK.mentionOf, who)
    ctx.add(node, DK.surface, Literal(m.surface))
    if m.title:
        ctx.add(node, DK.titleAsPrinted, Literal(m.title))
    ctx.add(node, DK.mentionRole, Literal(m.role))
    ctx.add(node, DK.mentionStruck, Literal(m.struck, datatype=XSD.boolean))
    ctx.add(ctx.doc, DK.hasPersonMention, node)
    ctx.add(ctx.doc, SCHEMA.mentions, who)
    ctx.record_evidence(node, m)
