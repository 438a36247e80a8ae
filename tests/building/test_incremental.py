"""Incremental builds: out/manifest.json lets a rebuild skip every unchanged source."""
from __future__ import annotations

import json
import os

import pyoxigraph as ox

from kg.building import build, load_manifest, rules_fingerprint, tree_fingerprint
from kg.mapping.core import DEFAULT_BASE
from kg.publishing.dataset import dataset_iri
from kg.publishing.vocabulary import VOCABULARY_GRAPH

from building_support import output_bytes


def _build(corpus, out, **kw):
    kw.setdefault("jobs", 1)
    return build(sorted(p for p in corpus.iterdir() if p.is_file()), out, DEFAULT_BASE, **kw)


def _store_graphs(out) -> set[str]:
    """The document graphs of the store (the vocabulary's graph is no document)."""
    store = ox.Store.read_only(str(out / "store"))
    try:
        return {g.value for g in store.named_graphs()} - {VOCABULARY_GRAPH}
    finally:
        del store


def test_the_manifest_records_each_source_and_what_it_produced(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, store=False)
    manifest = json.loads((out / ".kg" / "current" / "manifest.json").read_text())
    entries = manifest["documents"]
    assert sorted(e["name"] for e in entries) == sorted(p.name for p in corpus.iterdir())
    for e in entries:
        assert {"path", "size", "sha256", "tool_version", "base", "status",
                "graph_iri", "nquads"} <= set(e)
        assert not {"mtime", "seconds"} & set(e)       # nothing that differs from run to run
        assert e["status"] == "published"
        assert (out / e["nquads"]).read_text().strip().endswith(f"<{e['graph_iri']}> .")


def test_an_unchanged_corpus_is_not_re_extracted(corpus, tmp_path, spy):
    out = tmp_path / "out"
    _build(corpus, out)
    before = output_bytes(out)
    spy.calls.clear()
    summary = _build(corpus, out)
    assert spy.calls == []
    assert summary.processed == [] and len(summary.reused) == len(summary.results)
    assert output_bytes(out) == before


def test_a_changed_file_is_rebuilt_and_only_that_one(corpus, tmp_path, spy):
    out = tmp_path / "out"
    _build(corpus, out)
    changed = sorted(corpus.iterdir())[1]
    changed.write_text(changed.read_text() + "\nThe Secretary agreed.\n")
    spy.calls.clear()
    summary = _build(corpus, out)
    assert spy.calls == [changed.name]
    assert summary.processed == [changed.name]
    entry = next(e for e in load_manifest(out).values() if e["name"] == changed.name)
    assert (out / entry["nquads"]).read_bytes() in (out / "kg.nq").read_bytes()


def test_a_removed_source_disappears_from_the_dumps_and_the_store(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    gone = sorted(corpus.iterdir())[0]
    graph = next(r.graph_iri for r in first.results if r.name == gone.name)
    assert graph in _store_graphs(out)
    gone.unlink()
    summary = _build(corpus, out)
    assert summary.removed == [graph]
    assert f"<{graph}>" not in (out / "kg.nq").read_text()
    doc = graph.replace("/graph/", "/doc/")
    assert doc not in (out / "kg.ttl").read_text()
    assert graph not in _store_graphs(out)
    assert len(_store_graphs(out)) == len(list(corpus.iterdir())) + 1     # and the dataset's
    assert all(e["name"] != gone.name for e in load_manifest(out).values())
    assert not any(p.name.startswith(gone.stem) for p in (out / ".kg" / "cache").iterdir())


def test_unpublished_sources_stay_in_the_manifest_and_are_retried_only_when_changed(corpus, tmp_path, spy):
    out = tmp_path / "out"
    (corpus / "empty.txt").write_bytes(b"")
    first = _build(corpus, out)
    assert {r.name: r.status for r in first.results}["empty.txt"] == "unreadable"
    spy.calls.clear()
    again = _build(corpus, out)
    assert spy.calls == []
    assert [(r.name, r.status, r.reason) for r in again.results] == \
        [(r.name, r.status, r.reason) for r in first.results]
    (corpus / "empty.txt").write_text("still nothing to read?\n")
    _build(corpus, out)
    assert spy.calls == ["empty.txt"]


def test_full_ignores_the_manifest(corpus, tmp_path, spy):
    out = tmp_path / "out"
    _build(corpus, out, store=False)
    spy.calls.clear()
    _build(corpus, out, store=False, full=True)
    assert sorted(spy.calls) == sorted(p.name for p in corpus.iterdir())


def test_a_damaged_cached_graph_is_rebuilt_not_reused(corpus, tmp_path, spy):
    out = tmp_path / "out"
    _build(corpus, out, store=False)
    before = output_bytes(out)
    victim = sorted((out / ".kg" / "cache").glob("*.nq"))[0]
    victim.write_text("")
    spy.calls.clear()
    _build(corpus, out, store=False)
    assert len(spy.calls) == 1
    assert output_bytes(out) == before


def test_a_different_base_rebuilds_everything(corpus, tmp_path, spy):
    out = tmp_path / "out"
    _build(corpus, out, store=False)
    spy.calls.clear()
    build(sorted(corpus.iterdir()), out, "https://example.org/kg/", jobs=1, store=False)
    assert len(spy.calls) == len(list(corpus.iterdir()))
    assert "https://w3id.org/declass-kg/id/" not in (out / "kg.nq").read_text()


def test_changed_rules_rebuild_everything(corpus, tmp_path, spy, monkeypatch):
    # a development checkout changes an extractor or a lexicon table without a new version
    out = tmp_path / "out"
    _build(corpus, out, store=False)
    spy.calls.clear()
    monkeypatch.setattr("kg.building.rules_fingerprint", lambda: "other rules")
    _build(corpus, out, store=False)
    assert len(spy.calls) == len(list(corpus.iterdir()))


def test_the_rules_fingerprint_covers_code_and_tables_but_not_bytecode(tmp_path):
    tables, code = tmp_path / "data", tmp_path / "kg"
    (code / "__pycache__").mkdir(parents=True)
    tables.mkdir()
    (tables / "titles.csv").write_text("title\nAmbassador\n")
    (code / "persons.py").write_text("RULE = 1\n")
    first = tree_fingerprint([tables, code])
    (code / "__pycache__" / "persons.cpython-311.pyc").write_bytes(b"\0\1")
    assert tree_fingerprint([tables, code]) == first
    (tables / "titles.csv").write_text("title\nAmbassador\nConsul\n")
    second = tree_fingerprint([tables, code])
    assert second != first
    (code / "persons.py").write_text("RULE = 2\n")
    assert tree_fingerprint([tables, code]) not in (first, second)
    assert rules_fingerprint() == rules_fingerprint()


def test_a_store_built_before_is_updated_in_step_with_the_dumps(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out, store=False)          # no store yet: the next build loads every graph
    summary = _build(corpus, out)
    assert summary.processed == []
    assert _store_graphs(out) == {r.graph_iri for r in summary.results} | {dataset_iri(DEFAULT_BASE)}


def test_a_build_that_changes_nothing_keeps_the_current_set(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    again = _build(corpus, out)
    assert os.readlink(out / ".kg" / "current") == "builds/1"        # no new set written
    assert again.triples == first.triples and again.published == first.published
    _build(corpus, out, license="https://creativecommons.org/licenses/by/4.0/")
    assert os.readlink(out / ".kg" / "current") == "builds/2"        # the dumps say something new
    assert "licenses/by/4.0" in (out / "kg.ttl").read_text()
