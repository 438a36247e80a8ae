"""Proposals and the responses the document shows to them.

A proposal is a sentence in a speaker's turn that puts something to the other side, in the
genre's phrasing (kg/data/proposals.tsv): a suggestion ("suggested that", "proposed that",
"hoped that both sides could ...", "it might be useful to", a question such as "Could we have
agreement that ...?", "asked whether the U.S. would be willing to consider ..."), an offer
("was prepared to", "would be glad to", "we are willing to"), a request ("asked Ambassador
Foster to clarify", "asked that", "urged", "invited Mr. Reynolds to speak", "would appreciate
it if"), a demand ("the US should lift ...", "wanted West Berlin to be neutralized"), an
appeal.  Reports of earlier proposals ("had suggested", "as proposed by", "the original
proposal") are not new ones; a sentence that only conditions or extends the one before
("If this was acceptable ...", "Also, ...") belongs to the same proposal, and so does a
restatement by the same speaker.

The response is the answer of the other side: its first turn after the proposal (in a
meeting of one side, any other speaker's).  Its status comes from the answer's words (data):
accepted ("agreed", "concurred", "expressed interest in the Secretary's idea"), rejected
("could not accept", "did not believe that ..."), deferred (consulting or reporting home,
"would study", "did not exclude"), countered (an alternative, or the answer puts a proposal
of its own; agreeing to part and refusing the rest).  An answer without any of these words
that argues back is a counter; no answer from the other side is status none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extracting import extractor
from kg.extracting.discourse import (Sentence, TurnStretch, _alt, participants, sentences,
                                     topic_of, topics_of, turn_spans)
from kg.lexicon.data import text as data_text
from kg.lexicon.matching import similarity, surname
from kg.lexicon.names import SURNAME
from kg.lexicon.nations import SIDE_WORDS
from kg.lexicon.speech import SPEECH_VERBS
from kg.lexicon.titles import TITLE_RE
from kg.reading.transcript import Transcript
from kg.records import Participant, Proposal, Record, SpeakerTurn

NAME = "proposals"


@dataclass(frozen=True)
class Lexicon:
    acts: tuple[tuple[str, str], ...]          # (act, pattern with {own}/{other})
    reports: re.Pattern                        # a report of an earlier proposal
    answers: tuple[tuple[str, re.Pattern], ...]  # (status, pattern)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The proposal and answer phrasing of kg/data/proposals.tsv."""
    text = data_text("proposals.tsv")
    acts, reports, answers = [], [], []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, label, pattern = line.split("\t", 2)
        if kind == "act":
            acts.append((label, pattern))
        elif kind == "not":
            reports.append(pattern)
        elif kind == "answer":
            answers.append((label, re.compile(pattern)))
        else:
            raise ValueError(f"kg/data/proposals.tsv: unknown kind {kind!r} in {line!r}")
    return Lexicon(tuple(acts), re.compile("|".join(reports)), tuple(answers))


# a sentence that only conditions or extends the proposal before it
_CONDITION_ON_PREVIOUS = re.compile(r"^(?:If|Unless|Provided)\s+(?:this|that|it)\b|^Also\b")
# backing what a colleague of one's own side put ("as outlined by Ambassador X")
_SUPPORT = r"\bas\s+(?:outlined|suggested|proposed|indicated|described)\s+by\s+(?:[\w.]+\s+)?(?:{names})\b"
_QUOTED = re.compile(r'"[^"]{3,}"|“[^”]{3,}”')
_SAME_AS_BEFORE = re.compile(r"^The\s+same\s+appl(?:ied|ies)\s+to\b")
# an answer that agrees and then takes something back
_TAKE_BACK = re.compile(r"^\W*(?:However|But|Nevertheless|On\s+the\s+other\s+hand)\b")
# an invitation to speak is accepted by speaking ("asked Ambassador Foster to clarify the three
# alternative drafts", "perhaps the President might first wish to comment")
_INVITED_TO_SPEAK = re.compile(r"\b(?:comment|clarify|explain|speak|describe|outline|elaborate|"
                               r"state\s+(?:his|their|its)\s+views?|give\s+(?:his|their|its)\s+views?)\b")
_STOP = frozenset("""a an the of to in on at by for with from and or but if that this these those
was were is are be been being had has have would could should must might may will can not no
he she it they we us our his her its their him them there here as so than then also only any
all some such one other which what who whom whose when where while since because about into
said did do does very more most much many upon mr amb ambassador secretary question matter
point view side government delegation us usa ussr soviet union united states american
russian""".split())

_SPEECH = frozenset(w for v in SPEECH_VERBS for w in v.split()) | {"wished", "wish"}
_TITLED = re.compile(rf"(?:{TITLE_RE.pattern})\s+{SURNAME}(?:'s)?")


