"""Serve the knowledge-graph store over the SPARQL 1.1 Protocol with the Oxigraph server.

What it does: finds the ``oxigraph`` binary (shipped by the PyPI ``oxigraph`` package, next to
the Python interpreter or on PATH), runs ``oxigraph serve-read-only`` on the store directory,
waits until the endpoint answers, and stops it cleanly.  The default graph is the store's
default graph, which the loader keeps as the de-duplicated merge of all document graphs, so the
endpoint answers exactly as ``kg query`` does.  (Not ``--union-default-graph``: in oxigraph 0.5
it counts a triple once per graph stating it; see ``kg.querying.store``.)

What it does not do: accept updates (the server is read-only and answers 403 to /update),
authenticate, or follow a store that changes while it runs.

Locking (observed with oxigraph 0.5): the read-only server takes no RocksDB lock, so it starts
even while a ``kg build`` (or another pyoxigraph ``Store``) has the store open for writing, and
a build can write while the server runs.  But the server serves a snapshot taken at start-up:
it does not see later writes, and Oxigraph calls reading while another process writes
undefined behaviour.  Restart ``kg serve`` after each ``kg build``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
    """A started ``oxigraph serve-read-only`` child process."""

    process: subprocess.Popen
    host: str
    port: int
    log_path: Path   # the child's stderr, kept in a file so a chatty server never blocks

    @property
    def endpoint(self) -> str:
        return endpoint_url(self.host, self.port)


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


def server_command(store_dir: str | os.PathLike[str], host: str, port: int) -> list[str]:
    return [
        str(find_oxigraph()),
        "serve-read-only",
        "--location", str(store_dir),
        "--bind", _host_port(host, port),
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
) -> RunningServer:
    """Start the read-only server as a child process and return once it answers a query."""
    store = require_store(store_dir)
    command = server_command(store, host, port)
    log = tempfile.NamedTemporaryFile(prefix="kg-serve-", suffix=".log", delete=False)
    log_path = Path(log.name)
    try:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent())
    finally:
        log.close()
    server = RunningServer(process, host, port, log_path)
    try:
        _wait_until_answering(server, timeout)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: RunningServer, timeout: float = 5.0) -> int:
    """Terminate the server (kill it if it ignores SIGTERM); return its exit code."""
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
) -> None:
    """Run the server in the foreground until Ctrl-C (what ``kg serve`` does)."""
    try:
        server = start_server(store_dir, host, port)
    except KeyboardInterrupt:
        return  # start_server already stopped the child
    # Everything after the start is inside the try, so a Ctrl-C at any moment (even while the
    # banner prints) stops the child and exits normally.
    try:
        echo(f"SPARQL endpoint: {server.endpoint}  (read-only; store {store_dir})")
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
    probe = server.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServeError(
                f"oxigraph server on {_host_port(server.host, server.port)} exited with code "
                f"{server.process.returncode}{_last_log_line(server)}"
            )
        # Probe only once *our* child says it is listening: a probe alone could be answered
        # by some other server already holding the port while our child fails to bind.
        if _has_bound(server) and _answers(probe):
            return
        time.sleep(0.05)
    raise ServeError(
        f"oxigraph server on {_host_port(server.host, server.port)} did not answer "
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
