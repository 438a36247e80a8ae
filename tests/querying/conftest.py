"""Shared fixtures for the query/serve layer: document graphs the real pipeline wrote (see
tests/fixtures/querying/regenerate.py), stores built from
them, and (once per session) two Oxigraph servers on free loopback ports."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# The package is not necessarily installed into the venv (no `pip install -e .` yet) and the
# pytest config has no pythonpath; make `import kg` work from a plain checkout either way.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from kg.querying.serve import RunningServer, start_server, stop_server
from kg.querying.store import load_documents
from querying_support import DOCUMENTS, FIXTURES, GRAPH, free_loopback_port


@pytest.fixture
def make_store(tmp_path: Path) -> Callable[..., Path]:
    """Build a store under tmp_path from {graph IRI: fixture file}; defaults to both documents."""
    def make(graphs: dict | None = None, name: str = "store") -> Path:
        store_dir = tmp_path / name
        load_documents(store_dir, DOCUMENTS if graphs is None else graphs)
        return store_dir
    return make


@pytest.fixture
def store_dir(make_store: Callable[..., Path]) -> Path:
    return make_store()


@pytest.fixture
def queries_dir(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the competency-query lookup at the fixture queries, not the real ontology."""
    folder = FIXTURES / "queries"
    monkeypatch.setenv("KG_QUERIES_DIR", str(folder))
    return folder


def _served(store_dir: Path, **options) -> Iterator[RunningServer]:
    server = start_server(store_dir, "127.0.0.1", free_loopback_port(), timeout=10, **options)
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture(scope="session")
def kg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The two-document knowledge graph, served read-only for the whole session."""
    store_dir = tmp_path_factory.mktemp("served") / "store"
    load_documents(store_dir, DOCUMENTS)
    yield from _served(store_dir)


@pytest.fixture(scope="session")
def authority_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A second, independent endpoint (person -> Wikidata id) to federate with."""
    store_dir = tmp_path_factory.mktemp("authority") / "store"
    load_documents(store_dir, {GRAPH + "authority": FIXTURES / "authority.nq"})
    yield from _served(store_dir)


@pytest.fixture(scope="session")
def federating_server(tmp_path_factory: pytest.TempPathFactory,
                      authority_server: RunningServer) -> Iterator[RunningServer]:
    """The two-document graph served with the authority endpoint on its SERVICE allowlist."""
    store_dir = tmp_path_factory.mktemp("federating") / "store"
    load_documents(store_dir, DOCUMENTS)
    yield from _served(store_dir, allow_service=[authority_server.endpoint])
