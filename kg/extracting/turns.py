"""Speaker turns: who holds the floor for each stretch of the body.

A memorandum of conversation is reported speech.  The drafter hands the floor to someone with
"<Title> <Name> <verb>" ("Mr. X said that", "Ambassador Y replied", "Mr. X did not believe"),
at the start of a paragraph, after a leading phrase ("As to further talks, Mr. X said"), or in
the middle of a paragraph; "He said ...", "He went on to say ..." and a paragraph without a
speaker carry the floor on, across paragraphs, page breaks and banners (the reader has already
rejoined paragraphs cut by them).  Offices stand for a participant who holds them ("The
Secretary said") and "I" for the signer of a telegram.  The drafter's own remarks in
parentheses are narration.

The speaker is always a participant when the document lists participants.  A printed speaker
who is not among them (an OCR misreading, a slip of the drafter) is attributed from the
context, never made a participant: the floor the verb continues ("X continued"), the speaker a
later "... went on to say" names for the same stretch, or the other side's addressed or leading
member when the turn answers the previous one.  The record keeps the printed name, that it
was corrected, why, and a confidence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kg.extracting import extractor
from kg.extracting.discourse import (ADVERB_ALT, OFFICE_ALT, SPEECH_TAIL, VERB_ALT, Sentence, _alt,
                                     participants, sentences)
from kg.extracting.participants import blocks as list_blocks
from kg.lexicon.alternation import Prefiltered
from kg.lexicon.authority import authority_lookup, holder, office_of, post_office
from kg.lexicon.matching import best_match, name_key, similarity, surname
from kg.lexicon.names import SURNAME
from kg.lexicon.nations import NATION_ALT, NATIONS
from kg.lexicon.speech import (CONTINUATION_VERBS, LEAD_PHRASES, NARRATION_CUES, PAST_TENSE_IRREGULAR,
                               REPLY_VERBS)
from kg.lexicon.titles import TITLE_RE, normalise_title
from kg.reading.transcript import Transcript
from kg.records import DocumentHeader, Drafter, Participant, Record, SpeakerTurn

NAME = "turns"

_TITLE = TITLE_RE.pattern
# who speaks: a titled name, an office, a bare surname, or "I"
_WHO = (rf"(?P<who>(?P<title>{_TITLE})\s+(?P<name>{SURNAME})"
        rf"|(?P<office>(?:[Tt]he\s+)(?:(?:{NATION_ALT})\s+)?(?:{OFFICE_ALT}))"
        rf"|(?P<bare>{SURNAME})"
        rf"|(?P<first>I))")
# at the start of a sentence, after a leading phrase closed by a comma, or after one of the
# genre's lead phrases ("In reply the Secretary stated ...")
# a second speaker joined to the first ("Mr. Gromyko and Ambassador Dobrynin expressed"): the
# first named holds the floor
_AND_WHO = rf"(?:\s+and\s+(?:(?:{_TITLE})\s+{SURNAME}|[Tt]he\s+(?:(?:{NATION_ALT})\s+)?(?:{OFFICE_ALT})))?"
_OPENER_RE = re.compile(
    rf"^(?P<lead>[^.;:()]{{0,160}}?,\s+|(?:{_alt(LEAD_PHRASES)})\s+)?{_WHO}{_AND_WHO}{SPEECH_TAIL}")
# the first sentence of a paragraph opens on its subject with any verb in the past tense ("The
# Secretary wanted to comment briefly ...", "The President intervened to say ...")
# the clause before a speaker that reports another's words: "When X pointed out that ..., ",
# "After Mr. X confirmed this fact", "To Mr. X's question as to whether ...", "In reply to X's
# remark that ..."
_LEAD_SPEAKER_RES = (
    re.compile(rf"^(?:When|After|As|Since|While|Although|Once|Before)\s+{_WHO}{SPEECH_TAIL}"),
    re.compile(rf"^(?:To|In\s+(?:reply|response|answer)\s+to)\s+{_WHO}['’]s\s+"
               rf"(?P<verb>question|reply|remark|statement|comment|observation|inquiry|query|suggestion)\b"))
# the speaker of the main clause after such a leading clause, with or without its comma
_MAIN_AFTER_LEAD_RE = re.compile(rf"(?:,\s*|\s+){_WHO}{_AND_WHO}{SPEECH_TAIL}")
# a reply reported in the same sentence: "..., to which Mr. Gromyko replied in the affirmative"
_TRAILING_REPLY_RE = re.compile(
    rf"(?:,\s*|\s+)(?:to\s+which|whereupon|upon\s+which|after\s+which|and)\s+{_WHO}{SPEECH_TAIL}")
_PARAGRAPH_OPENER_RE = re.compile(
    rf"^(?:(?:{_alt(LEAD_PHRASES)})\s+)?{_WHO}{_AND_WHO}(?:\s*,?\s*(?:{ADVERB_ALT}|[a-z]{{3,}}ly)\s*,?)?\s+"
    rf"(?P<verb>(?!(?:need|used|based|concerned|supposed|interested|prepared|tired|agreed)\b)[a-z]{{2,}}ed"
    rf"|{_alt(PAST_TENSE_IRREGULAR)})(?![A-Za-z])")
# tried on every sentence: only where the sentence prints one of the cues' words
_NARRATION_RE = Prefiltered(re.compile("|".join(NARRATION_CUES), re.IGNORECASE))
_SPEECH_WORD_RE = re.compile(rf"\b(?:{VERB_ALT})\b")
# in the middle of a sentence: ", Mr. X continued, ..."
_INSERT_RE = re.compile(rf",\s+{_WHO}{SPEECH_TAIL}\s*,")
_DRAFTED_RE = re.compile(rf"Drafted\s+by:?\s+(?P<name>(?:[A-Z]\.\s?){{0,3}}\s*{SURNAME})")
_NOT_SPEAKER_WORDS = frozenset({
    "He", "She", "They", "We", "It", "This", "That", "The", "There", "Such", "One", "As", "If",
    "In", "On", "At", "For", "But", "And", "Thus", "Then", "However", "Furthermore", "Moreover",
    "Also", "Nor", "When", "While", "Since", "After", "Before", "Unless", "Although", "Both",
    "All", "Some", "Any", "Each", "His", "Her", "Their", "Our", "Its", "No", "Now", "Later",
})


@dataclass
class Who:
    """A speaker as printed, and the participant it was resolved to."""

    printed: str
    verb: str
    participant: Participant | None = None
    score: float = 0.0
    kind: str = "name"            # name | bare | office | first
    explicit: bool = True         # the name is printed (not carried by a pronoun)
    lead: "Who | None" = None     # who speaks in the clause before ("When X pointed out that
    lead_end: int = 0             # ..., Y said"), and where that clause ends in the sentence


@dataclass
class Segment:
    start: int                    # reading offsets
    end: int
    paragraph: int
    who: Who | None               # None: the floor is carried from before
    narration: bool = False
    speaker: str | None = None
    side: str | None = None
    basis: str = "carried"
    confidence: float = 1.0
    corrected: bool = False
    same_paragraph_as_prev: bool = False
    mentions: list[str] = field(default_factory=list)


def _pname(p: Participant) -> str:
    return p.name or p.title or "?"


@dataclass(frozen=True)
class Cast:
    """The participants who may hold the floor, with every surname the prose may give them:
    their own, and for one listed only by office ("The Secretary of State") the surnames of
    the office's holder on the document's date (kg/data/offices.csv), so "Secretary Dulles
    said" is that participant."""

    people: tuple[Participant, ...] = ()
    aliases: tuple[tuple[str, Participant], ...] = ()    # printed surname -> participant
    when: date | None = None
    place: str | None = None

    def __iter__(self):
        return iter(self.people)

    def __bool__(self) -> bool:
        return bool(self.people)

    def __len__(self) -> int:
        return len(self.people)

    def only(self, people: list[Participant]) -> "Cast":
        keep = {id(p) for p in people}
        return Cast(tuple(people), tuple(a for a in self.aliases if id(a[1]) in keep),
                    self.when, self.place)

    def office_key(self, title: str | None) -> str | None:
        return office_of(title) or post_office(title, self.place)


