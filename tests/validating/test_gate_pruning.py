"""What the fast gate leaves out or does at once changes none of its answers.

The gate asks the store which shapes have focus nodes in the document (`PRESENT`) and builds
its queries without the rows, branches and SPARQL constraints of the other shapes (a short
document names a third of them).  The contract: on real documents (every fixture, and every
fixture with half its properties taken away, so that most checks find violations), the pruned
queries give exactly the rows of the whole program's queries, the term tests' rows included;
and a check is left out only when the store holds no focus node of its shape.  And the census,
which finds the document's background on its way through the triples, finds what
`background_for` finds and counts as it would over the document and that background.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF

from kg.extracting import run as extract
from kg.mapping import map_document
from kg.mapping.core import nquads_utf8, words_graph
from kg.reading import read_file
from kg.resolving import resolve_document
from kg.validating import background_for, fast_program
from kg.validating.rules import background_index
from kg.validating.compiled import PRESENT, Census, nt_row

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(p for p in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/jfk/*.md"),
                              *ROOT.glob("tests/fixtures/memos/*.txt"), *ROOT.glob("tests/fixtures/tei/*.xml")]
                  if not p.name.upper().startswith("README"))
GRAPH = "https://w3id.org/declass-kg/id/graph/pruning"


def _store(path: Path, thinned: bool = False):
    """The store the gate queries for one fixture document (the document, its background, the
    focus nodes), the program, and the census's failing subjects.  ``thinned``: every other
    property of the document (in IRI order, rdf:type kept) taken away."""
    records = extract(read_file(path))
    triples = list(map_document(records, resolve_document(records)))
    if thinned:
        dropped = sorted({p for _s, p, _o in triples} - {RDF.type})[::2]
        triples = [t for t in triples if t[1] not in dropped]
    program = fast_program(words_graph())
    background = background_for(triples)
    census = Census(program, triples + background)
    assert not census.reason
    store = ox.Store()
    store.load(nquads_utf8(triples, GRAPH), format=ox.RdfFormat.N_QUADS)
    store.load("".join(nt_row(t)[:-3] + f" <{GRAPH}> .\n" for t in background), format=ox.RdfFormat.N_QUADS)
    store.update(program.focus_update(GRAPH))
    return store, program, {i: set(by) for i, by in census.failing.items()}


def _rows(store, queries) -> Counter:
    default = [ox.NamedNode(GRAPH)]
    return Counter(tuple(str(v) for v in row) for q in queries for row in store.query(q, default_graph=default))


@pytest.mark.parametrize("thinned", [False, True], ids=["as built", "thinned"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_queries_without_the_shapes_a_document_lacks_give_the_same_rows(path, thinned):
    store, program, failing = _store(path, thinned)
    present = {int(row["s"].value) for row in store.query(PRESENT)}
    rows = _rows(store, program.queries(failing))
    assert _rows(store, program.queries(failing, present)) == rows
    assert _rows(store, [c.query for c in program.constraints(present)]) == \
        _rows(store, [c.query for c in program.constraints()])
    assert rows or not thinned          # a thinned document violates something
    for sid in {c.focus_shape for c in program.checks} - present:
        ask = f"ASK {{ GRAPH <urn:x-declass-kg:focus> {{ ?this <urn:x-declass-kg:focus> {sid} }} }}"
        assert not store.query(ask)


def test_every_check_is_run_on_the_focus_nodes_of_the_shape_it_is_pruned_by():
    program = fast_program(words_graph())
    for rows in program.tables.values():
        for sid, row in rows:
            index, shape = row[1:].split()[:2]
            assert int(shape) == sid == program.checks[int(index)].focus_shape
    focus = "GRAPH <urn:x-declass-kg:focus> {{ ?this <urn:x-declass-kg:focus> {} }}"
    for index, branch in program.branches.items():
        assert focus.format(program.checks[index].focus_shape) in branch
    for check in program.constraints():
        assert focus.format(check.focus_shape) in check.query


def test_a_short_document_leaves_out_most_shapes():
    store, program, _failing = _store(FIXTURES[0])
    present = {int(row["s"].value) for row in store.query(PRESENT)}
    assert present and len(present) < len({c.focus_shape for c in program.checks})


def _census_state(census: Census) -> tuple:
    failing = sorted((i, sorted((str(s), sorted(map(repr, v))) for s, v in by.items()))
                     for i, by in census.failing.items())
    return census.reason, failing, sorted(census.respelled), sorted(map(repr, census.rewritten))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_census_finds_the_background_on_its_way_and_counts_as_over_document_and_background(path):
    # the plain computation: background_for, then a census of the document and it together
    records = extract(read_file(path))
    triples = list(map_document(records, resolve_document(records)))
    program = fast_program(words_graph())
    background = background_for(triples)
    on_its_way = Census(program, triples, background_index())
    assert sorted(on_its_way.background) == sorted(background) and background
    assert _census_state(on_its_way) == _census_state(Census(program, triples + background))
