"""Serve the knowledge-graph store over the SPARQL 1.1 Protocol, safely, with the site beside it.

What it does: runs the Oxigraph server (``oxigraph serve-read-only``, from the PyPI ``oxigraph``
package) on the store, bound to a private loopback port chosen at start-up and with its own
query timeout (``--timeout-s``), and puts ``kg.querying.gateway`` in front of it on the address
the user asked for.  The gateway is what clients talk to: it refuses ``SERVICE`` to any endpoint
not on the allowlist (none by default, so the server makes no outbound request), refuses
updates and oversized requests, and only answers 200 with a whole result (see its docstring).
It also serves the static site (``kg site``) and a query page with the project's prefixes and
the competency questions.

Why a gateway in front of Oxigraph rather than queries run in-process with pyoxigraph: Oxigraph
cancels a query at its timeout and frees the core (pyoxigraph offers no way to stop a running
query short of killing the process), it is the multi-threaded SPARQL 1.1 Protocol server the
design names, and its federation (``SERVICE``) keeps working for allowed endpoints.  What it
lacks, the gateway adds, and because the gateway parses each answer before sending it, a
failure can never reach a client as a 200 with a truncated body.  The private port is bound
to 127.0.0.1 only; a local user could still reach Oxigraph there directly, so the guarantees
hold against the network, not against accounts on the same machine.

The default graph is the store's default graph, which the loader keeps as the de-duplicated
merge of all document graphs, so the endpoint answers exactly as ``kg query`` does.  (Not
``--union-default-graph``: in oxigraph 0.5 it counts a triple once per graph stating it; see
``kg.querying.store``.)

What it does not do: accept updates, authenticate, or follow a store that changes while it runs.

Locking (observed with oxigraph 0.5): the read-only server takes no RocksDB lock, so it starts
even while a ``kg build`` (or another pyoxigraph ``Store``) has the store open for writing, and
a build can write while the server runs.  But the server serves a snapshot taken at start-up:
it does not see later writes, and Oxigraph calls reading while another process writes
undefined behaviour.  Restart ``kg serve`` after each ``kg build``.
"""
from __future__ import annotations

import errno
import math
import os
import shutil
import socket
import subprocess
import threading
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.querying.gateway import (DEFAULT_MAX_REQUEST_BYTES, DEFAULT_TIMEOUT, Gateway,
                                 GatewayConfig)
from kg.querying.page import query_page
from kg.querying.store import require_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
SNAPSHOT_NOTE = (
    "The server serves the store as it was at start-up; restart it after `kg build`."
)


class ServeError(Exception):
    """The server could not be found, started or kept running; the message is one line."""


@dataclass
class RunningServer:
    """A started server: the ``oxigraph serve-read-only`` child and the gateway in front."""

    process: subprocess.Popen
    host: str
    port: int
    log_path: Path   # the child's stderr, kept in a file so a chatty server never blocks
    backend_port: int = 0
    gateway: Gateway | None = None
    thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        return endpoint_url(self.host, self.port)

    @property
    def backend(self) -> str:
        return endpoint_url("127.0.0.1", self.backend_port)


def find_oxigraph() -> Path:
    """The ``oxigraph`` binary: next to ``sys.executable`` (the venv) first, then PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    on_path = shutil.which("oxigraph")
    if on_path:
        return Path(on_path)
    raise ServeError("oxigraph server not found: install it with `pip install oxigraph`")


def endpoint_url(host: str, port: int) -> str:
    """The SPARQL query endpoint, e.g. ``http://127.0.0.1:7878/query``."""
    return f"http://{_host_port(host, port)}/query"


def server_command(store_dir: str | os.PathLike[str], host: str, port: int,
                   query_timeout: float = DEFAULT_TIMEOUT) -> list[str]:
    return [
        str(find_oxigraph()),
        "serve-read-only",
        "--location", str(store_dir),
        "--bind", _host_port(host, port),
        "--timeout-s", str(max(1, math.ceil(query_timeout))),
    ]


def example_curl(host: str, port: int) -> str:
    """A copy-pasteable request that proves the endpoint works."""
    return (
        f"curl -H 'Accept: application/sparql-results+json' "
        f"--data-urlencode 'query=SELECT (COUNT(*) AS ?triples) WHERE {{ ?s ?p ?o }}' "
        f"{endpoint_url(host, port)}"
    )


