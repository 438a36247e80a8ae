"""With more than one job the store is loaded in a thread beside the dumps, and kg.trig and
kg.jsonld are written by a child process beside the merge: the set it publishes is the one a
single job publishes, every file byte for byte and the store quad for quad (the named graphs
and their merge, the default graph)."""
from __future__ import annotations

import pyoxigraph as ox

import kg.publishing
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


def test_two_jobs_publish_the_set_one_job_publishes(corpus, tmp_path, monkeypatch):
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
