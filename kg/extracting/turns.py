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
from dataclasses import dataclass, field, replace

from kg.extracting import extractor
from kg.extracting.discourse import (CONTINUATION_VERBS, OFFICE_ALT, REPLY_VERBS, SPEECH_TAIL,
                                     participants, sentences)
from kg.extracting.names import NATION_ALT, NATIONS, SURNAME, TITLE_RE, normalise_title
from kg.reading.transcript import Transcript
from kg.records import Drafter, Participant, Record, SpeakerTurn
from kg.resolving import authority_lookup
from kg.resolving.matching import best_match, similarity, surname

NAME = "turns"

_TITLE = TITLE_RE.pattern
# who speaks: a titled name, an office, a bare surname, or "I"
_WHO = (rf"(?P<who>(?P<title>{_TITLE})\s+(?P<name>{SURNAME})"
        rf"|(?P<office>(?:[Tt]he\s+)(?:(?:{NATION_ALT})\s+)?(?:{OFFICE_ALT}))"
        rf"|(?P<bare>{SURNAME})"
        rf"|(?P<first>I))")
# at the start of a sentence, or after a leading phrase closed by a comma
_OPENER_RE = re.compile(rf"^(?P<lead>[^.;:()]{{0,160}}?,\s+)?{_WHO}{SPEECH_TAIL}")
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


def _match_name(name: str, plist: list[Participant]) -> tuple[Participant, float] | None:
    named = [p for p in plist if p.name]
    hit = best_match(surname(name), named, key=lambda p: surname(p.name or ""), threshold=0.8)
    return hit


def _match_office(office: str, plist: list[Participant]) -> Participant | None:
    """The one participant listed with this office; a nation before it ("the British
    Ambassador") leaves out the participants listed on another side."""
    want = " ".join(re.sub(r"^[Tt]he\s+", "", office).split())
    nation = re.match(rf"(?:{NATION_ALT})\s+", want)
    side = NATIONS[nation.group().strip()] if nation else None
    want = want[nation.end():] if nation else want
    exact = [p for p in plist if p.title and
             " ".join(re.sub(r"^[Tt]he\s+", "", normalise_title(p.title) or "").split()).casefold()
             == want.casefold() and (side is None or p.side in (None, side))]
    if len(exact) == 1:
        return exact[0]
    return None


def _who(m: re.Match, plist: list[Participant]) -> Who | None:
    verb = " ".join(m.group("verb").split())
    if m.group("first"):
        return Who("I", verb, kind="first")
    if m.group("office"):
        p = _match_office(m.group("office"), plist)
        if p is None:
            return None            # an office held by no participant: a reference, not a speaker
        return Who(" ".join(m.group("office").split()), verb, p, 1.0, kind="office")
    if m.group("bare"):
        bare = m.group("bare")
        if bare in _NOT_SPEAKER_WORDS:
            return None
        if not plist:
            # no list to hold speakers to (a telegram): a bare surname speaks when it is a
            # known person's name
            known = authority_lookup(bare)
            return Who(bare, verb, None, 0.0, kind="bare") if known and known[1] >= 0.8 else None
        hit = _match_name(bare, plist)
        if hit is None:
            return None            # a bare capitalised word is a speaker only as a participant
        return Who(bare, verb, hit[0], hit[1], kind="bare")
    name = m.group("name")
    if name in _NOT_SPEAKER_WORDS or re.fullmatch(r"[A-Z]+", name) and len(name) > 3:
        return None
    printed = " ".join(f"{m.group('title')} {name}".split())
    hit = _match_name(name, plist) if plist else None
    if hit is None:
        return Who(printed, verb, None, 0.0)
    return Who(printed, verb, hit[0], hit[1])


_FIRST_PERSON_RE = re.compile(r"^(?:\d+\.\s+)?I\s+(?P<verb>[a-z]+)\b")


def _opener(text: str, plist: list[Participant]) -> tuple[Who, int] | None:
    m = _OPENER_RE.match(text)
    if not m:
        fp = _FIRST_PERSON_RE.match(text)      # a telegram's "I saw ...": the signer reports
        if fp:
            return Who("I", fp.group("verb"), kind="first"), 0
        return None
    if m.group("lead") and re.search(rf"(?:{_TITLE})\s+{SURNAME}", m.group("lead")):
        # the leading phrase names someone itself ("As to Mr. X's remark, ..."): only a clear
        # participant speaker opens the turn then
        pass
    who = _who(m, plist)
    if who is None:
        return None
    return who, m.start("who")


# In a first-person report ("I saw Gromyko ... He said that ..."), "he" who speaks is the
# person the reporter met, not the reporter.
_HE_SPEAKS_RE = re.compile(rf"^(?:He|She){SPEECH_TAIL}")
_NAMED_RE = re.compile(rf"(?:(?P<title>{_TITLE})\s+)?(?P<n>{SURNAME})")


def _interlocutor(text: str, verb: str, plist: list[Participant]) -> Who | None:
    """The last person named in a first-person passage: the "he" of the next speech."""
    for m in reversed(list(_NAMED_RE.finditer(text))):
        name = m.group("n")
        if name in _NOT_SPEAKER_WORDS or not re.fullmatch(r"(?:Mc|Mac|O['’]|De)?[A-Z][a-z'’\-]+", name):
            continue                       # OCR debris ("KENNEDy") or capitals of a heading
        if plist:
            hit = _match_name(name, plist)
            if hit is not None:
                return Who(name, verb, hit[0], hit[1], kind="bare")
            continue
        if m.group("title") or (authority_lookup(name) or (None, 0))[1] >= 0.8:
            printed = " ".join(f"{m.group('title') or ''} {name}".split())
            return Who(printed, verb, None, 0.0)
    return None


