"""The merged graph of a build, streamed: ``kg.ttl`` and the counts VoID and the build report.

Every document is one named graph; ``kg.ttl`` is their RDF merge, written by one serializer
(pyoxigraph's Turtle writer) from the merged triples in sorted order, so each subject is
described once, in one block, however many documents mention it (a person named in 21
documents has one description, not 21), and no statement is written twice.

At the scale of a whole corpus (tens of millions of statements) nothing is held in memory:
each document's canonical N-Quads (``canonical_nquads``) are turned into N-Triples lines,
sorted and de-duplicated on disk in runs of bounded size (``ExternalSort``), merged, and
streamed once through the Turtle writer while the statistics are counted
(``merge_graphs``).  The counts are of the merged graph: the number of triples in ``kg.ttl``,
in VoID and in the build's summary line is one number.

Lines are compared as text.  That is sound because every line comes from one canonical
serializer (pyoxigraph's N-Quads writer, which writes ``"x"^^xsd:string`` as ``"x"``,
escapes alike, and so on): two lines are equal exactly when the statements are.
"""
from __future__ import annotations

import heapq
import io
import itertools
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.mapping.core import VOCAB
from kg.querying.store import graph_triples

RUN_BYTES = 160 << 20     # text held before a sorted run goes to disk (memory is ~2.5x this)
MAX_OPEN = 64             # runs merged at once
RDF_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDF_TYPE_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
VOID_DATASET = "http://rdfs.org/ns/void#Dataset"
VOCABULARY = str(VOCAB)             # the vocabulary's graph (kg.publishing.vocabulary)


def canonical_nquads(nquads: str | bytes) -> bytes:
    """N-Quads as pyoxigraph writes them, one statement a line, sorted, without repeats.

    The unit every later step relies on: the same statements give the same bytes, whatever
    serializer produced the input.
    """
    data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
    # Already canonical (a build's own documents nearly always are: kg.mapping.core writes them
    # sorted, and pyoxigraph spells them alike)?  Then the input itself, without a second copy
    # of a large document's hundreds of megabytes: pyoxigraph's writing is compared as it goes.
    same = _Compare(data)
    ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), same, format=ox.RdfFormat.N_QUADS)
    if same.equal() and _sorted_unique(data):
        return data
    text = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    lines = sorted(set(text.splitlines(keepends=True)))
    del text
    return b"".join(lines)


