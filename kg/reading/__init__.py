"""Reading: source files -> `Transcript`s.

`read_file()` checks that a file can be read at all (not empty, not binary, valid UTF-8, not
too large) and picks a reader by looking at the content, never at the file name.  Readers
are registered in `READERS`, each with a `sniff(raw) -> score` and a `read(name, raw)`;
the highest score wins.

Nothing here interprets what the document says.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kg.reading.markdown import read_markdown
from kg.reading.plaintext import NAME as PLAINTEXT, read_plaintext, sniff as sniff_plaintext
from kg.reading.tei import NAME as TEI, TEIError, read_tei, sniff as sniff_tei
from kg.reading.transcript import Transcript

MAX_BYTES = 64 * 1024 * 1024   # larger files are refused before they are read into memory


class ReadError(Exception):
    """A source that cannot be read; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class Reader:
    name: str
    sniff: Callable[[str], float]     # 0 = not mine ... 1 = certainly mine
    read: Callable[[str, str], Transcript]


def _sniff_markdown(raw: str) -> float:
    return 0.5        # the fallback for text: it copes with plain text too


READERS: list[Reader] = [Reader("markdown", _sniff_markdown, read_markdown)]


def register(reader: Reader) -> None:
    """Add a reader (later registrations win ties)."""
    READERS.insert(0, reader)


def _read_tei(name: str, raw: str) -> Transcript:
    try:
        return read_tei(name, raw)
    except TEIError as exc:
        raise ReadError(f"{name}: {exc}") from None


register(Reader(PLAINTEXT, sniff_plaintext, read_plaintext))   # plain OCR text (JFK releases)
register(Reader(TEI, sniff_tei, _read_tei))                       # FRUS TEI XML


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
    reader = max(READERS, key=lambda r: r.sniff(raw))
    return reader.read(name, raw)


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
