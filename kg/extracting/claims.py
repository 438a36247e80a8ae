"""Claims: what each speaker asserts inside his turns, one claim a sentence.

Every sentence of a speaker's turn that states a fact, a position or an interpretation is a
claim of the turn's speaker ("He noted that the only question that remained ...", "The USSR
regarded the so-called quarantine as illegal ...").  Left out: procedural sentences
(thanks, greetings, moving the agenda, "had nothing to add"), questions, fragments, and the
sentences that put something to the other side (those are proposals).  The drafter's
parenthetical asides are claims of the drafter.  The topic comes from the topic lexicon
(kg/data/topics.tsv); a sentence with no topic word takes the last topic of its turn.
"""
from __future__ import annotations

import re

from kg.extracting import extractor
from kg.extracting.discourse import participants, sentences, topic_of, turn_spans
from kg.extracting.proposals import proposal_act
from kg.lexicon.matching import surname
from kg.reading.transcript import Transcript
from kg.records import Claim, Participant, Record, SpeakerTurn

NAME = "claims"

# Procedure, courtesy and conversation management: no assertion about the matter.
PROCEDURAL: tuple[str, ...] = (
    r"\bthanked\b", r"\bcongratulated\b", r"\bgreeted\b", r"\bwelcomed\b",
    # "opened the conversation by inviting ...", but not "... by saying that <a claim>"
    r"\bopened\s+the\s+(?:conversation|meeting|discussion)\b(?!\s+by\s+(?:saying|stating|noting|observing|pointing\s+out)\b)",
    r"\bno\s+suggestion\s+as\s+to\b",
    r"\bcould\s+add\s+nothing\b", r"\bnothing\s+(?:further\s+)?to\s+add\b",
    r"\bwould\s+not\s+attempt\s+to\s+review\b", r"\bdid\s+not\s+wish\s+to\s+go\s+into\b",
    r"\binquired\s+about\s+the\s+next\s+meeting\b", r"\bturned\s+to\s+the\s+question\b",
    r"\breverted\s+to\s+the\s+question\b", r"\bwondered\s+what\s+he\s+could\s+say\b",
    r"\bmeeting\s+(?:ended|adjourned|closed)\b", r"\bwould\s+be\s+available\b",
)
_PROCEDURAL = re.compile("|".join(PROCEDURAL), re.IGNORECASE)


def _is_claim(text: str) -> bool:
    if len(re.findall(r"[A-Za-z]{2,}", text)) < 5:
        return False
    if text.rstrip().endswith("?"):
        return False
    return not _PROCEDURAL.search(text)


def build_claims(t: Transcript, found: list[Record]) -> list[Claim]:
    stretches = turn_spans(t, found)
    sides = {ts.turn.side for ts in stretches if ts.turn.side}
    names = {side: tuple(surname(p.name) for p in participants(found) if p.name and p.side == side)
             for side in sides}
    out: list[Claim] = []
    for ts in stretches:
        turn = ts.turn
        if turn.narration:
            a, b = ts.pieces[0][0], ts.pieces[-1][1]
            text = t.text[a:b]
            out.append(Claim(evidence=(t.span(a, b),), extractor=NAME, speaker=turn.speaker,
                             topic=topic_of(text), turn=turn.index, narration=True))
            continue
        running: str | None = None
        for a, b in ts.pieces:
            for s in sentences(t, a, b):
                text = s.text(t)
                topic = topic_of(text) or running
                running = topic
                if not _is_claim(text):
                    continue
                if proposal_act(text, turn.side, sides, names.get(turn.side, ())) is not None:
                    continue
                out.append(Claim(evidence=(t.span(s.start, s.end),), extractor=NAME,
                                 speaker=turn.speaker, topic=topic, turn=turn.index))
    return out


@extractor(NAME, requires=(SpeakerTurn, Participant), produces=(Claim,))
def extract(t: Transcript, found: list[Record]) -> list[Record]:
    return list(build_claims(t, found))