def cast_of(found: list[Record]) -> Cast:
    people = tuple(participants(found))
    header = next((r for r in found if isinstance(r, DocumentHeader)), None)
    when, place = (header.date, header.place) if header else (None, None)
    aliases: list[tuple[str, Participant]] = []
    for p in people:
        if p.name:
            aliases.append((surname(p.name), p))
            continue
        key = office_of(p.title) or post_office(p.title, place)
        entry = holder(key, when) if key else None
        if entry is not None:
            aliases.extend((s, p) for s in (*entry.surnames, surname(entry.name)) if s)
    return Cast(people, tuple(aliases), when, place)


def _match_name(name: str, cast: Cast) -> tuple[Participant, float] | None:
    hit = best_match(surname(name), list(cast.aliases), key=lambda a: a[0], threshold=0.8)
    return (hit[0][1], hit[1]) if hit else None


def _bare_title(title: str | None) -> str:
    return " ".join(re.sub(r"^[Tt]he\s+", "", normalise_title(title) or "").split()).casefold()


def _held(p: Participant) -> list[str]:
    """The offices a participant is listed with, folded: his title ("foreign minister") and the
    office his description gives ("chairman of the council of ministers"), with that office's
    head word ("chairman") and without the nation before it ("soviet ambassador")."""
    out = [_bare_title(p.title)] if p.title else []
    if p.office:
        office = _bare_title(p.office)
        out.append(office)
        out.append(re.sub(rf"^(?:{NATION_ALT.casefold()})\s+", "", office))
        out.append(re.split(r"\s+(?:of|to|for|in|at)\s+", office)[0])
    return out


