"""Benchmark of `kg build`: throughput per stage, end to end per core, the SHACL gate's share,
peak memory, and the build's cost relative to pyoxigraph bulk-loading the build's own N-Quads.

Not a test and not run in CI.  Usage (from the repository root):

    .venv/bin/python benchmarks/bench_build.py                    # seeds/ and the JFK corpus
    .venv/bin/python benchmarks/bench_build.py CORPUS_DIR ... [--jobs N] [--repeat R]
        [--gate fast|pyshacl] [--sample N] [--no-parallel]

Each corpus is measured in a fresh subprocess, so peak memory (ru_maxrss) belongs to that
corpus alone.  In it:

1. a serial build (``--jobs 1``, ``full``, with the store) gives the per-stage times that
   ``process_file`` records (read, extract, map, serialize, validate) plus the publish step,
   as CPU time (the machine may be shared: wall time then says little) and the serial build's
   wall and CPU time end to end;
2. a parallel build with ``--jobs N`` (default: all cores) gives end-to-end documents/s,
   divided by N for documents/s per core;
3. a rebuild of the unchanged corpus shows what the manifest saves;
4. ``pyoxigraph.Store().bulk_load`` of the build's ``kg.nq`` (in memory, same process) is the
   yardstick: "x bulk load" is how many times longer the whole build takes.

``--sample N`` builds the first N files (sorted) of the corpus only; with the corpus's file
count the figures are extrapolated to the whole corpus.
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
STAGES = ("read", "extract", "map", "serialize", "validate", "publish")


class _CpuClock:
    """The clock of ``kg.pipeline`` and ``kg.building`` during the serial build: CPU time, so
    that the stage figures hold on a machine other processes share (both read
    ``time.perf_counter`` for the stages they time)."""

    perf_counter = staticmethod(time.process_time)


def measure(corpus: Path, jobs: int, repeat: int, gate: str, sample: int, parallel: bool) -> dict:
    """Run in the child process: every number for one corpus."""
    sys.path.insert(0, str(REPO_ROOT))
    import pyoxigraph as ox

    import kg.building as building
    import kg.pipeline as pipeline
    from kg.sources import find_sources
    from kg.mapping.core import DEFAULT_BASE

    files, problems = find_sources([corpus])
    if not files:
        raise SystemExit(f"{corpus}: {problems}")
    corpus_files = len(files)
    files = files[:sample] if sample else files
    options = {"gate": gate} if gate else {}
    publish_seconds: list[float] = []
    real_publish = building.publish

    def timed_publish(*args, **kwargs):
        started = time.process_time()
        try:
            return real_publish(*args, **kwargs)
        finally:
            publish_seconds.append(time.process_time() - started)

    building.publish = timed_publish
    with tempfile.TemporaryDirectory(prefix="bench-kg-") as tmp:
        out = Path(tmp) / "out"
        # Warm-up (imports, shapes and ontology parsing) is part of every real build, but a
        # one-off: measure it apart so the stage rates describe the steady state.
        started = time.perf_counter()
        building.build_document(str(files[0].path), DEFAULT_BASE, **options)
        warmup = time.perf_counter() - started

        serial = []
        real_clock = pipeline.time
        pipeline.time = building.time = _CpuClock
        try:
            for _ in range(repeat):
                publish_seconds.clear()
                started, cpu = time.perf_counter(), time.process_time()
                summary = building.build(files, out, DEFAULT_BASE, jobs=1, full=True, store=True, **options)
                serial.append((time.process_time() - cpu, time.perf_counter() - started, summary,
                               publish_seconds[-1]))
        finally:
            pipeline.time = building.time = real_clock
        serial_cpu, serial_seconds, summary, publish = min(serial, key=lambda s: s[0])
        stages = {s: 0.0 for s in STAGES}
        for r in summary.results:
            for stage, seconds in r.seconds.items():
                stages[stage] = stages.get(stage, 0.0) + seconds
        stages["publish"] = publish
        docs = len(summary.results)
        triples = summary.triples

        runs = []
        for _ in range(repeat if parallel else 0):
            started = time.perf_counter()
            building.build(files, out, DEFAULT_BASE, jobs=jobs, full=True, store=True, **options)
            runs.append(time.perf_counter() - started)
        parallel_seconds = min(runs) if runs else None

        started = time.perf_counter()
        again = building.build(files, out, DEFAULT_BASE, jobs=jobs, store=True, **options)
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
        "corpus": str(corpus), "documents": docs, "corpus_files": corpus_files,
        "published": summary.published, "gate": gate or "default",
        "triples": triples, "nq_bytes": nq_bytes, "jobs": jobs, "warmup": warmup,
        "stages": stages, "serial_seconds": serial_seconds, "serial_cpu": serial_cpu,
        "parallel_seconds": parallel_seconds,
        "rebuild_seconds": rebuild_seconds, "bulk_load_seconds": bulk,
        "peak_rss_mb": usage_self.ru_maxrss / 1024,
        "peak_worker_rss_mb": usage_children.ru_maxrss / 1024,
    }


def table(rows: list[dict]) -> str:
    lines = []
    for m in rows:
        docs, triples = m["documents"], m["triples"]
        lines.append(f"\n{m['corpus']}: {docs} documents ({m['published']} published), "
                     f"{triples} triples, kg.nq {m['nq_bytes'] / 1e6:.1f} MB; gate {m['gate']}; "
                     f"one-off warm-up {m['warmup']:.2f} s")
        lines.append(f"  {'stage (CPU)':<12} {'seconds':>8} {'ms/doc':>8} {'docs/s/core':>12} {'triples/s':>11}")
        for stage in STAGES:
            s = m["stages"].get(stage, 0.0)
            lines.append(f"  {stage:<12} {s:8.2f} {1000 * s / docs:8.1f} "
                         f"{docs / s if s else float('inf'):12.1f} {triples / s if s else float('inf'):11.0f}")
        work = sum(m["stages"].values())
        lines.append(f"  {'sum':<12} {work:8.2f} {1000 * work / docs:8.1f} {docs / work:12.1f} {triples / work:11.0f}")
        lines.append(f"  the gate (validate) is {100 * m['stages']['validate'] / work:.1f} % of the build's CPU time")
        e1, c1, en, j = m["serial_seconds"], m["serial_cpu"], m["parallel_seconds"], m["jobs"]
        lines.append(f"  end to end, 1 job : {e1:6.2f} s wall, {c1:6.2f} s CPU: {docs / c1:7.1f} docs/s/core (CPU), "
                     f"{docs / e1:7.1f} docs/s (wall)")
        if en:
            lines.append(f"  end to end, {j} jobs: {en:6.2f} s  {docs / en:7.1f} docs/s  "
                         f"{docs / en / j:7.1f} docs/s per core  (speed-up {e1 / en:.2f}x)")
        if m["corpus_files"] > docs:
            whole = m["corpus_files"]
            lines.append(f"  extrapolated to all {whole} files: {c1 * whole / docs / 60:.0f} min of CPU, "
                         f"{c1 * whole / docs / 60 / max(j, 1):.0f} min on {j} cores")
        lines.append(f"  rebuild, unchanged: {m['rebuild_seconds']:6.2f} s")
        lines.append(f"  pyoxigraph bulk_load of kg.nq: {m['bulk_load_seconds'] * 1000:.1f} ms "
                     f"({triples / m['bulk_load_seconds']:.0f} triples/s); the 1-job build takes "
                     f"{c1 / m['bulk_load_seconds']:.0f}x as long (CPU)")
        lines.append(f"  peak RSS: main {m['peak_rss_mb']:.0f} MB, largest worker {m['peak_worker_rss_mb']:.0f} MB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        help="corpus folders (default: seeds/ and /work/shared/corpus/jfk if present)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs (default 1)")
    parser.add_argument("--gate", choices=("fast", "pyshacl"), default=None,
                        help="the SHACL gate of the builds (default: kg build's)")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="build only the first N files of each corpus and extrapolate")
    parser.add_argument("--no-parallel", action="store_true", help="skip the --jobs N build")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON too")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.jobs, args.repeat, args.gate, args.sample,
                                 not args.no_parallel)))
        return
    corpora = args.corpora or [REPO_ROOT / "seeds"] + ([DEFAULT_JFK] if DEFAULT_JFK.is_dir() else [])
    rows = []
    for corpus in corpora:
        run = subprocess.run([sys.executable, __file__, "--child", str(corpus), "--jobs", str(args.jobs),
                              "--repeat", str(args.repeat), "--sample", str(args.sample)]
                             + (["--gate", args.gate] if args.gate else [])
                             + (["--no-parallel"] if args.no_parallel else []),
                             capture_output=True, text=True)
        if run.returncode:
            sys.exit(f"benchmark of {corpus} failed:\n{run.stderr}")
        rows.append(json.loads(run.stdout.strip().splitlines()[-1]))
    print(f"declass-kg build benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(table(rows))
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
