"""Reading: source files -> `Transcript`s.

`read_file()` checks that a file can be read at all (not empty, not binary, valid UTF-8, not
too large) and picks a reader by looking at the content, never at the file name.  Each reader
registers itself where it is defined:

    @reader("tei", sniff=sniff, priority=2)
    def read(name: str, raw: str) -> Transcript: ...

``sniff(raw)`` says how surely the text is the reader's (0 = not mine ... 1 = certainly
mine); the highest score wins, and on a tie the higher ``priority`` (the more specific
reader: TEI before plain OCR text before the markdown fallback).  A reader that cannot read
what it was given raises `ReadError`.

Nothing here interprets what the document says.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kg.reading.transcript import Transcript
from kg.registry import Registry

MAX_BYTES = 64 * 1024 * 1024   # larger files are refused before they are read into memory


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
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadError(f"{name}: UTF-16 text; re-encode the file as UTF-8")
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file (NUL bytes), not a transcription; remove it from the sources")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "re-encode the file as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise ReadError(f"{name}: binary content (control characters), not a transcription")
    return text


def read_text(name: str, raw: str) -> Transcript:
    """Pick the reader that recognises ``raw`` best and read it."""
    best = max(readers(), key=lambda r: r.sniff(raw))
    return best.read(name, raw)


def read_file(path: Path) -> Transcript:
    """Read one source file into a `Transcript` (raises `ReadError`)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot open ({exc.strerror})") from None
    if size > MAX_BYTES:
        raise ReadError(f"{path.name}: {size} bytes is more than the {MAX_BYTES}-byte limit; split the file")
    try:
        with path.open("rb") as fh:              # bounded: a device or a growing file is not
            data = fh.read(MAX_BYTES + 1)        # read past the limit whatever stat() said
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise ReadError(f"{path.name}: more than the {MAX_BYTES}-byte limit; split the file")
    raw = decode(path.name, data)
    # Offsets are into the file as decoded: a CRLF file keeps its \r characters.
    return read_text(path.name, raw)
