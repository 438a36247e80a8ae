"""Document header: what the document is, when and where, about what, which copy.

Reads the lines before the body: the genre line ("MEMORANDUM OF CONVERSATION", "TELEGRAM",
"MEMORANDUM FOR THE RECORD"...), a DRAFT status, the date ("November 6, 1962", or a filing
date such as "1962/11/06"), the time span ("4 to 9:30 P.M."), the place (normalised through
kg/data/places.csv), the SUBJECT line, "Copy 3 of 7 copies" and the document number printed
on a line of its own ("01080").  Dates inside declassification stamps ("Date: 4/4/92") are
not the document's date; the reviews extractor reads them.

It does not read the participants (participants.py) or the drafter (drafters.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extracting import extractor
from kg.extracting.dates import (ISO_SLASH_DATE_RE, MONTH_NAME_DATE_RE, TIME_RANGE_RE,
                                 parse_month_name_date, parse_time_range, safe_date)
from kg.extracting.nara_form import _form_lines, form_date
from kg.extracting.record_date import cited, record_date
from kg.lexicon.alternation import RunIndex, lowered, required_runs
from kg.lexicon.data import table
from kg.reading.transcript import Line, Transcript
from kg.records import DocumentHeader, Record, Span

NAME = "header"

# Genre lines, most specific first: (pattern, normalised genre).
GENRES: tuple[tuple[str, str], ...] = (
    (r"MEMORANDUM\s+OF\s+CONVERSATION", "memorandum of conversation"),
    (r"MEMORANDUM\s+FOR\s+(?:THE\s+)?RECORD", "memorandum for the record"),
    (r"MEMORANDUM\s+FOR\b", "memorandum"),
    # the genre as the typescript names it, so a catalogue finds it under its own words
    (r"MEMORANDUM\s+OF\s+(?:A\s+)?CONFERENCE", "memorandum of conference"),
    (r"MEMORANDUM\s+OF\s+(?:A\s+)?MEETING", "memorandum of meeting"),
    (r"CONFERENCE\s+MEMORANDUM", "conference memorandum"),
    (r"INFORMATION\s+REPORT", "information report"),
    (r"\bAIRGRAM\b", "airgram"),
    (r"\b(?:INCOMING|OUTGOING)\s+TELEGRAM\b|\bTELEGRAM\b|\bCABLE\b", "telegram"),
    (r"\bMEMORANDUM\b", "memorandum"),
    (r"\bLETTER\b", "letter"),
)
# compiled once (the header's lines are searched for each): as printed, and in any case
_GENRES_CAPITALS = tuple((re.compile(p), genre) for p, genre in GENRES)
_GENRES_ANY_CASE = tuple((re.compile(p, re.IGNORECASE), genre) for p, genre in GENRES)
_DRAFT_RE = re.compile(r"\bDRAFT\b")
# a heading that opens with the genre's words, optionally numbered as in the printed volumes
_TITLE_CASE_HEADING_RE = re.compile(
    r"^\s*(?:\d{1,4}\.\s+)?(?P<title>(?:Memorandum|Telegram|Airgram|Letter|Information\s+Report|"
    r"Conference\s+Memorandum)\b[^.:;]{0,120}?)\s*$")
_SUBJECT_RE = re.compile(r"^\s*(?:SUBJECT|Subject|SUBJ)\s*[:.]\s*(?P<subject>\S.*?)\s*$")
_SUBJECT_ALONE_RE = re.compile(r"^\s*(?:SUBJECT|Subject)\s*[:.]?\s*$")
_NEXT_LABEL_RE = re.compile(r"^(?:PARTICIPANTS?|PRESENT|COPIES|DISTRIBUTION)\b", re.IGNORECASE)
_COPY_RE = re.compile(r"\bCopy\s+(?:No\.?\s*)?(?P<n>\d{1,3})\s+of\s+(?P<of>\d{1,3})(?:\s+[Cc]opies)?", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^\s*(?:No\.?\s*)?(?P<id>\d{3,7})\s*$")
# "Place:" in a memorandum; "FROM:" in a telegram names the post it was sent from.
_PLACE_LABEL_RE = re.compile(r"^\s*(?:PLACE|Place|FROM|From)\s*:\s*(?P<place>\S.*?)\s*$")
# A dateline: the place, then the date ("Washington, October 16, 1962, 11:50 a.m.")
_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}),\s+(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\s+\d")
# Layout cues of the plain OCR reader -> genre, when no genre line stands in the header.
_CUE_GENRES = {"telegram": "telegram", "cia-cable": "cia-cable", "cia-dispatch": "cia-cable",
               "memorandum": "memorandum"}
# Lines of a declassification stamp: their dates are review dates, not the document's.
_STAMP_RE = re.compile(r"\b(?:REVIEW|Reviewed|DECLASSIF|Authority|NARA|EO\s|E\.O\.|FOIA|Exemption|OADR)",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    pattern: re.Pattern
    name: str
    wikidata: str | None


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    return tuple(Place(re.compile(r["pattern"], re.IGNORECASE), r["name"], r["wikidata"] or None)
                 for r in table("places.csv"))


@lru_cache(maxsize=1)
def _place_words() -> RunIndex:
    """Which places' patterns a text may match, by one search for the words they print."""
    return RunIndex(required_runs(p.pattern.pattern, re.IGNORECASE) for p in places())


