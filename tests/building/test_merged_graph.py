"""Every document graph passes the gate on its own; the merged graph a build publishes
(kg.ttl) must conform too: documents that name the same person must not give him two names."""
from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from building_support import FIXTURES
from kg.building import build
from kg.mapping.core import DEFAULT_BASE
from kg.validating import validate

REPO = Path(__file__).resolve().parents[2]


def test_the_merged_graph_of_the_seed_and_the_jfk_fixtures_conforms(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*sorted(FIXTURES.glob("*.md")), *sorted((REPO / "seeds").glob("*.txt"))]:
        if path.name != "README.md":
            shutil.copy(path, corpus / path.name)
    sources = sorted(corpus.iterdir())
    out = tmp_path / "out"
    summary = build(sources, out, DEFAULT_BASE, jobs=1, store=False)
    # Every source is published (a build that rejected them all would leave an empty graph
    # that conforms), and each one's document is in the merged graph.
    rejected = [(r.name, r.reason) for r in summary.results if not r.published]
    assert summary.published == len(sources) > 1, rejected
    merged = Graph().parse(out / "kg.ttl", format="turtle")
    documents = {URIRef(r.graph_iri.replace("/graph/", "/doc/")) for r in summary.results}
    assert documents <= set(merged.subjects(RDF.type, None)), documents - set(merged.subjects())
    verdict = validate(merged)
    assert verdict.conforms, [r.words() for r in verdict.violations][:5]
