"""Mapping: one document's records and their resolution -> one rdflib graph (its named graph).

`to_graph()` describes the document and its source file, then hands each record to the
mapping function registered for its kind (`kg.mapping.core.maps`, one per kind, in any
module of kg.mapping).  Persons and cited documents get the identities the resolver gave
them (`kg.resolving.Resolution`); the mapper decides nothing about who is who.  A record kind
with no mapper is left out of the graph (the records are still in the build's report).
Pure: no files are read or written.
"""
from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from kg import __version__
from kg.mapping.core import DEFAULT_BASE, DK, MAPPERS, RICO, MapContext, new_graph
from kg.mapping.document import finish_classification
from kg.records import DocumentRecords
from kg.resolving import Resolution

def to_graph(records: DocumentRecords, resolution: Resolution, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of one document."""
    g = new_graph()
    ctx = MapContext(graph=g, base=base, source_name=records.source_name, resolution=resolution)
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
