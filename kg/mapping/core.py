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
        oa:start 123 ; oa:end 140 ; oa:exact "..." ; dk:readingText "..." .

`oa:exact` is the raw quote, the provenance; `dk:readingText` is the same stretch as a person
reads it (struck words out, insertions in, line breaks joined), given when the mapper is given
the document's ``reading_text`` (the reader's ``Transcript.reading_of``).

No blank nodes are used, so N-Quads output is byte-stable.  This module does no I/O.

The mappers add triples to `MapContext.graph`, a `Triples` collector: a plain set of rdflib
triples in the order added, without the indexes and events of an rdflib store (which cost more
than the mapping itself on a document of ten thousand triples).  `Triples.graph()` gives the
rdflib Graph when one is wanted; `nquads()` writes the triples byte for byte as rdflib's
N-Triples serializer does, in a named graph, sorted (`nquads_utf8()` the same in UTF-8).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS, FOAF as _FOAF, OWL as _OWL, PROV as _PROV
from rdflib.namespace import RDF as _RDF, RDFS as _RDFS, SKOS as _SKOS, XSD as _XSD

from kg.records import Record, Span
from kg.registry import Registry, RegistryError
from kg.resolving import Person, Resolution

DEFAULT_BASE = "https://w3id.org/declass-kg/id/"
ONTOLOGY_IRI = "https://w3id.org/declass-kg/ontology"

_TERMS: dict[tuple[str, str], URIRef] = {}


class _Namespace(Namespace):
    """rdflib's Namespace with each term made once: the mappers ask for ``DK.hasEvidence`` tens
    of thousands of times a document, and rdflib builds a new URIRef every time.  A term asked
    for as an attribute is kept as one (found at once the next time, without ``__getattr__``)."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):                  # as rdflib's: no dunder is a term
            raise AttributeError(name)
        found = self.__dict__[name] = self.term(name)
        return found

    def term(self, name: str) -> URIRef:
        if not isinstance(name, str):
            return super().term(name)
        found = _TERMS.get((self, name))
        if found is None:
            found = _TERMS[(self, name)] = super().term(name)
        return found


DK = _Namespace(ONTOLOGY_IRI + "#")
VOCAB = _Namespace("https://w3id.org/declass-kg/vocab/")
RICO = _Namespace("https://www.ica.org/standards/RiC/ontology#")
OA = _Namespace("http://www.w3.org/ns/oa#")
CITO = _Namespace("http://purl.org/spar/cito/")
FABIO = _Namespace("http://purl.org/spar/fabio/")
SCHEMA = _Namespace("https://schema.org/")
WD = _Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "dk": DK, "vocab": VOCAB, "rico": RICO, "prov": _PROV, "oa": OA, "cito": CITO,
    "fabio": FABIO, "schema": SCHEMA, "skos": _SKOS, "dcterms": _DCTERMS, "foaf": _FOAF,
    "owl": _OWL, "rdfs": _RDFS, "xsd": _XSD, "wd": WD,
}


class _Terms:
    """The terms of one of rdflib's closed namespaces (RDF, RDFS, XSD, ...) as plain attributes,
    for the mappers: rdflib answers ``RDF.type`` through its metaclass's ``__getattr__``, with
    its checks, every time (hundreds of thousands of times a corpus).  Same terms, looked up
    once; the mappers import RDF, XSD, ... from here."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        found = getattr(self._namespace, name)
        setattr(self, name, found)
        return found


DCTERMS, FOAF, OWL, PROV = _Terms(_DCTERMS), _Terms(_FOAF), _Terms(_OWL), _Terms(_PROV)
RDF, RDFS, SKOS, XSD = _Terms(_RDF), _Terms(_RDFS), _Terms(_SKOS), _Terms(_XSD)


def slug(text: str) -> str:
    """A lower-case IRI segment: letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def doc_slug(source_name: str) -> str:
    """The document's IRI path: its name (the source's path relative to the build root,
    '/'-separated) without the file's extension, each folder and the file name made IRI-safe.
    ``000_518769ec419a4fc7.txt`` -> ``000_518769ec419a4fc7``; ``2023/104-10123-10407.md`` ->
    ``2023/104-10123-10407``."""
    *folders, stem = source_name.split("/")
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    segments = [_segment(f) for f in folders if f] + [_segment(stem) or "document"]
    return "/".join(s or "-" for s in segments)


def _segment(text: str) -> str:
    segment = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")
    return "" if set(segment) <= {"."} else segment      # never a '.' or '..' path segment


def concept(scheme: str, name: str) -> URIRef:
    """A concept of one of the project's SKOS schemes (declared in ontology/declass.ttl)."""
    return VOCAB[f"{scheme}/{slug(name)}"]


