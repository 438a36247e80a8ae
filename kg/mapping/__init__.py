"""Mapping: one document's records and their resolution -> the triples of its named graph.

`map_document()` describes the document and its source file, then hands each record to the
mapping function registered for its kind (`kg.mapping.core.maps`, one per kind, in any
module of kg.mapping); it returns the document's triples as a light `Triples` collector (what
the build uses), and `to_graph()` gives the same triples as an rdflib Graph.  Persons and cited
documents get the identities the resolver gave them (`kg.resolving.Resolution`); the mapper
decides nothing about who is who.  A record kind with no mapper is left out of the graph (the
records are still in the build's report).  Pure: no files are read or written.
"""
from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal

from kg import __version__
from kg.mapping.core import DEFAULT_BASE, DK, MAPPERS, PROV, RDF, RICO, MapContext, Triples
from kg.mapping.document import finish_classification
from kg.records import DocumentRecords
from kg.resolving import Resolution


def to_graph(records: DocumentRecords, resolution: Resolution, base: str = DEFAULT_BASE,
             reading_text: Callable[[int, int], str] | None = None) -> Graph:
    """The RDF graph of one document (an rdflib Graph with the project's prefixes); given
    ``reading_text`` (raw start, end -> what a person reads there: the transcript's
    ``reading_of``), every evidence also carries its reading text."""
    return map_document(records, resolution, base, reading_text).graph()


def map_document(records: DocumentRecords, resolution: Resolution, base: str = DEFAULT_BASE,
                 reading_text: Callable[[int, int], str] | None = None) -> Triples:
    """The triples of one document (see `to_graph`)."""
    g = Triples()
    ctx = MapContext(graph=g, base=base, source_name=records.source_name, resolution=resolution,
                     reading_text=reading_text)
    doc, source = ctx.doc, ctx.source
    g.add((doc, RDF.type, RICO.Record))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, DK.sourceFile, source))
    g.add((source, RDF.type, DK.SourceFile))
    g.add((source, RDF.type, PROV.Entity))
    g.add((source, DK.fileName, Literal(records.source_name)))
    g.add((source, DK.sha256, Literal(records.source_sha256)))
    g.add((source, DK.readBy, Literal(records.reader)))
    g.add((doc, PROV.wasDerivedFrom, source))
    g.add((doc, DK.extractedWith, Literal(f"declass-kg {__version__}")))
    for record in records.records:
        mapper = MAPPERS.get(type(record))
        if mapper is not None:
            mapper(record, ctx)
    finish_classification(ctx)
    return g
