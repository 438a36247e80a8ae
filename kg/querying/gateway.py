"""The HTTP front of ``kg serve``: the only port the world sees.

It answers the SPARQL 1.1 Protocol on ``/query`` by checking each request and then asking the
Oxigraph server behind it (on a private loopback port), and it serves the static site and the
query page.  What it adds to Oxigraph:

* **No outbound requests by default.**  A query with ``SERVICE`` is refused (403, with the
  reason) unless every endpoint it names is on the allowlist (``--allow-service URL``); see
  ``kg.querying.federation``.  Updates are refused (403) before they reach Oxigraph.
* **Cross-origin reads.**  ``/query`` answers carry ``Access-Control-Allow-Origin: *`` (the data
  is read-only and public; the query page of a site opened from disk needs it).
* **Request limits.**  A query body larger than ``max_request_bytes`` is refused (413), a
  request line longer than 64 KiB too (414, by ``http.server``), a body without its length 411.
* **A query timeout.**  Oxigraph runs with ``--timeout-s`` and cancels the evaluation itself (the
  core is freed).  Its timeout does not cover a remote endpoint that never answers, so the
  gateway also gives up when Oxigraph has sent nothing for the timeout plus a second.  Either
  way: 504.
* **Whole answers or an HTTP error, never 200 with a truncated body.**  Oxigraph streams its
  results and reports a failure that happens mid-stream (a cancelled query, an unreachable
  SERVICE) by cutting the body short after status 200.  The gateway therefore asks Oxigraph for
  SPARQL JSON results (or N-Triples for graphs), reads the whole answer, parses it with
  pyoxigraph (which fails on a cut-short answer) and only then writes it to the client in the
  format the client asked for, with pyoxigraph's serializers.  A failure becomes 502 (or 504
  for a timeout) with the reason as text.  The cost: a result is held in memory once
  (``max_result_bytes``, then 507).

What it does not do: authenticate, rate-limit, or start and stop Oxigraph (``kg.querying.serve``).
"""
from __future__ import annotations

