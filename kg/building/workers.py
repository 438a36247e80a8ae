"""Where the documents are processed: in this process, in worker processes, or on Dask.

Each runner takes the work to do, ``(name, path)`` pairs, and yields what the unit of work
returns as documents finish, in whatever order they finish (the build puts them in order).

Worker processes are forked on Linux and die with the build (`kg.processes`): a build killed
with ``kill -9`` leaves no worker behind.

Memory.  A large source makes a large graph: a 2.4 MB OCR text gives 730,000 triples and takes
its worker about 1 GB while it is processed (benchmarks/bench_stage_memory.py).  So the pool
processes at most one large source (``LARGE_SOURCE`` bytes or more) at a time: a large source
waits while another is in the workers and small ones go ahead of it, and a large one goes first
whenever it may, so the large sources of a corpus are spread over the build rather than left
to run one by one at its end.
After each source the worker hands the memory it freed back to the system (``malloc_trim``, a
fraction of a millisecond; after a large one, once its cycles are collected and the memo caches
it filled are emptied, `forget_memos`), so a worker that has read a large document does not
keep its pages while the other reads the next: the build's peak is about one large document,
not one per worker.

Dask workers are the cluster's own processes; they outlive a build by design.
"""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path
from typing import TypeVar

from kg.processes import children

T = TypeVar("T")
Unit = Callable[[str, str, str], T]      # (path, base, name) -> what the build collects

LARGE_SOURCE = 512 * 1024     # bytes; about a hundred of the 36,865 JFK texts are this large


def run_here(todo: list[tuple[str, Path]], base: str, unit: Unit) -> Iterator[T]:
    for name, path in todo:
        yield unit(str(path), base, name)


def run_pool(todo: list[tuple[str, Path]], base: str, jobs: int, unit: Unit) -> Iterator[T]:
    """In ``jobs`` worker processes that die with this one; one large source at a time."""
    small: deque[tuple[str, Path]] = deque()
    large: deque[tuple[str, Path]] = deque()
    for name, path in todo:
        (large if _size(path) >= LARGE_SOURCE else small).append((name, path))
    ahead = 2 * jobs            # submitted and not finished: every worker busy, one task queued
    with children(max(1, min(jobs, len(todo)))) as pool:
        running: dict[Future, bool] = {}          # future -> is it a large source
        while small or large or running:
            while len(running) < ahead and (small or large):
                if large and not any(running.values()):
                    name, path = large.popleft()
                    running[pool.submit(_trimmed, unit, str(path), base, name, True)] = True
                elif small:
                    name, path = small.popleft()
                    running[pool.submit(_trimmed, unit, str(path), base, name, False)] = False
                else:
                    break                         # only large ones left, one is in the workers
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            # Nothing here keeps a future once it is handed over: a list of every future would
            # keep every document's result (its N-Quads) until the end, memory growing with the
            # corpus.
            while done:
                future = done.pop()
                del running[future]
                result = future.result()
                del future
                yield result
                del result


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0                 # the unit reports what is wrong with it


def _trimmed(unit: Unit, path: str, base: str, name: str, large: bool) -> T:
    """``unit`` on a source, then the memory it freed handed back to the system."""
    try:
        return unit(path, base, name)
    finally:
        if large:
            forget_memos()
            gc.collect()
        _trim()


MEMO_SIZE = 1024      # an lru_cache this large or larger keeps answers per item, not a table


def forget_memos() -> int:
    """Empty the tool's memo caches (``functools.lru_cache`` of ``MEMO_SIZE`` entries or more in
    a ``kg`` module: answers per token, name, sentence, offset or quote); return how many.

    A large source fills them with its own items (the 2.4 MB JFK text left its worker holding
    ~110 MB more after it was done), and the worker would keep them while the other worker
    reads the next large source.  They are pure memos: emptied, they give the same answers
    again.  The small caches (word lists, shapes, the ontology: ``maxsize`` of a few) are kept.
    """
    import functools

    emptied = 0
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == "kg" or module_name.startswith("kg.")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                maxsize = value.cache_info().maxsize
                if maxsize is None or maxsize >= MEMO_SIZE:
                    value.cache_clear()
                    emptied += 1
    return emptied


def _trim() -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):     # pragma: no cover - not glibc
            pass


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


__all__ = ["LARGE_SOURCE", "forget_memos", "run_dask", "run_here", "run_pool"]
