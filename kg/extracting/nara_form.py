"""The NARA "JFK ASSASSINATION SYSTEM IDENTIFICATION FORM" that precedes most JFK records.

The form is a cover sheet of labelled fields (AGENCY, RECORD NUMBER, RECORD SERIES, AGENCY
FILE NUMBER, ORIGINATOR, FROM, TO, TITLE, DATE, PAGES, SUBJECTS, DOCUMENT TYPE,
CLASSIFICATION, RESTRICTIONS, CURRENT STATUS, DATE OF LAST REVIEW, OPENING CRITERIA,
COMMENTS).  Forms of the genre it reads:

- ``LABEL : value`` on one line, with the OCR's variants of the labels ("RECORDS SERIES",
  "CURRENTSTATUS", "DATE OF LAST'REVIEW", "AGENCY ORIGINATOR", "CLASSIFICATION;") and a
  speck of the scan read as a letter or two before them ("ea DATE: 02/24/1967");
- a label alone on its line and the value on the next text line, opened by a colon
  ("RECORD NUMBER" / ": 179-20004-10021");
- the DATE alone on its line, the date alone on the next and the PAGES label after it, the
  form's DATE and PAGES boxes read one under the other ("DATE :" / "01/09/64" / "PAGES");
- a label without a colon ("FROM RIGGIN, GEORGE B.", "DATE 01/14/52") where the labels stand
  one a line in a block, as the form's table prints them (a lone "TO DIRECTOR" is a cable's);
- a column of labels followed by a column of values (the OCR of the form's table), paired
  only where the layout says which value is whose: the DATE is the lone date followed by the
  lone page count (DATE and PAGES stand together on every form), after the record number;
  the values before it, after the DOCUMENT INFORMATION heading and the file numbers, are the
  ORIGINATOR, FROM, TO and TITLE whose labels stand bare, one to one, or all but an empty
  TITLE when every value is short like a name or an office ("SAC, MM", "DIRECTOR, FBI"); a
  label one edit from its word, alone on its line ("FRO!"), still holds its place.  A
  column with a value lost or doubled, or a label lost, is not paired: nothing is guessed.
  The DATE alone is taken where the columns say no more: the one lone date of the records'
  years (before the JFK Act's review of 1992 on; never a placeholder "01/01/1900") after the
  record number, or the lone date right above the PAGES label.

What it gives: a `FormField` per filled field and the form's CLASSIFICATION as a `Marking`
(position "header", the level normalised: "Secret", "U", "CONFIDENTIAI").  The DATE OF LAST
REVIEW becomes a review event in reviews.py (with RESTRICTIONS and CURRENT STATUS).  `form_date()` gives the form's DATE for the header extractor.
Dates are US month/day order; two-digit years are 19xx.
"""
from __future__ import annotations

import re
from datetime import date

from rapidfuzz.distance import Levenshtein

from kg.extracting import extractor
from kg.extracting.dates import NUMERIC_DATE_RE, parse_numeric_date
from kg.extracting.kept import for_last_transcript
from kg.extracting.markings import caveats_of, level_of
from kg.lexicon.alternation import Prefiltered
from kg.reading.plaintext import match_banner
from kg.reading.transcript import Line, Transcript
from kg.records import FormField, Marking, Record, Span

NAME = "nara_form"
REVIEW_YEARS = 1992          # the JFK Act: the review's dates are of 1992 and later

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
    r"^[^\w\n]{0,3}(?:[a-z]{1,2}[ \t]+)?(?P<label>" + "|".join(f"(?:{p})" for p, _ in FIELDS) + r")(?![A-Za-z])"
    r"[ \t]*(?P<sep>[:;.]|[—–-](?=\s))?[ \t]*[—–=_-]*[ \t]*(?P<value>.*?)[ \t|]*$")
_COLON_VALUE_RE = re.compile(r"^[ \t]*[:;][ \t]*[—–=_-]*[ \t]*(?P<value>\S.*?)[ \t|]*$")
# tried on each line until the form begins: only where the line prints one of its words
_CUE_RE = Prefiltered(re.compile(
    r"ASSASSINATION\s+SYSTEM|IDENTIFICA\S{0,4}\s*FORM|^\W{0,3}AGENCY\s+INFORMATION\W{0,3}$", re.IGNORECASE))
