"""Proposals and the responses the document shows to them.

A proposal is a sentence in a speaker's turn that puts something to the other side: a
suggestion ("suggested that", "wished to suggest", "the simplest solution would be to"), an
offer ("was prepared to", "would inform the other side of its position"), a request ("asked
... to", "urged", "would like to know", "if the other side could give us ..."), a demand ("the
other side should lift ...", "... should be lifted", "the sooner ... the better").  Reports of
earlier proposals ("had suggested", "as suggested by", "our original proposal") are not new
proposals; a sentence that only conditions or extends the one before ("If this was acceptable
...", "Unless this was ...", "Also, ...") belongs to the same proposal, and so does a
restatement by the same speaker.

The response is looked for in the following turns of the other side: the first of them
answers in any sentence that carries a response cue, later ones only where they speak of the
same thing.  Cues as data: accepted ("agreed", "would be available"), rejected ("could not
accept", "unacceptable", "would not insist", "objections"), deferred (consult or inform a
government, "would ask for a confirmation", "not ready to reply"), countered (an alternative,
a condition on the same action, "would be well advised to", "if you were to suggest"); both
accepting and refusing in one answer is a counter.  No cue: status none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extracting import extractor
from kg.extracting.discourse import (SIDE_WORDS, SPEECH_VERBS, participants, Sentence, TurnStretch, _alt, sentences,
                                     side_subject_re, turn_spans)
from kg.extracting.discourse import topic_of, topics_of
from kg.extracting.names import SURNAME, TITLE_RE
from kg.reading.transcript import Transcript
from kg.records import Proposal, Record
from kg.resolving.matching import surname

NAME = "proposals"


_ACTION = (r"(?:lift|stop|end|cease|halt|remove|withdraw|dismantle|give|provide|furnish|supply|"
           r"allow|permit|fulfill|fulfil|guarantee|assure|return|release|abandon|accept|agree|"
           r"inform|report|consult|tell|let|ensure|refrain|respect|recognize|make|take|use)")
_PASSIVE = (r"(?:lifted|stopped|ended|halted|removed|withdrawn|dismantled|given|provided|"
            r"furnished|allowed|permitted|placed|used|applied|established|guaranteed|"
            r"returned|released|abandoned|accepted|formalized|instituted|verified|inspected)")

# (act, pattern); ``{other}`` is filled with the other side's subject words
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("suggestion", r"(?<!had\s)(?<!been\s)(?<!as\s)\b(?:suggested|proposed)\s+(?:that|to)\b"),
    ("suggestion", r"\bwished\s+to\s+(?:suggest|propose)\b|\bwould\s+(?:suggest|propose)\b"),
    ("suggestion", r"\bremind\w*\s+[^.]{0,40}?\bof\s+[^.]{0,40}?\b(?:suggestion|proposal|plan)\s+for\b"),
    ("suggestion", r"\b(?:the\s+)?(?:simplest|best|quickest|only)\s+(?:solution|way)\b[^.]{0,60}?"
                   r"\b(?:would\s+be|was|is)\s+to\s+(?!go\s+back)"),
    ("suggestion", r"^If\b[^.]{5,200},\s*(?:that|this|it)\s+would\s+(?:avoid|obviate|help|"
                   r"facilitate|make\s+it\s+possible|remove\s+the\s+need)"),
    ("offer", r"\b(?:was|were|is|are|am)\s+(?:now\s+|also\s+|still\s+)?(?:prepared|ready|willing)\s+to\b"),
    ("offer", r"\bwould\s+inform\s+(?!(?:its|his|their|her|the\s+\w+\s+)?[Gg]overnment)"
              r"(?:the\s+)?(?:{other}|us|you|him|them)\b"),
    ("request", r"\b(?<!was\s)(?<!were\s)(?:ask(?:ed)?|request(?:ed)?|urge[ds]?|call(?:ed)?\s+(?:on|upon))"
                r"\s+(?!(?:whether|if|why|how|what|about|for)\b)(?:[\w.']+\s+){1,5}?to\s+" + _ACTION + r"\b"),
    # "asked that the United States reply by tomorrow": a request in the subjunctive
    ("request", r"\b(?<!was\s)(?<!were\s)(?:asked|requested|urged|insisted)\s+that\s+(?:the\s+)?"
                r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+(?:should\s+)?(?!had\b|was\b|were\b|would\b|could\b)"
                r"[a-z]+\b"),
    ("request", r"\bwould\s+like\s+to\s+(?:know|have|receive|see)\b"),
    # a proposal put as a question: "asked whether the Soviet Government would agree to ..."
    ("suggestion", r"\b(?:asked|inquired|enquired|wondered)\s+whether\s+(?:the\s+)?(?:{other})\s+"
                   r"(?:\w+\s+){0,2}?(?:would|could|might)\s+(?:agree|accept|consider|"
                   r"be\s+(?:prepared|willing|ready))\s+to\b"),
    ("request", r"\bwondered\s+whether\s+[^.]{0,80}?\bcould\s+(?:provide|give|furnish|supply|tell|let)\b"),
    ("request", r"^If\s+(?:the\s+)?(?:{other}|you|they)\s+could\s+(?:give|provide|furnish|supply|tell|let)\b"),
    ("demand", r"\b(?:the\s+)?(?:{other})\s+(?:should|must)\s+(?:also\s+|immediately\s+|really\s+)?"
               + _ACTION + r"\b"),
    ("demand", r"(?<!what\s)(?<!which\s)(?<!ship\s)\b(?:should|must)\s+be\s+(?:\w+ly\s+)?" + _PASSIVE + r"\b"),
    ("demand", r"\bthe\s+sooner\b[^.]{0,80}\bthe\s+better\b"),
    ("demand", r"\b(?:{own})\s+(?:wished|wanted|wants|wishes)\s+(?:the\s+)?(?:{other})\s+to\s+"
               + _ACTION + r"\b"),
    ("appeal", r"\bappeal(?:ed)?\s+(?:once\s+again\s+)?to\s+[^.]{1,60}?\s+to\s+(?!be\b|consider\b|"
               r"reconsider\b|take\s+into\b|understand\b|insist\b)" + _ACTION + r"\b"),
)
# a report of an earlier proposal, not a new one
_REPORTED = re.compile(r"\b(?:original|earlier|previous|latest|our|their|his)\s+(?:proposal|suggestion)\b"
                       r"|\bhad\s+(?:made|submitted|put\s+forward)\s+a\s+(?:counter-)?proposal\b"
                       r"|\bcounter-proposal\b")
_CONDITION_ON_PREVIOUS = re.compile(r"^(?:If|Unless|Provided)\s+(?:this|that|it)\b|^Also\b")
# moving the agenda on is no proposal to the other side
_AGENDA = re.compile(r"\b(?:suggested|proposed)\s+that\s+(?:we|this|the\s+discussion|they)\s+"
                     r"(?:[\w~]+\s+){0,3}?(?:return|turn|move|put\s+aside|put|go\s+back|drop|pass|proceed)\b")
# a report of the speaker's or a side's attitude, not an act: "it showed that the USSR was willing"
_ATTITUDE = re.compile(r"\b(?:indicated|showed|proved|demonstrated|meant|believed|understood)\s+that\b")
_SUPPORT = r"\bas\s+(?:outlined|suggested|proposed|indicated|described)\s+by\s+(?:[\w.]+\s+)?(?:{names})\b"

# --- responses ------------------------------------------------------------------------------

RESPONSE_CUES: tuple[tuple[str, str], ...] = (
    ("countered", r"\bwould\s+be\s+well\s+advised\s+to\b"),
    ("countered", r"\bif\s+(?:the\s+)?\w+\s+were\s+to\s+(?:suggest|propose|give|provide)\b"),
    ("countered", r"\b(?:an?\s+)?alternative\b|\binstead\b"),
    ("rejected", r"\bcould\s+not\s+(?:accept|agree|enter|decide|consider|go\s+along)\b"),
    ("rejected", r"\bcannot\s+(?:accept|agree)\b|\b(?:was|is|were)\s+(?:quite\s+|totally\s+|entirely\s+)?"
                 r"(?:unacceptable|not\s+acceptable)\b"),
    ("rejected", r"\bwould\s+not\s+insist\b|\bnot\s+to\s+insist\b|\brefused\b|\brejected\b"),
    ("rejected", r"\b(?:had|has|have)\s+the\s+same\s+objections?\b|\bobject(?:ed|s)?\s+to\s+(?!by\b)"
                 r"(?:the|this|that|using|any)\b"),
    ("rejected", r"\bonly\s+complicated\b|\bno\s+basis\s+for\b|\bnot\s+one\s+of\b|\bnot\s+in\s+accord\b"),
    ("deferred", r"\bconsult\b|\bwould\s+(?:ask\s+for\s+a\s+confirmation|inform\s+(?:its|his|their)\s+"
                 r"[Gg]overnment|report\s+to)\b|\bnot\s+ready\s+to\s+reply\b|\bwould\s+endeavou?r\b"),
    # "would report his proposal to Washington", "would pass it on to his Government"
    ("deferred", r"\b(?:would|will)\s+(?:have\s+to\s+)?(?:report|refer|transmit|convey|pass)\s+"
                 r"(?:[\w'’]+\s+){1,3}?(?:on\s+)?to\s+(?:his|its|their|the\s+[A-Z]|[A-Z])"),
    # "would decide tomorrow", "would give his answer after consulting", "would study it"
    ("deferred", r"\b(?:would|will)\s+(?:decide|make\s+(?:a|his|the|its)\s+decision|give\s+(?:us\s+)?"
                 r"(?:an?|his|its|their)\s+(?:answer|reply|decision))\s+(?:later|tomorrow|after|when|"
                 r"in\s+(?:a|the)\s+(?:few|next|coming)|once|as\s+soon\s+as)\b"
                 r"|\b(?:would|will)\s+(?:study|think\s+over|consider)\s+(?:it|this|that|the\s+"
                 r"(?:matter|question|proposal|suggestion|idea))\b"),
    ("rejected", r"\b(?:would|will)\s+(?:strongly\s+)?oppose\b|\bwas\s+(?:strongly\s+)?opposed\s+to\b"),
    ("deferred", r"\b(?:would|will)\s+(?:reply|answer|respond|give\s+an\s+answer)\s+later\b"
                 r"|\brefer(?:red)?\s+to\s+(?:his|its|their)\s+[Gg]overnment\b|\bno\s+suggestion\s+as\s+to\b"),
    ("accepted", r"\bagreed\s+(?:but|to|with)\b|\bagreed\s*[,.]|\baccepted\b|\bwould\s+be\s+available\b"
                 r"|\bno\s+objection\b|\bwas\s+acceptable\b|\bwelcomed\b"),
)
_CONDITION = re.compile(r"\bas\s+soon\s+as\b|\bprovided\s+that\b|\bon\s+condition\b|\bonce\s+the\b"
                        r"|\bupon\s+the\s+establishment\b")
_QUOTED = re.compile(r'"[^"]{3,}"|“[^”]{3,}”')
_SAME_AS_BEFORE = re.compile(r"^The\s+same\s+appl(?:ied|ies)\s+to\b")
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


def proposal_act(text: str, side: str | None, sides: set[str],
                 own_names: tuple[str, ...] = ()) -> str | None:
    """The act a sentence of a turn performs when it puts something to the other side.

    ``own_names``: surnames of the speaker's own delegation; backing what one of them put
    ("as outlined by Ambassador X") supports that proposal rather than making a new one.
    """
    if _REPORTED.search(text) or _AGENDA.search(text):
        return None
    if own_names and re.search(_SUPPORT.replace("{names}", _alt(own_names)), text):
        return None
    other_words = [w for s in _others(side, sides) for w in SIDE_WORDS.get(s, ())]
    other = _alt(other_words) if other_words else None
    own_words = list(SIDE_WORDS.get(side or "", ())) + ["he", "He", "we", "We", "I", "they", "They"]
    own = _alt(own_words)
    # the act the sentence performs is the first one it states ("asked me to tell the President
    # that he was ready to ...": a request that carries an offer)
    best: tuple[int, str] | None = None
    for act, pat in TRIGGERS:
        filled = _fill(pat, own, other)
        if not filled:
            continue
        for m in re.finditer(filled, text):
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
                if _ATTITUDE.search(before):
                    continue
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
    """An earlier proposal of the same speaker this sentence puts again (in a later turn)."""
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
    reported = bool(_REPORTED.search(text))  # "we had made a counter-proposal": a report ...
    found = []
    for st, pat in RESPONSE_CUES:
        for m in re.finditer(pat, text):
            if m.group().split()[0].endswith("ed") and re.search(r"\bhad\s+(?:\w+\s+)?$", text[:m.start()]):
                continue                     # "had agreed": what someone did before
            found.append(st)
            break
    if reported and found != ["deferred"]:
        return None                          # ... unless it defers it ("report his proposal to")
    if not found:
        return None
    if "countered" in found:
        return "countered"
    if "accepted" in found and "rejected" in found:
        return "countered"
    return found[0]


def _subject_is(text: str, side: str | None, names: list[str]) -> bool:
    """Does the sentence speak of the proposer's side (or the proposer) as its subject?"""
    sub = side_subject_re(side)
    head = re.sub(r"^(?:Then|Later|In\s+fact|However|Thus|Now)\s*,?\s*", "", text)
    if sub and re.match(rf"{sub}\b", head, re.IGNORECASE):
        return True
    return any(re.match(rf"(?:Mr\.|Ambassador|Amb\.|Am\.|Secretary)\s+{re.escape(n)}\b", head)
               for n in names if n)


