"""Identity across the published documents: the build's identity report and the graph of
proposed links.

`identity_report(graphs, base)` reads what each published document graph says of its persons
(the person IRIs, their canonical names and the basis of their identity, the forms printed),
and returns:

- ``rows``: the report an archivist reviews (``identity-report.tsv`` in the output folder),
  one row per person IRI that several documents name (``merge``: the IRI, its basis, the
  documents, the forms printed, the evidence) and one per proposed link (``link``: the two
  IRIs, the basis, the documents, the reason);
- ``nquads``: the graph ``<BASE identity>`` of the proposed links (kg.resolving.links), as
  sorted N-Quads, checked by the shapes (shapes/persons.ttl) like any document graph:

      <BASE identity/link/0a1b...> a dk:IdentityLink ;
          dk:linksPerson <BASE doc/a/person/smith-j>, <BASE person/smith-john> ;
          dk:linkBasis vocab:identity-link-basis/initial ;
          dk:linkReason "'J. Smith' (a.txt) and 'John Smith' (b.txt): the same surname; ..." ;
          dk:linkStatus vocab:identity-link-status/proposed ;
          prov:wasDerivedFrom <BASE doc/a>, <BASE doc/b> .
      <BASE doc/a/person/smith-j> dk:possibleSameAs <BASE person/smith-john> .

The decisions are kg.resolving.links's; this module reads RDF and writes it.  It is called
once per build, from `kg.publishing.publish`.
"""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Union

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.lexicon.authority import by_key
from kg.mapping.core import DK, OWL, RICO, SCHEMA, VOCAB
from kg.pipeline import nquads_of
from kg.resolving.identity import AUTHORITY, BASES, DOCUMENT, FULL_NAME
from kg.resolving.links import Identity, Link, Seen, identities, likely_matches, merges

GraphSource = Union[Path, bytes, str]
REPORT = "identity-report.tsv"
COLUMNS = ("kind", "person", "other", "basis", "name", "documents", "printed", "evidence")


@dataclass
class IdentityReport:
    merges: list[Identity]
    links: list[Link]
    graph_iri: str
    nquads: str                      # the links graph, sorted N-Quads ("" without links)

    def tsv(self) -> bytes:
        """The report an archivist reviews: one row per merge, one per proposed link."""
        buf = io.StringIO()
        out = csv.writer(buf, delimiter="\t", lineterminator="\n")
        out.writerow(COLUMNS)
        for p in self.merges:
            out.writerow(("merge", p.iri, "", p.basis, p.name, "; ".join(p.documents.values()),
                          " | ".join(p.surfaces), p.evidence))
        for link in self.links:
            out.writerow(("link", link.a.iri, link.b.iri, ",".join(link.bases),
                          f"{link.a.name} / {link.b.name}", "; ".join(link.documents.values()),
                          " | ".join(link.a.surfaces + link.b.surfaces), link.reason))
        return buf.getvalue().encode("utf-8")


def _text(source: GraphSource) -> bytes:
    if isinstance(source, Path):
        return source.read_bytes()
    return source.encode("utf-8") if isinstance(source, str) else source


_TYPE, _PERSON = str(RDF.type), str(RICO.Person)
_NAME, _BASIS, _SAMEAS = str(SCHEMA.name), str(DK.identityBasis), str(OWL.sameAs)
_MENTION_OF, _SURFACE, _IN_DOCUMENT = str(DK.mentionOf), str(DK.surface), str(DK.inDocument)
_WIKIDATA = "http://www.wikidata.org/entity/"
# The statements seen_in reads, found by their predicate (as canonical N-Quads write it)
# before anything is parsed: a document's graph is mostly other statements, and parsing them
# all cost more than the rest of the report.
_WANTED = tuple(f" <{iri}> ".encode() for iri in (
    _NAME, _BASIS, _SAMEAS, _MENTION_OF, _SURFACE, _IN_DOCUMENT)) + (f" <{_TYPE}> <{_PERSON}> ".encode(),)


def _wanted_lines(data: bytes) -> bytes:
    """The lines of ``data`` whose predicate is one seen_in reads, in their order."""
    found: dict[int, bytes] = {}
    for needle in _WANTED:
        at = data.find(needle)
        while at >= 0:
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            line = data[start:end]
            # the predicate is the second term: a subject holds no space (a literal may hold
            # the needle, and is then not taken)
            if line.index(b" ") == at - start:
                found[start] = line
            at = data.find(needle, end)
    return b"".join(found[k] for k in sorted(found))


