"""Reader for OCR'd markdown transcriptions of typescripts (the seed's conventions).

What it understands:
- ``~~struck~~`` deletions (removed from the reading text, kept as editorial events),
- ``<sup>inserted</sup>`` interlinear insertions (kept in place),
- ``*emphasis*`` / ``**bold**`` markers (dropped),
- page numbers on a line of their own (``- 2 -``, ``-35-``, ``- 10 -``),
- classification banners on a line of their own, struck or not (``~~SECRET~~``,
  ``S ~~SECRET~~``, ``**SECRET**``, ``~~SECRET - EYES ONLY~~``, ``CONFIDENTIAL``),
- ``[REDACTED]`` (kept in the text, recorded as a redaction),
- run-together lines from the OCR (``Mr. AkalovskyUSSR- Mr. Kuznetsov``,
  ``MEMORANDUM OF CONVERSATIONDRAFTNovember 6, 1962``): a line break is put back where
  a word visibly ends and another begins,
- body paragraphs, joined again when a page break or banner cut one in two.

What it does not do: interpret the header, the stamps or the prose (extractors do that).
"""
from __future__ import annotations

import re

from kg.reading import reader
from kg.reading.transcript import Block, Line, Markup, TextBuilder, Transcript, raw_lines
from kg.records import Span

NAME = "markdown"

_MARKUP_RE = re.compile(
    r"~~(?P<del>.+?)~~"
    r"|<sup>(?P<ins>.*?)</sup>"
    r"|(?P<red>\[(?:REDACTED|redacted|Redacted)[^\]\n]{0,40}\])"
    r"|(?P<emph>\*{1,3}|(?<![\w])_{1,2}(?=\w)|(?<=\w)_{1,2}(?![\w]))"
)

_LEVELS = r"(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED\s+OFFICIAL\s+USE|OFFICIAL\s+USE\s+ONLY)"
_CAVEATS = r"(?:EYES\s+ONLY|LIMIT\s+DISTRIBUTION|EXDIS|NODIS|LIMDIS|NOFORN|SENSITIVE)"
# A banner line: a level (or a caveat alone), caveats after dashes or slashes; a stray OCR
# letter may stand before it ("S ~~SECRET~~").
BANNER_RE = re.compile(
    rf"^\W*(?:[A-Z]\s+)?(?:{_LEVELS}(?:\s*[-–/,]?\s*{_CAVEATS})*|{_CAVEATS})\W*$",
    re.IGNORECASE,
)
PAGE_RE = re.compile(r"^\s*[-–]\s*(\d{1,3})\s*[-–]\s*$")

# Word boundaries the OCR lost: a lower-case word of 4+ letters running into a capital
# ("AkalovskyUSSR", "ExemptionsAmbassador"); short heads such as Mc/Mac/De are names.
_CAMEL_JUNCTION = re.compile(r"(?<=[A-Za-z]{3}[a-z])(?=[A-Z])")
# Header vocabulary used to cut all-capital run-togethers ("CONVERSATIONDRAFTNovember").
HEADER_WORDS = (
    "MEMORANDUM", "OF", "CONVERSATION", "DRAFT", "TELEGRAM", "AIRGRAM", "SECRET",
    "CONFIDENTIAL", "TOP", "UNCLASSIFIED", "EYES", "ONLY", "DEPARTMENT", "STATE",
    "FOR", "THE", "RECORD", "PARTICIPANTS", "SUBJECT", "COPIES", "TO", "EXDIS", "NODIS",
    "LIMDIS", "PRIORITY", "NIACT", "ACTION", "INFO", "FROM", "INCOMING", "OUTGOING",
)
_ALLCAPS_RUN = re.compile(r"[A-Z]{6,}(?=[A-Z][a-z]|\b)")


def _segment_caps(word: str) -> list[int] | None:
    """Cut points that split an all-capital run into header words, or None."""
    best: dict[int, list[int]] = {0: []}
    for i in range(len(word)):
        if i not in best:
            continue
        for w in HEADER_WORDS:
            if word.startswith(w, i) and i + len(w) not in best:
                best[i + len(w)] = best[i] + [i + len(w)]
    cuts = best.get(len(word))
    return cuts[:-1] if cuts and len(cuts) > 1 else None