import http.client
import mimetypes
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from kg.querying.federation import ServiceRefused, check_services
from kg.querying.query import syntax_error_message

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024
DEFAULT_MAX_RESULT_BYTES = 256 * 1024 * 1024
GRACE = 1.0                      # seconds of silence from Oxigraph the gateway tolerates past the timeout
BACKEND_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
RESULT_TYPES = {  # media type a client may ask for -> pyoxigraph result format
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
}
_UPDATE = re.compile(
    r"^\s*(?:(?:#[^\n]*\n|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


@dataclass
class GatewayConfig:
    backend: str                                   # "127.0.0.1:PORT" of the Oxigraph server
    timeout: float = DEFAULT_TIMEOUT
    allowed_services: frozenset[str] = frozenset()
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES
    site_dir: Path | None = None                   # the static site (kg site), if any
    query_page: bytes = b""                        # the SPARQL page (kg.site.pages.query_page)
    busy: threading.BoundedSemaphore = field(default_factory=lambda: threading.BoundedSemaphore(8))


class Refused(Exception):
    """A request answered with an HTTP error: status and a one-line reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


class Gateway(ThreadingHTTPServer):
    daemon_threads = True
    # SO_REUSEADDR: a restart may take the port over from connections in TIME_WAIT; on Linux a
    # port another server listens on still fails (EADDRINUSE), which start_server reports.
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], config: GatewayConfig) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.config = config
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: Gateway
    server_version = "declass-kg"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:     # quiet: the terminal is the user's
        pass

    # -- routing -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._route(body=None)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        try:
            body = self._body()
        except Refused as exc:
            self._send_error(exc.status, str(exc), close=True)
            return
        self._route(body)

    def do_OPTIONS(self) -> None:
        """A browser's preflight for a cross-origin query (the static site's query page)."""
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self) -> None:
        self._send_error(405, "method not allowed: the endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _route(self, body: bytes | None) -> None:
        path = urllib.parse.urlsplit(self.path).path
        try:
            if path in ("/query", "/sparql"):
                self._sparql(body)
            elif path == "/update":
                raise Refused(403, "SPARQL updates are not allowed: the store is served read-only")
            elif body is not None:
                raise Refused(405, f"POST is only for /query, not {path}")
            else:
                self._static(path)
        except Refused as exc:
            self._send_error(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True          # the client left; nothing to answer
        except Exception as exc:                  # a bug must not leave the client hanging
            self._send_error(500, f"internal error {type(exc).__name__}: {exc}; please report it",
                             close=True)

    # -- SPARQL ----------------------------------------------------------------------------------

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked" or length is None:
            raise Refused(411, "a POST needs a Content-Length")
        try:
            size = int(length)
        except ValueError:
            raise Refused(400, "Content-Length is not a number") from None
        limit = self.server.config.max_request_bytes
        if size > limit:
            raise Refused(413, f"request of {size} bytes is larger than the limit of {limit} bytes")
        return self.rfile.read(size)

    def _params(self, body: bytes | None) -> tuple[str, list[tuple[str, str]]]:
        """The query text and the dataset parameters of a protocol request."""
        params = urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)
        query = None
        if body is not None:
            kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                query = body.decode("utf-8", errors="replace")
            elif kind == "application/x-www-form-urlencoded":
                params += urllib.parse.parse_qsl(body.decode("utf-8", errors="replace"),
                                                 keep_blank_values=True)
            elif kind == "application/sparql-update":
                raise Refused(403, "SPARQL updates are not allowed: the store is served read-only")
            else:
                raise Refused(415, f"unsupported Content-Type {kind or '(none)'}: send "
                                   "application/sparql-query or a form")
        if any(name == "update" for name, _ in params):
            raise Refused(403, "SPARQL updates are not allowed: the store is served read-only")
        queries = [value for name, value in params if name == "query"]
        if query is None:
            if len(queries) != 1:
                raise Refused(400, "give exactly one query (the 'query' parameter)")
            query = queries[0]
        dataset = [(n, v) for n, v in params if n in ("default-graph-uri", "named-graph-uri")]
        return query, dataset

    def _sparql(self, body: bytes | None) -> None:
        if body is None and not urllib.parse.urlsplit(self.path).query:
            self.send_response(303)
            self.send_header("Location", "/query.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        config = self.server.config
        query, dataset = self._params(body)
        if _UPDATE.match(query):
            raise Refused(403, "SPARQL updates are not allowed: the store is served read-only")
        try:
            check_services(query, config.allowed_services)
        except ServiceRefused as exc:
            raise Refused(403, str(exc)) from None
        if not config.busy.acquire(timeout=config.timeout):
            raise Refused(503, "the server is busy with other queries; try again")
        try:
            status, kind, data = self._ask_backend(query, dataset)
        finally:
            config.busy.release()
        if status != 200:
            text = data.decode("utf-8", errors="replace").strip() or http.client.responses.get(status, "")
            if status == 400 and text.startswith("error at "):
                text = syntax_error_message(text)
            raise Refused(status if 400 <= status < 600 else 502, f"the query failed: {text}")
        media, payload = self._convert(kind, data)
        self._send(200, media, payload)

    def _ask_backend(self, query: str, dataset: list[tuple[str, str]]) -> tuple[int, str, bytes]:
        config = self.server.config
        started = time.monotonic()
        connection = http.client.HTTPConnection(config.backend, timeout=config.timeout + GRACE)
        form = urllib.parse.urlencode([("query", query)] + dataset).encode("utf-8")
        try:
            connection.request("POST", "/query", body=form, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": BACKEND_ACCEPT})
            response = connection.getresponse()
            data = response.read(config.max_result_bytes + 1)
            if len(data) > config.max_result_bytes:
                raise Refused(507, f"the result is larger than {config.max_result_bytes} bytes: "
                                   "narrow the query or add LIMIT")
            return response.status, response.getheader("Content-Type", ""), data
        except (TimeoutError, socket.timeout):
            raise Refused(504, f"the query did not finish within {config.timeout:g} s "
                               "(kg serve --timeout)") from None
        except (http.client.IncompleteRead, http.client.HTTPException, ConnectionError) as exc:
            if time.monotonic() - started >= config.timeout:
                raise Refused(504, f"the query did not finish within {config.timeout:g} s "
                                   "(kg serve --timeout)") from None
            raise Refused(502, f"the query failed: the result was cut short ({type(exc).__name__})") from None
        finally:
            connection.close()

    def _convert(self, kind: str, data: bytes) -> tuple[str, bytes]:
        """Parse Oxigraph's whole answer (so a cut-short one fails here) and write it in the
        format the client accepts."""
        media = kind.split(";")[0].strip().lower()
        accept = self.headers.get("Accept", "*/*")
        try:
            if media == "application/sparql-results+json":
                parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
                wanted = _negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
                out = parsed.serialize(format=RESULT_TYPES[wanted])
                return _with_charset(wanted), out
            if media == "application/n-triples":
                triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
                wanted = _negotiate(accept, GRAPH_TYPES, "text/turtle")
                return _with_charset(wanted), ox.serialize(triples, format=GRAPH_TYPES[wanted])
        except SyntaxError:
            raise _failure(data, self.server.config.timeout) from None
        raise Refused(502, f"unexpected answer from the query engine ({media or 'no type'})")

    # -- the site and the query page ------------------------------------------------------------

    def _static(self, path: str) -> None:
        config = self.server.config
        if path in ("/query.html",) or (path in ("/", "/index.html") and config.site_dir is None):
            self._send(200, "text/html; charset=utf-8", config.query_page)
            return
        if config.site_dir is None:
            raise Refused(404, f"nothing at {path}: no site is served (run `kg site` first)")
        relative = urllib.parse.unquote(path).lstrip("/") or "index.html"
        root = config.site_dir.resolve()
        target = (root / relative).resolve()
        if target.is_dir():
            target = target / "index.html"
        if root not in target.parents or not target.is_file():
            raise Refused(404, f"nothing at {path}")
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".ttl":
            media = "text/turtle"
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self._send(200, media + charset, target.read_bytes())

    # -- writing ----------------------------------------------------------------------------------

    def _send(self, status: int, media: str, data: bytes, close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if urllib.parse.urlsplit(self.path).path in ("/query", "/sparql"):
            # Read-only public data: any page may query it (the site opened from disk does).
            self.send_header("Access-Control-Allow-Origin", "*")
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _send_error(self, status: int, reason: str, close: bool = False) -> None:
        self._send(status, "text/plain; charset=utf-8", (" ".join(reason.split()) + "\n").encode("utf-8"),
                   close=close)


def _negotiate(accept: str, offered: dict, default: str) -> str:
    """The offered media type the Accept header ranks highest (``default`` for */*)."""
    best, best_q = None, 0.0
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media, q = pieces[0].lower(), 1.0
        for piece in pieces[1:]:
            if piece.startswith("q="):
                try:
                    q = float(piece[2:])
                except ValueError:
                    q = 0.0
        if media in ("*/*", "application/*", "text/*") and default and q > best_q:
            best, best_q = default, q
        elif media in offered and q > best_q:
            best, best_q = media, q
    if best is None:
        raise Refused(406, f"cannot answer in {accept}; offered: {', '.join(offered)}")
    return best


def _with_charset(media: str) -> str:
    return media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else "")


def _failure(data: bytes, timeout: float) -> Refused:
    """The HTTP error for an answer that was cut short, with Oxigraph's reason when it gave one."""
    tail = data[-400:].decode("utf-8", errors="replace")
    reason = re.search(r"([A-Z][^{}\[\]\"<>]{8,})\s*$", tail)
    text = " ".join(reason[1].split()) if reason else "the answer was cut short"
    if "cancel" in text.lower() or "timeout" in text.lower() or "timed out" in text.lower():
        return Refused(504, f"the query did not finish within {timeout:g} s (kg serve --timeout): {text}")
    return Refused(502, f"the query failed: {text}")
