"""The build's identity report and links graph: every person IRI several documents name is
listed with its documents, names and evidence; persons of different documents whose names
agree are proposed as links in a graph of their own, which the merged kg.ttl carries and
which conforms to the shapes; the same inputs give the same bytes."""
from __future__ import annotations

import csv
import io

from rdflib import Dataset, Graph, URIRef

from kg.building import build
from kg.mapping.core import DEFAULT_BASE, DK
from kg.validating import validate

NOBODY = "PARTICIPANTS: US - Mr. Allen Brooks\nUSSR - Mr. Ivan Petrov"
TEXTS = {
    "a.txt": "Mr. Brooks said that Mr. Joseph Herbert and Mr. J. Smith had left for Rome.",
    "b.txt": "Mr. Brooks said that Mr. Joseph Herbert and Mr. John Smith had come from Paris.",
    "c.txt": "Mr. Brooks said that Mr. Smith would follow them on Monday.",
}


def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (name, body) in enumerate(sorted(TEXTS.items())):
        (folder / name).write_text(f"MEMORANDUM OF CONVERSATION\n\nMarch {3 + i}, 1963\n\n{NOBODY}\n\n"
                                   f"{body}\n", encoding="utf-8")
    return sorted(folder.iterdir())


def rows(out):
    return list(csv.DictReader(io.StringIO((out / "identity-report.tsv").read_text(encoding="utf-8")),
                               delimiter="\t"))


def test_every_merge_across_documents_is_listed_with_its_evidence(tmp_path):
    out = tmp_path / "out"
    build(corpus(tmp_path), out, DEFAULT_BASE, jobs=1, store=False)
    merged = {r["person"]: r for r in rows(out) if r["kind"] == "merge"}
    herbert = merged[f"{DEFAULT_BASE}person/herbert-joseph"]
    assert herbert["documents"] == "a.txt; b.txt" and herbert["basis"] == "full-name"
    assert herbert["evidence"] == "the same full name printed: Joseph Herbert"
    assert "Mr. Joseph Herbert" in herbert["printed"]
    brooks = merged[f"{DEFAULT_BASE}person/brooks-allen"]            # listed by full name
    assert brooks["documents"] == "a.txt; b.txt; c.txt"
    assert not any("smith" in iri for iri in merged)                # no Smith is merged


def test_likely_matches_are_a_graph_of_proposed_links_that_conforms(tmp_path):
    out = tmp_path / "out"
    build(corpus(tmp_path), out, DEFAULT_BASE, jobs=1, store=False)
    links = {(r["person"], r["other"]): r for r in rows(out) if r["kind"] == "link"}
    j_smith = f"{DEFAULT_BASE}doc/a/person/smith-j"
    john = f"{DEFAULT_BASE}person/smith-john"
    assert links[(j_smith, john)]["basis"] == "initial"
    assert links[(f"{DEFAULT_BASE}doc/c/person/smith", john)]["basis"] == "surname-only"
    ds = Dataset()
    ds.parse(out / "kg.nq", format="nquads")
    graph = ds.graph(URIRef(f"{DEFAULT_BASE}identity"))
    assert (URIRef(j_smith), DK.possibleSameAs, URIRef(john)) in graph
    assert len(set(graph.subjects(DK.linksPerson, URIRef(j_smith)))) == 1
    merged = Graph().parse(out / "kg.ttl", format="turtle")
    assert (URIRef(john), DK.possibleSameAs, URIRef(j_smith)) in merged
    verdict = validate(merged)
    assert verdict.conforms, [r.words() for r in verdict.violations][:3]
    assert '"merges"' in (out / "build-report.json").read_text(encoding="utf-8")


def test_the_same_inputs_give_the_same_report_and_links(tmp_path):
    files = corpus(tmp_path)
    build(files, tmp_path / "one", DEFAULT_BASE, jobs=1, store=False)
    build(files, tmp_path / "two", DEFAULT_BASE, jobs=2, store=False)
    for name in ("identity-report.tsv", "kg.nq", "kg.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
