"""Classification and handling markings: the banners and captions as printed.

Each banner line the reader took out of the flow ("SECRET", "~~SECRET - EYES ONLY~~",
"**SECRET**", "S ~~SECRET~~", "CONFIDENTIAL") becomes a `Marking` with its level, its
handling caveats (EYES ONLY, LIMIT DISTRIBUTION, EXDIS, NODIS, LIMDIS, NOFORN) and whether it is struck through
(a declassified banner is drawn through).  A review-stamp caption that names the
classification ("CLASSIFICATION REVIEW", "~~CLASS~~ REVIEW") is kept as a stamp marking, and
the classification a printed edition's source note gives ("Source: ... Secret; Eyes Only.")
as a header marking.

It does not decide the document's overall classification; the mapper takes the highest level.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.lexicon.alternation import Prefiltered
from kg.reading.transcript import Transcript
from kg.records import Marking, Record

NAME = "markings"

LEVELS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "OFFICIAL USE ONLY",
          "UNCLASSIFIED")
CAVEATS = ("EYES ONLY", "LIMIT DISTRIBUTION", "EXDIS", "NODIS", "LIMDIS", "NOFORN", "SENSITIVE")
# Typewriter OCR misreads seen on banners ("EVES ONLY", "SECRFT", "C0NFIDENTIAL").
_OCR_FIXES = ((r"\bEVES\b", "EYES"), (r"\bSECRFT\b", "SECRET"), (r"\bC0NFIDENTIAL\b", "CONFIDENTIAL"),
              (r"\bS\s?E\s?C\s?R\s?E\s?T\b", "SECRET"))
# The printed edition's source note: "Source: Department of State, Central Files, 611.61/10-1862.
# Secret; Eyes Only. Drafted by ..." gives the original's classification.
_SOURCE_NOTE_RE = re.compile(
    r"^\s*Source:[^\n]*?\.\s+(?P<marking>(?:Top\s+Secret|Secret|Confidential|Limited\s+Official\s+Use|"
    r"Official\s+Use\s+Only|Unclassified)(?:\s*;\s*(?:Eyes\s+Only|Limit\s+Distribution|Exdis|Nodis|Limdis|Noforn|Sensitive))*)"
    r"\s*[.;]", re.MULTILINE)
_SOURCE_NOTE = Prefiltered(_SOURCE_NOTE_RE)      # searched only in a text that prints "Source:"
_STAMP_CAPTION_RE = re.compile(r"^\s*(?:~~)?\s*CLASS(?:IFICATION)?\s*(?:~~)?\s+REVIEW\b", re.IGNORECASE)


def normalise(text: str) -> str:
    t = " ".join(text.upper().split())
    for pattern, repl in _OCR_FIXES:
        t = re.sub(pattern, repl, t)
    return t


def level_of(text: str) -> str | None:
    t = normalise(text)
    return next((lvl for lvl in LEVELS if re.search(rf"\b{lvl}\b", t)), None)


def caveats_of(text: str) -> tuple[str, ...]:
    t = normalise(text)
    return tuple(c for c in CAVEATS if re.search(rf"\b{c}\b", t))


@extractor(NAME, produces=(Marking,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    for block in t.blocks:
        if block.kind != "banner":
            continue
        text = re.sub(r"^[A-Z]\s+(?=[A-Z]{3})", "", block.text)     # stray OCR letter: "S SECRET"
        position = "header" if t.reading_offset(block.raw.start) < t.body_start else "banner"
        out.append(Marking(evidence=(block.raw,), extractor=NAME, text=text, level=level_of(text),
                           caveats=caveats_of(text), struck=block.struck, position=position))
    for m in _SOURCE_NOTE.finditer(t.text):
        text = " ".join(m.group("marking").split())
        out.append(Marking(evidence=(t.span(m.start("marking"), m.end("marking")),), extractor=NAME,
                           text=text.upper(), level=level_of(text), caveats=caveats_of(text),
                           struck=False, position="header"))
    for ln in t.lines:
        if ln.start >= t.body_start:
            break
        rs, re_ = t.raw_span(ln.start, ln.end) if ln.end > ln.start else (None, None)
        if rs is None:
            continue
        # the caption may be partly struck, so look at the raw line
        line_start = t.raw.rfind("\n", 0, rs) + 1
        line_end = t.raw.find("\n", rs)
        line_end = line_end if line_end >= 0 else len(t.raw)
        line_start = t.raw.rfind("\r", line_start, rs) + 1 or line_start   # CRLF, lone CR
        cr = t.raw.find("\r", rs, line_end)
        line_end = cr if cr >= 0 else line_end
        raw_line = t.raw[line_start:line_end]
        m = _STAMP_CAPTION_RE.match(raw_line)
        if m:
            span = t.raw_to_span(line_start + m.start(), line_start + m.end())
            words = " ".join(span.exact.replace("~~", " ").split())
            if any(isinstance(r, Marking) and r.evidence == (span,) for r in out):
                continue
            out.append(Marking(evidence=(span,), extractor=NAME, text=words.upper(), level=None,
                               caveats=(), struck="~~" in span.exact, position="stamp"))
    return out