def _side_key(ts: TurnStretch, one_sided: bool = False) -> str:
    """The side a turn speaks for; without a participants list, or in a meeting of one side
    (the President and his advisers), the speaker himself."""
    if one_sided:
        return ts.turn.speaker or "?"
    return ts.turn.side or ts.turn.speaker or "?"


class _Turns:
    """The turns proposals are answered in, each turn's sentences split and weighed once for
    every proposal that looks at it (per proposal, a long OCR report made it quadratic)."""

    def __init__(self, t: Transcript, stretches: list[TurnStretch]) -> None:
        self.t, self.stretches = t, stretches
        self.position: dict[int, int] = {}
        for i, ts in enumerate(stretches):
            self.position.setdefault(ts.turn.index, i)
        self.one_sided = len({ts.turn.side for ts in stretches if ts.turn.side}) <= 1
        self._sentences: dict[int, list[tuple]] = {}

    def sentences(self, i: int) -> list[tuple]:
        """(sentence, text, text without quotations, its cue, stems, topics) of stretch i."""
        if i not in self._sentences:
            t, ts = self.t, self.stretches[i]
            out = []
            for s in (s for a, b in ts.pieces for s in sentences(t, a, b)):
                text = s.text(t)
                own = _QUOTED.sub(" ", text)     # words quoted from a document are not the answer
                out.append((s, text, own, _cue(own), stems(text), topics_of(text)))
            self._sentences[i] = out
        return self._sentences[i]


