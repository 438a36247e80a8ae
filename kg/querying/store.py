"""The embedded on-disk knowledge-graph store (pyoxigraph / RocksDB).

What it does:

* ``load_documents`` keeps a store directory in step with the build: each source document is
  one named graph, replaced wholesale when the document is rebuilt and dropped when the
  document is removed.  It is incremental (graphs not mentioned are left alone) and safe to
  call again with the same input.
* ``open_store`` opens an existing store (read-only by default) and turns "there is no store
  here" and "someone else holds the lock" into a one-line ``StoreError``.
* ``graphs_in_nquads`` splits a merged N-Quads file (``out/kg.nq``) into per-graph chunks, for
  a build that wants to reload everything from its published output.

The store's own default graph holds the union (RDF merge) of all document graphs, kept up to
date by ``load_documents``.  Why not oxigraph's "union default graph" option: in 0.5 it returns
a triple once *per graph* that states it (oxigraph issue #1919, fixed after 0.5), so a person
named in two documents doubles every join and COUNT.  A materialised merge is a set, so it
counts each fact once; ``GRAPH ?g { ... }`` still tells which document says what.  Because of
this, ``load_documents`` must be the only writer of the store.

What it does not do: decide *which* documents changed (that is the build's job), validate the
data against SHACL, or run queries (see ``kg.querying.query``).

Locking, as observed with pyoxigraph/oxigraph 0.5:

* A read-write ``Store`` holds the RocksDB ``LOCK`` file: a second read-write open, in the same
  or another process, fails until the first ``Store`` object is garbage-collected.
* Read-only opens (``Store.read_only`` and ``oxigraph serve-read-only``) take no lock and succeed
  while a writer is open, but they see a snapshot taken when they were opened, and RocksDB calls
  reading while another process writes undefined behaviour.  So: build first, then query/serve.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import pyoxigraph as ox

# N-Quads data given inline (bytes) or as a file path (N-Quads or N-Triples).
GraphSource = Union[bytes, str, "os.PathLike[str]"]

BUILD_HINT = "run `kg build` first, or pass --store DIR"
LOAD_BYTES = 24 << 20     # text per bulk load of a whole build: half named quads, half their triples


class StoreError(Exception):
    """A store problem the user can act on; the message is one line."""


@dataclass
class LoadReport:
    """What ``load_documents`` changed, for the build's log."""

    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    quads: int = 0


def store_exists(store_dir: str | os.PathLike[str]) -> bool:
    """True if ``store_dir`` looks like an oxigraph store (RocksDB writes ``CURRENT`` first)."""
    return (Path(store_dir) / "CURRENT").is_file()


def require_store(store_dir: str | os.PathLike[str]) -> Path:
    """Return the store's real path, or raise ``StoreError`` saying how to create it.

    The real path, links resolved once: ``out/store`` leads through ``out/.kg/current`` to
    the current build's store, and RocksDB opens its files lazily by path, so a reader that
    kept the link would read a later build's files after ``kg build`` switched sets.
    """
    path = Path(store_dir)
    if not store_exists(path):
        raise StoreError(f"no knowledge-graph store at {path}: {BUILD_HINT}")
    return Path(os.path.realpath(path))


def open_store(store_dir: str | os.PathLike[str], read_only: bool = True) -> ox.Store:
    """Open the store in ``store_dir``.

    Read-only opens require an existing store; read-write opens create it if needed.
    The store is closed when the returned object is garbage-collected — drop every reference
    before another read-write open of the same directory.
    """
    path = Path(store_dir)
    if read_only:
        path = require_store(path)
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        message = _one_line(str(exc))
        if "lock" in message.lower():
            raise StoreError(
                f"store at {path} is locked by another writer (a running `kg build`?): "
                "wait for it to finish"
            ) from exc
        raise StoreError(f"cannot open store at {path}: {message}") from exc


