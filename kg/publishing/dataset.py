"""The dataset's own description, carried inside every dump: licence and attribution.

An archive that ingests ``kg.nq`` (or ``kg.ttl``, ``kg.trig``, ``kg.jsonld``) alone must still
learn under which terms it may use the data and whose texts it was made from, not only from
``void.ttl``.  So every build adds one small named graph, ``<BASE dataset>``, that describes
the dataset ``<BASE dataset>`` (the same IRI VoID describes):

    <BASE dataset> a void:Dataset, dcat:Dataset ;
        dcterms:title "declass-kg knowledge graph"@en ;
        dcterms:license <https://creativecommons.org/publicdomain/zero/1.0/> ;
        schema:creditText "... the source texts ..."@en ;
        dcterms:creator <https://w3id.org/declass-kg/software> .

It is a graph of its own so no document graph is touched; it is in the merged ``kg.ttl`` and
in the store like any graph, and counted with them.  The licence is CC0 1.0 by default (the
tool's output; the documents themselves are US government records in the public domain); a
project passes its own licence and attribution (``kg build --license IRI --attribution TEXT``).
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from kg.mapping.core import DEFAULT_BASE, SCHEMA

TITLE = "declass-kg knowledge graph"
DEFAULT_LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
DEFAULT_ATTRIBUTION = (
    "Extracted with declass-kg from transcriptions of declassified United States government "
    "records, which are in the public domain in the United States; each document names the "
    "source file it was read from (dk:sourceFile) and each item the exact characters it was "
    "read from.")
SOFTWARE_IRI = "https://w3id.org/declass-kg/software"


def dataset_iri(base: str = DEFAULT_BASE) -> str:
    """The IRI of the dataset a build publishes under ``base`` (also its description graph)."""
    return f"{base}dataset"


def description(base: str = DEFAULT_BASE, license: str = DEFAULT_LICENSE,
                attribution: str = DEFAULT_ATTRIBUTION) -> Graph:
    ds = URIRef(dataset_iri(base))
    g = Graph()
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((ds, DCTERMS.license, URIRef(license)))
    g.add((ds, SCHEMA.creditText, Literal(attribution, lang="en")))
    g.add((ds, DCTERMS.creator, URIRef(SOFTWARE_IRI)))
    return g


def description_nquads(base: str = DEFAULT_BASE, license: str = DEFAULT_LICENSE,
                       attribution: str = DEFAULT_ATTRIBUTION) -> bytes:
    """The description as canonical N-Quads in its own graph, ``<BASE dataset>``."""
    from kg.publishing.merged import canonical_nquads

    graph = dataset_iri(base)
    lines = description(base, license, attribution).serialize(format="nt", encoding="utf-8")
    return canonical_nquads(b"".join(line[:-2].rstrip() + f" <{graph}> .\n".encode("utf-8")
                                     for line in lines.splitlines(keepends=True) if line.strip()))


__all__ = ["DEFAULT_ATTRIBUTION", "DEFAULT_LICENSE", "SOFTWARE_IRI", "dataset_iri", "description",
           "description_nquads"]
