"""Build orchestration: source files -> per-document results (parallel, cached) -> published output.

``build()`` is what ``kg build`` runs.  For each source file it decides whether the document
must be processed again, runs ``kg.pipeline.process_file`` for those that must (in this process,
in a pool of worker processes, or on a Dask distributed cluster), keeps every document's output
in its own files and publishes the whole.

Incremental builds.  The output folder holds ``manifest.json``: per source its path, size,
mtime, SHA-256 of the bytes, the tool version, the base IRI, a fingerprint of the shapes and
the ontology (the rules the verdict was reached under), the status with its reason and
validation results, the graph IRI and the files it produced (``graphs/<slug>.nq``, the
document's sorted N-Quads, and ``graphs/<slug>.ttl``, the same triples as a Turtle fragment).
On the next build a source whose bytes, tool version, base and rules are unchanged is not
processed again: its manifest entry and cached files are reused (rejected and unreadable
documents too: they are retried only when they change).  A source gone since the last build
has its graph dropped from the dumps and the store.  ``full=True`` ignores the manifest.

Determinism.  Results are put in order by file name (then path) before publishing, whatever
order the workers finish in, so any number of workers (or a cluster) gives the same bytes.

Streaming.  Workers send back N-Quads text (and the Turtle fragment), never rdflib objects;
the main process writes them to ``graphs/`` at once and keeps only the small metadata, and
publishing streams ``kg.nq``/``kg.ttl`` from those files one document at a time.

Nothing here writes outside the output folder, and every file is replaced atomically; the
manifest is written last, so a build that dies half-way leaves the previous manifest, and the
cached files it names are checked by hash before reuse.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.mapping.core import doc_slug
from kg.pipeline import DocumentResult, process_file
from kg.publishing import atomic_write, publish, turtle_fragment

MANIFEST = "manifest.json"
GRAPHS = "graphs"
MANIFEST_FORMAT = 1

# Result fields kept in the manifest, so a reused document reports exactly as when it was built.
_RESULT_FIELDS = ("status", "reason", "graph_iri", "report", "records", "triples", "reader", "seconds")


@dataclass
class Work:
    """What a worker sends back for one source: the result and its Turtle fragment (text)."""

    key: str
    result: DocumentResult
    turtle: bytes = b""


@dataclass
class BuildSummary:
    results: list[DocumentResult]               # every source, in publishing order
    processed: list[str] = field(default_factory=list)   # names of documents (re)processed
    reused: list[str] = field(default_factory=list)      # names taken from the manifest
    removed: list[str] = field(default_factory=list)     # graph IRIs of sources gone
    seconds: float = 0.0

    @property
    def published(self) -> int:
        return sum(r.published for r in self.results)

    @property
    def triples(self) -> int:
        return sum(r.triples for r in self.results if r.published)


def build_document(path: str, base: str, key: str = "", gate: str = "fast") -> Work:
    """The unit of work sent to a worker: ``process_file`` plus the Turtle fragment.

    Never raises for a bad document (``process_file`` turns problems into results).
    """
    result = process_file(Path(path), base, gate)
    turtle = b""
    if result.published:
        started = time.perf_counter()
        turtle = turtle_fragment(result.nquads)
        result.seconds["serialize"] = result.seconds.get("serialize", 0.0) + time.perf_counter() - started
    return Work(key=key or path, result=result, turtle=turtle)


def rules_fingerprint() -> str:
    """SHA-256 over the shapes and the ontology files: a cached verdict holds only under them."""
    from kg.validating import ontology_dir, shapes_dir

    digest = hashlib.sha256()
    for folder in (shapes_dir(), ontology_dir()):
        for path in sorted(Path(folder).glob("*.ttl")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def source_key(path: Path) -> str:
    return str(path.resolve())


def load_manifest(out: Path) -> dict[str, dict]:
    """The previous build's entries by source key; empty if there is none or it is unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return {}
    docs = data.get("documents")
    return {d["key"]: d for d in docs if isinstance(d, dict) and "key" in d} if isinstance(docs, list) else {}


