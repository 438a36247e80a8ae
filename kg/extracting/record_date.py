"""The date of a record printed on noisy OCR: where the genre puts it and how it prints it.

Not an extractor: the header extractor asks `record_date()` when the typed header gave no
date.  Conventions read (the CIA's, the military's and the FBI's forms of the 1950s-1970s):
- a labelled date: "DATE: 29 January 1964", "Date: 10/27/59", "DATE DISTR 11 August 1964"
  (never "DATE OF INFO", the date of the information, nor the form's or a stamp's dates);
- a dateline alone on its line, day-month-year as the CIA and the military type it ("2 June
  1978", "10 Feb 77", "14 DECEMBER 66", "28 Nov 63") or month-day-year ("May 11, 1978");
- the day of a cable's date-time group with the month and year printed beside it
  ("272358Z NOV 63", "R 150915Z JUN 77");
- a day, month and year inside a line of the message's header ("CLASSIFIED MESSAGE 29 OCT 61");
- a month and year alone ("June 1964", "JUN 77"): the month, at month precision.
Two-digit years are 19xx.  A date must fall between 1940 and 1999: the records' years, not
a release stamp's.  The first such date of the record's first page wins, labelled dates
before datelines before date-time groups.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.extracting.dates import NUMERIC_DATE_RE, month_number, parse_numeric_date, safe_date
from kg.reading.transcript import Line, Transcript
from kg.records import Span

_MONTH = (r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|"
          r"SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)")
_YEAR = r"(?:19)?\d\d"
DMY_RE = re.compile(rf"\b(?P<d>[0-3]?\d)\s*(?P<m>{_MONTH})\b\.?,?\s*(?P<y>19\d\d|\d\d)\b", re.IGNORECASE)
MDY_RE = re.compile(rf"\b(?P<m>{_MONTH})\b\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>19\d\d)\b", re.IGNORECASE)
MONTH_YEAR_RE = re.compile(rf"^\W{{0,3}}(?P<m>{_MONTH})\b\.?,?\s+(?P<y>19\d\d|\d\d)\W{{0,3}}$", re.IGNORECASE)
# the zulu suffix is often read as a "2" ("TOR: 0417392 OCT 77")
DTG_RE = re.compile(rf"\b(?P<d>[0-3]\d)[0-2]\d[0-5]\d[Z2]\s*(?P<m>{_MONTH})\b\.?\s*(?P<y>{_YEAR})\b", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?:^|\W)(?:DATE|Date|DATED|Dated|DATE\s+DISTR|Date\s+Distr)\s*[:.;]?\s*(?!OF\b|of\b)",)
_NOT_RECORD_DATE_RE = re.compile(
    r"DATE\s+OF\s+(?:INFO|REVIEW|LAST|BIRTH)|\bDOI\b|\bDOB\b|BORN|REVIEW|RELEASE|DECLASS|ACT\s+OF\s+1992|"
    r"\bSTATUS\b|Case\s*#|NARA|E\.?\s?O\.?\s*1[23]\d{3}|\bBY\s+[A-Z0-9]{2,}/", re.IGNORECASE)
FIRST_PAGE_LINES = 45        # text lines (after the identification form) that may hold the date
MAX_DATELINE_WORDS = 6
HEADER_LINES = 20            # a date inside a longer line counts only in the message's header


@dataclass(frozen=True)
class RecordDate:
    value: date
    span: Span
    month_only: bool = False


def _year(text: str) -> int:
    y = int(text)
    return 1900 + y if y < 100 else y


def _make(t: Transcript, ln: Line, m: re.Match, day: bool = True) -> RecordDate | None:
    month = month_number(m["m"]) if not m["m"].isdigit() else int(m["m"])
    year = _year(m["y"])
    if not month or not 1940 <= year <= 1999:
        return None
    value = safe_date(year, month, int(m["d"]) if day else 1)
    if value is None:
        return None
    return RecordDate(value, t.span(ln.start + m.start(), ln.start + m.end()), month_only=not day)


def _numeric(t: Transcript, ln: Line, m: re.Match) -> RecordDate | None:
    d = parse_numeric_date(m)
    if d is None or not 1940 <= d.year <= 1999:
        return None
    return RecordDate(d, t.span(ln.start + m.start(), ln.start + m.end()))


def record_date(t: Transcript, lines: list[Line]) -> RecordDate | None:
    """The record's date from its first page (``lines``: its text lines, form excluded)."""
    head = [ln for ln in lines if ln.kind == "text"][:FIRST_PAGE_LINES]
    labelled = datelines = dtgs = months = inline = None
    for i, ln in enumerate(head):
        text = t.line_text(ln)
        if _NOT_RECORD_DATE_RE.search(text):
            continue
        if labelled is None and (lm := _LABEL_RE.search(text)):
            rest = text[lm.end():]
            for rx in (DMY_RE, MDY_RE):
                m = rx.match(rest) or rx.search(rest[:30])
                if m and (hit := _make(t, ln, _shift(m, lm.end()))):
                    labelled = hit
                    break
            if labelled is None and (m := NUMERIC_DATE_RE.search(rest[:24])):
                labelled = _numeric(t, ln, _shift(m, lm.end()))
        if datelines is None and len(text.split()) <= MAX_DATELINE_WORDS:
            for rx in (DMY_RE, MDY_RE):
                m = rx.search(text)
                if m and (hit := _make(t, ln, m)):
                    datelines = hit
                    break
        if dtgs is None and (m := DTG_RE.search(text)):
            dtgs = _make(t, ln, m)
        if months is None and (m := MONTH_YEAR_RE.match(text)):
            months = _make(t, ln, m, day=False)
        if inline is None and i < HEADER_LINES:
            for rx in (DMY_RE, MDY_RE):
                m = rx.search(text)
                if m and (hit := _make(t, ln, m)):
                    inline = hit
                    break
    return labelled or datelines or dtgs or inline or months


class _Shifted:
    """A match seen through an offset (the label's end), so spans stay line-relative."""

    def __init__(self, m: re.Match, by: int):
        self._m, self._by = m, by

    def __getitem__(self, key):
        return self._m[key]

    def group(self, *a):
        return self._m.group(*a)

    def start(self, *a):
        return self._m.start(*a) + self._by

    def end(self, *a):
        return self._m.end(*a) + self._by


def _shift(m: re.Match, by: int):
    return _Shifted(m, by)
