"""kg.ttl is the RDF merge of the documents by one serializer: each subject described once, no
statement twice, and one triple count everywhere (kg.ttl, VoID, the build report, the summary)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import RDF, VOID

from kg.building import build
from kg.mapping.core import DEFAULT_BASE


def _statements(path, fmt):
    return [(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)]


@pytest.fixture
def built(corpus, tmp_path):
    out = tmp_path / "out"
    summary = build(sorted(corpus.iterdir()), out, DEFAULT_BASE, jobs=1, store=False)
    return out, summary


def test_kg_ttl_holds_exactly_the_triples_of_kg_nq_each_once(built):
    out, _ = built
    ttl = _statements(out / "kg.ttl", ox.RdfFormat.TURTLE)
    nq = _statements(out / "kg.nq", ox.RdfFormat.N_QUADS)
    assert len(nq) > len(set(nq)), "the fixture corpus should have a triple stated by two documents"
    assert set(ttl) == set(nq)
    assert len(ttl) == len(set(ttl))          # before: every shared statement written again


def test_a_subject_named_by_several_documents_is_described_once(built):
    out, _ = built
    graphs_of: dict = {}
    for q in ox.parse(path=str(out / "kg.nq"), format=ox.RdfFormat.N_QUADS):
        graphs_of.setdefault(q.subject, set()).add(q.graph_name)
    shared = [s for s, gs in graphs_of.items() if len(gs) > 1 and "/person/" in s.value]
    assert shared, "the fixture corpus should name a person in two documents"
    # In file order, a subject's statements form one run: its one block.
    order = [s for s, _p, _o in _statements(out / "kg.ttl", ox.RdfFormat.TURTLE)]
    runs = [s for i, s in enumerate(order) if i == 0 or order[i - 1] != s]
    assert len(runs) == len(set(runs))
    text = (out / "kg.ttl").read_text("utf-8")
    for person in shared:
        assert len(re.findall(rf"^<{re.escape(person.value)}> ", text, re.M)) == 1


def test_one_triple_count_in_the_summary_void_the_build_report_and_kg_ttl(built):
    out, summary = built
    in_ttl = len(set(_statements(out / "kg.ttl", ox.RdfFormat.TURTLE)))
    void = Graph().parse(out / "void.ttl", format="turtle")
    (dataset,) = void.subjects(RDF.type, VOID.Dataset)
    in_void = void.value(dataset, VOID.triples)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert summary.triples == int(in_void) == report["triples"] == in_ttl


def test_kg_ttl_declares_its_prefixes_once_in_sorted_order(built):
    out, _ = built
    text = (out / "kg.ttl").read_text()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes == sorted(set(prefixes))
    assert text.startswith(prefixes[0])


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
def test_every_file_named_ttl_in_the_output_folder_is_turtle_rapper_parses_alone(built):
    out, _ = built
    named_ttl = [p for p in out.rglob("*") if p.name.endswith(".ttl")]
    assert {p.name for p in named_ttl} == {"kg.ttl", "void.ttl"}      # no fragments, no cache
    for path in named_ttl:
        run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, (path, run.stderr)
        assert "Error" not in run.stderr and "Warning" not in run.stderr, run.stderr
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(out / "kg.ttl")],
                         capture_output=True, text=True, timeout=60)
    distinct = len(set(_statements(out / "kg.nq", ox.RdfFormat.N_QUADS)))
    assert f"returned {distinct} triples" in run.stderr