class Triples:
    """One document's triples as the mappers add them: a set, in the order first added.

    It answers what the mappers ask of a graph (``add``, ``in``, ``len``, iteration,
    ``triples(pattern)``); anything else is asked of `graph()`."""

    __slots__ = ("_triples",)

    def __init__(self, triples: Iterable[tuple] = ()) -> None:
        self._triples: dict[tuple, None] = dict.fromkeys(triples)

    def add(self, triple: tuple) -> "Triples":
        self._triples[triple] = None
        return self

    def __contains__(self, triple: tuple) -> bool:
        return triple in self._triples

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def clear(self) -> None:
        """Let go of every triple (a consumer that has read them: see `kg.validating.check`)."""
        self._triples.clear()

    def triples(self, pattern: tuple) -> Iterator[tuple]:
        s, p, o = pattern
        return (t for t in self._triples
                if (s is None or t[0] == s) and (p is None or t[1] == p) and (o is None or t[2] == o))

    def graph(self) -> Graph:
        """The same triples in an rdflib Graph with the project's prefixes."""
        g = new_graph()
        g.addN((s, p, o, g) for s, p, o in self._triples)
        return g

    def nquads(self, graph_iri: str) -> str:
        """The triples as N-Quads in the named graph ``graph_iri``: one statement a line,
        sorted, each written as rdflib's N-Triples serializer writes it."""
        return nquads(self._triples, graph_iri)

    def nquads_utf8(self, graph_iri: str) -> bytes:
        """`nquads` encoded in UTF-8, made without the text (see `nquads_utf8`)."""
        return nquads_utf8(self._triples, graph_iri)


def nquads(triples: Iterable[tuple], graph_iri: str) -> str:
    """N-Quads of rdflib triples in one named graph, sorted, byte for byte what rdflib's "nt"
    serializer writes for each triple (so the output does not depend on which writes it)."""
    return nquads_utf8(triples, graph_iri).decode("utf-8")


def nquads_utf8(triples: Iterable[tuple], graph_iri: str) -> bytes:
    """`nquads` in UTF-8, each line encoded as it is made.  A large document's text is mostly
    ASCII but not all of it, and one character above U+00FF makes Python keep the whole text
    two bytes a character: the 2.4 MB JFK OCR text's N-Quads were 369 MB as text, 184 MB in
    UTF-8.  UTF-8 bytes sort in code-point order, so the lines sort as the text's lines would.
    A term's text is computed once per document (subjects and predicates recur)."""
    from rdflib.plugins.serializers.nt import _quoteLiteral

    written: dict = {}

    def text(term) -> str:
        found = written.get(term)
        if found is None:
            found = written[term] = _quoteLiteral(term) if isinstance(term, Literal) else term.n3()
        return found

    suffix = f" <{graph_iri}> .\n"
    lines = sorted({f"{text(s)} {text(p)} {text(o)}{suffix}".encode("utf-8") for s, p, o in triples})
    written.clear()
    # Joined a run at a time, each run let go once it is in the output: the lines and the
    # joined bytes are never both held whole (a large document's are ~200 MB each).
    out = io.BytesIO()
    for i in range(0, len(lines), _RUN):
        out.write(b"".join(lines[i:i + _RUN]))
        lines[i:i + _RUN] = _NONE[:len(lines) - i]
    return out.getvalue()


_RUN = 4096
_NONE = (None,) * _RUN


@lru_cache(maxsize=1)
def words_graph() -> Graph:
    """An empty graph with the project's prefixes: it words the nodes of validation results."""
    return new_graph()


# The terms of an evidence annotation, made once (a document has thousands of annotations).
_TYPE, _OFFSET, _DERIVED_FROM = RDF.type, XSD.nonNegativeInteger, PROV.wasDerivedFrom
_ANNOTATION, _HAS_BODY, _MOTIVATED_BY, _IDENTIFYING = OA.Annotation, OA.hasBody, OA.motivatedBy, OA.identifying
_HAS_TARGET, _SPECIFIC_RESOURCE, _HAS_SOURCE, _HAS_SELECTOR = OA.hasTarget, OA.SpecificResource, OA.hasSource, OA.hasSelector
_POSITION_SELECTOR, _QUOTE_SELECTOR = OA.TextPositionSelector, OA.TextQuoteSelector
_START, _END, _EXACT = OA.start, OA.end, OA.exact
_EXTRACTOR, _HAS_EVIDENCE, _READING_TEXT = DK.extractor, DK.hasEvidence, DK.readingText


