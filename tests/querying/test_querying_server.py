"""The Oxigraph SPARQL endpoint, spoken to over real SPARQL 1.1 Protocol requests.

The servers are started once per session (see conftest) on free loopback ports.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib

from kg.querying.serve import RunningServer, ServeError, start_server, stop_server
from kg.querying.store import open_store
from querying_support import (DK, MEMCON, PREFIXES, REPO_ROOT, TELCON, TOOK_PART, doc,
                               free_loopback_port, person)

TIMEOUT = 5
JSON = "application/sparql-results+json"
PARTICIPANTS = PREFIXES + f"SELECT ?d ?p WHERE {{ {TOOK_PART} }} ORDER BY ?d ?p"
EXPECTED_PARTICIPANTS = [
    (doc(MEMCON), person("dobrynin-anatoly")), (doc(MEMCON), person("gromyko-andrei")),
    (doc(MEMCON), person("kennedy-john-f")), (doc(MEMCON), person("rusk-dean")),
    (doc(TELCON), person("kennedy-john-f")), (doc(TELCON), person("macmillan-harold")),
]
CONTRIBUTOR = "http://purl.org/dc/terms/contributor"


def send(request: urllib.request.Request) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def get(server: RunningServer, query: str, accept: str = JSON):
    url = server.endpoint + "?" + urllib.parse.urlencode({"query": query})
    return send(urllib.request.Request(url, headers={"Accept": accept}))


def post_direct(url: str, body: str, content_type: str, accept: str = JSON):
    return send(urllib.request.Request(url, data=body.encode(), method="POST",
                                       headers={"Content-Type": content_type, "Accept": accept}))


def post_form(url: str, field: str, value: str, accept: str = JSON):
    body = urllib.parse.urlencode({field: value})
    return post_direct(url, body, "application/x-www-form-urlencoded", accept)


def rows(body: bytes, *variables: str) -> list[tuple[str, ...]]:
    bindings = json.loads(body)["results"]["bindings"]
    return [tuple(b[v]["value"] for v in variables) for b in bindings]


def update_url(server: RunningServer) -> str:
    return server.endpoint.removesuffix("/query") + "/update"


def count_triples(server: RunningServer) -> int:
    status, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_select_over_get_returns_sparql_json(kg_server: RunningServer) -> None:
    status, content_type, body = get(kg_server, PARTICIPANTS)
    assert status == 200
    assert content_type.startswith(JSON)
    assert rows(body, "d", "p") == EXPECTED_PARTICIPANTS


def test_select_over_post_as_sparql_query_body(kg_server: RunningServer) -> None:
    status, _, body = post_direct(kg_server.endpoint, PARTICIPANTS, "application/sparql-query")
    assert status == 200
    assert rows(body, "d", "p") == EXPECTED_PARTICIPANTS


def test_select_over_post_as_a_form(kg_server: RunningServer) -> None:
    status, _, body = post_form(kg_server.endpoint, "query", PARTICIPANTS)
    assert status == 200
    assert rows(body, "d", "p") == EXPECTED_PARTICIPANTS


def test_the_endpoint_counts_a_shared_fact_once_like_kg_query(kg_server: RunningServer) -> None:
    query = PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ <{person('kennedy-john-f')}> rdfs:label ?l }}"
    status, _, body = get(kg_server, query)
    assert status == 200
    assert rows(body, "n") == [("1",)]


def test_construct_returns_turtle(kg_server: RunningServer) -> None:
    query = PREFIXES + f"CONSTRUCT {{ ?d dcterms:contributor ?p }} WHERE {{ {TOOK_PART} }}"
    status, content_type, body = get(kg_server, query, accept="text/turtle")
    assert status == 200
    assert content_type.startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body.decode(), format="turtle")
    assert set(graph) == {(rdflib.URIRef(d), rdflib.URIRef(CONTRIBUTOR), rdflib.URIRef(p))
                          for d, p in EXPECTED_PARTICIPANTS}


def test_updates_are_refused_by_the_server(kg_server: RunningServer) -> None:
    before = count_triples(kg_server)
    insert = f"INSERT DATA {{ <{person('x')}> <{DK}p> <{person('y')}> }}"
    refused = [
        post_direct(update_url(kg_server), insert, "application/sparql-update")[0],
        post_form(update_url(kg_server), "update", insert)[0],
        post_direct(kg_server.endpoint, insert, "application/sparql-query")[0],
        post_form(kg_server.endpoint, "query", insert)[0],
    ]
    assert all(400 <= status < 500 for status in refused), refused
    assert count_triples(kg_server) == before


def test_a_federated_query_joins_rows_from_an_allowed_second_endpoint(
        federating_server: RunningServer, authority_server: RunningServer) -> None:
    query = PREFIXES + f"""SELECT ?p ?qid WHERE {{
        {TOOK_PART}
        SERVICE <{authority_server.endpoint}> {{ ?p owl:sameAs ?qid }}
    }} GROUP BY ?p ?qid ORDER BY ?p"""
    status, _, body = get(federating_server, query)
    assert status == 200, body
    # Participants with an authority record; Gromyko has none, Khrushchev took part in neither.
    assert rows(body, "p", "qid") == [
        (person("kennedy-john-f"), "http://www.wikidata.org/entity/Q9696"),
        (person("macmillan-harold"), "http://www.wikidata.org/entity/Q128902")]


def test_starting_on_a_busy_port_fails_with_a_clear_error(kg_server: RunningServer,
                                                          store_dir: Path) -> None:
    with pytest.raises(ServeError, match="in use"):
        start_server(store_dir, kg_server.host, kg_server.port, timeout=5)


def test_the_server_starts_while_a_writer_holds_the_store_open(store_dir: Path) -> None:
    # Read-only RocksDB opens take no lock, so `kg serve` is not blocked by a running build
    # (it then serves whatever was on disk when it started).
    writer = open_store(store_dir, read_only=False)
    server = start_server(store_dir, "127.0.0.1", free_loopback_port(), timeout=5)
    try:
        assert count_triples(server) > 0
    finally:
        stop_server(server)
        del writer


def test_kg_serve_prints_the_endpoint_and_stops_cleanly_on_ctrl_c(store_dir: Path) -> None:
    port = free_loopback_port()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    code = "from kg.querying.commands import serve_command; serve_command()"
    # Ctrl-C as a terminal sends it: a test run started in the background by a shell ignores
    # SIGINT, and a child would inherit that (Python installs its handler only when it is not)
    process = subprocess.Popen(
        [sys.executable, "-u", "-c", code, "--store", str(store_dir), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        printed = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            printed.append(line)
            if "Ctrl-C" in line:
                break
        text = "".join(printed)
        endpoint = f"http://127.0.0.1:{port}/query"
        assert f"SPARQL endpoint: {endpoint}" in text
        assert "curl " in text and endpoint in text
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # The oxigraph child went down with it.
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(endpoint + "?query=ASK%7B%7D", timeout=2)
