"""Signatures: the typed name that closes a memorandum or a letter, read as its writer.

Two conventions of the genre:
- a memorandum of conference or for the record that prints no "Drafted by" line is signed at
  its end with the writer's name typed alone on a line ("McGeorge Bundy", "Dean Rusk").  That
  line is the drafter when it is a person's name the document or the authority file knows: a
  listed participant, or a person of kg/data/persons.csv;
- in a record's OCR (plain text), a signature block: a person's name alone on its line with
  the office or rank typed under it ("Robert B. Olsen" / "Senior Counsel", "G. Robert Blakey"
  / "Chief Counsel and Director", "Michael E. Schneeberger" / "Security Analysis Group"), or
  under a closing ("Sincerely yours,", "FOR THE DIRECTOR OF SECURITY:").  The first such
  block of the record is its author: it stands in a letter's or memorandum's signature, or
  in the FROM box of the routing sheet that precedes it.  What a name line and an office
  line are is kg.lexicon.names' (`name_line`, `office_line`): a line of ordinary words
  ("Security Analysis Group") or of OCR debris is no name.

It does not read telegrams (their signature is the author, read by the telegram extractor),
nor a name inside a participants list, a distribution or copies list, nor a line of prose.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.extracting.nara_form import _form_lines
from kg.lexicon.authority import authority_lookup
from kg.lexicon.matching import similarity, surname
from kg.lexicon.names import SALUTATION_RE, name_line, office_line
from kg.reading.transcript import Line, Transcript
from kg.records import Drafter, Participant, Record, Transmission

NAME = "signatures"

# a personal name alone on its line: given names or initials, then a surname; no title
_NAME_LINE_RE = re.compile(
    r"^\s*(?P<name>(?:(?:Mc|Mac)?[A-Z][a-z]+\s+|[A-Z]\.\s*){1,3}(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*$")
_MESSAGES = frozenset({"telegram", "airgram", "cia-cable"})
_CLOSING_RE = re.compile(r"^\W{0,3}(?:\w\s+)?(?:Sincerely|Very\s+truly|Respectfully|Cordially|Faithfully|Yours\s+(?:truly|sincerely)"
                         r"|FOR\s+THE\s+(?:DIRECTOR|CHIEF|DEPUTY)\b|For\s+the\s+(?:Director|Chief|Deputy)\b)", re.IGNORECASE)
_ADDRESSED_RE = re.compile(r"^\W{0,3}(?:MEMORANDUM\s+FOR|Memorandum\s+for|TO\s*:|To\s*:|ATTN|Attn|Attention)\b")
# a bare label over the name: FROM (a routing sheet's box) names the writer, others a subject
_BARE_LABEL_RE = re.compile(r"^\W{0,3}(?:(?P<from>FROM|From)|[A-Z][A-Z. ]{1,20}?)\s*[:;]\W{0,3}$")
ADDRESS_LINES = 8            # an inside address stands this close above the salutation
_LIST_RE = re.compile(r"^\W{0,3}(?:cc|CC|Cc|bcc|Distribution|DISTRIBUTION|Attendees|ATTENDEES|PARTICIPANTS|Participants"
                      r"|Present|PRESENT|Copies|COPIES|Orig)\b")
BLOCK_REACH = 3               # lines between a closing and the name (the signature's scrawl)
_PROSE_WORDS = 6          # a line this long is prose: the signature block is above it
_LOOK_BACK = 8            # text lines from the end that may hold the signature


def _known(name: str, listed: list[Participant]) -> bool:
    if any(p.name and similarity(surname(p.name), surname(name)) >= 0.9 for p in listed):
        return True
    hit = authority_lookup(name)
    return hit is not None and hit[1] >= 0.9


def _named(t: Transcript, ln: Line) -> str | None:
    m = name_line(t.line_text(ln))
    return m["name"] if m else None


def _signature_block(t: Transcript, found: list[Record]) -> list[Record]:
    """The first signature block of a record's OCR: a name over an office, or under a closing."""
    form = {ln.start for ln in _form_lines(t)}
    listed = [(s.start, s.end) for p in found if isinstance(p, Participant) for s in p.evidence]
    lines = [ln for ln in t.lines if ln.kind == "text" and ln.start not in form and t.line_text(ln).strip()]
    for i, ln in enumerate(lines):
        m = name_line(t.line_text(ln))
        if m is None:
            continue
        before = [t.line_text(x) for x in lines[max(0, i - BLOCK_REACH):i]]
        if any(_LIST_RE.match(x) for x in before):
            continue                             # a name of a copies or distribution list
        label = _BARE_LABEL_RE.match(before[-1]) if before else None
        if label and not label["from"]:
            continue                             # the value of a field ("SUBJECT:"), not a signature
        after = t.line_text(lines[i + 1]) if i + 1 < len(lines) else ""
        office = office_line(after) and not name_line(after)
        closing = next((j for j in range(len(before) - 1, -1, -1) if _CLOSING_RE.match(before[j])), None)
        if closing is not None and any(re.search(r"[A-Z][a-z'’]{3,}", x) for x in before[closing + 1:]):
            closing = None                       # another name stands under the closing (misread)
        if not (office or label or closing is not None):
            continue
        if office and any(_named(t, x) for x in lines[max(0, i - 3):i - 1] + lines[i + 2:i + 4]):
            continue                             # a roster: names and offices one after another
        if any(_ADDRESSED_RE.match(x) for x in before[-2:]) or any(
                SALUTATION_RE.match(t.line_text(x)) for x in lines[i + 1:i + 1 + ADDRESS_LINES]):
            continue                             # a letter's inside address, a memorandum's addressee
        span = t.span(ln.start + m.start("name"), ln.start + m.end("name"))
        if any(a < span.end and span.start < b for a, b in listed):
            continue
        return [Drafter(evidence=(span,), extractor=NAME, name=" ".join(m["name"].split()), role="author")]
    return []


@extractor(NAME, requires=(Transmission, Drafter, Participant), produces=(Drafter,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, Transmission) and r.genre in _MESSAGES for r in found):
        return []
    if any(isinstance(r, Drafter) and r.role in ("drafter", "author") for r in found):
        return []
    if t.reader == "plaintext" and (block := _signature_block(t, found)):
        return block
    listed = [p for p in found if isinstance(p, Participant)]
    in_list = [(s.start, s.end) for p in listed for s in p.evidence]
    lines = [ln for ln in t.lines if ln.kind == "text" and t.line_text(ln).strip()]
    for ln in reversed(lines[-_LOOK_BACK:]):
        text = t.line_text(ln)
        m = _NAME_LINE_RE.match(text)
        if m is None:
            if len(text.split()) >= _PROSE_WORDS:
                return []            # prose: no signature below it
            continue
        span = t.span(ln.start + m.start("name"), ln.start + m.end("name"))
        if any(a < span.end and span.start < b for a, b in in_list):
            continue                 # a name of the participants list
        if not _known(m.group("name"), listed):
            continue
        return [Drafter(evidence=(span,), extractor=NAME, name=m.group("name"), role="drafter")]
    return []
