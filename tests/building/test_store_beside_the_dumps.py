"""With more than one job the store is loaded beside the rest: a new store document by document,
by a process of its own, while the documents are still being processed, and what is left in a
thread beside the dumps; kg.trig and kg.jsonld are written by a child process beside the merge.
The set it publishes is the one a single job publishes, every file byte for byte and the store
quad for quad (the named graphs and their merge, the default graph).  A build that fails gives
the loading up with its folder."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

import kg.building
import kg.publishing
import kg.publishing.storing
from kg.building import build
from kg.mapping.core import DEFAULT_BASE
from kg.querying.store import open_store

FILES = ("kg.nq", "kg.ttl", "kg.trig", "kg.jsonld", "void.ttl", "build-report.json",
         "identity-report.tsv", "validation-report.txt")


def _store(store_dir) -> tuple[set, int]:
    store = open_store(store_dir)
    try:
        quads = set(store.quads_for_pattern(None, None, None, None))
        return quads, sum(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    finally:
        del store


class _Watched(kg.building.StoreFeeder):
    """The build's feeder, noting each graph handed over and whether publishing had begun."""

    made: list = []

    def __init__(self, store_dir):
        super().__init__(store_dir)
        self.added, self.finished = [], False
        _Watched.made.append(self)

    def add(self, graph_iri, source):
        self.added.append((graph_iri, self.finished))
        super().add(graph_iri, source)

    def finish(self, every):
        self.finished = True
        return super().finish(every)


@pytest.fixture
def feeders(monkeypatch) -> list:
    _Watched.made = []
    monkeypatch.setattr(kg.building, "StoreFeeder", _Watched)
    return _Watched.made


def test_two_jobs_publish_the_set_one_job_publishes(corpus, tmp_path, monkeypatch, feeders):
    threads, processes = [], []

    def counted(real, seen):
        def made(*args, **kwargs):
            seen.append(args)
            return real(*args, **kwargs)
        return made

    monkeypatch.setattr(kg.publishing, "ThreadPoolExecutor", counted(kg.publishing.ThreadPoolExecutor, threads))
    monkeypatch.setattr(kg.publishing, "children", counted(kg.publishing.children, processes))
    sources = sorted(p for p in corpus.iterdir() if p.is_file())
    one = build(sources, tmp_path / "one", DEFAULT_BASE, jobs=1)
    assert not threads and not processes
    two = build(sources, tmp_path / "two", DEFAULT_BASE, jobs=2)
    assert threads, "the store was not loaded beside the dumps"
    assert processes == [(1,)], "kg.trig and kg.jsonld were not written beside the merge"
    assert one.published == two.published > 1
    for name in FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    quads, merged = _store(tmp_path / "two" / "store")
    assert (quads, merged) == _store(tmp_path / "one" / "store")
    assert 0 < merged < len(quads)
    # the two-job build's store was given each document as it came, before publishing began
    (feeder,) = feeders
    published = {r.graph_iri for r in two.results if r.published}
    assert {iri for iri, publishing in feeder.added if not publishing} == published
    assert not feeder.running


def test_a_build_with_a_store_to_copy_does_not_load_a_new_one(corpus, tmp_path, feeders):
    sources = sorted(p for p in corpus.iterdir() if p.is_file())
    build(sources, tmp_path / "out", DEFAULT_BASE, jobs=2)
    sources[0].write_text(sources[0].read_text() + "\nThe Secretary agreed.\n")
    build(sources, tmp_path / "out", DEFAULT_BASE, jobs=2)
    assert len(feeders) == 1                  # the first build's: the second updated a copy


def test_a_build_that_fails_while_processing_gives_its_store_up(corpus, tmp_path, monkeypatch, feeders):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.building, "process_file", interrupted)
    (source,) = sorted(corpus.iterdir())[:1]
    with pytest.raises(KeyboardInterrupt):
        build([source], tmp_path / "out", DEFAULT_BASE, jobs=2)    # one source: in this process
    (feeder,) = feeders
    assert not feeder.running
    assert list((tmp_path / "out" / ".kg" / "builds").iterdir()) == []


def test_a_build_whose_loader_cannot_start_loads_its_store_at_publishing(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.publishing.storing.sys, "executable", str(tmp_path / "no-python"))
    sources = sorted(p for p in corpus.iterdir() if p.is_file())
    two = build(sources, tmp_path / "two", DEFAULT_BASE, jobs=2)
    one = build(sources, tmp_path / "one", DEFAULT_BASE, jobs=1)
    assert two.published == one.published > 1
    assert _store(tmp_path / "two" / "store") == _store(tmp_path / "one" / "store")
