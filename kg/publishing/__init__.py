"""Publishing: the conforming document graphs -> files an archive can ingest, and the store.

Writes one build's set into its folder (``kg.publishing.folder`` makes it current at once):
- ``kg.nq``    N-Quads, one named graph per source document, one describing the dataset
               (licence, attribution: ``kg.publishing.dataset``) and one with the SKOS
               vocabulary the data uses (concepts and their labels: ``kg.publishing.vocabulary``);
               canonical statements, sorted by graph and line, so the bytes are stable;
- ``kg.ttl``   the RDF merge of those graphs as Turtle, by one serializer: each subject once,
               no statement twice (``kg.publishing.merged``);
- ``kg.trig``, ``kg.jsonld``, ``context.jsonld``, ``void.ttl`` (``kg.publishing.dumps``);
- ``validation-report.txt`` every SHACL result in words, per document;
- ``build-report.json``     each source: published or not, and why;
- ``identity-report.tsv``   every person IRI several documents name, with the evidence, and
                            every link proposed between persons of different documents
                            (``kg.publishing.identity``; the links are the graph
                            ``<BASE identity>`` of the dumps and the store);
- ``store/``   the embedded pyoxigraph store (``kg.publishing.storing``).

The dumps written are the caller's choice (``dumps``: any of nq, ttl, trig, jsonld, default
all), gzip-compressed on request (``compress``: ``kg.nq.gz`` ...): a whole corpus's four dumps
do not fit on most disks.  The reports, VoID (listing the dumps written) and the store are the
same whatever the choice.

Everything is streamed from the per-document N-Quads files, so memory is bounded whatever the
size of the corpus: the merge is sorted on disk, the dataset dumps are written a graph at a
time, the store is bulk-loaded from the text in pieces, and the identity report merges small
per-document records the build kept beside each document's N-Quads (``persons``).  With more
than one job, kg.trig and kg.jsonld are written by a child process beside the merge and the
store is loaded in a thread (the same bytes either way).  Every file is written under a
temporary name and renamed when whole (``kg.publishing.files``).  Only documents whose graph
conformed are written; the others appear in the reports with their reason.
"""
from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Mapping, Union

from kg import __version__
from kg.mapping.core import DEFAULT_BASE
from kg.pipeline import DocumentResult
from kg.processes import children
from kg.publishing.dataset import dataset_iri, description_nquads
from kg.publishing.dumps import dump_prefixes, write_description, write_graph_dumps
from kg.publishing.files import DUMP_FORMATS, GZIP, atomic_stream, atomic_write, dump_stream
from kg.publishing.merged import canonical_nquads, graph_key, merge_graphs
from kg.publishing.storing import fill_store
from kg.publishing.vocabulary import VOCABULARY_GRAPH, vocabulary_nquads

__all__ = ["atomic_stream", "atomic_write", "build_report", "publish", "validation_report"]

if TYPE_CHECKING:
    from kg.publishing.merged import Statistics


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


