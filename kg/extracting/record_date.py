"""The date of a record printed on noisy OCR: where each genre puts it and how it prints it.

Not an extractor: the header extractor asks `record_date()` when the typed header gave no
date.  Every date of the record's first page is a `RecordDate` of a kind, the place the
genre prints it:

- ``message``: the date-time group of a cable on its message line, after the classification
  or before the precedence ("SECRET 270008Z JAN 78 STAFF"; the zulu suffix is often read as a
  "2": "SEC RE T 2700082 JAN 78");
- ``labelled``: a DATE field at the head of a line ("DATE: 29 January 1964", "Date: 10/27/59",
  "DATE DISTR 11 August 1964"; never "DATE OF INFO", the date of the information);
- ``in_number``: an incoming cable's IN number line, the date the message centre logged it
  and its IN number ("8 MaY 67 IN 6 1 895", the digits spaced by the OCR);
- ``dispatch``: the dispatch form's "DISPATCH SYMBOL AND NUMBER / DATE" box, the symbol and
  number followed by the date ("HMMA 22550 2 December 1963");
- ``dateline``: a date alone on a short line, day-month-year as the CIA and the military type
  it ("2 June 1978", "10 Feb 77", "14 DECEMBER 66"), month-day-year ("May 11, 1978") or in
  figures, month first ("REPORT OF INTERVIEW 6/12/55");
- ``dtg``: any other date-time group with its month and year (the signal centre's time of
  receipt, "TOR: 0417392 OCT 77"), also stacked one part a line as the OCR reads the later
  cable form's columns ("TOT :" / "311638Z" / "AUG" / "95", "TOT: 272220Z" / "SEP" / "96");
- ``inline``: a day, month and year inside a line of the message's header;
- ``month``: a month and year alone ("June 1964", "JUN 77"), or after a day the OCR made
  unreadable ("415 oct 1954", "te nov 60"; not after a word: "in May 1960"), at month
  precision; so is a DATE field whose day was lost ("DATE 412 MAY 61", "DATE: MAY 77");
- ``memo``: on a later page (a cover or routing sheet first), a date alone on the line above
  the memorandum's heading ("12 June 1978" over "MEMORANDUM FOR: Mr. Shepanek");
- ``boxed``: on a later page, a form's DATE box printed as the label alone on its line and the
  date alone on the next (the dispatch form's foot: "DATE" / "9 February 1972");
- ``continuation``: a letter's continuation header, the addressee, the date and "Page 2";
- ``weekday``: a transcript's or a diary's date with its day of the week ("Wednesday,
  September 17, 1975" under "STAFF INTERVIEW").

The document's own date wins over the dates it cites: a date after "dated", "of", "REF",
in a REF line or in a sentence of the text ("On 17 March 1961 ...") is the date of another
paper or of an event, not a candidate.  So are the dates of stamps (review, release,
declassification).  Month names are read through the OCR's misreadings by edit distance
(`kg.extracting.dates.ocr_month`: "14 Hay 1955", "3 Hovenber 1953").  Two-digit years are 19xx;
a date must fall between 1940 and 1999 (the records' years, not a release stamp's).

`record_date()` chooses by the genre's priority: a cable's message date-time group first,
then labelled dates, the dispatch box, datelines, other date-time groups, dates inside the
header, a month alone, then the two places of later pages; within a kind, the first.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from kg.extracting.dates import NUMERIC_DATE_RE, ocr_month, parse_numeric_date, safe_date, typed_month
from kg.lexicon.words import is_word
from kg.reading.transcript import Line, Transcript
from kg.records import Span

_YEAR = r"(?:19\d\d|'?\d\d)"
_WORD = r"[A-Za-z]{3,9}"
# day month year, the month any word the OCR may have made of it (validated by ocr_month)
DMY_RE = re.compile(rf"(?<![\w/])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?[ \t]*[-.]?[ \t]*(?P<m>{_WORD})\b\.?,?[ \t]*"
                    rf"(?P<y>{_YEAR})(?![\w/])")
MDY_RE = re.compile(rf"(?<![\w/])(?P<m>{_WORD})\.?[ \t]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?[ \t]+(?P<y>19\d\d)(?![\w/])")
MONTH_WORD_YEAR_RE = re.compile(rf"(?<![\w/])(?P<m>{_WORD})\b\.?,?[ \t]+(?P<y>19\d\d|'?\d\d)(?![\w/])")
# a month and year alone on a line, or after a day the OCR made unreadable ("415 oct 1954",
# "te nov 60": a stray mark joined to the day, the day misread as letters)
MONTH_YEAR_RE = re.compile(rf"^\W{{0,3}}(?:(?P<lost>[^\s]{{1,3}})[ \t]+)?(?P<m>{_WORD})\b\.?,?[ \t]+"
                           rf"(?P<y>19\d\d|\d\d)\W{{0,3}}$")
# day, hour, minute, zulu (often read as a "2" or a "7"), then month and year
DTG_RE = re.compile(rf"(?<!\d)(?P<d>[0-3]\d)[0-2]\d[0-5]\d[Z27][ \t]*(?P<m>{_WORD})\b\.?[ \t]*(?P<y>{_YEAR})(?![\w/])")
# what stands on a cable's message line beside its date-time group
_MESSAGE_LINE_RE = re.compile(
    r"S\s?E\s?C\s?R\s?E\s?T|SEC\s?RE|ECRET|CONFIDENTIAL|UNCLASSIFIED|\bSTAFF\b|\bCITE\b|\bPRIORITY\b|\bIMMEDIATE\b"
    r"|\bROUTINE\b|\bFLASH\b", re.IGNORECASE)
_STACKED_DTG_RES = (re.compile(r"^\W{0,3}(?:TO[RT]\s*[:;]?\s*)?[0-3]\d[0-2]\d[0-5]\dZ\W{0,3}$"),
                    re.compile(rf"^\W{{0,3}}{_WORD}\W{{0,3}}$"), re.compile(r"^\W{0,3}\d\d\W{0,3}$"))
_IN_NUMBER_RE = re.compile(r"^\W{0,3}(?P<date>[0-3]?\d[ \t]*[A-Za-z]{3,9}\.?[ \t]*'?\d\d)[ \t]+I[NH][ \t]*\d[\d \t]{3,}\d\W{0,3}$")
_RECEIPT_RE = re.compile(r"\b(?:TOR|TOT|RCVD|RECEIVED|FILED)\b", re.IGNORECASE)
# "DATE:" anywhere on the line (a form's boxes stand side by side), "DATED:" only at its head
# ("a letter dated 23 AUG 62" cites another paper); "pate:", "Oate:" (a letter misread) with
# their colon
_LABEL_RE = re.compile(r"(?:^[^\w\n]{0,3}(?:DATED|Dated|Sent[ \t]+on)|(?<![A-Za-z])(?:[DO0]ATE|Date)(?:[ \t]+\w{0,2}(?:DISTR|Distr|STR)\b)?"
                       r"|(?<![A-Za-z])[A-Za-z]ate(?=[ \t]*:))"
                       r"(?![A-Za-z])(?![ \t]*(?:OF|of)\b)[ \t]*[:.;,_%-]?[ \t]*")
# the dispatch box: a dispatch symbol and number, then its date
_DISPATCH_RE = re.compile(r"\b[A-Z]{3,5}[ \t]*[-~—–]?[ \t]*\d{3,6}\b[ \t,]*(?=[0-3]?\d[ \t]*[A-Za-z]{3,9}\b)")
# words before a date that make it the date of another paper or of an event
_CITED_RE = re.compile(r"(?:\b(?:dated|dtd|of|on|since|until|from|to|REF|REFS|Ref|Refs|reference|"
                       r"letter|memo|memorandum|report|cable|dispatch|by|before|after|between|and|through)"
                       r"|[(])\W{0,3}$", re.IGNORECASE)
# words before a month and year that make them a period ("in May 1960", "END JAN 65")
_PERIOD_RE = re.compile(r"in|at|end|mid|early|late|during", re.IGNORECASE)
_REF_LINE_RE = re.compile(r"^\W{0,3}(?:REFS?|Refs?|REFERENCES?|References?)\b")
_NOT_RECORD_DATE_RE = re.compile(
    r"DATE\s+(?:OF\s+(?:INFO|REVIEW|LAST|BIRTH)|ACQ)|\bDOI\b|\bDOB\b|BORN|REVIEW|RELEASE|DECLASS|ACT\s+OF\s+1992|"
    r"\bSTATUS\b|Case\s*#|NARA|E\.?\s?O\.?\s*1[23]\d{3}|\bBY\s+[A-Z0-9]{2,}/", re.IGNORECASE)
_BARE_DATE_LABEL_RE = re.compile(r"^\W{0,3}DATE\W{0,3}$")
_HEADING_RE = re.compile(r"^\W{0,3}(?P<w>[A-Za-z]{7,12})[ \t]+(?:FOR|For)\b")
_WEEKDAY_RE = re.compile(r"^\W{0,3}(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_PRINTED_PAGE_RE = re.compile(r"^\W{0,3}(?:\w{1,4}\s+)?P?AGE\s*[:;.]?\s*\d{1,3}\W{0,3}$", re.IGNORECASE)
REVIEW_YEARS = 1992          # unlabelled dates in figures from then on are the reviewers' stamps
FIRST_PAGE_LINES = 45        # text lines (after the identification form) that may hold the date
MAX_DATELINE_WORDS = 6
HEADER_LINES = 20            # a date inside a longer line counts only in the message's header
# the genre's places, most trusted first; within a tier the first on the page
DISTR_SIMILARITY = 70       # rapidfuzz ratio of a misread "DATE DISTR" label
_OTHER_DATE_LABELS = ("DATE ACQ", "DATE OF INFO")
LATER_LINES = 300            # text lines searched for a later page's memorandum or form date
MEMO_SIMILARITY = 60         # rapidfuzz ratio of a misread "MEMORANDUM" ("NENIORANDUM FOR")
PRIORITY = (("message",), ("labelled", "in_number", "dispatch", "dateline"), ("dtg",), ("inline",), ("month",),
            ("memo",), ("boxed",), ("continuation",), ("weekday",))


@dataclass(frozen=True)
class RecordDate:
    value: date
    span: Span
    month_only: bool = False
    kind: str = "dateline"
    line: int = 0                # index of its line among the first page's text lines
    col: int = 0                 # where it starts in its line


def _year(text: str) -> int:
    y = int(text.lstrip("'"))
    return 1900 + y if y < 100 else y


def _month(token: str, year: str) -> int | None:
    """The month of a printed token; a misread three-letter token that is an English word
    ("say", "act") is a month only before a four-digit year."""
    typed = typed_month(token)
    if typed or (len(token) <= 3 and is_word(token) and len(year.lstrip("'")) < 4):
        return typed
    return ocr_month(token)


def _matches(rx: re.Pattern, text: str):
    """Every match of ``rx`` in ``text``, overlapping ones too ("5 the 14 Dec 63")."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _dates(t: Transcript, ln: Line, text: str, rx: re.Pattern, kind: str, index: int,
           from_: int = 0, day: bool = True) -> list[RecordDate]:
    out = []
    for m in _matches(rx, text[from_:]):
        s, e = m.start() + from_, m.end() + from_
        month = _month(m["m"], m["y"])
        year = _year(m["y"])
        if not month or not 1940 <= year <= 1999:
            continue
        value = safe_date(year, month, int(m["d"]) if day else 1)
        if value is not None:
            out.append(RecordDate(value, t.span(ln.start + s, ln.start + e), month_only=not day,
                                  kind=kind, line=index, col=s))
    return out


