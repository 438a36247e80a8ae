"""Processes the tool starts beside itself, and how they end with it.

The build's workers (`kg.building.workers`) and the dump writer publishing runs beside the
merge (`kg.publishing`) are forked on Linux (quick to start, and a script that calls
``build`` needs no ``if __name__ == "__main__"`` guard) and spawned elsewhere, Python's
default there (`context`).  Each dies with the process that started it (`die_with_parent`): it
asks the kernel to kill it when its parent dies (Linux ``PR_SET_PDEATHSIG``) and also watches
its parent's process id once a second (other systems, and the moment between start and the
request), so a build killed with ``kill -9`` leaves no process behind to burn a core or hold
the output folder's lock, which forked processes share.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def die_with_parent(parent: int) -> None:
    """Run in each child as it starts: end it as soon as ``parent`` is gone."""
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


def children(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` child processes that die with this one.

    Forked: submit the first task before this process starts a thread of its own (a fork
    copies only the thread that forks; with a fork context the executor forks its children
    when the first task is submitted, before it starts its own thread)."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context(),
                               initializer=die_with_parent, initargs=(os.getpid(),))


__all__ = ["children", "context", "die_with_parent"]
