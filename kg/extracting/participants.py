"""Participants: the people listed as taking part in a conversation.

Reads the participants block of a memorandum of conversation wherever it stands — at the
top ("PARTICIPANTS:"), at the end, or as "OTHERS PRESENT:" — with the sides as printed
("US - Ambassador Stevenson", "USSR- Mr. Kuznetsov", "Soviet Side:") and each entry's title
and name.  An entry that is only an office ("The Secretary", "The President") is kept with
its title and no name; the resolver decides who held the office on the document's date.
Where the list prints no side, the entry's own description gives it ("Ambassador Mikhail A.
Menshikov, USSR"; "Counselor, Soviet Embassy"), else the country of the office or of the
person in the authority file (data), else none.

It does not decide who a participant *is* (that is the resolver's job), and it never adds a
participant from the prose: a speaker who is not listed is not a participant.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.lexicon.authority import authority_lookup, office_of, offices, post_office
from kg.lexicon.names import NOT_A_NAME, SURNAME
from kg.lexicon.nations import SIDE_PREFIX_RE, SIDES, side_of
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Transcript
from kg.records import DocumentHeader, Participant, Record

NAME = "participants"

# The label of a participants block: followed by a colon in any case, or in capitals on its
# own ("PARTICIPANTS"), never a word of the prose ("presentation", "presenta").
_LABEL_WORDS = r"(?:(?:OTHERS?|ALSO)\s+PRESENT|PARTICIPANTS?|PERSONS\s+PRESENT|PRESENT)"
_LABEL_RE = re.compile(
    rf"^\s*(?:(?i:{_LABEL_WORDS})\s*:\s*|{_LABEL_WORDS}\b\s*(?=[A-Z(]|$))")
# A field label that ends the block ("SUBJECT:", "COPIES TO:", "Date:").
_NEXT_FIELD_RE = re.compile(r"^\s*[A-Z][A-Za-z /]{1,30}:\s*|^\s*\(\s*\)")
_OFFICE_ONLY_RE = re.compile(
    r"^(?:The|the)\s+(?P<office>Secretary(?:\s+of\s+(?:State|Defense))?|President|Vice\s+President|"
    r"Under\s+Secretary|Attorney\s+General|Secretary-General|Secretary\s+General|Ambassador)\b")
_ENTRY_RE = re.compile(
    rf"(?P<title>{TITLE_RE.pattern})?\s*(?P<name>(?:[A-Z]\.\s?){{0,3}}\s*(?:{SURNAME}\s+)?"
    rf"(?:[A-Z]\.\s?){{0,2}}\s*{SURNAME})")


# entries are parted by ";", a wide gap, or a comma before the next title ("The President,
# the Vice President, Secretary Rusk, General Taylor, Mr. McCone")
# a title counts only with a name after it: ", Counselor, Soviet Embassy" describes an entry
_ENTRY_SEPARATOR_RE = re.compile(
    rf";|\s{{2,}}(?=\S)|,\s+(?:and\s+)?(?=(?:{TITLE_RE.pattern})\s+(?:[A-Z]\.\s*)*(?:Mc|Mac)?[A-Z][a-z]|"
    rf"[Tt]he\s+[A-Z])")


def _entries(line: str) -> list[tuple[int, int]]:
    """Split one line of the block into entries (reading offsets relative to the line)."""
    parts, pos = [], 0
    for m in _ENTRY_SEPARATOR_RE.finditer(line):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(line)))
    return [(a, b) for a, b in parts if line[a:b].strip()]


# An office known by its initials ("DCI", "C/WHD") rather than a person's name.
_OFFICE_CODE_RE = re.compile(r"^(?:[A-Z]{2,5}(?:/[A-Z0-9]{1,5})*|[A-Z]/[A-Z0-9/]+)$")
# An OCR'd title glued to the name ("Lir.Herbert" for "Mr. Herbert"): skip the first part.
_GLUED_TITLE_RE = re.compile(r"^[A-Z][a-z]{1,3}\.(?=[A-Z][a-z])")


_SIDE_ALT = "|".join(re.escape(k) for k in sorted(SIDES, key=len, reverse=True))
# a side's own service ("Soviet Embassy", "USSR Delegation"), never a desk that studies it
# ("Office of Soviet Affairs"); or a side alone as a piece of the description (", USSR")
_SIDE_WORD_RE = re.compile(
    rf"(?<![A-Za-z.])(?P<side>{_SIDE_ALT})\s+(?:Embassy|Delegation|Mission|Government|Ambassador|"
    rf"Foreign\s+Minist(?:er|ry)|Ministry|Representative|Consulate)\b"
    rf"|,\s*(?P<alone>{_SIDE_ALT})\s*(?:,|;|$)")


def _side_in_description(description: str) -> str | None:
    """The side an entry's own description gives when the block has no side headings:
    "Ambassador Mikhail A. Menshikov, USSR", "Mr. Oleg Sokolov, Counselor, Soviet Embassy"."""
    if not description.lstrip().startswith(","):
        return None
    m = _SIDE_WORD_RE.search(description)
    return SIDES[m.group("side") or m.group("alone")] if m else None


def _known_side(name: str | None, title: str | None, place: str | None = None) -> str | None:
    """The side of an entry the list prints without one: the country of the office a bare
    title names ("The Secretary"; "The Ambassador" at his post), else the country the
    authority file gives the person."""
    if name is None:
        office = office_of(title) or post_office(title, place)
        return next((t.country for t in offices()[0] if t.office == office), None) if office else None
    hit = authority_lookup(name)
    return hit[0].country if hit and hit[1] >= 0.9 else None


def _parse_entry(text: str) -> tuple[str | None, str | None, int, int] | None:
    """(title, name, start, end) of the person in one entry, or None."""
    stripped = text.strip()
    if _OFFICE_CODE_RE.match(stripped.rstrip(",;")):
        code = stripped.rstrip(",;")
        if office_of(code) is None:
            return None                  # "C/WHD": a desk, no person the data can name
        lead = len(text) - len(text.lstrip())
        return (code, None, lead, lead + len(code))     # "DCI": the office-holder on the date
    office = _OFFICE_ONLY_RE.match(stripped)
    lead = len(text) - len(text.lstrip())
    conj = re.match(r"(?:and|&)\s+", text[lead:])
    if conj:
        lead += conj.end()
    glued = _GLUED_TITLE_RE.match(text[lead:])
    if glued and not TITLE_RE.match(text, lead):
        lead += glued.end()
    if office:
        return (office.group(0).strip(), None, lead, lead + office.end())
    m = _ENTRY_RE.match(text, lead)
    if not m or not m.group("name"):
        return None
    name = m.group("name").strip()
    if name.split()[-1] in NOT_A_NAME or name.isupper() and len(name) > 3 and not m.group("title"):
        return None
    return (m.group("title"), name, m.start(), m.end())


# "MEMORANDUM OF CONFERENCE WITH THE PRESIDENT": the office-holder the heading names took
# part, though the list that follows ("OTHERS PRESENT") leaves him out
_WITH_HEADING_RE = re.compile(
    r"^\s*(?:MEMORANDUM\s+(?:OF|FOR)\s+(?:A\s+)?|NOTES?\s+(?:OF|ON)\s+(?:A\s+)?)?"
    r"(?:CONFERENCE|MEETING|CONVERSATION|DISCUSSION|TALK)S?\s+WITH\s+(?P<office>THE\s+[A-Z][A-Z -]+?)"
    r"\s*(?:[,.(]|$)", re.IGNORECASE)


def _heading_participant(t: Transcript) -> Participant | None:
    for ln in t.lines[:40]:
        if ln.kind != "text":
            continue
        m = _WITH_HEADING_RE.match(t.line_text(ln))
        if not m:
            continue
        office = " ".join(m.group("office").split()).title()
        if office_of(office) is None:
            return None
        return Participant(evidence=(t.span(ln.start + m.start("office"), ln.start + m.end("office")),),
                           extractor=NAME, name=None, title=office, side=_known_side(None, office),
                           order=0)
    return None


@extractor(NAME, requires=(Participant, DocumentHeader), produces=(Participant,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, Participant) and r.extractor == "frus_markup" for r in found):
        return []           # the markup already lists them (frus_markup)
    out: list[Record] = []
    place = next((r.place for r in found if isinstance(r, DocumentHeader)), None)
    heading = _heading_participant(t)
    if heading is not None:
        out.append(heading)
    lines = t.lines
    i = 0
    order = len(out)
    while i < len(lines):
        ln = lines[i]
        label = _LABEL_RE.match(t.line_text(ln)) if ln.kind == "text" else None
        if not label:
            i += 1
            continue
        side: str | None = None
        first = True
        previous_open = False
        j = i
        while j < len(lines):
            cur = lines[j]
            text = t.line_text(cur)
            offset = label.end() if first else 0
            if not first:
                if cur.kind == "blank":
                    # a blank line ends the block unless a side heading follows
                    nxt = next((x for x in lines[j + 1:] if x.kind != "blank"), None)
                    if nxt is None or not SIDE_PREFIX_RE.match(t.line_text(nxt)):
                        break
                    j += 1
                    continue
                if cur.kind != "text" or _NEXT_FIELD_RE.match(text) and not SIDE_PREFIX_RE.match(text):
                    break
                if len(text.split()) > 12:        # prose: the block is over
                    break
            if not first and previous_open and not SIDE_PREFIX_RE.match(text) \
                    and not TITLE_RE.match(text.lstrip()) and not _OFFICE_ONLY_RE.match(text.lstrip()):
                # the previous entry's description ran over the line ("..., Vice Presidential /
                # Military Aide; Mr. Walter Donnelly"): the words up to the next ";" describe
                # it, they are no one new
                semi = text.find(";")
                if semi < 0:
                    j += 1
                    continue
                offset = semi + 1
            first = False
            body = text[offset:]
            previous_open = bool(re.search(r",[^;]*$", body)) and not re.search(r";\s*$", body)
            sp = SIDE_PREFIX_RE.match(body)
            if sp:
                side = side_of(sp.group("side"))
                offset += sp.end()
                body = text[offset:]
            for a, b in _entries(body):
                parsed = _parse_entry(body[a:b])
                if parsed is None:
                    continue
                title, name, s, e = parsed
                start = cur.start + offset + a + s
                end = cur.start + offset + a + e
                entry_side = (side or _side_in_description(body[a + e:b])
                              or _known_side(name, title, place))
                out.append(Participant(evidence=(t.span(start, end),), extractor=NAME,
                                       name=name, title=title, side=entry_side, order=order))
                order += 1
            j += 1
        i = j
    if heading is not None and any(isinstance(p, Participant) and p is not heading and p.title
                                   and office_of(p.title) == office_of(heading.title) for p in out):
        out.remove(heading)             # the list names him itself
    return out
