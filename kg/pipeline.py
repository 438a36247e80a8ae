"""One source file through every stage: read -> extract -> resolve -> map -> validate.

`process_file()` is the unit of work of a build: it takes a path and returns a
`DocumentResult` (published or rejected, with the reason in words, the document's sorted
N-Quads when it conforms, and how long each stage took).  The document's triples stay plain
rdflib terms in a light collector (`kg.mapping.core.Triples`): they are written as N-Quads
once, and the SHACL gate (``gate="fast"``, the shapes compiled for pyoxigraph, or
``"pyshacl"``, the reference) checks those same N-Quads.  It never raises for a bad
document: an unreadable file or a graph that fails the shapes is a result, so the other
documents of the build go on.  It writes nothing; publishing is a separate stage.
"""
from __future__ import annotations

import gc
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.extracting import run as extract
from kg.mapping import map_document
from kg.mapping.core import DEFAULT_BASE, doc_slug, nquads, words_graph
from kg.reading import ReadError, read_file
from kg.resolving import resolve_document
from kg.validating import check


@dataclass
class DocumentResult:
    source: str                          # path as given
    name: str                            # the document's name: its path relative to the build root
    status: str                          # published | rejected | unreadable | failed
    reason: str = ""                     # one line: why it is not published
    graph_iri: str | None = None
    nquads_utf8: bytes = b""             # sorted N-Quads of the document's named graph, UTF-8
    report: list[str] = field(default_factory=list)   # validation results in words
    records: int = 0
    triples: int = 0
    reader: str | None = None
    sha256: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.status == "published"

    @property
    def nquads(self) -> str:
        """The document's N-Quads as text (the build itself keeps them in UTF-8, half the
        memory of a text that prints one character above U+00FF)."""
        return self.nquads_utf8.decode("utf-8")

    @nquads.setter
    def nquads(self, text: str) -> None:
        self.nquads_utf8 = text.encode("utf-8")


def nquads_of(graph: Graph, graph_iri: str) -> str:
    """The graph as N-Quads in a named graph, one statement a line, sorted (byte-stable)."""
    return nquads(graph, graph_iri)


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused for one document.  A document's records and triples
    (hundreds of thousands of small objects) all live until its result is made, and every
    full collection the allocations trigger walks them and the whole heap (word lists,
    shapes, ontology) to free nothing: with it, mapping took twice the CPU time (JFK
    catalogue dev set).  Objects are still freed when their last reference goes; cycles a
    document leaves are collected after it, when the collector is back."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def process_file(path: Path, base: str = DEFAULT_BASE, name: str | None = None,
                 gate: str = "fast") -> DocumentResult:
    """Build one document's graph and pass it through the SHACL gate (``fast`` or ``pyshacl``).

    ``name`` is the document's identity (the source's path relative to the build root, see
    ``kg.sources``); it defaults to the file name.
    """
    with _no_cycle_collection():
        return _process(path, base, name, gate)


def _process(path: Path, base: str, name: str | None, gate: str) -> DocumentResult:
    name = name or path.name
    result = DocumentResult(source=str(path), name=name, status="failed")
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[stage] = now - clock
        clock = now

    try:
        transcript = read_file(path)
        result.reader, result.sha256 = transcript.reader, transcript.sha256
        lap("read")
        records = extract(transcript)
        records.source_name = name          # the identity, not the bare file name
        result.records = len(records.records)
        lap("extract")
        resolution = resolve_document(records)
        triples = map_document(records, resolution, base, transcript.reading_of)
        # What a large source's later stages hold at once is what decides a worker's peak: the
        # source, its records and their resolution are not needed once it is mapped.
        del transcript, records, resolution
        result.triples = len(triples)
        graph_iri = f"{base}graph/{doc_slug(name)}"
        result.graph_iri = graph_iri
        lap("map")
        data = triples.nquads_utf8(graph_iri)
        lap("serialize")
        # The gate empties the triples once it has read them (its store holds the document
        # next); if the store then cannot decide the document, it is built again for pyshacl.
        verdict = check(triples, words_graph(), gate, data, graph_iri, consume=True)
        del triples
        if verdict is None:
            del data
            return _process(path, base, name, "pyshacl")
        lap("validate")
    except ReadError as exc:
        reason = str(exc)
        if name != path.name and reason.startswith(f"{path.name}: "):    # the reader names the file
            reason = f"{name}: {reason[len(path.name) + 2:]}"
        result.status, result.reason = "unreadable", reason
        return result
    except Exception as exc:     # a bug must not stop the build; say where it happened
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        result.reason = (f"{name}: internal error {type(exc).__name__}: {exc} "
                         f"(at {Path(frame.filename).name}:{frame.lineno}); please report it")
        return result
    result.report = [f"{name}: {r.words()}" for r in verdict.results]
    if not verdict.conforms:
        first = verdict.violations[0]
        more = len(verdict.violations) - 1
        result.status = "rejected"
        result.reason = (f"{name}: does not conform to the shapes: {first.focus}: {first.message} "
                         f"[shape {first.shape}]" + (f" (and {more} more)" if more else ""))
        return result
    result.nquads_utf8 = data
    result.status = "published"
    return result
