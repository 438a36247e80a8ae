"""The merged graph is sorted and de-duplicated on disk: the same result whatever the run size,
one block per subject, and counts of the merge, not of the statements written."""
from __future__ import annotations

import io
import random

import pyoxigraph as ox
import pytest

import kg.publishing.merged as merged
from kg.publishing.merged import (ExternalSort, SortedPrefixes, canonical_nquads, merge_graphs,
                                  statistics_of)

ID = "https://w3id.org/declass-kg/id/"
G1, G2 = f"{ID}graph/a", f"{ID}graph/b"
PERSON = f"{ID}person/kennedy-john-f"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _doc(graph: str, doc: str) -> bytes:
    return canonical_nquads(
        f'<{PERSON}> <{TYPE}> <https://schema.org/Person> <{graph}> .\n'
        f'<{PERSON}> <https://schema.org/name> "John F. Kennedy" <{graph}> .\n'
        f'<{ID}doc/{doc}> <{TYPE}> <https://www.ica.org/standards/RiC/ontology#Record> <{graph}> .\n'
        f'<{ID}doc/{doc}> <http://purl.org/dc/terms/title> "Memo {doc}"^^<http://www.w3.org/2001/XMLSchema#string> <{graph}> .\n')


@pytest.mark.parametrize("run_bytes", [1 << 20, 64, 1])
def test_external_sort_gives_sorted_distinct_lines_whatever_the_run_size(tmp_path, run_bytes, monkeypatch):
    monkeypatch.setattr(merged, "MAX_OPEN", 3)        # several merge passes at run_bytes=1
    rng = random.Random(7)
    lines = [f"line {rng.randrange(200):03d}\n".encode() for _ in range(500)]
    (tmp_path / "work").mkdir()
    sorter = ExternalSort(tmp_path / "work", run_bytes=run_bytes)
    sorter.extend(lines)
    assert list(sorter) == sorted(set(lines))
    assert not list((tmp_path / "work").iterdir())          # the runs are removed


def test_canonical_nquads_write_one_statement_one_way():
    typed = f'<{ID}a> <{ID}p> "x"^^<http://www.w3.org/2001/XMLSchema#string> <{G1}> .\n'
    plain = f'<{ID}a> <{ID}p>   "x" <{G1}> .\n'
    assert canonical_nquads(typed) == canonical_nquads(plain) == canonical_nquads(plain + typed)


def test_a_subject_in_two_graphs_is_one_block_and_its_statements_are_counted_once(tmp_path):
    turtle = io.BytesIO()
    stats = merge_graphs([(G1, _doc(G1, "a")), (G2, _doc(G2, "b"))], turtle, tmp_path / "work",
                         prefixes={"schema": "https://schema.org/"}, documents=2)
    text = turtle.getvalue().decode()
    assert text.count(f"<{PERSON}>") == 1
    assert stats.triples == 6 and stats.documents == 2        # 8 statements, 2 of them shared
    assert stats.distinct_subjects == stats.entities == 3
    assert stats.classes == {"https://schema.org/Person": 1,
                             "https://www.ica.org/standards/RiC/ontology#Record": 2}
    assert stats.distinct_objects == 5
    triples = {(t.subject, t.predicate, t.object) for t in ox.parse(turtle.getvalue(), format=ox.RdfFormat.TURTLE)}
    assert len(triples) == 6


def test_the_streamed_counts_agree_with_the_counts_in_memory(tmp_path):
    data = _doc(G1, "a") + _doc(G2, "b")
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    streamed = merge_graphs([(G1, _doc(G1, "a")), (G2, _doc(G2, "b"))], io.BytesIO(), tmp_path,
                            prefixes={}, documents=2)
    assert streamed == statistics_of(quads)


def test_a_statement_outside_its_graph_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not a statement of"):
        merge_graphs([(G1, _doc(G2, "b"))], io.BytesIO(), tmp_path, prefixes={})


def test_prefix_lines_come_out_sorted_whatever_order_the_serializer_writes_them_in():
    out = io.BytesIO()
    writer = SortedPrefixes(out)
    for chunk in (b"@prefix z: <http://z/> .\n@pre", b"fix a: <http://a/> .\n", b"a:x z:y a:z .\n"):
        writer.write(chunk)
    writer.flush()
    assert out.getvalue() == b"@prefix a: <http://a/> .\n@prefix z: <http://z/> .\na:x z:y a:z .\n"
