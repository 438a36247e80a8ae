"""The source text as printed, with every extracted item highlighted at its exact offsets.

``render(raw, spans)`` turns the raw source and a list of ``Span``s (layout: struck words,
insertions, redactions, banners, page numbers, markup to hide; and highlights: the items of the
graph with their evidence offsets) into HTML whose text content is *exactly* the raw source:
every character of the file is in the page, in order, once.  Markup characters (``~~``,
``<sup>``, TEI tags) are wrapped in an element the style sheet hides, so the reader sees the
page as printed while a script, a test or a screen reader's "text content" still finds each
highlight at the offsets the graph gives: the characters before a highlight number its
``oa:start``, its own characters are its ``oa:exact``.

Spans may overlap (a claim runs through a person's name and into a struck word); HTML elements
must nest.  So the text is cut at every span boundary and each piece is wrapped in the spans
that cover it, outermost (earliest start, then longest) first; a span crossing another's end is
closed and reopened, leaving fragments that carry the same ``data-item``.  A link inside a link
is not allowed in HTML: a span that would open an ``<a>`` inside another is written as a
``<span>`` with the same classes (its link stays in the lists beside the text).

What it does not do: decide which items exist or what they look like (``kg.site.pages`` makes
the spans), or read files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

_TEI_TAG = re.compile(r"<[^<>]*>")
_TEI_INDENT = re.compile(r"(?<=\n)[ \t]+|(?<=\n\n)\n+")     # the XML's layout, not the print's
_CHAR_REF = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass(frozen=True)
class Span:
    """An element around raw[start:end]: ``tag`` with ``classes`` and ``attrs``."""

    start: int
    end: int
    tag: str = "span"
    classes: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    order: int = 0                      # among spans with the same extent: lower is outer
    after: str = ""                     # HTML put right after the span's last fragment

    def open(self, as_tag: str | None = None) -> str:
        tag = as_tag or self.tag
        parts = [tag]
        if self.classes:
            parts.append(f'class="{escape(self.classes)}"')
        for name, value in self.attrs:
            if tag != "a" and name == "href":
                continue
            parts.append(f'{name}="{escape(value)}"')
        return "<" + " ".join(parts) + ">"


@dataclass
class _Open:
    span: Span
    tag: str
    first: bool = True
    done: bool = field(default=False)


def render(raw: str, spans: list[Span]) -> Markup:
    """HTML of ``raw`` with ``spans`` nested; its text content equals ``raw``."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(raw)]
    cuts = sorted({0, len(raw)} | {s.start for s in spans} | {s.end for s in spans})
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    active: list[Span] = []
    stack: list[_Open] = []
    seen_ids: set[str] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + starting.get(a, [])
        active.sort(key=lambda s: (s.start, -s.end, s.order))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep].span is active[keep]:
            keep += 1
        _close(stack, keep, out, a)
        for span in active[keep:]:
            in_link = any(o.tag == "a" for o in stack)
            tag = "span" if span.tag == "a" and in_link else span.tag
            html = span.open(tag)
            ident = dict(span.attrs).get("data-item")
            if ident and ident not in seen_ids:
                seen_ids.add(ident)
                html = html[:-1] + f' id="{escape(ident)}">'
            out.append(html)
            stack.append(_Open(span, tag))
        out.append(str(escape(raw[a:b])))
    _close(stack, 0, out, len(raw))
    return Markup("".join(out))


def _close(stack: list[_Open], keep: int, out: list[str], at: int) -> None:
    while len(stack) > keep:
        top = stack.pop()
        out.append(f"</{top.tag}>")
        if top.span.end == at and top.span.after:
            after = top.span.after
            if any(o.tag == "a" for o in stack) and after.startswith("<a "):
                after = "<span " + re.sub(r' href="[^"]*"', "", after[3:-4]) + "</span>"
            out.append(after)


def layout_spans(transcript) -> list[Span]:
    """The printed page's layout from the reader's layers: struck words struck, insertions
    raised, redactions blacked, banners and page numbers marked, markup characters hidden."""
    spans: list[Span] = []
    for m in transcript.markup:
        if m.kind == "deletion":
            spans.append(Span(m.inner.start, m.inner.end, "del", "struck", order=5))
        elif m.kind == "insertion":
            spans.append(Span(m.inner.start, m.inner.end, "ins", "inserted", order=5))
        elif m.kind == "redaction":
            spans.append(Span(m.raw.start, m.raw.end, "span", "redaction",
                              (("title", "withheld (redaction)"),), order=5))
    for block in transcript.blocks:
        kind = "page-break" if block.kind == "page" else f"block-{block.kind}"
        spans.append(Span(block.raw.start, block.raw.end, "span", kind,
                          (("data-block", block.kind),), order=1))
    for start, end in hidden_ranges(transcript):
        spans.append(Span(start, end, "span", "mk", (("aria-hidden", "true"),), order=9))
    if transcript.reader == "tei":
        # "&#8211;" is printed as "–": the reference stays in the text (offsets count it) but
        # hidden, and the style sheet shows the character it stands for.
        for m in _CHAR_REF.finditer(transcript.raw):
            spans.append(Span(m.start(), m.end(), "span", "char", (("data-char", _char(m[1])),), order=8))
            spans.append(Span(m.start(), m.end(), "span", "mk", (("aria-hidden", "true"),), order=9))
    return spans


def _char(ref: str) -> str:
    if ref.startswith("#x"):
        return chr(int(ref[2:], 16))
    if ref.startswith("#"):
        return chr(int(ref[1:]))
    return _NAMED[ref]


def hidden_ranges(transcript) -> list[tuple[int, int]]:
    """Raw stretches that are markup, not print: a TEI file's tags; in a transcription the
    characters no reading layer keeps (``~~``, ``<sup>``, ``**``)."""
    raw = transcript.raw
    if transcript.reader == "tei":
        found = [(m.start(), m.end()) for m in _TEI_TAG.finditer(raw)]
        found += [(m.start(), m.end()) for m in _TEI_INDENT.finditer(raw)]
        return sorted(found)
    shown = bytearray(len(raw))
    for i in transcript.raw_at:
        if 0 <= i < len(raw):
            shown[i] = 1
    for m in transcript.markup:
        keep = m.raw if m.kind == "redaction" else m.inner
        shown[keep.start:keep.end] = b"\x01" * (keep.end - keep.start)
    for block in transcript.blocks:
        shown[block.raw.start:block.raw.end] = b"\x01" * (block.raw.end - block.raw.start)
    for block in transcript.blocks:      # a banner's own markers (~~SECRET~~) stay hidden
        for m in transcript.markup:
            if block.raw.start <= m.raw.start and m.raw.end <= block.raw.end:
                for i in range(m.raw.start, m.raw.end):
                    if not m.inner.start <= i < m.inner.end:
                        shown[i] = 0
    ranges: list[tuple[int, int]] = []
    for i, ch in enumerate(raw):
        if shown[i] or ch.isspace():
            continue
        if ranges and ranges[-1][1] == i:
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i, i + 1))
    return ranges