def _numeric_dates(t: Transcript, ln: Line, text: str, index: int) -> list[RecordDate]:
    """US month/day/year dates ("6/12/55", "10-1-59") of the records' years; one in figures
    from the review's years (the JFK Act of 1992 on) unlabelled is a processing stamp's."""
    out = []
    for m in NUMERIC_DATE_RE.finditer(text):
        value = parse_numeric_date(m)
        if value is not None and 1940 <= value.year < REVIEW_YEARS:
            out.append(RecordDate(value, t.span(ln.start + m.start(), ln.start + m.end()), kind="inline",
                                  line=index, col=m.start()))
    return out


def _distribution_label(before: str) -> bool:
    """An information report's "DATE DISTR" box as the OCR misread it ("OATE OxsTR,", "ate
    piste, «"): nearer by edit distance to that label than to "DATE ACQ" or "DATE OF INFO"."""
    label = " ".join(re.findall(r"[A-Za-z]+", before)[-2:]).upper()
    if len(label) < 6:
        return False
    score = fuzz.ratio("DATE DISTR", label)
    return score >= DISTR_SIMILARITY and score > max(fuzz.ratio(o, label) for o in _OTHER_DATE_LABELS)


def _cited(text: str, start: int) -> bool:
    return bool(_CITED_RE.search(text[:start]))


