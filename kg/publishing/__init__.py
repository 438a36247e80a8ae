"""Publishing: the conforming document graphs -> files an archive can ingest, and the store.

Writes into the output folder:
- ``kg.nq``    N-Quads, one named graph per source document (sorted, byte-stable);
- ``kg.ttl``   the graphs merged into one, as Turtle;
- ``validation-report.txt`` every SHACL result in words, per document;
- ``build-report.json``     each source: published or not, and why;
- ``store/``   the embedded pyoxigraph store (one named graph per document).

Every file is written to a temporary name beside its target and renamed into place, so a
crash leaves the previous output whole, never a half-written file.  Only documents whose
graph conformed are written; the others appear in the reports with their reason.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph

from kg import __version__
from kg.mapping.core import PREFIXES
from kg.pipeline import DocumentResult

OUTPUTS = ("kg.nq", "kg.ttl", "validation-report.txt", "build-report.json")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)      # mkstemp makes 0600; dumps are for others to read
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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


def publish(results: list[DocumentResult], out: Path, store: bool = True) -> None:
    """Write the dumps, the reports and the store for one build."""
    results = sorted(results, key=lambda r: r.name)
    nquads = "".join(r.nquads for r in results if r.published)
    out.mkdir(parents=True, exist_ok=True)
    turtle = merged_turtle(nquads)
    atomic_write(out / "kg.nq", nquads.encode("utf-8"))
    atomic_write(out / "kg.ttl", turtle)
    from kg.publishing.dumps import write_dumps   # kg.trig, kg.jsonld, context.jsonld, void.ttl
    write_dumps(out, nquads)
    atomic_write(out / "validation-report.txt", validation_report(results).encode("utf-8"))
    atomic_write(out / "build-report.json",
                 (json.dumps(build_report(results), indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    if store:
        from kg.querying.store import load_documents
        graphs = {r.graph_iri: r.nquads.encode("utf-8") for r in results if r.published}
        stale = [r.graph_iri for r in results if not r.published and r.graph_iri]
        load_documents(out / "store", graphs, removed=stale)
