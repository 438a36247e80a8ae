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
from querying_support import DOCUMENTS, GRAPH, MEMCON, PREFIXES, TELCON, TOOK_PART, doc, person

PARTICIPANT_ROWS = [  # cq02 over the fixture, in its ORDER BY ?document ?name order
    (doc(MEMCON), person("dobrynin-anatoly"), "Anatoly Dobrynin"),
    (doc(MEMCON), person("gromyko-andrei"), "Andrei Gromyko"),
    (doc(MEMCON), person("rusk-dean"), "Dean Rusk"),
    (doc(MEMCON), person("kennedy-john-f"), "John F. Kennedy"),
    (doc(TELCON), person("macmillan-harold"), "Harold Macmillan"),
    (doc(TELCON), person("kennedy-john-f"), "John F. Kennedy"),
]
DCTERMS = "http://purl.org/dc/terms/"
# A graph of this test's own beside the documents: a language-tagged name and a blank node,
# which the mapping does not write.
EXTRA = (f'<{person("gromyko-andrei")}> <http://www.w3.org/2000/01/rdf-schema#label> "Андрей Громыко"@ru '
         f'<{GRAPH}extra> .\n<{doc(MEMCON)}> <http://www.w3.org/2000/01/rdf-schema#seeAlso> _:n <{GRAPH}extra> .\n').encode()


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
    out = run(store_dir, PREFIXES + "SELECT ?d WHERE { ?d a rico:Record } ORDER BY ?d", "csv")
    assert out.splitlines() == ["d", doc(MEMCON), doc(TELCON)]


def test_a_fact_stated_in_two_documents_counts_once(store_dir: Path) -> None:
    # Both documents state Kennedy's type and label; the merged default graph holds them once.
    query = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?p a rico:Person ; rdfs:label ?name }"
    per_graph = PREFIXES + ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a rico:Person ; "
                            "rdfs:label ?name } }")
    # memcon: Kennedy, Rusk, Gromyko, Dobrynin and the drafter Thompson; telcon: Kennedy, Macmillan
    assert run(store_dir, per_graph, "csv").splitlines() == ["n", "7"]
    assert run(store_dir, query, "csv").splitlines() == ["n", "6"]


def test_graph_clauses_still_tell_which_document_says_what(store_dir: Path) -> None:
    query = PREFIXES + (f"SELECT ?g WHERE {{ GRAPH ?g {{ {TOOK_PART} FILTER(?p = <{person('kennedy-john-f')}>) }} }}"
                        " ORDER BY ?g")
    assert run(store_dir, query, "csv").splitlines()[1:] == [GRAPH + MEMCON, GRAPH + TELCON]


def test_csv_has_a_header_and_lexical_values(store_dir: Path, queries_dir: Path) -> None:
    rows = list(csv.reader(io.StringIO(run(store_dir, "participants", "csv"))))
    assert rows[0] == ["document", "person", "name"]
    assert [tuple(r) for r in rows[1:]] == PARTICIPANT_ROWS


def test_csv_quotes_commas_and_quotes_in_values(store_dir: Path) -> None:
    out = run(store_dir, PREFIXES + f"SELECT ?s WHERE {{ <{doc(MEMCON)}> dk:subjectLine ?s }}", "csv")
    assert list(csv.reader(io.StringIO(out)))[1] == ['Cuba, Berlin and "the missiles"']


def test_tsv_is_sparql_tsv_with_terms_in_turtle_syntax(store_dir: Path, queries_dir: Path) -> None:
    lines = run(store_dir, "cq02", "tsv").splitlines()
    assert lines[0] == "?document\t?person\t?name"
    assert [tuple(line.split("\t")) for line in lines[1:]] == [
        (f"<{d}>", f"<{p}>", f'"{name}"') for d, p, name in PARTICIPANT_ROWS]


def test_csv_shows_literals_without_tag_or_datatype_and_tsv_keeps_them(make_store) -> None:
    store_dir = make_store({**DOCUMENTS, GRAPH + "extra": EXTRA})
    query = PREFIXES + (f"SELECT ?date ?name WHERE {{ <{doc(MEMCON)}> dcterms:created ?date . "
                        f"<{person('gromyko-andrei')}> rdfs:label ?name FILTER(lang(?name) = 'ru') }}")
    assert run(store_dir, query, "csv").splitlines()[1] == "1962-10-18,Андрей Громыко"
    assert run(store_dir, query, "tsv").splitlines()[1] == (
        '"1962-10-18"^^<http://www.w3.org/2001/XMLSchema#date>\t"Андрей Громыко"@ru')


