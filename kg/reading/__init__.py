"""Reading: source files -> `Transcript`s.

`read_file()` checks that a file can be read at all (not empty, not binary, valid UTF-8, not
larger than ``max_bytes``), that it is a transcription and not some other kind of file (RDF,
JSON, HTML, CSV, PDF: `kg.reading.refusing`), and picks a reader by looking at the content,
never at the file name.  Each reader registers itself where it is defined:

    @reader("tei", sniff=sniff, priority=2)
    def read(name: str, raw: str) -> Transcript: ...

``sniff(head)`` says how surely the text is the reader's (0 = not mine ... 1 = certainly
mine) from the file's first `SNIFF_CHARS` characters, every line ending as "\n"; the
highest score wins, and on a tie the higher ``priority`` (the more specific reader: TEI
before plain OCR text before the markdown fallback).  A reader that cannot read what it was
given raises `ReadError`.

The offsets contract (the same for every reader; README "Offsets"):

- a source file is UTF-8; a leading byte-order mark (EF BB BF) is not part of the text, a
  UTF-16 or UTF-32 file is refused;
- ``raw`` is the decoded text: ``data.decode("utf-8-sig")``, nothing normalised — no newline
  translation (CRLF keeps its CR), no Unicode normalisation, no tab expansion;
- every offset counts code points of ``raw`` from 0 (Python ``str`` indexes; not bytes, not
  UTF-16 units), end exclusive, so ``raw[start:end] == exact``; for TEI, ``raw`` is the XML
  file itself, tags and character references (``&amp;``) included;
- LF, CRLF and a lone CR all end a line; a file with a NUL byte, or mostly control
  characters, is binary and refused; other characters are kept and counted as they are.

Nothing here interprets what the document says.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kg.reading.refusing import binary_kind, refusal
from kg.reading.transcript import LINE_BREAK, Transcript
from kg.registry import Registry

# Larger files are refused before they are read: a document's graph, not its text, takes the
# memory (about 350 MB a megabyte of dense OCR), and no single transcription comes near this
# (the largest of the 36,865 JFK texts is 2.4 MB).  `kg build --max-bytes` sets another.
MAX_BYTES = 8 * 1024 * 1024
MAX_BYTES_ENV = "KG_MAX_BYTES"   # another default for this process and the workers it starts
SNIFF_CHARS = 30000            # readers recognise a file by its start
# the control characters a transcription does not hold (all below 32 but TAB, LF, FF and CR):
# counted in the first 8 KB by one search, not a Python loop over each character
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class ReadError(Exception):
    """A source that cannot be read; the message says what is wrong and what to do."""


ReadFn = Callable[[str, str], Transcript]


@dataclass(frozen=True)
class Reader:
    name: str
    sniff: Callable[[str], float]     # 0 = not mine ... 1 = certainly mine
    read: ReadFn
    priority: int = 0                 # wins ties between sniff scores (higher first)
    module: str = ""


READERS: Registry[Reader] = Registry("reader", __name__)


def reader(name: str, *, sniff: Callable[[str], float], priority: int = 0) -> Callable[[ReadFn], ReadFn]:
    """Register a reader of sources under ``name`` (its module's ``NAME``)."""

    def register(fn: ReadFn) -> ReadFn:
        READERS.add(name, Reader(name, sniff, fn, priority, fn.__module__),
                    origin=f"{fn.__module__}.{fn.__qualname__}")
        return fn

    return register


def readers() -> list[Reader]:
    """The registered readers, the one that wins ties first."""
    return sorted((READERS[n] for n in READERS), key=lambda r: (-r.priority, r.name))


def decode(name: str, data: bytes) -> str:
    """The text of a source file, or a `ReadError` saying why it is not a text document."""
    if not data.strip():
        raise ReadError(f"{name}: the file is empty; nothing to read")
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise ReadError(f"{name}: UTF-32 text; re-encode the file as UTF-8")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadError(f"{name}: UTF-16 text; re-encode the file as UTF-8")
    known = binary_kind(data)
    if known:
        raise ReadError(f"{name}: {known[0]}, not a transcription; {known[1]}")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReadError(f"{name}: binary file (a NUL byte at byte {nul}), not a transcription; "
                        "remove it from the sources (or the NUL bytes from the file)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "re-encode the file as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(CONTROLS.findall(text, 0, 8192))
    if controls > 0.05 * min(len(text), 8192):
        raise ReadError(f"{name}: binary content (control characters), not a transcription")
    return text


def read_text(name: str, raw: str) -> Transcript:
    """Refuse ``raw`` if it is no transcription, else read it with the reader that knows it best."""
    refused = refusal(name, raw)
    if refused:
        raise ReadError(refused)
    head = LINE_BREAK.sub("\n", raw[:SNIFF_CHARS])
    best = max(readers(), key=lambda r: r.sniff(head))
    return best.read(name, raw)


def default_max_bytes() -> int:
    """The size limit: ``KG_MAX_BYTES`` when set to a positive number, else `MAX_BYTES`."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else MAX_BYTES


def _too_large(name: str, limit: int, size: int | None = None) -> ReadError:
    how_big = f"{size:,} bytes, more" if size is not None else "more"
    return ReadError(f"{name}: {how_big} than the limit of {limit:,} bytes a document; split the "
                     f"file into its documents, or raise the limit (kg build --max-bytes)")


def read_file(path: Path, max_bytes: int | None = None) -> Transcript:
    """Read one source file into a `Transcript` (raises `ReadError`).

    ``max_bytes``: a larger file is refused before it is read (default: the environment's
    ``KG_MAX_BYTES``, which ``kg build --max-bytes`` sets for its workers, else `MAX_BYTES`).
    """
    limit = max_bytes if max_bytes is not None else default_max_bytes()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot open ({exc.strerror})") from None
    if size > limit:
        raise _too_large(path.name, limit, size)
    try:
        with path.open("rb") as fh:
            # the size stat() gave and one byte past it (read(limit + 1) would allocate the
            # whole limit for every file); a device or a file still growing is read on in
            # chunks, never past the limit, whatever stat() said
            data = fh.read(min(size, limit) + 1)
            while len(data) <= limit:
                more = fh.read(min(1 << 20, limit + 1 - len(data)))
                if not more:
                    break
                data += more
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise _too_large(path.name, limit)
    return read_text(path.name, decode(path.name, data))