# headings and titles of the form, which are neither labels nor values
_HEADING_RE = re.compile(r"^\W{0,3}(?:(?:AGENCY|DOCUMENT)\s+INFORMATION|\S{0,4}\s*ASSASSINATION\s+SYSTEM.*"
                         r"|IDENTIFICA\S{0,4}\s*FORM|(?-i:Date|Page)\s*[:;]?\s*\d{0,3})\W{0,3}$", re.IGNORECASE)
_RECORD_NUMBER_RE = re.compile(r"\b\d{3}-\d{5}-\d{5}\b")
_DOC_INFO_RE = re.compile(r"^\W{0,3}DOCUMENT\s+INFORMATION\W{0,3}$", re.IGNORECASE)
_LONE_DATE_RE = re.compile(r"^\W{0,3}(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\W{0,3}$")
_LONE_COUNT_RE = re.compile(r"^\W{0,3}\d{1,4}\W{0,3}$")
_FILE_NUMBER_RE = re.compile(r"\d{3}")
# a FROM or TO value: a name or an office, short ("SAC, MM", "HALL, WENDELL W. JR.", "HQ")
_CORRESPONDENT_RE = re.compile(r"^[A-Z][\w.,&'/()\[\] -]{0,39}$")
_COLUMN_FIELDS = ("originator", "from", "to", "title")
# an ORIGINATOR value: the agency's code or short name ("FBI", "INSCOM/CSF", "SECRET SERVICE"),
# never a person's name ("GODSOE, W. A.") -- a sign the column lost a value
_AGENCY_CODE_RE = re.compile(r"^[A-Z][A-Z/&.-]{1,11}(?:\s[A-Z]{2,10})?$")
CORRESPONDENT_WORDS = 7    # "CH, INDUSTRIAL & PERS SCTY GROUP"; a title runs longer
# Values that are OCR debris of an empty box, not a value.
_EMPTY_RE = re.compile(r"^[\W_]{0,3}(?:[a-z]{1,2})?[\W_]{0,3}$")
# Classification values printed as codes on the form.
_LEVEL_CODES = {"U": "UNCLASSIFIED", "C": "CONFIDENTIAL", "S": "SECRET", "TS": "TOP SECRET"}
_NEXT_GENRE_RE = re.compile(r"\b(?:INCOMING|OUTGOING)\s+TELEGRAM|\bAIRGRAM\b|\bMEMORANDUM\b|CLASSIFIED\s+MESSAGE"
                            r"|^[^\w\n]{0,3}DISPATCH\b", re.IGNORECASE)
FORM_REACH = 120          # lines after the form's first label that still belong to the form
COLUMN_LABELS = 5         # bare labels in a row that make the form a column of labels
_FOOTER_RE = re.compile(r"\bDoc\s?[IiLl1|]{1,2}d\s*[:;.]?\s*\d{6,}", re.IGNORECASE)


_FIELD_RES = tuple((re.compile(p, re.IGNORECASE), name) for p, name in FIELDS)


def _name_of(label: str) -> str:
    return next(name for rx, name in _FIELD_RES if rx.fullmatch(label))


def _find_form_lines(t: Transcript) -> list[Line]:
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
        if lines[j].kind == "page" or _FOOTER_RE.search(t.line_text(lines[j])):
            break
        if lines[j].kind == "text" and _LABEL_RE.match(t.line_text(lines[j])):
            first = j
    out: list[Line] = []
    after_comments = None
    run = longest = 0                    # bare labels one a line in a row: a column of labels
    for ln in lines[first:first + FORM_REACH]:
        if ln.kind in ("page", "rule") and out:
            break
        if ln.kind != "text":
            continue
        text = t.line_text(ln)
        if _FOOTER_RE.search(text) and out:
            break                          # "NW 50953 DocId:32303665 Page 1": the form's page ends
        label = _LABEL_RE.match(text)
        title = out and (pm := _LABEL_RE.match(t.line_text(out[-1]))) and _EMPTY_RE.match(pm["value"])
        if label is None and _NEXT_GENRE_RE.search(text) and out and not title:
            break                          # the record itself begins (no page break printed)
        run = run + 1 if label is not None and not label["value"] else 0
        longest = max(longest, run)
        if label is not None and _name_of(label["label"]) == "comments":
            # after a column of bare labels the column of values follows: read to the footer
            after_comments = None if longest >= COLUMN_LABELS else 0
        elif after_comments is not None:
            after_comments += 1
            if after_comments > 6:
                break
        out.append(ln)
    return out


