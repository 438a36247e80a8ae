"""`kg serve` facing the network: no request goes out unless allowed, slow queries are stopped,
oversized requests are refused, and a failure is an HTTP error, never a 200 with a broken body.

Each outbound case is watched by a listener of our own on 127.0.0.1 that counts who calls it.
"""
from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.querying.serve import RunningServer, start_server, stop_server
from kg.querying.store import load_documents
from querying_support import free_loopback_port
from test_querying_server import get, post_direct, send

JSON = "application/sparql-results+json"


class Listener:
    """A local HTTP endpoint that counts its callers and answers as told."""

    def __init__(self, mode: str) -> None:
        self.mode, self.calls = mode, 0
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self) -> None:
                listener.calls += 1
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                if listener.mode == "hang-up":
                    self.connection.close()     # accept, then close without a word
                    return
                if listener.mode == "silent":
                    time.sleep(20)              # accept, then never answer in time
                    return
                body = json.dumps({"head": {"vars": ["qid"]}, "results": {"bindings": [
                    {"qid": {"type": "literal", "value": "Q9696"}}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", JSON)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    watched = Listener("answer")
    yield watched
    watched.close()


@pytest.fixture
def hang_up() -> Iterator[Listener]:
    watched = Listener("hang-up")
    yield watched
    watched.close()


def served(store_dir: Path, **options) -> RunningServer:
    return start_server(store_dir, "127.0.0.1", free_loopback_port(), timeout=10, **options)


def status_of(server: RunningServer, query: str, accept: str = JSON) -> tuple[int, bytes]:
    status, _, body = get(server, query, accept)
    return status, body


def test_a_service_query_is_refused_and_nothing_goes_out(kg_server, listener) -> None:
    for query in (f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                  f"select * where {{ service silent <{listener.url}> {{ ?s ?p ?o }} }}",
                  f"PREFIX x: <{listener.url.rsplit('/', 1)[0]}/> SELECT * {{ SERVICE x:sparql {{ ?s ?p ?o }} }}"):
        status, body = status_of(kg_server, query)
        assert status == 403, body
        assert b"not allowed" in body and b"--allow-service" in body
    time.sleep(0.2)
    assert listener.calls == 0


def test_a_query_that_only_mentions_service_in_a_string_runs(kg_server) -> None:
    status, body = status_of(kg_server, 'SELECT ("SERVICE <http://127.0.0.1:9/>" AS ?x) WHERE {}')
    assert status == 200, body


def test_an_allowed_endpoint_is_called_and_no_other(store_dir, listener) -> None:
    other = Listener("answer")
    server = served(store_dir, allow_service=[listener.url])
    try:
        status, body = status_of(server, f"SELECT ?qid WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?qid }} }}")
        assert status == 200, body
        assert [b["qid"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["Q9696"]
        assert listener.calls == 1
        status, body = status_of(server, f"SELECT * WHERE {{ SERVICE <{other.url}> {{ ?s ?p ?o }} }}")
        assert status == 403 and listener.url.encode() in body
        assert other.calls == 0
    finally:
        stop_server(server)
        other.close()


@pytest.mark.parametrize("accept", [JSON, "text/csv", "text/tab-separated-values",
                                    "application/sparql-results+xml"])
def test_a_failing_service_is_an_http_error_in_every_format_not_a_200(store_dir, hang_up, accept) -> None:
    server = served(store_dir, allow_service=[hang_up.url])
    try:
        query = f"SELECT * WHERE {{ ?s ?p ?o SERVICE <{hang_up.url}> {{ ?s ?p ?o }} }}"
        status, body = status_of(server, query, accept)
        assert 500 <= status < 600, body
        assert body.startswith(b"the query failed"), body
        assert hang_up.calls >= 1
    finally:
        stop_server(server)


@pytest.fixture
def big_store(tmp_path: Path) -> Path:
    """3,000 triples: a three-way cartesian product is 2.7e10 rows, far beyond any timeout."""
    folder = tmp_path / "big"
    data = "".join(f'<http://e/s{i}> <http://e/p> "{i}" .\n' for i in range(3000)).encode()
    load_documents(folder, {"http://e/graph": data})
    return folder


def test_a_query_past_the_timeout_is_cancelled_with_504_and_the_server_stays_responsive(big_store) -> None:
    server = served(big_store, query_timeout=1)
    try:
        started = time.monotonic()
        status, body = status_of(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?x ?y }")
        waited = time.monotonic() - started
        assert status == 504, body
        assert b"did not finish within 1 s" in body
        assert waited < 10
        started = time.monotonic()
        assert status_of(server, "ASK { ?s ?p ?o }")[0] == 200
        assert time.monotonic() - started < 2
        # Oxigraph cancelled the evaluation: its process is idle again.
        ticks = _cpu_ticks(server.process.pid)
        time.sleep(1.0)
        assert _cpu_ticks(server.process.pid) - ticks < 50      # < 0.5 s of CPU in 1 s
    finally:
        stop_server(server)


def test_an_allowed_endpoint_that_never_answers_ends_in_504_not_a_hung_client(store_dir) -> None:
    silent = Listener("silent")
    server = served(store_dir, allow_service=[silent.url], query_timeout=1)
    try:
        started = time.monotonic()
        status, body = status_of(server, f"SELECT * WHERE {{ SERVICE <{silent.url}> {{ ?s ?p ?o }} }}")
        assert status == 504, body
        assert time.monotonic() - started < 10
        assert status_of(server, "ASK {}")[0] == 200
    finally:
        stop_server(server)
        silent.server.server_close()


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])       # utime + stime


def test_a_request_larger_than_the_limit_is_refused_with_413(store_dir) -> None:
    server = served(store_dir, max_request_bytes=4096)
    try:
        query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
        status, _, body = post_direct(server.endpoint, query, "application/sparql-query")
        assert status == 413 and b"larger than the limit of 4096 bytes" in body
        status, _, _ = post_direct(server.endpoint, "ASK {}", "application/sparql-query")
        assert status == 200
    finally:
        stop_server(server)


def test_a_request_line_longer_than_64_kib_is_refused_with_414(kg_server) -> None:
    status, _body = status_of(kg_server, "ASK {} #" + "x" * 70000)
    assert status == 414


def test_a_syntax_error_is_a_400_with_the_reason(kg_server) -> None:
    status, body = status_of(kg_server, "SELECT * WHERE {\n ?s undeclared:p ?o }")
    assert status == 400
    assert body.startswith(b"the query failed: SPARQL syntax error at line 2, column")
    assert b"undeclared prefix" in body and len(body) < 300


def test_the_query_page_offers_the_prefixes_and_the_competency_questions(kg_server) -> None:
    status, kind, body = send(urllib.request.Request(kg_server.endpoint.removesuffix("/query") + "/"))
    assert status == 200 and kind.startswith("text/html")
    page = body.decode()
    assert "PREFIX dk: &lt;https://w3id.org/declass-kg/ontology#&gt;" in page
    assert page.count('class="use"') >= 1 and "cq01" in page


def test_a_query_without_a_query_parameter_goes_to_the_query_page(kg_server) -> None:
    request = urllib.request.Request(kg_server.endpoint)
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.url.endswith("/query.html") and response.status == 200


def test_the_endpoint_answers_cross_origin_pages(kg_server) -> None:
    request = urllib.request.Request(kg_server.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
                                     headers={"Accept": JSON, "Origin": "null"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers["Access-Control-Allow-Origin"] == "*"