class _Compare:
    """A binary output that keeps nothing: whether what is written to it is ``expected``."""

    def __init__(self, expected: bytes) -> None:
        self.expected, self.at, self.same = expected, 0, True

    def write(self, chunk: bytes) -> int:
        if self.same and not self.expected.startswith(chunk, self.at):
            self.same = False
        self.at += len(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def equal(self) -> bool:
        return self.same and self.at == len(self.expected)


def _sorted_unique(data: bytes) -> bool:
    """Whether ``data``'s lines (each ending in a newline, none holding a carriage return, which
    would end a line for ``splitlines``) are in strictly increasing order, read one at a time."""
    if b"\r" in data or not data.endswith(b"\n"):
        return not data
    previous = b""
    for line in io.BytesIO(data):
        if line <= previous:
            return False
        previous = line
    return True


def graph_key(graph_iri: str | None) -> bytes:
    """The sort key of a graph: its N-Quads term (the default graph first)."""
    return f"<{graph_iri}>".encode("utf-8") if graph_iri else b""


class ExternalSort:
    """Lines (bytes, each ending in a newline) sorted and de-duplicated in bounded memory.

    ``add`` lines, then iterate once: runs of ``run_bytes`` are sorted in memory and written
    to ``workdir``; they are merged (``MAX_OPEN`` at a time) when read back, and removed.
    """

    def __init__(self, workdir: Path, run_bytes: int = RUN_BYTES) -> None:
        self.workdir = Path(workdir)
        self.run_bytes = run_bytes
        self._lines: list[bytes] = []
        self._size = 0
        self._runs: list[Path] = []

    def add(self, line: bytes) -> None:
        self._lines.append(line)
        self._size += len(line)
        if self._size >= self.run_bytes:
            self._spill()

    def extend(self, lines: Iterable[bytes]) -> None:
        # measured on the new lines alone: islice(self._lines, before) would step over every
        # line held so far, quadratic in the run
        lines = lines if isinstance(lines, list) else list(lines)
        self._lines.extend(lines)
        self._size += sum(map(len, lines))
        if self._size >= self.run_bytes:
            self._spill()

    def blocks(self, size: int = 100_000) -> Iterator[list[bytes]]:
        """The sorted, distinct lines, a list of up to ``size`` at a time (consumes them)."""
        if not self._runs:
            lines, self._lines = self._lines, []
            yield sorted(set(lines))
            return
        lines = iter(self)
        while block := list(itertools.islice(lines, size)):
            yield block

    def count(self) -> int:
        """How many distinct lines were added (consumes them)."""
        if not self._runs:
            lines, self._lines = self._lines, []
            return len(set(lines))
        return sum(1 for _ in self)

    def _spill(self) -> None:
        self._runs.append(self._write_run(_unique(sorted(self._lines))))
        self._lines, self._size = [], 0

    def _write_run(self, lines: Iterable[bytes]) -> Path:
        self.workdir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="run-", dir=self.workdir)
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            fh.writelines(lines)
        return Path(name)

    def __iter__(self) -> Iterator[bytes]:
        if not self._runs:
            lines, self._lines = self._lines, []
            yield from _unique(sorted(lines))
            return
        if self._lines:
            self._spill()
        try:
            while len(self._runs) > MAX_OPEN:
                batch, self._runs = self._runs[:MAX_OPEN], self._runs[MAX_OPEN:]
                self._runs.append(self._write_run(_merge(batch)))
                for run in batch:
                    run.unlink()
            yield from _merge(self._runs)
        finally:
            self.close()

    def close(self) -> None:
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs, self._lines = [], []


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def _merge(runs: list[Path]) -> Iterator[bytes]:
    files = [open(run, "rb", buffering=1 << 20) for run in runs]
    try:
        yield from _unique(heapq.merge(*files))
    finally:
        for fh in files:
            fh.close()


class SortedPrefixes:
    """A binary writer that puts the ``@prefix`` lines a serializer starts with in sorted
    order (pyoxigraph keeps its own order of the prefixes given), then passes the rest on."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.head: bytearray | None = bytearray()

    def write(self, data: bytes) -> int:
        if self.head is None:
            return self.fh.write(data)
        self.head += data
        if any(not line.startswith(b"@prefix ") for line in self.head.split(b"\n")[:-1]):
            self._flush_head()
        return len(data)

    def _flush_head(self) -> None:
        lines = bytes(self.head).split(b"\n")
        done = 0
        while done < len(lines) - 1 and lines[done].startswith(b"@prefix "):
            done += 1
        self.fh.write(b"".join(line + b"\n" for line in sorted(lines[:done])) + b"\n".join(lines[done:]))
        self.head = None

    def flush(self) -> None:
        if self.head is not None:
            self._flush_head()
        self.fh.flush()


@dataclass
class Statistics:
    """Counts over the merged graph (what ``kg.ttl`` holds)."""

    triples: int = 0
    entities: int = 0              # distinct IRI subjects
    distinct_subjects: int = 0
    distinct_objects: int = 0
    documents: int = 0             # source documents published
    classes: dict[str, int] = field(default_factory=dict)      # class IRI -> instances
    properties: dict[str, int] = field(default_factory=dict)   # property IRI -> triples


def merge_graphs(graphs: Iterable[tuple[str, Path | bytes]], turtle: BinaryIO | None, workdir: Path, *,
                 prefixes: dict[str, str], documents: int = 0) -> Statistics:
    """Write the RDF merge of ``graphs`` (graph IRI, canonical N-Quads as a file or bytes) as
    Turtle to ``turtle`` (None: write none) and return its statistics.  Temporary runs go to
    ``workdir``."""
    triples = ExternalSort(workdir)
    for graph_iri, source in graphs:
        data = bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
        triples.extend(_triples_of(data, graph_iri))
    workdir.mkdir(parents=True, exist_ok=True)
    if turtle is None:
        stats = count(triples, workdir)
    else:
        # the merge as N-Triples on disk, then through pyoxigraph's Turtle writer
        fd, name = tempfile.mkstemp(prefix="merged-", suffix=".nt", dir=workdir)
        try:
            with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
                stats = _count(triples.blocks(), fh, workdir)
            writer = SortedPrefixes(turtle)
            ox.serialize(ox.parse(path=name, format=ox.RdfFormat.N_TRIPLES), writer,
                         format=ox.RdfFormat.TURTLE, prefixes=prefixes)
            writer.flush()
        finally:
            os.unlink(name)
    stats.documents = documents
    return stats


def _triples_of(data: bytes, graph_iri: str) -> list[bytes]:
    """The N-Triples lines of one graph's canonical N-Quads (the graph term dropped)."""
    return graph_triples(data, graph_iri).splitlines(keepends=True)


