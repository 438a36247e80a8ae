"""The store of a new set: the previous set's store brought up to date, or loaded whole.

Each set has its own store (``builds/N/store``), so a reader of the previous set keeps a store
that nobody writes to.  Two ways to make the new one:

- when the previous set has a store and few graphs changed: a RocksDB backup of it (hard links
  to its immutable files: milliseconds, whatever its size), then ``load_documents`` replaces
  the changed graphs and drops the removed ones, a bounded batch at a time;
- otherwise (the first build, ``--full``, most graphs changed): ``load_whole`` bulk-loads
  every graph's N-Quads straight from the files, each into its named graph and into the
  default graph (which, the store being a set, becomes their merge: what ``kg.ttl`` holds).

When the new store is loaded whole and the build runs more than one job, it need not wait for
publishing: ``StoreFeeder`` hands each document's graph, as soon as the build has it, to a
process of its own (``kg.querying.loader``) that bulk-loads them while the other documents
are still being processed, in the chunks ``load_whole`` loads; publishing only adds what is
left (the last chunk, the dataset's own graphs, documents reused from the cache).  The store
it makes holds what ``load_whole`` of the same graphs holds.

Either way nothing is held in memory beyond one batch of graphs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Union

import pyoxigraph as ox

from kg.querying.loader import DONE, STOP, write_graph, write_message
from kg.querying.store import StoreError, load_documents, load_whole, store_exists

BATCH = 200          # graphs per load_documents call


def fill_store(store_dir: Path, previous: Path | None, graphs: Mapping[str, Union[Path, bytes]], *,
               removed: Iterable[str], every: Sequence[tuple[str, Union[Path, bytes]]]) -> str:
    """Make the store at ``store_dir`` (see the module docstring); return how ("updated" or
    "loaded").  ``graphs`` are the graphs that changed since ``previous``; ``every`` is
    (graph IRI, canonical N-Quads) of every graph of the set."""
    total = len(every)
    if previous is not None and store_exists(previous) and len(graphs) <= max(BATCH, total // 2):
        source = ox.Store.read_only(os.path.realpath(previous))
        try:
            source.backup(str(store_dir))
        finally:
            del source
        removed = list(removed)
        items = list(graphs.items())
        for start in range(0, max(len(items), 1), BATCH):
            load_documents(store_dir, dict(items[start:start + BATCH]),
                           removed=removed if start == 0 else ())
        return "updated"
    load_whole(store_dir, every)
    return "loaded"


class StoreFeeder:
    """A new store (``store_dir``) loaded whole, graph by graph, by a process of its own
    (``kg.querying.loader``).

    ``add`` hands it one graph (IRI, canonical N-Quads as a file or bytes) and returns at
    once; ``finish(every)`` hands it the graphs of ``every`` not added yet, waits until the
    store is whole and on disk, and raises ``StoreError`` with what went wrong there, if
    anything.  Every graph added must be in ``every``: a graph that was not published must not
    be in the store.  ``abandon`` stops the loading and waits for the process to end (the
    build failed; its folder is removed).  The process ends with the build.
    """

    def __init__(self, store_dir: Path) -> None:
        # the package this kg was imported from, whatever the new interpreter's path holds
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [package_root, *filter(None, [os.environ.get("PYTHONPATH")])])}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "kg.querying.loader", os.fspath(store_dir), str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._added: set[str] = set()

    def add(self, graph_iri: str, source: Union[Path, bytes]) -> None:
        if graph_iri in self._added:
            raise ValueError(f"graph <{graph_iri}> given to the store twice")
        self._added.add(graph_iri)
        try:
            write_graph(self._process.stdin, graph_iri, source)
            self._process.stdin.flush()
        except OSError:
            pass                              # it has ended: finish() says how

    def finish(self, every: Sequence[tuple[str, Union[Path, bytes]]]) -> str:
        """Load what of ``every`` was not added, wait for the whole; return "loaded"."""
        stray = sorted(self._added - {iri for iri, _source in every})
        if stray:
            self.abandon()
            raise ValueError(f"graph <{stray[0]}> was given to the store but is not published")
        for iri, source in every:
            if iri not in self._added:
                self.add(iri, source)
        try:
            write_message(self._process.stdin, DONE)
            self._process.stdin.close()
        except OSError:
            pass                              # it has ended: its reply, or its exit, says why
        try:
            reply = json.loads(self._process.stdout.readline())
        except ValueError:
            reply = {}                        # no reply: it ended before the store was whole
        code = self._process.wait()
        self._process.stdout.close()
        if reply.get("outcome") != "loaded":
            raise StoreError(reply.get("message") or f"the store's loader ended (exit code {code}) "
                                                     "before the store was whole")
        return "loaded"

    @property
    def running(self) -> bool:
        """Whether the loader process is still there."""
        return self._process.poll() is None

    def abandon(self) -> None:
        if self.running:
            try:
                write_message(self._process.stdin, STOP)
                self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(timeout=10.0)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for pipe in (self._process.stdin, self._process.stdout):
            try:
                pipe.close()
            except OSError:
                pass


__all__ = ["StoreFeeder", "fill_store"]
