"""The NARA "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM" that precedes most JFK records.

The form is a cover sheet of labelled fields (AGENCY, RECORD NUMBER, RECORD SERIES, AGENCY
FILE NUMBER, ORIGINATOR, FROM, TO, TITLE, DATE, PAGES, SUBJECTS, DOCUMENT TYPE,
CLASSIFICATION, RESTRICTIONS, CURRENT STATUS, DATE OF LAST REVIEW, OPENING CRITERIA,
COMMENTS).  Forms of the genre it reads:

- ``LABEL : value`` on one line, with the OCR's variants of the labels ("RECORDS SERIES",
  "CURRENTSTATUS", "DATE OF LAST'REVIEW", "AGENCY ORIGINATOR", "CLASSIFICATION;");
- a label alone on its line and the value on the next text line, opened by a colon
  ("RECORD NUMBER" / ": 179-20004-10021");
- a column of labels followed by a column of values (the OCR of the form's table) is *not*
  paired: nothing on the page says which value belongs to which label, so nothing is
  guessed.

What it gives: a `FormField` per filled field and the form's CLASSIFICATION as a `Marking`
(position "header", the level normalised: "Secret", "U", "CONFIDENTIAI").  The DATE OF LAST
REVIEW becomes a review event in reviews.py (with RESTRICTIONS and CURRENT STATUS).  `form_date()` gives the form's DATE for the header extractor.
Dates are US month/day order; two-digit years are 19xx.
"""
from __future__ import annotations

import re
from datetime import date

from kg.extracting import extractor
from kg.extracting.dates import NUMERIC_DATE_RE, parse_numeric_date
from kg.extracting.markings import caveats_of, level_of
from kg.reading.plaintext import match_banner
from kg.reading.transcript import Line, Transcript
from kg.records import FormField, Marking, Record, Span

NAME = "nara_form"

# label pattern (OCR variants) -> field name; longest labels first.
FIELDS: tuple[tuple[str, str], ...] = (
    (r"DATE\s*OF\s*LAST\W{0,2}\s*REVIEW", "date-of-last-review"),
    (r"AGENCY\s*FILE\s*(?:NUMBER|NO\.?)", "agency-file-number"),
    (r"RECORDS?\s*NUMBER", "record-number"),
    (r"RECORDS?\s*SERIES", "record-series"),
    (r"(?:AGENCY\s+)?ORIGINATOR", "originator"),
    (r"DOCUMENT\s*TYPE", "document-type"),
    (r"CLASSIFICATION", "classification"),
    (r"RESTRICTIONS?", "restrictions"),
    (r"CURRENT\s*STATUS", "current-status"),
    (r"OPENING\s*CRITERIA", "opening-criteria"),
    (r"COMMENTS?", "comments"),
    (r"SUBJECTS?", "subjects"),
    (r"AGENCY", "agency"),
    (r"FROM", "from"),
    (r"TO", "to"),
    (r"TITLE", "title"),
    (r"DATE", "date"),
    (r"PAGES", "pages"),
)
_LABEL_RE = re.compile(
    r"^[^\w\n]{0,3}(?P<label>" + "|".join(f"(?:{p})" for p, _ in FIELDS) + r")(?![A-Za-z])"
    r"[ \t]*(?P<sep>[:;.]|[—–-](?=\s))?[ \t]*[—–=_-]*[ \t]*(?P<value>.*?)[ \t|]*$")
_COLON_VALUE_RE = re.compile(r"^[ \t]*[:;][ \t]*[—–=_-]*[ \t]*(?P<value>\S.*?)[ \t|]*$")
_CUE_RE = re.compile(r"ASSASSINATION\s+SYSTEM|IDENTIFICA\S{0,4}\s*FORM", re.IGNORECASE)
# Values that are OCR debris of an empty box, not a value.
_EMPTY_RE = re.compile(r"^[\W_]{0,3}(?:[a-z]{1,2})?[\W_]{0,3}$")
# Classification values printed as codes on the form.
_LEVEL_CODES = {"U": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}
_NEXT_GENRE_RE = re.compile(r"\b(?:INCOMING|OUTGOING)\s+TELEGRAM|\bAIRGRAM\b|\bMEMORANDUM\b|CLASSIFIED\s+MESSAGE"
                            r"|^[^\w\n]{0,3}DISPATCH\b", re.IGNORECASE)
