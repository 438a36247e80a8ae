"""Signatures: the typed name that closes a memorandum, read as its drafter.

A memorandum of conference or for the record that prints no "Drafted by" line is signed at
its end with the writer's name typed alone on a line ("McGeorge Bundy", "Dean Rusk").  That
line is the drafter when it is a person's name the document or the authority file knows: a
listed participant, or a person of kg/data/persons.csv.

It does not read telegrams (their signature is the author, read by the telegram extractor),
nor a name inside a participants list, nor a line of prose.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.lexicon.authority import authority_lookup
from kg.lexicon.matching import similarity, surname
from kg.reading.transcript import Transcript
from kg.records import Drafter, Participant, Record, Transmission

NAME = "signatures"

# a personal name alone on its line: given names or initials, then a surname; no title
_NAME_LINE_RE = re.compile(
    r"^\s*(?P<name>(?:(?:Mc|Mac)?[A-Z][a-z]+\s+|[A-Z]\.\s*){1,3}(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*$")
_MESSAGES = frozenset({"telegram", "airgram", "cia-cable"})
_PROSE_WORDS = 6          # a line this long is prose: the signature block is above it
_LOOK_BACK = 8            # text lines from the end that may hold the signature


def _known(name: str, listed: list[Participant]) -> bool:
    if any(p.name and similarity(surname(p.name), surname(name)) >= 0.9 for p in listed):
        return True
    hit = authority_lookup(name)
    return hit is not None and hit[1] >= 0.9


@extractor(NAME, requires=(Transmission, Drafter, Participant), produces=(Drafter,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, Transmission) and r.genre in _MESSAGES for r in found):
        return []
    if any(isinstance(r, Drafter) and r.role in ("drafter", "author") for r in found):
        return []
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
