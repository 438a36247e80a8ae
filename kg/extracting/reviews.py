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
- NARA stamps: "DECLASSIFIED Authority NND 867005 By XX NARA Date 5/1/98", and the
  presidential libraries' form without the caption ("DECLASSIFIED / E.O. 12958, Sec. 3.6 /
  NLK-98-214 / By __ NARA, Date 3/11/99"), whose case number it keeps;
- a one-line stamp with a blank reviewer under a review office ("DEPARTMENT OF STATE
  A/CDC/MR / REVIEWED by ___ DATE 5/7/91" and its boxes) is that office's review;
- JFK Act release stamps: "Released under the John F. Kennedy Assassination Records
  Collection Act of 1992 ... Case#:NW 55997 Date: 10-28-2021".
Dates are US month/day order; two-digit years are 19xx.  Review offices and their OCR
variants are data (`REVIEW_OFFICES`), so a new office is a line, not a rule.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extracting import extractor
from kg.extracting.dates import NUMERIC_DATE_RE, parse_numeric_date
from kg.extracting.stamps import release_stamps
from kg.lexicon.alternation import CaseFolded, Prefiltered, word_start
from kg.lexicon.names import SURNAME
from kg.reading.transcript import Line, Transcript
from kg.records import FormField, Record, ReviewEvent, Span

NAME = "reviews"

# Review offices as printed (OCR variants included) -> the office's name.
REVIEW_OFFICES: dict[str, str] = {
    "IS/FPC/CDR": "IS/FPC/CDR", "IS/FPC/ICDR": "IS/FPC/CDR", "IS/FPC/COR": "IS/FPC/CDR",
    "A/RPS/IPS": "A/RPS/IPS", "A/GIS/IPS": "A/GIS/IPS", "FPC/CDR": "IS/FPC/CDR",
    "A/CDC/MR": "A/CDC/MR", "A/CDC": "A/CDC/MR",
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
    r"\bREVIEWED\s+(?:by|BY)\s*:?\s*(?P<agent>[A-Z][A-Za-z./]{1,20}|_+|)\s+DATE\s*:?\s*"
    r"(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4})")
_REVIEWER_RE = re.compile(
    rf"\bReviewed\s+by\s*:\s*(?P<agent>(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s?)?{SURNAME}(?:,?\s+(?:Jr|Sr)\.?)?)")
_DATE_FIELD_RE = re.compile(r"\bDate\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4})", re.IGNORECASE)
_DATE_FIELD = Prefiltered(_DATE_FIELD_RE)         # lines that print "date" (most print none)
_CATEGORY_RE = re.compile(r"\bCat\.?\s*(?P<cat>[A-C])\s*[-–]\s*(?P<text>[^\n]+?)\s*$")
_NARA_RE = re.compile(
    r"\bDECLASSIFIED\b[\s\S]{0,20}?Authority\s*:?\s*(?P<auth>[^\n]{1,40}?)\s+By\s*:?\s*(?P<by>[^\n]{1,20}?)"
    r"\s*,?\s*(?:NARA|NARS)\s*,?\s*Date\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4})",
    re.IGNORECASE)
_JFK_ACT_RE = re.compile(
    r"[RHK]eleased\s+under\s+the\s+John\s+F\.?\s+Kennedy[\s\S]{0,60}?Collection\s+Act"
    r"[\s\S]{0,120}?Case\s*#?\s*:?\s*(?P<case>N\W?\s?[WVv]\W?\s*\d{4,6})[\s\S]{0,40}?Date\s*:?\s*"
    r"(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4})",
    re.IGNORECASE)
# The presidential libraries' form, which may print no "Authority" caption: "DECLASSIFIED /
# E.O. 12958, Sec. 3.6 / NLK-98-214 / By __ NARA, Date 3/11/99"; the reviewer may be blank.
_NARA_LOOSE_RE = re.compile(
    r"\bDECLASSIFIED\b(?P<body>[\s\S]{0,160}?)\bBy\b\s*:?\s*(?P<by>[^\n]{0,20}?)\s*,?\s*(?:NARA|NARS)"
    r"\s*,?\s*Date\s*:?\s*(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{2,4})", re.IGNORECASE)
# A NARA stamp whose authority, reviewer and date were left blank or are unreadable.
# searched in every file: in lower case, plainly in the lower-cased file (CaseFolded)
_NARA_BLANK_RE = CaseFolded(
    r"\bdeclassified\b[\s\S]{0,20}?auth\w{0,5}[\s\S]{0,60}?\bby\W[\s\S]{0,40}?\bnara\b")
# "CIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR RELEASE OF CIA INFORMATION IN THIS DOCUMENT"
_NO_OBJECTION_TAIL = (
    r"\s+(?:HAS|has)\s+"
    r"(?:NO|no)\s+(?:OBJECTION|objection)\s+(?:TO|to)\b(?P<rest>[\s\S]{0,160}?(?:DOCUMENT|document)\b"
    r"(?:\s+(?:AS\s+SANITIZED|in\s+full))?)")
# The agency as "\bCIA|\bFBI|\bNSA|\bDIA|(?:The\s+)?Department\s+of\s+State|\bState", written so
# that every form starts with its letter ("C(?<!\wC)IA" is "\bCIA"): the engine then skips to
# those letters instead of trying six forms at every character of a long text.
_NO_OBJECTION_RE = re.compile(
    r"(?P<agency>C(?<!\wC)IA|F(?<!\wF)BI|N(?<!\wN)SA|D(?<!\wD)IA|The\s+Department\s+of\s+State"
    r"|Department\s+of\s+State|S(?<!\wS)tate)" + _NO_OBJECTION_TAIL)
_STAMP_DATE_RE = re.compile(
    r"\b(?P<date>\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*(?:\d{4}|\d{2})|\d{1,2}\s+(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)"
    r"[A-Z]*\.?\s+(?:19)?\d{2})\b", re.IGNORECASE)
# The CIA's review sheet: "DATE OF REVIEW 14 MAR 86" and the exemptions it claims.
_DATE_OF_REVIEW_RE = CaseFolded(rf"(?:{word_start('date')})\s+of\s+review\b")
# Citations of the authorities a reviewer relied on.
EO_RE = re.compile(      # (?i:\bE ...): the search skips to the E's (word_start)
    rf"(?:{word_start('E', ignorecase=True)})"
    r"(?i:\.?\s?O\.?\s*(?P<eo>1[123]\d{3})(?:\s*[,.]?\s*(?:Sec(?:tion)?\.?|§)\s*"
    r"(?P<sec>\d\.\d{1,2}(?:\s*\(\s*[a-zA-Z0-9]{1,2}\s*\))*))?)")
X25_RE = re.compile(rf"(?:{word_start('25')})\s?X\s?(?P<n>[1-9])\b")
FOIA_RE = re.compile(r"\(\s*b\s*\)\s*\(\s*(?P<n>[1-9])\s*\)(?:\s*\(\s*(?P<sub>[AaC-Fc-f])\s*\))?")
PA_RE = re.compile(r"\(\s*(?P<l>[jk])\s*:?\s*\)\s*\(\s*(?P<n>[1-7])\s*\)")
# Sanitization and library case cross-references: "SEE SANITIZED VERSION ... NLK-81-15".
_CASE_REF_RE = re.compile(rf"(?P<ref>(?:{word_start('NL')})[KJE]\s?-\s?\d{{2}}\s?-\s?\d{{1,4}})\b")
_SANITIZED_RE = re.compile(r"\bSAN\w?TI\w{0,2}[ZT]E[DO]\b|\bSANTITED\b", re.IGNORECASE)
CITATION_REACH = 2500          # characters between a citation and the stamp it belongs to
_MONTHS3 = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


# the stamps searched in every file, most of which print none of their words (Prefiltered)
_NARA, _NARA_LOOSE, _JFK_ACT, _NO_OBJECTION = map(Prefiltered, (_NARA_RE, _NARA_LOOSE_RE, _JFK_ACT_RE,
                                                               _NO_OBJECTION_RE))


def _date(text: str):
    m = NUMERIC_DATE_RE.search(text)
    return parse_numeric_date(m) if m else None


def _line_span(t: Transcript, ln: Line, start: int, end: int) -> Span:
    return t.span(ln.start + start, ln.start + end)


def _raw_span(t: Transcript, m: re.Match, group: int | str = 0) -> Span:
    return t.raw_to_span(m.start(group), m.end(group))


@extractor(NAME, requires=(FormField,), produces=(ReviewEvent,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    lines = [ln for ln in t.lines if ln.kind in ("text", "banner")]
    texts = [t.line_text(ln) for ln in lines]
    used_dates: set[int] = set()
    # a line's match is the reading text's match at the same place (no pattern below looks
    # past a line's ends): a pattern the whole text does not match is tried on no line
    one_line = "REVIEWED" in t.text                  # a word every one-line stamp prints
    offices = _OFFICE_RE.search(t.text) is not None

    # one-line stamps; one whose reviewer is blank is the stamp of the office printed just above
    # it ("DEPARTMENT OF STATE A/CDC/MR / REVIEWED by ___ DATE 5/7/91"), with the boxes below it
    stamped_offices: set[int] = set()
    for i, ln in enumerate(lines if one_line else ()):
        for m in _ONE_LINE_RE.finditer(texts[i]):
            evidence = [_line_span(t, ln, m.start(), m.end())]
            agent, agent_kind = m["agent"].strip("_") or None, "initials"
            offered: list[str] = []
            decided: list[str] = []
            above = next(((j, om) for j in range(i - 1, max(-1, i - 3), -1)
                          if (om := _OFFICE_RE.search(texts[j]))), None)
            if agent is None and above is not None:
                j, om = above
                stamped_offices.add(j)
                agent, agent_kind = REVIEW_OFFICES[om.group()], "office"
                evidence.insert(0, _line_span(t, lines[j], om.start(), om.end()))
                for box_line, box_text in zip(lines[i + 1:i + 5], texts[i + 1:i + 5]):
                    for am in _ACTION_RE.finditer(box_text):
                        label = next(n for p, n in ACTIONS if re.fullmatch(p, am["action"], re.IGNORECASE))
                        offered.append(label)
                        if am["tick"]:
                            decided.append(label)
                        evidence.append(_line_span(t, box_line, am.start(), am.end()))
            note = "no action is marked on the stamp" if offered and not decided else None
            out.append(ReviewEvent(
                evidence=tuple(evidence), extractor=NAME, kind="review", agent=agent,
                agent_kind=agent_kind if agent else None, date=_date(m["date"]),
                date_printed=m["date"], offered_actions=tuple(dict.fromkeys(offered)),
                decided_actions=tuple(dict.fromkeys(decided)), note=note))

    dated = _DATE_FIELD.lines(t.text, [ln.start for ln in lines])       # None: any line may
    date_lines = [(i, ln, m) for i, ln in enumerate(lines)
                  if (dated is None or i in dated) and (m := _DATE_FIELD_RE.search(texts[i])) and not (one_line and _ONE_LINE_RE.search(texts[i]))]

    def nearest_date(i: int, after_only: bool = False, reach: int = 8):
        cands = [(abs(j - i) + (0 if j > i else 0.5), j, ln, m) for j, ln, m in date_lines
                 if ln.start not in used_dates and abs(j - i) <= reach and (j > i or not after_only)]
        if not cands:
            return None
        _, j, ln, m = min(cands, key=lambda c: (c[0], c[1]))
        used_dates.add(ln.start)
        return ln, m

    # reviewer blocks ("Reviewed by: NAME" ... "Date: d"), with category captions above
    for i, ln in enumerate(lines if "Reviewed" in t.text else ()):
        m = _REVIEWER_RE.search(texts[i])
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
        for prev in texts[max(0, i - 6):i]:
            cm = _CATEGORY_RE.search(prev)
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
    for i, ln in enumerate(lines if offices else ()):
        om = _OFFICE_RE.search(texts[i])
        if not om or i in stamped_offices:
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
    for m in _NARA.finditer(t.raw):
        out.append(ReviewEvent(evidence=(_raw_span(t, m),), extractor=NAME, kind="declassification",
                               agent=" ".join(m["by"].split()), agent_kind="initials",
                               date=_date(m["date"]), date_printed=m["date"],
                               authorities=(" ".join(m["auth"].split()),)))
    for m in _NARA_LOOSE.finditer(t.raw):
        span = _raw_span(t, m)
        if _overlaps(span, out):
            continue
        by = " ".join(m["by"].split()).strip("_.- ")
        auth = re.search(r"Authority\s*:?\s*(?P<a>[^\n]{1,40})", m["body"])
        refs = [re.sub(r"\s", "", r) for r in _CASE_REF_RE.findall(m["body"])]
        out.append(ReviewEvent(evidence=(span,), extractor=NAME, kind="declassification",
                               agent=by or "NARA", agent_kind="initials" if by else "office",
                               date=_date(m["date"]), date_printed=m["date"],
                               authorities=tuple(dict.fromkeys(
                                   ([" ".join(auth["a"].split())] if auth else []) + refs))))
    for m in _JFK_ACT.finditer(t.raw):
        out.append(ReviewEvent(evidence=(_raw_span(t, m),), extractor=NAME, kind="release",
                               agent="NARA", agent_kind="office", date=_date(m["date"]),
                               date_printed=m["date"], decided_actions=("RELEASE",), result="released",
                               authorities=("JFK Assassination Records Collection Act of 1992",
                                            " ".join(m["case"].split()))))
    out.extend(release_stamps(t, out))
    out.extend(_blank_nara_stamps(t, out))
    out.extend(_no_objection_stamps(t))
    out.extend(_review_sheets(t))
    out.extend(_form_review(t, found))
    out.extend(_case_references(t, out))
    return _attach_citations(t, out)


def case_number(printed: str) -> str | None:
    """'NW 55997' for a JFK Act case number as printed ("Case#:N'v 50444", "NW\n55990")."""
    m = re.fullmatch(r"N\W?\s?[WVv]\W?\s*(\d{4,6})", printed.strip())
    return f"NW {m.group(1)}" if m else None


def _overlaps(span: Span, events: list[Record]) -> bool:
    return any(e.evidence[0].start <= span.start < e.evidence[0].end or
               span.start <= e.evidence[0].start < span.end for e in events)


def _blank_nara_stamps(t: Transcript, events: list[Record]) -> list[ReviewEvent]:
    out = []
    for m in _NARA_BLANK_RE.finditer(t.raw):
        span = _raw_span(t, m)
        if _overlaps(span, events) or _NARA_RE.match(t.raw, m.start()):
            continue
        nnd = re.search(r"\bNND\s*\d{4,7}", span.exact)
        out.append(ReviewEvent(evidence=(span,), extractor=NAME, kind="declassification",
                               agent="NARA", agent_kind="office", date=None, date_printed=None,
                               authorities=(nnd.group(),) if nnd else (),
                               note="NARA declassification stamp; its authority, reviewer and date "
                                    "are blank or unreadable"))
    return out


def _stamp_date(text: str):
    """A date printed on a stamp: "3/10/92", "10-28-2021", "14 MAR 86" (US order, 19xx)."""
    m = _STAMP_DATE_RE.search(text)
    if not m:
        return None, None
    printed = m["date"]
    num = NUMERIC_DATE_RE.search(printed)
    if num:
        return parse_numeric_date(num), printed
    parts = printed.split()
    month = _MONTHS3.get(parts[1][:3].upper())
    year = int(parts[2])
    year = 1900 + year if year < 100 else year
    from kg.extracting.dates import safe_date
    return (safe_date(year, month, int(parts[0])) if month else None), printed


def _no_objection_stamps(t: Transcript) -> list[ReviewEvent]:
    out = []
    if not re.search(r"objection", t.raw, re.IGNORECASE):
        return out                    # the stamp's pattern is slow to fail on a long text
    for m in _NO_OBJECTION.finditer(t.raw):
        tail = t.raw[m.end():m.end() + 60]
        when, printed = _stamp_date(tail)
        evidence = [_raw_span(t, m)]
        if printed:
            at = m.end() + tail.index(printed)
            evidence.append(t.raw_to_span(at, at + len(printed)))
        agency = " ".join(m["agency"].split())
        rest = " ".join(m["rest"].split())
        out.append(ReviewEvent(evidence=tuple(evidence), extractor=NAME, kind="review",
                               agent=agency, agent_kind="office", date=when, date_printed=printed,
                               note=f"no objection to {rest}"))
    return out


def _review_sheets(t: Transcript) -> list[ReviewEvent]:
    """The CIA review sheet's "DATE OF REVIEW" with its date (its exemptions attach later)."""
    out = []
    for m in _DATE_OF_REVIEW_RE.finditer(t.raw):
        tail = t.raw[m.end():m.end() + 40]
        when, printed = _stamp_date(re.sub(r"[\r\n]", " ", tail))   # any line end, CR too
        if when is None:
            continue
        at = m.end() + re.search(r"\d", tail).start()
        end = m.end() + len(tail.rstrip()) if printed.replace(" ", "") not in tail.replace("\n", "").replace(" ", "") else None
        # evidence: the caption, and the printed date (which the OCR may split across lines)
        date_end = at
        digits = 0
        for k in range(at, m.end() + len(tail)):
            if t.raw[k].isalnum():
                date_end = k + 1
                digits += 1
            if digits >= len(printed.replace(" ", "")):
                break
        del end
        out.append(ReviewEvent(evidence=(_raw_span(t, m), t.raw_to_span(at, date_end)), extractor=NAME,
                               kind="review", agent=None, agent_kind=None, date=when,
                               date_printed=printed, note="review sheet: DATE OF REVIEW"))
    return out


# The form's CURRENT STATUS -> what came of the review ("Redact", "RELEASED IN PART PUBLIC -
# RELEASED WITH DELETIONS", "Withhold", "POSTPONED IN FULL", "Open in Full").
STATUS_RESULTS: tuple[tuple[str, str], ...] = (
    (r"WITH\s+DELETIONS|\bIN\s+PART\b|\bREDACT|SANITI", "released-with-deletions"),
    (r"POSTPONED|WITHH[EO]L|\bDEN(?:Y|IED)\b|\bCLOSED\b", "withheld"),
    (r"\bIN\s+FULL\b|\bOPEN\b|\bRELEASED?\b", "released-in-full"),
)


def status_result(status: str) -> str | None:
    return next((r for p, r in STATUS_RESULTS if re.search(p, status, re.IGNORECASE)), None)


def _form_review(t: Transcript, found: list[Record]) -> list[ReviewEvent]:
    """The NARA identification form's DATE OF LAST REVIEW, with its RESTRICTIONS and CURRENT
    STATUS (the fields are read by nara_form.py)."""
    fields = {}
    for f in found:
        if isinstance(f, FormField):
            fields.setdefault(f.name, f)
    review = fields.get("date-of-last-review")
    m = NUMERIC_DATE_RE.search(review.value) if review is not None else None
    when = parse_numeric_date(m) if m else None
    if when is None:
        return []
    restr, status = fields.get("restrictions"), fields.get("current-status")
    evidence = [review.evidence[0]] + [f.evidence[0] for f in (restr, status) if f is not None]
    return [ReviewEvent(
        evidence=tuple(evidence), extractor=NAME, kind="review", agent=None, agent_kind=None,
        date=when, date_printed=m.group(),
        authorities=(f"RESTRICTIONS: {restr.value}",) if restr is not None else (),
        result=status_result(status.value) if status is not None else None,
        note=(f"current status: {status.value}" if status is not None else
              "date of last review on the NARA identification form"))]


def _case_references(t: Transcript, events: list[Record]) -> list[ReviewEvent]:
    """Library case numbers on sanitization and exemption stamps ("DOWNGRADED-NLK-81-15");
    a case number inside a declassification stamp already read belongs to that stamp."""
    out = []
    for m in _CASE_REF_RE.finditer(t.raw):
        if _overlaps(_raw_span(t, m, "ref"), [e for e in events if e.kind == "declassification"]):
            continue
        line_start = t.raw.rfind("\n", 0, m.start()) + 1
        context = t.raw[max(0, line_start - 120):m.end() + 40]
        before = t.raw[line_start:m.start()]
        kind = "downgrade" if re.search(r"DOWNGRAD", before, re.IGNORECASE) else "review"
        words = []
        if _SANITIZED_RE.search(context):
            words.append("sanitized version")
        for w in ("EXEMPT", "PENDING", "DOWNGRADED"):
            if re.search(rf"\b{w}", before, re.IGNORECASE):
                words.append(w.lower())
        ref = re.sub(r"\s", "", m["ref"])
        out.append(ReviewEvent(evidence=(_raw_span(t, m, "ref"),), extractor=NAME, kind=kind,
                               agent=ref.split("-")[0], agent_kind="office", date=None,
                               date_printed=None, authorities=(m["ref"],),
                               note=f"case {ref}" + (f" ({', '.join(words)})" if words else "")))
    return out


def citations(text: str) -> list[re.Match]:
    """E.O. sections, 25X exemptions, FOIA (b)(n) and Privacy Act (j)/(k) citations in text."""
    hits = sorted((m for rx in (EO_RE, X25_RE, FOIA_RE, PA_RE) for m in rx.finditer(text)),
                  key=lambda m: (m.start(), -m.end()))
    out: list[re.Match] = []
    for m in hits:                     # "Sec. 3.4(b)(1)" is a section, not FOIA (b)(1)
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def authority_codes(printed: str) -> list[tuple[str, str]]:
    """The concepts an authority as printed stands for: ``(scheme, code)`` pairs.

    "E.O. 12958, Sec. 3.4(b)(1)" -> ("eo", "12958"), ("eo-section", "12958-3-4-b-1");
    "25X1" -> ("eo-section", "25x1"); "(b)(1)" -> ("foia-exemption", "b1");
    "(b)(7)(C)" -> ("foia-exemption", "b7"); "(k)(2)" -> ("privacy-act-exemption", "k2");
    the JFK Act -> ("jfk-act", "act"); "RESTRICTIONS: 1B, 1C" -> ("jfk-restriction", "1b"), ...
    """
    codes: list[tuple[str, str]] = []
    if re.search(r"(?:Kennedy|JFK)\s+Assassination\s+Records\s+Collection\s+Act", printed, re.IGNORECASE):
        codes.append(("jfk-act", "act"))
    rm = re.match(r"RESTRICTIONS?\s*:\s*(?P<v>.*)$", printed)
    if rm:
        # the JFK Act's section 6 grounds: 6(1)(A)-(C) and 6(2)-(5); nothing else is a category
        # ("1E" on one form of the whole corpus is a slip, not a ground to publish)
        for code in re.findall(r"(?<![A-Z0-9])([1I][A-Ca-c]|[2-5])(?![A-Za-z0-9])", rm["v"]):
            code = code.upper().replace("I", "1")
            codes.append(("jfk-restriction", code.lower()))
        return codes
    for m in citations(printed):
        if m.re is EO_RE:
            codes.append(("eo", m["eo"]))
            if m["sec"]:
                sec = re.sub(r"[^0-9a-zA-Z]+", "-", m["sec"]).strip("-").lower()
                codes.append(("eo-section", f"{m['eo']}-{sec}"))
        elif m.re is X25_RE:
            codes.append(("eo-section", f"25x{m['n']}"))
        elif m.re is FOIA_RE:
            codes.append(("foia-exemption", f"b{m['n']}"))
        else:
            codes.append(("privacy-act-exemption", f"{m['l'].lower()}{m['n']}"))
    return list(dict.fromkeys(codes))


def _attach_citations(t: Transcript, events: list[Record]) -> list[Record]:
    """Each citation goes to the review event printed nearest to it (within reach)."""
    if not events:
        return events
    extra: dict[int, list[tuple[str, Span]]] = {}
    taken = [(e.evidence[0].start, e.evidence[-1].end) for e in events]
    for m in citations(t.raw):
        if any(s <= m.start() < e for s, e in taken[:0]):
            continue
        best = min(range(len(events)), key=lambda k: (
            0 if taken[k][0] <= m.start() <= taken[k][1] else
            min(abs(m.start() - taken[k][0]), abs(m.start() - taken[k][1])), k))
        s, e = taken[best]
        dist = 0 if s <= m.start() <= e else min(abs(m.start() - s), abs(m.start() - e))
        if dist > CITATION_REACH:
            continue
        span = _raw_span(t, m)
        extra.setdefault(best, []).append((" ".join(span.exact.split()), span))
    out = list(events)
    for k, cites in extra.items():
        ev = out[k]
        printed = tuple(dict.fromkeys(p for p, _ in cites if p not in ev.authorities))
        spans = tuple(sp for _, sp in cites if sp not in ev.evidence)
        out[k] = replace(ev, authorities=ev.authorities + printed, evidence=ev.evidence + spans)
    return out
