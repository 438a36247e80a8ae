"""Participants: the people listed as taking part in a conversation.

Reads every participants block of a memorandum of conversation wherever it stands: under the
label at the top ("PARTICIPANTS:"), at the end ("OTHERS PRESENT:", "Also present at the
luncheon were:", "The following were present:"), with the sides as printed — inline before
the entries ("US - The Secretary; ...", "USSR Participants - Foreign Minister Gromyko, ...",
"U.S.S.R. - ..."), or as captions on their own lines ("United States", "USSR PARTICIPANTS")
holding for the entries below them — one entry a line, several on a line (parted by ";", or
by "," before the next title), a side's entries run over two lines, or one entry a paragraph.

An entry is a title and a name in either order of its description ("Ambassador Anatoliy
Dobrynin, Ambassador to US"; "Andrei A. Gromyko, Minister of Foreign Affairs"; "Mr. Sukhodrev
(Interpreter)"), a whole name with given names and initials ("Aleksandr Alekseevich Soldatov",
"Clarence D. Martin, Jr.") or only an office ("The Secretary", "The Secretary of State"),
kept with its title and no name: the resolver decides who held the office on the document's
date.  Where the list prints no side, the entry's own description gives it ("..., USSR",
"Soviet Ambassador", "Deputy Premier of the USSR"), else the country of the office or of the
person in the authority file (data), else none.

Never a participant: the label itself, a caption ("US Participants"), the drafting line that
follows the list ("Drafted by ..."), a rank without a name ("First Deputy"), a description
that ran over from the entry before.  It does not decide who a participant *is* (that is the
resolver's job), and it never adds a participant from the prose: a speaker who is not listed
is not a participant.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extracting import extractor
from kg.extracting.kept import for_last_transcript
from kg.lexicon.alternation import Prefiltered
from kg.lexicon.authority import authority_lookup, office_forms, office_of, offices, post_office
from kg.lexicon.names import NOT_A_NAME
from kg.lexicon.nations import SIDE_PREFIX_RE, SIDES, side_of
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Line, Transcript
from kg.records import DocumentHeader, Participant, Record

NAME = "participants"

_LABEL_WORDS = r"(?:(?:OTHERS?|ALSO)\s+PRESENT|PARTICIPANTS?|PERSONS\s+PRESENT|PRESENT)"
# The label of a participants block: followed by a colon in any case, in capitals on its own
# ("PARTICIPANTS"), or the sentence that closes a memorandum with those present ("Also
# present at the luncheon were:", "The following were present:"); never a word of the prose
# ("presentation", "Presently the group moved ...").
_LABEL_RE = re.compile(
    rf"^\s*(?:(?i:{_LABEL_WORDS})\s*:\s*"
    rf"|{_LABEL_WORDS}\b\s*(?=$|\(|(?:{TITLE_RE.pattern}|The|{'|'.join(map(re.escape, SIDES))})(?![A-Za-z]))"
    r"|(?:Also|Others)\s+present\b[^.:;]{0,60}?\s+(?:were|was)\s*:\s*"
    r"|The\s+following\s+(?:were|was)\s+(?:also\s+)?present\b[^.:;]{0,60}?:\s*)")
# A field label that ends the block ("SUBJECT:", "COPIES TO:", "Date:"), or the drafting and
# clearing lines printed right under the list.
_NEXT_FIELD_RE = re.compile(r"^\s*[A-Z][A-Za-z /]{1,30}:\s*|^\s*\(\s*\)"
                            r"|^\s*(?i:drafted|approved|cleared|copies|distribution)\b")
# Words of reported prose that a list of names and offices does not use.
_PROSE_WORDS_RE = re.compile(r"\b(?:said|that|was|were|had|would|could|did|should|which)\b")


def _is_prose(text: str) -> bool:
    """A line of the body rather than of a list: prose verbs, or a sentence's full stop."""
    words = text.split()
    if _PROSE_WORDS_RE.search(text):
        return True
    return len(words) >= 6 and bool(re.search(r"[a-z]{3}[.!?][\"”’)]?\s*$", text))


# --- entries -------------------------------------------------------------------------------

_OFFICE_WORDS = ("Secretary of State", "Secretary of Defense", "Secretary", "President",
                 "Vice President", "Under Secretary", "Attorney General", "Secretary-General",
                 "Secretary General", "Ambassador")