def normalise_place(printed: str, every_place: bool = False) -> Place | None:
    """The first place whose pattern the printed text matches (``every_place``: each pattern
    tried, the plain loop; else only those whose words it prints, in the same order)."""
    low = None if every_place else lowered(printed)       # None: an odd letter, try every one
    found = places()
    for i in range(len(found)) if low is None else _place_words().which(low):
        if found[i].pattern.search(printed):
            return found[i]
    return None


def genre_of(text: str) -> str | None:
    """The genre a title or genre line names ("84. Memorandum of Conversation")."""
    return next((genre for rx, genre in _GENRES_ANY_CASE if rx.search(text)), None)


def _header_lines(t: Transcript) -> list[Line]:
    return [ln for ln in t.lines if ln.start < t.body_start and ln.kind == "text"]


def _span(t: Transcript, ln: Line, m: re.Match, group: int | str = 0) -> Span:
    return t.span(ln.start + m.start(group), ln.start + m.end(group))


@extractor(NAME, requires=(DocumentHeader,), produces=(DocumentHeader,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, DocumentHeader) for r in found):
        return []           # the markup already gave the header (frus_markup)
    lines = _header_lines(t)
    fields: dict = {}
    evidence: list[Span] = []

    for rx, genre in _GENRES_CAPITALS:
        hit = next(((ln, m) for ln in lines if (m := rx.search(t.line_text(ln)))), None)
        if hit:
            ln, m = hit
            fields["doc_type"], fields["doc_type_span"] = genre, _span(t, ln, m)
            fields["title"] = " ".join(m.group().split()).title()
            break

    if "doc_type" not in fields:
        # a printed edition's heading in title case, alone on its line ("29. Memorandum of
        # Conversation", "Telegram From the Embassy in the Soviet Union to the Department")
        for ln in lines:
            m = _TITLE_CASE_HEADING_RE.match(t.line_text(ln))
            genre = genre_of(m.group("title")) if m else None
            if genre:
                fields["doc_type"], fields["doc_type_span"] = genre, _span(t, ln, m, "title")
                fields["title"] = " ".join(m.group("title").split())
                break

    if "doc_type" not in fields:
        # the genre the layout shows below the NARA identification form (plain OCR readers)
        for cue in t.metadata.get("genre_cues", ()):
            genre = _CUE_GENRES.get(cue["genre"])
            text = cue["cue"]
            if cue["genre"] in ("memorandum", "telegram"):
                genre = next((g for rx, g in _GENRES_ANY_CASE if rx.search(text)), genre)
            if genre:
                span = t.raw_to_span(*cue["span"])
                lead = len(span.exact) - len(span.exact.lstrip(" \t\"'|.,;:-"))
                span = t.raw_to_span(span.start + lead, span.end)
                fields["doc_type"], fields["doc_type_span"] = genre, span
                fields["title"] = " ".join(span.exact.split()).title()
                break

    fields["draft"] = any(_DRAFT_RE.search(t.line_text(ln)) for ln in lines)

    dated = [(ln, m) for ln in lines if not _STAMP_RE.search(t.line_text(ln))
             for m in MONTH_NAME_DATE_RE.finditer(t.line_text(ln))]
    date_hit = next(((ln, m, d) for ln, m in dated if (d := parse_month_name_date(m))), None)
    if date_hit is None:
        for ln in lines:
            m = ISO_SLASH_DATE_RE.search(t.line_text(ln))
            if m and (d := safe_date(int(m["y"]), int(m["m"]), int(m["d"]))):
                date_hit = (ln, m, d)
                break
    if date_hit:
        ln, m, d = date_hit
        fields["date"], fields["date_span"] = d, _span(t, ln, m)
    if t.reader == "plaintext":
        # noisy OCR of a record: its date where the genre puts it (kg.extracting.record_date),
        # before the first typed date of the header, which may be one the record cites
        form = {ln.start for ln in _form_lines(t)}
        found_date = record_date(t, [ln for ln in t.lines if ln.start not in form])
        typed_whole = (date_hit is not None and 1940 <= date_hit[2].year <= 1999
                       and not cited(t.line_text(date_hit[0]), date_hit[1].start()))
        if found_date is not None and found_date.month_only and typed_whole:
            found_date = None                # a whole date typed in the header beats a month alone
        if found_date is not None:
            fields["date"], fields["date_span"] = found_date.value, found_date.span
            fields["date_precision"] = "month" if found_date.month_only else "day"
        elif date_hit is not None and (not 1940 <= fields["date"].year <= 1999
                                       or cited(t.line_text(date_hit[0]), date_hit[1].start())):
            # "2 August 1838": OCR, not the record's year; "1. On 17 March 1961, ...": a date
            # the record cites, not its own
            del fields["date"], fields["date_span"]
    catalogued = form_date(t)          # the NARA identification form's DATE is the record's
    if catalogued is not None:
        fields["date"], fields["date_span"] = catalogued
        fields["date_precision"] = "day"

    for ln in lines:
        m = TIME_RANGE_RE.search(t.line_text(ln))
        if m and (times := parse_time_range(m)):
            fields["start_time"], fields["end_time"] = times
            fields["time_span"] = _span(t, ln, m)
            break

    # a labelled place wins over a place named in passing (a letterhead, a banner)
    ordered = sorted(lines, key=lambda ln: not (_PLACE_LABEL_RE.match(t.line_text(ln))
                                                or _DATELINE_RE.match(t.line_text(ln))))
    for ln in ordered:
        text = t.line_text(ln)
        labelled = _PLACE_LABEL_RE.match(text) or _DATELINE_RE.match(text)
        place = normalise_place(labelled["place"] if labelled else text)
        if place and (labelled or len(text.split()) <= 6 and not _STAMP_RE.search(text)):
            m = labelled if labelled else re.match(r"\s*(\S.*?)\s*$", text)
            group = "place" if labelled else 1
            fields["place"], fields["place_printed"] = place.name, m.group(group)
            fields["place_span"] = _span(t, ln, m, group)
            break

    for i, ln in enumerate(lines):
        m = _SUBJECT_RE.match(t.line_text(ln))
        if m:
            fields["subject"], fields["subject_span"] = m["subject"], _span(t, ln, m, "subject")
            break
        if _SUBJECT_ALONE_RE.match(t.line_text(ln)) and i + 1 < len(lines):
            # FRUS layout: the label on its own line, the subject on the next
            nxt = lines[i + 1]
            m = re.match(r"\s*(\S.*?)\s*$", t.line_text(nxt))
            if m and not _NEXT_LABEL_RE.match(m.group(1)):
                fields["subject"], fields["subject_span"] = m.group(1), _span(t, nxt, m, 1)
            break

    for ln in lines:
        m = _COPY_RE.search(t.line_text(ln))
        if m:
            fields["copy_number"], fields["copy_total"] = int(m["n"]), int(m["of"])
            fields["copy_span"] = _span(t, ln, m)
            break

    ids = []
    for ln in lines:
        m = _NUMBER_RE.match(t.line_text(ln))
        if m:
            ids.append((m["id"], _span(t, ln, m, "id")))
    fields["identifiers"] = tuple(ids)

    for key in ("doc_type_span", "date_span", "time_span", "place_span", "subject_span", "copy_span"):
        if fields.get(key) is not None:
            evidence.append(fields[key])
    evidence.extend(span for _, span in ids)
    if not evidence:
        return []
    return [DocumentHeader(evidence=tuple(sorted(set(evidence))), extractor=NAME, **fields)]
