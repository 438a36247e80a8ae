"""Parallel builds are deterministic: any number of worker processes gives the same bytes."""
from __future__ import annotations

import json
from pathlib import Path

from kg.building import build, build_document, persons_file
from kg.building.progress import Silent
from kg.mapping.core import DEFAULT_BASE

from building_support import output_bytes


def test_two_workers_give_the_same_bytes_as_one(corpus, tmp_path):
    files = sorted(corpus.iterdir())
    one = build(files, tmp_path / "one", DEFAULT_BASE, jobs=1, store=False)
    two = build(files, tmp_path / "two", DEFAULT_BASE, jobs=2, store=False)
    assert one.published == two.published == len(files)
    assert [r.name for r in one.results] == [r.name for r in two.results] == sorted(f.name for f in files)
    a, b = output_bytes(tmp_path / "one"), output_bytes(tmp_path / "two")
    assert set(a) >= {"kg.nq", "kg.ttl", "build-report.json", "validation-report.txt"}
    assert a == b


def test_results_are_in_file_name_order_whatever_order_they_are_given(corpus, tmp_path):
    files = sorted(corpus.iterdir(), reverse=True)
    summary = build(files, tmp_path / "out", DEFAULT_BASE, jobs=2, store=False)
    assert [r.name for r in summary.results] == sorted(f.name for f in files)


def test_progress_hears_of_every_processed_document(corpus, tmp_path):
    files = sorted(corpus.iterdir())

    class Heard(Silent):
        totals: list[int] = []
        names: list[str] = []
        stages: list[str] = []

        def start(self, total):
            self.totals.append(total)

        def advance(self, name):
            self.names.append(name)

        def stage(self, text):
            self.stages.append(text)

    heard = Heard()
    build(files, tmp_path / "out", DEFAULT_BASE, jobs=2, store=False, progress=heard)
    assert heard.totals == [len(files)]
    assert sorted(heard.names) == sorted(f.name for f in files)
    assert heard.stages == [f"publishing {len(files)} documents: kg.nq, kg.ttl, kg.trig, kg.jsonld, "
                            "void.ttl, the reports"]


def test_a_local_worker_keeps_a_documents_nquads_in_the_cache_and_sends_back_only_the_file(corpus, tmp_path):
    # a large document's N-Quads were pickled, piped and held by the main process a second time
    source = corpus / "2018__104-10167-10256.md"
    sent = build_document(str(source), DEFAULT_BASE, source.name)
    kept = build_document(str(source), DEFAULT_BASE, source.name, cache=str(tmp_path / "cache"))
    assert sent.result.published and sent.nquads and not sent.cached
    assert kept.nquads == kept.persons == b""
    cached = tmp_path / "cache" / kept.cached.rsplit("/", 1)[-1]
    assert kept.cached == str(cached) and cached.name.startswith("2018__104-10167-10256.")
    assert cached.read_bytes() == sent.nquads and kept.size == sent.size == len(sent.nquads)
    assert json.loads(persons_file(cached).read_bytes()) == json.loads(sent.persons)


def test_the_pool_s_workers_write_the_cache_themselves(corpus, tmp_path):
    from kg.building import _run

    todo = [(f.name, f) for f in sorted(corpus.iterdir())]
    works = list(_run(todo, DEFAULT_BASE, 2, None, "fast", tmp_path / "cache"))
    assert sorted(w.result.name for w in works) == [name for name, _ in todo]
    for work in works:
        assert work.result.published and work.nquads == work.persons == b""
        assert Path(work.cached).parent == tmp_path / "cache"
        assert Path(work.cached).stat().st_size == work.size > 0


class _Result:
    """A stand-in for a document's result: something the pool hands over and may not keep."""

    def __init__(self, name: str):
        self.name = name
        self.nquads = bytes(1 << 16)


def _unit(path: str, base: str, name: str) -> _Result:
    return _Result(name)


def test_the_worker_pool_keeps_no_result_it_has_handed_over():
    # memory of a whole-corpus build must not grow with the corpus: once the build has taken a
    # document's result (and written its N-Quads to the cache), the pool holds no reference to it
    import gc
    import itertools
    import weakref
    from pathlib import Path

    from kg.building.workers import run_pool

    todo = [(f"d{i}.txt", Path(f"/nowhere/d{i}.txt")) for i in range(8)]
    results = run_pool(todo, DEFAULT_BASE, 2, _unit)
    handed = [weakref.ref(r) for r in itertools.islice(results, 5)]
    gc.collect()
    # (the last one handed over may still be the pool loop's current item)
    assert [ref() for ref in handed[:-1]] == [None] * 4
    assert len(list(results)) == 3


def _exclusive_unit(path: str, base: str, name: str) -> tuple[str, bool]:
    """Stands in for a document's processing: a large source holds a marker file while it is
    in a worker; finding the marker taken means two large sources were in the workers at once."""
    import os
    import time
    from pathlib import Path

    from kg.building.workers import LARGE_SOURCE

    if Path(path).stat().st_size < LARGE_SOURCE:
        time.sleep(0.01)
        return name, True
    marker = Path(path).parent / "large-in-a-worker"
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return name, False
    try:
        time.sleep(0.2)
    finally:
        os.close(fd)
        marker.unlink()
    return name, True


def test_two_large_sources_are_never_in_the_workers_at_once(tmp_path):
    # a large source's graph takes a worker a gigabyte or more: two at once would double the
    # build's peak memory, so the pool holds the second back and lets small ones go ahead
    from kg.building.workers import LARGE_SOURCE, run_pool

    todo = []
    for i in range(12):
        path = tmp_path / f"d{i:02}.txt"
        path.write_bytes(b"x" * (LARGE_SOURCE if i % 3 == 0 else 100))
        todo.append((path.name, path))
    results = list(run_pool(todo, DEFAULT_BASE, 2, _exclusive_unit))
    assert sorted(name for name, _ok in results) == [name for name, _ in todo]
    assert all(ok for _name, ok in results)


def _process(path: str, base: str, name: str):
    from pathlib import Path

    from kg.pipeline import process_file

    return process_file(Path(path), base, name)


def test_a_worker_empties_the_memo_caches_a_large_source_filled_and_keeps_the_tables(corpus):
    from kg.building.workers import _trimmed
    from kg.mapping import core
    from kg.mapping.core import words_graph

    path = sorted(corpus.iterdir())[0]
    _trimmed(_process, str(path), DEFAULT_BASE, path.name, False)
    assert core._text.cache_info().currsize > 0          # a small source leaves them as they are
    assert words_graph.cache_info().currsize == 1
    _trimmed(_process, str(path), DEFAULT_BASE, path.name, True)
    assert core._text.cache_info().currsize == core._offset.cache_info().currsize == 0
    assert words_graph.cache_info().currsize == 1          # a table of a few entries is kept


def test_a_document_built_after_the_memos_are_emptied_is_the_same(corpus):
    from kg.building.workers import forget_memos

    path = sorted(corpus.iterdir())[0]
    first = _process(str(path), DEFAULT_BASE, path.name)
    assert forget_memos() >= 10
    again = _process(str(path), DEFAULT_BASE, path.name)
    assert first.published and again.nquads_utf8 == first.nquads_utf8