def test_inline_sparql_may_use_the_project_prefixes_without_declaring_them(store_dir: Path) -> None:
    out = run(store_dir, "SELECT ?d WHERE { ?d a rico:Record } ORDER BY ?d", "csv")
    assert out.splitlines() == ["d", doc(MEMCON), doc(TELCON)]


def test_a_prefix_the_query_declares_wins_over_the_project_prefix(store_dir: Path) -> None:
    query = "PREFIX rico: <http://example.org/other#>\nASK { ?d a rico:Record }"
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
        "person": {"type": "uri", "value": person("dobrynin-anatoly")},
        "name": {"type": "literal", "value": "Anatoly Dobrynin"},
    }
    assert len(document["results"]["bindings"]) == len(PARTICIPANT_ROWS)


def test_json_keeps_datatypes_language_tags_blank_nodes_and_omits_unbound(make_store) -> None:
    store_dir = make_store({**DOCUMENTS, GRAPH + "extra": EXTRA})
    query = PREFIXES + f"""SELECT ?date ?ru ?evidence ?nothing WHERE {{
        <{doc(MEMCON)}> dcterms:created ?date ; rdfs:seeAlso ?evidence .
        <{person('gromyko-andrei')}> rdfs:label ?ru FILTER(lang(?ru) = "ru")
        OPTIONAL {{ ?evidence dk:missing ?nothing }} }}"""
    (row,) = json.loads(run(store_dir, query, "json"))["results"]["bindings"]
    assert row["date"] == {"type": "literal", "value": "1962-10-18",
                           "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert row["ru"] == {"type": "literal", "value": "Андрей Громыко", "xml:lang": "ru"}
    assert row["evidence"]["type"] == "bnode"
    assert "nothing" not in row


def test_ask_answers_true_or_false(store_dir: Path) -> None:
    ask = PREFIXES + "ASK {{ " + TOOK_PART + " FILTER(?p = <{}>) }}"
    assert run(store_dir, ask.format(person("macmillan-harold"))) == "true\n"
    assert run(store_dir, ask.format(person("khrushchev-nikita"))) == "false\n"
    assert json.loads(run(store_dir, "ASK {}", "json")) == {"head": {}, "boolean": True}


def test_construct_prints_turtle_that_parses_to_the_constructed_triples(store_dir: Path) -> None:
    query = PREFIXES + f"CONSTRUCT {{ ?d dcterms:contributor ?p }} WHERE {{ {TOOK_PART} }}"
    turtle = run(store_dir, query)
    assert "@prefix dcterms:" in turtle  # the query's prefixes are reused
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    expected = {(rdflib.URIRef(d), rdflib.URIRef(DCTERMS + "contributor"), rdflib.URIRef(p))
                for d, p, _ in PARTICIPANT_ROWS}
    assert set(graph) == expected


def test_construct_as_csv_or_tsv_prints_n_triples(store_dir: Path) -> None:
    query = f"CONSTRUCT WHERE {{ <{doc(TELCON)}> <{DCTERMS}created> ?d }}"
    out = run(store_dir, query, "tsv")
    assert out == f'<{doc(TELCON)}> <{DCTERMS}created> "1962-10-22"^^<http://www.w3.org/2001/XMLSchema#date> .\n'


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"),
                                                ("jsonld", "json-ld"), ("json", "json-ld")])
def test_construct_is_written_in_each_graph_format_kg_query_offers(store_dir: Path, fmt, rdflib_format) -> None:
    query = PREFIXES + f"CONSTRUCT {{ ?d dcterms:contributor ?p }} WHERE {{ {TOOK_PART} }}"
    graph = rdflib.Graph().parse(data=run(store_dir, query, fmt), format=rdflib_format)
    assert {(str(s), str(o)) for s, _, o in graph} == {(d, p) for d, p, _ in PARTICIPANT_ROWS}


@pytest.mark.parametrize("fmt", q.GRAPH_FORMATS)
@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o } LIMIT 1", "ASK {}"])
def test_a_graph_format_of_a_select_or_ask_result_says_which_formats_it_has(store_dir: Path, fmt, query) -> None:
    with pytest.raises(q.QueryError, match=rf"--format {fmt} is for the graph of a CONSTRUCT.*table, csv, tsv, json"):
        run(store_dir, query, fmt)


def test_the_help_of_format_names_only_formats_it_offers() -> None:
    from click.testing import CliRunner

    from kg.querying.commands import query_command

    help_text = " ".join(CliRunner().invoke(query_command, ["--help"]).output.split())
    option = help_text[help_text.index("--format"):help_text.index("--list")]
    named = {w.strip(".,()[]") for w in option.replace("|", " ").split()} & {
        "table", "csv", "tsv", "json", "turtle", "ntriples", "jsonld", "n-triples", "json-ld", "rdf/xml", "trig"}
    assert named == set(q.FORMATS)


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

