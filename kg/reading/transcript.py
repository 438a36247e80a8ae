"""The `Transcript`: one source document as the extractors see it.

A transcript holds the raw text of the file, a *reading text* (what a person reads: struck
words removed, interlinear insertions in place, emphasis markers dropped, banners and page
numbers out of the flow) and an offset map from every reading-text character back to the raw
file.  Extractors search the reading text and report evidence as raw `Span`s through
`Transcript.span()`, so evidence is always an exact slice of the original file.

The transcript also carries the layers the reader recognised on the page: lines, body
paragraphs, banners, page numbers, editorial events (deletions/insertions) and redactions.
It knows nothing of what the words mean; that is the extractors' job.

Offsets.  Every offset (``Span.start``/``end``, ``raw_at``) counts Unicode code points of
``raw``, the source file decoded as UTF-8 with a leading byte-order mark removed (what
``bytes.decode("utf-8-sig")`` gives): not bytes, not UTF-16 units, no newline translation, so
``raw[span.start:span.end] == span.exact`` always.  A line ends at LF, CRLF or a lone CR
(`raw_lines`); the reading text always ends its lines with one ``\n``, the CR of a CRLF is left
out of it and a lone CR reads as ``\n`` (a separator anchored at the CR).
"""
from __future__ import annotations

import bisect
import hashlib
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from kg.records import Span


@dataclass(frozen=True)
class Line:
    """A line of the reading text; ``start``/``end`` are reading-text offsets (no newline)."""

    start: int
    end: int
    kind: str = "text"        # text | banner | page | blank | redaction
    raw_line: int = 0         # 1-based line number in the raw file


@dataclass(frozen=True)
class Markup:
    """A markup element of the raw file: a deletion, an insertion, emphasis, a redaction."""

    kind: str                 # deletion | insertion | redaction
    raw: Span                 # the whole element, markers included ("~~that~~")
    inner: Span               # the words inside the markers ("that")


@dataclass(frozen=True)
class Block:
    """A raw line the reader took out of the reading flow (a banner or a page number)."""

    kind: str                 # banner | page
    raw: Span                 # the line as printed, markup included
    text: str                 # the line with markup removed ("SECRET - EYES ONLY")
    struck: bool              # the whole line (or its marking) is drawn through
    raw_line: int


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def raw_lines(raw: str) -> Iterator[tuple[int, int, int]]:
    """``(start, end, next)`` of every line of ``raw``: ``end`` is where its content stops (the
    line break left out), ``next`` where the following line begins (``len(raw) + 1`` after the
    last line).  A line ends at LF, CRLF or a lone CR; nothing else breaks a line.
    """
    start = 0
    for m in LINE_BREAK.finditer(raw):
        yield start, m.start(), m.end()
        start = m.end()
    yield start, len(raw), len(raw) + 1


# 0, 1, 2, ...: a run of raw offsets goes into a map by a slice of this (a copy of memory), not
# counted out one by one; it grows to the longest source read so far (4 bytes a character)
_COUNTING = array("i")


def _counting(end: int) -> array:
    if len(_COUNTING) < end:
        _COUNTING.extend(range(len(_COUNTING), end + (end >> 2)))
    return _COUNTING


class TextBuilder:
    """Builds a reading text together with its map back to raw offsets.

    Copies that continue where the last one stopped (the lines of a page, one after the other)
    are joined into one run and copied at once when something else comes: a reader copies a
    line at a time, and the text and map come out the same (tests/reading/test_offsets.py)."""

    def __init__(self, raw_length: int = 0) -> None:
        self._parts: list[str] = []
        # four bytes an offset while they fit: the map is the reader's largest structure
        self._map = array("i" if raw_length < 2**31 - 1 else "q")
        self._raw: str | None = None       # the pending run: raw[_start:_end], not yet copied
        self._start = self._end = 0

    def _flush(self) -> None:
        if self._end > self._start:
            self._parts.append(self._raw[self._start:self._end])
            if self._map.typecode == "i":
                self._map.extend(_counting(self._end)[self._start:self._end])
            else:
                self._map.extend(range(self._start, self._end))
        self._start = self._end = 0

    def copy(self, raw: str, start: int, end: int) -> None:
        """Copy raw[start:end] into the reading text, keeping the offsets."""
        if end <= start:
            return
        if start == self._end and raw is self._raw and self._end > self._start:
            self._end = end
            return
        self._flush()
        self._raw, self._start, self._end = raw, start, end

    def synthetic(self, text: str, at: int) -> None:
        """Add characters that are not in the raw file (a separator), anchored at ``at``."""
        if not text:
            return
        self._flush()
        self._parts.append(text)
        self._map.extend([at] * len(text))

    def last_char(self) -> str:
        if self._end > self._start:
            return self._raw[self._end - 1]
        for part in reversed(self._parts):
            if part:
                return part[-1]
        return ""

    def __len__(self) -> int:
        return len(self._map) + self._end - self._start

    def build(self) -> tuple[str, array]:
        self._flush()
        return "".join(self._parts), self._map


