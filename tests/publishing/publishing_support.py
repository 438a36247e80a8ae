"""Helpers shared by the publishing specs (imported as a plain module, like querying_support)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph


def merged(path: Path, fmt: str) -> Graph:
    """All graphs of an RDF file merged into one graph (what kg.ttl holds)."""
    if fmt == "turtle":
        return Graph().parse(path, format=fmt)
    ds = Dataset()
    ds.parse(path, format=fmt)
    graph = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
