"""The memory of a build and every process it starts, sampled until it ends (Linux only).

Not a test and not run in CI.  Usage, while ``kg build`` runs as PID:

    python benchmarks/mem_tree.py PID [SECONDS]      # a sample every SECONDS (default 1)

Prints a line a sample and, at the end, the peaks: the summed RSS of the tree, its summed PSS,
and the largest single process's RSS.  PSS (proportional set size) shares a page among the
processes that map it: a forked child's copy-on-write pages are counted once, where the summed
RSS counts them in every process that maps them.
"""
from __future__ import annotations

import os
import sys
import time


def children() -> dict[int, list[int]]:
    """Each process id's children, read from /proc."""
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    parent = int(fh.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            kids.setdefault(parent, []).append(int(entry))
    return kids


def memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


def main(root: int, every: float) -> None:
    mib = 1 << 20
    peak_rss = peak_pss = peak_one = 0
    while os.path.exists(f"/proc/{root}"):
        kids, todo = children(), [root]
        rss = pss = one = 0
        while todo:
            pid = todo.pop()
            r, p = memory(pid)
            rss, pss, one = rss + r, pss + p, max(one, r)
            todo += kids.get(pid, [])
        peak_rss, peak_pss, peak_one = max(peak_rss, rss), max(peak_pss, pss), max(peak_one, one)
        print(f"{time.strftime('%H:%M:%S')} rss {rss / mib:.0f} pss {pss / mib:.0f} MiB  peaks rss "
              f"{peak_rss / mib:.0f} pss {peak_pss / mib:.0f} one {peak_one / mib:.0f}", flush=True)
        time.sleep(every)
    print(f"PEAK tree rss {peak_rss / mib:.0f} MiB, pss {peak_pss / mib:.0f} MiB, "
          f"largest process rss {peak_one / mib:.0f} MiB", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 1.0)
