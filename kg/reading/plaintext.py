"""Reader for plain OCR text of typescripts (the JFK records releases, noops888/jfk-files-text).

The files are the raw output of an OCR engine, sometimes wrapped by a converter in a few
markdown-looking lines.  Nothing in them is transcription markup: a ``~~``, ``*`` or ``_`` in
such a file is OCR debris and is kept as printed.

What it understands:
- the converter's page markers ``## Page N`` (and the ``---`` rules between pages) and its
  title line ``# DOCID-32406891`` / ``# 104-10218-10034`` on the first line: taken out of the
  reading flow, recorded as ``Block(kind="page")`` / ``Block(kind="heading")``;
- printed page numbers on a line of their own (``- 2 -``), as the markdown reader does;
- classification banners on a line of their own, with the OCR's variants (``SECRET``,
  ``S E C R E T``, ``SECHET``, ``CONFIDENTIAI``, ``EVES ONLY``, ``TOP SECRET``,
  ``SECRET - EYES ONLY``) and stray OCR debris around them (``oo : SECRET |``, ``7-0 SECRET``):
  taken out of the flow, recorded as ``Block(kind="banner")`` with the line as printed, and in
  ``metadata["banners"]`` with the normalised marking and the raw span of the printed words;
- body paragraphs and where the body begins (`kg.reading.markdown.find_body`), rejoined
  across page breaks and banners;
- cheap layout cues to the genre of the pages (``metadata["genre_hint"]`` and
  ``metadata["genre_cues"]``): a NARA "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM", a State
  "INCOMING/OUTGOING TELEGRAM" or airgram, a CIA "CLASSIFIED MESSAGE" cable (or a dispatch), a
  "MEMORANDUM OF CONVERSATION / FOR THE RECORD / FOR ...".

What it does not do: correct the OCR, read the form fields or the telegram header (that is
the extractors' job), guess run-together words, or look for classification words inside
running text.  Line kinds: text | blank | page | banner | heading | rule.
"""
from __future__ import annotations

import bisect
import operator
import dataclasses
import re
from functools import lru_cache

from kg.lexicon.alternation import first_in_lines, lowered, required_runs
from kg.reading import reader
from kg.reading.markdown import PAGE_RE, find_body
from kg.reading.transcript import Block, Line, TextBuilder, Transcript, raw_lines
from kg.records import Span

NAME = "plaintext"

PAGE_MARKER_RE = re.compile(r"^[ \t]*#{1,6}[ \t]*Page[ \t]+(\d{1,6})[ \t]*$", re.IGNORECASE)
_HEADING_RE = re.compile(r"^#[ \t]+(\S.{0,120}?)[ \t]*$")
_RULE_RE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$")

# --- banners ------------------------------------------------------------------------------

# The words of a banner; OCR variants beyond one edit are listed by hand.
_BANNER_WORDS = {
    "TOP": {"TOP", "T0P", "TCP"},
    "SECRET": {"SECRET", "SEGRET", "SECHET", "SECRFT", "5ECRET", "SECRE", "ECRET", "SBCRET"},
    "CONFIDENTIAL": {"CONFIDENTIAL", "CONFIDENTIAI", "CONFIDENTLAL", "C0NFIDENTIAL",
                     "CONFIDENTIA", "CONFIDENTIAL1"},
    "UNCLASSIFIED": {"UNCLASSIFIED", "UNCLASSIFLED", "UNCLASSIPIED"},
    "EYES": {"EYES", "EVES", "EYE5", "EYFS", "BYES", "EYRS"},
    "ONLY": {"ONLY", "0NLY", "ONIY", "OMLY", "ONLV", "ONL", "ONLI"},
    "EXDIS": {"EXDIS"}, "NODIS": {"NODIS", "N0DIS"}, "LIMDIS": {"LIMDIS"},
    "NOFORN": {"NOFORN", "N0FORN"}, "SENSITIVE": {"SENSITIVE"}, "RYBAT": {"RYBAT"},
    "LIMITED": {"LIMITED"}, "OFFICIAL": {"OFFICIAL"}, "USE": {"USE"},
    "LIMIT": {"LIMIT"}, "DISTRIBUTION": {"DISTRIBUTION"},      # "SECRET; LIMIT DISTRIBUTION"
}
_LONG_WORDS = [w for w in _BANNER_WORDS if len(w) >= 6]
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[A-Za-z] ){2,}[A-Za-z](?!\S)")
_TOKEN = re.compile(r"\S+")