def _count(blocks: Iterable[list[bytes]], out: BinaryIO, workdir: Path) -> Statistics:
    """Copy sorted, distinct N-Triples lines (in blocks) to ``out`` while counting them."""
    stats = Statistics()
    objects = ExternalSort(workdir)
    properties: Counter[bytes] = Counter()
    classes: Counter[bytes] = Counter()
    last = None                                # the subject the previous block ended with
    for block in blocks:
        if not block:
            continue
        out.writelines(block)
        parts = [line.split(b" ", 2) for line in block]     # subjects, predicates hold no spaces
        stats.triples += len(block)
        subjects = {p[0] for p in parts}
        stats.distinct_subjects += len(subjects) - (last in subjects)
        stats.entities += sum(s.startswith(b"<") for s in subjects) - (last in subjects and last.startswith(b"<"))
        last = parts[-1][0]
        properties.update(p[1] for p in parts)
        # the lines are distinct: one per instance; the rest of a line is 'object .\n'
        classes.update(p[2] for p in parts if p[1] == RDF_TYPE and p[2].startswith(b"<"))
        objects.extend(p[2] for p in parts)
    stats.distinct_objects = objects.count()
    stats.properties = {_iri(p): n for p, n in sorted(properties.items())}
    stats.classes = {_iri(c[:-3]): n for c, n in sorted(classes.items())}
    return stats


def _iri(term: bytes) -> str:
    return term[1:-1].decode("utf-8")


def count(lines: Iterable[bytes], workdir: Path) -> Statistics:
    """The statistics of sorted, distinct N-Triples lines (``documents`` left at 0)."""
    blocks = lines.blocks() if isinstance(lines, ExternalSort) else _in_blocks(lines)
    with open(os.devnull, "wb") as sink:
        return _count(blocks, sink, workdir)


def _in_blocks(lines: Iterable[bytes], size: int = 100_000) -> Iterator[list[bytes]]:
    lines = iter(lines)
    while block := list(itertools.islice(lines, size)):
        yield block


def statistics_of(quads: Iterable[ox.Quad]) -> Statistics:
    """The statistics of the RDF merge of a few quads held in memory (tests, small datasets).

    ``documents`` is the number of named graphs that hold a document: not the vocabulary's
    graph, nor a graph named after the dataset it describes (``kg.publishing.dataset``).
    """
    quads = list(quads)
    lines = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                         format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        stats = count(_unique(sorted(lines)), Path(tmp))
    stats.documents = len(document_graphs(quads))
    return stats


def document_graphs(quads: Iterable[ox.Quad]) -> set[str]:
    """The named graphs of ``quads`` that hold a document (see ``statistics_of``)."""
    graphs: set[str] = set()
    datasets: set[str] = set()
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            graphs.add(q.graph_name.value)
            if q.predicate.value == RDF_TYPE_IRI and q.object.value == VOID_DATASET:
                datasets.add(q.subject.value)
    return graphs - datasets - {VOCABULARY}


__all__ = ["ExternalSort", "SortedPrefixes", "Statistics", "canonical_nquads", "count", "graph_key", "merge_graphs",
           "document_graphs", "statistics_of"]