def _cached_files_intact(out: Path, entry: dict) -> bool:
    if entry.get("status") != "published":
        return True
    for name, digest in ((entry.get("nquads"), entry.get("nquads_sha256")),
                         (entry.get("turtle"), entry.get("turtle_sha256"))):
        if not name or not (out / name).is_file() or file_sha256(out / name) != digest:
            return False
    return True


def _result_from_entry(entry: dict) -> DocumentResult:
    r = DocumentResult(source=entry["path"], name=entry["name"], status=entry["status"],
                       sha256=entry.get("text_sha256"))
    for name in _RESULT_FIELDS:
        if name in entry:
            setattr(r, name, entry[name])
    return r


def _graph_file_stem(name: str, key: str, taken: set[str]) -> str:
    stem = doc_slug(name)
    if stem in taken:     # two sources with the same file name in different folders
        stem = f"{stem}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
    taken.add(stem)
    return stem


def _run_local(todo: list[tuple[str, Path]], base: str, jobs: int,
               tick: Callable[[str], None], gate: str = "fast") -> Iterable[Work]:
    if jobs <= 1 or len(todo) <= 1:
        for key, path in todo:
            work = build_document(str(path), base, key, gate)
            tick(path.name)
            yield work
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
        futures = [pool.submit(build_document, str(path), base, key, gate) for key, path in todo]
        for future in as_completed(futures):
            work = future.result()
            tick(work.result.name)
            yield work


def _run_dask(todo: list[tuple[str, Path]], base: str, address: str,
              tick: Callable[[str], None], gate: str = "fast") -> Iterable[Work]:
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError as exc:     # pragma: no cover - depends on the installation
        raise RuntimeError("--scheduler needs Dask: pip install 'declass-kg[dask]'") from exc
    # The workers read the sources by path: they must see the same file system.
    with Client(address, timeout="30s") as client:
        futures = client.map(build_document, [str(p) for _, p in todo], [base] * len(todo),
                             [k for k, _ in todo], [gate] * len(todo), pure=False)
        for future in dask_completed(futures):
            work = future.result()
            tick(work.result.name)
            yield work


