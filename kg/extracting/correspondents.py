"""Correspondents: the agency a record originates from, and who it is from and to, as the
identification form and the record's own letterhead or printed form say.

Forms of the genre it reads, in the order they are trusted for the originating agency:
- the identification form's ORIGINATOR field ("ORIGINATOR: FBI", "DOS");
- a letterhead: the agency's name on a line of its own in the record's first lines
  ("CENTRAL INTELLIGENCE AGENCY", "FEDERAL BUREAU OF INVESTIGATION", "DEPARTMENT OF STATE");
- the agency's own message forms: the CIA's "CLASSIFIED MESSAGE" and dispatch forms;
- when nothing printed names it, the agency part of the record number ("104-..." is a record
  the CIA submitted, "124-..." the FBI's): NARA numbers each agency's records in its own
  series (kg/data/agencies.csv), and the basis says so.
The form's FROM and TO fields ("FROM: LEG, MX", "TO: DIRECTOR, FBI") are the sender and the
addressee as NARA catalogued them.  Senders and addressees printed in a message's own header
(FROM/TO lines, routing, MEMORANDUM FOR) are the telegram extractor's `Transmission` and
`Addressee`; the competency query cq13 reads both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extracting import extractor
from kg.extracting.nara_form import _form_lines
from kg.lexicon.data import table
from kg.reading.transcript import Transcript
from kg.records import Correspondent, FormField, Record, RecordNumber

NAME = "correspondents"
LETTERHEAD_LINES = 60          # text lines of the record (after the form) a letterhead may stand in
_CIA_FORMS = frozenset({"cia-cable", "cia-dispatch"})


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    aliases: tuple[str, ...]
    rif: str | None
    letterhead: re.Pattern


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    return tuple(Agency(r["code"], r["name"], tuple(a for a in r["aliases"].split("|") if a),
                        r["rif"] or None,
                        re.compile(rf"^[^\w\n]{{0,4}}(?:THE\s+)?{r['letterhead']}\b", re.IGNORECASE))
                 for r in table("agencies.csv"))


def agency_of(printed: str) -> Agency | None:
    """The agency a printed code or name stands for ("FBI", "DOS", "Central Intelligence Agency")."""
    key = " ".join(re.sub(r"[^\w.&' ]", " ", printed).split()).upper()
    for a in agencies():
        if key == a.code or key in a.aliases or key == a.name.upper():
            return a
    return None


def _letterhead(t: Transcript) -> tuple[Agency, int, int] | None:
    form = {ln.start for ln in _form_lines(t)}
    seen = 0
    for ln in t.lines:
        if ln.kind != "text" or ln.start in form:
            continue
        seen += 1
        if seen > LETTERHEAD_LINES:
            break
        text = t.line_text(ln)
        for a in agencies():
            m = a.letterhead.match(text)
            if m and len(text[m.end():].split()) <= 3:
                lead = len(m.group()) - len(m.group().lstrip(" \t'\"‘“|.,;:-"))
                return a, ln.start + m.start() + lead, ln.start + m.end()
    return None


@extractor(NAME, requires=(FormField, RecordNumber), produces=(Correspondent,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    out: list[Record] = []
    fields: dict[str, FormField] = {}
    for f in found:
        if isinstance(f, FormField):
            fields.setdefault(f.name, f)

    origin = fields.get("originator")
    agency = agency_of(origin.value) if origin is not None else None
    if origin is not None and agency is not None:
        out.append(Correspondent(evidence=origin.evidence, extractor=NAME, role="originator",
                                 name=agency.name, printed=origin.value, basis="form"))
    elif (head := _letterhead(t)) is not None:
        a, s, e = head
        span = t.span(s, e)
        out.append(Correspondent(evidence=(span,), extractor=NAME, role="originator", name=a.name,
                                 printed=" ".join(span.exact.split()), basis="letterhead"))
    elif t.metadata.get("genre_hint") in _CIA_FORMS and (cue := next(
            (c for c in t.metadata.get("genre_cues", ()) if c["genre"] in _CIA_FORMS), None)):
        cia = agency_of("CIA")
        span = t.raw_to_span(*cue["span"])
        out.append(Correspondent(evidence=(span,), extractor=NAME, role="originator", name=cia.name,
                                 printed=" ".join(span.exact.split()), basis="letterhead"))
    else:
        numbers = [r for r in found if isinstance(r, RecordNumber) and not r.number.startswith("docid")]
        prefix = numbers[0].number[:3] if numbers else None
        a = next((a for a in agencies() if prefix and a.rif == prefix), None)
        if a is not None:
            out.append(Correspondent(evidence=numbers[0].evidence, extractor=NAME, role="originator",
                                     name=a.name, printed=numbers[0].number, basis="record-number"))

    for field, role in (("from", "sender"), ("to", "addressee")):
        f = fields.get(field)
        if f is not None and sum(c.isalpha() for c in f.value) >= 2:
            out.append(Correspondent(evidence=f.evidence, extractor=NAME, role=role,
                                     name=f.value, printed=f.value, basis="form"))
    return out
