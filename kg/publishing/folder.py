"""The output folder as one set: a reader sees the whole previous build or the whole new one.

Layout of ``out/``::

    kg.ttl -> .kg/current/kg.ttl     one link per published name (made once, never changed)
    store  -> .kg/current/store      (kg.nq, kg.trig, ..., build-report.json alike)
    .kg/current -> builds/7          the pointer to the current set
    .kg/builds/7/                    the set: dumps, reports, manifest.json and store/
    .kg/builds/6/                    the previous set, kept until the next build
    .kg/cache/                       each document's N-Quads, reused by incremental builds
    .kg/lock                         held by the build writing here; names its process

A build writes its whole set into a new ``builds/N`` (``stage``), then switches the pointer
with one ``rename`` (``switch``), which is atomic: every name in ``out/`` then leads into the
new set at once.  A build that dies (kill -9, a full disk, an exception) never touches the
current set; its half-written ``builds/N`` is removed by the next build.  A reader that wants
one consistent set across several files resolves the pointer once (``os.path.realpath``) and
reads from there; ``kg query`` and ``kg serve`` do so for the store.  The previous set stays
until the next build, so a reader (or a ``kg serve``) that resolved it just before a switch
can finish.

Only one build writes into a folder at a time: ``lock`` takes an exclusive ``flock`` on
``.kg/lock`` (released by the kernel when the process dies, so a killed build leaves no stale
lock) and writes its process id there; a second build waits (``wait=True``) or gets a
``BuildLocked`` error naming the holder.

The first build into a folder written by an older version (plain files and ``store/``) moves
those aside and puts the links in their place, name by name; from then on publication is
atomic.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:     # pragma: no cover - not POSIX: builds are not locked
    fcntl = None

STATE = ".kg"
PUBLISHED = ("kg.ttl", "kg.nq", "kg.trig", "kg.jsonld", "context.jsonld", "void.ttl",
             "validation-report.txt", "build-report.json", "identity-report.tsv", "store")
MANIFEST = "manifest.json"
# The dump files: linked only when the set holds them (``kg build --dumps``, ``--compress``).
DUMP_NAMES = ("kg.ttl", "kg.nq", "kg.trig", "kg.jsonld")
DUMP_NAMES += tuple(name + ".gz" for name in DUMP_NAMES)
# Linked only when the set holds them: the dumps, and the store (not with ``--no-store``).
OPTIONAL_NAMES = DUMP_NAMES + ("store",)


class BuildLocked(Exception):
    """Another build holds the output folder; the message is one line."""


class OutputFolder:
    """The output folder of builds (see the module docstring)."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.state = self.out / STATE
        self.builds = self.state / "builds"
        self.pointer = self.state / "current"
        self.cache = self.state / "cache"

    # --- the current set ---------------------------------------------------------------------

    def current(self) -> Path | None:
        """The folder of the current set, or None before the first build."""
        try:
            target = os.readlink(self.pointer)
        except OSError:
            return None
        path = self.state / target
        return path if path.is_dir() else None

    def _numbers(self) -> list[int]:
        if not self.builds.is_dir():
            return []
        return sorted(int(p.name) for p in self.builds.iterdir() if p.name.isdigit())

    # --- writing a new set -------------------------------------------------------------------

    @contextmanager
    def lock(self, wait: bool = False) -> Iterator[None]:
        """Hold the folder for one build (see the module docstring)."""
        self.state.mkdir(parents=True, exist_ok=True)
        if fcntl is None:     # pragma: no cover
            yield
            return
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
                who = f"process {holder[0]}" if holder else "another process"
                since = f", started {holder[1]}" if len(holder) > 1 else ""
                raise BuildLocked(f"{self.out}/ is being built by another kg build ({who}{since}); "
                                  "wait for it to finish, or pass --wait") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode(), 0)
            try:
                yield
            finally:
                os.ftruncate(fd, 0)
        finally:
            os.close(fd)      # releases the lock

    def stage(self) -> Path:
        """A new, empty folder for the next set (leftovers of dead builds removed first)."""
        self._prune()
        numbers = self._numbers()
        path = self.builds / str((numbers[-1] if numbers else 0) + 1)
        path.mkdir(parents=True)
        return path

    def switch(self, staged: Path) -> None:
        """Make ``staged`` the current set, atomically, and drop sets older than the previous."""
        _fsync_tree(staged)
        link = self.state / f".current-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(os.path.relpath(staged, self.state), link)
        os.replace(link, self.pointer)
        _fsync_dir(self.state)
        self._link_names()
        self._prune()

    def discard(self, staged: Path) -> None:
        shutil.rmtree(staged, ignore_errors=True)

    def _prune(self) -> None:
        """Keep the current set and the one before it; remove every other (dead builds' too)."""
        current = self.current()
        numbers = self._numbers()
        keep: set[int] = set()
        if current is not None and current.name.isdigit():
            now = int(current.name)
            keep = {now} | {max((n for n in numbers if n < now), default=now)}
        for n in numbers:
            if n not in keep:
                shutil.rmtree(self.builds / str(n), ignore_errors=True)

    def _link_names(self) -> None:
        """``out/<name> -> .kg/current/<name>`` for every published name (once per folder)."""
        for name in dict.fromkeys(PUBLISHED + DUMP_NAMES):
            path = self.out / name
            target = f"{STATE}/current/{name}"
            if name in OPTIONAL_NAMES and not (self.pointer / name).exists():
                if path.is_symlink() and os.readlink(path) == target:
                    path.unlink()         # what this set does not have: no link leading nowhere
                continue
            if path.is_symlink() and os.readlink(path) == target:
                continue
            aside = None
            if path.is_dir() and not path.is_symlink():      # an older version's store/
                aside = self.state / f"old-{name}-{os.getpid()}"
                os.replace(path, aside)
            tmp = self.out / f".{name}.link-{os.getpid()}"
            tmp.unlink(missing_ok=True)
            os.symlink(target, tmp)
            os.replace(tmp, path)
            if aside is not None:
                shutil.rmtree(aside, ignore_errors=True)
        self._forget_old_layout()

    def _forget_old_layout(self) -> None:
        """Remove what an older version kept beside the dumps (its manifest and graphs/)."""
        old = self.out / MANIFEST
        if old.is_file() and not old.is_symlink():
            try:
                ours = "documents" in json.loads(old.read_text("utf-8"))
            except (OSError, ValueError, TypeError):
                ours = False
            if ours:
                old.unlink()
        graphs = self.out / "graphs"
        if graphs.is_dir() and not graphs.is_symlink() and all(
                p.is_file() and p.suffix in (".nq", ".ttl") for p in graphs.iterdir()):
            shutil.rmtree(graphs, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(top: Path) -> None:
    """Flush the folders of a set to disk before it becomes current (the files were flushed
    as they were written), so a power cut cannot leave a pointer to missing entries."""
    for folder, _dirs, _files in os.walk(top):
        _fsync_dir(Path(folder))


__all__ = ["BuildLocked", "DUMP_NAMES", "MANIFEST", "OutputFolder", "PUBLISHED", "STATE"]