def cited(text: str, start: int) -> bool:
    """Whether the date at ``start`` of a line is one the record cites: in a REF line, or after
    "dated", "On", "of" ... ("1. On 17 March 1961, ...", "REFERENCE: Memo to DCI, dated 11 April 1963").
    A date in brackets alone is not enough: a summary sheet heads the cable it describes with its
    number and date ("HELS 2556 (13 June 1964)")."""
    m = _CITED_RE.search(text[:start])
    return bool(_REF_LINE_RE.match(text)) or (m is not None and "(" not in m.group())


def candidates(t: Transcript, lines: list[Line]) -> list[RecordDate]:
    """Every date of the record's first page (``lines``: its lines, form excluded), by kind."""
    texts = [ln for ln in lines if ln.kind in ("text", "banner")]
    head = texts[:FIRST_PAGE_LINES]
    out: list[RecordDate] = _later_dates(t, texts[:LATER_LINES])
    for i, ln in enumerate(head):
        text = t.line_text(ln)
        if _NOT_RECORD_DATE_RE.search(text):
            continue                         # a stamp's date
        if i + 1 < len(head) and _PRINTED_PAGE_RE.match(t.line_text(head[i + 1])) and _LABEL_RE.search(text):
            continue                         # a printout's "Date: 10/07/93" above its "Page: 1"
        words = len(text.split())
        out.extend(_stacked_dtg(t, head, i))
        for d in _dates(t, ln, text, DTG_RE, "dtg", i):
            before = text[:d.col]
            receipt = _RECEIPT_RE.search(before)
            message = _MESSAGE_LINE_RE.search(text) and not receipt
            out.append(d if not message else dataclasses.replace(d, kind="message"))
        if ln.kind != "text" or _REF_LINE_RE.match(text):
            continue
        if (im := _IN_NUMBER_RE.match(text)) is not None:
            out.extend(_dates(t, ln, text[:im.end("date")], DMY_RE, "in_number", i)[:1])
        if (lm := _LABEL_RE.search(text)) is not None:
            rest = lm.end()
            hits = _dates(t, ln, text, DMY_RE, "labelled", i, rest) + _dates(t, ln, text, MDY_RE, "labelled", i, rest)
            hits = [d for d in hits if d.col - rest <= 30]
            if not hits and (m := NUMERIC_DATE_RE.search(text[rest:rest + 24])):
                value = parse_numeric_date(m)
                if value is not None and 1940 <= value.year <= 1999:
                    hits = [RecordDate(value, t.span(ln.start + rest + m.start(), ln.start + rest + m.end()),
                                       kind="labelled", line=i, col=rest + m.start())]
            if not hits:                     # "DATE_% December 1963": the month, the day lost
                hits = [d for d in _dates(t, ln, text, MONTH_WORD_YEAR_RE, "labelled", i, rest, day=False)
                        if d.col - rest <= 12]
            out.extend(sorted(hits, key=lambda d: d.span.start)[:1])
        if (dm := _DISPATCH_RE.search(text)) is not None:
            out.extend(_dates(t, ln, text, DMY_RE, "dispatch", i, dm.end())[:1])
        dated = [d for rx in (DMY_RE, MDY_RE) for d in _dates(t, ln, text, rx, "inline", i)
                 if not _cited(text, d.col)] + [d for d in _numeric_dates(t, ln, text, i) if not _cited(text, d.col)]
        for d in sorted(dated, key=lambda d: d.span.start):
            if _distribution_label(text[:d.col]):
                out.append(dataclasses.replace(d, kind="labelled"))
            elif words <= MAX_DATELINE_WORDS:
                out.append(dataclasses.replace(d, kind="dateline"))
            elif i < HEADER_LINES:
                out.append(d)
        out.extend(d for d in _dates(t, ln, text, MONTH_YEAR_RE, "month", i, day=False)
                   if not _word_before_month(MONTH_YEAR_RE.match(text)))
    return out


