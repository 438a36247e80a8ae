"""Proposals and the responses the document shows to them.

A proposal is a sentence in a speaker's turn that puts something to the other side, in the
genre's phrasing (kg/data/proposals.tsv, read by kg.lexicon.negotiation): a suggestion
("suggested that", "proposed that", "hoped that both sides could ...", "it might be useful
to", a question such as "Could we have agreement that ...?", "asked whether the U.S. would be
willing to consider ..."), an offer ("was prepared to", "would be glad to", "we are willing
to"), a request ("asked Ambassador Foster to clarify", "asked that", "urged", "invited Mr.
Reynolds to speak", "would appreciate it if"), a demand ("the US should lift ...", "wanted
West Berlin to be neutralized"), an appeal.  Reports of earlier proposals ("had suggested",
"as proposed by", "the original proposal") are not new ones; a sentence that only conditions
or extends the one before ("If this was acceptable ...", "Also, ...") belongs to the same
proposal, and so does a restatement by the same speaker.

The response is read by kg.extracting.answers: the answer of the other side and its status
(accepted, rejected, deferred, countered), or none when the document records no answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extracting import extractor
from kg.extracting.answers import Put, answer
from kg.extracting.discourse import (Sentence, TurnStretch, _alt, participants, required_runs,
                                     sentences, stems, topic_of, turn_spans)
from kg.lexicon.alternation import RunIndex
from kg.lexicon.matching import surname
from kg.lexicon.nations import SIDE_WORDS
from kg.lexicon.negotiation import phrasing
from kg.reading.transcript import Transcript
from kg.records import Participant, Proposal, Record, SpeakerTurn

NAME = "proposals"


# a sentence that only conditions or extends the proposal before it
_CONDITION_ON_PREVIOUS = re.compile(r"^(?:If|Unless|Provided)\s+(?:this|that|it)\b|^Also\b")
# a proposal made in so many words is a new one, whatever it repeats ("If this was indeed the
# case, he suggested that ...", "The Secretary proposed that this question be considered
# again ...": the gold and the genre count the formal proposal with its own answer)
_EXPLICIT = re.compile(r"\b(?:suggested|proposed)\s+that\b|\breplied\s+with\s+a\s+(?:suggestion|proposal)\b|"
                       r"\bmade\s+(?:a|the\s+following)\s+(?:suggestion|proposal)\b")
# a sentence that says it puts something again ("He emphasized once again that he hoped ...",
# "repeated that ...") restates the proposal of the speaker it shares a word of substance with
_SAYS_AGAIN = re.compile(r"\b(?:once\s+again|once\s+more|repeated|reiterated|restated)\b")
# backing what a colleague of one's own side put ("as outlined by Ambassador X")
_SUPPORT = r"\bas\s+(?:outlined|suggested|proposed|indicated|described)\s+by\s+(?:[\w.]+\s+)?(?:{names})\b"


@dataclass
class Found:
    act: str
    sentences: list[Sentence]
    stretch: TurnStretch
    side: str | None
    restated_in: list[TurnStretch] = field(default_factory=list)


def _fill(pattern: str, own: str | None, other: str | None) -> str | None:
    if "{other}" in pattern and not other:
        return None
    if "{own}" in pattern and not own:
        return None
    return pattern.replace("{other}", other or "").replace("{own}", own or "")


def _others(side: str | None, sides: set[str]) -> list[str]:
    return [s for s in sides if s and s != side]


@lru_cache(maxsize=256)
def _act_patterns(own: str, other: str | None) -> tuple[tuple[str, re.Pattern, tuple[str, ...] | None], ...]:
    """The act patterns filled with the sides' words, each with the runs of letters one of
    which any match of it prints (None: none known), so that a sentence without them is not
    searched: forty patterns over every sentence of every turn cost more than all the rest."""
    out = []
    for act, pat in phrasing().acts:
        filled = _fill(pat, own, other)
        if filled:
            out.append((act, re.compile(filled), required_runs(filled)))
    return tuple(out)


@lru_cache(maxsize=256)
def _act_index(own: str, other: str | None) -> RunIndex:
    """Which act patterns a sentence prints the runs of, in one search (`_act_patterns`)."""
    return RunIndex(needs for _, _, needs in _act_patterns(own, other))


def proposal_act(text: str, side: str | None, sides: set[str],
                 own_names: tuple[str, ...] = ()) -> str | None:
    """The act a sentence of a turn performs when it puts something to the other side.

    ``own_names``: surnames of the speaker's own delegation; backing what one of them put
    ("as outlined by Ambassador X") supports that proposal rather than making a new one.
    """
    return _proposal_act(text, side, frozenset(sides), tuple(own_names))


@lru_cache(maxsize=256)
def _side_words(side: str | None, sides: frozenset[str]) -> tuple[str, str | None]:
    """The speaker's side's words and the other sides' as alternations (the act patterns are
    kept under them): made once for the sides of a document, not again for each sentence."""
    other_words = [w for s in sorted(_others(side, sides)) for w in SIDE_WORDS.get(s, ())]
    other = _alt(other_words) if other_words else None
    own_words = list(SIDE_WORDS.get(side or "", ())) + ["he", "He", "we", "We", "I", "they", "They"]
    return _alt(own_words), other


@lru_cache(maxsize=8192)    # the claims extractor asks again of every sentence proposals asked of
def _proposal_act(text: str, side: str | None, sides: frozenset[str],
                  own_names: tuple[str, ...]) -> str | None:
    if phrasing().reports.search(text):
        return None
    if own_names and _support(own_names).search(text):
        return None
    own, other = _side_words(side, sides)
    # the act the sentence performs is the first one it states ("asked me to tell the President
    # that he was ready to ...": a request that carries an offer)
    best: tuple[int, str] | None = None
    patterns = _act_patterns(own, other)
    # only the acts whose runs of letters the sentence prints: the others cannot match
    for k in _act_index(own, other).which(text):
        act, rx, _ = patterns[k]
        for m in rx.finditer(text):
            before = text[:m.start()]
            last3 = _WORDISH.findall(before)[-3:]
            if act in ("suggestion", "request") and any(w in ("had", "been", "as") for w in last3):
                continue                     # "had originally proposed", "as suggested by"
            if other and act in ("suggestion", "request") and _subject_before(other).search(before):
                continue                     # the other side suggested it: reported
            if act == "offer" and _READINESS.search(m.group()):
                if not _subject_before(rf"\b(?:{own})").search(before):
                    continue                 # someone else's readiness, not the speaker's offer
            if best is None or m.start() < best[0]:
                best = (m.start(), act)
            break
    return best[1] if best else None


_WORDISH = re.compile(r"[A-Za-z.\-]+")
_READINESS = re.compile(r"prepared|ready|willing")


@lru_cache(maxsize=256)
def _support(own_names: tuple[str, ...]) -> re.Pattern:
    return re.compile(_SUPPORT.replace("{names}", _alt(own_names)))


@lru_cache(maxsize=256)
def _subject_before(subject: str) -> re.Pattern:
    """``subject`` (a regex alternative), maybe one word, and the end of the text."""
    return re.compile(rf"(?:{subject})\s+(?:\w+\s+)?$")


def detect(t: Transcript, found: list[Record]) -> list[Found]:
    stretches = turn_spans(t, found)
    sides = {ts.turn.side for ts in stretches if ts.turn.side}
    names = {side: tuple(surname(p.name) for p in participants(found) if p.name and p.side == side)
             for side in sides}
    out: list[Found] = []
    for ts in stretches:
        if ts.turn.narration:
            continue
        last: Found | None = None
        for a, b in ts.pieces:
            for s in sentences(t, a, b):
                text = s.text(t)
                act = proposal_act(text, ts.turn.side, sides, names.get(ts.turn.side, ()))
                if act is None:
                    continue
                explicit = _EXPLICIT.search(text) is not None
                if last is not None and not explicit and _CONDITION_ON_PREVIOUS.search(text):
                    last.sentences.append(s)       # a condition on, or extension of, the last one
                    continue
                earlier = _restated(t, text, ts, out, explicit)
                if earlier is not None:
                    earlier.sentences.append(s)    # the same speaker puts it again
                    earlier.restated_in.append(ts)
                    continue
                last = Found(act, [s], ts, ts.turn.side)
                out.append(last)
    return out


def _restated(t: Transcript, text: str, ts: TurnStretch, earlier: list[Found],
              explicit: bool = False) -> Found | None:
    """The earlier proposal of the same speaker this sentence puts again: the one it shares
    most words with (sentence by sentence: the words of a proposal put many times over would
    match anything; a sentence that says it puts something again needs one word in common), else the latest one of another turn on the same topic; a sentence that
    points back at it ("try this step") puts the latest one again.  A proposal made in so
    many words (``explicit``) puts again only what its own turn put."""
    st, top = stems(text), topic_of(text)
    mine = [f for f in earlier if f.stretch.turn.speaker == ts.turn.speaker
            and not (explicit and f.stretch.turn.index != ts.turn.index)]
    if mine and not explicit and phrasing().again.search(text):
        return mine[-1]                        # "weigh this possibility": the last one, again
    scored = [(max(_overlap(st, stems(x.text(t))) for x in f.sentences), k, f)
              for k, f in enumerate(mine)]
    best = max(scored, key=lambda c: (c[0], c[1]), default=None)
    if best is not None and (best[0] >= 0.4 or (best[0] > 0 and _SAYS_AGAIN.search(text))):
        return best[2]
    for f in reversed(mine):
        ftext = " ".join(x.text(t) for x in f.sentences)
        if (f.stretch.turn.index != ts.turn.index and top is not None and top == topic_of(ftext)
                and len(st & stems(ftext)) >= 2):
            return f
    return None


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def respond(t: Transcript, found: list[Record], props: list[Found]) -> list[Proposal]:
    stretches = [ts for ts in turn_spans(t, found) if not ts.turn.narration]
    proposing = {p.stretch.turn.index for p in props} | {ts.turn.index for p in props
                                                         for ts in p.restated_in}
    sides = {x.side for x in participants(found) if x.side}
    out: list[Proposal] = []
    for p in props:
        ptext = " ".join(s.text(t) for s in p.sentences)
        common = dict(evidence=tuple(t.span(s.start, s.end) for s in p.sentences), extractor=NAME,
                      proposer=p.stretch.turn.speaker, act=p.act,
                      addressee_side=_addressee(p, stretches), proposer_side=p.side,
                      topic=topic_of(ptext), turn=p.stretch.turn.index)
        # the answer follows the first statement; a restatement in a later turn is no new
        # proposal to answer
        first = [s for s in p.sentences if s.start < _turn_end(p.stretch)]
        put = Put(text=" ".join(s.text(t) for s in first), act=p.act, stretch=p.stretch,
                  after=p.sentences[0].end, side=p.side)
        a = answer(t, put, stretches, proposing, sides)
        if a is None or a.sentence is None or a.turn is None:
            out.append(Proposal(**common))
            continue
        s = a.sentence
        out.append(Proposal(**common, status=a.status, responder=a.turn.turn.speaker,
                            response_evidence=(t.span(s.start, s.end),),
                            response_turn=a.turn.turn.index))
    return out


def _turn_end(ts: TurnStretch) -> int:
    return max(b for _, b in ts.pieces)


def _addressee(p: Found, stretches: list[TurnStretch]) -> str | None:
    sides = [ts.turn.side for ts in stretches if ts.turn.side and ts.turn.side != p.side]
    return max(set(sides), key=sides.count) if sides else None


@extractor(NAME, requires=(SpeakerTurn, Participant), produces=(Proposal,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(respond(t, found, detect(t, found)))
