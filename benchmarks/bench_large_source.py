"""Benchmark of one very large source: time per stage and peak memory against its size.

Not a test and not run in CI.  A text of N megabytes is made by concatenating the texts of a
corpus folder in file-name order (the JFK releases by default), and `kg.pipeline.process_file`
runs on it in a fresh process, so the peak RSS is that document's own.  Work that grows faster
than the text (a quadratic loop in an extractor) shows as a CPU time per megabyte that rises
with N.  The CPU time is the figure to compare on a shared machine; the wall time per stage
depends on the load.  Usage (from the repository root):

    .venv/bin/python benchmarks/bench_large_source.py                     # 1, 2, 4 MB
    .venv/bin/python benchmarks/bench_large_source.py --sizes 1,2,4,8,30 --corpus /work/corpus-jfk

Sizes above `kg.reading.MAX_BYTES` are measured with the limit raised for the run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("/work/corpus-jfk")
STAGES = ("read", "extract", "map", "validate", "serialize")


def make_text(corpus: Path, size: int, out: Path) -> None:
    """``size`` bytes of whole-ish UTF-8 text from the corpus's files, in name order."""
    data = bytearray()
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".txt"):
            data += path.read_bytes() + b"\n\n"
            if len(data) >= size:
                break
    out.write_bytes(bytes(data[:size]).decode("utf-8", "ignore").encode("utf-8"))


def measure(path: str) -> dict:
    """Run in the child: process_file on one source, its stage times and peak RSS."""
    import resource
    import time

    sys.path.insert(0, str(REPO_ROOT))
    from kg.pipeline import process_file

    started = time.perf_counter()
    cpu_started = time.process_time()
    result = process_file(Path(path))
    return {"status": result.status, "reason": result.reason, "triples": result.triples,
            "seconds": round(time.perf_counter() - started, 1),
            # the CPU time hardly depends on what else the machine runs; the wall time does
            "cpu_seconds": round(time.process_time() - cpu_started, 1),
            "stages": {k: round(v, 1) for k, v in result.seconds.items()},
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,2,4", help="megabytes, comma-separated")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            size = int(mb * 1_000_000)
            source = Path(tmp) / f"large-{mb:g}mb.md"
            make_text(args.corpus, size, source)
            env = {**os.environ, "KG_MAX_BYTES": str(size + 1)}
            child = subprocess.run([sys.executable, __file__, "--child", str(source)], env=env,
                                   capture_output=True, text=True, check=True)
            row = {"megabytes": mb, **json.loads(child.stdout.strip().splitlines()[-1])}
            rows.append(row)
            if not args.json:
                stages = " ".join(f"{k} {row['stages'].get(k, 0):>6.1f}" for k in STAGES)
                print(f"{mb:>5g} MB  {row['status']:<10} {row['triples']:>9,} triples  "
                      f"{row['seconds']:>7.1f} s wall, {row['cpu_seconds']:>7.1f} s CPU "
                      f"({row['cpu_seconds'] / mb:5.1f} s/MB)  "
                      f"peak {row['peak_rss_mb']:>6,} MB  | wall: {stages}", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2])))
    else:
        main()