def _candidates(t: Transcript, p: Found, turns: _Turns) -> list[tuple]:
    """Answers to one proposal: (score, status, sentence, turn) in the other side's turns."""
    ptext = " ".join(s.text(t) for s in p.sentences)
    pst = stems(ptext)
    ptopics = topics_of(ptext)
    stretches = turns.stretches
    start = turns.position[p.stretch.turn.index]
    one_sided = turns.one_sided
    who = surname(p.stretch.turn.speaker or "")
    proposer_re = rf"\b{re.escape(who)}(?:'s)?\b" if len(who) > 2 else None
    out: list[tuple] = []
    first_other, seen_other = True, False
    for i in range(start + 1, min(start + 12, len(stretches))):
        ts = stretches[i]
        if _side_key(ts, one_sided) == _side_key(p.stretch, one_sided):
            if seen_other:
                first_other = False          # the proposer's side spoke again: later answers
                if out:
                    break                    # ... are looked at only when none came first
            continue
        seen_other = True
        sents = turns.sentences(i)
        prev_status, prev_ov = None, 0
        for k, (s, text, own, status, sent_stems, sent_topics) in enumerate(sents):
            if status == "accepted" and k + 1 < len(sents) and sents[k + 1][3] == "rejected":
                status = "countered"         # agrees to part, refuses the rest
            if status is None and _SAME_AS_BEFORE.search(text):
                status = prev_status         # "The same applied to ..."
            own_ov = len(pst & sent_stems) + 2 * len(ptopics & sent_topics)
            if proposer_re and re.search(proposer_re, text):
                own_ov += 2                  # "... could not accept Mr. X's statement"
            # "As to X, ...": the sentence before names what the answer is about
            ov = max(own_ov, prev_ov - 1)
            if status is None and _CONDITION.search(own) and own_ov >= 2:
                status = "countered"         # the same action, under a condition
            prev_ov = own_ov
            if status is not None:
                prev_status = status
            if status is None or _subject_is(text, p.side, [p.stretch.turn.speaker]):
                continue
            if not first_other and ov < 3:
                continue
            out.append(((ov, first_other, -s.start), status, s, ts))
        if any(c[0][0] >= 3 for c in out):
            break
    return out


