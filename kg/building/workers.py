"""Where the documents are processed: in this process, in worker processes, or on Dask.

Each runner takes the work to do, ``(name, path)`` pairs, and yields what the unit of work
returns as documents finish, in whatever order they finish (the build puts them in order).

Worker processes die with the build: each asks the kernel to kill it when its parent dies
(Linux ``PR_SET_PDEATHSIG``) and also watches its parent's process id once a second (other
systems, and the moment between start and the request), so a build killed with ``kill -9``
leaves no worker behind to burn a core or hold the output folder's lock, which forked workers
share.  On Linux they are forked (quick to start, and a script that calls ``build`` needs no
``if __name__ == "__main__"`` guard); elsewhere they are spawned, Python's default there.

Dask workers are the cluster's own processes; they outlive a build by design.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Unit = Callable[[str, str, str], T]      # (path, base, name) -> what the build collects


def run_here(todo: list[tuple[str, Path]], base: str, unit: Unit) -> Iterator[T]:
    for name, path in todo:
        yield unit(str(path), base, name)


def run_pool(todo: list[tuple[str, Path]], base: str, jobs: int, unit: Unit) -> Iterator[T]:
    """In ``jobs`` worker processes that die with this one."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context,
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        completed = as_completed([pool.submit(unit, str(path), base, name) for name, path in todo])
        # Nothing here keeps a future once it is handed over: a list of every future would keep
        # every document's result (its N-Quads) until the end, memory growing with the corpus.
        for future in completed:
            yield future.result()


def run_dask(todo: list[tuple[str, Path]], base: str, address: str, unit: Unit) -> Iterator[T]:
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError as exc:     # pragma: no cover - depends on the installation
        raise RuntimeError("--scheduler needs Dask: pip install 'declass-kg[dask]'") from exc
    # The workers read the sources by path: they must see the same file system.
    with Client(address, timeout="30s") as client:
        completed = dask_completed(client.map(unit, [str(p) for _, p in todo], [base] * len(todo),
                                              [name for name, _ in todo], pure=False))
        for future in completed:         # as in run_pool: no list of every future is kept
            yield future.result()


def die_with_parent(parent: int) -> None:
    """Run in each worker as it starts: end it as soon as ``parent`` is gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):     # pragma: no cover - no usable libc
            pass
    if os.getppid() != parent:       # the parent died before the request took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


__all__ = ["die_with_parent", "run_dask", "run_here", "run_pool"]