def _within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if la == lb else a[i:] == b[i + 1:]


# each variant's banner word (the first that lists it), looked up at once
_CANON_OF: dict[str, str] = {}
for _canon, _variants in _BANNER_WORDS.items():
    for _variant in _variants:
        _CANON_OF.setdefault(_variant, _canon)


# a pure function of the token, asked of the same words on every page (kept for the process)
@lru_cache(maxsize=1 << 14)
def _banner_word(token: str) -> str | None:
    """The banner word an OCR'd token stands for, or None."""
    word = token.upper()
    return _CANON_OF.get(word) or _misread_banner_word(word)


def _misread_banner_word(word: str) -> str | None:
    """The long banner word one edit from a word in capitals that no variant lists."""
    if len(word) >= 5:
        for canon in _LONG_WORDS:
            if _within_one_edit(word, canon):
                return canon
    return None


def _letters(token: str) -> str:
    return re.sub(r"[\W_]", "", token)


_ALNUM3 = re.compile(r"[^\W_](?:[\W_]*[^\W_]){2}")


def _is_debris(token: str) -> bool:
    """An OCR speck: punctuation, or at most two letters/digits ("oo", "|", "7-0", "i")."""
    return _ALNUM3.search(token) is None


# Every banner word, or a one-edit OCR variant of it, contains one of these (a quick test).
_BANNER_HINT = re.compile(
    r"SEC|ECR|CRE|RET|ONFI|DENT|NTIA|TIAL|CLAS|SSIF|FIED|EYE|EVE|ONL|NLY|DIS|FORN|OFFIC|SENSI"
    r"|RYBAT|TOP|USE|[A-Z] [A-Z] [A-Z]")


