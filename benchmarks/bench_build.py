"""Benchmark of `kg build`: throughput per stage, end to end per core, peak memory, and the
build's cost relative to pyoxigraph bulk-loading the build's own N-Quads.

Not a test and not run in CI.  Usage (from the repository root):

    .venv/bin/python benchmarks/bench_build.py                    # seeds/ and the JFK corpus
    .venv/bin/python benchmarks/bench_build.py CORPUS_DIR ... [--jobs N] [--repeat R]

Each corpus is measured in a fresh subprocess, so peak memory (ru_maxrss) belongs to that
corpus alone.  In it:

1. a serial build (``--jobs 1``, ``full``, with the store) gives the per-stage times that
   ``process_file`` records (read, extract, map, validate, serialize) plus the publish step;
2. a parallel build with ``--jobs N`` (default: all cores) gives end-to-end documents/s,
   divided by N for documents/s per core;
3. a rebuild of the unchanged corpus shows what the manifest saves;
4. ``pyoxigraph.Store().bulk_load`` of the build's ``kg.nq`` (in memory, same process) is the
   yardstick: "x bulk load" is how many times longer the whole build takes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JFK = Path("/work/shared/corpus/jfk")
STAGES = ("read", "extract", "map", "validate", "serialize", "publish")


def measure(corpus: Path, jobs: int, repeat: int) -> dict:
    """Run in the child process: every number for one corpus."""
    sys.path.insert(0, str(REPO_ROOT))
    import pyoxigraph as ox

    import kg.building as building
    from kg.sources import collect_sources
    from kg.mapping.core import DEFAULT_BASE

    files, problems = collect_sources([corpus])
    if not files:
        raise SystemExit(f"{corpus}: {problems}")
    publish_seconds: list[float] = []
    real_publish = building.publish

    def timed_publish(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_publish(*args, **kwargs)
        finally:
            publish_seconds.append(time.perf_counter() - started)

    building.publish = timed_publish
    with tempfile.TemporaryDirectory(prefix="bench-kg-") as tmp:
        out = Path(tmp) / "out"
        # Warm-up (imports, shapes and ontology parsing) is part of every real build, but a
        # one-off: measure it apart so the stage rates describe the steady state.
        started = time.perf_counter()
        building.build_document(str(files[0]), DEFAULT_BASE)
        warmup = time.perf_counter() - started

        serial = []
        for _ in range(repeat):
            publish_seconds.clear()
            started = time.perf_counter()
            summary = building.build(files, out, DEFAULT_BASE, jobs=1, full=True, store=True)
            serial.append((time.perf_counter() - started, summary, publish_seconds[-1]))
        serial_seconds, summary, publish = min(serial, key=lambda s: s[0])
        stages = {s: 0.0 for s in STAGES}
        for r in summary.results:
            for stage, seconds in r.seconds.items():
                stages[stage] = stages.get(stage, 0.0) + seconds
        stages["publish"] = publish
        docs = len(summary.results)
        triples = summary.triples

        parallel = []
        for _ in range(repeat):
            started = time.perf_counter()
            building.build(files, out, DEFAULT_BASE, jobs=jobs, full=True, store=True)
            parallel.append(time.perf_counter() - started)
        parallel_seconds = min(parallel)

        started = time.perf_counter()
        again = building.build(files, out, DEFAULT_BASE, jobs=jobs, store=True)
        rebuild_seconds = time.perf_counter() - started
        assert not again.processed, again.processed

        nq = out / "kg.nq"
        loads = []
        for _ in range(max(3, repeat)):
            store = ox.Store()
            started = time.perf_counter()
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            loads.append(time.perf_counter() - started)
            del store
        bulk = min(loads)
        nq_bytes = nq.stat().st_size

    usage_self = resource.getrusage(resource.RUSAGE_SELF)
    usage_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "corpus": str(corpus), "documents": docs, "published": summary.published,
        "triples": triples, "nq_bytes": nq_bytes, "jobs": jobs, "warmup": warmup,
        "stages": stages, "serial_seconds": serial_seconds, "parallel_seconds": parallel_seconds,
        "rebuild_seconds": rebuild_seconds, "bulk_load_seconds": bulk,
        "peak_rss_mb": usage_self.ru_maxrss / 1024,
        "peak_worker_rss_mb": usage_children.ru_maxrss / 1024,
    }


def table(rows: list[dict]) -> str:
    lines = []
    for m in rows:
        docs, triples = m["documents"], m["triples"]
        lines.append(f"\n{m['corpus']}: {docs} documents ({m['published']} published), "
                     f"{triples} triples, kg.nq {m['nq_bytes'] / 1e6:.1f} MB; "
                     f"one-off warm-up {m['warmup']:.2f} s")
        lines.append(f"  {'stage':<10} {'seconds':>8} {'ms/doc':>8} {'docs/s':>9} {'triples/s':>11}")
        for stage in STAGES:
            s = m["stages"].get(stage, 0.0)
            lines.append(f"  {stage:<10} {s:8.2f} {1000 * s / docs:8.1f} "
                         f"{docs / s if s else float('inf'):9.1f} {triples / s if s else float('inf'):11.0f}")
        work = sum(m["stages"].values())
        lines.append(f"  {'sum':<10} {work:8.2f} {1000 * work / docs:8.1f} {docs / work:9.1f} {triples / work:11.0f}")
        e1, en, j = m["serial_seconds"], m["parallel_seconds"], m["jobs"]
        lines.append(f"  end to end, 1 job : {e1:6.2f} s  {docs / e1:7.1f} docs/s  (= per core)")
        lines.append(f"  end to end, {j} jobs: {en:6.2f} s  {docs / en:7.1f} docs/s  "
                     f"{docs / en / j:7.1f} docs/s per core  (speed-up {e1 / en:.2f}x)")
        lines.append(f"  rebuild, unchanged: {m['rebuild_seconds']:6.2f} s")
        lines.append(f"  pyoxigraph bulk_load of kg.nq: {m['bulk_load_seconds'] * 1000:.1f} ms "
                     f"({triples / m['bulk_load_seconds']:.0f} triples/s); the 1-job build takes "
                     f"{e1 / m['bulk_load_seconds']:.0f}x, the {j}-job build "
                     f"{en / m['bulk_load_seconds']:.0f}x as long")
        lines.append(f"  peak RSS: main {m['peak_rss_mb']:.0f} MB, largest worker {m['peak_worker_rss_mb']:.0f} MB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        help="corpus folders (default: seeds/ and /work/shared/corpus/jfk if present)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs (default 1)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.jobs, args.repeat)))
        return
    corpora = args.corpora or [REPO_ROOT / "seeds"] + ([DEFAULT_JFK] if DEFAULT_JFK.is_dir() else [])
    rows = []
    for corpus in corpora:
        run = subprocess.run([sys.executable, __file__, "--child", str(corpus), "--jobs", str(args.jobs),
                              "--repeat", str(args.repeat)], capture_output=True, text=True)
        if run.returncode:
            sys.exit(f"benchmark of {corpus} failed:\n{run.stderr}")
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    print(f"declass-kg build benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(table(rows))
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
