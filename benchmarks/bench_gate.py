"""Benchmark of the SHACL gate alone: CPU time of `kg.validating.check` per document, as
`kg.pipeline.process_file` calls it, on a corpus folder.

Not a test and not run in CI.  Usage (from the repository root):

    .venv/bin/python benchmarks/bench_gate.py CORPUS_DIR [--sample N] [--repeat R]
        [--profile OUT.prof] [--cache FILE.pickle]

Every document is read, extracted, mapped and serialised first (not timed; ``--cache`` keeps
the mapped triples and N-Quads in a pickle so that a second run, or another worktree's run,
starts from the same inputs); then the gate runs over each document in turn, ``R`` times,
with the cycle collector paused as `process_file` pauses it, and the better total of the
repeats is printed in CPU seconds and ms a document.  ``--profile`` writes a cProfile of the
gate calls alone (the last repeat).  The digest printed is of every verdict's words: two
versions of the gate that print the same digest gave every document the same verdict.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def prepare(corpus: Path, sample: int) -> list[tuple]:
    """(name, graph IRI, triples, N-Quads) of every document, as `process_file` has them."""
    from kg.extracting import run as extract
    from kg.mapping import map_document
    from kg.mapping.core import DEFAULT_BASE, doc_slug
    from kg.reading import read_file
    from kg.resolving import resolve_document
    from kg.sources import find_sources

    files, problems = find_sources([corpus])
    if not files:
        raise SystemExit(f"{corpus}: {problems}")
    files = files[:sample] if sample else files
    docs = []
    for source in files:
        path = Path(getattr(source, "path", source))
        name = getattr(source, "name", None) or path.name
        transcript = read_file(path)
        records = extract(transcript)
        records.source_name = name
        triples = map_document(records, resolve_document(records), DEFAULT_BASE, transcript.reading_of)
        graph_iri = f"{DEFAULT_BASE}graph/{doc_slug(name)}"
        docs.append((name, graph_iri, list(triples), triples.nquads_utf8(graph_iri)))
    return docs


def gate_pass(docs: list[tuple], profiler=None) -> tuple[float, list]:
    """One pass of the gate over every document: (CPU seconds, the verdicts' words)."""
    from kg.mapping.core import Triples, words_graph
    from kg.validating import check

    total, reports = 0.0, []
    for _name, graph_iri, triples, data in docs:
        collected = Triples(triples)
        gc.disable()
        try:
            started = time.process_time()
            if profiler is not None:
                profiler.enable()
            verdict = check(collected, words_graph(), "fast", data, graph_iri, consume=True)
            if profiler is not None:
                profiler.disable()
            total += time.process_time() - started
        finally:
            gc.enable()
        reports.append(None if verdict is None else
                       (verdict.conforms, [r.words() for r in verdict.results]))
    return total, reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--cache", type=Path, help="pickle of the prepared documents (made if absent)")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO_ROOT))
    if args.cache and args.cache.exists():
        docs = pickle.loads(args.cache.read_bytes())
    else:
        docs = prepare(args.corpus, args.sample)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    gate_pass(docs[:1])                      # the shapes compiled, the ontology parsed
    import cProfile

    best, reports = None, None
    for i in range(args.repeat):
        profiler = cProfile.Profile() if args.profile and i == args.repeat - 1 else None
        seconds, reports = gate_pass(docs, profiler)
        best = seconds if best is None else min(best, seconds)
        if profiler is not None:
            profiler.dump_stats(str(args.profile))
    undecided = sum(r is None for r in reports)
    digest = hashlib.sha256(repr(reports).encode("utf-8")).hexdigest()[:16]
    print(f"{len(docs)} documents, {sum(len(d[2]) for d in docs):,} triples: gate {best:.2f} CPU s "
          f"({1000 * best / len(docs):.1f} ms a document, best of {args.repeat}); "
          f"{undecided} handed to pyshacl; verdicts {digest} (the same digest: the same words)")


if __name__ == "__main__":
    main()