def stems(text: str) -> set[str]:
    """Content-word stems, crude but stable ('removed', 'removing' -> 'remov').

    Persons named with a title and the reported-speech verbs say nothing of the matter.
    """
    out = set()
    text = _TITLED.sub(" ", text)
    for w in re.findall(r"[A-Za-z][A-Za-z\-]+", text):
        w = w.casefold()
        if w in _STOP or w in _SPEECH or len(w) < 3:
            continue
        for suf in ("ations", "ation", "ings", "ing", "ed", "es", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        out.add(w.rstrip("e"))
    return out


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
def _act_patterns(own: str, other: str | None) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for act, pat in lexicon().acts:
        filled = _fill(pat, own, other)
        if filled:
            out.append((act, re.compile(filled)))
    return tuple(out)


def proposal_act(text: str, side: str | None, sides: set[str],
                 own_names: tuple[str, ...] = ()) -> str | None:
    """The act a sentence of a turn performs when it puts something to the other side.

    ``own_names``: surnames of the speaker's own delegation; backing what one of them put
    ("as outlined by Ambassador X") supports that proposal rather than making a new one.
    """
    if lexicon().reports.search(text):
        return None
    if own_names and re.search(_SUPPORT.replace("{names}", _alt(own_names)), text):
        return None
    other_words = [w for s in sorted(_others(side, sides)) for w in SIDE_WORDS.get(s, ())]
    other = _alt(other_words) if other_words else None
    own_words = list(SIDE_WORDS.get(side or "", ())) + ["he", "He", "we", "We", "I", "they", "They"]
    own = _alt(own_words)
    # the act the sentence performs is the first one it states ("asked me to tell the President
    # that he was ready to ...": a request that carries an offer)
    best: tuple[int, str] | None = None
    for act, rx in _act_patterns(own, other):
        for m in rx.finditer(text):
            before = text[:m.start()]
            last3 = re.findall(r"[A-Za-z.\-]+", before)[-3:]
            if act in ("suggestion", "request") and any(w in ("had", "been", "as") for w in last3):
                continue                     # "had originally proposed", "as suggested by"
            if other and act in ("suggestion", "request") and re.search(
                    rf"(?:{other})\s+(?:\w+\s+)?$", before):
                continue                     # the other side suggested it: reported
            if act == "offer" and re.search(r"prepared|ready|willing", m.group()):
                if not re.search(rf"\b(?:{own})\s+(?:\w+\s+)?$", before):
                    continue                 # someone else's readiness, not the speaker's offer
            if best is None or m.start() < best[0]:
                best = (m.start(), act)
            break
    return best[1] if best else None


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
                if last is not None and _CONDITION_ON_PREVIOUS.search(text):
                    last.sentences.append(s)       # a condition on, or extension of, the last one
                    continue
                earlier = _restated(t, text, ts, out)
                if earlier is not None:
                    earlier.sentences.append(s)    # the same speaker puts it again
                    earlier.restated_in.append(ts)
                    continue
                last = Found(act, [s], ts, ts.turn.side)
                out.append(last)
    return out


def _restated(t: Transcript, text: str, ts: TurnStretch, earlier: list[Found]) -> Found | None:
    """An earlier proposal of the same speaker this sentence puts again."""
    st, top = stems(text), topic_of(text)
    for f in reversed(earlier):
        if f.stretch.turn.speaker != ts.turn.speaker:
            continue
        ftext = " ".join(x.text(t) for x in f.sentences)
        fst = stems(ftext)
        if _overlap(st, fst) >= 0.4:
            return f
        if (f.stretch.turn.index != ts.turn.index and top is not None and top == topic_of(ftext)
                and len(st & fst) >= 2):
            return f
    return None


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _cue(text: str) -> str | None:
    """The status a sentence of an answer gives, from its words alone (None: no cue)."""
    if lexicon().reports.search(text):
        found = [st for st, rx in lexicon().answers if st == "deferred" and rx.search(text)]
        return "deferred" if found else None     # "report his proposal to ..." still defers
    found = []
    for st, rx in lexicon().answers:
        for m in rx.finditer(text):
            if m.group().split()[0].endswith("ed") and re.search(r"\bhad\s+(?:\w+\s+)?$", text[:m.start()]):
                continue                     # "had agreed": what someone did before
            found.append(st)
            break
    if not found:
        return None
    if "countered" in found or "accepted" in found and "rejected" in found:
        return "countered"
    return found[0]


def _side_key(ts: TurnStretch, one_sided: bool = False) -> str:
    """The side a turn speaks for; without a participants list, or in a meeting of one side
    (the President and his advisers), the speaker himself."""
    if one_sided:
        return ts.turn.speaker or "?"
    return ts.turn.side or ts.turn.speaker or "?"


@dataclass(frozen=True)
class Answer:
    status: str
    sentence: Sentence
    turn: TurnStretch


# the member of one's own side a request names ("The Secretary asked Ambassador Foster to
# clarify ..."): his next turn answers it
_ADDRESSED = re.compile(rf"\b(?:asked|requested|invited|urged)\s+(?:{TITLE_RE.pattern})\s+(?P<name>{SURNAME})")


def _replies(t: Transcript, p: Found, stretches: list[TurnStretch],
             listed_sides: set[str]) -> list[TurnStretch]:
    """The turns that may answer a proposal, in order: those of the member of one's own side
    the request names, else those of the other side (of any other speaker in a meeting of one
    side), within the next turns."""
    start = next(i for i, ts in enumerate(stretches) if ts.turn.index == p.stretch.turn.index)
    last_at = max(s.end for s in p.sentences)
    later = [ts for ts in stretches[start + 1:start + 9] if ts.pieces[0][0] >= last_at]
    m = _ADDRESSED.search(" ".join(s.text(t) for s in p.sentences))
    if m:
        named = [ts for ts in later if ts.turn.speaker
                 and similarity(surname(ts.turn.speaker), m.group("name")) >= 0.8]
        if named:
            return named[:1]
    # a meeting of one side (the President and his advisers): any other speaker answers
    one_sided = len(listed_sides or {ts.turn.side for ts in stretches if ts.turn.side}) <= 1
    mine = _side_key(p.stretch, one_sided)
    return [ts for ts in later if _side_key(ts, one_sided) != mine][:3]


def _cues(t: Transcript, turn: TurnStretch, pst: set[str], ptopics: set[str]) -> list[tuple]:
    """(overlap with the proposal, -position, status, sentence) of each cue of an answer."""
    sents = [s for a, b in turn.pieces for s in sentences(t, a, b)]
    out: list[tuple] = []
    prev_status = None
    for k, s in enumerate(sents):
        text = s.text(t)
        status = _cue(_QUOTED.sub(" ", text))     # words quoted from a document are no answer
        if status is None and _SAME_AS_BEFORE.search(text):
            status = prev_status                  # "The same applied to ..."
        if status == "accepted" and any(
                _TAKE_BACK.match(x.text(t)) or _cue(_QUOTED.sub(" ", x.text(t))) == "rejected"
                for x in sents[k + 1:k + 3]):
            status = "countered"                  # agrees to part, refuses or takes back the rest
        if status is not None:
            prev_status = status
            overlap = len(pst & stems(text)) + 2 * len(ptopics & topics_of(text))
            out.append((overlap, -k, status, s))
    return out


def _answer(t: Transcript, p: Found, stretches: list[TurnStretch],
            proposing_turns: set[int], listed_sides: set[str]) -> Answer | None:
    """The answer to one proposal: the sentence of the first reply that settles it; a later
    reply of the same side settles it instead when only that one speaks of the same thing
    ("... and Mr. Gromyko agreed")."""
    replies = _replies(t, p, stretches, listed_sides)
    if not replies:
        return None
    ptext = " ".join(s.text(t) for s in p.sentences)
    pst, ptopics = stems(ptext), topics_of(ptext)
    first = replies[0]
    cues = _cues(t, first, pst, ptopics)
    if not any(c[0] >= 2 for c in cues):
        for later in replies[1:]:
            found = [c for c in _cues(t, later, pst, ptopics) if c[0] >= 2 and c[2] != "countered"]
            if found:
                _, _, status, s = max(found, key=lambda c: (c[0], c[1]))
                return Answer(status, s, later)
    counters = first.turn.index in proposing_turns      # the answer puts a proposal of its own
    sents = [s for a, b in first.pieces for s in sentences(t, a, b)]
    if cues:
        # the cue sentence that speaks of the same thing; else the answer's opening sentence,
        # with the first cue of the answer for its status
        near = [c for c in cues if c[0] >= 2]
        if near:
            _, _, status, s = max(near, key=lambda c: (c[0], c[1]))
        else:
            status, s = max(cues, key=lambda c: c[1])[2], sents[0]
        if counters and status in ("accepted", "rejected"):
            status = "countered"                  # refuses or agrees, and puts his own
        return Answer(status, s, first)
    if sents and _INVITED_TO_SPEAK.search(ptext):
        return Answer("accepted", sents[0], first)      # asked to comment, he comments
    # no word of assent, refusal or delay: an answer that argues back counters
    return Answer("countered", sents[0], first) if sents else None


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
        answer = _answer(t, p, stretches, proposing, sides)
        if answer is None:
            out.append(Proposal(**common))
            continue
        s = answer.sentence
        out.append(Proposal(**common, status=answer.status, responder=answer.turn.turn.speaker,
                            response_evidence=(t.span(s.start, s.end),),
                            response_turn=answer.turn.turn.index))
    return out


def _addressee(p: Found, stretches: list[TurnStretch]) -> str | None:
    sides = [ts.turn.side for ts in stretches if ts.turn.side and ts.turn.side != p.side]
    return max(set(sides), key=sides.count) if sides else None


@extractor(NAME, requires=(SpeakerTurn, Participant), produces=(Proposal,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(respond(t, found, detect(t, found)))
