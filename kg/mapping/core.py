"""The mapper's core: namespaces, deterministic IRIs, evidence annotations, the registry.

Every record kind has one small mapping function registered with `@maps(RecordType)` in a
module of kg.mapping (all of them are loaded; a kind mapped twice is an error); it adds
triples for one record to the document graph through a `MapContext`, which knows the
document, its source file, the resolved persons and the base IRI.  IRIs are minted from
content (document slug, record kind, raw offsets, person keys), never from counters that
depend on run order, so the same input always gives the same IRIs.

Evidence: `MapContext.evidence(item, span)` attaches a Web Annotation to an item:

    <item#ev0> a oa:Annotation ; oa:hasBody <item> ; oa:motivatedBy oa:identifying ;
        oa:hasTarget <item#ev0-target> .
    <item#ev0-target> a oa:SpecificResource ; oa:hasSource <source> ;
        oa:hasSelector <item#ev0-selector> .
    <item#ev0-selector> a oa:TextPositionSelector, oa:TextQuoteSelector ;
        oa:start 123 ; oa:end 140 ; oa:exact "..." .

No blank nodes are used, so N-Quads output is byte-stable.  This module does no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.records import Record, Span
from kg.registry import Registry, RegistryError
from kg.resolving import Person, Resolution

DEFAULT_BASE = "https://w3id.org/declass-kg/id/"
ONTOLOGY_IRI = "https://w3id.org/declass-kg/ontology"

DK = Namespace(ONTOLOGY_IRI + "#")
VOCAB = Namespace("https://w3id.org/declass-kg/vocab/")
RICO = Namespace("https://www.ica.org/standards/RiC/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
CITO = Namespace("http://purl.org/spar/cito/")
FABIO = Namespace("http://purl.org/spar/fabio/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "dk": DK, "vocab": VOCAB, "rico": RICO, "prov": PROV, "oa": OA, "cito": CITO,
    "fabio": FABIO, "schema": SCHEMA, "skos": SKOS, "dcterms": DCTERMS, "foaf": FOAF,
    "owl": OWL, "rdfs": RDFS, "xsd": XSD, "wd": WD,
}


def slug(text: str) -> str:
    """A lower-case IRI segment: letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def doc_slug(source_name: str) -> str:
    """The document's IRI segment: the file name without its extension, made IRI-safe."""
    stem = source_name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "document"


def concept(scheme: str, name: str) -> URIRef:
    """A concept of one of the project's SKOS schemes (declared in ontology/declass.ttl)."""
    return VOCAB[f"{scheme}/{slug(name)}"]


@dataclass
class MapContext:
    """What a mapping function needs to know about the document it is mapping."""

    graph: Graph
    base: str
    source_name: str
    resolution: Resolution
    facts: dict = field(default_factory=dict)     # shared by mappers: the document's date, ...

    @property
    def slug(self) -> str:
        return doc_slug(self.source_name)

    @property
    def doc(self) -> URIRef:
        return URIRef(f"{self.base}doc/{self.slug}")

    @property
    def source(self) -> URIRef:
        """The raw source file (the text the offsets point into)."""
        return URIRef(f"{self.base}source/{quote(self.source_name, safe='')}")

    @property
    def graph_iri(self) -> URIRef:
        return URIRef(f"{self.base}graph/{self.slug}")

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def item(self, kind: str, span: Span | None, suffix: str = "") -> URIRef:
        """The IRI of an extracted item: document, kind and raw offsets."""
        where = f"{span.start}-{span.end}" if span is not None else "0"
        return URIRef(f"{self.doc}/{kind}/{where}{suffix}")

    def evidence(self, item: URIRef, span: Span, index: int = 0, extractor: str | None = None) -> URIRef:
        """Anchor ``item`` to the exact characters of the source it was read from."""
        anno = URIRef(f"{item}#ev{index}")
        target = URIRef(f"{item}#ev{index}-target")
        selector = URIRef(f"{item}#ev{index}-selector")
        g = self.graph
        g.add((anno, RDF.type, OA.Annotation))
        g.add((anno, OA.hasBody, item))
        g.add((anno, OA.motivatedBy, OA.identifying))
        g.add((anno, OA.hasTarget, target))
        if extractor:
            g.add((anno, DK.extractor, Literal(extractor)))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, self.source))
        g.add((target, OA.hasSelector, selector))
        g.add((selector, RDF.type, OA.TextPositionSelector))
        g.add((selector, RDF.type, OA.TextQuoteSelector))
        g.add((selector, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((selector, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((selector, OA.exact, Literal(span.exact)))
        g.add((item, DK.hasEvidence, anno))
        g.add((item, PROV.wasDerivedFrom, self.doc))
        return anno

    def record_evidence(self, item: URIRef, record: Record) -> None:
        for i, span in enumerate(record.evidence):
            self.evidence(item, span, i, record.extractor)

    def person(self, person: Person) -> URIRef:
        """The corpus-wide IRI of a person, described once (types, name, authority links)."""
        iri = URIRef(f"{self.base}person/{person.key}")
        g = self.graph
        if (iri, RDF.type, RICO.Person) not in g:
            g.add((iri, RDF.type, RICO.Person))
            g.add((iri, RDF.type, FOAF.Person))
            g.add((iri, RDF.type, SCHEMA.Person))
            g.add((iri, RDF.type, PROV.Agent))
            g.add((iri, RDFS.label, Literal(person.name)))
            g.add((iri, SCHEMA.name, Literal(person.name)))
            if person.wikidata:
                g.add((iri, OWL.sameAs, WD[person.wikidata]))
        return iri

    def agent(self, label: str) -> URIRef:
        """An agent known only by the office or initials printed (a reviewing office)."""
        iri = URIRef(f"{self.base}agent/{slug(label)}")
        self.add(iri, RDF.type, RICO.Agent)
        self.add(iri, RDF.type, PROV.Agent)
        self.add(iri, RDFS.label, Literal(label))
        return iri


Mapper = Callable[[Record, MapContext], None]
# record kind -> its mapping function, from the modules of kg.mapping
MAPPERS: Registry[Mapper] = Registry("mapper", "kg.mapping")


def maps(kind: type) -> Callable[[Mapper], Mapper]:
    """Register the mapping function of one record kind (one function per kind)."""
    if not (isinstance(kind, type) and issubclass(kind, Record)):
        raise RegistryError(f"@maps({kind!r}): not a record kind (kg.records)")

    def register(fn: Mapper) -> Mapper:
        MAPPERS.add(kind, fn, origin=f"{fn.__module__}.{fn.__qualname__}")
        return fn

    return register


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g