# The form's lines are asked for by seven extractors of each document (the header, the cable's
# fields, the signatures ... leave them out): found once (kg.extracting.kept).
_form_lines = for_last_transcript(_find_form_lines)


def _is_label(t: Transcript, ln: Line) -> bool:
    text = t.line_text(ln)
    return bool(_LABEL_RE.match(text)) and not _HEADING_RE.match(text)


def _fields(t: Transcript) -> list[FormField]:
    lines = [ln for ln in _form_lines(t) if t.line_text(ln).strip()]
    out: list[FormField] = []
    bare: list[tuple[str, Span, int]] = []     # labels printed without a value, and their line
    for i, ln in enumerate(lines):
        text = t.line_text(ln)
        m = _LABEL_RE.match(text)
        if not m or _HEADING_RE.match(text):
            continue
        name = _name_of(m["label"])
        label_span = t.span(ln.start + m.start("label"), ln.start + m.end("label"))
        value, vstart, vline = m["value"], m.start("value"), ln
        if not m["sep"] and value and (len(m["label"].split()) < 2 or name in ("to", "from", "date")):
            # "FROM Elisabethville" without a colon is a field only inside the form's block
            # of labels, between two of them; alone it is a cable's routing line
            block = all(0 <= j < len(lines) and _is_label(t, lines[j]) for j in (i - 1, i + 1))
            if not block or (name == "date" and not NUMERIC_DATE_RE.match(value)):
                continue
        prev_bare = i > 0 and (pm := _LABEL_RE.match(t.line_text(lines[i - 1]))) and not pm["value"]
        if not value and i + 1 < len(lines) and not prev_bare:
            # "RECORD NUMBER" / ": 179-20004-10021"; not inside a column of bare labels,
            # where the colon line may belong to any of them
            nxt = lines[i + 1]
            cm = _COLON_VALUE_RE.match(t.line_text(nxt))
            if cm and not _LABEL_RE.match(t.line_text(nxt)[cm.start("value"):]):
                value, vstart, vline = cm["value"], cm.start("value"), nxt
            elif name == "date" and (dm := _LONE_DATE_RE.match(t.line_text(nxt))) and _pages_label(t, lines, i + 2):
                value, vstart, vline = dm["date"], dm.start("date"), nxt
        if not value or _EMPTY_RE.match(value) or _LABEL_RE.match(value):
            if not value:
                bare.append((name, label_span, i))
            continue
        span = t.span(vline.start + vstart, vline.start + vstart + len(value))
        out.append(FormField(evidence=(span,), extractor=NAME, name=name,
                             value=" ".join(span.exact.split()), label_span=label_span))
    return out + _column_fields(t, lines, bare, {f.name for f in out})


def _pages_label(t: Transcript, lines: list[Line], i: int) -> bool:
    m = _LABEL_RE.match(t.line_text(lines[i])) if i < len(lines) else None
    return m is not None and _name_of(m["label"]) == "pages"


def _field(t: Transcript, ln: Line, name: str, label: Span) -> FormField:
    text = t.line_text(ln)
    m = re.search(r"[\w\[(].*[\w.\])]", text)          # the value without the table's rules
    span = t.span(ln.start + m.start(), ln.start + m.end()) if m else t.span(ln.start, ln.end)
    return FormField(evidence=(span,), extractor=NAME, name=name, value=" ".join(span.exact.split()),
                     label_span=label)


