"""Which files are documents to build, under which name, and whether they can be read at all.

Not a stage: `kg build`, `kg docs` and the benchmark all ask it.  It does not interpret any
file's content (the reader is chosen by content when a file is read, in kg.reading); it only
hashes a file's bytes, to tell an unchanged source, and opens it to tell whether it can be read.

A document's identity is its source's path relative to the *build root*, with '/' between
folders (``2023/104-10123-10407.md``).  The name gives the document's IRIs
(``doc/2023/104-10123-10407``, see ``kg.mapping.core.doc_slug``), so two files with the same
name in different folders are two documents, and a build of one folder keeps the IRIs it has
always had (the name is the bare file name).

The build root, unless ``--root`` names it, is the deepest folder holding every source given:
each folder given counts as itself, each file as the folder it is in.  So ``kg build corpus``
names ``corpus/2023/x.md`` ``2023/x.md``, and so does ``kg build corpus/2023 corpus/2025``
(root ``corpus``), while ``kg build corpus/2023`` alone names it ``x.md``.  An archive that
builds parts of a corpus at different times pins the root with ``--root`` so the IRIs do not
depend on what else was given.

Two names can still give one IRI (``x.md`` beside ``x.txt``, ``a b.md`` beside ``a-b.md``), or
one document's IRI can hold another's (``2023.md`` beside the folder ``2023/``): such documents
are not built; each is reported with the other's name (``conflicts``).

Reading problems are per file, never fatal: a file that cannot be opened (permission denied,
gone since it was listed, a broken link or a link loop), that is not a regular file (a named
pipe, a device, a folder named ``x.md``), or a folder that cannot be listed becomes a
``Source`` with a ``problem``; the build reports it and publishes the rest.  Files are opened
without blocking, so a named pipe never hangs a build.

What this module does not do: read or interpret the text (``kg.reading``).
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.mapping.core import doc_slug

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".xml", ".tei")


def default_sources() -> list[Path]:
    """`seeds/` of the current folder, else the seed shipped with the package."""
    from kg.shipped import seeds_dir

    here = Path("seeds")
    return [here if here.is_dir() else seeds_dir()]


class SourceError(Exception):
    """A source that cannot be read; the message says why in words (without the name)."""


@dataclass(frozen=True)
class Source:
    path: Path            # where to read it (absolute, links not resolved)
    name: str             # relative to the build root, '/'-separated: the document's identity
    problem: str = ""     # why it cannot be built ("" = nothing known against it)


def build_root(paths: Sequence[Path]) -> Path:
    """The deepest folder holding every path given (a folder counts as itself)."""
    bases = [os.path.abspath(p if Path(p).is_dir() else Path(p).parent) for p in paths]
    return Path(os.path.commonpath(bases)) if bases else Path(os.path.abspath("."))


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, '/'-separated; ValueError if it is not inside."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    if rel == os.curdir or rel == os.pardir or rel.startswith(os.pardir + os.sep):
        raise ValueError(f"{path} is not inside the build root {root}")
    return Path(rel).as_posix()


def _name_in(path: Path, root: Path) -> str:
    """The name of something found under ``root``; the root itself (a folder that cannot be
    listed) goes by its own name."""
    if os.path.abspath(path) == os.path.abspath(root):
        return Path(os.path.abspath(path)).name or str(path)
    return relative_name(path, root)


def find_sources(paths: Sequence[Path], root: Path | None = None) -> tuple[list[Source], list[str]]:
    """The sources named or found in folders, sorted by name, and one-line argument problems.

    A folder is searched recursively (hidden entries and README files left out) for files
    ending in one of ``SOURCE_SUFFIXES``; a file given is taken whatever its name.  What is
    found but cannot be read is a ``Source`` with its ``problem``.  The same file reached
    twice (a link, a folder given twice) is built once, under its first name.
    """
    root = Path(os.path.abspath(root)) if root else build_root([p for p in paths if Path(p).exists()])
    found: list[Source] = []
    problems: list[str] = []
    for given in paths:
        given = Path(given)
        try:
            if given.is_dir():
                folder = [Source(p, _name_in(p, root), why) for p, why in _walk(given)]
                if not folder:
                    problems.append(f"{given}: no documents in this folder "
                                    f"(looked for {', '.join(SOURCE_SUFFIXES)} files)")
                found.extend(folder)
            elif given.exists() or given.is_symlink():
                found.append(Source(Path(os.path.abspath(given)), relative_name(given, root)))
            else:
                problems.append(f"{given}: no such file or folder")
        except ValueError:
            problems.append(f"{given}: outside the build root {root}; give a --root that holds every source")
    return unique_sources(found), problems


def named_sources(files: Iterable[Path | Source], root: Path | None = None) -> list[Source]:
    """``Source``s for a list of files (kept as they are if already ``Source``s), named
    relative to ``root`` (default: ``build_root`` of the files)."""
    files = list(files)
    paths = [f for f in files if not isinstance(f, Source)]
    root = Path(os.path.abspath(root)) if root else build_root(paths) if paths else None
    named = [f if isinstance(f, Source) else Source(Path(os.path.abspath(f)), relative_name(f, root))
             for f in files]
    return unique_sources(named)


def unique_sources(sources: Iterable[Source]) -> list[Source]:
    """Sorted by name; a file reached twice is kept under its first name; two problems with
    the same name (a folder listed twice) are one."""
    seen: set[str] = set()
    names: set[str] = set()
    kept = []
    for s in sorted(sources, key=lambda s: (s.name, str(s.path))):
        real = os.path.realpath(s.path)
        if real in seen or s.name in names:
            continue
        seen.add(real)
        names.add(s.name)
        kept.append(s)
    return kept


def conflicts(names: Iterable[str]) -> dict[str, str]:
    """Names whose documents would share IRIs, each with the reason naming the other file.

    Two names with one slug share every IRI; a slug that is a folder of another's
    (``2023`` and ``2023/x``) would let the one document's item IRIs meet the other's.
    """
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_slug[doc_slug(name)].append(name)
    found: dict[str, str] = {}
    for slug, same in by_slug.items():
        if len(same) > 1:
            for name in same:
                others = ", ".join(o for o in sorted(same) if o != name)
                found[name] = (f"{name}: has the same document IRI (doc/{slug}) as {others}; "
                               "rename one of them")
    slugs = sorted(by_slug)
    for i, slug in enumerate(slugs):
        # Slugs holding ``slug + '/'`` follow it directly in sorted order ('/' sorts before
        # every letter and digit, and '-', '.' and '_' are checked by the loop's own test).
        for other in slugs[i + 1:]:
            if not other.startswith(slug):
                break
            if other[len(slug)] != "/":
                continue
            for inner in by_slug[other]:
                for outer in by_slug[slug]:
                    found.setdefault(outer, f"{outer}: its document IRI (doc/{slug}) holds the IRIs of "
                                            f"{inner} (doc/{other}); rename the file or the folder")
                    found.setdefault(inner, f"{inner}: its document IRI (doc/{other}) lies under the "
                                            f"IRI of {outer} (doc/{slug}); rename the file or the folder")
    return found


def fingerprint(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a source's bytes, or a ``SourceError`` saying why it cannot be
    read.  Opened without blocking: a named pipe is refused, not waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SourceError(describe_os_error(path, exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"not a regular file ({_kind(st.st_mode)}); only regular files are read")
        digest = hashlib.sha256()
        size = 0
        while block := os.read(fd, 1 << 20):
            digest.update(block)
            size += len(block)
        return size, digest.hexdigest()
    except OSError as exc:
        raise SourceError(describe_os_error(path, exc)) from None
    finally:
        os.close(fd)


def describe_os_error(path: Path, exc: OSError) -> str:
    """An OS error on a source in words, with what to do."""
    code = exc.errno
    if code == errno.ENOENT:
        if os.path.islink(path):
            return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"
        return "vanished: it was listed when the build started but is gone (deleted or moved since)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied; make it readable (chmod a+r) or leave it out of the sources"
    if code == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); fix or remove the link"
    if code == errno.EISDIR:
        return "a folder, not a file"
    return f"cannot read ({exc.strerror or exc})"


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


def _wanted(name: str) -> bool:
    return (not name.startswith(".") and not name.upper().startswith("README")
            and Path(name).suffix.lower() in SOURCE_SUFFIXES)


def _walk(top: Path) -> Iterator[tuple[Path, str]]:
    """(path, problem) for every candidate source under ``top``, following links to folders.

    A folder that cannot be listed and a link back to a folder above it are yielded with the
    problem; a folder reached a second time by another link is skipped silently (its files
    are already listed).  Entries whose type cannot be told (a broken link, a link loop) are
    yielded when their name could be a source or a folder: opening them says what is wrong.
    """
    top = Path(os.path.abspath(top))
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, tuple[tuple[int, int], ...]]] = [(top, ())]
    while stack:
        folder, above = stack.pop()
        try:
            st = folder.stat()
            ident = (st.st_dev, st.st_ino)
            if ident in above:
                yield folder, "symbolic link loop (a link to a folder that holds it); fix or remove the link"
                continue
            if ident in seen:
                continue
            seen.add(ident)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"folder cannot be read: {describe_os_error(folder, exc)}"
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                known = is_dir or entry.is_file() or os.path.exists(path)
            except OSError:
                is_dir, known = False, False
            if is_dir:
                stack.append((path, above + (ident,)))
            elif _wanted(entry.name) or (not known and not Path(entry.name).suffix
                                         and not entry.name.upper().startswith("README")):
                yield path, ""


__all__ = ["SOURCE_SUFFIXES", "Source", "SourceError", "build_root", "conflicts", "default_sources",
           "describe_os_error", "find_sources", "fingerprint", "named_sources", "relative_name",
           "unique_sources"]