def seen_in(nquads: GraphSource, source: str, base: str) -> list[Seen]:
    """The persons one document's published graph names, as `Seen` records."""
    import pyoxigraph as ox

    names: dict[str, str] = {}
    basis: dict[str, str] = {}
    sameas: dict[str, str] = {}
    persons: set[str] = set()
    mention_of: dict[str, str] = {}
    surface: dict[str, str] = {}
    documents: set[str] = set()
    wanted = _wanted_lines(_text(nquads))
    for q in ox.parse(wanted, format=ox.RdfFormat.N_QUADS):
        s, p, o = q.subject.value, q.predicate.value, q.object.value
        if p == _TYPE:
            persons.add(s)
        elif p == _NAME:
            names[s] = o
        elif p == _BASIS:
            basis[s] = o.rsplit("/", 1)[-1]
        elif p == _SAMEAS:
            if o.startswith(_WIKIDATA):
                sameas[s] = o.rsplit("/", 1)[-1]
        elif p == _MENTION_OF:
            mention_of[s] = o
        elif p == _SURFACE:
            surface[s] = o
        elif p == _IN_DOCUMENT:
            documents.add(o)
    document = min(documents) if documents else f"{base}doc/{source}"
    printed: dict[str, list[str]] = {}
    for mention, person in sorted(mention_of.items()):
        if mention in surface and surface[mention] not in printed.setdefault(person, []):
            printed[person].append(surface[mention])
    return [Seen(iri, document, source, names.get(iri, iri.rsplit("/", 1)[-1]),
                 basis.get(iri) or _basis_of(iri, base), tuple(printed.get(iri, ())), sameas.get(iri))
            for iri in sorted(persons)]


def seen_to_json(seen: Iterable[Seen]) -> list[list]:
    """`Seen` records as JSON-ready lists (kept beside a document's cached N-Quads)."""
    return [[s.iri, s.document, s.source, s.name, s.basis, list(s.surfaces), s.wikidata] for s in seen]


def seen_from_json(rows: Iterable[list]) -> list[Seen]:
    return [Seen(iri, document, source, name, basis, tuple(surfaces), wikidata)
            for iri, document, source, name, basis, surfaces, wikidata in rows]


def _basis_of(iri: str, base: str) -> str:
    """The basis of a person IRI a graph does not state (made before dk:identityBasis)."""
    key = iri[len(f"{base}person/"):] if iri.startswith(f"{base}person/") else None
    if key is None:
        return DOCUMENT
    return AUTHORITY if key in by_key() else FULL_NAME


def identity_report(graphs: Iterable[tuple[str, GraphSource | list[Seen]]], base: str) -> IdentityReport:
    """The merges and proposed links of a build, from its published document graphs:
    ``(source name, N-Quads)`` pairs, or ``(source name, its Seen records)`` where the build
    kept them (``kg.building`` does, beside each document's cached N-Quads)."""
    seen = [s for source, nq in graphs
            for s in (nq if isinstance(nq, list) else seen_in(nq, source, base))]
    persons = identities(seen)
    links = likely_matches(persons)
    graph_iri = f"{base}identity"
    return IdentityReport(merges(persons), links, graph_iri, links_nquads(links, base, graph_iri))


def links_nquads(links: list[Link], base: str, graph_iri: str) -> str:
    """The proposed links as a graph (sorted N-Quads), after the shapes have checked it."""
    if not links:
        return ""
    g = Graph()
    for link in links:
        a, b = URIRef(link.a.iri), URIRef(link.b.iri)
        digest = hashlib.sha1(f"{link.a.iri} {link.b.iri}".encode("utf-8")).hexdigest()[:16]
        node = URIRef(f"{base}identity/link/{digest}")
        g.add((node, RDF.type, DK.IdentityLink))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, RDFS.label, Literal(f"possibly one person: {link.a.name} / {link.b.name}")))
        g.add((node, DK.linksPerson, a))
        g.add((node, DK.linksPerson, b))
        for basis in link.bases:
            g.add((node, DK.linkBasis, VOCAB[f"identity-link-basis/{basis}"]))
        g.add((node, DK.linkReason, Literal(link.reason)))
        g.add((node, DK.linkStatus, VOCAB["identity-link-status/proposed"]))
        for doc in link.documents:
            g.add((node, PROV.wasDerivedFrom, URIRef(doc)))
        g.add((a, DK.possibleSameAs, b))
        g.add((b, DK.possibleSameAs, a))
    from kg.validating import validate

    verdict = validate(g)
    if not verdict.conforms:          # a bug of this module, never the documents'
        raise RuntimeError("the identity links graph does not conform to the shapes: "
                           + "; ".join(r.words() for r in verdict.violations[:3]))
    return nquads_of(g, graph_iri)


__all__ = ["BASES", "REPORT", "IdentityReport", "identity_report", "seen_from_json", "seen_in", "seen_to_json"]