def _match_office(office: str, cast: Cast) -> Participant | None:
    """The participant an office names: the one listed with this title or office; else the one
    listed with another form of the same office ("The Secretary" / "The Secretary of State"),
    or who held it on the document's date; else the one whose title ends with it ("the
    Minister" for the one Foreign Minister).  A nation before it ("the British Ambassador")
    leaves out the participants listed on another side."""
    want = " ".join(re.sub(r"^[Tt]he\s+", "", office).split())
    nation = re.match(rf"(?:{NATION_ALT})\s+", want)
    side = NATIONS[nation.group().strip()] if nation else None
    bare = (want[nation.end():] if nation else want).casefold()
    pool = [p for p in cast if (p.title or p.office) and (side is None or p.side in (None, side))]

    def one(found: list[Participant]) -> Participant | None:
        return found[0] if len({id(p) for p in found}) == 1 else None

    exact = one([p for p in pool if bare in _held(p) or want.casefold() in _held(p)])
    if exact is not None:
        return exact
    key = cast.office_key(office) or cast.office_key(want) or cast.office_key(bare)
    if key:
        same = one([p for p in pool if key in (cast.office_key(p.title), cast.office_key(p.office))])
        if same is not None:
            return same
        entry = holder(key, cast.when)
        if entry is not None:
            keys = {name_key(s) for s in (*entry.surnames, surname(entry.name)) if s}
            held = one([p for s, p in cast.aliases if name_key(s) in keys
                        and (side is None or p.side in (None, side))])
            if held is not None:
                return held
    return one([p for p in pool if any(h.endswith(" " + bare) for h in _held(p))])


def _who(m: re.Match, cast: Cast) -> Who | None:
    verb = " ".join(m.group("verb").split())
    if m.group("first"):
        return Who("I", verb, kind="first")
    if m.group("office"):
        p = _match_office(m.group("office"), cast)
        if p is None:
            return None            # an office held by no participant: a reference, not a speaker
        return Who(" ".join(m.group("office").split()), verb, p, 1.0, kind="office")
    if m.group("bare"):
        bare = m.group("bare")
        if bare in _NOT_SPEAKER_WORDS:
            return None
        if not cast:
            # no list to hold speakers to (a telegram): a bare surname speaks when it is a
            # known person's name
            known = authority_lookup(bare)
            return Who(bare, verb, None, 0.0, kind="bare") if known and known[1] >= 0.8 else None
        hit = _match_name(bare, cast)
        if hit is None:
            return None            # a bare capitalised word is a speaker only as a participant
        return Who(bare, verb, hit[0], hit[1], kind="bare")
    name = m.group("name")
    if name in _NOT_SPEAKER_WORDS or re.fullmatch(r"[A-Z]+", name) and len(name) > 3:
        return None
    if not cast and "manner" in m.re.groupindex and m.group("manner"):
        return None                # "Miss X inadvertently mentioned to me": reported, without a
                                   # list of those present to hold the speaker to
    printed = " ".join(f"{m.group('title')} {name}".split())
    hit = _match_name(name, cast) if cast else None
    if hit is None:
        return Who(printed, verb, None, 0.0)
    return Who(printed, verb, hit[0], hit[1])


