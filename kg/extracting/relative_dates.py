"""When an earlier act took place, as a memorandum or telegram says it: relative to its own date.

Not an extractor: shared reading of the time expressions that date a document or occasion
cited ("the President's October 27 letter", "his previous visit to Moscow in 1945", "two days
ago", "three months ago through Ambassador Thompson", "the past two days' discussions",
"Earlier this year").  Each is resolved against the citing document's date, as precisely as
the words allow: a day ("yesterday", "on December 7"), a month ("last week", "the July
meeting", "three months ago", "the past two days"), or a year ("in 1946", "last year", "a year
ago").  A day or month printed without a year is the latest such day or month not after the
document's date.  An expression it cannot place gives nothing; it never guesses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extracting.dates import month_number

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December)")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "several": 0, "few": 0, "some": 0}
_NUMBER = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DAYS = {"yesterday": -1, "last night": -1, "the day before yesterday": -2, "today": 0,
         "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
         "earlier today": 0}

# Most specific first: the first pattern that matches at a place wins there.
_PATTERNS = (
    ("days", re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}(?:\s*(?:,|and|,\s*and)\s*\d{{1,2}})*)"
                        rf"(?:,?\s+(?P<y>1[89]\d\d))?(?![\d:])")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\s*,?\s+(?P<y>1[89]\d\d)\b")),
    ("ago", re.compile(rf"\b(?:just\s+|about\s+|some\s+)?(?P<n>{_NUMBER})\s+(?P<unit>day|days|week|weeks|"
                       rf"month|months|year|years)\s+ago\b", re.IGNORECASE)),
    ("relative_day", re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|last\s+night|"
                                r"earlier\s+today|this\s+(?:morning|afternoon|evening)|tonight|"
                                r"today)\b", re.IGNORECASE)),
    ("last", re.compile(r"\b(?:last|past)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)),
    ("this", re.compile(r"\b(?:earlier\s+)?this\s+(?P<unit>week|month|year)\b", re.IGNORECASE)),
    ("past_days", re.compile(r"\b(?:the\s+)?(?:past|last)\s+(?:(?:two|three|few|several|\d)\s+"
                             r"(?:or\s+(?:two|three|four)\s+)?days|(?:24|48|72)\s+hours)\b",
                             re.IGNORECASE)),
    ("month", re.compile(rf"\b(?:in\s+|of\s+|since\s+|the\s+)(?P<m>{MONTH})(?!\s+\d)\b")),
    ("year", re.compile(r"(?<![\d–-])\b(?P<y>19[0-9]\d)\b(?![\d–-])")),
)


@dataclass(frozen=True)
class When:
    """A time expression found in a text, resolved (``iso`` is YYYY, YYYY-MM or YYYY-MM-DD)."""

    start: int                  # offsets in the text searched
    end: int
    printed: str
    iso: tuple[str, ...]        # one per day printed ("October 23 and 25" -> two)


def _latest_day(month: int, day: int, year: int | None, doc: date | None) -> str | None:
    if year is not None:
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if doc is None:
        return None
    try:
        d = date(doc.year, month, day)
        if d > doc:
            d = date(doc.year - 1, month, day)
    except ValueError:
        return None
    return d.isoformat()


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _months_before(doc: date, n: int) -> str:
    y, m = divmod(doc.year * 12 + doc.month - 1 - n, 12)
    return f"{y:04d}-{m + 1:02d}"


def _resolve(kind: str, m: re.Match, doc: date | None) -> tuple[str, ...]:
    if kind == "days":
        month = month_number(m.group("m"))
        year = int(m.group("y")) if m.group("y") else None
        days = [_latest_day(month, int(d), year, doc) for d in re.findall(r"\d{1,2}", m.group("d"))]
        return tuple(d for d in days if d)
    if kind == "month_year":
        return (f"{int(m.group('y')):04d}-{month_number(m.group('m')):02d}",)
    if kind == "year":
        return (m.group("y"),)
    if doc is None:
        return ()
    if kind == "month":
        month = month_number(m.group("m"))
        year = doc.year if month <= doc.month else doc.year - 1
        return (f"{year:04d}-{month:02d}",)
    if kind == "relative_day":
        return ((doc + timedelta(days=_DAYS[" ".join(m.group("w").lower().split())])).isoformat(),)
    if kind == "past_days":
        return (_month(doc),)
    unit = m.group("unit").lower().rstrip("s")
    if kind == "this":
        return (str(doc.year),) if unit == "year" else (_month(doc),)
    if kind == "last":
        if unit == "week":
            return (_month(doc - timedelta(days=7)),)
        return (_months_before(doc, 1),) if unit == "month" else (str(doc.year - 1),)
    # "N <unit>s ago"
    n = _NUMBERS.get(m.group("n").lower()) if not m.group("n").isdigit() else int(m.group("n"))
    if not n:
        return ()
    if unit == "day":
        return ((doc - timedelta(days=n)).isoformat(),)
    if unit == "week":
        return (_month(doc - timedelta(days=7 * n)),)
    if unit == "month":
        return (_months_before(doc, n),)
    return (str(doc.year - n),)


def find_dates(text: str, doc: date | None) -> list[When]:
    """The time expressions of ``text`` that can be placed, in text order, none overlapping."""
    found: list[When] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < w.end and w.start < m.end() for w in found):
                continue
            iso = _resolve(kind, m, doc)
            if iso and not (doc and any(i > doc.isoformat()[:len(i)] for i in iso)):
                found.append(When(m.start(), m.end(), m.group(0), iso))
    return sorted(found, key=lambda w: w.start)


def first_date(text: str, doc: date | None) -> When | None:
    found = find_dates(text, doc)
    return found[0] if found else None