def _literal(lexical: str, value, datatype: URIRef | None) -> Literal:
    """The Literal rdflib's constructor makes of a Python str (no datatype) or int, without its
    parsing and casting, which cost more than the rest of an annotation (tens of thousands a
    document).  tests/mapping/test_term_caches.py compares every slot with rdflib's own."""
    lit = str.__new__(Literal, lexical)
    lit._language, lit._datatype, lit._value, lit._ill_typed = None, datatype, value, None
    return lit


# The offsets and quotes of a document recur (the same span is evidence of several items), and
# a Literal is immutable.
@lru_cache(maxsize=1 << 16)
def _offset(n: int) -> Literal:
    if type(n) is not int:
        return Literal(n, datatype=_OFFSET)
    return _literal(str(n), n, _OFFSET)


@lru_cache(maxsize=1 << 16)
def _text(text: str) -> Literal:
    if type(text) is not str:
        return Literal(text)
    return _literal(text, text, None)


def _derived(iri: URIRef, suffix: str) -> URIRef:
    """``URIRef(iri + suffix)`` for a suffix of letters, digits and '#-': rdflib's check of the
    characters of an IRI (a warning) was made when ``iri`` was."""
    return str.__new__(URIRef, str.__add__(iri, suffix))      # (URIRef's + makes a checked URIRef)


@dataclass
class MapContext:
    """What a mapping function needs to know about the document it is mapping."""

    graph: Triples | Graph
    base: str
    source_name: str
    resolution: Resolution
    facts: dict = field(default_factory=dict)     # shared by mappers: the document's date, ...
    # The reading text of a raw stretch (the document's ``Transcript.reading_of``), if given.
    reading_text: Callable[[int, int], str] | None = None

    # Made once per document (the mappers ask for them for every item).
    @cached_property
    def slug(self) -> str:
        return doc_slug(self.source_name)

    @cached_property
    def doc(self) -> URIRef:
        return URIRef(f"{self.base}doc/{self.slug}")

    @cached_property
    def source(self) -> URIRef:
        """The raw source file (the text the offsets point into)."""
        return URIRef(f"{self.base}source/{quote(self.source_name, safe='/')}")

    @cached_property
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
        anno = _derived(item, f"#ev{index}")
        target = _derived(anno, "-target")
        selector = _derived(anno, "-selector")
        add = self.graph.add
        add((anno, _TYPE, _ANNOTATION))
        add((anno, _HAS_BODY, item))
        add((anno, _MOTIVATED_BY, _IDENTIFYING))
        add((anno, _HAS_TARGET, target))
        if extractor:
            add((anno, _EXTRACTOR, _text(extractor)))
        add((target, _TYPE, _SPECIFIC_RESOURCE))
        add((target, _HAS_SOURCE, self.source))
        add((target, _HAS_SELECTOR, selector))
        add((selector, _TYPE, _POSITION_SELECTOR))
        add((selector, _TYPE, _QUOTE_SELECTOR))
        add((selector, _START, _offset(span.start)))
        add((selector, _END, _offset(span.end)))
        add((selector, _EXACT, _text(span.exact)))
        if self.reading_text is not None:
            add((selector, _READING_TEXT, _text(self.reading_text(span.start, span.end))))
        add((item, _HAS_EVIDENCE, anno))
        if item != self.doc:      # the document's own evidence (its header) is not a derivation
            add((item, _DERIVED_FROM, self.doc))
        return anno

    def record_evidence(self, item: URIRef, record: Record) -> None:
        for i, span in enumerate(record.evidence):
            self.evidence(item, span, i, record.extractor)

    def person(self, person: Person) -> URIRef:
        """The IRI of a person, described once (types, name, authority links, the basis of
        its identity): corpus-wide, or under the document for a person known only from it
        (kg.resolving.identity)."""
        iri = URIRef(f"{self.doc}/person/{person.local_key}" if person.scoped
                     else f"{self.base}person/{person.key}")
        g = self.graph
        if (iri, RDF.type, RICO.Person) not in g:
            g.add((iri, DK.identityBasis, VOCAB[f"identity-basis/{person.basis}"]))
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