_FIRST_PERSON_RE = re.compile(r"^(?:\d+\.\s+)?I\s+(?P<verb>[a-z]+)\b")


def _after_lead(text: str, cast: Cast) -> tuple[Who, int] | None:
    """"After Mr. Gromyko confirmed this fact the Secretary again stressed ...": the main
    clause's speaker, with the leading clause's."""
    lm = next((m for m in (rx.match(text) for rx in _LEAD_SPEAKER_RES) if m), None)
    lead = _who(lm, cast) if lm else None
    if lead is None or lead.participant is None:
        return None
    for mm in _MAIN_AFTER_LEAD_RE.finditer(text, lm.end(), min(len(text), lm.end() + 240)):
        main = _who(mm, cast)
        if main is not None and main.participant is not None:
            if main.participant is lead.participant:
                return None
            main.lead, main.lead_end = lead, mm.start("who")
            return main, mm.start("who")
    return None


def _opener(text: str, cast: Cast) -> tuple[Who, int] | None:
    if cast:
        found = _after_lead(text, cast)
        if found is not None:
            return found
    m = _OPENER_RE.match(text)
    if not m:
        fp = _FIRST_PERSON_RE.match(text)      # a telegram's "I saw ...": the signer reports
        if fp:
            return Who("I", fp.group("verb"), kind="first"), 0
        return None
    who = _who(m, cast)
    if who is None:
        return None
    if m.group("lead"):
        # "When Secretary Martin pointed out that ..., Mr. Kosygin stated": the leading clause
        # is the other participant's words
        lm = next((x for x in (rx.match(m.group("lead")) for rx in _LEAD_SPEAKER_RES) if x), None)
        lead = _who(lm, cast) if lm else None
        if lead is not None and lead.participant is not None and lead.participant is not who.participant:
            who.lead, who.lead_end = lead, m.start("who")
    return who, m.start("who")


# In a first-person report ("I saw Gromyko ... He said that ..."), "he" who speaks is the
# person the reporter met, not the reporter.
_HE_SPEAKS_RE = re.compile(rf"^(?:He|She){SPEECH_TAIL}")
_NAMED_RE = re.compile(rf"(?:(?P<title>{_TITLE})\s+)?(?P<n>{SURNAME})")


def _interlocutor(text: str, verb: str, cast: Cast) -> Who | None:
    """The last person named in a first-person passage: the "he" of the next speech."""
    for m in reversed(list(_NAMED_RE.finditer(text))):
        name = m.group("n")
        if name in _NOT_SPEAKER_WORDS or not re.fullmatch(r"(?:Mc|Mac|O['’]|De)?[A-Z][a-z'’\-]+", name):
            continue                       # OCR debris ("KENNEDy") or capitals of a heading
        if cast:
            hit = _match_name(name, cast)
            if hit is not None:
                return Who(name, verb, hit[0], hit[1], kind="bare")
            continue
        if m.group("title") or (authority_lookup(name) or (None, 0))[1] >= 0.8:
            printed = " ".join(f"{m.group('title') or ''} {name}".split())
            return Who(printed, verb, None, 0.0)
    return None


def _inserted(text: str, cast: Cast) -> Who | None:
    for m in _INSERT_RE.finditer(text):
        who = _who(m, cast)
        if who is not None and who.participant is not None:
            return who
    return None


def _drafter(t: Transcript, found: list[Record]) -> str | None:
    for r in found:
        if isinstance(r, Drafter) and r.role in ("drafter", "author"):
            return r.name
    m = _DRAFTED_RE.search(t.text[:t.body_start] if t.body_start else t.text)
    return m.group("name") if m else None


def _signer(t: Transcript, found: list[Record]) -> str | None:
    """The one who writes "I" in a telegram: a drafter/author, else the closing signature."""
    d = _drafter(t, found)
    if d:
        return d
    last = []                          # the last three lines of text, from the end
    for ln in reversed(t.lines):
        if ln.kind == "text" and t.line_text(ln).strip():
            last.append(ln)
            if len(last) == 3:
                break
    for ln in last:
        s = t.line_text(ln).strip()
        if re.fullmatch(r"[A-Z][A-Za-z'\-]{2,}\.?", s):
            return s.rstrip(".")
    return None


def _side_of(p: Participant | None) -> str | None:
    return p.side if p is not None else None