def load_documents(
    store_dir: str | os.PathLike[str],
    graphs: Mapping[str, GraphSource],
    removed: Iterable[str] = (),
) -> LoadReport:
    """Replace each named graph in ``graphs`` wholesale and drop the graphs in ``removed``.

    ``graphs`` maps a graph IRI to its content: N-Quads or N-Triples, as bytes or as a file path.
    Triples (and quads in the default graph) go into that graph; quads naming that same graph
    are fine; a quad naming any *other* graph is an error, because it would escape the
    wholesale replacement of its own graph.

    All input is parsed before the store is touched, so malformed data leaves it unchanged.
    """
    removed = list(removed)
    both = sorted(set(graphs) & set(removed))
    if both:
        raise StoreError(f"graph both loaded and removed: <{both[0]}>")
    parsed = {iri: _parse_graph(iri, source) for iri, source in graphs.items()}
    removed_nodes = [_graph_node(iri) for iri in removed]

    report = LoadReport()
    store = open_store(store_dir, read_only=False)
    try:
        gone = [node for node in removed_nodes if store.contains_named_graph(node)]
        report.removed = [node.value for node in gone]
        # The whole batch at once: the old graphs go first, then every new graph and its
        # triples in the merged default graph are written by one bulk load (a bulk load per
        # graph costs ~10 ms of fixed overhead each).  A merged triple that a new graph states
        # again may be dropped and written back: the result is the one replacing the graphs one
        # by one gives.
        new_quads = [q for quads in parsed.values() for q in quads]
        new_triples = {ox.Quad(q.subject, q.predicate, q.object) for q in new_quads}
        _drop_graphs(store, gone + [_graph_node(iri) for iri in parsed])
        # The bulk loader skips transactions; fine here because the graphs were just
        # emptied and nothing else writes to the store while we hold the lock.
        if new_quads:
            store.bulk_extend(new_quads + list(new_triples))
        report.replaced = list(parsed)
        report.quads = len(new_quads)
        store.flush()
    except OSError as exc:
        raise StoreError(f"writing store at {store_dir} failed: {_one_line(str(exc))}") from exc
    finally:
        # Release the RocksDB lock now, not whenever the garbage collector gets to it.
        del store
    return report


def load_whole(store_dir: str | os.PathLike[str],
               graphs: Iterable[tuple[str, GraphSource]]) -> None:
    """Fill a new, empty store with a whole build at once, streaming from files.

    ``graphs`` are (graph IRI, its canonical N-Quads: every line a statement of that graph, as
    pyoxigraph writes them), a file or bytes.  Each graph's text is loaded twice in one bulk
    load: as it is, into its named graph, and with the graph term dropped, into the default
    graph.  The store is a set, so the default graph is then the RDF merge of the graphs (a
    triple several graphs state is stored once): the invariant ``load_documents`` keeps holds
    from the start, and no sorted merge has to be made first.  Much faster than replacing
    graphs one by one when there are many.  pyoxigraph parses and loads the text itself (no
    quad becomes a Python object), ``LOAD_BYTES`` of it at a time: ``Store.bulk_load`` of a
    whole file holds far more (1.7 GB for 7 million quads).
    """
    path = Path(store_dir)
    if store_exists(path):
        raise StoreError(f"store at {path} already exists; load_whole fills new stores only")
    store = open_store(path, read_only=False)
    try:
        # lenient: the text comes from pyoxigraph's own writer, its IRIs already checked
        for chunk in _chunks(_named_and_merged(graphs)):
            store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS, lenient=True)
        store.flush()
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"loading store at {path} failed: {_one_line(str(exc))}") from exc
    finally:
        del store


def graph_triples(data: bytes, graph_iri: str) -> bytes:
    """One graph's canonical N-Quads as N-Triples: each line's graph term dropped.

    Raises ``ValueError`` naming the first line that is not a statement of that graph."""
    suffix = f" <{graph_iri}> .\n".encode("utf-8")
    if data and (not data.endswith(b"\n") or data.count(suffix) != data.count(b"\n")):
        bad = next((line for line in data.splitlines(keepends=True)
                    if line.strip() and not line.endswith(suffix)), data[-200:])
        raise ValueError(f"not a statement of <{graph_iri}>: {bad[:200]!r}")
    return data.replace(suffix, b" .\n")


