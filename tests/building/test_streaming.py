"""kg.ttl is one prefix block and a Turtle fragment per document: valid, and the same graph."""
from __future__ import annotations

import shutil
import subprocess

import pyoxigraph as ox
import pytest

from kg.building import build
from kg.mapping.core import DEFAULT_BASE


def _triples(path, fmt):
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}


@pytest.fixture
def built(corpus, tmp_path):
    out = tmp_path / "out"
    build(sorted(corpus.iterdir()), out, DEFAULT_BASE, jobs=1, store=False)
    return out


def test_kg_ttl_holds_exactly_the_triples_of_kg_nq(built):
    assert _triples(built / "kg.ttl", ox.RdfFormat.TURTLE) == _triples(built / "kg.nq", ox.RdfFormat.N_QUADS)


def test_kg_ttl_declares_its_prefixes_once(built):
    text = (built / "kg.ttl").read_text()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert len(prefixes) == len(set(prefixes))
    assert text.startswith(prefixes[0])


def test_a_subject_described_by_two_documents_is_harmless(built):
    """Agents and persons recur across documents: kg.ttl states them once per document, and a
    reader merges the repeats into one set of triples."""
    graphs_of: dict = {}
    for q in ox.parse(path=str(built / "kg.nq"), format=ox.RdfFormat.N_QUADS):
        graphs_of.setdefault((q.subject, q.predicate, q.object), set()).add(q.graph_name)
    shared = [t for t, gs in graphs_of.items() if len(gs) > 1]
    assert shared, "the fixture corpus should have a triple stated by two documents"
    text = (built / "kg.ttl").read_text()
    subject = shared[0][0].value
    assert text.count(f"<{subject}> ") >= 2
    assert set(shared) <= _triples(built / "kg.ttl", ox.RdfFormat.TURTLE)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
def test_rapper_accepts_kg_ttl(built):
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(built / "kg.ttl")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    statements = sum(1 for _ in ox.parse(path=str(built / "kg.nq"), format=ox.RdfFormat.N_QUADS))
    assert f"returned {statements} triples" in run.stderr