def build(files: list[Path], out: Path, base: str, *, jobs: int | None = None,
          scheduler: str | None = None, full: bool = False, store: bool = True,
          progress: Callable[[int], Callable[[str], None]] | None = None,
          gate: str = "fast") -> BuildSummary:
    """Build ``files`` into ``out`` and return what happened.

    ``jobs``: worker processes (default: all cores; 1 runs in this process).  ``scheduler``: the
    address of a Dask distributed scheduler to run the documents on instead.  ``full``: ignore
    the manifest and process every source.  ``progress(n)`` is called with the number of
    documents to process and returns a callback called with each finished document's name.
    ``gate``: the SHACL gate, ``fast`` (the shapes compiled for pyoxigraph) or ``pyshacl``
    (the reference); both give the same verdicts, so a document's cached result holds for both.
    """
    started = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    out.mkdir(parents=True, exist_ok=True)
    graphs_dir = out / GRAPHS
    previous = load_manifest(out)          # still read with full=True: it says what to remove
    reusable = {} if full else previous
    rules = rules_fingerprint()

    # 1. What changed: hash every source, compare with the manifest.
    sources: dict[str, dict] = {}
    for path in files:
        key = source_key(path)
        if key in sources:
            continue
        st = path.stat()
        sources[key] = {"key": key, "path": str(path), "name": path.name, "size": st.st_size,
                        "mtime": st.st_mtime, "sha256": file_sha256(path),
                        "tool_version": __version__, "base": base, "rules": rules}
    entries: dict[str, dict] = {}
    todo: list[tuple[str, Path]] = []
    for key, info in sources.items():
        old = reusable.get(key)
        if (old and all(old.get(k) == info[k] for k in ("sha256", "tool_version", "base", "rules"))
                and _cached_files_intact(out, old)):
            entries[key] = {**old, **info}
        else:
            todo.append((key, Path(info["path"])))
    todo.sort(key=lambda kp: (kp[1].name, kp[0]))
    summary = BuildSummary(results=[])
    summary.reused = sorted(sources[k]["name"] for k in entries)

    # 2. Process what must be, keeping each document's output in its own files.
    taken = {Path(e["nquads"]).stem for e in entries.values() if e.get("nquads")}
    tick = progress(len(todo)) if progress else (lambda name: None)
    runner = (_run_dask(todo, base, scheduler, tick, gate) if scheduler
              else _run_local(todo, base, jobs, tick, gate))
    for work in runner:
        r, info = work.result, sources[work.key]
        entry = {**info, "text_sha256": r.sha256}
        entry.update({name: getattr(r, name) for name in _RESULT_FIELDS})
        if r.published:
            stem = _graph_file_stem(r.name, work.key, taken)
            nq, ttl = f"{GRAPHS}/{stem}.nq", f"{GRAPHS}/{stem}.ttl"
            data = r.nquads.encode("utf-8")
            atomic_write(out / nq, data)
            atomic_write(out / ttl, work.turtle)
            entry.update(nquads=nq, nquads_sha256=hashlib.sha256(data).hexdigest(),
                         turtle=ttl, turtle_sha256=hashlib.sha256(work.turtle).hexdigest())
        entries[work.key] = entry
        summary.processed.append(r.name)   # the N-Quads text is dropped here: it is on disk
    summary.processed.sort()

    # 3. Publish in a stable order; only the changed graphs go to the store.
    ordered = sorted(entries.values(), key=lambda e: (e["name"], e["key"]))
    results = [_result_from_entry(e) for e in ordered]
    summary.results = results
    current = {r.graph_iri for r in results if r.graph_iri}
    summary.removed = sorted({e.get("graph_iri") for k, e in previous.items()
                              if k not in sources and e.get("graph_iri")} - current)
    # Graphs to drop from the store: those of sources gone, and of sources published before
    # that now are not (rejected, or unreadable and so without a graph IRI this time).
    published_now = {r.graph_iri for r in results if r.published}
    drop = sorted({e.get("graph_iri") for e in previous.values() if e.get("graph_iri")}
                  - published_now)
    graph_files = {e["graph_iri"]: (out / e["nquads"], out / e["turtle"])
                   for e in ordered if e["status"] == "published"}
    # The store is updated incrementally only when the last build left it in step with its
    # manifest; otherwise every published graph is (re)loaded.
    store_in_step = (not full and bool(previous) and _manifest_flag(out, "store")
                     and (out / "store" / "CURRENT").is_file())
    fresh = {work_key for work_key, _ in todo}
    reload = None if not store_in_step else {
        e["graph_iri"] for e in ordered if e["status"] == "published" and e["key"] in fresh}
    if results:
        publish(results, out, store=store, graph_files=graph_files, reload=reload, removed=drop)
        _write_manifest(out, ordered, store=store)
        _remove_orphans(graphs_dir, {Path(e[f]).name for e in ordered for f in ("nquads", "turtle")
                                     if e.get(f)})
    summary.seconds = time.perf_counter() - started
    return summary


def _manifest_flag(out: Path, name: str) -> bool:
    try:
        return bool(json.loads((out / MANIFEST).read_text(encoding="utf-8")).get(name))
    except (OSError, ValueError, AttributeError):
        return False


def _write_manifest(out: Path, entries: list[dict], store: bool) -> None:
    fields = ("key", "path", "name", "size", "mtime", "sha256", "text_sha256", "tool_version",
              "base", "rules", "status", "reason", "graph_iri", "nquads", "nquads_sha256",
              "turtle", "turtle_sha256", "reader", "records", "triples", "report", "seconds")
    manifest = {
        "format": MANIFEST_FORMAT,
        "tool": f"declass-kg {__version__}",
        "store": store,          # the store holds exactly the published graphs listed here
        "documents": [{k: e.get(k) for k in fields} for e in entries],
    }
    atomic_write(out / MANIFEST,
                 (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _remove_orphans(graphs_dir: Path, keep: set[str]) -> None:
    if not graphs_dir.is_dir():
        return
    for path in graphs_dir.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)


__all__ = ["BuildSummary", "Work", "build", "build_document", "load_manifest", "rules_fingerprint"]
