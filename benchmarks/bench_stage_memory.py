"""Memory of one document through every stage of `kg.pipeline.process_file`, and of the build
worker's work after it (canonical N-Quads, the result pickled for the parent).

Not a test and not run in CI.  Linux only (it reads /proc/self/status and resets the peak with
/proc/self/clear_refs).  Each stage function the pipeline calls is wrapped: the resident set
after it (with the memory Python freed handed back first, ``malloc_trim``) and its own
high-water mark (the peak reset before it starts).  A first small document is processed before
the clock starts (word lists, shapes), so the figures are the large document's own.  Usage:

    .venv/bin/python benchmarks/bench_stage_memory.py /work/bigset/2025_0318_124-10274-10125.md

The peak of a build worker on that source is the largest "peak" figure.
"""
from __future__ import annotations

import argparse
import ctypes
import pickle
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
WARM_UP = REPO_ROOT / "seeds" / "000_518769ec419a4fc7.txt"


def status() -> dict[str, int]:
    """VmRSS and VmHWM in MiB, after the freed memory is handed back."""
    ctypes.CDLL(None).malloc_trim(0)
    found = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1]) // 1024
    return found


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


ROWS: list[tuple[str, int, int, float]] = []


def measured(stage: str, fn):
    def wrapper(*args, **kwargs):
        reset_peak()
        cpu = time.process_time()
        found = fn(*args, **kwargs)
        spent = time.process_time() - cpu
        now = status()
        ROWS.append((stage, now["VmRSS"], now["VmHWM"], spent))
        return found
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO_ROOT))
    import kg.pipeline as pipeline
    from kg.building import build_document
    from kg.mapping.core import Triples
    from kg.publishing import identity, merged

    pipeline.process_file(WARM_UP)
    start = status()
    for stage, name in [("read", "read_file"), ("extract", "extract"), ("resolve", "resolve_document"),
                        ("map", "map_document"), ("validate", "check")]:
        setattr(pipeline, name, measured(stage, getattr(pipeline, name)))
    serializer = "nquads_utf8" if hasattr(Triples, "nquads_utf8") else "nquads"
    setattr(Triples, serializer, measured("serialize", getattr(Triples, serializer)))
    # the worker's part after process_file (kg.building.build_document imports them on call)
    merged.canonical_nquads = measured("canonical N-Quads", merged.canonical_nquads)
    identity.seen_in = measured("persons seen", identity.seen_in)
    work = build_document(str(args.source), pipeline.DEFAULT_BASE, args.source.name)
    reset_peak()
    sent = pickle.dumps(work)
    ROWS.append(("pickled for the parent", status()["VmRSS"], status()["VmHWM"], 0.0))
    del sent
    print(f"{args.source.name}: {work.result.status}, {work.result.triples:,} triples, "
          f"N-Quads {len(work.nquads) / 2**20:,.0f} MiB; after a warm-up document {start['VmRSS']} MiB")
    print(f"{'stage':<24}{'RSS after':>10}{'peak':>8}{'CPU s':>8}")
    for stage, rss, peak, cpu in ROWS:
        print(f"{stage:<24}{rss:>10,}{peak:>8,}{cpu:>8.1f}")


if __name__ == "__main__":
    main()