_LIST_LABEL_RE = re.compile(r"^\s*(?:PARTICIPANTS?|(?:OTHERS?|ALSO)\s+PRESENT|PERSONS\s+PRESENT|"
                            r"PRESENT|DISTRIBUTION|COPIES\s+TO)\s*:", re.MULTILINE)


def _before_lists(t: Transcript, a: int, b: int, lists: list[tuple[int, int]]) -> int:
    """The end of the prose of a paragraph: a participants list printed in or after it
    ("OTHERS PRESENT:", "Also present at the luncheon were:") is no speech; a paragraph
    inside such a list has no prose at all."""
    if any(x <= a < y for x, y in lists):
        return a
    m = _LIST_LABEL_RE.search(t.text, a, b)
    ends = [m.start()] if m else []
    ends += [x for x, _ in lists if a <= x < b]
    return min(ends, default=b)


def _narration(text: str) -> bool:
    """The drafter tells what happened at the meeting and reports no one's words."""
    return bool(_NARRATION_RE.search(text)) and not _SPEECH_WORD_RE.search(text)


def _split_replies(t: Transcript, sents: list[Sentence], cast: Cast) -> list[Sentence]:
    """A reply reported in the same sentence ("The Secretary wondered whether ..., to which Mr.
    Gromyko replied in the affirmative and noted that ...", "The Secretary proposed that ...,
    and Mr. Gromyko agreed") is a sentence of its own for the turns: the floor passes at the
    name."""
    if not cast:
        return sents
    out: list[Sentence] = []
    for s in sents:
        text = s.text(t)
        # "... and Mr. X agreed" after a clause of its own, never "Mr. Y and Mr. X expressed"
        m = next((m for m in _TRAILING_REPLY_RE.finditer(text)
                  if (w := _who(m, cast)) is not None and w.participant is not None
                  and (not m.group().lstrip(", ").startswith("and") or m.start() >= 40)), None)
        if m is None:
            out.append(s)
            continue
        out.append(Sentence(s.start, s.start + m.start(), s.parenthetical))
        out.append(Sentence(s.start + m.start("who"), s.end, s.parenthetical))
    return out


def segment(t: Transcript, found: list[Record]) -> list[Segment]:
    """Cut the body into stretches, each opened by a speaker or carried on."""
    cast = cast_of(found)
    segs: list[Segment] = []
    last: Who | None = None            # the last printed speaker (who holds the floor)
    partner: Who | None = None         # in a first-person report, the one the reporter met
    partner_paragraph = -2
    reporter_from = len(t.text)        # where the reporter's last "I ..." passage began
    lists = [(blk.start, blk.end) for blk in list_blocks(t)]
    for pi, (a, b) in enumerate(t.paragraphs):
        b = _before_lists(t, a, b, lists)
        sents = _split_replies(t, sentences(t, a, b), cast)
        if not sents:
            continue
        cur = Segment(a, b, pi, None)
        first = True
        for s in sents:
            text = s.text(t)
            if s.parenthetical and len(text.split()) >= 4 or _narration(text):
                if s.start > cur.start:
                    cur.end = s.start
                    segs.append(cur)
                segs.append(Segment(s.start, s.end, pi, None, narration=True))
                # after the aside the same floor goes on
                cur = Segment(s.end, b, pi, None, same_paragraph_as_prev=True)
                first = False
                continue
            found_who = _opener(text, cast)
            he = _HE_SPEAKS_RE.match(text) if found_who is None else None
            if he and last is not None and last.kind == "first":
                # the first-person passage so far ("I saw Khrushchev ... I began by ...")
                # no further back than the paragraph before this one
                window = max(min(cur.start, reporter_from), t.paragraphs[max(0, pi - 1)][0])
                other = _interlocutor(t.text[window:s.start], he.group("verb"), cast)
                if other is None and partner is not None and pi - partner_paragraph <= 1:
                    # "I told him that ...  He then urged ...": the reporter's words name no
                    # one, so "he" is still the person the reporter is talking with
                    other = Who(partner.printed, he.group("verb"), partner.participant,
                                partner.score, kind=partner.kind)
                if other is not None:
                    found_who = (other, 0)
                    partner, partner_paragraph = other, pi
            if found_who is None and first and s is sents[0]:
                pm = _PARAGRAPH_OPENER_RE.match(text)
                opened = _who(pm, cast) if pm else None
                if opened is not None and opened.participant is not None:
                    found_who = (opened, 0)
            if found_who is None:
                ins = _inserted(text, cast)
                if ins is not None and not first:
                    found_who = (ins, 0)
            if found_who is None:
                first = False
                continue
            who, _ = found_who
            if who.lead is not None:
                # the leading clause is the other participant's: a stretch of its own
                lead, split = who.lead, s.start + who.lead_end
                if first and s is sents[0]:
                    cur.who = lead
                elif last is None or last.participant is not lead.participant:
                    cur.end = s.start
                    segs.append(cur)
                    cur = Segment(s.start, b, pi, lead, same_paragraph_as_prev=True)
                cur.end = split
                segs.append(cur)
                cur = Segment(split, b, pi, who, same_paragraph_as_prev=True)
                last, first = who, False
                continue
            if who.kind == "first" and (last is None or last.kind != "first"):
                reporter_from = s.start
            elif who.kind != "first":
                partner, partner_paragraph = who, pi   # the one the reporter talks with
            if first and s is sents[0]:
                cur.who = who
            elif who.participant is None and cast:
                pass           # a non-participant named mid-paragraph is reported, not speaking
            elif who.kind == "first" and last is not None and last.kind == "first":
                pass
            elif who.participant is not None and last is not None and last.participant is who.participant:
                pass           # "..., Mr. X continued, ...": the same speaker goes on
            else:
                cur.end = s.start
                segs.append(cur)
                cur = Segment(s.start, b, pi, who, same_paragraph_as_prev=True)
            last = who
            first = False
        if cur.end > cur.start and t.text[cur.start:cur.end].strip():
            segs.append(cur)
    return segs


