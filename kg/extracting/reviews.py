"""Declassification review events: the stamps a reviewer left on the document.

Forms of the genre it reads:
- one-line review stamps: "REVIEWED by DDK/ML DATE 3/3/88";
- reviewer blocks: "Reviewed by: Elijah Kelly Jr." with a "Date: 2/12/92" near it and the
  category captions of an Eyes Only caption review ("Cat. A - Caption removed; ...");
- the State Department review-office block (an office code such as IS/FPC/CDR, a "Date:"
  line, and the actions it offers as check boxes: ( ) RELEASE ( ) DECLASSIFY ( ) EXCISE
  ( ) DECLASSIFY in PART ( ) DENY ( ) Non-responsive info.; FOIA/PA exemption fields).
  The offered actions are recorded; an action counts as decided only if its box is ticked
  ("(X) RELEASE").  An unticked block records no decision rather than inventing one;
- NARA stamps: "DECLASSIFIED Authority NND 867005 By XX NARA Date 5/1/98";
- JFK Act release stamps: "Released under the John F. Kennedy Assassination Records
  Collection Act of 1992 ... Case#:NW 55997 Date: 10-28-2021".
Dates are US month/day order; two-digit years are 19xx.  Review offices and their OCR
variants are data (`REVIEW_OFFICES`), so a new office is a line, not a rule.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.extracting.dates import NUMERIC_DATE_RE, parse_numeric_date
from kg.extracting.names import SURNAME
from kg.reading.transcript import Line, Transcript
from kg.records import Record, ReviewEvent, Span

NAME = "reviews"

# Review offices as printed (OCR variants included) -> the office's name.
REVIEW_OFFICES: dict[str, str] = {
    "IS/FPC/CDR": "IS/FPC/CDR", "IS/FPC/ICDR": "IS/FPC/CDR", "IS/FPC/COR": "IS/FPC/CDR",
    "A/RPS/IPS": "A/RPS/IPS", "A/GIS/IPS": "A/GIS/IPS", "FPC/CDR": "IS/FPC/CDR",
}
_OFFICE_RE = re.compile("|".join(re.escape(k) for k in sorted(REVIEW_OFFICES, key=len, reverse=True)))
ACTIONS: tuple[tuple[str, str], ...] = (
    (r"DECLASSIFY\s+in\s+PART", "DECLASSIFY IN PART"), (r"RELEASE", "RELEASE"),
    (r"DECLASSIFY(?!\s+in\s+PART)", "DECLASSIFY"), (r"EXCISE", "EXCISE"), (r"DENY", "DENY"),
    (r"Non-?\s?responsive", "NON-RESPONSIVE"), (r"CLASSIFY\s+as", "CLASSIFY"),
    (r"DOWNGRADE", "DOWNGRADE"),
)
_BOX = r"\(\s*(?P<tick>[xX✓✔/]?)\s*\)\s*"
_ACTION_RE = re.compile(_BOX + "(?P<action>" + "|".join(p for p, _ in ACTIONS) + ")", re.IGNORECASE)
_ONE_LINE_RE = re.compile(
    r"\bREVIEWED\s+(?:by|BY)\s*:?\s*(?P<agent>[A-Z][A-Za-z./]{1,20})\s+DATE\s*:?\s*(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4})")
_REVIEWER_RE = re.compile(
    rf"\bReviewed\s+by\s*:\s*(?P<agent>(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s?)?{SURNAME}(?:,?\s+(?:Jr|Sr)\.?)?)")
_DATE_FIELD_RE = re.compile(r"\bDate\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4})", re.IGNORECASE)
_CATEGORY_RE = re.compile(r"\bCat\.?\s*(?P<cat>[A-C])\s*[-–]\s*(?P<text>[^\n]+?)\s*$")
_NARA_RE = re.compile(
    r"\bDECLASSIFIED\b[\s\S]{0,20}?Authority\s*:?\s*(?P<auth>[^\n]{1,40}?)\s+By\s*:?\s*(?P<by>[^\n]{1,20}?)"
    r"\s*,?\s*(?:NARA|NARS)\s*,?\s*Date\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4})",
    re.IGNORECASE)
_JFK_ACT_RE = re.compile(
    r"Released\s+under\s+the\s+John\s+F\.?\s+Kennedy\s+Assassination\s+Records\s+Collection\s+Act"
    r"[\s\S]{0,120}?Case\s*#?\s*:?\s*(?P<case>NW\s*\d+)[\s\S]{0,40}?Date\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4})",
    re.IGNORECASE)


def _date(text: str):
    m = NUMERIC_DATE_RE.search(text)
    return parse_numeric_date(m) if m else None


def _line_span(t: Transcript, ln: Line, start: int, end: int) -> Span:
    return t.span(ln.start + start, ln.start + end)


def _raw_span(t: Transcript, m: re.Match, group: int | str = 0) -> Span:
    return t.raw_to_span(m.start(group), m.end(group))


@extractor(NAME)
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    lines = [ln for ln in t.lines if ln.kind in ("text", "banner")]
    used_dates: set[int] = set()

    # one-line stamps
    for ln in lines:
        for m in _ONE_LINE_RE.finditer(t.line_text(ln)):
            out.append(ReviewEvent(
                evidence=(_line_span(t, ln, m.start(), m.end()),), extractor=NAME, kind="review",
                agent=m["agent"], agent_kind="initials", date=_date(m["date"]),
                date_printed=m["date"]))

    date_lines = [(i, ln, m) for i, ln in enumerate(lines)
                  if (m := _DATE_FIELD_RE.search(t.line_text(ln))) and not _ONE_LINE_RE.search(t.line_text(ln))]

    def nearest_date(i: int, after_only: bool = False, reach: int = 8):
        cands = [(abs(j - i) + (0 if j > i else 0.5), j, ln, m) for j, ln, m in date_lines
                 if ln.start not in used_dates and abs(j - i) <= reach and (j > i or not after_only)]
        if not cands:
            return None
        _, j, ln, m = min(cands, key=lambda c: (c[0], c[1]))
        used_dates.add(ln.start)
        return ln, m

    # reviewer blocks ("Reviewed by: NAME" ... "Date: d"), with category captions above
    for i, ln in enumerate(lines):
        m = _REVIEWER_RE.search(t.line_text(ln))
        if not m:
            continue
        evidence = [_line_span(t, ln, m.start(), m.end())]
        date_hit = nearest_date(i, after_only=True, reach=3)
        date = printed = None
        if date_hit:
            dln, dm = date_hit
            evidence.append(_line_span(t, dln, dm.start(), dm.end()))
            printed = dm["date"]
            date = _date(printed)
        cats = []
        for prev in lines[max(0, i - 6):i]:
            cm = _CATEGORY_RE.search(t.line_text(prev))
            if cm:
                cats.append((cm["cat"], cm["text"]))
        out.append(ReviewEvent(evidence=tuple(evidence), extractor=NAME, kind="review",
                               agent=m["agent"].strip(), agent_kind="person", date=date,
                               date_printed=printed, categories=tuple(cats)))

    # review-office blocks with check-box actions
    header_lines = [ln for ln in lines if ln.start < t.body_start] or lines[:40]
    offered: list[str] = []
    decided: list[str] = []
    action_spans: list[Span] = []
    for ln in header_lines:
        for am in _ACTION_RE.finditer(t.line_text(ln)):
            label = next(name for pat, name in ACTIONS if re.fullmatch(pat, am["action"], re.IGNORECASE))
            if label not in offered:
                offered.append(label)
            if am["tick"]:
                decided.append(label)
            action_spans.append(_line_span(t, ln, am.start(), am.end()))
    for i, ln in enumerate(lines):
        om = _OFFICE_RE.search(t.line_text(ln))
        if not om:
            continue
        evidence = []
        date = printed = None
        date_hit = nearest_date(i)
        if date_hit:
            dln, dm = date_hit
            evidence.append(_line_span(t, dln, dm.start(), dm.end()))
            printed = dm["date"]
            date = _date(printed)
        evidence.append(_line_span(t, ln, om.start(), om.end()))
        office = REVIEW_OFFICES[om.group()]
        note = None if decided else ("no action is marked on the stamp" if offered else None)
        out.append(ReviewEvent(
            evidence=tuple(evidence) + tuple(action_spans), extractor=NAME, kind="review",
            agent=office, agent_kind="office", date=date, date_printed=printed,
            offered_actions=tuple(offered), decided_actions=tuple(decided),
            note=note if om.group() == office else f"printed {om.group()!r}; {note or ''}".rstrip("; ")))
        offered, decided, action_spans = [], [], []        # one block takes the boxes

    # NARA declassification stamps and JFK Act release stamps (searched on the raw text,
    # where OCR keeps them on several short lines)
    for m in _NARA_RE.finditer(t.raw):
        out.append(ReviewEvent(evidence=(_raw_span(t, m),), extractor=NAME, kind="declassification",
                               agent=" ".join(m["by"].split()), agent_kind="initials",
                               date=_date(m["date"]), date_printed=m["date"],
                               authorities=(" ".join(m["auth"].split()),)))
    for m in _JFK_ACT_RE.finditer(t.raw):
        out.append(ReviewEvent(evidence=(_raw_span(t, m),), extractor=NAME, kind="release",
                               agent="NARA", agent_kind="office", date=_date(m["date"]),
                               date_printed=m["date"],
                               authorities=("JFK Assassination Records Collection Act of 1992",
                                            " ".join(m["case"].split()))))
    return out