def _word_before_month(m: re.Match | None) -> bool:
    """ "in May 1960", "by JUN 77", "END JAN 65" alone on a line: a sentence the OCR broke or a
    period, not a date with its day lost (a day misread is figures with a stray mark, or a
    letter or two: "415", "te")."""
    lost = m["lost"] if m else None
    return bool(lost) and lost.isalpha() and (len(lost) > 2 or bool(_CITED_RE.fullmatch(lost))
                                              or bool(_PERIOD_RE.fullmatch(lost)))


def _memorandum_heading(text: str) -> bool:
    """ "MEMORANDUM FOR THE RECORD", "MEMORANDUM FOR: DDP/CI", as the OCR may misread the word."""
    m = _HEADING_RE.match(text)
    return m is not None and fuzz.ratio("MEMORANDUM", m["w"].upper()) >= MEMO_SIMILARITY


def _stacked_dtg(t: Transcript, head: list[Line], i: int) -> list[RecordDate]:
    """A date-time group whose group, month and year stand one a line (see ``dtg``)."""
    parts = head[i:i + 3]
    if len(parts) < 3 or not all(rx.match(t.line_text(ln)) for rx, ln in zip(_STACKED_DTG_RES, parts)):
        return []
    start, end = parts[0].start + re.search(r"\d", t.line_text(parts[0])).start(), parts[2].end
    text = " ".join(t.line_text(ln).strip() for ln in parts)
    m = DTG_RE.search(text)
    month = _month(m["m"], m["y"]) if m else None
    value = safe_date(_year(m["y"]), month, int(m["d"])) if month else None
    if value is None or not 1940 <= value.year <= 1999:
        return []
    return [RecordDate(value, t.span(start, end), kind="dtg", line=i, col=0)]