def _office_only_re() -> re.Pattern:
    """"The Secretary", "The Secretary of State", "the Director of Central Intelligence": an
    entry that is only an office (the printed forms of kg/data/offices.csv and the bare
    titles of the genre)."""
    forms = {re.sub(r"^the\s+", "", f, flags=re.IGNORECASE) for f in office_forms()}
    forms |= set(_OFFICE_WORDS)
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:The|the)\s+(?P<office>{alt})(?![A-Za-z])")


_OFFICE_ONLY_RE = _office_only_re()

# One word of a printed name: initials ("A.", "R. H."), a capitalised word (Mc/O'/hyphens),
# the same in capitals ("ANATOLIY DOBRYNIN"), or a particle before a surname ("de Gaulle").
_NAME_TOKEN = (r"(?:[A-Z]\.(?:\s?[A-Z]\.)*"
               r"|(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
               r"|[A-Z]{2,}(?:-[A-Z]{2,})?"
               r"|(?:de|du|da|di|van|von|der)(?=\s+[A-Z]))")
_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,4}}(?:,?[ \t]+(?:Jr|Sr)\.|[ \t]+(?:II|III)\b)?")
_ENTRY_SEPARATOR_RE = re.compile(
    rf";|\s{{2,}}(?=\S)|,\s+(?:and\s+)?(?=(?:{TITLE_RE.pattern})\s*(?:[A-Z]\.\s*)*(?:Mc|Mac)?[A-Z][a-zA-Z]|"
    rf"[Tt]he\s+[A-Z])")
# An office known by its initials ("DCI", "C/WHD") rather than a person's name.
_OFFICE_CODE_RE = re.compile(r"^(?:[A-Z]{2,5}(?:/[A-Z0-9]{1,5})*|[A-Z]/[A-Z0-9/]+)$")
# An OCR'd title glued to the name ("Lir.Herbert" for "Mr. Herbert"): skip the first part.
_GLUED_TITLE_RE = re.compile(r"^[A-Z][a-z]{1,3}\.(?=[A-Z][a-z])")
_SIDE_WORDS = {k.casefold() for k in SIDES} | {"participants", "delegation", "side"}
_GIVEN_OR_INITIAL_RE = re.compile(r"^(?:[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)$")


def _entries(body: str) -> list[tuple[int, int]]:
    """Split one line of a block into entries (offsets relative to the line).  A line that
    parts its entries with ";" keeps commas for the descriptions ("Joseph Kahn, President,
    Trans Eastern Associates; ..."); otherwise a comma parts entries before a title."""
    if ";" in body:
        seps = list(re.finditer(r";|\s{2,}(?=\S)", body))
    else:
        seps = list(_ENTRY_SEPARATOR_RE.finditer(body))
    parts, pos = [], 0
    for m in seps:
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(body)))
    return [(a, b) for a, b in parts if body[a:b].strip()]


def _plausible_name(name: str, titled: bool) -> bool:
    tokens = [w for w in name.replace(",", " ").split() if w not in ("Jr.", "Sr.", "II", "III")]
    last = tokens[-1] if tokens else ""
    if not last or last in NOT_A_NAME or last.casefold() in _SIDE_WORDS:
        return False
    if any(w.casefold() in _SIDE_WORDS for w in tokens):
        return False                 # a caption: "US Participants", "Soviet Delegation"
    if titled:
        return True
    if name.isupper():
        return False                 # capitals without a title: a heading
    # without a title a whole name: given name or initials and a surname, or a known person
    if len(tokens) >= 2 and all(_GIVEN_OR_INITIAL_RE.match(w) for w in tokens):
        return True
    hit = authority_lookup(name)
    return bool(hit and hit[1] >= 1.0)


