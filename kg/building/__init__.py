"""Build orchestration: sources -> per-document results (parallel, cached) -> one published set.

``build()`` is what ``kg build`` runs.  It holds the output folder (one build at a time, see
``kg.publishing.folder``), names the sources (``kg.sources``: a document's identity
is its path relative to the build root), decides which documents must be processed again,
runs ``kg.pipeline.process_file`` for those (``kg.building.workers``: in this process, in
worker processes that die with it, or on a Dask cluster), keeps every document's N-Quads in
the cache and publishes the whole as a new set, made current in one step.

Per-file problems never stop a build: a source that cannot be read (permission denied, gone,
a named pipe, a link loop), whose IRIs would collide with another's, or whose graph fails the
shapes is reported with its reason in the build report; the others are published.

Incremental builds.  Each set holds ``manifest.json``: per source its name, path, size,
SHA-256 of the bytes, the tool version, the base IRI, a fingerprint of the shapes and the
ontology (the rules the verdict was reached under), the status with its reason and
validation results, the graph IRI and its cached N-Quads (``.kg/cache/<slug>.<hash>.nq``,
named by content, so a build that dies half-way never changes a file a published manifest
names).  On the next build a source whose bytes, tool version, base and rules are unchanged
is not processed again: its manifest entry and cached N-Quads are reused (rejected and
unreadable documents too: they are retried only when they change).  When nothing changed at
all (the same manifest, the same publishing options) the current set stays current and
nothing is written.  A source gone since the
last build has its graph dropped from the dumps and the store.  ``full=True`` ignores the
manifest.  The manifest holds no timings, so it is byte-stable like the dumps.

Determinism.  Results are put in order by name before publishing, whatever order the workers
finish in, so any number of workers (or a cluster) gives the same bytes.

Streaming.  A local worker writes each document's canonical N-Quads (never rdflib objects)
into the cache itself and sends back only where: a large document's N-Quads are not pickled,
piped and held by the main process a second time.  A Dask worker, which need not see the
output folder, sends the bytes and the main process writes them.  Either way the main process
keeps only the small metadata, and publishing streams everything from those files
(``kg.publishing``).
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg import __version__
from kg.building.progress import Progress, Silent
from kg.building.workers import run_dask, run_here, run_pool
from kg.mapping.core import doc_slug
from kg.pipeline import DocumentResult, process_file
from kg.publishing import atomic_write, publish
from kg.publishing.files import DUMP_FORMATS
from kg.publishing.folder import MANIFEST, BuildLocked, OutputFolder
from kg.sources import Source, SourceError, conflicts, fingerprint, named_sources

MANIFEST_FORMAT = 2

# Result fields kept in the manifest, so a reused document reports exactly as when it was built.
_RESULT_FIELDS = ("status", "reason", "graph_iri", "report", "records", "triples", "reader")
_ENTRY_FIELDS = ("name", "path", "size", "sha256", "text_sha256", "tool_version", "base", "rules",
                 *_RESULT_FIELDS, "nquads", "nquads_size")


@dataclass
class Work:
    """What a worker sends back for one source: the result and its canonical N-Quads, as bytes
    or, when the worker kept them in the cache itself, the file they are in."""

    result: DocumentResult
    nquads: bytes = b""
    persons: bytes = b""          # the persons its graph names (JSON), for the identity report
    cached: str = ""              # the cache file holding the N-Quads (then ``nquads`` is empty)
    size: int = 0                 # of the N-Quads, in bytes


@dataclass
class BuildSummary:
    results: list[DocumentResult]               # every source, in publishing order
    processed: list[str] = field(default_factory=list)   # names of documents (re)processed
    reused: list[str] = field(default_factory=list)      # names taken from the manifest
    removed: list[str] = field(default_factory=list)     # graph IRIs of sources gone
    triples: int = 0                            # in the merged graph (kg.ttl, VoID)
    seconds: float = 0.0

    @property
    def published(self) -> int:
        return sum(r.published for r in self.results)


def build_document(path: str, base: str, name: str = "", gate: str = "fast",
                   cache: str | None = None) -> Work:
    """The unit of work sent to a worker: ``process_file``, its N-Quads made canonical; with
    ``cache`` (a folder), kept there (``keep``) rather than sent back.

    Never raises for a bad document (``process_file`` turns problems into results); a cache
    that cannot be written raises (``OSError``), as it would in the main process.
    """
    from kg.publishing.identity import seen_in, seen_to_json
    from kg.publishing.merged import canonical_nquads

    result = process_file(Path(path), base, name or None, gate)
    nquads = persons = b""
    if result.published:
        started = time.perf_counter()
        nquads = canonical_nquads(result.nquads_utf8)
        result.nquads_utf8 = b""               # sent once, as the canonical bytes
        # read here, where the graph is at hand, so publishing merges small records instead of
        # parsing every document again
        persons = json.dumps(seen_to_json(seen_in(nquads, result.name, base)),
                             ensure_ascii=False).encode("utf-8")
        result.seconds["serialize"] = result.seconds.get("serialize", 0.0) + time.perf_counter() - started
        if cache is not None:
            cached = keep(Path(cache), result.name, nquads, persons)
            return Work(result=result, cached=str(cached), size=len(nquads))
    return Work(result=result, nquads=nquads, persons=persons, size=len(nquads))


def keep(cache: Path, name: str, nquads: bytes, persons: bytes) -> Path:
    """Write a document's canonical N-Quads into the cache under a name of their content
    (``<slug>.<hash>.nq``), the persons they name beside them (``persons_file``); return the
    N-Quads' file.  A file of that name and size is already the same: it is not written again."""
    digest = hashlib.sha256(nquads).hexdigest()
    cached = cache / f"{doc_slug(name)}.{digest[:16]}.nq"
    if not (cached.is_file() and cached.stat().st_size == len(nquads)):
        atomic_write(cached, nquads)
    people = persons_file(cached)
    if not people.is_file():
        atomic_write(people, persons)
    return cached


