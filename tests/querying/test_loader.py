"""The store's loader process (kg.querying.loader): graphs read from its input as they come,
loaded in the chunks a whole load makes, one reply at the end; an input that ends early
leaves the store unfinished."""
from __future__ import annotations

import io
import queue
from pathlib import Path

import pyoxigraph as ox

import kg.querying.loader as loader
from kg.querying.store import load_whole, open_store
from querying_support import DOCUMENTS


def _canonical(path: Path) -> bytes:
    lines = ox.serialize(ox.parse(path.read_bytes(), format=ox.RdfFormat.N_QUADS),
                         format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    return b"".join(sorted(set(lines)))


def _messages(data: bytes) -> queue.SimpleQueue:
    messages: queue.SimpleQueue = queue.SimpleQueue()
    loader._read(io.BytesIO(data), messages)
    return messages


def _quads(store_dir: Path) -> set:
    store = open_store(store_dir)
    try:
        return set(store.quads_for_pattern(None, None, None, None))
    finally:
        del store


def test_a_graph_comes_as_a_file_name_or_as_its_bytes(tmp_path):
    out = io.BytesIO()
    loader.write_graph(out, "https://example.org/g1", tmp_path / "g1.nq")
    loader.write_graph(out, "https://example.org/g2", b'<a:s> <a:p> "x\n" <https://example.org/g2> .\n')
    loader.write_message(out, loader.DONE)
    messages = _messages(out.getvalue())
    assert messages.get() == ("https://example.org/g1", str(tmp_path / "g1.nq"))
    assert messages.get() == ("https://example.org/g2", b'<a:s> <a:p> "x\n" <https://example.org/g2> .\n')
    assert messages.get() == loader.DONE


def test_graphs_are_loaded_in_the_chunks_a_whole_load_makes(tmp_path, monkeypatch):
    graphs = [(iri, _canonical(path)) for iri, path in sorted(DOCUMENTS.items())]
    loads = []
    real = loader.WholeLoad.load
    monkeypatch.setattr(loader.WholeLoad, "load", lambda self, batch: (loads.append(len(batch)),
                                                                          real(self, batch)))
    # room for one graph's text, named and merged, per load: the second graph fills it
    monkeypatch.setattr(loader, "LOAD_BYTES", 2 * len(graphs[0][1]) + 1)
    out = io.BytesIO()
    for iri, data in graphs:
        loader.write_graph(out, iri, data)
    loader.write_message(out, loader.DONE)
    assert loader.load(str(tmp_path / "fed"), _messages(out.getvalue())) == {"outcome": "loaded"}
    assert loads == [2]
    load_whole(tmp_path / "whole", graphs)
    assert _quads(tmp_path / "fed") == _quads(tmp_path / "whole")


def test_an_input_that_ends_early_stops_the_load_unfinished(tmp_path):
    (iri, path), *_ = sorted(DOCUMENTS.items())
    out = io.BytesIO()
    loader.write_graph(out, iri, _canonical(path))          # and then the build died
    assert loader.load(str(tmp_path / "store"), _messages(out.getvalue())) == {"outcome": "stopped"}


def test_a_graph_that_cannot_be_read_is_an_error_naming_it(tmp_path):
    out = io.BytesIO()
    loader.write_graph(out, "https://example.org/g", tmp_path / "gone.nq")
    loader.write_message(out, loader.DONE)
    reply = loader.load(str(tmp_path / "store"), _messages(out.getvalue()))
    assert reply["outcome"] == "error" and "gone.nq" in reply["message"]