def _attribute(t: Transcript, segs: list[Segment], found: list[Record]) -> None:
    """Give every segment a speaker, correcting printed speakers who are no participants."""
    cast = cast_of(found)
    drafter = _drafter(t, found)
    signer = None
    prev: Segment | None = None        # the last segment before this one with a speaker
    for i, sg in enumerate(segs):
        prev = _speaking(segs[i - 1], prev) if i else None
        if sg.narration:
            sg.speaker, sg.basis = drafter, "drafter"
            continue
        w = sg.who
        if w is None:
            if prev is not None:
                sg.speaker, sg.side, sg.basis = prev.speaker, prev.side, "carried"
                sg.confidence = prev.confidence
            continue
        if w.kind == "first":
            signer = signer or _signer(t, found)
            sg.speaker, sg.basis, sg.confidence = signer, "first-person", 0.9 if signer else 0.0
            sg.side = _side_of(next((p for p in cast if p.name and signer and
                                     similarity(surname(signer), surname(p.name)) >= 0.8), None))
            continue
        if w.participant is not None:
            sg.speaker, sg.side = _pname(w.participant), w.participant.side
            sg.basis = "office" if w.kind == "office" else ("named" if w.score >= 1.0 else "variant")
            sg.confidence = w.score if w.kind != "office" else 0.9
            continue
        if not cast:                      # no list to hold the speaker to: take the print
            sg.speaker, sg.basis, sg.confidence = w.printed, "named", 0.7
            continue
        _correct(t, segs, i, cast, prev)


def _speaking(sg: Segment, prev: Segment | None) -> Segment | None:
    """The last segment with a speaker once ``sg`` is done, given the last one before it.

    Carried along the segments instead of searched backwards from each one: a long report
    with no speaker named made that search quadratic (11 s of a 2 MB OCR text).
    """
    return sg if not sg.narration and sg.speaker else prev


def _mentions(t: Transcript, sg: Segment, cast: Cast) -> Counter:
    """How often each participant is named inside a segment (the addressees of a speech)."""
    c: Counter = Counter()
    text = t.text[sg.start:sg.end]
    for m in re.finditer(rf"(?:{_TITLE})\s+(?P<n>{SURNAME})", text):
        hit = _match_name(m.group("n"), cast)
        if hit:
            c[id(hit[0])] += 1
    return c


