"""Publishing: the conforming document graphs -> files an archive can ingest, and the store.

Writes into the output folder:
- ``kg.nq``    N-Quads, one named graph per source document (sorted, byte-stable);
- ``kg.ttl``   the graphs merged into one, as Turtle: one prefix block, then each document's
               triples as Turtle in the same order (a subject described by two documents
               appears twice, which Turtle allows: a graph is a set, so readers merge them);
- in both and in the store, the SKOS vocabulary the data uses (concepts and their labels) in
  its own graph (``kg.publishing.vocabulary``);
- ``validation-report.txt`` every SHACL result in words, per document;
- ``build-report.json``     each source: published or not, and why;
- ``identity-report.tsv``   every person IRI several documents name, with the evidence, and
                            every link proposed between persons of different documents
                            (``kg.publishing.identity``; the links are the graph
                            ``<BASE identity>`` of the dumps and the store);
- ``store/``   the embedded pyoxigraph store (one named graph per document).

Every file is written to a temporary name beside its target and renamed into place
(kg.publishing.files), so a crash leaves the previous output whole, never a half-written file.  kg.nq and kg.ttl are
streamed one document at a time (from the build's per-document files when ``publish`` is
given them), so memory follows the largest document, not the corpus.  Only documents whose
graph conformed are written; the others appear in the reports with their reason.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping

from rdflib import Dataset, Graph

from kg import __version__
from kg.mapping.core import DEFAULT_BASE, PREFIXES
from kg.pipeline import DocumentResult
from kg.publishing.dumps import write_dumps
from kg.publishing.files import atomic_stream, atomic_write
from kg.publishing.vocabulary import VOCABULARY_GRAPH, vocabulary_nquads

__all__ = ["publish", "atomic_write", "atomic_stream", "turtle_fragment", "OUTPUTS"]

OUTPUTS = ("kg.nq", "kg.ttl", "validation-report.txt", "build-report.json", "identity-report.tsv")


def turtle_prefix_block() -> bytes:
    """The ``@prefix`` lines that head kg.ttl (sorted, so the bytes are stable)."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode("utf-8")


def turtle_fragment(nquads: str | bytes) -> bytes:
    """One document's N-Quads as Turtle triples without the prefix lines (kg.ttl's body).

    Statements keep the order of the (sorted) N-Quads, so the bytes are stable.  The data has
    no blank nodes (IRIs are minted from content), so fragments never share a blank node label.
    """
    import pyoxigraph as ox

    data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={p: str(ns) for p, ns in PREFIXES.items()})
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    return b"".join(lines[start:])


def merged_turtle(nquads: str) -> bytes:
    """All named graphs merged into one graph, as Turtle."""
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    merged = Graph()
    for prefix, ns in PREFIXES.items():
        merged.bind(prefix, ns, override=True)
    for s, p, o, _g in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged.serialize(format="turtle", encoding="utf-8")


def validation_report(results: Iterable[DocumentResult]) -> str:
    lines = []
    for r in results:
        if r.status in ("published", "rejected"):
            verdict = "conforms" if r.published else "DOES NOT CONFORM (not published)"
            lines.append(f"{r.name}: {verdict}")
            lines.extend(f"  {line}" for line in r.report)
        else:
            lines.append(f"{r.name}: not validated ({r.reason})")
    return "\n".join(lines) + "\n"


def build_report(results: list[DocumentResult]) -> dict:
    return {
        "tool": f"declass-kg {__version__}",
        "documents": [
            {"source": r.name, "status": r.status, "reason": r.reason or None,
             "graph": r.graph_iri, "reader": r.reader, "sha256": r.sha256,
             "records": r.records, "triples": r.triples,
             "results": r.report}
            for r in results],
        "published": sum(r.published for r in results),
        "not_published": sum(not r.published for r in results),
    }


def _base_of(docs: list[DocumentResult]) -> str:
    """The base IRI the documents were built under (their graph IRIs are ``<base>graph/...``)."""
    for r in docs:
        if r.graph_iri and "graph/" in r.graph_iri:
            return r.graph_iri.rsplit("graph/", 1)[0]
    return DEFAULT_BASE


def publish(results: list[DocumentResult], out: Path, store: bool = True, *,
            graph_files: Mapping[str, tuple[Path, Path]] | None = None,
            reload: Iterable[str] | None = None, removed: Iterable[str] = ()) -> None:
    """Write the dumps, the reports and the store for one build.

    ``graph_files`` maps a published graph IRI to its per-document N-Quads and Turtle-fragment
    files (``kg.building`` keeps them between builds); without it each result's ``nquads`` is
    used.  ``reload`` limits the store update to those graphs (default: every published one);
    ``removed`` names graphs of sources gone since the last build, dropped from the store.
    """
    from kg.publishing.identity import REPORT, identity_report

    results = sorted(results, key=lambda r: r.name)
    docs = [r for r in results if r.published]
    vocabulary = vocabulary_nquads()      # the concepts' labels, in a graph of their own
    out.mkdir(parents=True, exist_ok=True)
    # identity across the documents: the merges listed, the proposed links as one more graph
    identity = identity_report(((r.name, graph_files[r.graph_iri][0] if graph_files else r.nquads)
                                for r in docs), _base_of(docs))
    extra = {VOCABULARY_GRAPH: vocabulary}       # graphs beside the documents'
    if identity.nquads:
        extra[identity.graph_iri] = identity.nquads.encode("utf-8")
    with atomic_stream(out / "kg.nq") as fh:
        for r in docs:
            fh.write(graph_files[r.graph_iri][0].read_bytes() if graph_files else r.nquads.encode("utf-8"))
        fh.writelines(extra.values())
    with atomic_stream(out / "kg.ttl") as fh:
        fh.write(turtle_prefix_block())
        for r in docs:
            fh.write(graph_files[r.graph_iri][1].read_bytes() if graph_files else turtle_fragment(r.nquads))
        fh.writelines(turtle_fragment(data) for data in extra.values())
    write_dumps(out, out / "kg.nq")                  # kg.trig, kg.jsonld, context.jsonld, void.ttl
    atomic_write(out / "validation-report.txt", validation_report(results).encode("utf-8"))
    report = build_report(results)
    report["identity"] = {"report": REPORT, "merges": len(identity.merges), "links": len(identity.links)}
    atomic_write(out / "build-report.json",
                 (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    atomic_write(out / REPORT, identity.tsv())
    if store:
        from kg.querying.store import load_documents
        wanted = None if reload is None else set(reload)
        graphs = {r.graph_iri: (graph_files[r.graph_iri][0] if graph_files else r.nquads.encode("utf-8"))
                  for r in docs if wanted is None or r.graph_iri in wanted}
        graphs.update(extra)                         # the links change with any document
        kept = {r.graph_iri for r in docs} | set(extra)
        stale = sorted({r.graph_iri for r in results if not r.published and r.graph_iri} | set(removed)
                       | {identity.graph_iri})
        load_documents(out / "store", graphs, removed=[g for g in stale if g not in kept])
