"""Snapshots of derived lexicons in the user's cache, so that a process starts without
rebuilding them.

Some tables the lexicons derive from well-kept libraries cost more to build than the rest of a
one-document build (`kg.lexicon.words`: web2's 235,000 words sorted by case, wordfreq's
English frequencies, which also cost importing wordfreq).  The first process builds them and
keeps a snapshot here; later processes read it in a few tens of milliseconds.

What this does not do: decide anything.  A snapshot is keyed by everything its content depends
on (the caller's key: the libraries' versions and the caller's own settings; and the Python
version, as `marshal` is Python's own format), so a snapshot is either exactly what the caller
would compute or not found.  A cache that cannot be read or written is ignored: the caller
computes, as it would without one.  Files are written under a temporary name and renamed, so
a reader never sees half a snapshot (two workers may write the same one at once).

Where: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/declass-kg``, else ``~/.cache/declass-kg``;
``KG_CACHE_DIR=`` (empty) turns the cache off.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

CACHE_ENV = "KG_CACHE_DIR"

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder of the snapshots, or None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "declass-kg"


def snapshot_path(name: str, key: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{key}|python {sys.version_info[:2]}|marshal {marshal.version}"
                            .encode("utf-8")).hexdigest()[:16]
    return folder / f"{name}-{digest}.marshal"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from the snapshot ``name`` under ``key`` when there is one, else built
    and kept.  ``build`` must return what `marshal` writes (str, int, bytes, tuples, lists,
    dicts, sets, frozensets)."""
    path = snapshot_path(name, key)
    if path is not None:
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass                                 # none yet, or unreadable: build it
    value = build()
    if path is not None:
        _write(path, marshal.dumps(value))
    return value


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass                                     # a read-only home: no snapshot, nothing lost


__all__ = ["CACHE_ENV", "cache_dir", "cached", "snapshot_path"]
