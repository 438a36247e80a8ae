"""Release and declassification stamps in their common printed forms, read through OCR noise.

Not an extractor: the reviews extractor calls `release_stamps()`.  Each stamp is a phrase the
agencies printed the same way on thousands of pages; the OCR garbles it ("2022 RELEASE rae
THE PRESIDENT", "Heleased under the John F. Kennedy"), so a line is taken for the stamp when
it is close to the phrase by edit distance (rapidfuzz), not by a list of misspellings.

Forms read, with what each says came of the review (``result``):
- the JFK Act release stamp of the 2017-2025 releases, on every page: "2022 RELEASE UNDER
  THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992" -> a release in that year;
- NARA's JFK Act stamp of the 1990s-2010s releases: "Released under the John F. Kennedy
  Assassination Records Collection Act of 1992 (44 USC 2107 Note). Case#:NW 55997 Date:
  10-28-2021", with or without a legible case number and date, and the NSA's "Released on
  11-02-2017 under the John F. Kennedy ..." -> released;
- the CIA's "APPROVED FOR RELEASE 1993 CIA HISTORICAL REVIEW PROGRAM", "Approved For Release
  2001/03/06" -> released; "RELEASE AS SANITIZED 1998" -> released with deletions;
- the FBI's "ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED [EXCEPT WHERE SHOWN OTHERWISE]
  DATE 4/23/98 BY SP6/BJB" -> declassified (in part, when it excepts what is shown otherwise)
  and "DECLASSIFIED BY 5668 SLD/BJB ON 6/19/97" -> declassified.

One event per stamp *kind* per document: a stamp repeated on every page is one release.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from kg.extracting.dates import NUMERIC_DATE_RE, parse_numeric_date, safe_date
from kg.lexicon.alternation import line_starts_printing, lowered
from kg.reading.transcript import Transcript
from kg.records import Record, ReviewEvent

NAME = "reviews"
JFK_ACT = "JFK Assassination Records Collection Act of 1992"


@dataclass(frozen=True)
class Stamp:
    phrase: str                 # the stamp's words as the agency printed them
    kind: str                   # review kind: release | declassification
    result: str                 # released | released-with-deletions | declassified | ...
    action: str                 # the decided review action
    agent: str | None           # the office that stamps it, when the stamp is an office's
    authority: str | None = None
    similarity: float = 82      # rapidfuzz partial ratio a line must reach


STAMPS: tuple[Stamp, ...] = (
    Stamp("RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992",
          "release", "released", "RELEASE", "NARA", JFK_ACT, 75),
    Stamp("RELEASED UNDER THE JOHN F. KENNEDY", "release", "released", "RELEASE", "NARA", JFK_ACT),
    Stamp("UNDER THE JOHN F. KENNEDY ASSASSINATION RECORDS COLLECTION ACT", "release", "released",
          "RELEASE", "NARA", JFK_ACT),
    Stamp("APPROVED FOR RELEASE", "release", "released", "RELEASE", "CIA", None, 92),
    Stamp("RELEASE AS SANITIZED", "release", "released-with-deletions", "RELEASE", "CIA", None, 93),
    Stamp("ALL INFORMATION CONTAINED HEREIN IS UNCLASSIFIED", "declassification", "declassified",
          "DECLASSIFY", "FBI", None, 82),
    Stamp("DECLASSIFIED BY", "declassification", "declassified", "DECLASSIFY", None, None, 90),
)
# cheap filter: a line is compared with the phrases only if it has one of these stems
_CUES = ("RELEAS", "ELEASE", "KENNED", "ASSASS", "HEREIN", "UNCLASS", "DECLASS", "SANIT", "APPROV")
_CUE_RE = re.compile("|".join(_CUES), re.IGNORECASE)
_CUES_LOWER = tuple(c.lower() for c in _CUES)
# the year before the stamp's words; the OCR may have eaten the first word ("2022 RELEAS] UNDER")
_YEAR_BEFORE_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\W{0,3}(?:\S{1,9}\s?)?$")
_YEAR_AFTER_RE = re.compile(r"^\W{0,3}(?P<y>(?:19|20)\d\d)(?![\d/-])")
_ISO_DATE_RE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*/\s*(?P<m>\d\d)\s*/\s*(?P<d>\d\d)")
_BY_RE = re.compile(r"\bBY\s*:?\s*(?P<by>[A-Z0-9][A-Z0-9/]{1,15}(?:\s?/\s?[A-Z0-9]{2,8})?)")
_CASE_RE = re.compile(r"Case\s*#?\s*:?\s*(?P<case>N\W?\s?[WVv]\W?\s*\d{4,6})", re.IGNORECASE)
_EXCEPT_RE = re.compile(r"EXCEPT", re.IGNORECASE)
TAIL = 160                      # characters after a stamp that may hold its date and reviewer


def cue_lines(t: Transcript):
    """``(offset, line)`` of each line of the raw file (split at LF) that prints a cue: one
    search of the whole file, not one a line (a cue holds no line break, so each match lies in
    one line, and the leftmost match of every line that has one is found)."""
    raw = t.raw
    # lower() gives each letter the one the case-insensitive search equates it with, but for
    # the odd few (kg.lexicon.alternation.lowered gives None): with one of them, the search itself
    low = lowered(raw)
    if low is None:
        starts = sorted({raw.rfind("\n", 0, m.start()) + 1 for m in _CUE_RE.finditer(raw)})
    else:
        starts = sorted(line_starts_printing(low, _CUES_LOWER))
    for at in starts:
        end = raw.find("\n", at)
        yield at, raw[at:end if end >= 0 else len(raw)]


def _when(tail: str, head: str, stamp: Stamp, upto: str = ""):
    """The stamp's date (a day) or year, as printed after it (or, for the JFK Act stamp of the
    recent releases, before it)."""
    m = NUMERIC_DATE_RE.search(tail)
    if m and (d := parse_numeric_date(m)) is not None and 1960 <= d.year <= 2030:
        return d, None, m
    m = _ISO_DATE_RE.search(tail)
    if m and (d := safe_date(int(m["y"]), int(m["m"]), int(m["d"]))) is not None:
        return d, None, m
    m = NUMERIC_DATE_RE.search(upto)           # "Released on 11-02-2017 under the ..."
    if m and (d := parse_numeric_date(m)) is not None and 1960 <= d.year <= 2030:
        return d, None, m
    if stamp.phrase.startswith("RELEASE UNDER THE PRESIDENT"):
        m = _YEAR_BEFORE_RE.search(head)
        return (None, int(m["y"]), m) if m else (None, None, None)
    m = _YEAR_AFTER_RE.search(tail)
    return (None, int(m["y"]), m) if m and not stamp.phrase.startswith("RELEASED UNDER") else (None, None, None)


def _overlaps(start: int, end: int, events: list[Record]) -> bool:
    return any(s.start < end and start < s.end for e in events for s in e.evidence)


def release_stamps(t: Transcript, events: list[Record]) -> list[ReviewEvent]:
    """One review event per kind of release or declassification stamp the document carries."""
    out: list[ReviewEvent] = []
    seen: dict[str, int] = {}
    for at, line in cue_lines(t):
        if len(line) < 12:
            continue
        upper = line.upper()
        for stamp in STAMPS:
            al = fuzz.partial_ratio_alignment(stamp.phrase, upper, score_cutoff=stamp.similarity)
            if al is None or al.dest_end - al.dest_start < len(stamp.phrase) * 0.6:
                continue
            lead = len(line[al.dest_start:al.dest_end]) - len(line[al.dest_start:al.dest_end].lstrip())
            start, end = at + al.dest_start + lead, at + al.dest_end
            if _overlaps(start, end, events) or _overlaps(start, end, out):
                break
            family = stamp.result if stamp.agent != "NARA" else "jfk-act"
            if family in seen:
                seen[family] += 1
                break
            seen[family] = 1
            tail = t.raw[end:end + TAIL]
            head = line[:al.dest_start]
            upto = line[:al.dest_end]
            when, year, dm = _when(tail, head, stamp, upto)
            printed = dm.group() if dm is not None else None
            if dm is not None and dm.string in (head, upto):    # "2022 RELEASE UNDER ...": one span
                start = min(start, at + dm.start())
            evidence = [t.raw_to_span(start, end)]
            if dm is not None and dm.string is tail:
                evidence.append(t.raw_to_span(end + dm.start(), end + dm.end()))
            agent, agent_kind = stamp.agent, "office" if stamp.agent else None
            by = _BY_RE.search(tail[:80]) if stamp.kind == "declassification" else None
            if by:
                agent, agent_kind = by["by"], "initials"
                evidence.append(t.raw_to_span(end + by.start("by"), end + by.end("by")))
            if agent is None and when is None and year is None:
                seen.pop(family)
                break
            authorities = [stamp.authority] if stamp.authority else []
            case = _CASE_RE.search(tail) if stamp.authority else None
            if case:
                authorities.append(" ".join(case["case"].split()))
            result = stamp.result
            if stamp.result == "declassified" and _EXCEPT_RE.search(tail[:40]):
                result = "declassified-in-part"
            out.append(ReviewEvent(
                evidence=tuple(evidence), extractor=NAME, kind=stamp.kind, agent=agent,
                agent_kind=agent_kind, date=when, date_printed=printed, year=year,
                decided_actions=(stamp.action,), result=result, authorities=tuple(authorities),
                note=f"{stamp.phrase.lower()} stamp"))
            break
    return out