def _named_and_merged(graphs: Iterable[tuple[str, GraphSource]]) -> Iterator[bytes]:
    for iri, source in graphs:
        data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        yield data
        yield graph_triples(data, iri)


def _chunks(pieces: Iterable[bytes], size: int | None = None) -> Iterator[bytes]:
    """``pieces`` of N-Quads text (each whole lines) joined into chunks of about ``size``
    bytes (default ``LOAD_BYTES``)."""
    size = size or LOAD_BYTES
    pending: list[bytes] = []
    held = 0
    for piece in pieces:
        pending.append(piece)
        held += len(piece)
        if held >= size:
            yield b"".join(pending)
            pending, held = [], 0
    if held:
        yield b"".join(pending)


def _drop_graphs(store: ox.Store, graphs: list[ox.NamedNode]) -> None:
    """Remove document graphs and the merged triples that only they stated.

    One SPARQL update, so oxigraph does the work in one transaction instead of a Python loop
    over every old quad.  A variable bound to a blank node deletes that node's triple.
    """
    existing = set(store.named_graphs())
    if not existing & set(graphs):
        return
    if not existing - set(graphs):
        # Every document graph goes: the merged default graph, by its invariant the union of
        # the document graphs (this function is the store's only writer), goes with them.
        store.clear()
        return
    names = " ".join(str(g) for g in graphs)          # <iri> <iri> ...
    listed = ", ".join(str(g) for g in graphs)
    store.update(
        "DELETE { ?s ?p ?o } WHERE { "
        f"VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h NOT IN ({listed})) }} }}")
    for graph in graphs:
        store.remove_graph(graph)


def graphs_in_nquads(source: GraphSource) -> dict[str, bytes]:
    """Split N-Quads (a merged ``kg.nq``) into ``{graph IRI: N-Quads of that graph}``.

    Quads in the default graph have no document to belong to and are rejected.
    """
    chunks: dict[str, list[ox.Quad]] = {}
    for quad in _parse(source, "merged N-Quads"):
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise StoreError(f"quad outside any named graph in {_describe(source)}: {quad}")
        chunks.setdefault(quad.graph_name.value, []).append(quad)
    return {
        iri: ox.serialize(quads, format=ox.RdfFormat.N_QUADS) for iri, quads in chunks.items()
    }


def _parse_graph(iri: str, source: GraphSource) -> list[ox.Quad]:
    graph = _graph_node(iri)
    # parse() keeps blank-node labels verbatim; give each load its own nodes so that `_:b0`
    # in two documents (or in two versions of one document) never become the same node.
    bnodes: dict[str, ox.BlankNode] = {}

    def fresh(term):
        if isinstance(term, ox.BlankNode):
            return bnodes.setdefault(term.value, ox.BlankNode())
        return term

    quads = []
    for quad in _parse(source, f"graph <{iri}>"):
        if quad.graph_name != graph and not isinstance(quad.graph_name, ox.DefaultGraph):
            raise StoreError(
                f"data for graph <{iri}> contains a quad in another graph {quad.graph_name}"
            )
        quads.append(ox.Quad(fresh(quad.subject), quad.predicate, fresh(quad.object), graph))
    return quads


def _parse(source: GraphSource, what: str) -> Iterator[ox.Quad]:
    # N-Triples is a subset of N-Quads, so one parser reads both.
    try:
        if isinstance(source, (bytes, bytearray)):
            yield from ox.parse(bytes(source), format=ox.RdfFormat.N_QUADS)
        else:
            yield from ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise StoreError(f"bad N-Quads for {what} ({_describe(source)}): {exc}") from exc
    except OSError as exc:
        raise StoreError(f"cannot read {_describe(source)} for {what}: {exc}") from exc


def _graph_node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"not a graph IRI: {iri!r}") from exc


def _describe(source: GraphSource) -> str:
    return "inline data" if isinstance(source, (bytes, bytearray)) else os.fspath(source)


def _one_line(text: str) -> str:
    return " ".join(text.split())