def _junctions(text: str) -> list[int]:
    """Offsets inside ``text`` where a lost line break is put back."""
    cuts = {m.start() for m in _CAMEL_JUNCTION.finditer(text)}
    for m in re.finditer(r"[A-Z]{2,}(?=[A-Z][a-z])", text):   # "...DRAFT|November"
        cuts.add(m.end())
    for m in _ALLCAPS_RUN.finditer(text):
        seg = _segment_caps(m.group())
        if seg:
            cuts.update(m.start() + c for c in seg)
    return sorted(c for c in cuts if 0 < c < len(text))


def _pieces(raw: str, start: int, end: int):
    """Split raw[start:end] (one line) into (kind, outer_start, outer_end, inner_start, inner_end)."""
    pos = start
    for m in _MARKUP_RE.finditer(raw, start, end):
        if m.start() > pos:
            yield ("text", pos, m.start(), pos, m.start())
        if m.group("del") is not None:
            yield ("deletion", m.start(), m.end(), m.start("del"), m.end("del"))
        elif m.group("ins") is not None:
            yield ("insertion", m.start(), m.end(), m.start("ins"), m.end("ins"))
        elif m.group("red") is not None:
            yield ("redaction", m.start(), m.end(), m.start(), m.end())
        else:
            yield ("emphasis", m.start(), m.end(), m.end(), m.end())
        pos = m.end()
    if pos < end:
        yield ("text", pos, end, pos, end)


def sniff(raw: str) -> float:
    """0.5 for any text: the fallback reader, which copes with plain text too."""
    return 0.5


@reader(NAME, sniff=sniff, priority=0)
def read_markdown(name: str, raw: str) -> Transcript:
    """Read one markdown transcription into a `Transcript`."""
    tb = TextBuilder(len(raw))
    lines: list[Line] = []
    blocks: list[Block] = []
    markup: list[Markup] = []

    for lineno, (lstart, lend, _next) in enumerate(raw_lines(raw), 1):
        pieces = list(_pieces(raw, lstart, lend))
        for kind, os_, oe, is_, ie in pieces:
            if kind in ("deletion", "insertion", "redaction"):
                markup.append(Markup(kind, Span(os_, oe, raw[os_:oe]), Span(is_, ie, raw[is_:ie])))
        every_word = "".join(raw[i:j] for k, _, _, i, j in pieces if k != "emphasis")
        kept = "".join(raw[i:j] for k, _, _, i, j in pieces if k in ("text", "insertion", "redaction"))

        kind = "text"
        if not every_word.strip():
            kind = "blank"
        elif PAGE_RE.match(every_word):
            kind = "page"
        elif BANNER_RE.match(every_word):
            kind = "banner"
        if kind in ("page", "banner"):
            struck = False
            if kind == "banner":
                # "S ~~SECRET~~": the marking itself is struck, a stray letter is not
                struck = not BANNER_RE.match(kept) or not re.search(r"[A-Za-z]{3,}", kept)
            text = " ".join(every_word.split())
            blocks.append(Block(kind, Span(lstart, lend, raw[lstart:lend]), text, struck, lineno))

        line_start = len(tb)
        if kind in ("text",):
            _copy_line(tb, raw, pieces)
        lines.append(Line(line_start, len(tb), kind if kind != "text" or kept.strip() else "blank",
                          lineno))
        tb.synthetic("\n", lend)

    text, raw_at = tb.build()
    transcript = Transcript(name=name, raw=raw, text=text, raw_at=raw_at, reader=NAME,
                            lines=_split_lines(text, lines), blocks=blocks, markup=markup)
    transcript.body_start, transcript.paragraphs = find_body(transcript)
    return transcript