def start_server(
    store_dir: str | os.PathLike[str],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = 10.0,
    *,
    query_timeout: float = DEFAULT_TIMEOUT,
    allow_service: tuple[str, ...] | list[str] = (),
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    site_dir: str | os.PathLike[str] | None = None,
) -> RunningServer:
    """Start Oxigraph and the gateway; return once the endpoint answers a query.

    ``timeout`` bounds the start-up; ``query_timeout`` each query.  ``allow_service`` lists the
    endpoints a query may federate with; ``site_dir`` is a folder written by ``kg site``.
    """
    store = require_store(store_dir)
    config = GatewayConfig(backend="", timeout=query_timeout,
                           allowed_services=frozenset(allow_service),
                           max_request_bytes=max_request_bytes,
                           site_dir=Path(site_dir) if site_dir else None,
                           query_page=_query_page(site_dir))
    # The public address first: a busy port fails before anything else is started.
    try:
        gateway = Gateway((host, port), config)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use: stop the other server "
                             "or choose another --port") from None
        raise ServeError(f"cannot listen on {_host_port(host, port)}: {exc.strerror or exc}") from None
    backend_port = _free_loopback_port()
    config.backend = _host_port("127.0.0.1", backend_port)
    command = server_command(store, "127.0.0.1", backend_port, query_timeout)
    log = tempfile.NamedTemporaryFile(prefix="kg-serve-", suffix=".log", delete=False)
    log_path = Path(log.name)
    try:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent())
    except BaseException:
        gateway.server_close()
        raise
    finally:
        log.close()
    server = RunningServer(process, host, port, log_path, backend_port, gateway)
    try:
        _wait_until_answering(server, timeout)
        server.thread = threading.Thread(target=gateway.serve_forever, name="kg-serve-gateway",
                                         daemon=True)
        server.thread.start()
    except BaseException:
        stop_server(server)
        raise
    return server


def _query_page(site_dir) -> bytes:
    has_site = site_dir is not None and (Path(site_dir) / "index.html").is_file()
    return query_page("/query", site_root="/" if has_site else None,
                      stylesheet="/site.css" if has_site else None)


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_server(server: RunningServer, timeout: float = 5.0) -> int:
    """Stop the gateway and terminate Oxigraph (kill it if it ignores SIGTERM); return its
    exit code."""
    if server.gateway is not None:
        if server.thread is not None:
            server.gateway.shutdown()
        server.gateway.server_close()
        server.gateway = None
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
    server.log_path.unlink(missing_ok=True)
    return process.returncode


def serve_forever(
    store_dir: str | os.PathLike[str],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    echo: Callable[[str], None] = print,
    **options,
) -> None:
    """Run the server in the foreground until Ctrl-C (what ``kg serve`` does); ``options`` go
    to ``start_server`` (query_timeout, allow_service, max_request_bytes, site_dir)."""
    try:
        server = start_server(store_dir, host, port, **options)
    except KeyboardInterrupt:
        return  # start_server already stopped the child
    # Everything after the start is inside the try, so a Ctrl-C at any moment (even while the
    # banner prints) stops the child and exits normally.
    try:
        config = server.gateway.config
        echo(f"SPARQL endpoint: {server.endpoint}  (read-only; store {store_dir})")
        echo(f"Pages: http://{_host_port(host, port)}/"
             + (f"  (site {config.site_dir}; query page /query.html)" if config.site_dir
                else "  (the query page; no site: run `kg site`)"))
        allowed = ", ".join(sorted(config.allowed_services))
        echo(f"Federation: {'SERVICE allowed to ' + allowed if allowed else 'none (SERVICE refused)'}"
             f"; query timeout {config.timeout:g} s")
        echo(f"Try: {example_curl(host, port)}")
        echo(SNAPSHOT_NOTE)
        echo("Press Ctrl-C to stop.")
        code = server.process.wait()
    except KeyboardInterrupt:
        # The terminal sends SIGINT to the whole process group, so the child may already be
        # gone; stop_server copes with both cases.
        stop_server(server)
        return
    detail = _last_log_line(server)
    stop_server(server)
    raise ServeError(f"oxigraph server exited unexpectedly (code {code}){detail}")


def _wait_until_answering(server: RunningServer, timeout: float) -> None:
    probe = server.backend + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServeError(
                f"oxigraph server on {_host_port('127.0.0.1', server.backend_port)} exited with code "
                f"{server.process.returncode}{_last_log_line(server)}"
            )
        # Probe only once *our* child says it is listening: a probe alone could be answered
        # by some other server already holding the port while our child fails to bind.
        if _has_bound(server) and _answers(probe):
            return
        time.sleep(0.05)
    raise ServeError(
        f"oxigraph server on {_host_port('127.0.0.1', server.backend_port)} did not answer "
        f"within {timeout:g}s{_last_log_line(server)}"
    )


def _die_with_parent() -> Callable[[], None] | None:
    """On Linux, have the kernel SIGTERM the server if we die without stopping it (kill -9,
    a crashed test run), so no orphaned server keeps the port.  Caveat: the signal fires when
    the *thread* that started the server ends, so start it from a long-lived thread."""
    if not sys.platform.startswith("linux"):
        return None

    def set_parent_death_signal() -> None:
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)

    return set_parent_death_signal


def _has_bound(server: RunningServer) -> bool:
    try:
        return "Listening for requests" in server.log_path.read_text("utf-8", errors="replace")
    except OSError:
        return False


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=1.0) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _last_log_line(server: RunningServer) -> str:
    try:
        lines = server.log_path.read_text("utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    # With RUST_BACKTRACE set, the error line is followed by a stack trace; report the error.
    errors = [line.strip() for line in lines if line.startswith("Error:")]
    chosen = errors[0] if errors else (lines[-1].strip() if lines else "")
    return f": {chosen}" if chosen else ""


def _host_port(host: str, port: int) -> str:
    # IPv6 literals need brackets in both --bind and URLs.
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"