def _inserted(text: str, plist: list[Participant]) -> Who | None:
    for m in _INSERT_RE.finditer(text):
        who = _who(m, plist)
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
    tail = [ln for ln in t.lines if ln.kind == "text" and t.line_text(ln).strip()][-3:]
    for ln in reversed(tail):
        s = t.line_text(ln).strip()
        if re.fullmatch(r"[A-Z][A-Za-z'\-]{2,}\.?", s):
            return s.rstrip(".")
    return None


def _side_of(p: Participant | None) -> str | None:
    return p.side if p is not None else None


_LIST_LABEL_RE = re.compile(r"^\s*(?:PARTICIPANTS?|(?:OTHERS?|ALSO)\s+PRESENT|PERSONS\s+PRESENT|"
                            r"PRESENT|DISTRIBUTION|COPIES\s+TO)\s*:", re.MULTILINE)


def _before_lists(t: Transcript, a: int, b: int) -> int:
    """The end of the prose of a paragraph: a participants list printed after it is no speech."""
    m = _LIST_LABEL_RE.search(t.text, a, b)
    return m.start() if m else b


def segment(t: Transcript, found: list[Record]) -> list[Segment]:
    """Cut the body into stretches, each opened by a speaker or carried on."""
    plist = participants(found)
    segs: list[Segment] = []
    last: Who | None = None            # the last printed speaker (who holds the floor)
    partner: Who | None = None         # in a first-person report, the one the reporter met
    partner_paragraph = -2
    reporter_from = len(t.text)        # where the reporter's last "I ..." passage began
    for pi, (a, b) in enumerate(t.paragraphs):
        b = _before_lists(t, a, b)
        sents = sentences(t, a, b)
        if not sents:
            continue
        cur = Segment(a, b, pi, None)
        first = True
        for s in sents:
            text = s.text(t)
            if s.parenthetical and len(text.split()) >= 4:
                if s.start > cur.start:
                    cur.end = s.start
                    segs.append(cur)
                segs.append(Segment(s.start, s.end, pi, None, narration=True))
                # after the aside the same floor goes on
                cur = Segment(s.end, b, pi, None, same_paragraph_as_prev=True)
                first = False
                continue
            found_who = _opener(text, plist)
            he = _HE_SPEAKS_RE.match(text) if found_who is None else None
            if he and last is not None and last.kind == "first":
                # the first-person passage so far ("I saw Khrushchev ... I began by ...")
                # no further back than the paragraph before this one
                window = max(min(cur.start, reporter_from), t.paragraphs[max(0, pi - 1)][0])
                other = _interlocutor(t.text[window:s.start], he.group("verb"), plist)
                if other is None and partner is not None and pi - partner_paragraph <= 1:
                    # "I told him that ...  He then urged ...": the reporter's words name no
                    # one, so "he" is still the person the reporter is talking with
                    other = Who(partner.printed, he.group("verb"), partner.participant,
                                partner.score, kind=partner.kind)
                if other is not None:
                    found_who = (other, 0)
                    partner, partner_paragraph = other, pi
            if found_who is None:
                ins = _inserted(text, plist)
                if ins is not None and not first:
                    found_who = (ins, 0)
            if found_who is None:
                first = False
                continue
            who, _ = found_who
            if who.kind == "first" and (last is None or last.kind != "first"):
                reporter_from = s.start
            elif who.kind != "first":
                partner, partner_paragraph = who, pi   # the one the reporter talks with
            if first and s is sents[0]:
                cur.who = who
            elif who.participant is None and plist:
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
    plist = participants(found)
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
            sg.side = _side_of(next((p for p in plist if p.name and signer and
                                     similarity(surname(signer), surname(p.name)) >= 0.8), None))
            continue
        if w.participant is not None:
            sg.speaker, sg.side = _pname(w.participant), w.participant.side
            sg.basis = "office" if w.kind == "office" else ("named" if w.score >= 1.0 else "variant")
            sg.confidence = w.score if w.kind != "office" else 0.9
            continue
        if not plist:                      # no list to hold the speaker to: take the print
            sg.speaker, sg.basis, sg.confidence = w.printed, "named", 0.7
            continue
        _correct(t, segs, i, plist, prev)


def _speaking(sg: Segment, prev: Segment | None) -> Segment | None:
    """The last segment with a speaker once ``sg`` is done, given the last one before it.

    Carried along the segments instead of searched backwards from each one: a long report
    with no speaker named made that search quadratic (11 s of a 2 MB OCR text).
    """
    return sg if not sg.narration and sg.speaker else prev


def _mentions(t: Transcript, sg: Segment, plist: list[Participant]) -> Counter:
    """How often each participant is named inside a segment (the addressees of a speech)."""
    c: Counter = Counter()
    text = t.text[sg.start:sg.end]
    for m in re.finditer(rf"(?:{_TITLE})\s+(?P<n>{SURNAME})", text):
        hit = _match_name(m.group("n"), plist)
        if hit:
            c[id(hit[0])] += 1
    return c


def _correct(t: Transcript, segs: list[Segment], i: int, plist: list[Participant],
             prev: Segment | None) -> None:
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
        others = [p for p in plist if p.side and p.side != prev.side and p.name]
        if others:
            counts: Counter = Counter()
            for j in range(i - 1, -1, -1):       # the whole previous turn
                if segs[j].narration:
                    continue
                if segs[j].speaker != prev.speaker:
                    break
                counts.update(_mentions(t, segs[j], others))
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
        for sg in g:
            if pieces and sg.paragraph == g[g.index(sg) - 1].paragraph and pieces[-1][1] >= sg.start - 1:
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


@extractor(NAME)
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(build_turns(t, found))