@dataclass
class Transcript:
    """One source document: raw text, reading text, offset map and the recognised layers."""

    name: str                                  # file name of the source
    raw: str
    text: str                                  # reading text
    raw_at: array                              # raw offset of every reading-text character
    reader: str                                # which reader made it
    lines: list[Line] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)   # body, reading offsets
    body_start: int = 0                        # reading offset where the body begins
    blocks: list[Block] = field(default_factory=list)
    markup: list[Markup] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)   # structure given by markup (TEI readers)
    xml: bool = False                          # raw is XML: every '&' starts a reference

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    # -- offsets -------------------------------------------------------------------------

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the reading-text stretch [start, end)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"reading offsets {start}:{end} outside 0:{len(self.text)}")
        if start == end:
            at = self.raw_at[start] if start < len(self.raw_at) else len(self.raw)
            return at, at
        last = self.raw_at[end - 1]
        if self.xml and self.raw[last:last + 1] == "&":
            # the last character stands for a reference ("&amp;", "&#8217;"): end after it
            semicolon = self.raw.find(";", last)
            if semicolon > 0:
                return self.raw_at[start], semicolon + 1
        return self.raw_at[start], last + 1

    def span(self, start: int, end: int) -> Span:
        """Evidence for the reading-text stretch [start, end), trimmed of outer whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        rs, re_ = self.raw_span(start, end)
        return Span(rs, re_, self.raw[rs:re_])

    def raw_to_span(self, start: int, end: int) -> Span:
        """Evidence for a raw stretch (used for layers found on the raw file)."""
        return Span(start, end, self.raw[start:end])

    def reading_offset(self, raw_offset: int) -> int:
        """The first reading-text offset at or after a raw offset."""
        return bisect.bisect_left(self.raw_at, raw_offset)

    def reading_of(self, start: int, end: int) -> str:
        """What a person reads of the raw stretch [start, end): struck words out, insertions
        in, markup out, line breaks and runs of spaces joined into one space.

        A stretch wholly outside the reading flow (a struck word, a banner, a page number)
        reads as its own words without the markup around them.
        """
        text = self.text[self.reading_offset(start):self.reading_offset(end)]
        if not text.strip():
            starts, longest, ordered = self._markup_index
            first = bisect.bisect_left(starts, start - longest)
            last = bisect.bisect_left(starts, end)
            markers = set()
            for m in ordered[first:last]:
                if start < m.raw.end:
                    markers.update(i for i in range(m.raw.start, m.raw.end)
                                   if not m.inner.start <= i < m.inner.end)
            text = "".join(self.raw[i] for i in range(start, end) if i not in markers)
        return " ".join(text.split())

    @cached_property
    def _markup_index(self) -> tuple[list[int], int, list[Markup]]:
        """Markup by raw start, the starts, and the longest element (to bound a search)."""
        ordered = sorted(self.markup, key=lambda m: (m.raw.start, m.raw.end))
        longest = max((m.raw.end - m.raw.start for m in ordered), default=0)
        return [m.raw.start for m in ordered], longest, ordered

    # -- views ---------------------------------------------------------------------------

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]

    def body(self) -> list[tuple[int, int]]:
        return self.paragraphs

    def raw_line_of(self, raw_offset: int) -> int:
        """1-based line number of a raw offset (LF, CRLF and lone CR end a line)."""
        return len(LINE_BREAK.findall(self.raw, 0, raw_offset)) + 1
