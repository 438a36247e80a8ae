"""Every command of the `kg` CLI, run on the shipped seed: what a historian types first."""
from __future__ import annotations

import csv
import io
import json
import socket
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-out")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 of 1 documents published" in result.output
    return out


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_kg_query_participants_prints_the_eight_participants_with_their_sides(built):
    r = _run("query", "participants", "--store", str(built / "store"), "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    header, body = rows[0], rows[1:]
    sides = {row[header.index("name")]: row[header.index("delegation")] for row in body}
    assert sides == {
        "Adlai E. Stevenson": "US", "Roswell L. Gilpatric": "US", "Charles W. Yost": "US",
        "Alexander Akalovsky": "US", "Vasily V. Kuznetsov": "USSR", "Valerian A. Zorin": "USSR",
        "Lev Mendelevich": "USSR", "Zherebtsov": "USSR"}


def test_the_default_table_is_aligned_and_counts_its_rows(built):
    r = _run("query", "drafters", "--store", str(built / "store"))
    assert r.exit_code == 0
    assert "Alexander Akalovsky" in r.output and "(1 row)" in r.output


def test_kg_query_list_shows_the_twelve_competency_questions():
    r = _run("query", "--list")
    assert r.exit_code == 0
    for n in range(1, 13):
        assert f"cq{n:02d}" in r.output
    assert "who took part" in r.output.lower()


def test_a_syntax_error_is_shown_with_its_position_not_a_traceback(built):
    r = _run("query", "SELECT ?x WHERE { ?x ?y }", "--store", str(built / "store"))
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert any(ch.isdigit() for ch in r.output.splitlines()[-1])


def test_kg_validate_says_the_published_graph_conforms(built):
    r = _run("validate", str(built / "kg.ttl"))
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output.splitlines()[0]


def test_kg_validate_reads_the_published_datasets_whole(built):
    """kg.trig, kg.nq and kg.jsonld hold every document in a named graph: each is read whole
    (JSON-LD's named graphs once read as an empty default graph that "conformed")."""
    r = _run("validate", *(str(built / name) for name in ("kg.trig", "kg.nq", "kg.jsonld")))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    counts = {line.split(",")[1].split(" triples")[0].strip() for line in lines}
    assert len(lines) == 3 and len(counts) == 1 and int(counts.pop()) > 10_000
    assert all("named graphs; 0 violations)" in line and ": conforms (" in line for line in lines)


def test_kg_validate_names_the_node_and_rule_of_a_violation(tmp_path, built):
    broken = tmp_path / "broken.ttl"
    text = (built / "kg.ttl").read_text(encoding="utf-8")
    broken.write_text(text.replace('"1962-11-06"^^xsd:date', '"6 Nov 1962"'), encoding="utf-8")
    r = _run("validate", str(broken))
    assert r.exit_code == 1
    assert "doc/000_518769ec419a4fc7" in r.output and "xsd:date" in r.output


def test_kg_serve_answers_a_competency_query_over_http(built):
    from kg.querying.serve import start_server, stop_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = start_server(built / "store", "127.0.0.1", port, timeout=20)
    try:
        query = (Path(__file__).resolve().parents[1] / "ontology/queries/cq02-participants.rq").read_text()
        req = urllib.request.Request(
            server.endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            data = json.load(resp)
        names = {b["name"]["value"] for b in data["results"]["bindings"]}
        assert len(names) == 8 and "Vasily V. Kuznetsov" in names
    finally:
        stop_server(server)