def persons_file(nquads: Path) -> Path:
    """Where the persons of a document's cached N-Quads are kept (``Work.persons``): beside
    them, named after them, so they go when the N-Quads go."""
    return nquads.with_name(nquads.name[:-len(".nq")] + ".persons.json")


def rules_fingerprint() -> str:
    """SHA-256 over the shapes, the ontology and the tool's own code and tables: a cached
    result holds only under the rules that made it.  The version number alone is not enough:
    a development checkout (or a patched install) changes its extractors and lexicons without
    changing the version, and a build must not keep what the old rules extracted."""
    import kg
    from kg.validating import ontology_dir, shapes_dir

    return tree_fingerprint([Path(shapes_dir()), Path(ontology_dir()), Path(kg.__file__).parent])


def tree_fingerprint(folders: Iterable[Path]) -> str:
    """SHA-256 over every file under ``folders`` (names relative to their folder, in order),
    leaving out compiled bytecode, which Python rewrites at will."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.suffix == ".pyc" or "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0"
                          + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_manifest(out: Path) -> dict[str, dict]:
    """The current set's entries by document name; empty if there is none or it is unreadable."""
    current = OutputFolder(out).current()
    return _read_manifest(current / MANIFEST) if current else {}


def _read_manifest(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return {}
    docs = data.get("documents")
    return {d["name"]: d for d in docs if isinstance(d, dict) and "name" in d} if isinstance(docs, list) else {}


def build(sources: Sequence[Path | Source], out: Path, base: str, *, jobs: int | None = None,
          scheduler: str | None = None, full: bool = False, store: bool = True,
          progress: Progress | None = None, root: Path | None = None, wait: bool = False,
          license: str | None = None, attribution: str | None = None,
          dataset_url: str | None = None, gate: str = "fast",
          dumps: Sequence[str] = DUMP_FORMATS, compress: bool = False) -> BuildSummary:
    """Build ``sources`` into ``out`` and return what happened.

    ``sources``: files (named relative to ``root``, default the deepest folder holding them
    all) or ``Source``s already named (``kg.sources.find_sources``).  ``jobs``:
    worker processes (default: all cores; 1 runs in this process).  ``scheduler``: the address
    of a Dask distributed scheduler to run the documents on instead.  ``full``: ignore the
    manifest and process every source.  ``wait``: wait for another build of ``out`` to finish
    instead of raising ``BuildLocked``.  ``license``, ``attribution``, ``dataset_url``: what
    the dumps and VoID say about the dataset (``kg.publishing.dataset``, ``.void``).
    ``gate``: the SHACL gate, ``fast`` (the shapes compiled for pyoxigraph) or ``pyshacl``
    (the reference); both give the same verdicts, so a document's cached result holds for both.
    ``dumps``: which dump files to write (``kg.publishing.files.DUMP_FORMATS``), ``compress``:
    gzip them (``kg build --dumps``, ``--compress``).
    """
    folder = OutputFolder(out)
    with folder.lock(wait=wait):
        return _build(named_sources(sources, root), folder, base, jobs=jobs or os.cpu_count() or 1,
                      scheduler=scheduler, full=full, store=store, progress=progress or Silent(), gate=gate,
                      publishing={"license": license, "attribution": attribution,
                                  "dataset_url": dataset_url, "dumps": list(dumps),
                                  "compress": compress})


def _build(sources: list[Source], folder: OutputFolder, base: str, *, jobs: int,
           scheduler: str | None, full: bool, store: bool, progress: Progress,
           publishing: dict, gate: str) -> BuildSummary:
    started = time.perf_counter()
    previous_set = folder.current()
    previous = _read_manifest(previous_set / MANIFEST) if previous_set else {}
    reusable = {} if full else previous
    rules = rules_fingerprint()

    # 1. What changed: hash every source, compare with the manifest.  A source that cannot
    #    be read, or whose IRIs another source would share, is a result at once.
    entries: dict[str, dict] = {}
    infos: dict[str, dict] = {}
    todo: list[tuple[str, Path]] = []
    clashes = conflicts(s.name for s in sources if not s.problem)
    for s in sources:
        info = {"name": s.name, "path": str(s.path), "tool_version": __version__, "base": base,
                "rules": rules}
        if s.problem or s.name in clashes:
            entries[s.name] = {**info, "status": "unreadable" if s.problem else "conflict",
                               "reason": f"{s.name}: {s.problem}" if s.problem else clashes[s.name]}
            continue
        try:
            info["size"], info["sha256"] = fingerprint(s.path)
        except SourceError as exc:
            entries[s.name] = {**info, "status": "unreadable", "reason": f"{s.name}: {exc}"}
            continue
        old = reusable.get(s.name)
        if (old and all(old.get(k) == info[k] for k in ("sha256", "tool_version", "base", "rules"))
                and _cached_file_intact(folder, old)):
            entries[s.name] = {**old, **info}
        else:
            infos[s.name] = info
            todo.append((s.name, s.path))
    todo.sort()
    summary = BuildSummary(results=[])
    summary.reused = sorted(n for n, e in entries.items() if "sha256" in e)

    # 2. Process what must be, keeping each document's N-Quads in the cache.
    progress.start(len(todo))
    timings: dict[str, dict[str, float]] = {}      # per stage, for the benchmark; not kept
    for work in _run(todo, base, jobs, scheduler, gate, folder.cache):
        r = work.result
        timings[r.name] = r.seconds
        entry = {**infos[r.name], "text_sha256": r.sha256}
        entry.update({k: getattr(r, k) for k in _RESULT_FIELDS})
        if r.published:
            cached = (Path(work.cached) if work.cached
                      else keep(folder.cache, r.name, work.nquads, work.persons))
            entry.update(nquads=cached.relative_to(folder.out).as_posix(), nquads_size=work.size)
        entries[r.name] = entry
        summary.processed.append(r.name)   # the N-Quads are dropped here: they are on disk
        progress.advance(r.name)
    summary.processed.sort()

    # 3. Publish a new set in a stable order; only the changed graphs go to the store.
    ordered = [entries[name] for name in sorted(entries)]
    results = [_result_from_entry(e, timings.get(e["name"])) for e in ordered]
    summary.results = results
    published_now = {r.graph_iri for r in results if r.published}
    summary.removed = sorted({e.get("graph_iri") for n, e in previous.items()
                              if n not in entries and e.get("graph_iri")} - published_now)
    # Graphs to drop from the store copy: of sources gone, and of sources published before
    # that now are not (rejected, unreadable).
    drop = sorted({e.get("graph_iri") for e in previous.values() if e.get("graph_iri")} - published_now)
    manifest = _manifest(ordered, store=store, publishing=publishing)
    if not full and previous_set and manifest == _raw_manifest(previous_set / MANIFEST):
        # Nothing a file of the set depends on has changed: the current set is this build's.
        progress.finish()
        summary.triples = _published_triples(previous_set)
        summary.seconds = time.perf_counter() - started
        return summary
    graph_files = {e["graph_iri"]: folder.out / e["nquads"] for e in ordered if e.get("status") == "published"}
    persons = {iri: persons_file(path) for iri, path in graph_files.items()}
    fresh = {name for name, _ in todo}
    previous_store = (previous_set / "store" if previous_set and not full and _stored(previous_set)
                      else None)
    names = [f"kg.{f}" + (".gz" if publishing["compress"] else "") for f in publishing["dumps"]]
    progress.stage(f"publishing {len(graph_files)} documents: {', '.join(names + ['void.ttl'])}, "
                   f"the reports{', the store' if store else ''}")
    staged = folder.stage()
    try:
        stats = publish(results, staged, store=store, graph_files=graph_files, persons=persons,
                        previous_store=previous_store,
                        reload={e["graph_iri"] for e in ordered
                                if e["name"] in fresh and e.get("status") == "published"},
                        removed=drop, base=base, jobs=jobs, **publishing)
        atomic_write(staged / MANIFEST,
                     (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        folder.switch(staged)
    except BaseException:
        folder.discard(staged)
        raise
    finally:
        progress.finish()
    kept = [e["nquads"] for e in ordered if e.get("nquads")]
    _remove_orphans(folder, set(kept) | {persons_file(Path(name)).as_posix() for name in kept})
    summary.triples = stats.triples
    summary.seconds = time.perf_counter() - started
    return summary


def _run(todo: list[tuple[str, Path]], base: str, jobs: int, scheduler: str | None,
         gate: str, cache: Path) -> Iterable[Work]:
    if scheduler:     # a Dask worker need not see the output folder: it sends the bytes
        return run_dask(todo, base, scheduler, partial(build_document, gate=gate))
    if jobs <= 1 or len(todo) <= 1:
        # looked up at call time, so a test may stand in for process_file
        return run_here(todo, base, lambda path, base, name: build_document(path, base, name, gate,
                                                                            str(cache)))
    return run_pool(todo, base, jobs, partial(build_document, gate=gate, cache=str(cache)))


def _cached_file_intact(folder: OutputFolder, entry: dict) -> bool:
    """A published entry's cached N-Quads are there, whole (named by their hash, so a file of
    the right name and size is the one the manifest means)."""
    if entry.get("status") != "published":
        return True
    name = entry.get("nquads")
    if not name:
        return False
    try:
        return (folder.out / name).stat().st_size == entry.get("nquads_size")
    except OSError:
        return False


def _result_from_entry(entry: dict, seconds: dict[str, float] | None = None) -> DocumentResult:
    r = DocumentResult(source=entry.get("path", ""), name=entry["name"], status=entry["status"],
                       sha256=entry.get("text_sha256"), seconds=seconds or {})
    for name in _RESULT_FIELDS:
        if entry.get(name) is not None:
            setattr(r, name, entry[name])
    return r


def _stored(set_folder: Path) -> bool:
    """The set has a store in step with its manifest."""
    try:
        flag = json.loads((set_folder / MANIFEST).read_text(encoding="utf-8")).get("store")
    except (OSError, ValueError, AttributeError):
        return False
    return bool(flag) and (set_folder / "store" / "CURRENT").is_file()


def _manifest(entries: list[dict], store: bool, publishing: dict) -> dict:
    return {
        "format": MANIFEST_FORMAT,
        "tool": f"declass-kg {__version__}",
        "store": store,          # the store holds exactly the published graphs listed here
        "publishing": publishing,                 # what the dumps say about the dataset
        "documents": [{k: e.get(k) for k in _ENTRY_FIELDS} for e in entries],
    }


def _raw_manifest(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _published_triples(set_folder: Path) -> int:
    try:
        return int(json.loads((set_folder / "build-report.json").read_text("utf-8"))["triples"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _remove_orphans(folder: OutputFolder, keep: set[str]) -> None:
    """Cached N-Quads the current manifest does not name (replaced or removed documents)."""
    if not folder.cache.is_dir():
        return
    for path in sorted(folder.cache.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(folder.out).as_posix() not in keep:
            path.unlink(missing_ok=True)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


__all__ = ["BuildLocked", "BuildSummary", "Work", "build", "build_document", "keep", "load_manifest",
           "rules_fingerprint", "tree_fingerprint"]
