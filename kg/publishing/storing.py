"""The store of a new set: the previous set's store brought up to date, or loaded whole.

Each set has its own store (``builds/N/store``), so a reader of the previous set keeps a store
that nobody writes to.  Two ways to make the new one:

- when the previous set has a store and few graphs changed: a RocksDB backup of it (hard links
  to its immutable files: milliseconds, whatever its size), then ``load_documents`` replaces
  the changed graphs and drops the removed ones, a bounded batch at a time;
- otherwise (the first build, ``--full``, most graphs changed): ``load_whole`` bulk-loads
  every graph's N-Quads straight from the files, each into its named graph and into the
  default graph (which, the store being a set, becomes their merge: what ``kg.ttl`` holds).

Either way nothing is held in memory beyond one batch of graphs.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Union

import pyoxigraph as ox

from kg.querying.store import load_documents, load_whole, store_exists

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


__all__ = ["fill_store"]
