"""`kg query` and `kg serve` as a user runs them (invoked directly, not via kg/cli.py)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from kg.querying.commands import query_command, serve_command
from querying_support import MEMCON, TELCON, doc


def invoke(command, *args: str):
    return CliRunner().invoke(command, list(args))


def test_query_prints_an_aligned_table_by_default(store_dir: Path, queries_dir: Path) -> None:
    result = invoke(query_command, "documents", "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["document", "date", "subject"]
    assert lines[2].split(maxsplit=1)[0] == doc(MEMCON)   # ORDER BY ?date
    assert lines[3].split(maxsplit=1)[0] == doc(TELCON)
    assert lines[-1] == "(2 rows)"


def test_query_writes_csv_with_a_header(store_dir: Path, queries_dir: Path) -> None:
    result = invoke(query_command, "cq01", "--store", str(store_dir), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [["document", "date", "subject"],
                    [doc(MEMCON), "1962-10-18", 'Cuba, Berlin and "the missiles"'],
                    [doc(TELCON), "1962-10-22", "Cuba"]]


def test_query_writes_sparql_tsv_with_terms_in_turtle_syntax(store_dir: Path,
                                                             queries_dir: Path) -> None:
    result = invoke(query_command, "cq01", "--store", str(store_dir), "--format", "tsv")
    assert result.exit_code == 0, result.output
    xsd_date = "<http://www.w3.org/2001/XMLSchema#date>"
    assert result.stdout.splitlines() == [
        "?document\t?date\t?subject",
        f'<{doc(MEMCON)}>\t"1962-10-18"^^{xsd_date}\t"Cuba, Berlin and \\"the missiles\\""',
        f'<{doc(TELCON)}>\t"1962-10-22"^^{xsd_date}\t"Cuba"']


def test_query_writes_sparql_results_json(store_dir: Path, queries_dir: Path) -> None:
    result = invoke(query_command, "documents", "--store", str(store_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ["document", "date", "subject"]
    assert [b["document"]["value"] for b in document["results"]["bindings"]] == [
        doc(MEMCON), doc(TELCON)]


def test_list_shows_each_competency_query_with_its_question(queries_dir: Path) -> None:
    result = invoke(query_command, "--list")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "cq01 documents     Which documents are in the graph, and when were they written?",
        "cq02 participants  Who took part in each document's conversation?",
    ]


def test_a_syntax_error_is_one_line_with_its_position(store_dir: Path) -> None:
    result = invoke(query_command, "SELECT * WHERE {\n ?s ?p \n}", "--store", str(store_dir))
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: inline query: SPARQL syntax error at line 3, column ")
    assert "Traceback" not in result.output


def test_a_missing_store_is_one_line_saying_to_build(tmp_path: Path) -> None:
    missing = tmp_path / "out" / "store"
    result = invoke(query_command, "ASK {}", "--store", str(missing))
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert str(missing) in line and "kg build" in line


def test_an_unknown_query_name_is_one_line(store_dir: Path, queries_dir: Path) -> None:
    result = invoke(query_command, "treaties", "--store", str(store_dir))
    assert result.exit_code == 1
    assert "no competency query named 'treaties'" in result.stderr


def test_query_without_a_query_or_list_is_a_usage_error() -> None:
    result = invoke(query_command)
    assert result.exit_code == 2
    assert "--list" in result.stderr


def test_serve_on_a_missing_store_says_to_build(tmp_path: Path) -> None:
    result = invoke(serve_command, "--store", str(tmp_path / "nowhere"), "--port", "1")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "kg build" in line