FORM_REACH = 120          # lines after the form's first label that still belong to the form


def _name_of(label: str) -> str:
    return next(name for pattern, name in FIELDS if re.fullmatch(pattern, label, re.IGNORECASE))


def _form_lines(t: Transcript) -> list[Line]:
    """The text lines of the form: from its title or first label to the first page break."""
    lines = t.lines
    start = None
    for i, ln in enumerate(lines[:400]):
        if ln.kind == "text" and _CUE_RE.search(t.line_text(ln)):
            start = i
            break
    if start is None:
        return []
    # the labels may stand above the form's title when the OCR reordered the table
    first = start
    for j in range(start - 1, max(-1, start - 60), -1):
        if lines[j].kind == "page":
            break
        if lines[j].kind == "text" and _LABEL_RE.match(t.line_text(lines[j])):
            first = j
    out: list[Line] = []
    after_comments = None
    for ln in lines[first:first + FORM_REACH]:
        if ln.kind in ("page", "rule") and out:
            break
        if ln.kind != "text":
            continue
        text = t.line_text(ln)
        label = _LABEL_RE.match(text)
        if label is None and _NEXT_GENRE_RE.search(text) and out:
            break                          # the record itself begins (no page break printed)
        if label is not None and _name_of(label["label"]) == "comments":
            after_comments = 0
        elif after_comments is not None:
            after_comments += 1
            if after_comments > 6:
                break
        out.append(ln)
    return out


def _fields(t: Transcript) -> list[FormField]:
    lines = _form_lines(t)
    out: list[FormField] = []
    for i, ln in enumerate(lines):
        text = t.line_text(ln)
        m = _LABEL_RE.match(text)
        if not m:
            continue
        name = _name_of(m["label"])
        label_span = t.span(ln.start + m.start("label"), ln.start + m.end("label"))
        value, vstart, vline = m["value"], m.start("value"), ln
        if not m["sep"] and value:
            # "FROM Elisabethville" without a colon is a field only for the multi-word labels
            if len(m["label"].split()) < 2 or name in ("to", "from", "date"):
                continue
        prev_bare = i > 0 and (pm := _LABEL_RE.match(t.line_text(lines[i - 1]))) and not pm["value"]
        if not value and i + 1 < len(lines) and not prev_bare:
            # "RECORD NUMBER" / ": 179-20004-10021"; not inside a column of bare labels,
            # where the colon line may belong to any of them
            nxt = lines[i + 1]
            cm = _COLON_VALUE_RE.match(t.line_text(nxt))
            if cm and not _LABEL_RE.match(t.line_text(nxt)[cm.start("value"):]):
                value, vstart, vline = cm["value"], cm.start("value"), nxt
        if not value or _EMPTY_RE.match(value) or _LABEL_RE.match(value):
            continue
        span = t.span(vline.start + vstart, vline.start + vstart + len(value))
        out.append(FormField(evidence=(span,), extractor=NAME, name=name,
                             value=" ".join(span.exact.split()), label_span=label_span))
    return out


def _level(value: str) -> str | None:
    code = value.strip(" .:;").upper()
    if code in _LEVEL_CODES:
        return _LEVEL_CODES[code]
    banner = match_banner(value)
    return level_of(banner[0] if banner else value)


def _date(value: str) -> date | None:
    m = NUMERIC_DATE_RE.search(value)
    return parse_numeric_date(m) if m else None


def form_date(t: Transcript) -> tuple[date, Span] | None:
    """The form's DATE field (the record's date as NARA catalogued it), with its span."""
    for f in _fields(t):
        if f.name == "date":
            m = NUMERIC_DATE_RE.search(f.evidence[0].exact)
            d = parse_numeric_date(m) if m else None
            if d is not None and 1900 < d.year < 2000:
                s = f.evidence[0]
                return d, Span(s.start + m.start(), s.start + m.end(), m.group())
    return None


@extractor(NAME, produces=(FormField, Marking))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    fields = _fields(t)
    if not fields:
        return []
    out: list[Record] = list(fields)
    by_name: dict[str, FormField] = {}
    for f in fields:
        by_name.setdefault(f.name, f)

    cls = by_name.get("classification")
    if cls is not None and (level := _level(cls.value)):
        out.append(Marking(evidence=cls.evidence, extractor=NAME, text=cls.value.upper(),
                           level=level, caveats=caveats_of(cls.value), position="header"))

    return out