def _later_dates(t: Transcript, texts: list[Line]) -> list[RecordDate]:
    """A later page's date where the genre fixes it: the line above a memorandum's heading, the
    line below a DATE box's bare label, the line above a continuation page's number, a date with
    its weekday; a date alone on its line, not cited, not a stamp's."""
    out = []
    for i in range(FIRST_PAGE_LINES, len(texts)):
        ln, text = texts[i], t.line_text(texts[i])
        if len(text.split()) > MAX_DATELINE_WORDS or _NOT_RECORD_DATE_RE.search(text):
            continue
        if i + 1 < len(texts) and _memorandum_heading(t.line_text(texts[i + 1])):
            kind = "memo"
        elif _BARE_DATE_LABEL_RE.match(t.line_text(texts[i - 1])):
            kind = "boxed"
        elif i + 1 < len(texts) and _PRINTED_PAGE_RE.match(t.line_text(texts[i + 1])):
            kind = "continuation"
        elif _WEEKDAY_RE.match(text):
            kind = "weekday"
        else:
            continue
        hits = [d for rx in (DMY_RE, MDY_RE) for d in _dates(t, ln, text, rx, kind, i) if not _cited(text, d.col)]
        out.extend(sorted(hits, key=lambda d: d.col)[:1])
    return out


def record_date(t: Transcript, lines: list[Line]) -> RecordDate | None:
    """The record's date from its first page, the genre's most trusted place first."""
    found = candidates(t, lines)
    for tier in PRIORITY:
        of_kind = [d for d in found if d.kind in tier]
        if of_kind:
            return min(of_kind, key=lambda d: (d.line, d.span.start))
    return None