def _copy_line(tb: TextBuilder, raw: str, pieces) -> None:
    """Copy the kept words of one raw line, putting back lost line breaks."""
    for kind, _os, _oe, is_, ie in pieces:
        if kind not in ("text", "insertion", "redaction"):
            continue
        if kind == "insertion":
            # an insertion stands between words: make sure it does not glue to them
            if tb.last_char() and not tb.last_char().isspace():
                tb.synthetic(" ", is_)
        seg = raw[is_:ie]
        pos = 0
        # a struck word leaves its two neighbouring spaces behind: keep only one
        while pos < len(seg) and seg[pos] == " " and tb.last_char() == " ":
            pos += 1
        for cut in _junctions(seg):
            if cut <= pos:
                continue
            tb.copy(raw, is_ + pos, is_ + cut)
            tb.synthetic("\n", is_ + cut)
            pos = cut
        tb.copy(raw, is_ + pos, ie)
        if kind == "insertion" and ie < len(raw) and raw[ie:ie + 1].isalnum():
            tb.synthetic(" ", ie)


def _split_lines(text: str, lines: list[Line]) -> list[Line]:
    """Split reader lines again where a lost line break was put back."""
    out: list[Line] = []
    for ln in lines:
        segment = text[ln.start:ln.end]
        if "\n" not in segment:
            out.append(ln)
            continue
        pos = ln.start
        for part in segment.split("\n"):
            out.append(Line(pos, pos + len(part), ln.kind if part.strip() else "blank", ln.raw_line))
            pos += len(part) + 1
    return out


_TERMINAL = re.compile(r"""[.?!:;"”')\]]\s*$""")
_TITLE_AT_END = re.compile(r"\b(?:Mr|Mrs|Messrs|Amb|Am|Dr|Gen|Sec|St|Ambassador|Secretary|President)\.?\s*$")
_PROSE_WORD = re.compile(r"\b[a-z]{2,}\b")


_CAPTION = re.compile(r"^\s*[\w./ ]{1,24}?\s[-–:]\s|^\s*[\w./]{1,24}:|\(\s*\)")


def is_prose(line: str) -> bool:
    """A line of running prose rather than a header field or a stamp caption."""
    words = line.split()
    if len(words) < 6 or _CAPTION.search(line):
        return False
    lower = len(_PROSE_WORD.findall(line))
    return lower >= 0.5 * len(words)


# The fields of a memorandum's header; a line that runs on into one of them without a blank
# line between is a caption of the header ("SECRETARY'S DELEGATION TO THE TWENTY-FIRST SESSION
# OF THE UNITED NATIONS GENERAL ASSEMBLY" above "SUBJECT:"), not the body's first paragraph.
_HEADER_FIELD = re.compile(r"^\s*(?:SUBJECT|Subject|PARTICIPANTS?|Participants?)\s*:|^\s*Drafted\s+by\b")


def _runs_into_header(t: Transcript, i: int) -> bool:
    for ln in t.lines[i + 1:]:
        if ln.kind != "text":
            return False
        if _HEADER_FIELD.match(t.line_text(ln)):
            return True
    return False


def find_body(t: Transcript) -> tuple[int, list[tuple[int, int]]]:
    """Where the body begins and its paragraphs (reading offsets), rejoined across breaks."""
    lines = t.lines
    first = next((i for i, ln in enumerate(lines) if ln.kind == "text" and is_prose(t.line_text(ln))
                  and not _runs_into_header(t, i)), None)
    if first is None:
        return len(t.text), []
    paragraphs: list[list[int]] = []
    current: list[int] | None = None
    last_line = ""          # only the paragraph's last line decides whether it goes on
    gap = False
    for ln in lines[first:]:
        if ln.kind == "text":
            if current is None:
                current = [ln.start, ln.end]
            elif gap and not _continues(last_line, t.line_text(ln)):
                paragraphs.append(current)
                current = [ln.start, ln.end]
            else:
                current[1] = ln.end
            last_line = t.line_text(ln)
            gap = False
        elif ln.kind == "redaction":
            gap = True
        else:
            gap = True
    if current is not None:
        paragraphs.append(current)
    return lines[first].start, [(a, b) for a, b in paragraphs]


def _continues(previous: str, following: str) -> bool:
    """Does ``following`` carry on the sentence ``previous`` left unfinished?"""
    prev = previous.rstrip()
    if not prev:
        return True
    if _TITLE_AT_END.search(prev):
        return True
    if not _TERMINAL.search(prev):
        return True
    return bool(following.strip()) and following.strip()[0].islower()