def _correct(t: Transcript, segs: list[Segment], i: int, cast: Cast, prev: Segment | None) -> None:
    sg = segs[i]
    w = sg.who
    assert w is not None
    sg.corrected = True
    # 1. "X continued": the floor stays with whoever held it
    if w.verb in CONTINUATION_VERBS and prev is not None and prev.speaker:
        sg.speaker, sg.side, sg.basis, sg.confidence = prev.speaker, prev.side, "continuation", 0.8
        return
    # 2. a later "Mr. Y went on to say" (or Y named in the same paragraph) continues this floor
    for j in range(i + 1, len(segs)):
        nxt = segs[j]
        if nxt.narration:
            continue
        if nxt.who is None:
            continue
        nw = nxt.who
        if nw.participant is None:
            break
        same_par = nxt.paragraph == sg.paragraph
        if nw.verb in CONTINUATION_VERBS or same_par:
            sg.speaker, sg.side = _pname(nw.participant), nw.participant.side
            sg.basis, sg.confidence = "continuation", 0.75
            return
        break
    # 3. the turn answers the previous one: the other side, the member addressed or its head
    if prev is not None and prev.side:
        others = [p for p in cast if p.side and p.side != prev.side and p.name]
        if others:
            counts: Counter = Counter()
            for j in range(i - 1, -1, -1):       # the whole previous turn
                if segs[j].narration:
                    continue
                if segs[j].speaker != prev.speaker:
                    break
                counts.update(_mentions(t, segs[j], cast.only(others)))
                if segs[j].who is not None:
                    break
            if counts:
                best = max(others, key=lambda p: (counts.get(id(p), 0), -others.index(p)))
                if counts.get(id(best), 0):
                    sg.speaker, sg.side = _pname(best), best.side
                    sg.basis = "reply" if w.verb in REPLY_VERBS else "alternation"
                    sg.confidence = 0.7
                    return
            head = others[0]
            sg.speaker, sg.side, sg.basis, sg.confidence = _pname(head), head.side, "alternation", 0.55
            return
    sg.speaker, sg.basis, sg.confidence, sg.corrected = None, "unresolved", 0.0, False


def build_turns(t: Transcript, found: list[Record]) -> list[SpeakerTurn]:
    segs = segment(t, found)
    _attribute(t, segs, found)
    # resolve carried segments again: a corrected opener may come after its carriers' source
    prev: Segment | None = None
    for i, sg in enumerate(segs):
        prev = _speaking(segs[i - 1], prev) if i else None
        if sg.who is None and not sg.narration:
            if prev is not None:
                sg.speaker, sg.side, sg.confidence = prev.speaker, prev.side, prev.confidence
    # a turn opens where a speaker is printed (or an aside ends); carried stretches join it
    groups: list[list[Segment]] = []
    for sg in segs:
        if not sg.speaker:
            continue
        if (groups and sg.who is None and not sg.narration and not groups[-1][0].narration
                and groups[-1][-1].speaker == sg.speaker):
            groups[-1].append(sg)
        else:
            groups.append([sg])
    out: list[SpeakerTurn] = []
    for idx, g in enumerate(groups):
        head = g[0]
        pieces: list[tuple[int, int]] = []
        for sg, before in zip(g, _before_first_equal(g)):
            if pieces and sg.paragraph == before.paragraph and pieces[-1][1] >= sg.start - 1:
                pieces[-1] = (pieces[-1][0], sg.end)
            else:
                pieces.append((sg.start, sg.end))
        spans = tuple(t.span(a, b) for a, b in pieces if t.text[a:b].strip())
        out.append(SpeakerTurn(
            evidence=spans, extractor=NAME, speaker=head.speaker or "?", index=idx,
            narration=head.narration,
            printed=head.who.printed if head.who else None,
            corrected=head.corrected, confidence=head.confidence, basis=head.basis,
            side=head.side))
    return out


def _before_first_equal(g: list[Segment]) -> list[Segment]:
    """For each segment of ``g``, ``g[g.index(sg) - 1]``: the one before the first segment equal
    to it (``g[-1]`` for the first), without comparing each with all before it (a long
    monologue of OCR is one group of thousands)."""
    at: dict[tuple[int, int], list[int]] = {}
    out = []
    for i, sg in enumerate(g):
        same = at.setdefault((sg.start, sg.end), [])       # equal segments share their stretch
        first = next((j for j in same if g[j] == sg), i)
        same.append(i)
        out.append(g[first - 1])
    return out


@extractor(NAME, requires=(DocumentHeader, Participant, Drafter), produces=(SpeakerTurn,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(build_turns(t, found))
