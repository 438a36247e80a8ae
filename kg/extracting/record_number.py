"""The record number NARA gave a JFK record (its RIF number, "104-10004-10097") and the
document id printed on each page of the later releases ("DocId:32340360").

Forms of the genre it reads:
- the identification form's RECORD NUMBER field ("RECORD NUMBER: = 124-10129-10086"), or,
  when the OCR printed the form as a column of labels and then a column of values, the one
  value of the form that has the shape of a record number (three digits, five, five);
- the number stamped at the top of every page of the CIA's releases ("104-10187-10083"),
  which the OCR often garbles ("'Tied 000410087)", "Tod fo0'8-10436)"): a page's first line
  is that stamp when it is close (edit distance, rapidfuzz) to the record number the file is
  named after; in a file named by its document id ("docid-32413592") the number printed at
  the head of the pages, most often if several;
- the file name when it is the record number ("2022__104-10004-10097.md", the releases'
  convention): the number is then the record's even where the print is illegible, and the
  evidence is whatever printed copy of it the text has;
- the page footer of the FBI and HSCA releases "NW 68262 DocId:32340360 Page 1": the
  document id, a second identifier.

It gives one `RecordNumber` per number.  It does not read the AGENCY FILE NUMBER (an
agency's own file, not the record) nor numbers cited in the text.
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from kg.extracting import extractor
from kg.extracting.nara_form import _form_lines
from kg.lexicon.alternation import word_start
from kg.reading.transcript import Transcript
from kg.records import FormField, Record, RecordNumber, Span

NAME = "record_number"

# three digits, five, five; the OCR may split a group with a space ("124-901 18-10020")
RIF_RE = re.compile(r"(?<![\d-])(?P<a>\d{3})\s?-\s?(?P<b>(?:\d ?){4}\d)\s?-\s?(?P<c>(?:\d ?){4}\d)(?![\d-])")
_RIF_ALONE_RE = re.compile(r"^[^\w\n]{0,4}(?P<rif>\d{3}-(?:\d ?){4}\d-(?:\d ?){4}\d)(?:[^\w\n]{0,4}$|\s+\d{3}\s+\()")
_DOCID_RE = re.compile(rf"(?:{word_start('Doc', ignorecase=True)})(?i:\s?[Il1]d\s?[:;]?\s?(?P<id>\d{{8}})\b)")
_BEFORE_STAMP_RE = re.compile(r"^[^\w\n]{0,3}(?P<num>\w[^\n]{6,18}?\w)[^\w\n]{0,4}\s*[\[{(|]?\s*"
                              r"(?:19|20)\d\d\s+RELEASE\b")
# the stamp stands in the first characters of a page's first line
STAMP_REACH = 24
STAMP_SIMILARITY = 60          # rapidfuzz partial ratio of a garbled stamp to the number


def normalise(printed: str) -> str | None:
    m = RIF_RE.search(printed)
    return "-".join(m[g].replace(" ", "") for g in "abc") if m else None


def _from_form(t: Transcript, found: list[Record]) -> tuple[str, Span] | None:
    for f in found:
        if isinstance(f, FormField) and f.name == "record-number":
            m = RIF_RE.search(f.evidence[0].exact)
            if m:
                s = f.evidence[0]
                return normalise(m.group()), Span(s.start + m.start(), s.start + m.end(), m.group())
    for ln in _form_lines(t):                   # the column layout: the one RIF-shaped value
        m = _RIF_ALONE_RE.match(t.line_text(ln))
        if m:
            return normalise(m["rif"]), t.span(ln.start + m.start("rif"), ln.start + m.end("rif"))
    return None


def _page_heads(t: Transcript):
    """(raw offset, raw head) of the first two text lines of every page."""
    since_page = 0                 # text lines since the last page break
    for ln in t.lines:
        if ln.kind == "page":
            since_page = 0
            continue
        if ln.kind not in ("text", "banner") or not t.line_text(ln).strip():
            continue
        since_page += 1
        if since_page <= 2:
            at = t.raw_span(ln.start, ln.end)[0]
            yield at, t.raw[at:at + STAMP_REACH]


def _stamped(t: Transcript) -> tuple[str, list[Span]] | None:
    """The record number stamped at the head of the pages, read where nothing else names it
    (a file named by its document id): the number printed there most often."""
    seen: dict[str, list[Span]] = {}
    for at, head in _page_heads(t):
        m = RIF_RE.search(head)
        if m:
            seen.setdefault(normalise(m.group()), []).append(t.raw_to_span(at + m.start(), at + m.end()))
    if not seen:
        return None
    number = max(seen, key=lambda n: (len(seen[n]), -seen[n][0].start))
    return number, seen[number]


def _page_stamps(t: Transcript, number: str) -> list[Span]:
    """Where the number is stamped at the top of a page, exactly or garbled by the OCR."""
    out: list[Span] = []
    for at, head in _page_heads(t):
        exact = RIF_RE.search(head)
        if exact and normalise(exact.group()) == number:
            out.append(t.raw_to_span(at + exact.start(), at + exact.end()))
            continue
        al = fuzz.partial_ratio_alignment(number, head)
        if al is not None and al.score >= STAMP_SIMILARITY and al.dest_end - al.dest_start >= 10:
            out.append(t.raw_to_span(at + al.dest_start, at + al.dest_end))
            continue
        # the releases print the number left of the release stamp, on the same line: what
        # stands there is the number, however the OCR spelled it ("'Tied 000410087)")
        line = t.raw[at:at + 200]
        m = _BEFORE_STAMP_RE.match(line)
        if m and sum(c.isdigit() for c in m["num"]) >= 4:
            out.append(t.raw_to_span(at + m.start("num"), at + m.end("num")))
    return out


@extractor(NAME, requires=(FormField,), produces=(RecordNumber,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    form = _from_form(t, found)
    named = normalise(t.name)
    if form is not None:
        number, span = form
        evidence = [span] + (_page_stamps(t, number)[:1] if number == named else [])
        out.append(RecordNumber(evidence=tuple(evidence), extractor=NAME, number=number,
                                printed=span.exact, source="form"))
    if named is not None and (form is None or form[0] != named):
        stamps = _page_stamps(t, named)
        out.append(RecordNumber(evidence=tuple(stamps[:1]), extractor=NAME, number=named,
                                printed=stamps[0].exact if stamps else None,
                                source="page" if stamps else "file-name"))
    if form is None and named is None and (stamped := _stamped(t)) is not None:
        number, stamps = stamped
        out.append(RecordNumber(evidence=(stamps[0],), extractor=NAME, number=number,
                                printed=stamps[0].exact, source="page"))
    m = _DOCID_RE.search(t.raw)
    if m:
        out.append(RecordNumber(evidence=(t.raw_to_span(m.start("id"), m.end("id")),), extractor=NAME,
                                number=f"docid-{m['id']}", printed=m["id"], source="page"))
    return out
