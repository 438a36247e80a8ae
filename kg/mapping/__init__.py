"""Mapping: one document's records -> one rdflib graph (its named graph).

`to_graph()` describes the document and its source file, then hands each record to the
mapping function registered for its kind (`kg.mapping.core.maps`).  Modules that register
mappers are imported here; a record kind with no mapper is left out of the graph (the
records are still in the build's report).  Pure: no files are read or written.
"""
from __future__ import annotations

import importlib

from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF

from kg import __version__
from kg.mapping.core import DEFAULT_BASE, DK, MAPPERS, RICO, MapContext, new_graph
from kg.reading.transcript import Transcript
from kg.records import DocumentRecords
from kg.resolving import Resolution

# Modules with @maps functions, in the order they map.
MAPPING_MODULES = ("document", "persons", "discourse", "citations", "genres")


def _load() -> None:
    for name in MAPPING_MODULES:
        try:
            importlib.import_module(f"kg.mapping.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kg.mapping.{name}":
                raise


def to_graph(records: DocumentRecords, resolution: Resolution, base: str = DEFAULT_BASE,
             transcript: Transcript | None = None) -> Graph:
    """The RDF graph of one document; with its ``transcript`` every evidence also carries its
    reading text."""
    _load()
    from kg.mapping.document import finish_classification

    g = new_graph()
    ctx = MapContext(graph=g, base=base, source_name=records.source_name, resolution=resolution,
                     transcript=transcript)
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
