"""A store loaded while the build still runs (``StoreFeeder``): each graph handed to a loader
process as soon as the build has it, the rest at publishing.  It holds what a whole load of
the same graphs holds, says what went wrong in the build's own process, and leaves no process
behind when the build gives up."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.publishing.storing import StoreFeeder
from kg.querying.store import StoreError, load_whole, open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "querying"   # two mapped memoranda
GRAPH = "https://w3id.org/declass-kg/id/graph/"
MEMCON, TELCON = "memcon-1962-10-18", "telcon-1962-10-22"
DOCUMENTS = {GRAPH + MEMCON: FIXTURES / f"{MEMCON}.nq", GRAPH + TELCON: FIXTURES / f"{TELCON}.nq"}


def _canonical(path: Path) -> bytes:
    lines = ox.serialize(ox.parse(path.read_bytes(), format=ox.RdfFormat.N_QUADS),
                         format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    return b"".join(sorted(set(lines)))


def _contents(store_dir: Path) -> tuple[set, set]:
    store = open_store(store_dir)
    try:
        quads = set(store.quads_for_pattern(None, None, None, None))
    finally:
        del store
    named = {q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    return named, quads - named


@pytest.fixture
def graphs(tmp_path: Path) -> list[tuple[str, Path | bytes]]:
    """The fixture documents as a build has them: one in the cache (a file), the others bytes."""
    every = [(iri, _canonical(path)) for iri, path in sorted(DOCUMENTS.items())]
    cached = tmp_path / "cached.nq"
    cached.write_bytes(every[0][1])
    every[0] = (every[0][0], cached)
    return every


def test_a_store_fed_graph_by_graph_holds_what_a_whole_load_holds(graphs, tmp_path):
    load_whole(tmp_path / "whole", graphs)    # this process has used a store before: no matter
    feeder = StoreFeeder(tmp_path / "fed")
    feeder.add(*graphs[0])                   # while the build runs
    assert feeder.finish(graphs) == "loaded"  # the others at publishing
    assert not feeder.running
    named, merged = _contents(tmp_path / "fed")
    assert (named, merged) == _contents(tmp_path / "whole")
    assert {q.graph_name.value for q in named} == {iri for iri, _ in graphs}
    assert merged == {ox.Quad(q.subject, q.predicate, q.object) for q in named}


def test_a_graph_handed_over_twice_is_refused(graphs, tmp_path):
    feeder = StoreFeeder(tmp_path / "store")
    feeder.add(*graphs[0])
    with pytest.raises(ValueError, match="given to the store twice"):
        feeder.add(*graphs[0])
    feeder.abandon()


def test_a_graph_handed_over_but_not_published_is_an_error_and_the_loader_ends(graphs, tmp_path):
    feeder = StoreFeeder(tmp_path / "store")
    feeder.add(*graphs[0])
    with pytest.raises(ValueError, match=f"<{graphs[0][0]}> was given to the store but is not published"):
        feeder.finish(graphs[1:])
    assert not feeder.running


def test_a_load_that_fails_is_reported_in_the_builds_process_naming_the_graph(graphs, tmp_path):
    feeder = StoreFeeder(tmp_path / "store")
    telcon = _canonical(DOCUMENTS[GRAPH + TELCON])
    feeder.add(GRAPH + MEMCON, telcon)          # the telcon's lines are not the memcon's graph
    with pytest.raises(StoreError, match=f"not a statement of <{GRAPH + MEMCON}>"):
        feeder.finish([(GRAPH + MEMCON, telcon)])
    assert not feeder.running


def test_a_store_that_exists_already_is_not_loaded_into(graphs, tmp_path):
    load_whole(tmp_path / "store", graphs[:1])
    feeder = StoreFeeder(tmp_path / "store")
    with pytest.raises(StoreError, match="already exists"):
        feeder.finish(graphs)


def test_an_abandoned_load_ends_its_process(graphs, tmp_path):
    feeder = StoreFeeder(tmp_path / "store")
    feeder.add(*graphs[0])
    assert feeder.running
    feeder.abandon()
    assert not feeder.running
    feeder.abandon()                            # twice: nothing more to do


def test_a_loader_that_died_is_reported_when_the_store_is_finished(graphs, tmp_path):
    feeder = StoreFeeder(tmp_path / "store")
    feeder._process.kill()                     # killed from outside (the out-of-memory killer)
    feeder._process.wait()
    for graph in graphs:                       # the build goes on handing graphs over
        feeder.add(*graph)
    with pytest.raises(StoreError, match=r"the store's loader ended \(exit code -9\)"):
        feeder.finish(graphs)