def _parse_entry(text: str) -> tuple[str | None, str | None, int, int] | None:
    """(title, name, start, end) of the person in one entry, or None."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if _OFFICE_CODE_RE.match(stripped.rstrip(",;")):
        code = stripped.rstrip(",;")
        if office_of(code) is None:
            return None                  # "C/WHD": a desk, no person the data can name
        return (code, None, lead, lead + len(code))     # "DCI": the office-holder on the date
    conj = re.match(r"(?:and|&)\s+", text[lead:])
    if conj:
        lead += conj.end()
    office = _OFFICE_ONLY_RE.match(text, lead)
    if office:
        return (" ".join(office.group(0).split()), None, lead, office.end())
    glued = _GLUED_TITLE_RE.match(text[lead:])
    if glued and not TITLE_RE.match(text, lead):
        lead += glued.end()
    title = TITLE_RE.match(text, lead)
    pos = lead
    if title:
        pos = title.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    m = _NAME_RE.match(text, pos)
    if not m:
        return None
    name = m.group().strip().rstrip(",")
    if title and TITLE_RE.fullmatch(name):
        return None                      # "First Deputy" with no name after it
    if not _plausible_name(name, bool(title)):
        return None
    return (" ".join(title.group().split()) if title else None, name, lead, pos + len(name))


# --- sides ---------------------------------------------------------------------------------

_SIDE_ALT = "|".join(re.escape(k) for k in sorted(SIDES, key=len, reverse=True))
# a side's own service ("Soviet Embassy", "American Ambassador"), never a desk that studies it
# ("Office of Soviet Affairs"); a side alone as a piece of the description (", USSR"); or the
# side an office belongs to ("Deputy Premier of the USSR")
_SIDE_WORD_RE = re.compile(
    rf"(?<![A-Za-z.])(?P<side>{_SIDE_ALT})\s+(?:Embassy|Delegation|Mission|Government|Ambassador|"
    rf"Foreign\s+Minist(?:er|ry)|Ministry|Representative|Consulate)\b"
    rf"|,\s*(?P<alone>{_SIDE_ALT})\s*(?:,|;|$)"
    rf"|\bof\s+the\s+(?P<of>{_SIDE_ALT})(?![A-Za-z])")


def _side_in_description(description: str) -> str | None:
    """The side an entry's own description gives when the block has no side headings:
    "Ambassador Mikhail A. Menshikov, USSR", "Mr. Oleg Sokolov, Counselor, Soviet Embassy"."""
    if not re.match(r"\s*[,(]", description):
        return None
    m = _SIDE_WORD_RE.search(description)
    if m:
        return SIDES[m.group("side") or m.group("alone") or m.group("of")]
    # the office the description names ("..., Secretary of State")
    for piece in re.split(r"[,()]", description):
        office = office_of(piece.strip())
        if office:
            return next((t.country for t in offices()[0] if t.office == office), None)
    return None


_NATION_BEFORE = rf"(?:(?:{_SIDE_ALT})\s+)?"


def _office_in_description(description: str) -> str | None:
    """The office the description gives the entry, when it opens with one: "Minister of
    Foreign Affairs", "Chairman of the Council of Ministers", "Soviet Ambassador"; never a
    service ("Ministry of Foreign Affairs, USSR", "Interpreter", "Director, Office of ...")."""
    m = re.match(r"\s*[,(]\s*(?P<piece>[^,;()]+)", description)
    if not m:
        return None
    piece = " ".join(m.group("piece").split())
    if not re.match(rf"{_NATION_BEFORE}(?:{TITLE_RE.pattern})", piece) or re.match(r"(?:Mr|Mrs|Dr)\.", piece):
        return None
    return piece


def _known_side(name: str | None, title: str | None, place: str | None = None) -> str | None:
    """The side of an entry the list prints without one: the country of the office a bare
    title names ("The Secretary"; "The Ambassador" at his post), else the country the
    authority file gives the person."""
    if name is None:
        office = office_of(title) or post_office(title, place)
        return next((t.country for t in offices()[0] if t.office == office), None) if office else None
    hit = authority_lookup(name)
    return hit[0].country if hit and hit[1] >= 0.9 else None


# --- blocks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListBlock:
    """A participants block: where it stands (reading offsets) and its lines after the label."""

    start: int                   # the label's start
    end: int                     # the end of its last line
    label_end: int               # reading offset where the first line's entries begin
    lines: tuple[Line, ...]      # the lines of the block, the label's line first


def _caption_only(text: str) -> bool:
    m = SIDE_PREFIX_RE.match(text)
    return bool(m) and not text[m.end():].strip()


def _entry_line(text: str) -> bool:
    """Could this line, after a blank line, still belong to the list (a side caption or an
    entry), rather than open the body?"""
    if SIDE_PREFIX_RE.match(text):
        return True
    if _NEXT_FIELD_RE.match(text) or _is_prose(text) or _LABEL_RE.match(text) or len(text.split()) > 16:
        return False
    first = _entries(text)[:1]
    return bool(first) and _parse_entry(text[first[0][0]:first[0][1]]) is not None


# a side caption of the list's own ("US PARTICIPANTS") ends in the word
_CAPTION_RE = re.compile(r"\bparticipants\s*:?\s*$", re.IGNORECASE)
# the lines that may hold a label or a caption: those that print one of the words (or the
# colon) every match prints, found by one look along the text (most lines print none)
_LABEL = Prefiltered(_LABEL_RE)
_CAPTION = Prefiltered(_CAPTION_RE)


def _blocks(t: Transcript, every_line: bool = False) -> list[ListBlock]:
    """Every participants block of the transcript, in order (`blocks`, computed afresh;
    ``every_line``: each line looked at, the plain scan the skipping is tested against)."""
    out: list[ListBlock] = []
    lines = t.lines
    starts = [ln.start for ln in lines]
    labels = _LABEL.lines(t.text, starts)          # None: any line may
    captions = _CAPTION.lines(t.text, starts)
    # the lines that may open a block (None: any line): a line that may hold neither a label
    # nor a caption opens none, and need not be looked at
    may_open = None if every_line or labels is None or captions is None else sorted(labels | captions)

    def next_opening(i: int) -> int:
        if may_open is None:
            return i
        k = bisect.bisect_left(may_open, i)
        return may_open[k] if k < len(may_open) else len(lines)

    i = next_opening(0)
    while i < len(lines):
        ln = lines[i]
        label = _LABEL_RE.match(t.line_text(ln)) \
            if ln.kind == "text" and (labels is None or i in labels) else None
        if not label:
            # a side caption of the list's own ("US PARTICIPANTS") opens a block too
            text = t.line_text(ln) if ln.kind == "text" else ""
            if not ((captions is None or i in captions) and _CAPTION_RE.search(text)
                    and _caption_only(text)):
                i = next_opening(i + 1)
                continue
            label_end = ln.start
        else:
            label_end = ln.start + label.end()
        taken = [ln]
        j = i + 1
        while j < len(lines):
            cur = lines[j]
            text = t.line_text(cur)
            if cur.kind == "blank":
                # a blank line ends the block unless a side caption or another entry follows
                nxt = next((x for x in lines[j + 1:] if x.kind != "blank"), None)
                if nxt is None or nxt.kind != "text" or not _entry_line(t.line_text(nxt)):
                    break
                j += 1
                continue
            if cur.kind != "text" or (labels is None or j in labels) and _LABEL_RE.match(text):
                break
            if not SIDE_PREFIX_RE.match(text) and (_NEXT_FIELD_RE.match(text) or _is_prose(text)):
                break
            taken.append(cur)
            j += 1
        out.append(ListBlock(ln.start, taken[-1].end, label_end, tuple(taken)))
        i = next_opening(j)
    return out


# the blocks are asked for by the participants and by the turns (whose lists they are not)
blocks = for_last_transcript(_blocks)


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


def _block_participants(t: Transcript, block: ListBlock, place: str | None,
                        order: int) -> list[Participant]:
    out: list[Participant] = []
    side: str | None = None
    previous_open = False
    for k, cur in enumerate(block.lines):
        text = t.line_text(cur)
        offset = block.label_end - cur.start if k == 0 else 0
        body = text[offset:]
        sp = SIDE_PREFIX_RE.match(body)
        if k > 0 and previous_open and not sp and not TITLE_RE.match(body.lstrip()) \
                and not _OFFICE_ONLY_RE.match(body.lstrip()):
            # the previous entry's description ran over the line ("..., Vice Presidential /
            # Military Aide; Mr. Walter Donnelly"): the words up to the next ";" describe it
            semi = body.find(";")
            if semi < 0:
                continue
            offset += semi + 1
            body = text[offset:]
        previous_open = bool(re.search(r",[^;]*$", body)) and not re.search(r";\s*$", body)
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
                                   name=name, title=title, side=entry_side, order=order + len(out),
                                   office=_office_in_description(body[a + e:b])))
    return out


@extractor(NAME, requires=(Participant, DocumentHeader), produces=(Participant,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    if any(isinstance(r, Participant) and r.extractor == "frus_markup" for r in found):
        return []           # the markup already lists them (frus_markup)
    out: list[Participant] = []
    place = next((r.place for r in found if isinstance(r, DocumentHeader)), None)
    heading = _heading_participant(t)
    if heading is not None:
        out.append(heading)
    for block in blocks(t):
        out.extend(_block_participants(t, block, place, len(out)))
    if heading is not None and any(p is not heading and p.title
                                   and office_of(p.title) == office_of(heading.title) for p in out):
        out.remove(heading)             # the list names him itself
    return list(out)
