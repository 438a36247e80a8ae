"""Benchmark of the publishing stage alone: re-publish an existing build's set from its cache.

Not a test and not run in CI.  Usage (from the repository root), after one ``kg build``:

    .venv/bin/python benchmarks/bench_publish.py OUT [--into DIR] [--no-store] [--profile N]
        [--jobs N]

``OUT`` is a build's output folder (``kg build ... --out OUT``); its current set's manifest
names every document's cached N-Quads (``OUT/.kg/cache``).  The script calls
``kg.publishing.publish`` with exactly what ``kg build`` would pass for a ``--full`` build of
the same sources (every graph loaded, no previous store), into ``DIR`` (default: a temporary
folder, removed), and prints the CPU time per sub-step (the dumps, the merge, the store...)
and the peak RSS.  ``--profile N`` prints the N most expensive functions under cProfile
instead (cumulative).  Compare the files written with a reference build:
``diff -r --exclude=store DIR REF/.kg/current``.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def republish_arguments(out: Path) -> tuple[list, dict]:
    """The arguments ``kg build --full`` passes to ``publish`` for the set current in ``out``."""
    sys.path.insert(0, str(REPO_ROOT))
    from kg.building import _result_from_entry, persons_file
    from kg.publishing.folder import MANIFEST, OutputFolder

    folder = OutputFolder(out)
    current = folder.current()
    if current is None:
        raise SystemExit(f"{out}: no build here (run kg build --out {out} first)")
    manifest = json.loads((current / MANIFEST).read_text("utf-8"))
    entries = sorted(manifest["documents"], key=lambda e: e["name"])
    results = [_result_from_entry(e) for e in entries]
    graph_files = {e["graph_iri"]: folder.out / e["nquads"] for e in entries
                   if e.get("status") == "published"}
    options = dict(manifest.get("publishing") or {})
    return results, {"graph_files": graph_files,
                     "persons": {iri: persons_file(p) for iri, p in graph_files.items()},
                     "store": bool(manifest.get("store")), **options}


# The sub-steps timed: (module, function) -> label.  Wrapped where ``publish`` looks them up.
STEPS = {
    ("kg.publishing.identity", "identity_report"): "identity report",
    ("kg.publishing", "merge_graphs"): "merge: kg.ttl + statistics",
    ("kg.publishing.dumps", "write_trig"): "kg.trig",
    ("kg.publishing.dumps", "write_jsonld"): "kg.jsonld",
    ("kg.publishing.dumps", "write_void"): "void.ttl",
    ("kg.publishing", "fill_store"): "store",
}


@contextmanager
def timed_steps(seconds: dict[str, float]):
    import importlib

    saved = []
    for (module_name, name), label in STEPS.items():
        module = importlib.import_module(module_name)
        real = getattr(module, name, None)
        if real is None:
            continue

        def wrapper(*args, __real=real, __label=label, **kwargs):
            started = time.process_time()
            try:
                return __real(*args, **kwargs)
            finally:
                seconds[__label] = seconds.get(__label, 0.0) + time.process_time() - started

        saved.append((module, name, real))
        setattr(module, name, wrapper)
    try:
        yield
    finally:
        for module, name, real in saved:
            setattr(module, name, real)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--into", type=Path, help="write the set here (kept); default a temporary folder")
    parser.add_argument("--no-store", action="store_true")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--jobs", type=int, default=None, help="passed to publish when it takes one")
    args = parser.parse_args(argv)

    results, options = republish_arguments(args.out)
    if args.no_store:
        options["store"] = False
    import inspect

    from kg.publishing import publish
    if args.jobs is not None and "jobs" in inspect.signature(publish).parameters:
        options["jobs"] = args.jobs
    into = args.into or Path(tempfile.mkdtemp(prefix="bench-publish-"))
    if into.exists():
        shutil.rmtree(into)
    seconds: dict[str, float] = {}
    try:
        started, wall = time.process_time(), time.perf_counter()
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            stats = publish(results, into, **options)
            profiler.disable()
        else:
            with timed_steps(seconds):
                stats = publish(results, into, **options)
        cpu, wall = time.process_time() - started, time.perf_counter() - wall
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu = children.ru_utime + children.ru_stime
    finally:
        if args.into is None:
            shutil.rmtree(into, ignore_errors=True)
    published = sum(r.published for r in results)
    print(f"{args.out}: {published} documents published, {stats.triples} triples in the merge")
    if args.profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    for label, s in seconds.items():
        print(f"  {label:<30} {s:7.2f} CPU s")
    print(f"  {'publish, whole':<30} {cpu:7.2f} CPU s (+ {child_cpu:.2f} in child processes), "
          f"{wall:.2f} s wall")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = children.ru_maxrss / 1024
    print(f"  peak RSS {peak:.0f} MiB (largest child {peak_child:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
