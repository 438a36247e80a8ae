"""Finding, running and formatting queries over the store."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from kg.querying import query as q
from kg.querying.store import StoreError, open_store
from querying_support import DK, GRAPH, MEMCON, PREFIXES, TELCON, doc, person

PARTICIPANT_ROWS = [  # cq02 over the fixture, in its ORDER BY ?document ?name order
    (doc(MEMCON), person("andrei-gromyko"), "Andrei Gromyko"),
    (doc(MEMCON), person("john-f-kennedy"), "John F. Kennedy"),
    (doc(TELCON), person("harold-macmillan"), "Harold Macmillan"),
    (doc(TELCON), person("john-f-kennedy"), "John F. Kennedy"),
]


def run(store_dir: Path, query: str, fmt: str = "table") -> str:
    return q.run(query, store_dir, fmt)


# --- finding queries -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["participants", "cq02", "cq02-participants", "CQ02",
                                  "cq02-participants.rq"])
def test_a_competency_query_is_found_by_its_short_name(queries_dir: Path, name: str) -> None:
    resolved = q.resolve_query(name)
    assert resolved.source == "cq02-participants.rq"
    assert resolved.text == (queries_dir / "cq02-participants.rq").read_text()


def test_a_path_to_a_rq_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("ASK {}")
    assert q.resolve_query(str(path)).text == "ASK {}"


def test_anything_else_is_inline_sparql(queries_dir: Path) -> None:
    assert q.resolve_query("SELECT * WHERE { ?s ?p ?o }").source == "inline query"


def test_an_unknown_short_name_points_to_the_list(queries_dir: Path) -> None:
    with pytest.raises(q.QueryError, match="kg query --list"):
        q.resolve_query("treaties")


def test_a_missing_rq_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(q.QueryError, match="not found"):
        q.resolve_query(str(tmp_path / "absent.rq"))


def test_the_queries_live_in_the_ontology_folder_by_default(monkeypatch) -> None:
    monkeypatch.delenv(q.QUERIES_DIR_ENV, raising=False)
    root = Path(q.__file__).resolve().parents[2]
    assert (root / "kg").is_dir()
    assert q.default_queries_dir() == root / "ontology" / "queries"


def test_listing_gives_each_query_and_its_question(queries_dir: Path) -> None:
    listed = q.list_queries()
    assert [(cq.id, cq.name) for cq in listed] == [("cq01", "documents"), ("cq02", "participants")]
    # cq01 has a "# question:" line after a title line; cq02 only plain comments.
    assert listed[0].question == "Which documents are in the graph, and when were they written?"
    assert listed[1].question == "Who took part in each document's conversation?"


# --- running and formatting ------------------------------------------------------------------


def test_the_default_graph_is_the_union_of_all_documents(store_dir: Path) -> None:
    out = run(store_dir, PREFIXES + "SELECT ?d WHERE { ?d a dk:Document } ORDER BY ?d", "csv")
    assert out.splitlines() == ["d", doc(MEMCON), doc(TELCON)]


def test_a_fact_stated_in_two_documents_counts_once(store_dir: Path) -> None:
    # Both documents state Kennedy's type and label; the merged default graph holds them once.
    query = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?p a dk:Person ; rdfs:label ?name }"
    persons_with_names = {("john-f-kennedy", 1), ("andrei-gromyko", 2), ("harold-macmillan", 1)}
    expected = sum(labels for _, labels in persons_with_names)
    assert run(store_dir, query, "csv").splitlines() == ["n", str(expected)]


def test_graph_clauses_still_tell_which_document_says_what(store_dir: Path) -> None:
    query = PREFIXES + (f"SELECT ?g WHERE {{ GRAPH ?g {{ ?d dk:participant <{person('john-f-kennedy')}> }} }}"
                        " ORDER BY ?g")
    assert run(store_dir, query, "csv").splitlines()[1:] == [GRAPH + MEMCON, GRAPH + TELCON]


def test_csv_has_a_header_and_lexical_values(store_dir: Path, queries_dir: Path) -> None:
    rows = list(csv.reader(io.StringIO(run(store_dir, "participants", "csv"))))
    assert rows[0] == ["document", "person", "name"]
    assert [tuple(r) for r in rows[1:]] == PARTICIPANT_ROWS


def test_csv_quotes_commas_and_quotes_in_values(store_dir: Path) -> None:
    out = run(store_dir, PREFIXES + "SELECT ?s WHERE { ?d dk:subject ?s }", "csv")
    assert list(csv.reader(io.StringIO(out)))[1] == ['Cuba, Berlin and "the missiles"']


def test_tsv_is_sparql_tsv_with_terms_in_turtle_syntax(store_dir: Path, queries_dir: Path) -> None:
    lines = run(store_dir, "cq02", "tsv").splitlines()
    assert lines[0] == "?document\t?person\t?name"
    assert [tuple(line.split("\t")) for line in lines[1:]] == [
        (f"<{d}>", f"<{p}>", f'"{name}"') for d, p, name in PARTICIPANT_ROWS]


def test_csv_shows_literals_without_tag_or_datatype_and_tsv_keeps_them(store_dir: Path) -> None:
    query = PREFIXES + (f"SELECT ?date ?name WHERE {{ <{doc(MEMCON)}> dk:date ?date . "
                        f"<{person('andrei-gromyko')}> rdfs:label ?name FILTER(lang(?name) = 'ru') }}")
    assert run(store_dir, query, "csv").splitlines()[1] == "1962-10-18,Андрей Громыко"
    assert run(store_dir, query, "tsv").splitlines()[1] == (
        '"1962-10-18"^^<http://www.w3.org/2001/XMLSchema#date>\t"Андрей Громыко"@ru')


def test_inline_sparql_may_use_the_project_prefixes_without_declaring_them(store_dir: Path) -> None:
    out = run(store_dir, "SELECT ?d WHERE { ?d a dk:Document } ORDER BY ?d", "csv")
    assert out.splitlines() == ["d", doc(MEMCON), doc(TELCON)]


def test_a_prefix_the_query_declares_wins_over_the_project_prefix(store_dir: Path) -> None:
    query = "PREFIX dk: <http://example.org/other#>\nASK { ?d a dk:Document }"
    assert run(store_dir, query) == "false\n"


def test_the_table_is_aligned_under_its_header(store_dir: Path, queries_dir: Path) -> None:
    lines = run(store_dir, "participants").splitlines()
    header, rule, *body, footer = lines
    assert header.split() == ["document", "person", "name"]
    assert footer == f"({len(PARTICIPANT_ROWS)} rows)"
    # Every column starts at the same offset on every line.
    starts = [header.index("person"), header.index("name")]
    for line, expected in zip(body, PARTICIPANT_ROWS):
        assert [line[:starts[0]].strip(), line[starts[0]:starts[1]].strip(),
                line[starts[1]:].strip()] == list(expected)
    assert set(rule.replace(" ", "")) == {"-"}


def test_json_is_sparql_results_json(store_dir: Path, queries_dir: Path) -> None:
    document = json.loads(run(store_dir, "participants", "json"))
    assert document["head"]["vars"] == ["document", "person", "name"]
    first = document["results"]["bindings"][0]
    assert first == {
        "document": {"type": "uri", "value": doc(MEMCON)},
        "person": {"type": "uri", "value": person("andrei-gromyko")},
        "name": {"type": "literal", "value": "Andrei Gromyko"},
    }
    assert len(document["results"]["bindings"]) == len(PARTICIPANT_ROWS)


def test_json_keeps_datatypes_language_tags_blank_nodes_and_omits_unbound(store_dir: Path) -> None:
    query = PREFIXES + f"""SELECT ?date ?ru ?evidence ?nothing WHERE {{
        <{doc(MEMCON)}> dk:date ?date ; dk:evidence ?evidence .
        <{person('andrei-gromyko')}> rdfs:label ?ru FILTER(lang(?ru) = "ru")
        OPTIONAL {{ ?evidence dk:missing ?nothing }} }}"""
    (row,) = json.loads(run(store_dir, query, "json"))["results"]["bindings"]
    assert row["date"] == {"type": "literal", "value": "1962-10-18",
                           "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert row["ru"] == {"type": "literal", "value": "Андрей Громыко", "xml:lang": "ru"}
    assert row["evidence"]["type"] == "bnode"
    assert "nothing" not in row


def test_ask_answers_true_or_false(store_dir: Path) -> None:
    assert run(store_dir, PREFIXES + f"ASK {{ ?d dk:participant <{person('harold-macmillan')}> }}") == "true\n"
    assert run(store_dir, PREFIXES + f"ASK {{ ?d dk:participant <{person('dean-rusk')}> }}") == "false\n"
    assert json.loads(run(store_dir, "ASK {}", "json")) == {"head": {}, "boolean": True}


def test_construct_prints_turtle_that_parses_to_the_constructed_triples(store_dir: Path) -> None:
    query = PREFIXES + "CONSTRUCT { ?p dk:tookPartIn ?d } WHERE { ?d dk:participant ?p }"
    turtle = run(store_dir, query)
    assert "@prefix dk:" in turtle  # the query's prefixes are reused
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    expected = {(rdflib.URIRef(p), rdflib.URIRef(DK + "tookPartIn"), rdflib.URIRef(d))
                for d, p, _ in PARTICIPANT_ROWS}
    assert set(graph) == expected


def test_construct_as_csv_or_tsv_prints_n_triples(store_dir: Path) -> None:
    query = f"CONSTRUCT WHERE {{ <{doc(TELCON)}> <{DK}date> ?d }}"
    out = run(store_dir, query, "tsv")
    assert out == f'<{doc(TELCON)}> <{DK}date> "1962-10-22"^^<http://www.w3.org/2001/XMLSchema#date> .\n'


def test_a_syntax_error_shows_line_and_column(store_dir: Path) -> None:
    with pytest.raises(q.QueryError) as caught:
        run(store_dir, "SELECT ?s\nWHERE { ?s ?p }")
    message = str(caught.value)
    assert "line 2, column" in message
    assert message.startswith("inline query: SPARQL syntax error")
    assert "\n" not in message and len(message) < 250


def test_a_syntax_error_in_a_file_names_the_file(store_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# fine\nSELECT * WHERE {\n  ?s undeclared:p ?o .\n}\n")  # bad prefix, line 3
    with pytest.raises(q.QueryError, match=r"broken\.rq: SPARQL syntax error at line 3, "
                                           r"column \d+: undeclared prefix"):
        run(store_dir, str(path))


def test_updates_are_refused_by_kg_query(store_dir: Path) -> None:
    before = len(open_store(store_dir))
    with pytest.raises(q.QueryError, match="read-only"):
        run(store_dir, "PREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }")
    assert len(open_store(store_dir)) == before


def test_querying_a_missing_store_says_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        run(tmp_path / "nowhere", "ASK {}")

