"""How a memorandum of conversation reports the answer to a proposal (a helper of the proposals
extractor; not an extractor itself).

The drafter reports the answer in the next turn of the side the proposal was put to ("Mr.
Gromyko agreed.", "The Secretary did not exclude such a possibility, but ...", "Mr. Kosygin
replied that he would consult with Moscow ...").  Its words are data (kg/data/proposals.tsv);
what they mean in the turn follows the conventions of the genre:

- the answer is the first turn of the other side after the proposal is first put (in a
  meeting of one side, of anyone else; a request to a colleague by name, his next turn); a
  later turn of that side settles it instead when it agrees to or defers the same matter in so
  many words ("The Secretary proposed ... and Mr. Gromyko agreed");
- "agreed that" with a statement of fact concedes a point of the argument and accepts nothing
  ("agreed that the negotiations had achieved positive results"), nor does "the agreed line";
- a refusal counts only as the answerer's own: "the Soviet Union might well object to this" in
  the Secretary's turn refuses nothing;
- agreeing and adding a suggestion accepts ("agreed but suggested that ..."); agreeing to a
  part and refusing the rest counters; refusing and putting a proposal of one's own counters;
  an answer with no word of assent, refusal or delay that argues back counters;
- handing the matter to negotiators or to a later meeting defers it ("suggested this be worked
  out between Secretary Rusk and Mr. Gromyko"), but accepts a proposal that was itself one of
  talks;
- a proposal about the conduct of the talks (another meeting, setting a question aside, the
  press, an invitation to comment) is accepted by an answer that goes along without refusal or
  delay; an invitation to speak is accepted by speaking; thanks accept an offer;
- an answer that closes the conversation or opens by turning to another matter leaves the
  proposal unanswered (status none), and so does one that opens by asking back ("asked for
  clarification", "asked whether ...") with no word of assent, refusal or delay.

It does not find proposals (kg.extracting.proposals) and decides nothing about who the
speakers are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extracting.discourse import Sentence, TurnStretch, required_runs, sentences, stems, topics_of
from kg.lexicon.alternation import RunIndex
from kg.lexicon.matching import similarity, surname
from kg.lexicon.names import SURNAME
from kg.lexicon.negotiation import phrasing
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Transcript


@dataclass(frozen=True)
class Put:
    """What the answer reading needs to know of a proposal."""

    text: str                 # the words of the proposal (its first statement and conditions)
    act: str                  # suggestion | offer | request | demand | appeal
    stretch: TurnStretch      # the turn that puts it
    after: int                # reading offset where it was first put (end of its first sentence)
    side: str | None          # the proposer's side


@dataclass(frozen=True)
class Answer:
    status: str               # accepted | rejected | deferred | countered | none
    sentence: Sentence | None  # the words that give it (None: the proposal was left unanswered)
    turn: TurnStretch | None
    basis: str = "words"      # what gives the status: words | later | invited | going-along
                              # | arguing | leaves | asks


# "had agreed", "had already been discussed and agreed": what someone did before
_EARLIER = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+){0,4}$")
_QUOTED = re.compile(r'"[^"]{3,}"|“[^”]{3,}”')
_SAME_AS_BEFORE = re.compile(r"^The\s+same\s+appl(?:ied|ies)\s+to\b")
# "the agreed line", "an agreed policy": an adjective; "to be agreed upon later": still to come
_AGREED_ADJECTIVE = re.compile(r"\b(?:the|an?|this|that|its|their|our|his|any|to\s+be)\s+$")
# "agreed that <clause>": the clause's first finite verb tells a fact conceded ("was", "had")
# from a course accepted ("should", "would", or the subjunctive "that representatives meet")
_AGREED_THAT = re.compile(r"agreed\s+(?:with\s+[^,.;]{1,40}?\s+)?that\s+")
_FINITE = re.compile(r"\b(?:was|were|had|has|have|is|are|did|does|do|would|should|could|might|"
                     r"must|will|shall|can|may|be)\b")
_CLAUSE_END = re.compile(r"[;.:]")
_CLAUSE_MARK = re.compile(r"[,;:]")
_FACT_VERBS = frozenset("was were had has have is are did does do".split())
# words of an answer put hypothetically or asked ("If we agreed on the content ...", "asked
# whether the U.S. would be willing to consider ...", "before we said finally that we agreed",
# "under such hypothetical circumstances ... could not agree", "might well object"): no answer
_IF_CLAUSE = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|before|until)\b|"
                        r"\b(?:[Uu]nder|[Ii]n)\s+(?:such|these|those|similar)\s+(?:\w+\s+)?"
                        r"(?:circumstances|conditions|a\s+case|an\s+event)\b|\b[Ii]n\s+that\s+(?:case|event)\b")
_MODAL = re.compile(r"\b(?:might|may)\s+(?:well\s+|also\s+)?$")
# an invitation to speak is accepted by speaking ("asked Ambassador Foster to clarify the three
# alternative drafts", "perhaps the President might first wish to comment")
_INVITED_TO_SPEAK = re.compile(r"\b(?:comment|clarify|explain|speak|describe|outline|elaborate|"
                               r"state\s+(?:his|their|its)\s+views?|give\s+(?:his|their|its)\s+views?)\b")
# the member of one's own side a request names ("The Secretary asked Ambassador Foster to
# clarify ..."): his next turn answers it
_ADDRESSED = re.compile(rf"\b(?:asked|requested|invited|urged)\s+(?:{TITLE_RE.pattern})\s+(?P<name>{SURNAME})")


def _concedes(text: str, start: int) -> bool:
    """The "agreed" at ``start`` concedes a fact or is an adjective: it accepts nothing."""
    if _AGREED_ADJECTIVE.search(text[max(0, start - 12):start]):
        return True
    m = _AGREED_THAT.match(text, start)
    if not m:
        return False
    clause = _CLAUSE_END.split(text[m.end():], maxsplit=1)[0]
    verb = _FINITE.search(clause)
    return verb is not None and verb.group() in _FACT_VERBS


def _hypothetical(text: str, start: int) -> bool:
    """The word at ``start`` stands in an if- or whether-clause or after "might"."""
    clause = _CLAUSE_MARK.split(text[:start])[-1]
    return bool(_IF_CLAUSE.search(clause) or _MODAL.search(clause))


def cues(text: str, act: str = "suggestion") -> set[str]:
    """The statuses the words of one sentence of an answer to a proposal of ``act`` give
    (empty: no cue); besides the four statuses, "referral": the sentence hands the matter on.
    """
    return set(_cues(text, act))


@lru_cache(maxsize=1)
def _answer_patterns() -> tuple[tuple[str, re.Pattern, tuple[str, ...] | None], ...]:
    return tuple((st, rx, required_runs(rx.pattern, rx.flags)) for st, rx in phrasing().answers)


@lru_cache(maxsize=1)
def _answer_index() -> RunIndex:
    """Which answer patterns a text prints the runs of, in one search (`_answer_patterns`)."""
    return RunIndex(needs for _, _, needs in _answer_patterns())


@lru_cache(maxsize=8192)       # an answering turn is read once per proposal it may answer
def _cues(text: str, act: str) -> frozenset[str]:
    ph = phrasing()
    text = _QUOTED.sub(" ", text)              # words quoted from a document are no answer
    if ph.reports.search(text):               # "report his proposal to ..." still defers
        return frozenset(st for st, rx in ph.answers if st == "deferred" and rx.search(text))
    found: set[str] = set()
    patterns = _answer_patterns()
    for k in _answer_index().which(text):      # those whose runs of letters the text prints
        st, rx, _ = patterns[k]
        for m in rx.finditer(text):
            if m.group().split()[0].endswith("ed") and _EARLIER.search(text[:m.start()]):
                continue                       # "had agreed": what someone did before
            if _hypothetical(text, m.start()):
                continue
            if st == "accepted" and m.group().startswith("agreed") and _concedes(text, m.start()):
                continue
            found.add(st)
            break
    if ph.referral.search(text):
        found.add("referral")
    if act == "offer" and ph.thanks.search(text):
        found.add("accepted")
    return frozenset(found)


def verdict(found: set[str], procedural: bool) -> str | None:
    """One status from the cues of an answer (None: no cue)."""
    if "referral" in found:
        return "accepted" if procedural else "deferred"
    if "countered" in found or {"accepted", "rejected"} <= found:
        return "countered"
    for st in ("deferred", "rejected", "accepted"):
        if st in found:
            return st
    return None


def is_procedural(text: str) -> bool:
    """The proposal is about the conduct of the talks, not about their matter."""
    return phrasing().procedure.search(text) is not None


def _side_key(ts: TurnStretch, one_sided: bool = False) -> str:
    """The side a turn speaks for; without a participants list, or in a meeting of one side
    (the President and his advisers), the speaker himself."""
    if one_sided:
        return ts.turn.speaker or "?"
    return ts.turn.side or ts.turn.speaker or "?"


def replies(t: Transcript, p: Put, stretches: list[TurnStretch],
            listed_sides: set[str]) -> list[TurnStretch]:
    """The turns that may answer a proposal, in order: those of the member of one's own side
    the request names, else those of the other side (of any other speaker in a meeting of one
    side), within the next turns after it was first put."""
    start = next(i for i, ts in enumerate(stretches) if ts.turn.index == p.stretch.turn.index)
    later = [ts for ts in stretches[start + 1:start + 9] if ts.pieces[0][0] >= p.after]
    m = _ADDRESSED.search(p.text)
    if m:
        named = [ts for ts in later if ts.turn.speaker
                 and similarity(surname(ts.turn.speaker), m.group("name")) >= 0.8]
        if named:
            return named[:1]
    one_sided = len(listed_sides or {ts.turn.side for ts in stretches if ts.turn.side}) <= 1
    mine = _side_key(p.stretch, one_sided)
    return [ts for ts in later if _side_key(ts, one_sided) != mine][:3]


@dataclass(frozen=True)
class _Cue:
    overlap: int              # content shared with the proposal
    position: int             # sentence number in the answer
    found: frozenset[str]
    sentence: Sentence


class _Reading:
    """One proposal read against the turns that may answer it."""

    def __init__(self, t: Transcript, p: Put):
        self.t, self.p = t, p
        self.procedural = is_procedural(p.text)
        self.stems, self.topics = stems(p.text), topics_of(p.text)

    def cues(self, turn: TurnStretch) -> list[_Cue]:
        """The cues of each sentence of an answer, with what it shares with the proposal."""
        out: list[_Cue] = []
        prev: set[str] = set()
        for k, s in enumerate(sentences_of(self.t, turn)):
            text = s.text(self.t)
            found = cues(text, self.p.act)
            if not found and _SAME_AS_BEFORE.search(text):
                found = prev                   # "The same applied to ..."
            if found:
                prev = found
                overlap = len(self.stems & stems(text)) + 2 * len(self.topics & topics_of(text))
                if self.procedural and is_procedural(text):
                    overlap += 2               # talks proposed, talks answered
                out.append(_Cue(overlap, k, frozenset(found), s))
        return out

    def status(self, found: set[str]) -> str | None:
        return verdict(found, self.procedural)


def sentences_of(t: Transcript, turn: TurnStretch) -> list[Sentence]:
    return [s for a, b in turn.pieces for s in sentences(t, a, b)]


def answer(t: Transcript, p: Put, stretches: list[TurnStretch], proposing_turns: set[int],
           listed_sides: set[str]) -> Answer | None:
    """The answer the document shows to one proposal (None: no turn answers it);
    ``proposing_turns``: the turns that put proposals."""
    turns = replies(t, p, stretches, listed_sides)
    first = turns[0] if turns else None
    sents = sentences_of(t, first) if first else []
    if first is None or not sents:
        return None
    if phrasing().leave.search(sents[0].text(t)):
        return Answer("none", None, None, "leaves")   # closes, or turns to another matter
    r = _Reading(t, p)
    found = r.cues(first)
    if _INVITED_TO_SPEAK.search(p.text) and p.act in ("request", "suggestion"):
        opening = [c for c in found if c.position == 0]
        if "rejected" not in {st for c in opening for st in c.found}:
            return Answer("accepted", sents[0], first, "invited")   # asked to comment, he comments
    near = [c for c in found if c.overlap >= 2]
    own_proposal = first.turn.index in proposing_turns
    if not near:
        # a later turn of that side that agrees to, refuses or defers the same thing settles it
        for later in turns[1:]:
            settles = [c for c in r.cues(later)
                       if c.overlap >= 2 and r.status(set(c.found)) in ("accepted", "deferred", "rejected")]
            if settles:
                best = max(settles, key=lambda c: (c.overlap, -c.position))
                return Answer(r.status(set(best.found)), best.sentence, later, "later")
    touching = near or [c for c in found if c.overlap >= 1]
    if touching:
        # in an answer to several proposals, each is answered by the words about it
        best = max(touching, key=lambda c: (c.overlap, -c.position))
        status, sentence = r.status(set(best.found)), best.sentence
    elif found:
        status, sentence = r.status({st for c in found for st in c.found}), sents[0]
    else:
        status, sentence = None, sents[0]
    basis = "words"
    if status is None and phrasing().asks.search(sents[0].text(t)):
        return Answer("none", None, None, "asks")     # asks back: the matter stays open
    if status is None:
        # no word of assent, refusal or delay: going along with a proposal about the talks
        # accepts it; an answer that argues back, or puts a proposal of its own, counters
        going_along = r.procedural and not own_proposal
        status, basis = ("accepted", "going-along") if going_along else ("countered", "arguing")
    elif status == "rejected" and own_proposal:
        status = "countered"                   # refuses, and puts his own
    return Answer(status, sentence, first, basis)