def _column_fields(t: Transcript, lines: list[Line], bare: list[tuple[str, Span, int]],
                   paired: set[str]) -> list[FormField]:
    """The values of a column printed apart from its column of bare labels, where the layout
    says which is whose (see the module's docstring)."""
    labels = {name: (span, i) for name, span, i in reversed(bare) if name not in paired}
    if "date" not in labels or "pages" not in labels:
        return []
    values = [ln for ln in lines if not _LABEL_RE.match(t.line_text(ln)) and not _EMPTY_RE.match(t.line_text(ln))]
    texts = [t.line_text(ln) for ln in values]
    numbered = next((i for i, x in enumerate(texts) if _RECORD_NUMBER_RE.search(x)), None)
    heading = next((i for i, x in enumerate(texts) if _DOC_INFO_RE.match(x)), None)
    after = max((i for i in (numbered, heading) if i is not None), default=None)
    if after is None:
        return []          # nothing sets the record's values apart from the form's print date
    anchor = next((i for i in range(after + 1, len(values) - 1)
                   if _LONE_DATE_RE.match(texts[i]) and _LONE_COUNT_RE.match(texts[i + 1])), None)
    if anchor is None:
        return []
    out = [_field(t, values[anchor], "date", labels["date"][0]),
           _field(t, values[anchor + 1], "pages", labels["pages"][0])]
    # the ORIGINATOR, FROM, TO and TITLE labels stand one a line above DATE; a line the OCR
    # made unreadable among them ("FRO!") leaves no telling whose value is whose
    run: list[str] = []
    j = labels["date"][1] - 1
    while j >= 0 and (name := _column_label(t.line_text(lines[j]))) is not None:
        run.insert(0, name)
        if name not in labels and name not in paired:       # "FRO!": FROM misread, bare
            labels[name] = (t.span(lines[j].start, lines[j].end), j)
        j -= 1
    if not run or (run[0] != "originator" and not (j >= 0 and (_LABEL_RE.match(t.line_text(lines[j]))
                                                            or _HEADING_RE.match(t.line_text(lines[j]))))):
        return out
    wanted = [name for name in run if name in labels]
    # their values stand above the date, after the last heading and the agency's file numbers
    first = max([after] + [i for i in range(anchor) if _HEADING_RE.match(texts[i])]) + 1
    column = list(range(first, anchor))
    while column and _FILE_NUMBER_RE.search(texts[column[0]]):
        column.pop(0)
    if len(column) == len(wanted) - 1 and wanted and wanted[-1] == "title":
        wanted = wanted[:-1]              # the TITLE left empty, as on most of the FBI's forms
    if len(column) != len(wanted):
        return out
    pairs = list(zip(column, wanted))
    if not all(_correspondent(texts[i]) for i, name in pairs if name in ("from", "to")) or not all(
            _AGENCY_CODE_RE.match(texts[i].strip()) for i, name in pairs if name == "originator"):
        return out                        # a value wrapped over two lines, or one left empty
    return out + [_field(t, values[i], name, labels[name][0]) for i, name in pairs]


def _column_label(text: str) -> str | None:
    """The ORIGINATOR, FROM, TO or TITLE label of a column of labels, as printed or one edit
    from it as the OCR misread it alone on its line ("FRO!" for "FROM:")."""
    m = _LABEL_RE.match(text)
    if m is not None:
        name = _name_of(m["label"])
        return name if name in _COLUMN_FIELDS else None
    letters = re.sub(r"[^A-Za-z]", "", text).upper()
    if not 2 <= len(letters) <= 10 or len(text.strip()) > 12:
        return None
    near = [name for name in _COLUMN_FIELDS if Levenshtein.distance(letters, name.upper()) <= 1]
    return near[0] if len(near) == 1 else None


def _correspondent(text: str) -> bool:
    return bool(_CORRESPONDENT_RE.match(text.strip())) and len(text.split()) <= CORRESPONDENT_WORDS


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
    return _date_above_pages(t)


def _date_above_pages(t: Transcript) -> tuple[date, Span] | None:
    """The DATE box's value when no label holds it: after the record number or the DOCUMENT
    INFORMATION heading (so never the form's own print date), the lone date right above the
    PAGES label (the two boxes stand together on every form), else the one lone date of the
    records' years."""
    lines = [ln for ln in _form_lines(t) if t.line_text(ln).strip()]
    texts = [t.line_text(ln) for ln in lines]
    start = next((i for i, x in enumerate(texts) if _RECORD_NUMBER_RE.search(x) or _DOC_INFO_RE.match(x)), None)
    if start is None:
        return None
    lone = []
    for i in range(start + 1, len(lines)):
        m = _LONE_DATE_RE.match(texts[i])
        numeric = NUMERIC_DATE_RE.search(m["date"]) if m else None    # none in '3/25/201'
        d = parse_numeric_date(numeric) if numeric else None
        if d is None:
            continue
        span = t.span(lines[i].start + m.start("date"), lines[i].start + m.end("date"))
        if 1900 < d.year < 2000 and _pages_label(t, lines, i + 1):
            return d, span
        lone.append((d, span))
    # the DATE box's value among the columns: the one lone date of the records' years (the
    # review's dates are 1992 and later, a placeholder's 1900)
    records = [(d, s) for d, s in lone if 1940 <= d.year < REVIEW_YEARS]
    return records[0] if len(records) == 1 else None


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