def respond(t: Transcript, found: list[Record], props: list[Found]) -> list[Proposal]:
    stretches = [ts for ts in turn_spans(t, found) if not ts.turn.narration]
    turns = _Turns(t, stretches)
    cands = [_candidates(t, p, turns) for p in props]
    # one answer answers one proposal: best pairs first
    flat = sorted(((c[0], i, c) for i, cs in enumerate(cands) for c in cs),
                  key=lambda x: (x[0], -x[1]), reverse=True)
    chosen: dict[int, tuple] = {}
    used: set[int] = set()
    for _, i, c in flat:
        if i in chosen or c[2].start in used:
            continue
        chosen[i] = c
        used.add(c[2].start)
    out: list[Proposal] = []
    for i, p in enumerate(props):
        ptext = " ".join(s.text(t) for s in p.sentences)
        common = dict(evidence=tuple(t.span(s.start, s.end) for s in p.sentences), extractor=NAME,
                      proposer=p.stretch.turn.speaker, act=p.act,
                      addressee_side=_addressee(p, stretches), proposer_side=p.side,
                      topic=topic_of(ptext), turn=p.stretch.turn.index)
        if i not in chosen:
            out.append(Proposal(**common))
            continue
        _, status, s, ts = chosen[i]
        out.append(Proposal(**common, status=status, responder=ts.turn.speaker,
                            response_evidence=(t.span(s.start, s.end),),
                            response_turn=ts.turn.index))
    return out


def _addressee(p: Found, stretches: list[TurnStretch]) -> str | None:
    sides = [ts.turn.side for ts in stretches if ts.turn.side and ts.turn.side != p.side]
    return max(set(sides), key=sides.count) if sides else None


@extractor(NAME)
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(respond(t, found, detect(t, found)))