def match_banner(line: str) -> tuple[str, int, int] | None:
    """``(marking, start, end)`` if ``line`` is a classification banner, else None.

    ``marking`` is normalised ("SECRET - EYES ONLY"); start/end delimit the printed banner
    words inside ``line`` (debris around them excluded).
    """
    if len(line) > 90 or len(line.split()) > 10 or not _BANNER_HINT.search(line.upper()):
        return None
    # "S E C R E T" -> "SECRET" (the same length is kept by padding, offsets stay valid)
    probe = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", "") + " " * m.group().count(" "),
                               line)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(probe)]
    while tokens and _is_debris(tokens[0][2]) and not _banner_word(_letters(tokens[0][2])):
        tokens.pop(0)
    while tokens and _is_debris(tokens[-1][2]) and not _banner_word(_letters(tokens[-1][2])):
        tokens.pop()
    if not tokens:
        return None
    words: list[str] = []
    for _s, _e, tok in tokens:
        for part in re.split(r"[-–/,;:.()|]+", tok):
            part = part.strip("\"'“”‘’_*[]{}!")
            if not part:
                continue
            canon = _banner_word(part)
            if canon is None:
                return None
            words.append(canon)
    anchors = {"SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "EXDIS", "NODIS", "LIMDIS", "NOFORN"}
    if not (anchors & set(words) or {"EYES", "ONLY"} <= set(words)
            or {"OFFICIAL", "USE"} <= set(words)):
        return None
    marking = " ".join(words)
    if re.search(r"\bLIMIT\b(?! DISTRIBUTION)|(?<!LIMIT )\bDISTRIBUTION\b", marking):
        return None                  # the caveat is the two words together
    marking = re.sub(r" (EYES ONLY|LIMIT DISTRIBUTION|EXDIS|NODIS|LIMDIS|NOFORN|SENSITIVE|RYBAT)\b",
                     r" - \1", marking)
    return marking, tokens[0][0], tokens[-1][1]


# --- genre cues ---------------------------------------------------------------------------

_GENRE_CUES: list[tuple[str, re.Pattern]] = [
    ("nara-identification-form", re.compile(
        r"JFK[^\w\n]{0,2}ASSASSINATION[ \t]+SYSTEM|IDENTIFICA\S{0,4}[ \t]*FORM\b"
        r"|^[^\w\n]{0,3}AGENCY[ \t]+INFORMATION[ \t]*$", re.IGNORECASE)),
    ("telegram", re.compile(
        r"^[^\w\n]{0,3}(?:INCOMING|OUTGOING)[ \t]+TELEGRAM\b|^[^\w\n]{0,3}AIRGRAM\b"
        r"|^[^\w\n]{0,3}TELEGRAM\b.{0,40}\bDEPARTMENT[ \t]+OF[ \t]+STATE", re.IGNORECASE)),
    ("cia-cable", re.compile(r"^[^\w\n]{0,4}CLASSIFIED[ \t]+MESSAGE\b|^[^\w\n]{0,3}CITE[ \t]+[A-Z]{2,}")),
    ("cia-dispatch", re.compile(r"^[^\w\n]{0,3}DISPATCH\b")),
    ("memorandum", re.compile(
        r"^[^\w\n]{0,3}MEMORANDUM[ \t]+(?:OF[ \t]+CONVERSATION|FOR\b)", re.IGNORECASE)),
]

_MD_MARKUP = re.compile(r"~~[^~\n]{1,80}~~|<sup>[^<\n]{0,80}</sup>|\*\*[A-Za-z0-9][^*\n]{0,80}\*\*")
_NARA_FIELDS = re.compile(
    r"^[^\w\n]{0,3}(?:RECORDS?[ \t]+NUMBER|RECORDS?[ \t]+SERIES|AGENCY[ \t]+FILE[ \t]+NUMBER|ORIGINATOR"
    r"|DOCUMENT[ \t]+TYPE|CURRENT[ \t]+STATUS|DATE[ \t]+OF[ \t]+LAST[ \t]+REVIEW|OPENING[ \t]+CRITERIA"
    r"|RESTRICTIONS|CLASSIFICATION)[ \t]*:?", re.IGNORECASE | re.MULTILINE)
_JFK_RELEASE = re.compile(r"KENNEDY[ \t]+ASSASSINATION[ \t]+RECORDS|Kennedy[ \t]+Assassination[ \t]+Records"
                          r"|Assassination[ \t]+\S{0,3}ecords[ \t]+Collection", re.IGNORECASE)
_RECORD_NO = re.compile(r"\b\d{3}-\d{5}-\d{5}\b|\bDOCID-\d{6,}", re.IGNORECASE)
_CABLE_WORDS = re.compile(r"^[^\w\n]{0,3}(?:DIRECTOR|TYPIC|RYBAT|REF|INFO|ROUTING|CITE)\b", re.MULTILINE)
_PAGE_MARKERS_ANY = re.compile(r"^[ \t]*#{1,6}[ \t]*Page[ \t]+\d{1,6}[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_DEBRIS_LINE = re.compile(r"^[^\n]*(?:\s[|;:{}\\]\s|[|][ \t]*$)", re.MULTILINE)


def _multiline(rx: re.Pattern) -> re.Pattern:
    return re.compile(rx.pattern, rx.flags | re.MULTILINE)     # re caches compiled patterns


# The runs of letters any match of each genre cue prints: a text that prints none of them is
# not searched (most texts show one genre's layout, and the search of a whole OCR text by a
# case-insensitive pattern costs as much as reading the rest of it).
_CUE_RUNS = tuple(required_runs(rx.pattern, rx.flags & re.IGNORECASE) for _genre, rx in _GENRE_CUES)


class _Probe:
    """A text searched for the genre cues (its lower-cased copy made once, by
    `kg.lexicon.alternation.lowered`, which keeps the last text's)."""

    def __init__(self, text: str):
        self.text = text

    def search(self, k: int, every_line: bool = False) -> re.Match | None:
        """`_GENRE_CUES` [k] searched in the text, line by line (MULTILINE): only the lines
        that print one of its runs (``every_line``: the whole text, as the plain search)."""
        rx, runs = _GENRE_CUES[k][1], _CUE_RUNS[k]
        # None: an odd letter, every pattern is tried
        probe = lowered(self.text) if rx.flags & re.IGNORECASE else self.text
        if probe is None or runs is None or every_line:
            return _multiline(rx).search(self.text)
        return first_in_lines(_multiline(rx), self.text, probe, runs)


def sniff(raw: str) -> float:
    """How surely ``raw`` is plain OCR text of a typescript (0..1); 0.5 is the markdown fallback.

    Plain OCR wins over the markdown reader only on positive cues: converter page markers,
    NARA identification-form fields, JFK Act release stamps, record numbers, telegram or cable
    headers, OCR table debris.  Markdown transcription markup (``~~struck~~``, ``<sup>``,
    ``**bold**``) counts against it.
    """
    head = raw[:30000]
    score = 0.0
    if _PAGE_MARKERS_ANY.search(head):
        score += 0.3
    cues = _Probe(head)
    if len(_NARA_FIELDS.findall(head)) >= 3 or cues.search(0):
        score += 0.25
    if _JFK_RELEASE.search(head):
        score += 0.15
    if _RECORD_NO.search(head[:2000]):
        score += 0.1
    for k in range(1, len(_GENRE_CUES)):
        if cues.search(k):
            score += 0.1
            break
    if len(_CABLE_WORDS.findall(head)) >= 2:
        score += 0.05
    lines = head.count("\n") + 1
    if len(_DEBRIS_LINE.findall(head)) >= max(3, lines // 50):
        score += 0.1
    markup = len(_MD_MARKUP.findall(head))
    score -= min(0.6, 0.15 * markup)
    if score <= 0:
        return 0.0
    return min(0.95, 0.45 + score)


# --- reading ------------------------------------------------------------------------------


def _genre_cues(text: str, raw_at, lines: list[Line]) -> list[dict]:
    """The first layout cue of each genre found on a text line, in raw order.

    Looked for in the reading text, which holds the text lines only and ends every line with
    one newline whatever the file used (LF, CRLF, CR), so ``^`` and ``$`` mean the same in all.
    """
    starts = [ln.start for ln in lines]
    cues = []
    probe = _Probe(text)
    for k, (genre, _rx) in enumerate(_GENRE_CUES):
        m = probe.search(k)
        if m and m.end() > m.start():
            ln = lines[bisect.bisect_right(starts, m.start()) - 1]
            span = (raw_at[m.start()], raw_at[m.end() - 1] + 1)
            cues.append({"genre": genre, "cue": m.group(), "span": span, "line": ln.raw_line})
    cues.sort(key=lambda c: c["span"])
    return cues



@reader(NAME, sniff=sniff, priority=1)
def read_plaintext(name: str, raw: str) -> Transcript:
    """Read one plain OCR text into a `Transcript` (never fails on any text)."""
    tb = TextBuilder(len(raw))
    lines: list[Line] = []
    blocks: list[Block] = []
    banners: list[dict] = []
    pages = 0
    first_content = True

    n = len(raw)
    for lineno, (lstart, cend, nxt) in enumerate(raw_lines(raw), 1):
        content = raw[lstart:cend]
        stripped = content.strip()

        kind = "text"
        if not stripped:
            kind = "blank"
        elif first_content and _HEADING_RE.match(content) and not PAGE_MARKER_RE.match(content):
            kind = "heading"
            m = _HEADING_RE.match(content)
            blocks.append(Block("heading", Span(lstart, cend, content), m.group(1), False, lineno))
        elif (m := PAGE_MARKER_RE.match(content)) or PAGE_RE.match(content):
            kind = "page"
            pages += 1 if m else 0
            text = f"Page {m.group(1)}" if m else " ".join(stripped.split())
            blocks.append(Block("page", Span(lstart, cend, content), text, False, lineno))
        elif _RULE_RE.match(content):
            kind = "rule"
        elif (b := match_banner(content)) is not None:
            kind = "banner"
            marking, bs, be = b
            blocks.append(Block("banner", Span(lstart, cend, content), " ".join(stripped.split()),
                                False, lineno))
            banners.append({"marking": marking, "printed": content[bs:be],
                            "span": (lstart + bs, lstart + be), "line": lineno})
        if stripped:
            first_content = False

        line_start = len(tb)
        if kind == "text" and nxt == cend + 1 and nxt <= n and raw[cend] == "\n":
            tb.copy(raw, lstart, nxt)      # the line and its LF in one copy (most lines)
            lines.append(Line(line_start, len(tb) - 1, kind, lineno))
            continue
        if kind == "text":
            tb.copy(raw, lstart, cend)
        lines.append(Line(line_start, len(tb), kind, lineno))
        if nxt <= n:                       # the line break: its LF is a real character,
            if raw[nxt - 1] == "\n":       # a lone CR reads as one
                tb.copy(raw, nxt - 1, nxt)
            else:
                tb.synthetic("\n", cend)

    text, raw_at = tb.build()
    cues = _genre_cues(text, raw_at, lines)
    metadata: dict = {}
    if cues:
        metadata["genre_hint"] = cues[0]["genre"]
        metadata["genre_cues"] = cues
    if banners:
        metadata["banners"] = banners
    if pages:
        metadata["page_markers"] = pages
    transcript = Transcript(name=name, raw=raw, text=text, raw_at=raw_at, reader=NAME,
                            lines=lines, blocks=blocks, metadata=metadata)
    transcript.body_start, transcript.paragraphs = _find_body(transcript)
    return transcript


# Typewritten cables are all capitals; `find_body` knows prose by its lower-case words.  It is
# shown a view of the text in which an all-capital line that reads like prose (six words or
# more, two function words) is lower-cased after its first letter.  Only ASCII letters change,
# so every offset is the same in the view and in the reading text.
_FUNCTION_WORDS = frozenset(
    "THE OF TO AND IN THAT FOR ON WITH IS WAS BE HAVE HAS HAD NOT ARE WE IT HE HIS THEY BY AS AT "
    "FROM WILL WOULD THIS WHO WHICH AN OR BUT".split())
_FIELD = re.compile(r"^[^\w\n]*(?:[A-Z][A-Z ./]{1,30})?[ \t]*:")     # "TITLE : ...", ": CABLE: ..."
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


_STRIP_WORD = operator.methodcaller("strip", ".,;:()\"'")


def _function_words(words: list[str]) -> int:
    """How many of the words are function words in capitals, punctuation stripped (the loop
    runs in C, by map)."""
    return sum(map(_FUNCTION_WORDS.__contains__, map(_STRIP_WORD, words)))


def _caps_prose(line: str) -> bool:
    words = line.split()
    if len(words) < 6:
        return False
    # the function words first: a line in mixed case has none of them in capitals, and they
    # cost a look at each word, the letter counts a look at each character
    if _function_words(words) < 2:
        return False
    upper = sum(map(str.isupper, line))
    lower = sum(map(str.islower, line))
    return not (upper < 4 * lower or _JFK_RELEASE.search(line) or _FIELD.match(line))


def _find_body(t: Transcript) -> tuple[int, list[tuple[int, int]]]:
    text = t.text
    parts: list[str] = []
    prev = 0
    for ln in t.lines:
        if ln.kind != "text" or not _caps_prose(text[ln.start:ln.end]):
            continue
        first = next((k for k in range(ln.start, ln.end) if text[k].isalpha()), ln.start)
        parts.append(text[prev:first + 1])
        parts.append(text[first + 1:ln.end].translate(_ASCII_LOWER))
        prev = ln.end
    if not parts:
        return find_body(t)
    view = dataclasses.replace(t, text="".join(parts) + text[prev:])
    return find_body(view)
