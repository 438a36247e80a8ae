"""Inside addresses: whom a letter is written to, as the address above its salutation prints it.

A typed letter names its addressee twice: in the inside address over the salutation
("Mr. Patrick Carpentier" / "Office of the Legislative Counsel" / "Central Intelligence
Agency" / "Washington, D.C." / "Dear Mr. Carpentier:") and in the salutation itself.  The
person's name of the inside address, a title before it or none, is the addressee (an
`Addressee` of role "to") when the salutation repeats its surname or greets no one by name
("Dear Sir:", "Gentlemen:"); an address that prints no name leaves the salutation's "Mr.
Carpentier" ("Dear Mr. Chairman:" greets an office, no one by name).  Only the record's first letter is read: a letter attached further on is
another record's.

It does not read a memorandum's MEMORANDUM FOR or a cable's TO line (the telegram
extractor's), and reads nothing when those already name the addressee.  What a name line is,
is kg.lexicon.names' (`name_line`): an organisation or a street is no name.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.extracting.nara_form import _form_lines
from kg.lexicon.matching import similarity, surname
from kg.lexicon.names import SALUTATION_RE, name_line, office_words
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Transcript
from kg.records import Addressee, Record

NAME = "inside_address"

LETTER_LINES = 120            # text lines of the record (after the form) its first letter opens in
ADDRESS_LINES = 8             # an inside address stands this close above the salutation
# "Dear Mr. Carpentier:", "Dear Senator Baker:", "Dear Jim,"
_GREETED_RE = re.compile(r"^\W{0,3}(?:Dear|DEAR)\s+(?:(?P<title>[A-Z][A-Za-z.]{1,12})\s+)?(?P<name>[A-Z][\w'’-]+)\s*[:,;]")
_NO_ONE = re.compile(r"^\W{0,3}(?:Dear\s+(?:Sir|Madam|Sirs)|Gentlemen|Sir\s*:|Madam\s*:)", re.IGNORECASE)
_LEAD_RE = re.compile(r"^[^\w\n]{0,3}")


def _address_name(text: str) -> tuple[int, int, str] | None:
    """(start, end, name) of a person's name on an address line, a title before it or none."""
    lead = _LEAD_RE.match(text).end()
    title = TITLE_RE.match(text, lead)
    rest = title.end() if title else lead
    m = name_line(text[rest:])
    if m is None:
        return None
    start = title.start() if title else rest + m.start("name")
    return start, rest + m.end("name"), text[start:rest + m.end("name")]


@extractor(NAME, requires=(Addressee,), produces=(Addressee,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if t.reader != "plaintext" or any(isinstance(r, Addressee) and r.role == "to" for r in found):
        return []
    form = {ln.start for ln in _form_lines(t)}
    lines = [ln for ln in t.lines if ln.kind == "text" and ln.start not in form and t.line_text(ln).strip()]
    lines = lines[:LETTER_LINES]
    at = next((i for i, ln in enumerate(lines) if SALUTATION_RE.match(t.line_text(ln))), None)
    if at is None:
        return []
    salutation = t.line_text(lines[at])
    greeted = _GREETED_RE.match(salutation)
    anyone = _NO_ONE.match(salutation) is not None
    for ln in reversed(lines[max(0, at - ADDRESS_LINES):at]):
        hit = _address_name(t.line_text(ln))
        if hit is None:
            continue
        start, end, name = hit
        if anyone or (greeted and similarity(surname(name), greeted["name"]) >= 0.8):
            return [Addressee(evidence=(t.span(ln.start + start, ln.start + end),), extractor=NAME,
                              name=" ".join(name.split()), role="to")]
        break                              # the address names someone the letter does not greet
    if greeted and greeted["title"] and TITLE_RE.fullmatch(greeted["title"]) \
            and not TITLE_RE.fullmatch(greeted["name"]) and greeted["name"].casefold() not in office_words():
        ln = lines[at]
        span = t.span(ln.start + greeted.start("title"), ln.start + greeted.end("name"))
        return [Addressee(evidence=(span,), extractor=NAME, name=" ".join(span.exact.split()), role="to")]
    return []
