"""The on-disk store: one named graph per source document, replaced wholesale, incrementally."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.querying.store import (
    StoreError,
    graphs_in_nquads,
    load_documents,
    load_whole,
    open_store,
)
from querying_support import DK, DOCUMENTS, FIXTURES, GRAPH, MEMCON, TELCON, person

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV_AGENT = "http://www.w3.org/ns/prov#agent"       # a participation's person
OA_EXACT = "http://www.w3.org/ns/oa#exact"
V2 = FIXTURES / f"{MEMCON}.v2.nq"                   # the memcon again: two participants, no subject


def ntriples(path: Path) -> bytes:
    """The triples of an N-Quads fixture without their graph, to load under another graph."""
    quads = ox.parse(path.read_bytes(), format=ox.RdfFormat.N_QUADS)
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES)


def graph_names(store_dir: Path) -> set[str]:
    store = open_store(store_dir)
    return {g.value for g in store.named_graphs()}


def objects(store_dir: Path, graph: str, predicate: str) -> set[str]:
    store = open_store(store_dir)
    quads = store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(graph))
    return {q.object.value for q in quads}


def triples_in(store: ox.Store, graph) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}


def test_each_document_becomes_its_own_named_graph(store_dir: Path) -> None:
    assert graph_names(store_dir) == {GRAPH + MEMCON, GRAPH + TELCON}


def test_the_default_graph_is_the_set_union_of_the_document_graphs(store_dir: Path) -> None:
    store = open_store(store_dir)
    memcon = triples_in(store, ox.NamedNode(GRAPH + MEMCON))
    telcon = triples_in(store, ox.NamedNode(GRAPH + TELCON))
    assert memcon & telcon, "the fixture documents share facts about Kennedy"
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(default) == len(memcon | telcon)
    assert triples_in(store, ox.DefaultGraph()) == memcon | telcon


def test_a_shared_fact_survives_until_the_last_document_stating_it_goes(store_dir: Path) -> None:
    kennedy_label = (ox.NamedNode(person("kennedy-john-f")), ox.NamedNode(RDFS_LABEL),
                     ox.Literal("John F. Kennedy"))
    gromyko = ox.NamedNode(person("gromyko-andrei"))

    load_documents(store_dir, {}, removed=[GRAPH + MEMCON])
    merged = triples_in(open_store(store_dir), ox.DefaultGraph())
    assert kennedy_label in merged                         # still stated by the telcon
    assert not any(t[0] == gromyko for t in merged)        # only the memcon named him

    load_documents(store_dir, {}, removed=[GRAPH + TELCON])
    assert triples_in(open_store(store_dir), ox.DefaultGraph()) == set()


def test_reloading_a_graph_replaces_its_old_triples(store_dir: Path) -> None:
    before = objects(store_dir, GRAPH + MEMCON, PROV_AGENT)
    assert person("gromyko-andrei") in before
    assert objects(store_dir, GRAPH + MEMCON, DK + "subjectLine") == {'Cuba, Berlin and "the missiles"'}

    load_documents(store_dir, {GRAPH + MEMCON: V2})

    after = objects(store_dir, GRAPH + MEMCON, PROV_AGENT)
    assert after == {person("kennedy-john-f"), person("rusk-dean")}
    assert objects(store_dir, GRAPH + MEMCON, DK + "subjectLine") == set()  # dropped in v2
    # The other document's graph is untouched.
    assert objects(store_dir, GRAPH + TELCON, PROV_AGENT) == {
        person("kennedy-john-f"), person("macmillan-harold")}


def test_loading_the_same_documents_again_changes_nothing(store_dir: Path) -> None:
    def snapshot() -> tuple[int, set]:
        store = open_store(store_dir)
        # Blank nodes are fresh on every load, so compare sizes plus the ground quads.
        ground = {q for q in store if not isinstance(q.subject, ox.BlankNode)
                  and not isinstance(q.object, ox.BlankNode)}
        return len(store), ground

    before = snapshot()
    load_documents(store_dir, {GRAPH + MEMCON: FIXTURES / f"{MEMCON}.nq"})
    load_documents(store_dir, {GRAPH + MEMCON: (FIXTURES / f"{MEMCON}.nq").read_bytes()})
    assert snapshot() == before


def test_a_removed_source_loses_its_graph(store_dir: Path) -> None:
    report = load_documents(store_dir, {}, removed=[GRAPH + TELCON])
    assert report.removed == [GRAPH + TELCON]
    assert graph_names(store_dir) == {GRAPH + MEMCON}
    store = open_store(store_dir)
    assert not list(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH + TELCON)))


def test_removing_a_graph_that_is_not_there_is_a_no_op(store_dir: Path) -> None:
    report = load_documents(store_dir, {}, removed=[GRAPH + "never-built"])
    assert report.removed == []
    assert graph_names(store_dir) == {GRAPH + MEMCON, GRAPH + TELCON}


def test_blank_nodes_of_different_documents_stay_apart(tmp_path: Path) -> None:
    # Two documents that both label a node `_:e1` (the mapping names every node with an IRI;
    # other producers of N-Quads need not).
    def with_blank(graph: str) -> bytes:
        return f'_:e1 <{OA_EXACT}> "Mr. Gromyko" <{graph}> .\n'.encode()

    store_dir = tmp_path / "store"
    load_documents(store_dir, {GRAPH + MEMCON: with_blank(GRAPH + MEMCON),
                               GRAPH + TELCON: with_blank(GRAPH + TELCON)})
    store = open_store(store_dir)
    subjects = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(OA_EXACT), None, None)}
    assert len(subjects) == 2


def test_a_quad_for_another_graph_is_rejected_and_the_store_left_unchanged(store_dir: Path) -> None:
    before = set(open_store(store_dir))
    stray = f'<{person("x")}> <{DK}p> "1" <{GRAPH}{TELCON}> .\n'.encode()
    with pytest.raises(StoreError, match="another graph"):
        load_documents(store_dir, {GRAPH + MEMCON: stray})
    assert set(open_store(store_dir)) == before


def test_malformed_input_is_reported_without_touching_the_store(store_dir: Path) -> None:
    before = set(open_store(store_dir))
    with pytest.raises(StoreError, match="bad N-Quads"):
        load_documents(store_dir, {GRAPH + MEMCON: b"<a> <b> ."}, removed=[GRAPH + TELCON])
    assert set(open_store(store_dir)) == before


def test_a_missing_store_says_to_run_kg_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / "nowhere")
    message = str(caught.value)
    assert str(tmp_path / "nowhere") in message and "kg build" in message
    assert "\n" not in message
    assert not (tmp_path / "nowhere").exists()  # looking must not create it


def test_a_second_writer_gets_a_clear_lock_error(store_dir: Path) -> None:
    writer = open_store(store_dir, read_only=False)
    try:
        with pytest.raises(StoreError, match="locked"):
            load_documents(store_dir, {})
        # Readers are not blocked by a writer (RocksDB read-only opens take no lock).
        assert len(open_store(store_dir)) > 0
    finally:
        del writer


def test_a_merged_nquads_file_splits_into_its_document_graphs(tmp_path: Path) -> None:
    merged = tmp_path / "kg.nq"
    merged.write_bytes(b"".join(p.read_bytes() for p in DOCUMENTS.values()))

    chunks = graphs_in_nquads(merged)
    assert set(chunks) == {GRAPH + MEMCON, GRAPH + TELCON}
    load_documents(tmp_path / "store", chunks)
    assert graph_names(tmp_path / "store") == {GRAPH + MEMCON, GRAPH + TELCON}


def _contents(store_dir: Path) -> tuple[set, set]:
    """Named graphs' quads and the default graph's triples; blank nodes (fresh per load) as '_'."""
    store = open_store(store_dir)

    def term(t):
        return "_" if isinstance(t, ox.BlankNode) else t

    named, default = set(), set()
    for q in store.quads_for_pattern(None, None, None, None):
        row = (term(q.subject), q.predicate, term(q.object))
        if isinstance(q.graph_name, ox.DefaultGraph):
            default.add(row)
        else:
            named.add(row + (q.graph_name,))
    return named, default


def test_loading_a_batch_equals_loading_its_graphs_one_by_one(tmp_path: Path) -> None:
    """One bulk load of several graphs (replacing some, removing others) leaves the store as
    the same steps taken one graph at a time do, shared merged triples included."""
    memcon, telcon = FIXTURES / f"{MEMCON}.nq", FIXTURES / f"{TELCON}.nq"
    extra = b"<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n"
    steps = [
        ({GRAPH + MEMCON: memcon, GRAPH + TELCON: telcon}, []),
        ({GRAPH + MEMCON: V2, GRAPH + "extra": extra}, []),
        ({GRAPH + MEMCON: memcon}, [GRAPH + TELCON, GRAPH + "extra"]),
        ({GRAPH + TELCON: telcon, GRAPH + "extra": ntriples(V2) + extra}, [GRAPH + MEMCON]),
    ]
    batch, single = tmp_path / "batch", tmp_path / "single"
    for graphs, removed in steps:
        load_documents(batch, graphs, removed=removed)
        for iri in removed:
            load_documents(single, {}, removed=[iri])
        for iri, source in graphs.items():
            load_documents(single, {iri: source})
        assert _contents(batch) == _contents(single)


def test_the_merged_triples_of_blank_nodes_go_with_their_graph(tmp_path: Path) -> None:
    data = b'_:a <https://example.org/p> _:b .\n_:b <https://example.org/q> "v" .\n'
    store_dir = tmp_path / "store"
    load_documents(store_dir, {GRAPH + "one": data, GRAPH + "two": data})
    assert len(list(open_store(store_dir).quads_for_pattern(None, None, None, None))) == 8
    load_documents(store_dir, {GRAPH + "one": data}, removed=[GRAPH + "two"])
    assert len(list(open_store(store_dir).quads_for_pattern(None, None, None, None))) == 4
    load_documents(store_dir, {}, removed=[GRAPH + "one"])
    assert not list(open_store(store_dir).quads_for_pattern(None, None, None, None))


def _canonical(path: Path) -> bytes:
    """A fixture as a build's cache holds it: pyoxigraph's N-Quads, sorted."""
    lines = ox.serialize(ox.parse(path.read_bytes(), format=ox.RdfFormat.N_QUADS),
                         format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    return b"".join(sorted(set(lines)))


def test_a_whole_load_holds_what_loading_the_documents_one_by_one_holds(tmp_path: Path) -> None:
    """load_whole fills the default graph from each graph's own text (the store keeps one copy
    of a triple two documents state): the same store as load_documents, the merge included."""
    graphs = [(iri, _canonical(path)) for iri, path in sorted(DOCUMENTS.items())]
    (tmp_path / "whole-load-telcon.nq").write_bytes(_canonical(DOCUMENTS[graphs[1][0]]))
    graphs[1] = (graphs[1][0], tmp_path / "whole-load-telcon.nq")       # a file, as from the cache
    load_whole(tmp_path / "whole", graphs)
    load_documents(tmp_path / "one-by-one", dict(graphs))
    whole = _contents(tmp_path / "whole")
    assert whole == _contents(tmp_path / "one-by-one")
    named_triples = {row[:3] for row in whole[0]}
    assert whole[1] == named_triples and len(named_triples) < len(whole[0])   # shared facts once


def test_a_whole_load_of_a_line_outside_its_graph_names_the_graph(tmp_path: Path) -> None:
    memcon = _canonical(DOCUMENTS[GRAPH + MEMCON])
    with pytest.raises(StoreError, match=f"not a statement of <{GRAPH + TELCON}>"):
        load_whole(tmp_path / "store", [(GRAPH + TELCON, memcon)])
