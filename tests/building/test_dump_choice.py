"""A build writes the dumps it is asked for (`kg build --dumps`), gzip-compressed on request
(`--compress`), so a whole corpus fits on the disk: the files not asked for are not written and
not linked, void.ttl lists only those written, a compressed dump is the plain one's bytes, and
neither choice changes the store, the reports or the identity report."""
from __future__ import annotations

import gzip
import os

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, VOID

from kg.building import build, persons_file
from kg.cli import main
from kg.mapping.core import DEFAULT_BASE
from kg.querying.store import open_store

REPORTS = ("build-report.json", "identity-report.tsv", "validation-report.txt", "context.jsonld")


def _build(corpus, out, **kw):
    return build(sorted(p for p in corpus.iterdir() if p.is_file()), out, DEFAULT_BASE, jobs=1, **kw)


def _data_dumps(out) -> set[str]:
    void = Graph().parse(out / "void.ttl", format="turtle", publicID="http://x.example/void.ttl")
    return {str(o).rsplit("/", 1)[-1] for o in void.objects(None, VOID.dataDump)}


def _quads(store_dir) -> int:
    store = open_store(store_dir)
    try:
        return len(store)
    finally:
        del store


def test_only_the_dumps_asked_for_are_written_linked_and_listed(corpus, tmp_path):
    full, some = tmp_path / "full", tmp_path / "some"
    _build(corpus, full)
    _build(corpus, some, dumps=("nq", "jsonld"))
    assert sorted(p.name for p in some.iterdir() if p.name.startswith("kg.")) == ["kg.jsonld", "kg.nq"]
    assert not os.path.lexists(some / "kg.ttl") and not os.path.lexists(some / "kg.trig")
    assert _data_dumps(some) == {"kg.nq", "kg.jsonld"}
    assert _data_dumps(full) == {"kg.nq", "kg.ttl", "kg.trig", "kg.jsonld"}
    for name in ("kg.nq", "kg.jsonld", *REPORTS):
        assert (some / name).read_bytes() == (full / name).read_bytes(), name
    # the store does not depend on the dumps: every graph and the merged default graph
    assert _quads(some / "store") == _quads(full / "store") > 0


def test_compressed_dumps_are_the_plain_dumps_gzipped_and_byte_stable(corpus, tmp_path):
    plain, packed, again = tmp_path / "plain", tmp_path / "packed", tmp_path / "again"
    _build(corpus, plain)
    _build(corpus, packed, compress=True)
    _build(corpus, again, compress=True, store=False)
    for name in ("kg.nq", "kg.ttl", "kg.trig", "kg.jsonld"):
        assert not os.path.lexists(packed / name)
        assert gzip.decompress((packed / f"{name}.gz").read_bytes()) == (plain / name).read_bytes(), name
        assert (packed / f"{name}.gz").read_bytes() == (again / f"{name}.gz").read_bytes(), name
        assert (packed / f"{name}.gz").stat().st_size < (plain / name).stat().st_size / 3
    assert _data_dumps(packed) == {"kg.nq.gz", "kg.ttl.gz", "kg.trig.gz", "kg.jsonld.gz"}
    void = Graph().parse(packed / "void.ttl", format="turtle")
    gz = URIRef("https://www.iana.org/assignments/media-types/application/gzip")
    assert len(set(void.subjects(DCAT.compressFormat, gz))) == 4
    nq = ox.parse(gzip.decompress((packed / "kg.nq.gz").read_bytes()), format=ox.RdfFormat.N_QUADS)
    assert sum(1 for _ in nq) == _quads(packed / "store") - _quads_in_default_graph(packed / "store")


def _quads_in_default_graph(store_dir) -> int:
    store = open_store(store_dir)
    try:
        return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    finally:
        del store


def test_changing_the_choice_publishes_again_and_drops_the_links_of_dumps_gone(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    assert (out / "kg.trig").is_file()
    summary = _build(corpus, out, dumps=("ttl",), compress=True)
    assert summary.processed == []                  # nothing processed again, only published
    assert (out / "kg.ttl.gz").is_file()
    assert not any(os.path.lexists(out / name) for name in ("kg.nq", "kg.ttl", "kg.trig", "kg.jsonld"))


def test_the_build_keeps_each_documents_persons_beside_its_cached_nquads(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    cached = sorted((out / ".kg" / "cache").glob("*.nq"))
    assert cached and all(persons_file(p).is_file() for p in cached)
    report = (out / "identity-report.tsv").read_bytes()
    for p in cached:          # a cache written before the persons were kept: the graphs are read
        persons_file(p).unlink()
    summary = _build(corpus, out, dumps=("nq",))    # published again from the cache alone
    assert summary.processed == []
    assert (out / "identity-report.tsv").read_bytes() == report


def test_kg_build_dumps_names_a_bad_choice(corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path / "out"),
                                       "--dumps", "nq,rdfxml"])
    assert result.exit_code == 2
    assert "--dumps" in result.output and "'rdfxml' is not a dump" in result.output
    assert not (tmp_path / "out" / "kg.nq").exists()


def test_kg_build_compress_on_the_command_line(corpus, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--no-store",
                                       "--dumps", "nq", "--compress", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("kg.")) == ["kg.nq.gz"]
    assert gzip.decompress((out / "kg.nq.gz").read_bytes()).count(b"\n") > 100


def _no_space(out, *args, **kwargs):
    import errno

    raise OSError(errno.ENOSPC, "No space left on device", str(out / "kg.trig"))


@pytest.mark.parametrize("jobs", ["1", "2"])     # with two, kg.trig is written by a child process
def test_a_full_disk_stops_the_build_with_the_options_that_save_space(corpus, tmp_path, monkeypatch, jobs):
    import kg.publishing

    monkeypatch.setattr(kg.publishing, "write_graph_dumps", _no_space)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "-q", "--jobs", jobs])
    assert result.exit_code == 1
    assert "no space left" in result.output and "kg.trig" in result.output
    assert "--dumps" in result.output and "--compress" in result.output
    assert not os.path.lexists(out / "kg.nq")          # nothing half-published
