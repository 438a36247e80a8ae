"""Dates and times as the genre prints them, normalised.

Not an extractor: shared parsing for header dates ("November 6, 1962", "6 November 1962",
"Nov. 6, 1962", "1962/11/06"), stamp dates ("3/3/88", "2/12/92", "4-4-92", US month/day
order, two-digit years are 19xx) and meeting times ("4 to 9:30 P.M.", "10:30 a.m.").
"""
from __future__ import annotations

import re
from datetime import date, time

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

MONTH_NAME_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>1[89]\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}),?\s+(?P<y2>1[89]\d\d))\b", re.IGNORECASE)
ISO_SLASH_DATE_RE = re.compile(r"\b(?P<y>1[89]\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})\b")
NUMERIC_DATE_RE = re.compile(r"\b(?P<m>\d{1,2})\s*[/.-]\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}|\d{2})\b")
MONTH_DAY_RE = re.compile(rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+1[89]\d\d)")

TIME_RANGE_RE = re.compile(
    r"\b(?P<h1>\d{1,2})(?::(?P<mi1>\d{2}))?\s*(?P<ap1>[ap]\.?\s?m\.?)?\s*(?:to|-|–|until)\s*"
    r"(?P<h2>\d{1,2})(?::(?P<mi2>\d{2}))?\s*(?P<ap2>[ap]\.?\s?m\.?)", re.IGNORECASE)


def month_number(name: str) -> int | None:
    key = name.rstrip(".").casefold()
    return MONTHS.get(key) or _MONTH_ABBR.get(key[:4] if key.startswith("sept") else key[:3])


_MONTH_FORMS = tuple((name, i) for name, i in MONTHS.items()) + tuple(
    (name[:3], i) for name, i in MONTHS.items() if len(name) > 4) + (("sept", 9),)


def typed_month(token: str) -> int | None:
    """The month a name or abbreviation as typed stands for ("Dec", "SEPT", "Decem", "December")."""
    key = token.rstrip(".").casefold()
    if not key.isalpha() or not 3 <= len(key) <= 10:
        return None
    if key in MONTHS or (len(key) <= 4 and key in _MONTH_ABBR):
        return MONTHS.get(key) or _MONTH_ABBR[key]
    return next((i for n, i in MONTHS.items() if n.startswith(key)), None) if len(key) > 3 else None


def ocr_month(token: str) -> int | None:
    """The month a printed token stands for, read through the OCR's misreadings.

    A month as typed (`typed_month`) first; else the one month form within an edit distance
    (rapidfuzz) of the token: one edit for a token of up to five letters ("Hay", "guly",
    "Bec"), two for a longer one ("Decenber", "Hovenber", "Jamiary").  A token as close to
    two months ("Jum") is no month.
    """
    typed = typed_month(token)
    key = token.rstrip(".").casefold()
    if typed or not key.isalpha() or not 3 <= len(key) <= 10:
        return typed
    from rapidfuzz.distance import Levenshtein
    allowed = 1 if len(key) <= 5 else 2
    dist = {}
    for name, i in _MONTH_FORMS:
        d = Levenshtein.distance(key, name)
        if d <= allowed:
            dist[i] = min(d, dist.get(i, d))
    if not dist:
        return None
    best = min(dist.values())
    nearest = [i for i, d in dist.items() if d == best]
    return nearest[0] if len(nearest) == 1 else None


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def year_of(text: str) -> int:
    """Two-digit years in stamps are 19xx."""
    y = int(text)
    return 1900 + y if y < 100 else y


def parse_month_name_date(m: re.Match) -> date | None:
    month = month_number(m.group("m1") or m.group("m2"))
    day = int(m.group("d1") or m.group("d2"))
    year = int(m.group("y1") or m.group("y2"))
    return safe_date(year, month, day) if month else None


def parse_numeric_date(m: re.Match) -> date | None:
    """US order: month/day/year."""
    return safe_date(year_of(m.group("y")), int(m.group("m")), int(m.group("d")))


def _hour(h: int, ap: str | None) -> int:
    pm = ap is not None and ap.casefold().startswith("p")
    if pm and h < 12:
        return h + 12
    if ap is not None and not pm and h == 12:
        return 0
    return h


def parse_time_range(m: re.Match) -> tuple[time, time] | None:
    """'4 to 9:30 P.M.' -> 16:00, 21:30; a meridian printed once applies to both ends."""
    h1, h2 = int(m.group("h1")), int(m.group("h2"))
    mi1, mi2 = int(m.group("mi1") or 0), int(m.group("mi2") or 0)
    ap2 = m.group("ap2")
    ap1 = m.group("ap1") or ap2
    end_h = _hour(h2, ap2)
    start_h = _hour(h1, ap1)
    if not m.group("ap1") and start_h > end_h:      # "11 to 1 p.m.": the start is the morning
        start_h = h1
    if start_h > 23 or end_h > 23 or mi1 > 59 or mi2 > 59:
        return None
    return time(start_h, mi1), time(end_h, mi2)
