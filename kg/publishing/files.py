"""The files of an output folder: their names, how they are written, how kg.nq is read back.

Every file is written to a temporary name beside its target and renamed into place when whole
(`atomic_stream`, `atomic_write`), so a crash leaves the previous output whole, never a
half-written file.  The dumps and the VoID description both need the names of the dump files
(`DUMPS`) and the published quads (`read_quads`): they are here, so that neither of the two
modules needs the other.
"""
from __future__ import annotations

import gzip
import io
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Union

import pyoxigraph as ox

TRIG, JSONLD, CONTEXT, VOID = "kg.trig", "kg.jsonld", "context.jsonld", "void.ttl"
# Every dump file of a build with its media type and title, in the order VoID lists them.
DUMPS = (
    ("kg.ttl", "text/turtle", "Turtle: all document graphs merged into one graph"),
    ("kg.nq", "application/n-quads", "N-Quads: one named graph per source document"),
    (TRIG, "application/trig", "TriG: one named graph per source document"),
    (JSONLD, "application/ld+json", "JSON-LD: one named graph per source document, context inline"),
)

NQuadsSource = Union[str, bytes, "os.PathLike[str]"]

# The dumps a build can be asked for (``kg build --dumps``), by the extension of their file.
DUMP_FORMATS = ("nq", "ttl", "trig", "jsonld")
GZIP = ".gz"
GZIP_MEDIA_TYPE = "application/gzip"
GZIP_LEVEL = 6          # zlib's default: a whole-corpus kg.nq shrinks about tenfold


def dump_files(formats: tuple[str, ...] = DUMP_FORMATS, compress: bool = False) -> tuple[tuple[str, str, str], ...]:
    """The entries of ``DUMPS`` a build writes: only ``formats``, named ``.gz`` if ``compress``."""
    chosen = {f"kg.{f}" for f in formats}
    return tuple((name + (GZIP if compress else ""), media, title)
                 for name, media, title in DUMPS if name in chosen)


@contextmanager
def dump_stream(path: Path, compress: bool = False) -> Iterator[BinaryIO]:
    """``atomic_stream``, gzip-compressed when ``compress`` (byte-stable: no time or file name
    in the gzip header, so the same data gives the same bytes)."""
    with atomic_stream(path) as fh:
        if not compress:
            yield fh
            return
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=GZIP_LEVEL) as gz:
            yield gz


class Concatenated(io.RawIOBase):
    """Several N-Quads sources (files or bytes) read as one stream, in order."""

    def __init__(self, sources) -> None:
        self._sources = iter(sources)
        self._current: BinaryIO | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self._current is None:
                source = next(self._sources, None)
                if source is None:
                    return 0
                self._current = (io.BytesIO(bytes(source)) if isinstance(source, (bytes, bytearray))
                                 else open(source, "rb"))
            n = self._current.readinto(buffer)
            if n:
                return n
            self._current.close()
            self._current = None

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
        super().close()


@contextmanager
def atomic_stream(path: Path) -> Iterator[BinaryIO]:
    """A file written piece by piece under a temporary name, renamed into place when whole;
    on any failure the temporary file is removed and the old file stays as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, whole."""
    with atomic_stream(path) as fh:
        fh.write(data)


# --- reading the published N-Quads -----------------------------------------------------------


def read_quads(nquads: NQuadsSource) -> list[ox.Quad]:
    """The quads of N-Quads text (``str``), bytes or a file (a ``Path``), de-duplicated and
    sorted by graph, subject, predicate, object."""
    if isinstance(nquads, (str, bytes)):
        data = nquads.encode("utf-8") if isinstance(nquads, str) else nquads
        quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    else:
        quads = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    return sorted(set(quads), key=quad_key)


def quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return graph, str(q.subject), str(q.predicate), str(q.object)