def build_report(results: list[DocumentResult], stats: "Statistics | None" = None) -> dict:
    report = {
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
    if stats is not None:
        report["triples"] = stats.triples      # of the merged graph: kg.ttl, VoID, the summary
    return report


GraphSource = Union[Path, bytes]     # a graph's canonical N-Quads: a file or the bytes


def publish(results: list[DocumentResult], out: Path, store: bool = True, *,
            graph_files: Mapping[str, GraphSource] | None = None,
            persons: Mapping[str, Path] | None = None,
            extra_graphs: Mapping[str, bytes] | None = None,
            previous_store: Path | None = None, reload: Iterable[str] | None = None,
            removed: Iterable[str] = (), base: str = DEFAULT_BASE, license: str | None = None,
            attribution: str | None = None, dataset_url: str | None = None,
            dumps: Iterable[str] = DUMP_FORMATS, compress: bool = False, jobs: int = 1) -> Statistics:
    """Write the dumps, the reports and the store of one build into ``out`` (a new set's
    folder, see ``kg.publishing.folder``) and return the merged graph's statistics.

    ``graph_files`` maps each published graph IRI to its canonical N-Quads (``kg.building``
    keeps them between builds); without it each result's ``nquads`` is used.  ``persons``
    maps a graph IRI to the JSON file of the persons it names (``kg.building.persons_file``);
    a graph without one is read for them.
    ``extra_graphs`` are graphs beside the documents; two always are: the dataset's own
    description, with its licence and attribution (``kg.publishing.dataset``), and the SKOS
    vocabulary the data points at, with its labels (``kg.publishing.vocabulary``).  The store is a copy of ``previous_store``
    (the last set's, when it was in step) with the ``reload`` graphs replaced and the
    ``removed`` ones dropped, or, without one, loaded whole.
    ``dumps``: which of kg.nq, kg.ttl, kg.trig, kg.jsonld to write (``DUMP_FORMATS``, by
    extension); ``compress``: write them gzip-compressed (``kg.nq.gz`` ...).  The reports,
    void.ttl (listing the dumps written) and the store do not depend on either.
    ``jobs`` > 1: kg.trig and kg.jsonld are written by a child process beside the merge, and
    the store is loaded in a thread (the same bytes either way).
    """
    from kg.publishing.identity import REPORT, identity_report

    formats = tuple(f for f in DUMP_FORMATS if f in set(dumps))
    unknown = sorted(set(dumps) - set(DUMP_FORMATS))
    if unknown:
        raise ValueError(f"unknown dump format {unknown[0]!r}: choose among {', '.join(DUMP_FORMATS)}")
    suffix = GZIP if compress else ""
    results = sorted(results, key=lambda r: r.name)
    docs = [r for r in results if r.published]
    graphs: dict[str, GraphSource] = {
        r.graph_iri: graph_files[r.graph_iri] if graph_files else canonical_nquads(r.nquads)
        for r in docs}
    extras = {dataset_iri(base): description_nquads(base, **_given(license=license, attribution=attribution))}
    extras[VOCABULARY_GRAPH] = canonical_nquads(vocabulary_nquads())    # the concepts' labels
    # identity across the documents: the merges listed, the proposed links as one more graph
    identity = identity_report(((r.name, _or(_persons(persons, r.graph_iri), graphs[r.graph_iri]))
                                for r in docs), base)
    if identity.nquads:
        extras[identity.graph_iri] = canonical_nquads(identity.nquads)
    extras.update(extra_graphs or {})
    graphs.update(extras)
    ordered = sorted(graphs.items(), key=lambda item: graph_key(item[0]))
    sources = [source for _iri, source in ordered]       # kg.nq's content, a graph at a time
    out.mkdir(parents=True, exist_ok=True)
    work = out / ".work"
    if store:
        wanted = set(graphs) if reload is None else set(reload) | set(extras)
        load_store = partial(fill_store, out / "store", previous_store,
                             {iri: source for iri, source in ordered if iri in wanted},
                             removed=sorted((set(removed) | {identity.graph_iri}) - set(graphs)),
                             every=ordered)
    # kg.trig and kg.jsonld are the graphs as they are: with more than one job a child
    # process writes them beside the merge (forked first, before any thread of ours starts).
    # The store does not wait for the dumps either (it loads each graph's text into the
    # default graph as well, no sorted merge needed): it is filled in a thread (pyoxigraph's
    # bulk load runs without the GIL).  Leaving the block waits for both.
    graph_dumps = partial(write_graph_dumps, out, sources, formats=formats, compress=compress)
    apart = jobs > 1 and bool({"trig", "jsonld"} & set(formats))
    with children(1) if apart else nullcontext() as aside, \
            ThreadPoolExecutor(max_workers=1) if store and jobs > 1 else nullcontext() as beside:
        dumping = aside.submit(graph_dumps) if aside else None
        loading = beside.submit(load_store) if beside else None
        try:
            if "nq" in formats:
                with dump_stream(out / ("kg.nq" + suffix), compress) as fh:
                    for source in sources:
                        _copy(source, fh)
            with dump_stream(out / ("kg.ttl" + suffix), compress) if "ttl" in formats else nullcontext() as fh:
                stats = merge_graphs(ordered, fh, work, prefixes=dump_prefixes(), documents=len(docs))
            atomic_write(out / "validation-report.txt", validation_report(results).encode("utf-8"))
            report = build_report(results, stats)
            report["identity"] = {"report": REPORT, "merges": len(identity.merges), "links": len(identity.links)}
            atomic_write(out / "build-report.json",
                         (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
            atomic_write(out / REPORT, identity.tsv())
            if dumping is not None:
                dumping.result()
            else:
                graph_dumps()
            # last of the dumps: VoID gives each dump's size
            write_description(out, stats, dataset_base=dataset_url, dataset=dataset_iri(base),
                              license=license, attribution=attribution, formats=formats,
                              compress=compress)
            if loading is not None:
                loading.result()
            elif store:
                load_store()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return stats


def _or(kept: list | None, graph: GraphSource) -> list | GraphSource:
    return graph if kept is None else kept


def _persons(persons: Mapping[str, Path] | None, graph_iri: str) -> list | None:
    """The persons a graph names, as the build kept them (None: to be read from the graph)."""
    from kg.publishing.identity import seen_from_json

    path = persons.get(graph_iri) if persons else None
    try:
        return seen_from_json(json.loads(path.read_bytes())) if path else None
    except (OSError, ValueError):
        return None


def _given(**options: str | None) -> dict[str, str]:
    return {k: v for k, v in options.items() if v}


def _copy(source: GraphSource, fh: BinaryIO) -> None:
    if isinstance(source, (bytes, bytearray)):
        fh.write(source)
    else:
        with open(source, "rb") as src:
            shutil.copyfileobj(src, fh, 1 << 20)
