"""Specifications of `kg docs` and of the generated docs/queries.md."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.docs import (FEDERATED_QUERY, HAND_BEGIN, HAND_END, QuerySection, anchor, cell,
                     docs_command, generate, hand_written, render)
from kg.querying.query import CompetencyQuery, list_queries

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs"
QUERIES_MD = DOCS / "queries.md"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "querying"
GRAPH = "https://w3id.org/declass-kg/id/graph/"   # as the pipeline names a document graph


# --- the committed page is up to date with the queries folder ---------------------------------


def test_docs_queries_md_has_a_section_for_every_competency_query():
    # Only the sections are checked, not the rows: results change as the extractors improve.
    # If this fails, run `kg docs` and commit docs/queries.md.
    page = QUERIES_MD.read_text("utf-8")
    missing = [cq.path.name for cq in list_queries(REPO_ROOT / "ontology" / "queries")
               if f'<a id="{anchor(cq)}"></a>' not in page
               or f"File: `ontology/queries/{cq.path.name}`" not in page]
    assert not missing, f"docs/queries.md lacks {missing}: run `kg docs` to regenerate it"


def test_docs_queries_md_keeps_the_federated_wikidata_example():
    page = QUERIES_MD.read_text("utf-8")
    assert HAND_BEGIN in page and HAND_END in page
    assert "SERVICE <https://query.wikidata.org/sparql>" in page
    assert (DOCS / FEDERATED_QUERY).read_text("utf-8").strip() in page


def test_the_federated_example_is_valid_sparql_with_a_wikidata_service():
    from rdflib.plugins.sparql import prepareQuery   # parses only; nothing is sent anywhere

    text = (DOCS / FEDERATED_QUERY).read_text("utf-8")
    prepareQuery(text)
    assert "owl:sameAs" in text and "wdt:P569" in text


# --- generating the page ----------------------------------------------------------------------


@pytest.fixture
def fixture_store(tmp_path):
    from kg.querying.store import load_documents
    store = tmp_path / "store"
    load_documents(store, {GRAPH + "memcon-1962-10-18": FIXTURES / "memcon-1962-10-18.nq",
                           GRAPH + "telcon-1962-10-22": FIXTURES / "telcon-1962-10-22.nq"})
    return store


@pytest.fixture
def queries(tmp_path):
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "cq01-things.rq").write_text(
        "# question: What is there?\nSELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o\n", "utf-8")
    (folder / "cq02-broken.rq").write_text("# question: Does a broken query stop the page?\nSELECT ?x WHERE {\n", "utf-8")
    (folder / "cq03-nothing.rq").write_text(
        "# question: Anything in a graph nobody wrote?\nSELECT ?s WHERE { GRAPH <urn:none> { ?s ?p ?o } }\n", "utf-8")
    return folder


def test_each_query_gets_its_question_its_sparql_and_its_first_rows_with_a_count(tmp_path, fixture_store, queries):
    out = generate(tmp_path / "docs" / "queries.md", queries_dir=queries, store_dir=fixture_store, limit=3)
    page = out.read_text("utf-8")
    assert "## cq01 things: What is there?" in page
    assert "SELECT ?s ?p ?o WHERE" in page
    assert "| s | p | o |" in page
    assert "the first 3 are shown" in page
    section = page.split('<a id="cq01-things"></a>')[1].split("<a id=")[0]
    assert section.count("\n| ") == 4                         # header + 3 rows
    assert "the query did not run" in page.split('<a id="cq02-broken"></a>')[1]
    assert "no rows" in page.split('<a id="cq03-nothing"></a>')[1]


def test_regenerating_keeps_the_hand_written_section_and_gives_the_same_bytes(tmp_path, fixture_store, queries):
    out = tmp_path / "docs" / "queries.md"
    generate(out, queries_dir=queries, store_dir=fixture_store)
    page = out.read_text("utf-8")
    edited = page.replace(HAND_END, "A note a colleague added by hand.\n" + HAND_END)
    out.write_text(edited, "utf-8")
    generate(out, queries_dir=queries, store_dir=fixture_store)
    assert out.read_text("utf-8") == edited


def test_the_federated_query_file_beside_the_page_is_included(tmp_path, fixture_store, queries):
    (tmp_path / FEDERATED_QUERY).write_text("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }\n")
    page = generate(tmp_path / "queries.md", queries_dir=queries, store_dir=fixture_store).read_text()
    assert page.index(HAND_END) < page.index("SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o }")


def test_table_cells_stay_on_one_line_and_cannot_break_the_table():
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("*bold* <sup>x</sup>") == "\\*bold\\* \\<sup\\>x\\</sup\\>"
    assert cell("~~struck~~") == "\\~\\~struck\\~\\~"   # shown as printed, not rendered
    assert len(cell("x" * 500)) <= 91


def test_a_page_without_an_existing_file_starts_from_the_default_hand_written_section():
    block = hand_written(None)
    assert block.startswith(HAND_BEGIN) and block.endswith(HAND_END)
    cq = CompetencyQuery("cq09", "x", Path("cq09-x.rq"), "Why?")
    page = render([QuerySection(cq, "SELECT * {}", ("a",), (("1",),), 1)], block)
    assert "[cq09](#cq09-x): Why?" in page and "**On the seed:** 1 row." in page


def test_kg_docs_is_a_click_command_writing_the_page(tmp_path, fixture_store, queries, monkeypatch):
    monkeypatch.setenv("KG_QUERIES_DIR", str(queries))
    out = tmp_path / "queries.md"
    result = CliRunner().invoke(docs_command, ["--out", str(out), "--store", str(fixture_store), "--rows", "2"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "cq01 things" in out.read_text("utf-8")
